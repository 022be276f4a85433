//! Shared by the bench binaries: a private temporary folder and one way to time and report.
#![allow(dead_code)]

use std::time::{Duration, Instant};

/// A private temporary folder, or a one-line message and exit when none can be made.
pub fn temp_dir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("could not create a temporary folder: {e}");
            std::process::exit(1);
        }
    }
}

/// Times `f` over `runs` runs after one warm-up run (the page cache as a second launch
/// would find it) and prints the median, fastest and slowest.
pub fn measure(label: &str, runs: usize, mut f: impl FnMut()) {
    measure_timed(label, runs, || {
        let start = Instant::now();
        f();
        start.elapsed()
    });
}

/// [`measure`] for a closure that times its own part and returns it.
pub fn measure_timed(label: &str, runs: usize, mut f: impl FnMut() -> Duration) {
    f();
    let times: Vec<Duration> = (0..runs.max(1)).map(|_| f()).collect();
    report(label, times);
}

/// Prints the median, fastest and slowest of `times` (at least one).
pub fn report(label: &str, mut times: Vec<Duration>) {
    if times.is_empty() {
        return;
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{label:<58} median {:>8.2} ms   min {:>8.2} ms   max {:>8.2} ms   ({} runs)",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1]),
        times.len()
    );
}

/// Fills `dir` with `sessions` fictional sessions over `peers` peers (always the same ones),
/// or prints a one-line message and exits.
pub fn generate(
    dir: &std::path::Path,
    sessions: usize,
    peers: usize,
) -> alongside::storage::sample::GenerateReport {
    match alongside::storage::sample::generate(dir, sessions, peers, 1) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("could not generate data: {e}");
            std::process::exit(1);
        }
    }
}

/// What a person waits for at start: the folder opened for the app, the app state built
/// from it and Home drawn once (into an 80x24 test buffer instead of a terminal). Returns
/// the store, for the work the app does after the first frame, and the time it took.
pub fn first_frame(dir: &std::path::Path) -> (alongside::storage::Store, Duration) {
    let start = Instant::now();
    let (store, _) = alongside::storage::Store::open_for_app(dir).expect("open");
    let app = app_of(&store);
    let mut term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("terminal");
    term.draw(|f| alongside::ui::draw(f, &app)).expect("draw");
    std::hint::black_box(term.backend());
    (store, start.elapsed())
}

/// The app state built from `store` as the app builds it at start (peers, history rows and
/// unfinished sessions), at the current time.
pub fn app_of(store: &alongside::storage::Store) -> alongside::app::App {
    use alongside::tui::NoteStore;
    alongside::app::App::new(
        NoteStore::peers(store),
        NoteStore::history(store),
        store.drafts(),
        Vec::new(),
        alongside::domain::now(),
    )
}

/// Saving one session as the store does it (fsync included), and as the app does it: the
/// whole save effect, with the app state brought up to date after it. Each run saves a copy
/// of the newest session under a new id, so the folder grows by `2 * (runs + 1)` sessions.
pub fn measure_app_save(kind: &str, dir: &std::path::Path, runs: usize) {
    use alongside::app::Effect;
    use alongside::storage::Store;
    let (mut store, _) = Store::open(dir).expect("open");
    let template = store
        .load_session(store.sessions()[0].id)
        .expect("a saved session");
    let fresh = || {
        let mut s = template.clone();
        s.id = uuid::Uuid::new_v4();
        s
    };
    measure(
        &format!("save a session, {kind} (fsync included)"),
        runs,
        || {
            Store::save_session(&mut store, &fresh()).expect("save");
        },
    );
    let mut app = app_of(&store);
    app.journey = store.journey().0;
    measure(
        &format!("save effect, {kind} (save + app state after it)"),
        runs,
        || {
            let now = alongside::domain::now();
            alongside::tui::execute(
                &mut app,
                &mut store,
                vec![Effect::SaveSession(fresh())],
                now,
            );
        },
    );
}
