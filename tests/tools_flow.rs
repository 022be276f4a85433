//! The in-session tools and the tools between meetings, driven through keys against an
//! in-memory store: the palette, every kind of tool, what is kept in the note and drafts,
//! safety plans and standalone worksheets.

mod common;

use alongside::app;
use alongside::app::keymap::{self, Mode};
use alongside::app::tools::PlanStatus;
use alongside::app::tools::forms::ToolForm;
use alongside::app::{App, Screen, StatusKind};
use alongside::domain::Stage;
use alongside::domain::worksheets::{Side, Worksheet};
use common::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Home → a new in-person session with the most recent peer (JD), typing in the notes.
fn start_session(app: &mut App, store: &mut MemoryStore) {
    press(app, store, key(KeyCode::Char('n')));
    press(app, store, key(KeyCode::Enter));
    press(app, store, key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Session);
    // The first tick asks for the peer's safety plan.
    tick(app, store, app.now);
}

fn open_tool(app: &mut App, store: &mut MemoryStore, search: &str) {
    press(app, store, ctrl('t'));
    assert_eq!(keymap::mode(app), Mode::Palette);
    type_text(app, store, search);
    press(app, store, key(KeyCode::Enter));
}

fn shift_tab() -> KeyEvent {
    KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

fn active_tool(app: &App) -> &alongside::app::tools::OpenTool {
    app.live
        .as_ref()
        .and_then(|l| l.tools.active())
        .expect("a tool is open")
}

fn end_and_save(app: &mut App, store: &mut MemoryStore) -> alongside::domain::Session {
    while app.live.as_ref().is_some_and(|l| l.tools.active.is_some()) {
        press(app, store, key(KeyCode::Esc));
    }
    press(app, store, key(KeyCode::Esc)); // notes → commands
    press(app, store, ch('e'));
    assert_eq!(app.screen, Screen::Summary);
    press(app, store, ctrl('s'));
    // Nothing is written in the summary: the app asks before saving it so.
    assert!(app.confirm.is_some(), "a question about the empty summary");
    press(app, store, ch('y'));
    assert_eq!(app.screen, Screen::Home, "{:?}", app.status);
    store.sessions.last().cloned().expect("saved")
}

#[test]
fn the_palette_opens_from_anywhere_in_a_session_and_puts_the_stage_tools_first() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    start_session(&mut app, &mut store);
    type_text(&mut app, &mut store, "quiet week");
    // Ctrl+T while typing notes: the palette, and nothing typed is lost.
    press(&mut app, &mut store, ctrl('t'));
    let live = app.live.as_ref().expect("live");
    assert!(live.tools.palette.is_some());
    assert_eq!(live.notes.text(), "quiet week");
    // Typing "q" narrows the palette; it never quits.
    type_text(&mut app, &mut store, "q");
    assert!(!app.quitting);
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert_eq!(keymap::mode(&app), Mode::Notes, "Esc closes the palette");
    assert_eq!(app.live.as_ref().expect("live").notes.text(), "quiet week");

    // From session commands, t opens it too; the stage's tools come first.
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, ch('2')); // Exploring
    press(&mut app, &mut store, ch('t'));
    assert_eq!(keymap::mode(&app), Mode::Palette);
    let entries = alongside::app::tools::palette::entries(app.content, Some(Stage::Exploring), "");
    let suggested = app.content.tools_for(Stage::Exploring);
    assert_eq!(entries[0].tool.id, suggested[0].id);
    // Enter opens the first one, and the session records it.
    press(&mut app, &mut store, key(KeyCode::Enter));
    let live = app.live.as_ref().expect("live");
    assert_eq!(active_tool(&app).chosen_id, suggested[0].id);
    assert_eq!(live.session.tools_used[0].tool_id, suggested[0].id);
    // t again (a tool's commands) switches tools through the palette.
    press(&mut app, &mut store, ch('t'));
    assert_eq!(keymap::mode(&app), Mode::Palette);
}

