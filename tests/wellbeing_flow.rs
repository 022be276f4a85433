//! The specialist's own wellbeing check from Home, driven by keys: the first check opens
//! as soon as the screen does, answers 1-5 and a word, Esc asks before dropping typed
//! answers, Ctrl+S keeps it through the store; a second week; the summary's charts and
//! kind words; nothing of it in history, peers or Coming up. Snapshots at 80x24 and 50x14,
//! and no size panics.

mod common;

use alongside::app::{App, Screen};
use chrono::Duration;
use common::*;
use ratatui::crossterm::event::KeyCode;

const WORD: &str = "evenings on notes";

/// Opens the screen from Home at `days` after the base time.
fn open(app: &mut App, store: &mut MemoryStore, days: i64) {
    press_at(
        app,
        store,
        key(KeyCode::Char('w')),
        t0() + Duration::days(days),
    );
    assert_eq!(app.screen, Screen::Wellbeing);
}

/// Answers every question with `digits`, one key each, then types the word.
fn answer(app: &mut App, store: &mut MemoryStore, digits: &str, word: &str) {
    for d in digits.chars() {
        press(app, store, key(KeyCode::Char(d)));
    }
    type_text(app, store, word);
}

#[test]
fn a_check_from_home_is_kept_and_summarised_over_two_weeks() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    let sessions_before = store.sessions.len();

    // The first check is due: the form opens with the screen.
    open(&mut app, &mut store, 0);
    assert!(app.wellbeing.form.is_some(), "a due check opens at once");
    // Nothing typed: Esc leaves without a question, to the summary.
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert!(app.confirm.is_none() && app.wellbeing.form.is_none());
    assert!(text_of(&render(&app, 80, 24)).contains("No checks yet"));

    // Enter starts it; a letter or a 6 on a question answers nothing.
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Char('x')));
    press(&mut app, &mut store, key(KeyCode::Char('6')));
    let form = app.wellbeing.form.as_ref().expect("form");
    assert_eq!(form.values, vec![None; form.values.len()]);
    assert_eq!(form.row, 0);
    answer(&mut app, &mut store, "243424", WORD);

    // Typed answers are not dropped without asking; "no" keeps them.
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert!(app.confirm.is_some(), "leaving asks first");
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    assert!(app.wellbeing.form.is_some());

    press(&mut app, &mut store, ctrl('s'));
    assert!(app.wellbeing.form.is_none(), "{:?}", app.status);
    assert_eq!(store.wellbeing.checks.len(), 1);
    let kept = &store.wellbeing.checks[0];
    assert_eq!(kept.answer("workload"), Some(2));
    assert_eq!(kept.answer("connection"), Some(4));
    assert_eq!(kept.note, WORD);
    let shown = text_of(&render(&app, 80, 24));
    assert!(shown.contains("2/5 lower"), "{shown}");
    assert!(shown.contains(WORD), "{shown}");
    assert!(shown.contains("self-care tool"), "{shown}");

    // `t` opens the self-care tool; closing it comes back here.
    press(&mut app, &mut store, key(KeyCode::Char('t')));
    assert_eq!(app.screen, Screen::Tools);
    assert!(app.tools.open.is_some(), "the self-care tool is open");
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Wellbeing);

    // Later the same week: the summary, not a new form.
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Home);
    open(&mut app, &mut store, 3);
    assert!(app.wellbeing.form.is_none(), "not due yet");

    // A week on, the next check is open; ← → adjust an answer; only answered ones are kept.
    press(&mut app, &mut store, key(KeyCode::Esc));
    open(&mut app, &mut store, 8);
    assert!(app.wellbeing.form.is_some(), "due again");
    answer(&mut app, &mut store, "3", "");
    press(&mut app, &mut store, key(KeyCode::Up));
    press(&mut app, &mut store, key(KeyCode::Right));
    press(&mut app, &mut store, ctrl('s'));
    assert_eq!(store.wellbeing.checks.len(), 2);
    assert_eq!(store.wellbeing.checks[1].answer("workload"), Some(4));
    assert_eq!(store.wellbeing.checks[1].answers.len(), 1);
    let shown = text_of(&render(&app, 80, 24));
    assert!(shown.contains("2 check(s) since 2026-03-02"), "{shown}");
    assert!(shown.contains("4/5"), "{shown}");

    // Private: no session, peer or Coming up line came of it.
    assert_eq!(store.sessions.len(), sessions_before);
    press(&mut app, &mut store, key(KeyCode::Esc));
    for screen in ['h', 'p'] {
        press(&mut app, &mut store, key(KeyCode::Char(screen)));
        let shown = text_of(&render(&app, 120, 40));
        assert!(
            !shown.contains(WORD) && !shown.contains("ellbeing"),
            "{shown}"
        );
        press(&mut app, &mut store, key(KeyCode::Esc));
    }
    let home = text_of(&render(&app, 120, 40));
    assert!(!home.contains(WORD), "{home}");
}

#[test]
fn a_failed_save_keeps_the_answers_on_screen() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    open(&mut app, &mut store, 0);
    answer(&mut app, &mut store, "55", "");
    store.fail_writes = Some("The disk is full.".into());
    press(&mut app, &mut store, ctrl('s'));
    let form = app.wellbeing.form.as_ref().expect("still open");
    assert_eq!(form.values[..2], [Some(5), Some(5)]);
    assert!(store.wellbeing.checks.is_empty());
    store.fail_writes = None;
    press(&mut app, &mut store, ctrl('s'));
    assert_eq!(store.wellbeing.checks.len(), 1);
}

/// The form half answered, and the summary after four weeks.
fn screens() -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    let mut store = sample_store();
    let mut app = app_from(&store);
    open(&mut app, &mut store, 0);
    answer(&mut app, &mut store, "42", "");
    out.push(("wellbeing_check", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    for (week, digits, word) in [
        (0, "443434", "settling in"),
        (7, "343344", ""),
        (14, "333534", "a hard call"),
        (21, "233424", WORD),
    ] {
        open(&mut app, &mut store, week);
        answer(&mut app, &mut store, digits, word);
        press(&mut app, &mut store, ctrl('s'));
        press(&mut app, &mut store, key(KeyCode::Esc));
    }
    open(&mut app, &mut store, 23);
    out.push(("wellbeing_summary", app));
    out
}

#[test]
fn wellbeing_screens_at_80x24_and_50x14() {
    for (name, app) in screens() {
        insta::assert_snapshot!(format!("{name}_80x24"), render(&app, 80, 24).backend());
        insta::assert_snapshot!(format!("{name}_50x14"), render(&app, 50, 14).backend());
    }
}

#[test]
fn wellbeing_screens_never_panic_at_any_size() {
    for (_, app) in screens() {
        draw_on_size_grid(&app);
    }
}
