//! Peer goals built from saved sessions: how the goals and next steps of session summaries
//! (written before goals belonged to the peer) become peer goals, and how the goals file is
//! rebuilt from the notes if it is ever lost.

use uuid::Uuid;

use super::{GoalBook, PeerGoal, ProgressEntry, same_words};
use crate::domain::Session;

/// A stable id for the `index`-th goal of a session summary that has none, so rebuilding
/// from the same notes always gives the same ids.
pub fn derived_goal_id(session_id: Uuid, index: usize) -> Uuid {
    let salt = 0x9e37_79b9_7f4a_7c15_u128.wrapping_mul(index as u128 + 1);
    let mut bytes = (session_id.as_u128() ^ salt).to_be_bytes();
    // Keep it a well-formed version 4 (random) id.
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    Uuid::from_bytes(bytes)
}

/// Builds every peer's goals from their sessions. Sessions may come in any order; they are
/// taken oldest first. The first summary that names a goal starts it; a later summary that
/// names the same goal again (same words, case and spacing aside) counts as a session that
/// worked on it, and its steps join the goal's steps. What sessions recorded against a
/// goal ([`Session::goals_addressed`]) becomes its progress history. Session files are only
/// read, never changed.
pub fn book_from_sessions<'a>(sessions: impl IntoIterator<Item = &'a Session>) -> GoalBook {
    let mut sessions: Vec<&Session> = sessions.into_iter().filter(|s| s.is_ended()).collect();
    sessions.sort_by_key(|s| (s.started_at, s.id));
    let mut book = GoalBook::default();
    for s in sessions {
        apply_session(&mut book, s);
    }
    book
}

/// Applies one saved session to the goals: goals its summary names (new ones start, known
/// ones count as worked on), their next steps, the progress it recorded and the steps it
/// reviewed. Applying the same session twice changes nothing more.
pub fn apply_session(book: &mut GoalBook, s: &Session) {
    if s.is_group() {
        apply_group(book, s);
        return;
    }
    {
        let day = s.started_at.date_naive();
        for (i, g) in s.summary.goals.iter().enumerate() {
            let text = g.in_their_words.trim();
            if text.is_empty() {
                continue;
            }
            let existing = g
                .goal_id
                .and_then(|id| book.get(id).map(|g| g.id))
                .or_else(|| book.find_by_words(s.peer_id, text).map(|g| g.id));
            let id = match existing {
                Some(id) => {
                    let addressed = s.goals_addressed.iter().any(|a| a.goal_id == id);
                    if let Some(goal) = book.get_mut(id)
                        && !addressed
                        && goal.set_in != Some(s.id)
                    {
                        goal.record_progress(ProgressEntry {
                            date: day,
                            session_id: s.id,
                            progress: None,
                            their_words: String::new(),
                        });
                    }
                    id
                }
                None => {
                    let id = g.goal_id.unwrap_or_else(|| derived_goal_id(s.id, i));
                    book.goals.push(goal_set_in(s, id, s.peer_id, text));
                    id
                }
            };
            if let Some(goal) = book.get_mut(id) {
                for step in &g.next_steps {
                    let step_id = derived_goal_id(goal.id, goal.next_steps.len() + 1);
                    goal.add_step_with_id(step_id, &step.what, &step.who, step.by_when, Some(s.id));
                }
            }
        }
        for a in &s.goals_addressed {
            if let Some(goal) = book.get_mut(a.goal_id) {
                goal.record_progress(ProgressEntry {
                    date: day,
                    session_id: s.id,
                    progress: a.progress,
                    their_words: a.their_words.clone(),
                });
            }
        }
        for r in &s.steps_reviewed {
            if let Some(goal) = book.get_mut(r.goal_id)
                && let Some(step) = goal
                    .next_steps
                    .iter()
                    .find(|st| st.id == r.step_id || same_words(&st.what, &r.what))
                    .map(|st| st.id)
            {
                goal.set_step_status(step, r.status, day);
            }
        }
    }
}

/// A group session's next steps join each attendee's goals, under a goal named after the
/// group (one per group name, so the same group's steps gather in one place).
/// A goal first written in session `s`, under an id derived from it so a rebuild gives the
/// same id; the words are kept as the session has them.
fn goal_set_in(s: &Session, id: Uuid, peer_id: Uuid, text: &str) -> PeerGoal {
    PeerGoal {
        id,
        text: text.to_string(),
        set_in: Some(s.id),
        ..PeerGoal::new(peer_id, text, s.started_at.date_naive())
    }
}

fn apply_group(book: &mut GoalBook, s: &Session) {
    let day = s.started_at.date_naive();
    let name = if s.group_name.trim().is_empty() {
        crate::domain::group::UNNAMED_GROUP
    } else {
        s.group_name.as_str()
    };
    for (i, a) in s.attendees.iter().enumerate() {
        if a.next_steps.iter().all(|st| st.what.trim().is_empty()) {
            continue;
        }
        let id = match book.find_by_words(a.peer_id, name).map(|g| g.id) {
            Some(id) => id,
            None => {
                let id = derived_goal_id(s.id, 1000 + i);
                book.goals.push(goal_set_in(s, id, a.peer_id, name));
                id
            }
        };
        if let Some(goal) = book.get_mut(id) {
            if goal.set_in != Some(s.id) {
                goal.record_progress(ProgressEntry {
                    date: day,
                    session_id: s.id,
                    progress: None,
                    their_words: a.line.clone(),
                });
            }
            for step in &a.next_steps {
                let step_id = derived_goal_id(goal.id, goal.next_steps.len() + 1);
                goal.add_step_with_id(step_id, &step.what, &step.who, step.by_when, Some(s.id));
            }
        }
    }
}