#[test]
fn oars_shows_the_next_prompt_and_inserts_it_into_the_notes() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    start_session(&mut app, &mut store);
    type_text(&mut app, &mut store, "Checked in");
    open_tool(&mut app, &mut store, "oars");
    assert_eq!(keymap::mode(&app), Mode::ToolLines);
    let first = app
        .content
        .oars_for(Stage::Connecting)
        .expect("oars")
        .open_questions
        .clone();
    // The cursor starts on the first open question; n moves to the next.
    press(&mut app, &mut store, ch('n'));
    press(&mut app, &mut store, key(KeyCode::Enter));
    let notes = app.live.as_ref().expect("live").notes.text();
    assert_eq!(notes, format!("Checked in\n{}\n", first[1]));
    assert_eq!(
        app.status.as_ref().map(|s| s.kind.clone()),
        Some(StatusKind::Info)
    );
    // 3 shows another stage's starters.
    press(&mut app, &mut store, ch('3'));
    let ToolForm::Reader(r) = &active_tool(&app).form else {
        panic!("reader")
    };
    assert_eq!(r.oars.map(|(_, s)| s), Some(Stage::Supporting));
    // Esc goes back to the notes, cursor after the inserted line.
    press(&mut app, &mut store, key(KeyCode::Esc));
    type_text(&mut app, &mut store, "They said: fine");
    assert_eq!(
        app.live.as_ref().expect("live").notes.text(),
        format!("Checked in\n{}\nThey said: fine", first[1])
    );
    // Opened again later, OARS shows the starters for the session's stage.
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, key(KeyCode::Right)); // Exploring
    press(&mut app, &mut store, ch('t'));
    type_text(&mut app, &mut store, "oars");
    press(&mut app, &mut store, key(KeyCode::Enter));
    let ToolForm::Reader(r) = &active_tool(&app).form else {
        panic!("reader")
    };
    assert_eq!(r.oars.map(|(_, s)| s), Some(Stage::Exploring));
}

#[test]
fn a_half_typed_item_is_kept_when_the_app_is_stopped() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    start_session(&mut app, &mut store);
    open_tool(&mut app, &mut store, "advantages");
    press(&mut app, &mut store, ch('a'));
    type_text(&mut app, &mut store, "half typed");
    assert!(press(&mut app, &mut store, ctrl('c')));
    let draft = store.drafts.last().expect("draft");
    let Worksheet::AdvantagesDisadvantages(d) = &draft.worksheets[0].sheet else {
        panic!("decisional")
    };
    assert_eq!(d.good_about_now[0].text, "half typed");
}

#[test]
fn the_listening_cheat_sheet_scrolls_by_section_and_inserts_a_line() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    start_session(&mut app, &mut store);
    open_tool(&mut app, &mut store, "reflective");
    press(&mut app, &mut store, key(KeyCode::Right)); // the first section
    press(&mut app, &mut store, key(KeyCode::Right)); // feeling words
    let ToolForm::Reader(r) = &active_tool(&app).form else {
        panic!("reader")
    };
    assert_eq!(
        r.lines.current().map(|l| l.text.as_str()),
        Some("Feeling words, mild to strong")
    );
    press(&mut app, &mut store, ch('n'));
    press(&mut app, &mut store, ch('i'));
    let notes = app.live.as_ref().expect("live").notes.text();
    assert!(notes.starts_with("down, disappointed"), "{notes:?}");
}

