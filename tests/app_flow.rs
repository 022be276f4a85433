//! Whole user journeys driven through keys, against an in-memory store.

mod common;

use alongside::app::{Screen, StatusKind};
use alongside::domain::{DirectActivity, Stage};
use common::*;
use ratatui::crossterm::event::KeyCode;

#[test]
fn a_whole_session_from_home_to_saved_note() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    assert_eq!(app.screen, Screen::NewSession);
    type_text(&mut app, &mut store, "sun");
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Down)); // phone
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Session);
    let live = app.live.as_ref().expect("live");
    assert_eq!(live.session.peer_alias, "Sunny");
    assert_eq!(
        store.drafts.len(),
        1,
        "a draft exists from the first second"
    );

    // Typing "q", "e" and "!" goes into the notes, never to shortcuts.
    type_text(&mut app, &mut store, "quiet week! eager to plan");
    assert_eq!(app.screen, Screen::Session);
    assert!(!app.quitting);

    press_at(&mut app, &mut store, key(KeyCode::Esc), at(10));
    press_at(&mut app, &mut store, key(KeyCode::Right), at(10));
    press_at(&mut app, &mut store, key(KeyCode::Char('4')), at(25));
    press_at(&mut app, &mut store, key(KeyCode::Char('f')), at(26));
    press_at(&mut app, &mut store, key(KeyCode::Char('e')), at(40));
    assert_eq!(app.screen, Screen::Summary);

    type_text(&mut app, &mut store, "Getting my own place");
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "Housing search");
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "Persistent");
    press(&mut app, &mut store, key(KeyCode::Tab)); // their goals so far (none yet)
    press(&mut app, &mut store, key(KeyCode::Tab)); // new goals
    press(&mut app, &mut store, key(KeyCode::Char('a')));
    type_text(&mut app, &mut store, "Have keys by spring");
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "Call two landlords");
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "Sunny");
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "+7");
    press(&mut app, &mut store, ctrl('s'));
    press(&mut app, &mut store, key(KeyCode::Tab)); // follow-up
    type_text(&mut app, &mut store, "2w");
    press(&mut app, &mut store, key(KeyCode::Tab)); // activities
    press(&mut app, &mut store, key(KeyCode::Down));
    press(&mut app, &mut store, key(KeyCode::Char(' ')));
    press(&mut app, &mut store, ctrl('s'));

    assert_eq!(app.screen, Screen::Home, "{:?}", app.status);
    assert!(app.live.is_none());
    assert!(
        store.drafts.is_empty(),
        "the draft goes once the note is saved"
    );
    let saved = store
        .sessions
        .iter()
        .find(|s| s.peer_alias == "Sunny" && s.notes.contains("eager"))
        .expect("saved");
    assert_eq!(saved.notes, "quiet week! eager to plan");
    assert_eq!(saved.summary.what_matters, "Getting my own place");
    assert_eq!(saved.summary.goals.len(), 1);
    let step = &saved.summary.goals[0].next_steps[0];
    assert_eq!(step.what, "Call two landlords");
    assert_eq!(step.who, "Sunny");
    assert_eq!(
        step.by_when,
        Some(at(40).date_naive() + chrono::Duration::days(7))
    );
    assert_eq!(
        saved.summary.follow_up,
        Some(at(40).date_naive() + chrono::Duration::days(14))
    );
    assert_eq!(
        saved.summary.activities,
        vec![DirectActivity::RelationshipBuilding]
    );
    assert!(saved.flags.follow_up_needed);
    let m = saved.measured.as_ref().expect("measured");
    assert_eq!(m.duration_seconds, 40 * 60);
    assert_eq!(m.stage_seconds[&Stage::Connecting], 10 * 60);
    assert_eq!(m.stage_seconds[&Stage::Exploring], 15 * 60);
    assert_eq!(m.stage_seconds[&Stage::Planning], 15 * 60);
    assert_eq!(app.history.len(), 4);
}

