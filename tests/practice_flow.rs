//! Practice and competencies as a trainee uses them: keys in, state and saved records out.

mod common;

use alongside::app::competencies::AreaPane;
use alongside::app::practice::PracticePane;
use alongside::app::{App, Screen, StatusKind};
use alongside::domain::practice::{Bank, Drill, Item, Part, Phase};
use common::*;
use ratatui::crossterm::event::KeyCode;

fn bank() -> &'static Bank {
    Bank::shipped().expect("bank")
}

fn open_practice(store: &mut MemoryStore) -> App {
    let mut app = app_from(store);
    press(&mut app, store, key(KeyCode::Char('d')));
    assert_eq!(app.screen, Screen::Practice);
    assert!(app.practice.loaded, "the saved rounds are read on opening");
    app
}

/// Chooses a drill on the setup pane by pressing → until it shows.
fn choose(app: &mut App, store: &mut MemoryStore, drill: Drill) {
    while app.practice.drill != drill {
        press(app, store, key(KeyCode::Right));
    }
}

fn current_item(app: &App) -> Item<'static> {
    app.practice
        .round
        .as_ref()
        .and_then(|r| r.round.current_item(bank()))
        .expect("an item")
}

fn phase(app: &App) -> Phase {
    app.practice.round.as_ref().expect("round").round.phase
}

#[test]
fn a_whole_open_up_round_is_answered_scored_and_saved() {
    let mut store = sample_store();
    let mut app = open_practice(&mut store);
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(app.practice.pane, PracticePane::Round);
    // "q" and other letters are typed, never commands, while answering.
    type_text(&mut app, &mut store, "Do you quit easily?");
    assert!(!app.quitting);
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert!(matches!(phase(&app), Phase::Feedback { item: 0, .. }));
    let saved = store.rounds.clone();
    assert_eq!(saved.len(), 1, "saved after the first answer");
    assert!(!saved[0].items[0].responses[0].goal_met);
    press(&mut app, &mut store, key(KeyCode::Enter));
    for answer in [
        "What has the week been like?",
        "How are you feeling about it?",
        "Tell me about that.",
        "What would help?",
    ] {
        type_text(&mut app, &mut store, answer);
        press(&mut app, &mut store, key(KeyCode::Enter));
        press(&mut app, &mut store, key(KeyCode::Enter));
    }
    assert_eq!(app.practice.pane, PracticePane::Summary);
    let r = store.rounds[0].clone();
    assert!(r.finished_at.is_some(), "saved again as finished");
    let s = r.summary();
    assert_eq!((s.goals, s.goals_met), (5, 4));
    assert_eq!(s.scores.open_questions, 4);
    // Another round starts at once and draws other items first.
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(app.practice.pane, PracticePane::Round);
    let first: Vec<_> = r.items.iter().map(|i| i.item_id.clone()).collect();
    let next = &app.practice.round.as_ref().expect("round").round.record;
    assert!(
        next.items.iter().all(|i| !first.contains(&i.item_id)),
        "items of the last round come last"
    );
}

#[test]
fn a_blank_answer_is_refused_with_a_message() {
    let mut store = sample_store();
    let mut app = open_practice(&mut store);
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert!(matches!(phase(&app), Phase::Answering { .. }));
    let status = app.status.clone().expect("message");
    assert_eq!(status.kind, StatusKind::Error);
    assert!(status.text.contains("Write your answer first"));
    assert!(store.rounds.is_empty());
}

#[test]
fn reflect_asks_for_a_complex_reflection_second() {
    let mut store = sample_store();
    let mut app = open_practice(&mut store);
    choose(&mut app, &mut store, Drill::Reflect);
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "You're upset about it.");
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(
        phase(&app),
        Phase::Answering { item: 0, step: 1 },
        "second try at the same statement"
    );
    let Item::Reflect(item) = current_item(&app) else {
        panic!("a reflect item");
    };
    // A reflection must be about what the peer said: pick up their words.
    let said = item.statement.trim_end_matches(['.', '!', '?']).to_string();
    type_text(
        &mut app,
        &mut store,
        &format!(
            "Part of you is still hurt by it all, and part of you wants to move past it: {said}."
        ),
    );
    press(&mut app, &mut store, key(KeyCode::Enter));
    let responses = &store.rounds[0].items[0].responses;
    assert_eq!(responses.len(), 2);
    assert_eq!(responses[1].part, Part::ComplexReflection);
    assert_eq!(
        responses[1].feedback.reflection_depth,
        Some(alongside::domain::utterance::Depth::Complex)
    );
    assert!(responses[1].goal_met, "{:?}", responses[1].feedback.reasons);
}

