//! Encryption at rest with 10,000 saved sessions: the one-time conversion, unlocking (one
//! scrypt run by design), and opening the encrypted folder as the app does. Plain
//! `std::time` measurements: `cargo bench --bench encrypted_open`. Set
//! `ALONGSIDE_BENCH_SESSIONS` to try another size.

use std::hint::black_box;
use std::time::{Duration, Instant};

use alongside::domain::secret::Passphrase;
use alongside::storage::crypt::{self, migrate};
use alongside::storage::{Store, sample};

const RUNS: usize = 10;

fn main() {
    let sessions: usize = std::env::var("ALONGSIDE_BENCH_SESSIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("temporary folder");
    let report = sample::generate(dir.path(), sessions, (sessions / 200).max(6), 1).expect("data");
    println!(
        "generated {} sessions in {:.2} s",
        report.sessions,
        report.elapsed.as_secs_f64()
    );
    let pass = Passphrase::from("bench passphrase");

    let t = Instant::now();
    let done = migrate::encrypt(dir.path(), &pass, migrate::Options::default()).expect("encrypt");
    println!(
        "alongside encrypt: {} files in {:.2} s (each written beside, read back, checked, renamed; index rebuilt)",
        done.converted,
        t.elapsed().as_secs_f64()
    );
    let index = std::fs::metadata(dir.path().join("index.json"))
        .map(|m| m.len())
        .unwrap_or(0);
    println!("encrypted index.json: {:.1} MB", index as f64 / 1e6);

    crypt::forget(dir.path());
    measure(
        "unlock (scrypt, about 1 s by design, once per start)",
        3,
        || {
            crypt::forget(dir.path());
            crypt::unlock(dir.path(), &pass).expect("unlock");
        },
    );

    measure(
        "Store::open encrypted + list + search (index fresh)",
        RUNS,
        || {
            let (store, problems) = Store::open(dir.path()).expect("open");
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(store.filter(None, "").len(), sessions);
            black_box(store.filter(None, "landlord heater"));
        },
    );

    let first = {
        let (store, _) = Store::open(dir.path()).expect("open");
        store.sessions()[0].id
    };
    let (store, _) = Store::open(dir.path()).expect("open");
    measure("load one encrypted note", RUNS * 10, || {
        black_box(store.load_session(first).expect("load"));
    });
    drop(store);

    measure(
        "Store::rebuild_index: decrypt and parse every note file",
        3,
        || {
            let (mut store, _) = Store::open(dir.path()).expect("open");
            let problems = store.rebuild_index();
            assert!(problems.is_empty());
        },
    );
}

fn measure(label: &str, runs: usize, mut f: impl FnMut()) {
    f(); // warm the file cache
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    let median = times[times.len() / 2];
    let best = times[0];
    println!(
        "{label}: median {:.1} ms, best {:.1} ms ({runs} runs)",
        median.as_secs_f64() * 1e3,
        best.as_secs_f64() * 1e3
    );
}
