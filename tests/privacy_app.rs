//! The privacy keys and the lock, driven through keys, and saving through the real store
//! when the disk is full or the folder read-only (plain and encrypted).

mod common;

use std::io;

use alongside::app::keymap::{self, Mode};
use alongside::app::{self, App, Screen, StatusKind};
use alongside::domain::Timestamp;
use alongside::domain::secret::Passphrase;
use alongside::storage::Store;
use alongside::storage::atomic::{Fault, Step};
use alongside::storage::crypt::{self, migrate};
use alongside::tui::{NoteStore, execute};
use common::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

const TYPED: &str = "she said the move went badly";

/// Presses a key against any store, as the run loop does.
fn press_any(app: &mut App, store: &mut dyn NoteStore, ev: KeyEvent, now: Timestamp) -> bool {
    match keymap::map_key(app, ev) {
        Some(action) => {
            let effects = app::update(app, action, now);
            execute(app, store, effects, now)
        }
        None => false,
    }
}

fn type_any(app: &mut App, store: &mut dyn NoteStore, text: &str) {
    let now = app.now;
    for c in text.chars() {
        press_any(app, store, key(KeyCode::Char(c)), now);
    }
}

fn tick_any(app: &mut App, store: &mut dyn NoteStore, now: Timestamp) {
    let effects = app::update(app, app::Action::Tick, now);
    execute(app, store, effects, now);
}

fn screen_text(app: &App) -> String {
    text_of(&render(app, 80, 24))
}

fn notes_text(app: &App) -> String {
    app.live.as_ref().expect("live").notes.text()
}

/// Home → new session with the first peer → typing notes.
fn start_typing(app: &mut App, store: &mut dyn NoteStore) {
    let now = app.now;
    press_any(app, store, key(KeyCode::Char('n')), now);
    press_any(app, store, key(KeyCode::Enter), now);
    press_any(app, store, key(KeyCode::Enter), now);
    assert_eq!(keymap::mode(app), Mode::Notes);
    type_any(app, store, TYPED);
}

#[test]
fn ctrl_b_blanks_from_typing_hides_everything_and_any_key_returns_with_the_text_intact() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    start_typing(&mut app, &mut store);
    press(&mut app, &mut store, ctrl('b'));
    assert_eq!(keymap::mode(&app), Mode::Blank);
    let shown = screen_text(&app);
    for private in ["move went badly", "JD", "KM", "Sunny", "Session"] {
        assert!(!shown.contains(private), "blank screen shows {private:?}");
    }
    assert!(shown.contains("Press any key"));
    // The key that ends the blank screen is not typed into the note.
    press(&mut app, &mut store, key(KeyCode::Char('x')));
    assert_eq!(keymap::mode(&app), Mode::Notes);
    assert_eq!(notes_text(&app), TYPED);
    type_any(&mut app, &mut store, "!");
    assert_eq!(notes_text(&app), format!("{TYPED}!"));
}

#[test]
fn f9_shows_crisis_lines_from_anywhere_and_returns_exactly_where_the_person_was() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::F(9)));
    assert_eq!(keymap::mode(&app), Mode::Crisis);
    let shown = screen_text(&app);
    assert!(shown.contains("988"), "{shown}");
    assert!(shown.contains("Veterans Crisis Line"), "{shown}");
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert_eq!(keymap::mode(&app), Mode::Home);

    start_typing(&mut app, &mut store);
    press(&mut app, &mut store, key(KeyCode::F(9)));
    assert_eq!(keymap::mode(&app), Mode::Crisis);
    // Keys scroll or close the overlay; none reach the note.
    press(&mut app, &mut store, key(KeyCode::Down));
    press(&mut app, &mut store, key(KeyCode::Char('q')));
    assert_eq!(keymap::mode(&app), Mode::Notes);
    assert_eq!(app.screen, Screen::Session);
    assert_eq!(notes_text(&app), TYPED);

    // Over help too, and help is still open after.
    press(&mut app, &mut store, key(KeyCode::F(1)));
    press(&mut app, &mut store, key(KeyCode::F(9)));
    assert_eq!(keymap::mode(&app), Mode::Crisis);
    press(&mut app, &mut store, key(KeyCode::F(9)));
    assert_eq!(keymap::mode(&app), Mode::Help);
}

