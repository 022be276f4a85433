//! A peer's journey over three sessions, driven by keys: a goal is set with a next step,
//! worked on, then achieved; the step is done; Coming up and Last time follow along.
//! Snapshots of Coming up, Last time, the goal review and the peer page at 80x24 and 50x14.

mod common;

use alongside::app::{App, Screen};
use alongside::domain::goals::{DueKind, GoalStatus, Progress, StepStatus};
use common::*;
use ratatui::crossterm::event::KeyCode;

fn screen_text(app: &App, w: u16, h: u16) -> String {
    text_of(&render(app, w, h))
}

/// Starts a session with Sunny from the peers screen and goes to the session commands.
fn start_with_sunny(app: &mut App, store: &mut MemoryStore) {
    press(app, store, key(KeyCode::Char('p')));
    for _ in 0..5 {
        press(app, store, key(KeyCode::Up));
    }
    let i = app
        .visible_peers()
        .iter()
        .position(|p| p.alias == "Sunny")
        .expect("sunny");
    for _ in 0..i {
        press(app, store, key(KeyCode::Down));
    }
    press(app, store, key(KeyCode::Char('s')));
    press(app, store, key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Session);
    press(app, store, key(KeyCode::Esc));
}

/// Ends the session and tabs to the goal review.
fn end_and_review(app: &mut App, store: &mut MemoryStore) {
    press(app, store, key(KeyCode::Char('e')));
    assert_eq!(app.screen, Screen::Summary);
    type_text(app, store, "Getting my own place");
    for _ in 0..3 {
        press(app, store, key(KeyCode::Tab));
    }
}

fn sunny_goal(store: &MemoryStore) -> alongside::domain::goals::PeerGoal {
    store
        .goals
        .goals
        .iter()
        .find(|g| g.text == "Have keys by spring")
        .cloned()
        .expect("goal")
}

/// Session one: the goal is set with a next step due in a week.
fn session_one(app: &mut App, store: &mut MemoryStore) {
    start_with_sunny(app, store);
    end_and_review(app, store);
    press(app, store, key(KeyCode::Tab)); // new goals
    press(app, store, key(KeyCode::Char('a')));
    type_text(app, store, "Have keys by spring");
    press(app, store, key(KeyCode::Tab));
    type_text(app, store, "Call two landlords");
    press(app, store, key(KeyCode::Tab));
    type_text(app, store, "Sunny");
    press(app, store, key(KeyCode::Tab));
    type_text(app, store, "+5");
    press(app, store, ctrl('s'));
    press(app, store, key(KeyCode::Tab));
    type_text(app, store, "+7");
    press(app, store, ctrl('s'));
    assert_eq!(app.screen, Screen::Home, "{:?}", app.status);
}

#[test]
fn a_goal_is_set_worked_on_and_achieved_over_three_sessions() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    session_one(&mut app, &mut store);

    let goal = sunny_goal(&store);
    assert_eq!(goal.status, GoalStatus::Active);
    assert_eq!(goal.next_steps.len(), 1);
    let saved = store.sessions.last().expect("saved");
    assert_eq!(
        saved.summary.goals[0].goal_id,
        Some(goal.id),
        "the note names the goal"
    );
    let due = alongside::app::journey::home_items(&app);
    assert!(
        due.iter()
            .any(|d| d.kind == DueKind::NextStep && d.text == "Call two landlords"),
        "{due:?}"
    );
    assert!(
        due.iter()
            .any(|d| d.kind == DueKind::FollowUp && d.peer_alias == "Sunny")
    );

    // Session two: Last time shows the goal; it is worked on a lot, the step is done.
    start_with_sunny(&mut app, &mut store);
    let lines = app
        .journey
        .last_time_lines(goal.peer_id, app.now.date_naive())
        .expect("last time");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("What mattered: Getting my own place"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Goal: Have keys by spring"))
    );
    assert!(lines.iter().any(|l| l.contains("Call two landlords")));
    assert!(screen_text(&app, 80, 24).contains("Last time"));
    press(&mut app, &mut store, key(KeyCode::Char('V')));
    end_and_review(&mut app, &mut store);
    press(&mut app, &mut store, key(KeyCode::Char(' ')));
    press(&mut app, &mut store, key(KeyCode::Char(' ')));
    press(&mut app, &mut store, key(KeyCode::Char(' ')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "saw two flats");
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Down));
    press(&mut app, &mut store, key(KeyCode::Char(' ')));
    press(&mut app, &mut store, ctrl('s'));
    assert_eq!(app.screen, Screen::Home, "{:?}", app.status);

    let saved = store.sessions.last().expect("saved");
    assert!(
        saved.notes.contains("Last time ("),
        "V put last time into the notes"
    );
    assert_eq!(saved.goals_addressed.len(), 1);
    assert_eq!(saved.goals_addressed[0].progress, Some(Progress::ALot));
    assert_eq!(saved.goals_addressed[0].their_words, "saw two flats");
    assert_eq!(saved.steps_reviewed[0].status, StepStatus::Done);
    let goal = sunny_goal(&store);
    assert_eq!(goal.progress.len(), 1);
    assert_eq!(goal.next_steps[0].status, StepStatus::Done);
    let due = alongside::app::journey::home_items(&app);
    assert!(
        !due.iter().any(|d| d.kind == DueKind::NextStep),
        "a done step leaves Coming up"
    );
    assert!(
        !due.iter()
            .any(|d| d.kind == DueKind::FollowUp && d.peer_alias == "Sunny"),
        "no follow-up was set this time"
    );

    // Session three: done.
    start_with_sunny(&mut app, &mut store);
    end_and_review(&mut app, &mut store);
    for _ in 0..4 {
        press(&mut app, &mut store, key(KeyCode::Char(' ')));
    }
    press(&mut app, &mut store, ctrl('s'));
    let goal = sunny_goal(&store);
    assert_eq!(goal.status, GoalStatus::Achieved);
    assert_eq!(goal.timeline(10), "=#");
    assert!(app.journey.goals.active_for(goal.peer_id).next().is_none());

    // The peer page shows the achieved goal and its timeline.
    press(&mut app, &mut store, key(KeyCode::Char('p')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::PeerPage);
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Peers);
}