#[test]
fn the_decisional_balance_is_kept_in_the_draft_and_the_saved_note() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    start_session(&mut app, &mut store);
    type_text(&mut app, &mut store, "Talked about drinking");
    open_tool(&mut app, &mut store, "advantages");
    assert_eq!(keymap::mode(&app), Mode::ToolRated);
    press(&mut app, &mut store, ch('a'));
    assert_eq!(keymap::mode(&app), Mode::ToolInput);
    // Letters and digits are typed, not commands, while adding an item.
    type_text(&mut app, &mut store, "helps me unwind after 5pm\n");
    // Enter ended adding: the digit is the new item's importance, not a new item.
    assert_eq!(keymap::mode(&app), Mode::ToolRated);
    press(&mut app, &mut store, ch('2'));
    press(&mut app, &mut store, ch('a'));
    type_text(&mut app, &mut store, "friends at the bar\n");
    press(&mut app, &mut store, ch('4'));
    press(&mut app, &mut store, key(KeyCode::Tab)); // not-so-good about now
    press(&mut app, &mut store, ch('a'));
    type_text(&mut app, &mut store, "money\n");
    press(&mut app, &mut store, key(KeyCode::Tab)); // finishes the input and moves on
    press(&mut app, &mut store, ch('a'));
    type_text(&mut app, &mut store, "more time with my kids");
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, ch('5'));

    let ToolForm::Decisional(d) = &active_tool(&app).form else {
        panic!("decisional")
    };
    let sheet = d.sheet();
    assert_eq!(sheet.totals(Side::GoodAboutNow).importance, 6);
    assert_eq!(sheet.totals(Side::NotSoGoodAboutNow).items, 1);
    assert_eq!(sheet.good_about_change[0].text, "more time with my kids");

    // Over to the notes and back: both keep their text.
    press(&mut app, &mut store, key(KeyCode::Esc));
    type_text(&mut app, &mut store, " a lot");
    open_tool(&mut app, &mut store, "advantages");
    assert_eq!(active_tool(&app).focus, 2, "it opens where it was left");
    press(&mut app, &mut store, shift_tab());
    press(&mut app, &mut store, shift_tab());
    press(&mut app, &mut store, shift_tab());
    assert_eq!(keymap::mode(&app), Mode::ToolText, "the reflection");
    type_text(&mut app, &mut store, "The kids matter most");
    let live = app.live.as_ref().expect("live");
    assert_eq!(live.notes.text(), "Talked about drinking a lot");
    assert_eq!(live.session.tools_used[0].times_opened, 2);

    // Autosave carries the sheet in the draft.
    tick(&mut app, &mut store, at(5));
    let draft = store.drafts.last().expect("draft");
    let Worksheet::AdvantagesDisadvantages(kept) = &draft.worksheets[0].sheet else {
        panic!("kept sheet")
    };
    assert_eq!(kept.reflection, "The kids matter most");

    let saved = end_and_save(&mut app, &mut store);
    assert_eq!(saved.worksheets.len(), 1);
    assert_eq!(saved.worksheets[0].tool_id, "advantages_disadvantages");
    let measured = saved.measured.as_ref().expect("measured");
    assert_eq!(measured.tools_used, ["advantages_disadvantages"]);
    let json = serde_json::to_value(&saved).expect("json");
    let sheet = &json["worksheets"][0]["sheet"];
    assert_eq!(sheet["kind"], "advantages_disadvantages");
    assert_eq!(sheet["good_about_now"][0]["importance"], 2);
    assert_eq!(sheet["good_about_now"][1]["text"], "friends at the bar");
    assert_eq!(sheet["reflection"], "The kids matter most");
}

#[test]
fn a_resumed_draft_brings_back_what_the_tools_held() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    start_session(&mut app, &mut store);
    open_tool(&mut app, &mut store, "gentle");
    type_text(&mut app, &mut store, "Lend me $20");
    assert!(press(&mut app, &mut store, ctrl('c')), "Ctrl+C quits");
    let draft = store.drafts.last().expect("kept");
    assert_eq!(draft.worksheets.len(), 1);

    let mut app = app_from(&store);
    assert_eq!(app.screen, Screen::DraftOffer);
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, ch('t'));
    type_text(&mut app, &mut store, "gentle");
    press(&mut app, &mut store, key(KeyCode::Enter));
    let ToolForm::Refusal(r) = &active_tool(&app).form else {
        panic!("refusal")
    };
    assert_eq!(r.fields[0].text(), "Lend me $20");
}

