//! Paste budget: a 1 MB bracketed paste into the session notes must land whole, be drawn,
//! and leave typing quick, well under a second. Plain `std::time` measurements (no
//! harness): `cargo bench --bench paste`.

mod common;
use common::measure_timed;
use std::hint::black_box;
use std::time::Instant;

use alongside::app::{self, App, keymap};
use alongside::domain::{Peer, now};
use alongside::storage::Store;
use alongside::tui::{NoteStore, execute};
use alongside::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const RUNS: usize = 9;
const BYTES: usize = 1_048_576;

fn main() {
    let dir = common::temp_dir();
    let (mut store, _) = Store::open(dir.path()).expect("open");
    let peer = Peer::new("PB", now()).expect("alias");
    NoteStore::save_peer(&mut store, &peer).expect("peer");
    let text = megabyte();
    println!(
        "pasting {} bytes in {} lines",
        text.len(),
        text.lines().count()
    );

    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    measure_timed("paste 1 MB into the notes, then draw", RUNS, || {
        let mut app = session(&mut store);
        let start = Instant::now();
        let action = keymap::map_paste(&app, &text).expect("a text field");
        step(&mut app, &mut store, action);
        term.draw(|f| ui::draw(f, &app)).expect("draw");
        let took = start.elapsed();
        let notes = app
            .live
            .as_ref()
            .map(|l| l.notes.text())
            .unwrap_or_default();
        assert_eq!(notes.len(), text.len(), "the paste landed whole");
        took
    });

    // As in the app: the paste is drawn once, then the next key is typed and drawn.
    measure_timed("the next key typed after it, then draw", RUNS, || {
        let mut app = session(&mut store);
        let action = keymap::map_paste(&app, &text).expect("a text field");
        step(&mut app, &mut store, action);
        term.draw(|f| ui::draw(f, &app)).expect("draw");
        let start = Instant::now();
        let key = KeyEvent::new(KeyCode::Char('!'), KeyModifiers::NONE);
        if let Some(action) = keymap::map_key(&app, key) {
            step(&mut app, &mut store, action);
        }
        term.draw(|f| ui::draw(f, &app)).expect("draw");
        start.elapsed()
    });

    measure_timed("autosave of the 1 MB draft", RUNS, || {
        let app = session(&mut store);
        let mut snapshot = app.live.as_ref().expect("live").snapshot();
        snapshot.notes = text.clone();
        let start = Instant::now();
        NoteStore::save_draft(&mut store, &snapshot).expect("draft");
        start.elapsed()
    });
    black_box(term.backend());
}

/// Lines of mixed text (accents, symbols, tabs) up to a megabyte.
fn megabyte() -> String {
    let mut text = String::with_capacity(BYTES + 128);
    let mut i = 0;
    while text.len() < BYTES {
        text.push_str(&format!(
            "{i:06}\tpeer said: café, naïve, ✓ – “quoted” [brackets] {{braces}} q e ! ? 1 2 3\n"
        ));
        i += 1;
    }
    text
}

/// A new session with the peer, the notes focused, as after `n`, Enter, Enter.
fn session(store: &mut Store) -> App {
    let mut app = common::app_of(store);
    app.viewport = (80, 24);
    for code in [KeyCode::Char('n'), KeyCode::Enter, KeyCode::Enter] {
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(action) = keymap::map_key(&app, key) {
            step(&mut app, store, action);
        }
    }
    assert!(app.live.is_some(), "a session is running");
    app
}

fn step(app: &mut App, store: &mut Store, action: app::Action) {
    let t = now();
    let effects = app::update(app, action, t);
    execute(app, store, effects, t);
}