/// The journey screens, with one goal set in a first session.
fn journey_screens() -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    let mut store = sample_store();
    let mut app = app_from(&store);
    session_one(&mut app, &mut store);
    let base = store;

    let mut store = clone(&base);
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Tab));
    out.push(("journey_home_coming_up", app));

    let mut store = clone(&base);
    let mut app = app_from(&store);
    start_with_sunny(&mut app, &mut store);
    out.push(("journey_last_time", app));

    let mut store = clone(&base);
    let mut app = app_from(&store);
    start_with_sunny(&mut app, &mut store);
    end_and_review(&mut app, &mut store);
    press(&mut app, &mut store, key(KeyCode::Char(' ')));
    press(&mut app, &mut store, key(KeyCode::Down));
    press(&mut app, &mut store, key(KeyCode::Char(' ')));
    out.push(("journey_goal_review", app));

    let mut store = clone(&base);
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Tab));
    press(&mut app, &mut store, key(KeyCode::Down));
    press(&mut app, &mut store, key(KeyCode::Down));
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::PeerPage);
    assert_eq!(
        app.peer(app.peer_page.as_ref().expect("page").peer_id)
            .map(|p| p.alias.as_str()),
        Some("Sunny")
    );
    out.push(("journey_peer_page", app));

    // The goal list of the peer page, a target date being typed wrongly.
    let mut store = clone(&base);
    let mut app = app_from(&store);
    open_sunny_page(&mut app, &mut store);
    press(&mut app, &mut store, key(KeyCode::Char('g')));
    press(&mut app, &mut store, key(KeyCode::Char('t')));
    type_text(&mut app, &mut store, "x");
    press(&mut app, &mut store, key(KeyCode::Enter));
    out.push(("journey_peer_goals", app));
    out
}

/// Opens Sunny's page from the Peers screen.
fn open_sunny_page(app: &mut App, store: &mut MemoryStore) {
    press(app, store, key(KeyCode::Char('p')));
    for _ in 0..5 {
        press(app, store, key(KeyCode::Up));
    }
    let i = app
        .visible_peers()
        .iter()
        .position(|p| p.alias == "Sunny")
        .expect("sunny");
    for _ in 0..i {
        press(app, store, key(KeyCode::Down));
    }
    press(app, store, key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::PeerPage);
}

#[test]
fn a_goal_is_set_aside_reopened_and_given_a_target_and_life_area_on_the_peer_page() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    session_one(&mut app, &mut store);
    let today = app.now.date_naive();
    open_sunny_page(&mut app, &mut store);
    assert!(
        screen_text(&app, 80, 24).contains("g edit goals"),
        "the key is on screen"
    );
    press(&mut app, &mut store, key(KeyCode::Char('g')));
    assert!(screen_text(&app, 80, 24).contains("▶ Have keys by spring"));

    press(&mut app, &mut store, key(KeyCode::Char('x')));
    let goal = sunny_goal(&store);
    assert_eq!(
        (goal.status, goal.status_date),
        (GoalStatus::SetAside, today)
    );
    assert!(
        app.journey.goals.active_for(goal.peer_id).next().is_none(),
        "a goal set aside is no longer reviewed at the end of a session"
    );
    press(&mut app, &mut store, key(KeyCode::Char('c')));
    assert_eq!(sunny_goal(&store).status, GoalStatus::Changed);
    press(&mut app, &mut store, key(KeyCode::Char('r')));
    assert_eq!(sunny_goal(&store).status, GoalStatus::Active);

    // A date that is not one is refused with the forms it takes; nothing is saved.
    let before = sunny_goal(&store).target;
    press(&mut app, &mut store, key(KeyCode::Char('t')));
    for _ in 0..12 {
        press(&mut app, &mut store, key(KeyCode::Backspace));
    }
    type_text(&mut app, &mut store, "next spring");
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(sunny_goal(&store).target, before);
    assert!(screen_text(&app, 80, 24).contains("use YYYY-MM-DD, +7, 7d or 2w"));
    for _ in 0..12 {
        press(&mut app, &mut store, key(KeyCode::Backspace));
    }
    type_text(&mut app, &mut store, "2w");
    press(&mut app, &mut store, key(KeyCode::Enter));
    let target = today + chrono::Duration::days(14);
    assert_eq!(sunny_goal(&store).target, Some(target));
    assert!(
        alongside::app::journey::home_items(&app)
            .iter()
            .any(|d| d.kind == DueKind::GoalTarget && d.due == target),
        "a target two weeks away is in Coming up"
    );
    press(&mut app, &mut store, key(KeyCode::Char('t')));
    for _ in 0..12 {
        press(&mut app, &mut store, key(KeyCode::Backspace));
    }
    type_text(&mut app, &mut store, "2026-03-14");
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(
        sunny_goal(&store).target,
        chrono::NaiveDate::from_ymd_opt(2026, 3, 14)
    );

    press(&mut app, &mut store, key(KeyCode::Char('l')));
    type_text(&mut app, &mut store, "  housing  ");
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(sunny_goal(&store).life_area, "housing");
    // Esc leaves the list, then the page.
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::PeerPage);
    assert!(screen_text(&app, 80, 24).contains("· housing"));
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Peers);
}

