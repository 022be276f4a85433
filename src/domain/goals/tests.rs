use chrono::NaiveDate;
use uuid::Uuid;

use super::*;
use crate::domain::{Goal, NextStep, Peer, Session, SessionKind, StepReviewed, Timestamp};

fn t(day: u32) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(&format!("2026-01-{day:02}T10:00:00-05:00")).expect("t")
}

fn d(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, day).expect("date")
}

fn ended(peer: &Peer, day: u32) -> Session {
    let mut s = Session::start(peer, SessionKind::InPerson, t(day));
    s.finish(t(day) + chrono::Duration::minutes(40))
        .expect("finish");
    s
}

fn goal(text: &str, steps: &[(&str, Option<NaiveDate>)]) -> Goal {
    Goal {
        in_their_words: text.into(),
        goal_id: None,
        next_steps: steps
            .iter()
            .map(|(w, by)| NextStep {
                what: (*w).into(),
                who: "peer".into(),
                by_when: *by,
                done: false,
            })
            .collect(),
    }
}

#[test]
fn summary_goals_become_peer_goals_once_with_repeats_as_progress() {
    let peer = Peer::new("JD", t(1)).expect("peer");
    let other = Peer::new("KM", t(1)).expect("peer");
    let mut s1 = ended(&peer, 5);
    s1.summary
        .goals
        .push(goal("Walk twice a week", &[("Walk Tuesday", Some(d(12)))]));
    let mut s2 = ended(&peer, 12);
    s2.summary.goals.push(goal(
        "walk  twice a WEEK",
        &[("Walk Tuesday", Some(d(19))), ("Find a friend", None)],
    ));
    s2.summary.goals.push(goal("Sleep through", &[]));
    let mut s3 = ended(&other, 6);
    s3.summary.goals.push(goal("Walk twice a week", &[]));
    // Given out of order: the oldest session still starts the goal.
    let book = book_from_sessions([&s2, &s3, &s1]);
    let mine = book.for_peer(peer.id);
    assert_eq!(mine.len(), 2);
    let walk = mine[0];
    assert_eq!(walk.text, "Walk twice a week");
    assert_eq!(walk.started, d(5));
    assert_eq!(walk.target, NaiveDate::from_ymd_opt(2026, 4, 5));
    assert_eq!(walk.set_in, Some(s1.id));
    assert_eq!(walk.progress.len(), 1, "the second mention is progress");
    assert_eq!(walk.progress[0].session_id, s2.id);
    assert_eq!(walk.next_steps.len(), 2, "the repeated step is one step");
    assert_eq!(
        walk.next_steps[0].by_when,
        Some(d(19)),
        "its later date wins"
    );
    assert_eq!(walk.id, derived_goal_id(s1.id, 0));
    assert_eq!(book.for_peer(other.id).len(), 1);
    // The same notes always give the same book.
    assert_eq!(book_from_sessions([&s1, &s2, &s3]), book);
}

#[test]
fn recorded_progress_and_step_reviews_rebuild_from_the_notes() {
    let peer = Peer::new("JD", t(1)).expect("peer");
    let mut s1 = ended(&peer, 5);
    let id = Uuid::new_v4();
    let mut g = goal("Call my brother", &[("Write what to say", Some(d(9)))]);
    g.goal_id = Some(id);
    s1.summary.goals.push(g);
    let mut s2 = ended(&peer, 12);
    s2.goals_addressed.push(GoalAddressed {
        goal_id: id,
        text: "Call my brother".into(),
        progress: Some(Progress::Done),
        their_words: "we talked for an hour".into(),
    });
    s2.steps_reviewed.push(StepReviewed {
        goal_id: id,
        step_id: Uuid::new_v4(),
        what: "write what to say".into(),
        status: StepStatus::Done,
    });
    let book = book_from_sessions([&s1, &s2]);
    let g = book.get(id).expect("goal keeps its id");
    assert_eq!(g.status, GoalStatus::Achieved);
    assert_eq!(g.status_date, d(12));
    assert_eq!(g.progress[0].their_words, "we talked for an hour");
    assert_eq!(g.next_steps[0].status, StepStatus::Done);
    assert_eq!(g.next_steps[0].status_date, Some(d(12)));
}

#[test]
fn progress_cycles_and_timeline_marks_each_session() {
    assert_eq!(Progress::cycle(None), Some(Progress::NotYet));
    assert_eq!(Progress::cycle(Some(Progress::Done)), None);
    let mut g = PeerGoal::new(Uuid::new_v4(), " Sleep ", d(1));
    assert_eq!(g.text, "Sleep");
    for (day, p) in [
        (2, None),
        (9, Some(Progress::ALittle)),
        (16, Some(Progress::ALot)),
    ] {
        g.record_progress(ProgressEntry {
            date: d(day),
            session_id: Uuid::new_v4(),
            progress: p,
            their_words: String::new(),
        });
    }
    assert_eq!(g.timeline(10), "?-=");
    assert_eq!(g.timeline(2), "-=");
    assert_eq!(g.latest_progress(), Some(Progress::ALot));
    assert!(g.is_active());
}

#[test]
fn steps_are_not_duplicated_and_overdue_only_while_open() {
    let mut g = PeerGoal::new(Uuid::new_v4(), "Sleep", d(1));
    let a = g
        .add_step("Keep a diary", "peer", Some(d(5)), None)
        .expect("id");
    assert_eq!(g.add_step("keep a  diary", "", None, None), Some(a));
    assert_eq!(g.add_step("  ", "", None, None), None);
    assert!(g.next_steps[0].is_overdue(d(6)));
    assert!(!g.next_steps[0].is_overdue(d(5)));
    g.set_step_status(a, StepStatus::Dropped, d(6));
    assert!(!g.next_steps[0].is_overdue(d(9)));
    assert_eq!(g.open_steps().count(), 0);
    assert_eq!(StepStatus::Dropped.cycle(), StepStatus::Open);
}

#[test]
fn json_shape_uses_snake_case_names() {
    let mut g = PeerGoal::new(Uuid::nil(), "Sleep", d(1));
    g.set_status(GoalStatus::SetAside, d(3));
    g.record_progress(ProgressEntry {
        date: d(2),
        session_id: Uuid::nil(),
        progress: Some(Progress::ALittle),
        their_words: String::new(),
    });
    let json = serde_json::to_string(&g).expect("json");
    assert!(json.contains("\"status\":\"set_aside\""), "{json}");
    assert!(json.contains("\"progress\":\"a_little\""), "{json}");
    let back: PeerGoal = serde_json::from_str(&json).expect("parse");
    assert_eq!(back, g);
}