#[test]
fn autosave_writes_the_draft_after_typing_pauses() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "first words");
    tick(&mut app, &mut store, at(1));
    let draft = store.drafts.last().expect("draft");
    assert_eq!(draft.notes, "first words");
    type_text(&mut app, &mut store, " more");
    tick(&mut app, &mut store, at(1) + chrono::Duration::seconds(1));
    assert_eq!(
        store.drafts.last().expect("draft").notes,
        "first words",
        "not yet due"
    );
    tick(&mut app, &mut store, at(2));
    assert_eq!(
        store.drafts.last().expect("draft").notes,
        "first words more"
    );
}

#[test]
fn ctrl_c_mid_session_keeps_a_draft_and_the_next_start_offers_it() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "not saved by hand");
    assert!(press(&mut app, &mut store, ctrl('c')), "Ctrl+C quits");
    assert_eq!(
        store.drafts.last().expect("draft").notes,
        "not saved by hand"
    );

    let mut app = app_from(&store);
    assert_eq!(app.screen, Screen::DraftOffer);
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Session);
    assert_eq!(
        app.live.as_ref().expect("live").notes.text(),
        "not saved by hand"
    );
}

#[test]
fn quitting_mid_session_asks_first_and_keeps_the_draft() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "hello");
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert!(!press(&mut app, &mut store, key(KeyCode::Char('q'))));
    assert!(app.confirm.is_some());
    assert!(!press(&mut app, &mut store, key(KeyCode::Char('n'))));
    assert!(app.live.is_some());
    press(&mut app, &mut store, key(KeyCode::Char('q')));
    assert!(press(&mut app, &mut store, key(KeyCode::Char('y'))));
    assert_eq!(store.drafts.last().expect("draft").notes, "hello");
}

#[test]
fn a_failed_save_keeps_everything_typed_and_saving_again_works() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "important words");
    press(&mut app, &mut store, key(KeyCode::Esc));
    store.fail_writes = Some("could not save: the disk is full.".into());
    press(&mut app, &mut store, key(KeyCode::Char('e')));
    type_text(&mut app, &mut store, "what matters");
    press(&mut app, &mut store, ctrl('s'));
    assert_eq!(app.screen, Screen::Summary);
    let status = app.status.clone().expect("status");
    assert_eq!(status.kind, StatusKind::Error);
    assert!(status.text.contains("disk is full"));
    assert!(
        !status.text.contains("important words"),
        "no note text in messages"
    );
    assert!(store.sessions.iter().all(|s| s.notes != "important words"));

    store.fail_writes = None;
    press(&mut app, &mut store, ctrl('s'));
    assert_eq!(app.screen, Screen::Home);
    assert!(
        store
            .sessions
            .iter()
            .any(|s| s.notes == "important words" && s.summary.what_matters == "what matters")
    );
}

#[test]
fn ctrl_c_when_the_draft_cannot_be_kept_does_not_quit_until_pressed_again() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "keep me");
    store.fail_writes = Some("could not save: the folder is read-only.".into());
    assert!(
        !press(&mut app, &mut store, ctrl('c')),
        "first Ctrl+C refuses to lose text"
    );
    assert_eq!(app.status.as_ref().expect("status").kind, StatusKind::Error);
    assert!(
        press(&mut app, &mut store, ctrl('c')),
        "second Ctrl+C quits"
    );
}