#[test]
fn values_are_chosen_added_ranked_and_noted() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    start_session(&mut app, &mut store);
    open_tool(&mut app, &mut store, "values");
    assert_eq!(keymap::mode(&app), Mode::ToolPick);
    press(&mut app, &mut store, ch(' ')); // the first listed value
    press(&mut app, &mut store, ch('j'));
    press(&mut app, &mut store, ch('x'));
    press(&mut app, &mut store, ch('a'));
    type_text(&mut app, &mut store, "Gardening\n");
    press(&mut app, &mut store, ch('a'));
    type_text(&mut app, &mut store, "gardening\n");
    assert_eq!(
        app.status.as_ref().map(|s| s.kind.clone()),
        Some(StatusKind::Error)
    );
    press(&mut app, &mut store, key(KeyCode::Esc)); // gives up on the duplicate
    press(&mut app, &mut store, key(KeyCode::Tab));
    assert_eq!(keymap::mode(&app), Mode::ToolList);
    press(&mut app, &mut store, key(KeyCode::Down));
    press(&mut app, &mut store, key(KeyCode::Down));
    press(&mut app, &mut store, ch('K'));
    press(&mut app, &mut store, ch('K'));
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "weekends at the allotment\n");
    let ToolForm::Values(v) = &active_tool(&app).form else {
        panic!("values")
    };
    let names: Vec<&str> = v.sheet.chosen.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names[0], "Gardening");
    assert_eq!(names.len(), 3);
    assert!(v.sheet.chosen[0].own);
    assert_eq!(v.sheet.chosen[0].how_it_shows, "weekends at the allotment");
    let saved = end_and_save(&mut app, &mut store);
    let Worksheet::Values(sheet) = &saved.worksheets[0].sheet else {
        panic!("values sheet")
    };
    assert_eq!(sheet.top()[0].name, "Gardening");
}

#[test]
fn checklists_tick_items_and_take_notes() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    start_session(&mut app, &mut store);
    open_tool(&mut app, &mut store, "initial");
    assert_eq!(keymap::mode(&app), Mode::ToolChecks);
    press(&mut app, &mut store, ch(' '));
    press(&mut app, &mut store, ch('j'));
    press(&mut app, &mut store, ch('x'));
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(keymap::mode(&app), Mode::ToolInput);
    type_text(&mut app, &mut store, "explained my own recovery briefly\n");
    let saved = end_and_save(&mut app, &mut store);
    let Worksheet::Checklist(c) = &saved.worksheets[0].sheet else {
        panic!("checklist")
    };
    assert_eq!(c.done_count(), 2);
    assert_eq!(c.items[1].note, "explained my own recovery briefly");
    assert_eq!(saved.worksheets[0].tool_id, "initial_meeting");
}

#[test]
fn ask_share_ask_anger_and_refusal_keep_a_field_per_step() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    start_session(&mut app, &mut store);
    open_tool(&mut app, &mut store, "ask-share");
    assert_eq!(keymap::mode(&app), Mode::ToolChoice);
    press(&mut app, &mut store, key(KeyCode::Down)); // a resource
    press(&mut app, &mut store, key(KeyCode::Down)); // my recovery story
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(
        &mut app,
        &mut store,
        "asked if hearing my story would help; yes",
    );
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "what helped me in early recovery");
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "they want to try a meeting");
    open_tool(&mut app, &mut store, "anger");
    type_text(&mut app, &mut store, "waiting rooms");
    open_tool(&mut app, &mut store, "gentle");
    type_text(&mut app, &mut store, "a ride home");
    for _ in 0..3 {
        press(&mut app, &mut store, key(KeyCode::Tab));
    }
    type_text(&mut app, &mut store, "I can call a cab with you");
    let saved = end_and_save(&mut app, &mut store);
    let kinds: Vec<&str> = saved
        .worksheets
        .iter()
        .map(|w| w.tool_id.as_str())
        .collect();
    assert_eq!(
        kinds,
        ["ask_share_ask", "response_to_anger", "gentle_refusal"]
    );
    let json = serde_json::to_value(&saved).expect("json");
    assert_eq!(
        json["worksheets"][0]["sheet"]["purpose"],
        "sharing_recovery_story"
    );
    assert_eq!(
        json["worksheets"][0]["sheet"]["ask_again"],
        "they want to try a meeting"
    );
    assert_eq!(
        json["worksheets"][1]["sheet"]["answers"][0]["answer"],
        "waiting rooms"
    );
    assert_eq!(
        json["worksheets"][2]["sheet"]["offer"],
        "I can call a cab with you"
    );
}

