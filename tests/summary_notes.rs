//! The end-of-session form shows the session notes: beside it on a wide screen, behind
//! Ctrl+O on a narrow one. Saving a summary with nothing written in it asks first.

mod common;

use alongside::app::keymap::{self, Mode};
use alongside::app::{App, Screen};
use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

const NOTES: &str = "Talked about the move to the new flat.\nWorried about the rent in March.\nSister can help on weekends.";

fn screen_text(term: &Terminal<TestBackend>) -> String {
    let buf = term.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            let row: String = (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            row + "\n"
        })
        .collect()
}

/// A session with notes, ended: the summary form is open.
fn ended(store: &mut MemoryStore, notes: &str, viewport: (u16, u16)) -> App {
    let mut app = app_from(store);
    app.viewport = viewport;
    press(&mut app, store, key(KeyCode::Char('n')));
    press(&mut app, store, key(KeyCode::Enter));
    press(&mut app, store, key(KeyCode::Enter));
    type_text(&mut app, store, notes);
    press_at(&mut app, store, key(KeyCode::Esc), at(20));
    press_at(&mut app, store, key(KeyCode::Char('e')), at(45));
    assert_eq!(app.screen, Screen::Summary);
    app
}

#[test]
fn a_wide_screen_shows_the_session_notes_beside_the_form() {
    let mut store = sample_store();
    let mut app = ended(&mut store, NOTES, (120, 40));
    type_text(&mut app, &mut store, "Somewhere safe to live");
    let term = render(&app, 120, 40);
    let text = screen_text(&term);
    assert!(text.contains("Session notes"), "{text}");
    assert!(text.contains("Worried about the rent in March."), "{text}");
    insta::assert_snapshot!("summary_notes_beside_120x40", term.backend());
    // The key hides them there too.
    press(&mut app, &mut store, ctrl('o'));
    assert!(!screen_text(&render(&app, 120, 40)).contains("Session notes"));
}

#[test]
fn a_narrow_screen_shows_the_notes_behind_a_key_named_in_the_bar() {
    let mut store = sample_store();
    let mut app = ended(&mut store, NOTES, (80, 24));
    let text = screen_text(&render(&app, 80, 24));
    assert!(!text.contains("Worried about the rent"), "{text}");
    assert!(
        text.contains("Ctrl+O session notes"),
        "the bar names the key:\n{text}"
    );
    press(&mut app, &mut store, ctrl('o'));
    type_text(&mut app, &mut store, "Somewhere safe to live");
    let term = render(&app, 80, 24);
    let text = screen_text(&term);
    assert!(text.contains("Worried about the rent in March."), "{text}");
    assert!(
        text.contains("Somewhere safe to live"),
        "typing still shows:\n{text}"
    );
    insta::assert_snapshot!("summary_notes_shown_80x24", term.backend());
    insta::assert_snapshot!("summary_notes_shown_50x14", render(&app, 50, 14).backend());

    // PgDn scrolls the notes, and stops at their last line.
    let long: String = (1..=40)
        .map(|i| format!("line {i} of the notes\n"))
        .collect();
    let mut store = sample_store();
    let mut app = ended(&mut store, &long, (80, 24));
    press(&mut app, &mut store, ctrl('o'));
    for _ in 0..20 {
        press(&mut app, &mut store, key(KeyCode::PageDown));
    }
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("line 40 of the notes"), "{text}");
    press(&mut app, &mut store, key(KeyCode::PageUp));
    let text = screen_text(&render(&app, 80, 24));
    assert!(!text.contains("line 40 of the notes"), "{text}");
}

#[test]
fn saving_an_empty_summary_asks_first() {
    let mut store = sample_store();
    let mut app = ended(&mut store, NOTES, (80, 24));
    let saved = store.sessions.len();
    press(&mut app, &mut store, ctrl('s'));
    assert_eq!(keymap::mode(&app), Mode::Confirm, "a question, not a save");
    let text = screen_text(&render(&app, 80, 24));
    assert!(text.contains("Nothing is written in the summary"), "{text}");
    assert!(text.contains("y yes"), "{text}");
    insta::assert_snapshot!(
        "summary_empty_question_80x24",
        render(&app, 80, 24).backend()
    );
    // No: back to the form, nothing saved.
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    assert_eq!(app.screen, Screen::Summary);
    assert_eq!(store.sessions.len(), saved);
    // Yes: saved as it is.
    press(&mut app, &mut store, ctrl('s'));
    press(&mut app, &mut store, key(KeyCode::Char('y')));
    assert_eq!(store.sessions.len(), saved + 1);
    assert_eq!(app.screen, Screen::Home);

    // Something written: saved at once.
    let mut store = sample_store();
    let mut app = ended(&mut store, NOTES, (80, 24));
    let saved = store.sessions.len();
    type_text(&mut app, &mut store, "A place of their own");
    press(&mut app, &mut store, ctrl('s'));
    assert_eq!(store.sessions.len(), saved + 1);
}