#[test]
fn local_resources_an_organisation_adds_are_listed_first() {
    let overrides = tempfile::tempdir().expect("dir");
    std::fs::write(
        overrides.path().join("local.toml"),
        r#"
[[crisis.local]]
id = "county-mobile-crisis"
name = "County mobile crisis team"
description = "Comes to the person, day or night, anywhere in the county."
contacts = [{ method = "call", value = "555-0100" }]
"#,
    )
    .expect("override");
    let (content, problems) = alongside::content::Content::with_overrides(overrides.path());
    assert!(problems.is_empty(), "{problems:?}");
    let content: &'static _ = Box::leak(Box::new(content));
    let mut store = sample_store();
    let mut app = app_from(&store).with_content(content);
    press(&mut app, &mut store, key(KeyCode::F(9)));
    let shown = screen_text(&app);
    let county = shown
        .find("County mobile crisis team")
        .expect("local shown");
    let national = shown.find("988 Suicide").expect("national shown");
    assert!(county < national);
}

#[test]
fn without_encryption_the_idle_lock_blanks_the_screen_and_zero_never_locks() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    app.privacy.configure(false, 5, app.now);
    start_typing(&mut app, &mut store);
    tick(&mut app, &mut store, at(4));
    assert_eq!(keymap::mode(&app), Mode::Notes);
    tick(&mut app, &mut store, at(6));
    assert_eq!(keymap::mode(&app), Mode::Blank);
    assert!(
        store.drafts.iter().any(|d| d.notes == TYPED),
        "the draft is kept when the app locks"
    );
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(keymap::mode(&app), Mode::Notes);
    assert_eq!(notes_text(&app), TYPED);

    let mut app = app_from(&store);
    app.privacy.configure(false, 0, app.now);
    tick(&mut app, &mut store, at(60 * 24));
    assert_ne!(keymap::mode(&app), Mode::Blank);
}

/// An encrypted folder with the sample peers, unlocked, and an app on it.
fn encrypted_store(dir: &std::path::Path) -> (Store, App) {
    {
        let (mut store, _) = Store::open(dir).expect("open");
        for p in sample_store().peers {
            store.save_peer(&p).expect("peer");
        }
    }
    let opts = migrate::Options {
        work_factor: Some(4),
        stop: None,
    };
    migrate::encrypt(dir, &Passphrase::from("river stone"), opts).expect("encrypt");
    let (store, _) = Store::open(dir).expect("open encrypted");
    let mut app = App::new(
        NoteStore::peers(&store),
        NoteStore::history(&store),
        store.drafts(),
        Vec::new(),
        t0(),
    );
    app.privacy.configure(true, 10, app.now);
    (store, app)
}

#[test]
fn encrypted_idle_lock_and_ctrl_b_ask_for_the_passphrase_and_a_wrong_one_asks_again() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, mut app) = encrypted_store(dir.path());
    start_typing(&mut app, &mut store);

    tick_any(&mut app, &mut store, at(11));
    assert_eq!(keymap::mode(&app), Mode::Unlock);
    let shown = screen_text(&app);
    assert!(shown.contains("Locked"), "{shown}");
    assert!(!shown.contains("move went badly") && !shown.contains("JD"));

    // Typed characters are masked, and a wrong passphrase is refused with another try.
    type_any(&mut app, &mut store, "river stones");
    let shown = screen_text(&app);
    assert!(!shown.contains("river"), "passphrase shown: {shown}");
    assert!(shown.contains("••••"));
    press_any(&mut app, &mut store, key(KeyCode::Enter), at(11));
    assert_eq!(keymap::mode(&app), Mode::Unlock);
    let prompt = app.privacy.lock.as_ref().expect("lock");
    assert!(prompt.error.as_deref().unwrap_or("").contains("not right"));
    assert!(prompt.field.text().is_empty(), "the field is cleared");

    // F9 works on the lock screen and returns to it.
    press_any(&mut app, &mut store, key(KeyCode::F(9)), at(11));
    assert_eq!(keymap::mode(&app), Mode::Crisis);
    press_any(&mut app, &mut store, key(KeyCode::Esc), at(11));
    assert_eq!(keymap::mode(&app), Mode::Unlock);

    type_any(&mut app, &mut store, "river stone");
    press_any(&mut app, &mut store, key(KeyCode::Enter), at(12));
    assert_eq!(keymap::mode(&app), Mode::Notes);
    assert_eq!(notes_text(&app), TYPED, "typing in progress is untouched");

    // Ctrl+B, then any key, then the passphrase.
    press_any(&mut app, &mut store, ctrl('b'), at(13));
    assert_eq!(keymap::mode(&app), Mode::Blank);
    press_any(&mut app, &mut store, key(KeyCode::Char('a')), at(13));
    assert_eq!(keymap::mode(&app), Mode::Unlock);
    type_any(&mut app, &mut store, "river stone");
    press_any(&mut app, &mut store, key(KeyCode::Enter), at(13));
    assert_eq!(keymap::mode(&app), Mode::Notes);
    assert_eq!(notes_text(&app), TYPED);
    crypt::forget(dir.path());
}

