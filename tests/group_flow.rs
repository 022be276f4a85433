//! A group session driven by keys: started with JD, Sunny joins, a new alias joins late, a
//! line is noted about one, one leaves early; at the end each attendee gets their words and
//! a next step, which shows on their page and in Coming up. Snapshots of the session and
//! the attendee review at 80x24 and 50x14.

mod common;

use alongside::app::{App, Screen};
use alongside::domain::goals::DueKind;
use alongside::domain::{SessionKind, Timestamp};
use chrono::Duration;
use common::*;
use ratatui::crossterm::event::KeyCode;

fn later(app: &App, minutes: i64) -> Timestamp {
    app.now + Duration::minutes(minutes)
}

/// Starts a group with JD from New session and goes to the session commands.
fn start_group(app: &mut App, store: &mut MemoryStore) {
    press(app, store, key(KeyCode::Char('n')));
    type_text(app, store, "JD");
    press(app, store, key(KeyCode::Enter));
    let group = SessionKind::ALL
        .iter()
        .position(|k| *k == SessionKind::Group)
        .expect("group kind");
    for _ in 0..group {
        press(app, store, key(KeyCode::Down));
    }
    press(app, store, key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Session);
    type_text(app, store, "Check-in round, then routines.");
    press(app, store, key(KeyCode::Esc));
}

/// A group of JD, Sunny and a new peer "Rae" who joins 15 minutes late; Sunny leaves early.
fn run_group(app: &mut App, store: &mut MemoryStore) {
    start_group(app, store);
    press(app, store, key(KeyCode::Char('n')));
    type_text(app, store, "Tuesday circle\n");
    press(app, store, key(KeyCode::Char('a')));
    type_text(app, store, "sunny\n");
    let late = later(app, 15);
    press_at(app, store, key(KeyCode::Char('a')), late);
    for c in "Rae".chars() {
        press_at(app, store, key(KeyCode::Char(c)), late);
    }
    press_at(app, store, key(KeyCode::Enter), late);
    press(app, store, key(KeyCode::Char('w')));
    type_text(app, store, "First time here, listened mostly\n");
    press(app, store, key(KeyCode::Char(',')));
    let early = later(app, 25);
    press_at(app, store, key(KeyCode::Char('x')), early);
}

fn end_to_attendees(app: &mut App, store: &mut MemoryStore) {
    let end = later(app, 35);
    press_at(app, store, key(KeyCode::Char('e')), end);
    assert_eq!(app.screen, Screen::Summary);
    press(app, store, key(KeyCode::Tab));
    type_text(app, store, "What helps on hard mornings");
    press(app, store, key(KeyCode::Tab));
    press(app, store, key(KeyCode::Tab));
}

/// Each attendee: their words and a next step due in a few days.
fn fill_attendees(app: &mut App, store: &mut MemoryStore) {
    for (i, (words, step)) in [
        ("Mornings are easier with a plan", "write a morning list"),
        ("I needed this today", "call the warmline if it gets hard"),
        ("I will come back", "come next Tuesday"),
    ]
    .into_iter()
    .enumerate()
    {
        if i > 0 {
            press(app, store, key(KeyCode::Down));
        }
        press(app, store, key(KeyCode::Enter));
        type_text(app, store, words);
        press(app, store, key(KeyCode::Tab));
        type_text(app, store, step);
        press(app, store, key(KeyCode::Tab));
        type_text(app, store, "+5");
        press(app, store, ctrl('s'));
    }
}

#[test]
fn a_group_of_three_with_a_late_joiner_is_documented_for_each_attendee() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    let peers_before = store.peers.len();
    run_group(&mut app, &mut store);
    assert_eq!(
        store.peers.len(),
        peers_before + 1,
        "the new alias is a peer"
    );
    end_to_attendees(&mut app, &mut store);
    fill_attendees(&mut app, &mut store);
    press(&mut app, &mut store, ctrl('s'));
    assert_eq!(app.screen, Screen::Home, "{:?}", app.status);

    let saved = store.sessions.last().expect("saved").clone();
    assert!(saved.is_group());
    assert_eq!(saved.group_name, "Tuesday circle");
    assert_eq!(saved.summary.discussed, "What helps on hard mornings");
    let aliases: Vec<&str> = saved
        .attendees
        .iter()
        .map(|a| a.peer_alias.as_str())
        .collect();
    assert_eq!(aliases, ["JD", "Sunny", "Rae"]);
    let rae = &saved.attendees[2];
    assert_eq!((rae.joined_at - saved.started_at).num_minutes(), 15);
    assert_eq!(rae.noted.len(), 1);
    assert!(saved.attendees[1].left_at.is_some(), "Sunny left early");
    assert!(saved.attendees[0].left_at.is_none());
    assert_eq!(alongside::domain::group::attendee_views(&saved).len(), 3);

    // Each attendee's next step is in Coming up and on their page.
    let due = alongside::app::journey::home_items(&app);
    for (alias, step) in [
        ("JD", "write a morning list"),
        ("Sunny", "call the warmline if it gets hard"),
        ("Rae", "come next Tuesday"),
    ] {
        assert!(
            due.iter()
                .any(|d| d.kind == DueKind::NextStep && d.peer_alias == alias && d.text == step),
            "{alias}: {due:?}"
        );
        let peer = store.peers.iter().find(|p| p.alias == alias).expect("peer");
        assert!(app.history.iter().any(|h| h.involves(peer.id)));
    }
}

#[test]
fn a_group_whose_attendees_all_were_removed_cannot_be_saved() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    start_group(&mut app, &mut store);
    if let Some(live) = app.live.as_mut() {
        live.session.attendees.clear();
    }
    press(&mut app, &mut store, key(KeyCode::Char('e')));
    press(&mut app, &mut store, ctrl('s'));
    assert_eq!(app.screen, Screen::Summary, "not saved");
    let error = app
        .live
        .as_ref()
        .and_then(|l| l.summary.as_ref())
        .and_then(|f| f.error.clone())
        .expect("a message");
    assert!(error.contains("at least one attendee"), "{error}");
    assert!(store.sessions.iter().all(|s| !s.is_group()));
}

fn group_screens() -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    let mut store = sample_store();
    let mut app = app_from(&store);
    run_group(&mut app, &mut store);
    out.push(("group_session", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    run_group(&mut app, &mut store);
    end_to_attendees(&mut app, &mut store);
    fill_attendees(&mut app, &mut store);
    out.push(("group_attendees", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    run_group(&mut app, &mut store);
    end_to_attendees(&mut app, &mut store);
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "Mornings are easier");
    out.push(("group_attendee_editor", app));
    out
}

#[test]
fn group_screens_at_80x24_and_50x14() {
    for (name, app) in group_screens() {
        insta::assert_snapshot!(format!("{name}_80x24"), render(&app, 80, 24).backend());
        insta::assert_snapshot!(format!("{name}_50x14"), render(&app, 50, 14).backend());
    }
}

#[test]
fn group_screens_never_panic_at_any_size() {
    for (_, app) in group_screens() {
        draw_at_every_size(&app);
    }
}
