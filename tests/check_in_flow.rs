//! Life-area check-ins over three sessions with Sunny, driven by keys: ratings and a word on
//! why, an area of her own, a rating outside 1-10 refused as it is typed, one session
//! skipped in one key; the peer page charts each area and Last time shows what moved.
//! Snapshots of the check-in and the peer page at 80x24 and 50x14.

mod common;

use alongside::app::{App, Screen};
use chrono::Duration;
use common::*;
use ratatui::crossterm::event::KeyCode;

/// A one-on-one with Sunny `days` after the base time, at the session commands.
fn start_with_sunny(app: &mut App, store: &mut MemoryStore, days: i64) {
    let when = t0() + Duration::days(days);
    press_at(app, store, key(KeyCode::Char('n')), when);
    type_text(app, store, "Sunny");
    press(app, store, key(KeyCode::Enter));
    press(app, store, key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Session);
    press(app, store, key(KeyCode::Esc));
}

/// Types one rating and why per row, from the first row (Home).
fn rate(app: &mut App, store: &mut MemoryStore, rows: &[(&str, &str)]) {
    press(app, store, key(KeyCode::Char('c')));
    for (rating, why) in rows {
        type_text(app, store, rating);
        press(app, store, key(KeyCode::Tab));
        type_text(app, store, why);
        press(app, store, key(KeyCode::Tab));
    }
}

fn end_and_save(app: &mut App, store: &mut MemoryStore) {
    press(app, store, key(KeyCode::Char('e')));
    press(app, store, ctrl('s'));
    // An empty summary is saved only once confirmed.
    if app.confirm.is_some() {
        press(app, store, key(KeyCode::Char('y')));
    }
    assert_eq!(app.screen, Screen::Home, "{:?}", app.status);
}

/// Three sessions: two check-ins (the second with her own area), one skipped; then a
/// third check-in.
fn three_sessions(app: &mut App, store: &mut MemoryStore) {
    start_with_sunny(app, store, 1);
    rate(app, store, &[("4", "cramped"), ("6", "steady shifts")]);
    press(app, store, ctrl('s'));
    end_and_save(app, store);

    start_with_sunny(app, store, 8);
    press(app, store, key(KeyCode::Char('c')));
    press(app, store, key(KeyCode::Esc));
    assert!(app.live.as_ref().is_some_and(|l| l.check_in.is_none()));
    end_and_save(app, store);

    start_with_sunny(app, store, 15);
    rate(app, store, &[("5", ""), ("6", "")]);
    press(app, store, ctrl('n'));
    type_text(app, store, "Art");
    press(app, store, key(KeyCode::Tab));
    type_text(app, store, "3");
    press(app, store, ctrl('s'));
    end_and_save(app, store);

    start_with_sunny(app, store, 22);
    rate(app, store, &[("7", "keys soon"), ("5", "fewer hours")]);
    press(app, store, ctrl('s'));
}

#[test]
fn check_ins_over_three_sessions_are_charted_and_last_time_shows_what_moved() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    three_sessions(&mut app, &mut store);
    end_and_save(&mut app, &mut store);
    let sunny = store
        .peers
        .iter()
        .find(|p| p.alias == "Sunny")
        .expect("sunny")
        .clone();
    let with: Vec<_> = store
        .sessions
        .iter()
        .filter(|s| s.peer_id == sunny.id && s.check_in.is_some())
        .collect();
    assert_eq!(with.len(), 3, "the skipped session kept none");
    let first = with[0].check_in.as_ref().expect("check-in");
    assert_eq!(first.rating("Home"), Some(4));
    assert_eq!(&*first.ratings[0].why, "cramped");
    assert_eq!(
        with[1].check_in.as_ref().and_then(|c| c.rating("Art")),
        Some(3)
    );

    let list = &app.journey.check_ins[&sunny.id];
    assert_eq!(alongside::domain::check_in::series(list, "Home"), [4, 5, 7]);
    assert_eq!(
        alongside::domain::check_in::series(list, "Work or school"),
        [6, 6, 5]
    );

    // Last time, at the next session, says what moved.
    start_with_sunny(&mut app, &mut store, 29);
    let lines = app
        .journey
        .last_time_lines(sunny.id, app.now.date_naive())
        .expect("last time");
    assert!(
        lines
            .iter()
            .any(|l| l == "Moved: Home 5→7↑, Work or school 6→5↓"),
        "{lines:?}"
    );
    press(&mut app, &mut store, key(KeyCode::Char('P')));
    assert_eq!(app.screen, Screen::PeerPage);
    let page = text_of(&render(&app, 80, 24));
    assert!(page.contains("Life areas (3 check-ins)"), "{page}");
    assert!(page.contains("Home 7/10 ↑2"), "{page}");
}

#[test]
fn a_rating_outside_one_to_ten_is_refused_where_typed() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    start_with_sunny(&mut app, &mut store, 1);
    press(&mut app, &mut store, key(KeyCode::Char('c')));
    type_text(&mut app, &mut store, "10");
    type_text(&mut app, &mut store, "0");
    let form = app
        .live
        .as_ref()
        .and_then(|l| l.check_in.as_ref())
        .expect("open");
    assert_eq!(
        form.rows[0].rating.text(),
        "10",
        "the third digit was refused"
    );
    assert!(form.error.as_deref().unwrap_or("").contains("1 to 10"));
    press(&mut app, &mut store, key(KeyCode::Backspace));
    press(&mut app, &mut store, key(KeyCode::Backspace));
    type_text(&mut app, &mut store, "0");
    let form = app
        .live
        .as_ref()
        .and_then(|l| l.check_in.as_ref())
        .expect("open");
    assert_eq!(form.rows[0].rating.text(), "", "0 is refused");
}

fn screens() -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    let mut store = sample_store();
    let mut app = app_from(&store);
    three_sessions(&mut app, &mut store);
    // The fourth check-in, open, before it is kept.
    press(&mut app, &mut store, key(KeyCode::Char('c')));
    out.push(("check_in_form", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    three_sessions(&mut app, &mut store);
    end_and_save(&mut app, &mut store);
    start_with_sunny(&mut app, &mut store, 29);
    press(&mut app, &mut store, key(KeyCode::Char('P')));
    out.push(("check_in_peer_page", app));
    out
}

#[test]
fn check_in_screens_at_80x24_and_50x14() {
    for (name, app) in screens() {
        insta::assert_snapshot!(format!("{name}_80x24"), render(&app, 80, 24).backend());
        insta::assert_snapshot!(format!("{name}_50x14"), render(&app, 50, 14).backend());
    }
}

#[test]
fn check_in_screens_never_panic_at_any_size() {
    for (_, app) in screens() {
        draw_at_every_size(&app);
    }
}