/// Ends the running session and saves it with Ctrl+S.
fn end_and_save(app: &mut App, store: &mut dyn NoteStore) {
    let now = app.now;
    press_any(app, store, key(KeyCode::Esc), now);
    press_any(app, store, key(KeyCode::Char('e')), now);
    assert_eq!(app.screen, Screen::Summary);
    press_any(app, store, ctrl('s'), now);
    // Nothing is written in the summary: the app asks before saving it so.
    assert!(app.confirm.is_some(), "a question about the empty summary");
    press_any(app, store, key(KeyCode::Char('y')), now);
}

fn full_or_read_only_then_fixed(store: &mut Store, app: &mut App, kind: io::ErrorKind, says: &str) {
    start_typing(app, store);
    // Every write fails (the draft, the session file) until the problem is fixed.
    store.inject_faults(std::iter::repeat_n(
        Some(Fault::error(Step::WriteData, kind)),
        50,
    ));
    end_and_save(app, store);
    assert_eq!(app.screen, Screen::Summary, "still on the form");
    let status = app.status.clone().expect("status");
    assert_eq!(status.kind, StatusKind::Error);
    assert!(status.text.contains(says), "{}", status.text);
    assert!(!status.text.contains("badly"), "no note text in messages");
    assert_eq!(notes_text(app), TYPED);
    assert!(store.sessions().is_empty(), "nothing half-saved");

    store.clear_faults();
    press_any(app, store, ctrl('s'), app.now);
    press_any(app, store, key(KeyCode::Char('y')), app.now);
    assert_eq!(app.screen, Screen::Home, "{:?}", app.status);
    let entry = store.sessions().front().expect("saved").id;
    assert_eq!(store.load_session(entry).expect("load").notes, TYPED);
    assert!(
        store.drafts().is_empty(),
        "the draft went once the note was saved"
    );
}

#[test]
fn a_full_disk_through_the_real_store_keeps_the_text_and_saving_again_works() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, _) = Store::open(dir.path()).expect("open");
    for p in sample_store().peers {
        store.save_peer(&p).expect("peer");
    }
    let mut app = App::new(store.peers().to_vec(), vec![], vec![], vec![], t0());
    full_or_read_only_then_fixed(
        &mut store,
        &mut app,
        io::ErrorKind::StorageFull,
        "disk is full",
    );
}

#[test]
fn a_read_only_folder_through_the_real_encrypted_store_keeps_the_text_and_saving_again_works() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, mut app) = encrypted_store(dir.path());
    full_or_read_only_then_fixed(
        &mut store,
        &mut app,
        io::ErrorKind::ReadOnlyFilesystem,
        "read-only",
    );
    // What was saved is sealed on disk.
    for (place, bytes) in storage_snapshot(dir.path()) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("badly"),
            "{place} is readable"
        );
    }
    crypt::forget(dir.path());
}

fn storage_snapshot(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("list").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.display().to_string(), std::fs::read(&p).expect("read")));
            }
        }
    }
    out
}