#[test]
fn name_the_skill_is_answered_by_key() {
    let mut store = sample_store();
    let mut app = open_practice(&mut store);
    choose(&mut app, &mut store, Drill::NameSkill);
    press(&mut app, &mut store, key(KeyCode::Enter));
    let Item::NameSkill(item) = current_item(&app) else {
        panic!("a name-the-skill item");
    };
    let key_char = bank().choice(item.answer).key;
    press(&mut app, &mut store, key(KeyCode::Char(key_char)));
    assert!(matches!(phase(&app), Phase::Feedback { .. }));
    assert!(store.rounds[0].items[0].responses[0].goal_met);
    // Arrows and Enter work too.
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Down));
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(store.rounds[0].items[1].responses[0].text, "affirmation");
    // Enter pressed twice on feedback moves on once; the second does not answer unread.
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert!(matches!(phase(&app), Phase::Answering { .. }));
    assert!(
        store.rounds[0].items[2].responses.is_empty(),
        "the third item is not answered"
    );
}

#[test]
fn ask_share_ask_moves_through_three_fields_then_checks_them() {
    let mut store = sample_store();
    let mut app = open_practice(&mut store);
    choose(&mut app, &mut store, Drill::AskShareAsk);
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "What do you already know about it?");
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(
        &mut app,
        &mut store,
        "Some people find a group on weeknights helps.",
    );
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "What do you make of that?");
    assert!(matches!(phase(&app), Phase::Answering { .. }));
    press(&mut app, &mut store, key(KeyCode::Enter));
    let responses = &store.rounds[0].items[0].responses;
    assert_eq!(
        responses
            .iter()
            .map(|r| (r.part, r.goal_met))
            .collect::<Vec<_>>(),
        [
            (Part::Ask, true),
            (Part::Share, true),
            (Part::AskAgain, true)
        ]
    );
}

#[test]
fn leaving_a_round_asks_first_and_keeps_what_was_answered() {
    let mut store = sample_store();
    let mut app = open_practice(&mut store);
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "What happened?");
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "half an answer");
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert!(app.confirm.is_some());
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    assert_eq!(app.practice.pane, PracticePane::Round);
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, key(KeyCode::Char('y')));
    assert_eq!(app.practice.pane, PracticePane::Setup);
    assert_eq!(store.rounds.len(), 1);
    assert!(store.rounds[0].finished_at.is_none());
    assert_eq!(store.rounds[0].summary().answered, 1);
    // Nothing answered: leaving needs no question and saves nothing.
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert!(app.confirm.is_none());
    assert_eq!(app.practice.pane, PracticePane::Setup);
    assert_eq!(store.rounds.len(), 1);
}

#[test]
fn a_failed_save_is_said_and_retried_with_the_next_answer() {
    let mut store = sample_store();
    let mut app = open_practice(&mut store);
    press(&mut app, &mut store, key(KeyCode::Enter));
    store.fail_writes = Some("could not save: the disk is full.".into());
    type_text(&mut app, &mut store, "What happened?");
    press(&mut app, &mut store, key(KeyCode::Enter));
    let status = app.status.clone().expect("message");
    assert_eq!(status.kind, StatusKind::Error);
    assert!(status.text.contains("disk is full"));
    assert!(status.text.contains("still here"));
    assert!(app.practice.round.as_ref().expect("round").unsaved);
    assert!(store.rounds.is_empty());
    store.fail_writes = None;
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "How did it go?");
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert!(!app.practice.round.as_ref().expect("round").unsaved);
    assert_eq!(store.rounds[0].summary().answered, 2);
}

