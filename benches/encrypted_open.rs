//! Encryption at rest with 10,000 saved sessions: the same start-up figures as the plain
//! folder (`benches/startup.rs`), taken after the one deliberate passphrase step. Plain
//! `std::time` measurements: `cargo bench --bench encrypted_open`. Set
//! `ALONGSIDE_BENCH_SESSIONS` to try another size (100000 takes minutes to generate and
//! encrypt). The conversion itself is timed by `benches/encrypt.rs`.
//!
//! Goals (medians, release build, 2 cores) at 10k / 100k, after unlocking: first frame 40 /
//! 100 ms, save 10 / 15 ms, `notes show ID` 15 / 20 ms (the whole process also pays the
//! passphrase step, about a second by design). A save the app makes runs on the UI thread,
//! so it is also timed as a whole effect (the save and the app state brought up to date
//! after it), plain and sealed.

mod common;

use std::hint::black_box;
use std::time::Instant;

use alongside::cli::notes::{self, NoteFormat};
use alongside::domain::secret::Passphrase;
use alongside::storage::Store;
use alongside::storage::crypt::{self, migrate};
use common::{measure, measure_timed};

const RUNS: usize = 15;
const PASSPHRASE: &str = "bench passphrase";

fn main() {
    let sessions: usize = std::env::var("ALONGSIDE_BENCH_SESSIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let temp = common::temp_dir();
    let dir = temp.path();
    let report = common::generate(dir, sessions, (sessions / 200).max(6));
    println!(
        "generated {} sessions in {:.2} s",
        report.sessions,
        report.elapsed.as_secs_f64()
    );
    // The same save on the plain folder first, for comparison.
    common::measure_app_save("plain", dir, RUNS);

    let pass = Passphrase::from(PASSPHRASE);
    let t = Instant::now();
    let done = migrate::encrypt(dir, &pass, migrate::Options::default()).expect("encrypt");
    println!(
        "alongside encrypt: {} files in {:.2} s, {:.2} s of it the passphrase step",
        done.converted,
        t.elapsed().as_secs_f64(),
        done.passphrase_time.as_secs_f64()
    );
    let size = |name: &str| {
        std::fs::metadata(dir.join(name))
            .map(|m| m.len())
            .unwrap_or(0) as f64
            / 1e6
    };
    println!(
        "sealed index files: index.json {:.1} MB, index-search.json {:.1} MB",
        size("index.json"),
        size("index-search.json")
    );

    measure(
        "unlock (scrypt, about 1 s by design, once per start)",
        3,
        || {
            crypt::forget(dir);
            crypt::unlock(dir, &pass).expect("unlock");
        },
    );

    // Everything below runs unlocked: the figures after the passphrase step.
    measure_timed(
        "first frame after unlock: open + App::new + draw",
        RUNS,
        || {
            let (mut store, took) = common::first_frame(dir);
            // Started after the first frame, as in the app, and finished outside the timed
            // part, so runs do not overlap.
            store.preload_search();
            black_box(store.check_index());
            black_box(store.search_index().read().map(|i| i.len()).unwrap_or(0));
            took
        },
    );

    measure_timed(
        "after the first frame: check files + search texts",
        RUNS,
        || {
            let (mut store, _) = Store::open_for_app(dir).expect("open");
            store.preload_search();
            let started = Instant::now();
            black_box(store.check_index());
            black_box(store.search_index().read().map(|i| i.len()).unwrap_or(0));
            started.elapsed()
        },
    );

    let saved = Store::open_read_only(dir).expect("open").0.sessions().len();
    measure("Store::open + list + search", RUNS, || {
        let (store, problems) = Store::open(dir).expect("open");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(store.filter(None, "").len(), saved);
        black_box(store.filter(None, "landlord heater"));
    });

    let one = {
        let (store, _) = Store::open_read_only(dir).expect("open");
        store.sessions()[store.sessions().len() / 2].id
    };
    let progress = alongside::cli::progress::ProgressContext::builtin().expect("layout");
    measure("notes show ID after unlock (one sealed file)", RUNS, || {
        let session = Store::read_session_only(dir, one).expect("read");
        let mut sink = std::io::sink();
        notes::print_note(&session, NoteFormat::Md, &progress, None, &mut sink).expect("print");
    });
    let exe = env!("CARGO_BIN_EXE_alongside");
    let id = one.to_string();
    measure(
        "process: alongside notes show ID (passphrase step included)",
        3,
        || {
            let status = std::process::Command::new(exe)
                .arg("--data-dir")
                .arg(dir)
                .args(["notes", "show", &id])
                .env("ALONGSIDE_PASSPHRASE", PASSPHRASE)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .expect("run alongside");
            assert!(status.success());
        },
    );

    common::measure_app_save("sealed", dir, RUNS);

    measure(
        "Store::rebuild_index: decrypt and parse every note file",
        3,
        || {
            let (mut store, _) = Store::open(dir).expect("open");
            let problems = store.rebuild_index();
            assert!(problems.is_empty());
        },
    );
}
