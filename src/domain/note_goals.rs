//! The part of a note that ties it to the peer's own goals: the goals the session worked on
//! and the next steps it reviewed. A goal since removed from the peer's goals still shows,
//! marked as removed, in the words it had when the session took place.

use std::fmt::Write as _;

use uuid::Uuid;

use super::Session;
use super::goals::GoalBook;

/// Heading of the section in the note.
pub const HEADING: &str = "Their goals this session";

/// Writes the section (nothing when the session worked on no goal and reviewed no step).
/// `exists` says whether a goal is still among the peer's goals.
pub fn write_section(out: &mut String, s: &Session, exists: &dyn Fn(Uuid) -> bool) {
    if s.goals_addressed.is_empty() && s.steps_reviewed.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## {HEADING}\n");
    for g in &s.goals_addressed {
        let mut line = String::from("- ");
        if !exists(g.goal_id) {
            line.push_str("Goal removed since: ");
        }
        let text = one_line(&g.text);
        match g.progress {
            // "Walk more. (progress: a lot)" reads badly: the mark goes before the stop.
            Some(_) => line.push_str(text.trim_end_matches('.')),
            None => line.push_str(&text),
        }
        if let Some(p) = g.progress {
            let _ = write!(line, " (progress: {})", p.label());
        }
        let words = one_line(&g.their_words);
        if !words.is_empty() {
            let _ = write!(line, ". In their words: “{words}”");
        }
        let _ = writeln!(out, "{line}");
    }
    for step in &s.steps_reviewed {
        let gone = if exists(step.goal_id) {
            ""
        } else {
            " (its goal was removed since)"
        };
        let _ = writeln!(
            out,
            "- Next step {}: {}{gone}",
            step.status.label(),
            one_line(&step.what)
        );
    }
}

/// The goals a session refers to that `book` no longer holds.
pub fn removed_goals(s: &Session, book: &GoalBook) -> std::collections::HashSet<Uuid> {
    s.goals_addressed
        .iter()
        .map(|g| g.goal_id)
        .chain(s.steps_reviewed.iter().map(|r| r.goal_id))
        .filter(|id| book.get(*id).is_none())
        .collect()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::goals::{GoalAddressed, PeerGoal, Progress, StepStatus};
    use crate::domain::{Peer, SessionKind, StepReviewed};

    fn session() -> (Session, PeerGoal) {
        let at = chrono::DateTime::parse_from_rfc3339("2026-03-02T10:00:00-05:00").expect("t");
        let peer = Peer::new("JD", at).expect("peer");
        let mut s = Session::start(&peer, SessionKind::Phone, at);
        let goal = PeerGoal::new(peer.id, "Walk three times a week", at.date_naive());
        s.goals_addressed.push(GoalAddressed {
            goal_id: goal.id,
            text: goal.text.clone(),
            progress: Some(Progress::ALot),
            their_words: "Twice,\n and it helped".into(),
        });
        s.steps_reviewed.push(StepReviewed {
            goal_id: goal.id,
            step_id: Uuid::new_v4(),
            what: "Find a walking buddy".into(),
            status: StepStatus::Done,
        });
        (s, goal)
    }

    #[test]
    fn a_kept_goal_shows_with_its_progress_and_words() {
        let (s, goal) = session();
        let mut book = GoalBook::default();
        book.add_goal(goal);
        assert!(removed_goals(&s, &book).is_empty());
        let mut out = String::new();
        write_section(&mut out, &s, &|id| book.get(id).is_some());
        assert!(out.contains(&format!("## {HEADING}")), "{out}");
        assert!(
            out.contains(
                "- Walk three times a week (progress: a lot). In their words: “Twice, and it helped”"
            ),
            "{out}"
        );
        assert!(
            out.contains("- Next step done: Find a walking buddy\n"),
            "{out}"
        );
        assert!(!out.contains("removed"), "{out}");
    }

    #[test]
    fn a_goal_no_longer_there_shows_as_removed_with_its_text() {
        let (s, goal) = session();
        let book = GoalBook::default();
        assert_eq!(
            removed_goals(&s, &book).into_iter().collect::<Vec<_>>(),
            [goal.id]
        );
        let mut out = String::new();
        write_section(&mut out, &s, &|id| book.get(id).is_some());
        assert!(
            out.contains("- Goal removed since: Walk three times a week (progress: a lot)"),
            "{out}"
        );
        assert!(
            out.contains("- Next step done: Find a walking buddy (its goal was removed since)"),
            "{out}"
        );
    }

    #[test]
    fn a_session_without_goal_work_writes_nothing() {
        let (mut s, _) = session();
        s.goals_addressed.clear();
        s.steps_reviewed.clear();
        let mut out = String::new();
        write_section(&mut out, &s, &|_| false);
        assert!(out.is_empty());
    }
}
