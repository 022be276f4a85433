//! Practice and competency screens at 80x24, and a size sweep proving none of them panics.

mod common;

use alongside::app::App;
use alongside::domain::practice::Drill;
use alongside::ui::theme::THEME;
use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Modifier;

fn keys(app: &mut App, store: &mut MemoryStore, codes: &[KeyCode]) {
    for c in codes {
        press(app, store, key(*c));
    }
}

fn practice(store: &mut MemoryStore, drill: Drill) -> App {
    let mut app = app_from(store);
    press(&mut app, store, key(KeyCode::Char('d')));
    while app.practice.drill != drill {
        press(&mut app, store, key(KeyCode::Right));
    }
    app
}

/// Plays a whole round of "open it up" with the given answers (as many as items).
fn play_open_up(store: &mut MemoryStore, answers: &[&str], minutes: i64) {
    let mut app = practice(store, Drill::OpenUp);
    app.now = at(minutes);
    press_at(&mut app, store, key(KeyCode::Enter), at(minutes));
    for a in answers {
        type_text(&mut app, store, a);
        press_at(&mut app, store, key(KeyCode::Enter), at(minutes + 1));
        press_at(&mut app, store, key(KeyCode::Enter), at(minutes + 2));
    }
}

fn practice_screens() -> Vec<(&'static str, App)> {
    let mut out = Vec::new();

    let mut store = sample_store();
    out.push(("practice_setup", practice(&mut store, Drill::Reflect)));

    let mut store = sample_store();
    let mut app = practice(&mut store, Drill::OpenUp);
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "What has it been like");
    out.push(("practice_open_up_question", app));

    let mut store = sample_store();
    let mut app = practice(&mut store, Drill::OpenUp);
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "Do you talk to him?");
    press(&mut app, &mut store, key(KeyCode::Enter));
    out.push(("practice_open_up_feedback", app));

    let mut store = sample_store();
    let mut app = practice(&mut store, Drill::Reflect);
    press(&mut app, &mut store, key(KeyCode::Enter));
    out.push(("practice_reflect_question", app));

    let mut store = sample_store();
    let mut app = practice(&mut store, Drill::Reflect);
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "You're worried about it.");
    press(&mut app, &mut store, key(KeyCode::Enter));
    out.push(("practice_reflect_feedback", app));

    let mut store = sample_store();
    let mut app = practice(&mut store, Drill::Reflect);
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "You're worried about it.");
    keys(&mut app, &mut store, &[KeyCode::Enter, KeyCode::Enter]);
    type_text(
        &mut app,
        &mut store,
        "Part of you wants to move on, and part of you is afraid to.",
    );
    out.push(("practice_reflect_complex_question", app));

    let mut store = sample_store();
    let mut app = practice(&mut store, Drill::NameSkill);
    press(&mut app, &mut store, key(KeyCode::Enter));
    out.push(("practice_name_skill_question", app));

    let mut store = sample_store();
    let mut app = practice(&mut store, Drill::NameSkill);
    keys(&mut app, &mut store, &[KeyCode::Enter, KeyCode::Char('r')]);
    out.push(("practice_name_skill_feedback", app));

    let mut store = sample_store();
    let mut app = practice(&mut store, Drill::NameSkill);
    keys(&mut app, &mut store, &[KeyCode::Enter, KeyCode::Char('?')]);
    out.push(("practice_name_skill_help", app));

    let mut store = sample_store();
    let mut app = practice(&mut store, Drill::AskShareAsk);
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(
        &mut app,
        &mut store,
        "Would it help to hear what others do?",
    );
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "You should call them today.");
    out.push(("practice_ask_share_ask_question", app));

    let mut store = sample_store();
    let mut app = practice(&mut store, Drill::AskShareAsk);
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "What do you know about it already?");
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "You should call them today.");
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "Does that make sense?");
    press(&mut app, &mut store, ctrl('s'));
    out.push(("practice_ask_share_ask_feedback", app));

    let mut store = sample_store();
    let mut app = practice(&mut store, Drill::OpenUp);
    press(&mut app, &mut store, key(KeyCode::Enter));
    for a in [
        "Do you like it?",
        "What has it been like?",
        "How are you doing?",
        "Tell me more.",
    ] {
        type_text(&mut app, &mut store, a);
        keys(&mut app, &mut store, &[KeyCode::Enter, KeyCode::Enter]);
    }
    press(&mut app, &mut store, ctrl('n'));
    out.push(("practice_round_summary", app));

    let mut store = sample_store();
    let mut app = practice(&mut store, Drill::OpenUp);
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "What happened?");
    keys(&mut app, &mut store, &[KeyCode::Enter, KeyCode::Esc]);
    out.push(("practice_leave_round", app));

    let mut store = sample_store();
    play_open_up(
        &mut store,
        &["Do you?", "What now?", "Is it?", "How so?", "Are you?"],
        -600,
    );
    play_open_up(
        &mut store,
        &[
            "What now?",
            "How so?",
            "What else?",
            "Is it?",
            "Tell me more.",
        ],
        -300,
    );
    play_open_up(
        &mut store,
        &[
            "What now?",
            "How so?",
            "What else?",
            "What helps?",
            "Tell me more.",
        ],
        -60,
    );
    let mut app = practice(&mut store, Drill::OpenUp);
    out.push((
        "practice_setup_with_progress",
        practice(&mut store, Drill::Reflect),
    ));
    press(&mut app, &mut store, key(KeyCode::Char('p')));
    out.push(("practice_progress", app));

    let mut app = practice(&mut store, Drill::OpenUp);
    keys(
        &mut app,
        &mut store,
        &[KeyCode::Char('p'), KeyCode::Down, KeyCode::Enter],
    );
    out.push(("practice_review", app));
    out
}

