//! History at scale: start-up, saving, showing one note, a history keystroke and memory, with
//! 10,000 saved sessions by default. Plain `std::time` measurements (no harness):
//! `cargo bench --bench startup`. Set `ALONGSIDE_BENCH_SESSIONS` to try another size
//! (100000). `ALONGSIDE_BENCH_DIR` measures a folder made beforehand with `alongside
//! generate` instead of generating one (the save measurement adds sessions to it),
//! `ALONGSIDE_BENCH_ONLY` (words, comma-separated) runs only the measurements whose label
//! contains one of them, and `ALONGSIDE_BENCH_RUNS` sets the timed runs of each (15).
//! `ALONGSIDE_BENCH_MEMORY_STEPS=1` also prints how much each step of the memory
//! measurement added (and the size of the search index), for finding where memory goes.
//!
//! The run at 1,000,000 sessions is a deliberate one, never part of `.ci/run`: the folder
//! takes several GB and 10-20 minutes to write, so make it once outside the temporary folder
//! and measure it with few runs, leaving out the full rebuild (which reads every file):
//!
//! ```text
//! alongside generate --sessions 1000000 --peers 5000 --data-dir /somewhere/big
//! ALONGSIDE_BENCH_DIR=/somewhere/big ALONGSIDE_BENCH_RUNS=5 \
//!   ALONGSIDE_BENCH_ONLY="idle memory,first frame,after the first,keystroke,save,show" \
//!   cargo bench --bench startup
//! ```
//!
//! Check `df -h` first and delete the folder afterwards.
//!
//! Goals (medians, release build, 2 cores) at 10k / 100k / 1M: first frame 40 / 100 / 1000 ms,
//! save 10 / 15 / 50 ms, `notes show ID` (whole process) 15 / 20 / 50 ms, history keystroke
//! 5 / 16 / 100 ms, idle RSS 30 / 80 / 400 MB.

mod common;

use std::hint::black_box;
use std::io;
use std::time::{Duration, Instant};

use alongside::app::{self as app_mod, Action, Screen};
use alongside::cli::notes;
use alongside::storage::Store;
use alongside::tui::NoteStore;
use alongside::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// Timed runs of each measurement unless `ALONGSIDE_BENCH_RUNS` says otherwise.
const RUNS: usize = 15;

