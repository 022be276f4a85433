//! Startup budget: with 10,000 saved sessions, opening the store and listing must take well
//! under 100 ms. Plain `std::time` measurements (no harness): `cargo bench --bench startup`.
//! Set `ALONGSIDE_BENCH_SESSIONS` to try another size.

use std::hint::black_box;
use std::io;
use std::time::{Duration, Instant};

use alongside::app::App;
use alongside::cli::notes;
use alongside::storage::{Store, sample};
use alongside::tui::NoteStore;
use alongside::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const RUNS: usize = 15;

fn main() {
    let sessions: usize = std::env::var("ALONGSIDE_BENCH_SESSIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let peers = (sessions / 200).max(6);
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("could not create a temporary folder: {e}");
            std::process::exit(1);
        }
    };
    let report = match sample::generate(dir.path(), sessions, peers, 1) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("could not generate data: {e}");
            std::process::exit(1);
        }
    };
    let index_size = std::fs::metadata(dir.path().join("index.json"))
        .map(|m| m.len())
        .unwrap_or(0);
    println!(
        "generated {} sessions for {} peers in {:.2} s (index.json {:.1} MB)",
        report.sessions,
        report.peers,
        report.elapsed.as_secs_f64(),
        index_size as f64 / 1e6
    );

    measure("Store::open + list + search", || {
        let (store, problems) = Store::open(dir.path()).expect("open");
        assert!(problems.is_empty());
        let all = store.filter(None, "");
        assert_eq!(all.len(), sessions);
        black_box(store.filter(None, "landlord heater"));
        black_box(store.peer_stats());
    });

    // What a user waits for: the store opened, the app state built from it, and the home
    // screen drawn once (into an 80x24 test buffer instead of a terminal).
    measure("home screen: open + App::new + first draw", || {
        let (store, _) = Store::open(dir.path()).expect("open");
        let drafts = store.drafts();
        let app = App::new(
            NoteStore::peers(&store),
            NoteStore::history(&store),
            drafts,
            Vec::new(),
            alongside::domain::now(),
        );
        let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        term.draw(|f| ui::draw(f, &app)).expect("draw");
        black_box(term.backend());
    });

    measure("Store::open_read_only + notes list", || {
        let (store, _) = Store::open_read_only(dir.path()).expect("open");
        let mut sink = io::sink();
        notes::list(&store, None, false, &mut sink).expect("list");
    });

    measure("Store::open_read_only + notes list --json", || {
        let (store, _) = Store::open_read_only(dir.path()).expect("open");
        let mut sink = io::sink();
        notes::list(&store, None, true, &mut sink).expect("list");
    });

    // The rare slow path: no index, every session file read (in parallel) and the index
    // written again.
    measure("Store::open with index.json missing (full rebuild)", || {
        let _ = std::fs::remove_file(dir.path().join("index.json"));
        let (store, _) = Store::open(dir.path()).expect("open");
        assert_eq!(store.sessions().len(), sessions);
    });
}

fn measure(label: &str, mut f: impl FnMut()) {
    f(); // warm the page cache, as a second launch would find it
    let cpu_before = cpu_time();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    let cpu = cpu_time()
        .zip(cpu_before)
        .map(|(after, before)| after.saturating_sub(before) / RUNS as u32);
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let cpu = cpu.map_or_else(String::new, |c| format!("   cpu/run {:>7.2} ms", ms(c)));
    println!(
        "{label:<52} median {:>7.2} ms   min {:>7.2} ms   max {:>7.2} ms{cpu}   ({RUNS} runs)",
        ms(times[RUNS / 2]),
        ms(times[0]),
        ms(times[RUNS - 1])
    );
}

/// User + system CPU time of this process so far (Linux only), so results can be read
/// apart from other load on a shared machine. Assumes the usual 100 ticks per second.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = stat.rsplit_once(") ")?.1;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 10))
}