fn competency_screens() -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('c')));
    // Two skills of the second area, one signed off, and some hours.
    keys(&mut app, &mut store, &[KeyCode::Down, KeyCode::Enter]);
    for (skill, context, evidence) in [
        (
            0,
            "First visit at the shelter",
            "Introduced myself and the peer role.",
        ),
        (
            1,
            "Weekly check-in",
            "Reflected the feeling under the words; the peer said they felt heard.",
        ),
    ] {
        while app.competencies.skill < skill {
            press(&mut app, &mut store, key(KeyCode::Down));
        }
        press(&mut app, &mut store, key(KeyCode::Enter));
        press(&mut app, &mut store, key(KeyCode::Tab));
        type_text(&mut app, &mut store, context);
        press(&mut app, &mut store, key(KeyCode::Tab));
        type_text(&mut app, &mut store, evidence);
        press(&mut app, &mut store, ctrl('s'));
    }
    press(&mut app, &mut store, key(KeyCode::Char('s')));
    type_text(&mut app, &mut store, "AB");
    press(&mut app, &mut store, ctrl('s'));
    press(&mut app, &mut store, key(KeyCode::Char('h')));
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "2.5");
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "shadowed outreach");
    press(&mut app, &mut store, ctrl('s'));
    out.push(("competencies_area", clone_app(&store, &app)));

    let mut areas = clone_app(&store, &app);
    press(&mut areas, &mut store, key(KeyCode::Esc));
    out.push(("competencies_areas", areas));

    let mut form = clone_app(&store, &app);
    keys(&mut form, &mut store, &[KeyCode::Down, KeyCode::Enter]);
    type_text(&mut form, &mut store, "");
    press(&mut form, &mut store, key(KeyCode::Tab));
    type_text(&mut form, &mut store, "Team meeting");
    out.push(("competencies_mark_form", form));

    let mut hours = clone_app(&store, &app);
    press(&mut hours, &mut store, key(KeyCode::Char('h')));
    press(&mut hours, &mut store, key(KeyCode::Tab));
    type_text(&mut hours, &mut store, "lots");
    press(&mut hours, &mut store, ctrl('s'));
    out.push(("competencies_hours_form_error", hours));

    let mut sign = clone_app(&store, &app);
    press(&mut sign, &mut store, key(KeyCode::Char('s')));
    out.push(("competencies_sign_off_form", sign));
    out
}

/// The same screen again: reopened from home and walked back to the open area.
fn clone_app(store: &MemoryStore, like: &App) -> App {
    let mut store = MemoryStore {
        competencies: store.competencies.clone(),
        ..sample_store()
    };
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('c')));
    while app.competencies.area < like.competencies.area {
        press(&mut app, &mut store, key(KeyCode::Down));
    }
    press(&mut app, &mut store, key(KeyCode::Enter));
    while app.competencies.skill < like.competencies.skill {
        press(&mut app, &mut store, key(KeyCode::Down));
    }
    app
}

#[test]
fn practice_screens_at_80x24() {
    for (name, app) in practice_screens() {
        let term = render(&app, 80, 24);
        insta::assert_snapshot!(name, term.backend());
    }
}

#[test]
fn competency_screens_at_80x24() {
    for (name, app) in competency_screens() {
        let term = render(&app, 80, 24);
        insta::assert_snapshot!(name, term.backend());
    }
}

#[test]
fn no_trainee_screen_panics_at_any_size() {
    for (_, app) in practice_screens().into_iter().chain(competency_screens()) {
        draw_on_size_grid(&app);
    }
}

/// Snapshots drop colour, so the styles that carry meaning are checked here.
#[test]
fn met_and_missed_goals_and_the_focused_setting_are_styled() {
    let screens = practice_screens();
    let find = |n: &str| {
        screens
            .iter()
            .find(|(name, _)| *name == n)
            .map(|(_, a)| a)
            .expect(n)
    };
    let cell_of = |term: &Terminal<TestBackend>, needle: &str| {
        let buf = term.backend().buffer();
        for y in 0..buf.area.height {
            let row: String = (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            if let Some(byte) = row.find(needle) {
                let x = row[..byte].chars().count() as u16;
                return buf[(x, y)].clone();
            }
        }
        panic!("{needle:?} not on screen");
    };
    let setup = render(find("practice_setup"), 80, 24);
    // Selection shows by reverse video, so it is visible without colour too.
    let reversed = |s: ratatui::style::Style| s.add_modifier.contains(Modifier::REVERSED);
    assert!(THEME.selected.add_modifier.contains(Modifier::REVERSED));
    assert!(reversed(cell_of(&setup, "‹ Reflect it ›").style()));
    assert!(!reversed(cell_of(&setup, "‹ Any stage ›").style()));
    let summary = render(find("practice_round_summary"), 80, 24);
    assert_eq!(cell_of(&summary, "✗").fg, THEME.warning.fg.expect("fg"));
    assert_eq!(cell_of(&summary, "✓").fg, THEME.ok.fg.expect("fg"));
}