fn runs() -> usize {
    std::env::var("ALONGSIDE_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n: &usize| n > 0)
        .unwrap_or(RUNS)
}

/// Set (to a data folder) in the child process that measures idle memory.
const MEMORY_OF: &str = "ALONGSIDE_BENCH_MEMORY_OF";

fn main() {
    if let Some(dir) = std::env::var_os(MEMORY_OF) {
        let (grew, whole) = idle_memory(std::path::Path::new(&dir));
        println!("{grew:.1} {whole:.1}");
        return;
    }
    let sessions: usize = std::env::var("ALONGSIDE_BENCH_SESSIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let peers = (sessions / 200).max(6);
    let given = std::env::var_os("ALONGSIDE_BENCH_DIR").map(std::path::PathBuf::from);
    let temp = match &given {
        Some(_) => None,
        None => match tempfile::tempdir() {
            Ok(d) => Some(d),
            Err(e) => {
                eprintln!("could not create a temporary folder: {e}");
                std::process::exit(1);
            }
        },
    };
    let dir_path = match (&given, &temp) {
        (Some(p), _) => p.clone(),
        (None, Some(t)) => t.path().to_path_buf(),
        (None, None) => unreachable!("a folder is either given or made"),
    };
    if given.is_none() {
        let report = common::generate(&dir_path, sessions, peers);
        println!(
            "generated {} sessions for {} peers in {:.2} s",
            report.sessions,
            report.peers,
            report.elapsed.as_secs_f64(),
        );
    }
    let sessions = {
        let (store, _) = Store::open_read_only(&dir_path).expect("open");
        store.sessions().len()
    };
    let dir = Dir(dir_path);
    let size = |name: &str| {
        std::fs::metadata(dir.path().join(name))
            .map(|m| m.len())
            .unwrap_or(0) as f64
            / 1e6
    };
    println!(
        "{sessions} sessions (index.json {:.1} MB, index-search.json {:.1} MB)",
        size("index.json"),
        size("index-search.json"),
    );

    // What stays in memory once the app is up with search ready, measured in a fresh
    // process of this bench (see `idle_memory`), so nothing measured here before is
    // counted, or hidden by memory the allocator kept.
    if wanted("idle memory") {
        let out = std::process::Command::new(std::env::current_exe().expect("this bench"))
            .env(MEMORY_OF, dir.path())
            .output()
            .expect("run the memory measurement");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let mut figures = stdout.split_whitespace();
        let (grew, whole) = (figures.next().unwrap_or("?"), figures.next().unwrap_or("?"));
        if std::env::var_os("ALONGSIDE_BENCH_MEMORY_STEPS").is_some() {
            print!("{}", String::from_utf8_lossy(&out.stderr));
        }
        println!(
            "{:<52} {:>7} MiB (resident size of a fresh process grew by this much)",
            "idle memory: store + app + search texts", grew
        );
        println!(
            "{:<52} {:>7} MiB (the whole process, program and libraries included)",
            "idle memory: whole process", whole
        );
    }

    measure("Store::open + list + first search", || {
        let (store, problems) = Store::open(dir.path()).expect("open");
        assert!(problems.is_empty());
        let all = store.filter(None, "");
        assert_eq!(all.len(), sessions);
        black_box(store.filter(None, "landlord heater"));
        black_box(store.peer_stats());
    });

    // What a user waits for: the store opened, the app state built from it, and the home
    // screen drawn once (into an 80x24 test buffer instead of a terminal). As in the app,
    // the search texts and the check of every session file wait for the first frame; both
    // are finished after the timed part, so runs do not overlap (the next measurement
    // times them).
    measure_until("first frame: open + App::new + first draw", || {
        let (mut store, took) = common::first_frame(dir.path());
        store.preload_search();
        black_box(store.check_index());
        black_box(store.journey());
        black_box(search_len(&store));
        took
    });

    // What follows the first frame before the first key is handled, as the app does it:
    // the search texts read on another thread while every session file's stamp is checked
    // against the index and the journey (goals, each peer's latest note) is read.
    measure_until(
        "after the first frame: check, journey, search texts",
        || {
            let (mut store, _) = Store::open_for_app(dir.path()).expect("open");
            let started = Instant::now();
            store.preload_search();
            black_box(store.check_index());
            black_box(store.journey());
            black_box(search_len(&store));
            started.elapsed()
        },
    );

    // One key typed into the history filter: the filter runs and the screen is drawn.
    if wanted("history keystroke") {
        let (store, _) = Store::open(dir.path()).expect("open");
        let mut app = common::app_of(&store);
        if let Some(index) = NoteStore::search_index(&store) {
            app.attach_search_index(index);
        }
        app.screen = Screen::History;
        let t = alongside::domain::now();
        app_mod::update(&mut app, Action::StartFilter, t);
        let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        let mut typed = 0usize;
        // "e" keeps matching nearly everything (the worst case); then backspace.
        measure("history keystroke: filter + draw (80x24)", || {
            let key = if typed.is_multiple_of(2) {
                KeyEvent::from(KeyCode::Char('e'))
            } else {
                KeyEvent::from(KeyCode::Backspace)
            };
            typed += 1;
            app_mod::update(&mut app, Action::Input(key.into()), t);
            term.draw(|f| ui::draw(f, &app)).expect("draw");
            black_box(term.backend());
        });
        // The same with a letter not typed in the last 25 keys, so the search index's memory
        // of recent words never answers: the whole filter runs every time.
        let letters: Vec<char> = ('a'..='z').collect();
        let mut next = 0usize;
        common::measure_timed("history keystroke, letter not typed lately", runs(), || {
            let clear = KeyEvent::from(KeyCode::Backspace);
            app_mod::update(&mut app, Action::Input(clear.into()), t);
            let key = KeyEvent::from(KeyCode::Char(letters[next % letters.len()]));
            next += 1;
            let start = Instant::now();
            app_mod::update(&mut app, Action::Input(key.into()), t);
            term.draw(|f| ui::draw(f, &app)).expect("draw");
            black_box(term.backend());
            start.elapsed()
        });
    }

    // Saving one session, fsync included, with the whole history present: the store's save
    // alone, then the app's whole save effect (the save and the app state brought up to
    // date after it, all of which a person waits for).
    if wanted("save") {
        common::measure_app_save("plain", dir.path(), runs());
    }

    // The whole process, as a shell user waits for it.
    let exe = env!("CARGO_BIN_EXE_alongside");
    let one_id = {
        let (store, _) = Store::open_read_only(dir.path()).expect("open");
        store.sessions()[store.sessions().len() / 2].id.to_string()
    };
    measure("process: alongside notes show ID", || {
        run_cli(exe, dir.path(), &["notes", "show", &one_id]);
    });
    measure("process: alongside notes list", || {
        run_cli(exe, dir.path(), &["notes", "list"]);
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
    let saved_now = {
        let (store, _) = Store::open_read_only(dir.path()).expect("open");
        store.sessions().len()
    };
    measure("Store::open with index.json missing (full rebuild)", || {
        for name in ["index.json", "index-search.json"] {
            let _ = std::fs::remove_file(dir.path().join(name));
        }
        let (store, _) = Store::open(dir.path()).expect("open");
        assert_eq!(store.sessions().len(), saved_now);
    });
}

/// The growth of this process's resident size (MiB) from opening `dir` as the app does to
/// holding what the app keeps once search is ready (the store, the app state with its lists
/// and journey, and every search text), and the whole resident size then.
fn idle_memory(dir: &std::path::Path) -> (f64, f64) {
    let before = rss_mb();
    // Each step's growth goes to stderr, for finding where the memory goes.
    let mut last = before;
    let mut step = |what: &str| {
        let now = rss_mb();
        eprintln!(
            "{what:<40} +{:>7.1} MB (heap in use {:>7.1} MB)",
            now - last,
            heap_in_use_mb()
        );
        last = now;
    };
    eprintln!(
        "size of an index entry {} B, of a history row {} B",
        std::mem::size_of::<alongside::storage::IndexEntry>(),
        std::mem::size_of::<alongside::app::HistoryItem>(),
    );
    let (mut store, _) = Store::open_for_app(dir).expect("open");
    step("open the store");
    let mut app = common::app_of(&store);
    step("app state");
    store.preload_search();
    black_box(store.check_index());
    step("check the index");
    app.journey = store.journey().0;
    step("journey");
    black_box(search_len(&store));
    step("search texts (store)");
    if let Some(index) = NoteStore::search_index(&store) {
        app.attach_search_index(index);
    }
    step("search texts (app)");
    {
        let index = store
            .search_index()
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        eprintln!(
            "search index: {} notes, {} tokens, {:.1} MB",
            index.len(),
            index.tokens(),
            index.heap_bytes() as f64 / 1e6
        );
    }
    black_box(&app);
    black_box(&store);
    let now = rss_mb();
    (now - before, now)
}

/// How many notes the store's search index holds (reading it if need be).
fn search_len(store: &Store) -> usize {
    store
        .search_index()
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .len()
}

/// Runs the app's command line on `dir`, output discarded.
fn run_cli(exe: &str, dir: &std::path::Path, args: &[&str]) {
    let status = std::process::Command::new(exe)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run alongside");
    assert!(status.success(), "alongside {args:?} failed");
}

/// The heap the allocator has handed out and not had back, in MB (glibc; 0 elsewhere).
fn heap_in_use_mb() -> f64 {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallinfo2 only reads the allocator's counters.
    let bytes = unsafe { libc::mallinfo2() }.uordblks;
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let bytes = 0usize;
    bytes as f64 / 1e6
}

/// This process's resident memory in MiB (Linux; 0 elsewhere).
fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// The folder measured.
struct Dir(std::path::PathBuf);

impl Dir {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
}

/// Whether `ALONGSIDE_BENCH_ONLY` (if set) asks for the measurement `label`.
fn wanted(label: &str) -> bool {
    std::env::var("ALONGSIDE_BENCH_ONLY").map_or(true, |only| {
        only.split(',')
            .map(str::trim)
            .any(|w| !w.is_empty() && label.contains(w))
    })
}

fn measure(label: &str, mut f: impl FnMut()) {
    measure_until(label, || {
        let start = Instant::now();
        f();
        start.elapsed()
    });
}

/// [`measure`] for a closure that times its own part and returns it.
fn measure_until(label: &str, mut f: impl FnMut() -> Duration) {
    if !wanted(label) {
        return;
    }
    f(); // warm the page cache, as a second launch would find it
    let cpu_before = cpu_time();
    let runs = runs();
    let mut times: Vec<Duration> = (0..runs).map(|_| f()).collect();
    let cpu = cpu_time()
        .zip(cpu_before)
        .map(|(after, before)| after.saturating_sub(before) / runs as u32);
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let cpu = cpu.map_or_else(String::new, |c| format!("   cpu/run {:>7.2} ms", ms(c)));
    println!(
        "{label:<52} median {:>7.2} ms   min {:>7.2} ms   max {:>7.2} ms{cpu}   ({runs} runs)",
        ms(times[runs / 2]),
        ms(times[0]),
        ms(times[runs - 1])
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