#[test]
fn the_summary_retries_a_failed_save_with_s() {
    let mut store = sample_store();
    let mut app = open_practice(&mut store);
    press(&mut app, &mut store, key(KeyCode::Enter));
    for _ in 0..4 {
        press(&mut app, &mut store, ctrl('n'));
    }
    type_text(&mut app, &mut store, "What now?");
    press(&mut app, &mut store, key(KeyCode::Enter));
    store.fail_writes = Some("could not save: the data folder is read-only.".into());
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(app.practice.pane, PracticePane::Summary);
    assert!(app.practice.round.as_ref().expect("round").unsaved);
    assert!(store.rounds[0].finished_at.is_none());
    store.fail_writes = None;
    press(&mut app, &mut store, key(KeyCode::Char('s')));
    assert!(store.rounds[0].finished_at.is_some());
    assert!(!app.practice.round.as_ref().expect("round").unsaved);
}

#[test]
fn filters_that_match_nothing_say_so() {
    let mut store = sample_store();
    let mut app = open_practice(&mut store);
    choose(&mut app, &mut store, Drill::AskShareAsk);
    press(&mut app, &mut store, key(KeyCode::Down));
    press(&mut app, &mut store, key(KeyCode::Right)); // Connecting
    assert_eq!(
        app.practice.stage,
        Some(alongside::domain::Stage::Connecting)
    );
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(app.practice.pane, PracticePane::Setup);
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("No items match"))
    );
    // ← from "any" wraps to the last stage; → back to "any".
    press(&mut app, &mut store, key(KeyCode::Left));
    press(&mut app, &mut store, key(KeyCode::Left));
    assert_eq!(
        app.practice.stage,
        Some(alongside::domain::Stage::Advocating)
    );
    press(&mut app, &mut store, key(KeyCode::Right));
    assert_eq!(app.practice.stage, None);
}

#[test]
fn progress_lists_past_rounds_and_opens_one() {
    let mut store = sample_store();
    let mut app = open_practice(&mut store);
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "What happened?");
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, key(KeyCode::Char('y')));
    press(&mut app, &mut store, key(KeyCode::Char('p')));
    assert_eq!(app.practice.pane, PracticePane::Progress);
    assert_eq!(app.practice.past().len(), 1);
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(app.practice.pane, PracticePane::Review);
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Home);
    // Reopening reads the store again.
    let app2 = open_practice(&mut store);
    assert_eq!(app2.practice.rounds.len(), 1);
}

// ----- competencies -----

fn open_competencies(store: &mut MemoryStore) -> App {
    let mut app = app_from(store);
    press(&mut app, store, key(KeyCode::Char('c')));
    assert_eq!(app.screen, Screen::Competencies);
    assert!(
        app.competencies.record.is_some(),
        "the record is read on opening"
    );
    app
}