#[test]
fn planning_lists_ideas_a_goal_and_dated_steps() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    start_session(&mut app, &mut store);
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, ch('4')); // Planning
    // Brainstorming opens planning at its brainstorm.
    press(&mut app, &mut store, ch('t'));
    type_text(&mut app, &mut store, "brainstorm");
    press(&mut app, &mut store, key(KeyCode::Enter));
    let open = active_tool(&app);
    assert_eq!(open.tool.id, "planning");
    assert_eq!(open.chosen_id, "brainstorming");
    press(&mut app, &mut store, ch('a'));
    type_text(&mut app, &mut store, "walk to the library\n");
    press(&mut app, &mut store, ch('a'));
    type_text(&mut app, &mut store, "join a choir\n");
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "Get out of the house twice a week");
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "12w");
    press(&mut app, &mut store, key(KeyCode::Tab));
    press(&mut app, &mut store, ch('a'));
    type_text(&mut app, &mut store, "Visit the library");
    press(&mut app, &mut store, key(KeyCode::Tab)); // to the date
    type_text(&mut app, &mut store, "next week");
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(
        app.status.as_ref().map(|s| s.kind.clone()),
        Some(StatusKind::Error)
    );
    for _ in 0.."next week".len() {
        press(&mut app, &mut store, key(KeyCode::Backspace));
    }
    type_text(&mut app, &mut store, "+7");
    press(&mut app, &mut store, key(KeyCode::Enter)); // ends adding the step
    press(&mut app, &mut store, key(KeyCode::Tab)); // pathways
    press(&mut app, &mut store, ch(' '));
    let saved = end_and_save(&mut app, &mut store);
    let Worksheet::Planning(p) = &saved.worksheets[0].sheet else {
        panic!("planning")
    };
    assert_eq!(p.brainstorm, ["walk to the library", "join a choir"]);
    assert_eq!(p.goal, "Get out of the house twice a week");
    let today = t0().date_naive();
    assert_eq!(
        p.goal_by,
        today.checked_add_signed(chrono::Duration::weeks(12))
    );
    assert_eq!(p.steps[0].what, "Visit the library");
    assert_eq!(
        p.steps[0].by_when,
        today.checked_add_signed(chrono::Duration::days(7))
    );
    assert!(p.pathways[0].done);
    let used: Vec<&str> = saved
        .tools_used
        .iter()
        .map(|t| t.tool_id.as_str())
        .collect();
    assert_eq!(used, ["brainstorming"]);
}

#[test]
fn safety_plans_are_versioned_per_peer_and_offered_at_the_next_session() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    start_session(&mut app, &mut store);
    assert_eq!(
        app.live.as_ref().expect("live").tools.plan,
        PlanStatus::Loaded(None)
    );
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, ch('s'));
    assert_eq!(keymap::mode(&app), Mode::ToolText);
    // Saving an empty plan is refused with a message.
    press(&mut app, &mut store, ctrl('s'));
    assert!(store.safety_plans.is_empty());
    assert_eq!(
        app.status.as_ref().map(|s| s.kind.clone()),
        Some(StatusKind::Error)
    );
    type_text(&mut app, &mut store, "Not sleeping\nSkipping meals");
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "Walk the dog");
    press(&mut app, &mut store, ctrl('s'));
    assert_eq!(store.safety_plans[0].versions.len(), 1);
    press(&mut app, &mut store, ctrl('s'));
    assert_eq!(
        store.safety_plans[0].versions.len(),
        1,
        "unchanged: no new version"
    );
    type_text(&mut app, &mut store, "\nCall my sister");
    press(&mut app, &mut store, ctrl('s'));
    let h = &store.safety_plans[0];
    assert_eq!(h.versions.len(), 2);
    assert_eq!(h.versions[0].plan.internal_coping, ["Walk the dog"]);
    assert_eq!(
        h.versions[1].plan.internal_coping,
        ["Walk the dog", "Call my sister"]
    );
    let session_id = app.live.as_ref().expect("live").session.id;
    assert_eq!(h.versions[1].session_id, Some(session_id));
    let saved = end_and_save(&mut app, &mut store);
    assert_eq!(saved.worksheets[0].tool_id, "safety_plan");

    // The next session with the same peer knows the plan and opens it filled in.
    start_session(&mut app, &mut store);
    let plan = &app.live.as_ref().expect("live").tools.plan;
    assert_eq!(plan.latest().map(|v| v.version), Some(2));
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, ch('s'));
    let open = active_tool(&app);
    assert_eq!(open.base_version.map(|(v, _)| v), Some(2));
    let ToolForm::SafetyPlan(form) = &open.form else {
        panic!("safety plan")
    };
    assert_eq!(
        form.sheet().warning_signs,
        ["Not sleeping", "Skipping meals"]
    );
}

