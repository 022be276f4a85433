//! Screen snapshots at 80x24 with `TestBackend`, and a sweep proving no screen panics at
//! any size.

mod common;

use alongside::app::App;
use common::*;
use ratatui::crossterm::event::KeyCode;

/// Every screen the app has, reached by keys from home, with fixed times.
fn screens() -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    let base = sample_store();

    let store = sample_store();
    out.push(("home", app_from(&store)));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('p')));
    press(&mut app, &mut store, key(KeyCode::Down));
    out.push(("peers", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('p')));
    press(&mut app, &mut store, key(KeyCode::Char('a')));
    type_text(&mut app, &mut store, "Maria Lopez");
    out.push(("peer_form", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    type_text(&mut app, &mut store, "s");
    out.push(("new_session_peer", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    out.push(("new_session_kind", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(
        &mut app,
        &mut store,
        "Checked in about the week. Work has been steady; sleep less so.\nWants to talk about the family visit.",
    );
    press_at(&mut app, &mut store, key(KeyCode::Esc), at(12));
    press_at(&mut app, &mut store, key(KeyCode::Right), at(12));
    press_at(&mut app, &mut store, key(KeyCode::Char('f')), at(13));
    app.now = at(14);
    out.push(("session", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "Notes");
    press_at(&mut app, &mut store, key(KeyCode::Esc), at(20));
    press_at(&mut app, &mut store, key(KeyCode::Right), at(20));
    press_at(&mut app, &mut store, key(KeyCode::Char('e')), at(45));
    type_text(&mut app, &mut store, "Being there for my kids");
    out.push(("summary", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press_at(&mut app, &mut store, key(KeyCode::Esc), at(20));
    press_at(&mut app, &mut store, key(KeyCode::Char('e')), at(45));
    for _ in 0..3 {
        press(&mut app, &mut store, key(KeyCode::Tab));
    }
    press(&mut app, &mut store, key(KeyCode::Char('a')));
    type_text(&mut app, &mut store, "Back at work part-time");
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "Update resume");
    out.push(("summary_goal_editor", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('h')));
    out.push(("history", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('h')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    out.push(("note", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('?')));
    out.push(("help", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "kept");
    assert!(press(&mut app, &mut store, ctrl('c')));
    out.push(("draft_offer", app_from(&store)));

    drop(base);
    out
}

#[test]
fn screens_at_80x24() {
    for (name, app) in screens() {
        let term = render(&app, 80, 24);
        insta::assert_snapshot!(name, term.backend());
    }
}

#[test]
fn too_small_terminal_says_so() {
    let store = sample_store();
    let app = app_from(&store);
    let term = render(&app, 20, 5);
    insta::assert_snapshot!("too_small", term.backend());
}

#[test]
fn no_screen_panics_at_any_size() {
    for (_, app) in screens() {
        draw_on_size_grid(&app);
    }
}

#[test]
fn the_current_stage_is_highlighted() {
    let (_, app) = screens()
        .into_iter()
        .find(|(n, _)| *n == "session")
        .expect("session");
    let term = render(&app, 80, 24);
    let buf = term.backend().buffer();
    // Row 2 is the stage bar; "Exploring" is the current stage and drawn reversed.
    let row: String = (0..80).map(|x| buf[(x, 2)].symbol().to_string()).collect();
    let x = row.find("Exploring").expect("stage bar shows Exploring") as u16;
    let reversed =
        |s: ratatui::style::Style| s.add_modifier.contains(ratatui::style::Modifier::REVERSED);
    assert!(reversed(buf[(x, 2)].style()));
    let cx = row.find("Connecting").expect("connecting") as u16;
    assert!(!reversed(buf[(cx, 2)].style()));
    // Marked in words too: the current stage in brackets.
    assert!(row.contains("[2 Exploring]"), "{row}");
}