#[test]
fn a_note_that_worked_on_a_goal_removed_since_shows_it_as_removed() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    session_one(&mut app, &mut store);
    start_with_sunny(&mut app, &mut store);
    end_and_review(&mut app, &mut store);
    press(&mut app, &mut store, key(KeyCode::Char(' ')));
    press(&mut app, &mut store, key(KeyCode::Char(' ')));
    press(&mut app, &mut store, ctrl('s'));
    assert_eq!(app.screen, Screen::Home, "{:?}", app.status);
    let worked_on = store.sessions.last().expect("saved").id;

    // The goal disappears from the peer's goals (say, goals.json was rebuilt without it).
    store.goals.goals.clear();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('h')));
    let i = app
        .filtered_history()
        .iter()
        .position(|h| h.id == worked_on)
        .expect("in history");
    for _ in 0..i {
        press(&mut app, &mut store, key(KeyCode::Down));
    }
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Note);
    let note = app.note.as_ref().expect("note");
    let text: String = alongside::app::history::note_view_rows(app.content, note, 78)
        .into_iter()
        .map(|(_, row)| row + "\n")
        .collect();
    assert!(text.contains("Their goals this session"), "{text}");
    assert!(
        text.contains("Goal removed since: Have keys by spring (progress: a"),
        "{text}"
    );
}

fn clone(s: &MemoryStore) -> MemoryStore {
    MemoryStore {
        peers: s.peers.clone(),
        sessions: s.sessions.clone(),
        goals: s.goals.clone(),
        ..MemoryStore::default()
    }
}

#[test]
fn journey_screens_at_80x24_and_50x14() {
    for (name, app) in journey_screens() {
        insta::assert_snapshot!(format!("{name}_80x24"), render(&app, 80, 24).backend());
        insta::assert_snapshot!(format!("{name}_50x14"), render(&app, 50, 14).backend());
    }
}

#[test]
fn journey_screens_never_panic_at_any_size() {
    for (_, app) in journey_screens() {
        draw_at_every_size(&app);
    }
}

#[test]
fn a_goal_set_aside_from_the_end_of_session_review_leaves_the_review() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    session_one(&mut app, &mut store);
    start_with_sunny(&mut app, &mut store);
    end_and_review(&mut app, &mut store);
    assert_eq!(
        app.live
            .as_ref()
            .and_then(|l| l.summary.as_ref())
            .map(|f| f.review.goals.len()),
        Some(1)
    );
    press(&mut app, &mut store, key(KeyCode::Char('P')));
    assert_eq!(app.screen, Screen::PeerPage);
    press(&mut app, &mut store, key(KeyCode::Char('g')));
    press(&mut app, &mut store, key(KeyCode::Char('x')));
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Summary);
    let review = &app
        .live
        .as_ref()
        .and_then(|l| l.summary.as_ref())
        .expect("form")
        .review;
    assert!(review.is_empty(), "the goal set aside is not reviewed");
    press(&mut app, &mut store, ctrl('s'));
    assert_eq!(app.screen, Screen::Home, "{:?}", app.status);
    assert_eq!(sunny_goal(&store).status, GoalStatus::SetAside);
    assert!(
        store
            .sessions
            .last()
            .expect("saved")
            .goals_addressed
            .is_empty()
    );
}

#[test]
fn home_says_the_journey_is_being_read_until_it_is() {
    // The app reads the journey just after its first frame: that frame must not claim
    // that nothing is due.
    let mut app = App::new(Vec::new(), Vec::new(), Vec::new(), Vec::new(), t0());
    app.journey_pending = true;
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Looking over goals"), "{text}");
    assert!(!text.contains("Nothing due"), "{text}");
    app.journey_pending = false;
    assert!(screen_text(&app, 80, 24).contains("Nothing due"));
}