#[test]
fn a_failed_safety_plan_save_keeps_the_plan_and_says_so() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    start_session(&mut app, &mut store);
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, ch('s'));
    type_text(&mut app, &mut store, "Not sleeping");
    store.fail_writes = Some("could not save: the disk is full.".into());
    press(&mut app, &mut store, ctrl('s'));
    let status = app.status.clone().expect("message");
    assert_eq!(status.kind, StatusKind::Error);
    assert!(status.text.contains("disk is full"), "{}", status.text);
    let ToolForm::SafetyPlan(form) = &active_tool(&app).form else {
        panic!("safety plan")
    };
    assert_eq!(
        form.sheet().warning_signs,
        ["Not sleeping"],
        "nothing typed is lost"
    );
}

#[test]
fn between_meetings_a_worksheet_is_filled_for_a_peer_and_saved() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ch('t'));
    assert_eq!(app.screen, Screen::Tools);
    assert_eq!(keymap::mode(&app), Mode::ToolsHome);
    type_text(&mut app, &mut store, "concluding");
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(keymap::mode(&app), Mode::ToolsPickPeer);
    type_text(&mut app, &mut store, "sun");
    press(&mut app, &mut store, key(KeyCode::Down));
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(keymap::mode(&app), Mode::ToolChecks);
    press(&mut app, &mut store, ch(' '));
    press(&mut app, &mut store, ctrl('s'));
    assert_eq!(store.worksheets.len(), 1);
    let w = &store.worksheets[0];
    assert_eq!(w.peer_alias.as_deref(), Some("Sunny"));
    assert_eq!(w.tool_id, "concluding_relationship");
    assert!(w.saved.is_some() && w.unsaved.is_none());
    assert_eq!(app.tools.saved.len(), 1, "listed under saved worksheets");
    // Nothing changed since the save: Esc closes without asking.
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert!(app.confirm.is_none());
    assert!(app.tools.open.is_none());
}

#[test]
fn between_meetings_changes_are_kept_automatically_and_can_be_discarded() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ch('t'));
    type_text(&mut app, &mut store, "anger");
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter)); // no peer
    type_text(&mut app, &mut store, "being kept waiting");
    tick(&mut app, &mut store, at(1));
    assert_eq!(store.worksheets.len(), 1, "kept after a few seconds");
    assert!(store.worksheets[0].saved.is_none());
    assert!(store.worksheets[0].unsaved.is_some());
    // Esc with unsaved changes asks; yes throws the never-saved worksheet away.
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert!(app.confirm.is_some());
    press(&mut app, &mut store, ch('y'));
    assert!(store.worksheets.is_empty());
    assert!(app.tools.open.is_none());
}