#[test]
fn a_skill_is_marked_signed_off_and_hours_logged() {
    let mut store = sample_store();
    let mut app = open_competencies(&mut store);
    press(&mut app, &mut store, key(KeyCode::Down)); // Engages peers
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert!(app.competencies.area_open);
    press(&mut app, &mut store, key(KeyCode::Down)); // skill 2
    press(&mut app, &mut store, key(KeyCode::Enter));
    let form = app.competencies.form.as_ref().expect("form");
    assert!(form.subject.starts_with("Skill 2: "));
    // The date starts as today; "s" and "x" are typed, not commands.
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "Weekly check-in, drop-in center");
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(
        &mut app,
        &mut store,
        "Reflected feelings; the peer said they felt heard.",
    );
    press(&mut app, &mut store, ctrl('s'));
    assert!(app.competencies.form.is_none());
    let mark = store.competencies.mark("engagement.2").expect("saved");
    assert_eq!(mark.date, t0().date_naive());
    assert_eq!(mark.context, "Weekly check-in, drop-in center");
    assert_eq!(
        app.status.as_ref().map(|s| s.kind.clone()),
        Some(StatusKind::Info)
    );

    press(&mut app, &mut store, key(KeyCode::Char('s')));
    type_text(&mut app, &mut store, "AB");
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    let sign = store
        .competencies
        .mark("engagement.2")
        .and_then(|m| m.sign_off.clone())
        .expect("signed");
    assert_eq!(sign.initials, "AB");

    press(&mut app, &mut store, key(KeyCode::Char('h')));
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "1:30");
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "shadowed a senior specialist");
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(store.competencies.hours.len(), 1);
    assert_eq!(store.competencies.hours[0].minutes, 90);
    assert_eq!(store.competencies.hours[0].area, "engagement");
    let p = store.competencies.area_progress("engagement", 5);
    assert_eq!((p.demonstrated, p.signed_off, p.minutes), (1, 1, 90));

    // Remove the hours entry, then the mark, each after a yes.
    press(&mut app, &mut store, key(KeyCode::Tab));
    assert_eq!(app.competencies.pane, AreaPane::Hours);
    press(&mut app, &mut store, key(KeyCode::Char('x')));
    press(&mut app, &mut store, key(KeyCode::Char('y')));
    assert!(store.competencies.hours.is_empty());
    press(&mut app, &mut store, key(KeyCode::Tab));
    press(&mut app, &mut store, key(KeyCode::Char('x')));
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    assert!(store.competencies.mark("engagement.2").is_some());
    press(&mut app, &mut store, key(KeyCode::Char('x')));
    press(&mut app, &mut store, key(KeyCode::Char('y')));
    assert!(store.competencies.mark("engagement.2").is_none());
}

#[test]
fn bad_input_in_a_form_says_what_to_fix_and_saves_nothing() {
    let mut store = sample_store();
    let mut app = open_competencies(&mut store);
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    // Replace the date with something unreadable.
    for _ in 0..10 {
        press(&mut app, &mut store, key(KeyCode::Backspace));
    }
    type_text(&mut app, &mut store, "yesterday");
    press(&mut app, &mut store, ctrl('s'));
    let form = app.competencies.form.as_ref().expect("still open");
    assert_eq!(
        form.error.as_deref(),
        Some("Give the date as YYYY-MM-DD, e.g. 2026-03-02.")
    );
    assert_eq!(form.focus, 0);
    for _ in 0..9 {
        press(&mut app, &mut store, key(KeyCode::Backspace));
    }
    type_text(&mut app, &mut store, "2026-03-01");
    press(&mut app, &mut store, ctrl('s'));
    let form = app.competencies.form.as_ref().expect("still open");
    assert!(
        form.error
            .as_deref()
            .is_some_and(|e| e.contains("situation"))
    );
    assert_eq!(form.focus, 1);
    assert_eq!(store.writes, 0);
    // Esc with typing asks before throwing it away.
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert!(app.confirm.is_some());
    press(&mut app, &mut store, key(KeyCode::Char('y')));
    assert!(app.competencies.form.is_none());
    // Sign-off needs a mark first.
    press(&mut app, &mut store, key(KeyCode::Char('s')));
    assert!(app.competencies.form.is_none());
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("Mark this skill"))
    );
}

#[test]
fn a_failed_save_keeps_the_form_and_its_text() {
    let mut store = sample_store();
    let mut app = open_competencies(&mut store);
    press(&mut app, &mut store, key(KeyCode::Char('h')));
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "2");
    store.fail_writes = Some("could not save: the disk is full.".into());
    press(&mut app, &mut store, ctrl('s'));
    let form = app.competencies.form.as_ref().expect("kept open");
    assert_eq!(form.fields[1].text(), "2");
    let status = app.status.clone().expect("message");
    assert!(status.text.contains("disk is full") && status.text.contains("Ctrl+S"));
    assert!(
        app.competencies
            .record
            .as_ref()
            .is_some_and(|r| r.hours.is_empty())
    );
    store.fail_writes = None;
    press(&mut app, &mut store, ctrl('s'));
    assert!(app.competencies.form.is_none());
    assert_eq!(store.competencies.hours.len(), 1);
    assert_eq!(
        app.competencies.record.as_ref().map(|r| r.total_minutes()),
        Some(120)
    );
}