#[test]
fn peers_add_rename_archive_and_history_filter() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('p')));
    press(&mut app, &mut store, key(KeyCode::Char('a')));
    type_text(&mut app, &mut store, "Maria Lopez");
    let warning = app.peer_form.as_ref().and_then(|f| f.alias_warning());
    assert!(warning.is_some(), "a full name gets a nudge");
    for _ in 0.."Maria Lopez".len() {
        press(&mut app, &mut store, key(KeyCode::Backspace));
    }
    type_text(&mut app, &mut store, "ML");
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "they/them");
    press(&mut app, &mut store, ctrl('s'));
    assert!(app.peer_form.is_none());
    let ml = store.peers.iter().find(|p| p.alias == "ML").expect("saved");
    assert_eq!(ml.pronouns.as_deref(), Some("they/them"));

    // A duplicate alias is refused in the form, nothing written.
    press(&mut app, &mut store, key(KeyCode::Char('a')));
    type_text(&mut app, &mut store, "jd");
    press(&mut app, &mut store, ctrl('s'));
    assert!(
        app.peer_form
            .as_ref()
            .and_then(|f| f.error.clone())
            .is_some()
    );
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, key(KeyCode::Char('y')));
    assert!(app.peer_form.is_none());

    // Archive the selected peer (ML, just added) and find it again with A.
    press(&mut app, &mut store, key(KeyCode::Char('x')));
    assert!(store.peers.iter().any(|p| p.alias == "ML" && p.archived));
    assert!(app.visible_peers().iter().all(|p| p.alias != "ML"));
    press(&mut app, &mut store, key(KeyCode::Char('A')));
    assert!(app.visible_peers().iter().any(|p| p.alias == "ML"));

    // JD's history: two sessions.
    press(&mut app, &mut store, key(KeyCode::Char('A')));
    for _ in 0..10 {
        press(&mut app, &mut store, key(KeyCode::Up));
    }
    let jd = app
        .visible_peers()
        .iter()
        .position(|p| p.alias == "JD")
        .expect("jd");
    for _ in 0..jd {
        press(&mut app, &mut store, key(KeyCode::Down));
    }
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::PeerPage, "Enter opens the peer page");
    press(&mut app, &mut store, key(KeyCode::Char('h')));
    assert_eq!(app.screen, Screen::History);
    assert_eq!(app.filtered_history().len(), 2);
    press(&mut app, &mut store, key(KeyCode::Char('c')));
    assert_eq!(app.filtered_history().len(), 3);
    press(&mut app, &mut store, key(KeyCode::Char('/')));
    type_text(&mut app, &mut store, "housing");
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(app.filtered_history().len(), 1);
    assert_eq!(&*app.filtered_history()[0].peer_alias, "Sunny");
}

#[test]
fn amending_a_note_keeps_the_original_and_each_amendment() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('h')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Note);
    let id = app.note.as_ref().expect("note").session.id;
    let original = store
        .sessions
        .iter()
        .find(|s| s.id == id)
        .expect("s")
        .notes
        .clone();
    press(&mut app, &mut store, key(KeyCode::Char('a')));
    type_text(&mut app, &mut store, "Called back: all well.");
    press_at(&mut app, &mut store, ctrl('s'), at(5));
    press(&mut app, &mut store, key(KeyCode::Char('a')));
    type_text(&mut app, &mut store, "Second thought.");
    press_at(&mut app, &mut store, ctrl('s'), at(9));
    let saved = store.sessions.iter().find(|s| s.id == id).expect("s");
    assert_eq!(saved.notes, original);
    assert_eq!(saved.amendments.len(), 2);
    assert_eq!(saved.amendments[0].text, "Called back: all well.");
    assert_eq!(saved.amendments[1].at, at(9));
}

#[test]
fn key_releases_are_ignored() {
    use ratatui::crossterm::event::{KeyEvent, KeyEventKind, KeyModifiers};
    let mut store = sample_store();
    let mut app = app_from(&store);
    let mut ev = KeyEvent::new(KeyCode::Char('p'), KeyModifiers::NONE);
    ev.kind = KeyEventKind::Release;
    press(&mut app, &mut store, ev);
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn a_note_scrolls_by_full_pages_and_stops_at_its_end() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    app.viewport = (80, 14);
    press(&mut app, &mut store, key(KeyCode::Char('h')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    let note = app.note.as_ref().expect("note open");
    let (page, max) = alongside::app::history::note_page(app.content, app.viewport, note);
    assert!(max > 0, "the note is longer than a page at 80x14");
    press(&mut app, &mut store, key(KeyCode::PageDown));
    let scroll = |app: &alongside::app::App| app.note.as_ref().expect("note").scroll;
    assert_eq!(
        scroll(&app),
        (page - 1).min(max),
        "a full page less one line"
    );
    for _ in 0..50 {
        press(&mut app, &mut store, key(KeyCode::PageDown));
    }
    assert_eq!(scroll(&app), max, "PgDn stops at the last full page");
    press(&mut app, &mut store, key(KeyCode::Up));
    assert_eq!(scroll(&app), max - 1, "one line up moves at once");
    press(&mut app, &mut store, key(KeyCode::Home));
    assert_eq!(scroll(&app), 0);
    press(&mut app, &mut store, key(KeyCode::End));
    assert_eq!(scroll(&app), max);
}