#[test]
fn ctrl_c_keeps_an_open_worksheet_and_it_reopens_with_its_changes() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ch('t'));
    type_text(&mut app, &mut store, "values");
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Down)); // the first peer
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, ch(' '));
    assert!(press(&mut app, &mut store, ctrl('c')));
    assert!(store.worksheets[0].has_unsaved());

    let mut app = app_from(&store);
    press(&mut app, &mut store, ch('t'));
    press(&mut app, &mut store, key(KeyCode::Tab));
    assert_eq!(keymap::mode(&app), Mode::ToolsSaved);
    press(&mut app, &mut store, key(KeyCode::Enter));
    let open = app.tools.open.as_ref().expect("open");
    let ToolForm::Values(v) = &open.tool.form else {
        panic!("values")
    };
    assert_eq!(v.sheet.chosen.len(), 1);
    press(&mut app, &mut store, ctrl('s'));
    assert!(!store.worksheets[0].has_unsaved());
    press(&mut app, &mut store, key(KeyCode::Esc));
    // Back in the saved list: delete it, after a question.
    assert_eq!(keymap::mode(&app), Mode::ToolsSaved);
    press(&mut app, &mut store, ch('d'));
    press(&mut app, &mut store, ch('y'));
    assert!(store.worksheets.is_empty());
    assert!(app.tools.saved.is_empty());
}

#[test]
fn a_safety_plan_between_meetings_needs_a_peer_and_adds_a_version() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ch('t'));
    type_text(&mut app, &mut store, "safety");
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter)); // "no peer"
    assert_eq!(
        app.status.as_ref().map(|s| s.kind.clone()),
        Some(StatusKind::Error)
    );
    assert!(app.tools.open.is_none());
    press(&mut app, &mut store, key(KeyCode::Down));
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "Pacing at night");
    tick(&mut app, &mut store, at(1));
    assert_eq!(
        store.worksheets.len(),
        1,
        "unsaved plan kept as a draft worksheet"
    );
    press(&mut app, &mut store, ctrl('s'));
    assert_eq!(store.safety_plans.len(), 1);
    assert!(
        store.worksheets.is_empty(),
        "the draft goes once the version is saved"
    );
    assert!(app.tools.open.as_ref().is_some_and(|o| !o.tool.changed));
}

#[test]
fn the_tools_screen_is_not_reachable_during_a_session() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    start_session(&mut app, &mut store);
    app::update(
        &mut app,
        alongside::app::Action::Open(alongside::app::Destination::Tools),
        at(1),
    );
    assert_eq!(app.screen, Screen::Session);
}

#[test]
fn saved_safety_plan_versions_can_be_read_and_one_brought_back() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    start_session(&mut app, &mut store);
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, ch('s'));
    press(&mut app, &mut store, key(KeyCode::F(6)));
    assert_eq!(keymap::mode(&app), Mode::ToolText, "nothing saved yet");
    type_text(&mut app, &mut store, "Not sleeping");
    press(&mut app, &mut store, ctrl('s'));
    type_text(&mut app, &mut store, "\nSkipping meals");
    press(&mut app, &mut store, ctrl('s'));
    assert_eq!(store.safety_plans[0].versions.len(), 2);
    press(&mut app, &mut store, key(KeyCode::F(6)));
    assert_eq!(keymap::mode(&app), Mode::ToolVersions);
    assert_eq!(
        active_tool(&app).viewing_version,
        Some(2),
        "the latest first"
    );
    press(&mut app, &mut store, key(KeyCode::Left));
    assert_eq!(active_tool(&app).viewing_version, Some(1));
    press(&mut app, &mut store, key(KeyCode::Left));
    assert_eq!(
        active_tool(&app).viewing_version,
        Some(1),
        "the oldest stays"
    );
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(keymap::mode(&app), Mode::ToolText);
    let ToolForm::SafetyPlan(form) = &active_tool(&app).form else {
        panic!("safety plan")
    };
    assert_eq!(form.sheet().warning_signs, ["Not sleeping"]);
    press(&mut app, &mut store, ctrl('s'));
    assert_eq!(
        store.safety_plans[0].versions.len(),
        3,
        "brought back as a new version"
    );
    assert_eq!(
        store.safety_plans[0].versions[0].plan.warning_signs,
        ["Not sleeping"],
        "old versions are never changed"
    );
}
