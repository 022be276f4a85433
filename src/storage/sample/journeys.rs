//! Goals worked on over weeks in generated data: each peer has one to three goals from
//! their area of life; a session sets a goal with its first steps, later sessions look back
//! at it (progress rising, in the peer's words), steps get done, dropped or changed, and a
//! goal that is done is achieved. Written on the sessions the way the app writes them, so
//! the goals file is built from the notes alone.

use chrono::Duration as Span;
use uuid::Uuid;

use super::{Phrases, Rng};
use crate::domain::goals::{GoalAddressed, Progress, StepStatus, derived_goal_id};
use crate::domain::{Goal, NextStep, Peer, Session, StepReviewed};

/// One goal of a peer as the generator follows it.
struct Tracked {
    id: Uuid,
    text: String,
    /// The phrase list's steps for it.
    phrase: usize,
    started: bool,
    progress: Option<Progress>,
    /// Steps added so far: id, words, still open, due.
    steps: Vec<(Uuid, String, bool, Option<chrono::NaiveDate>)>,
}

/// Adds goals, progress and step reviews to `sessions`, which must be oldest first.
pub(super) fn add_goal_work(
    rng: &mut Rng,
    ph: &Phrases,
    peers: &[Peer],
    topics: &[usize],
    sessions: &mut [Session],
) {
    let mut plans: Vec<Vec<Tracked>> = peers
        .iter()
        .zip(topics)
        .map(|(_, &t)| {
            let goals = ph.topics.get(t).map(|t| t.goals.as_slice()).unwrap_or(&[]);
            let count = usize::try_from(rng.range(1, 3))
                .unwrap_or(1)
                .min(goals.len());
            rng.order(goals.len())
                .into_iter()
                .take(count)
                .filter_map(|gi| {
                    goals.get(gi).map(|g| Tracked {
                        id: rng.uuid(),
                        text: g.text.clone(),
                        phrase: gi,
                        started: false,
                        progress: None,
                        steps: Vec::new(),
                    })
                })
                .collect()
        })
        .collect();
    let index: std::collections::HashMap<Uuid, usize> =
        peers.iter().enumerate().map(|(i, p)| (p.id, i)).collect();

    for s in sessions.iter_mut() {
        let Some(&pi) = index.get(&s.peer_id) else {
            continue;
        };
        let topic = topics.get(pi).and_then(|t| ph.topics.get(*t));
        let day = s.started_at.date_naive();
        let plan = &mut plans[pi];
        let first = !plan.iter().any(|g| g.started);
        let mut set_one = false;
        for g in plan.iter_mut() {
            if g.progress == Some(Progress::Done) {
                continue;
            }
            if !g.started {
                // One new goal a session at most; the first session always sets one.
                if set_one || (!first && !rng.chance(35)) {
                    continue;
                }
                set_one = true;
                g.started = true;
                let steps = new_steps(rng, ph, topic, g, day, 2);
                s.summary.goals.push(Goal {
                    in_their_words: g.text.clone(),
                    goal_id: Some(g.id),
                    next_steps: steps,
                });
                continue;
            }
            if !rng.chance(70) {
                continue;
            }
            // Looked at this session: progress moves on (or not), steps due are reviewed.
            let next = match g.progress {
                None => Some(if rng.chance(30) {
                    Progress::NotYet
                } else {
                    Progress::ALittle
                }),
                Some(Progress::NotYet) => Some(Progress::ALittle),
                Some(Progress::ALittle) => Some(if rng.chance(50) {
                    Progress::ALot
                } else {
                    Progress::ALittle
                }),
                Some(Progress::ALot) => Some(if rng.chance(40) {
                    Progress::Done
                } else {
                    Progress::ALot
                }),
                Some(Progress::Done) => Some(Progress::Done),
            };
            g.progress = next;
            let words = match next {
                Some(Progress::NotYet) => ph.progress_words.first(),
                Some(Progress::Done) => ph.progress_words.get(4),
                _ => ph
                    .progress_words
                    .get(1 + usize::try_from(rng.below(3)).unwrap_or(0)),
            };
            s.goals_addressed.push(GoalAddressed {
                goal_id: g.id,
                text: g.text.clone(),
                progress: next,
                their_words: if rng.chance(70) {
                    words.cloned().unwrap_or_default()
                } else {
                    String::new()
                },
            });
            for (id, what, open, by) in g.steps.iter_mut() {
                if !*open || by.is_some_and(|d| d > day) {
                    continue;
                }
                let status = match rng.below(100) {
                    0..60 => StepStatus::Done,
                    60..72 => StepStatus::Dropped,
                    72..80 => StepStatus::Changed,
                    _ => continue,
                };
                *open = false;
                s.steps_reviewed.push(StepReviewed {
                    goal_id: g.id,
                    step_id: *id,
                    what: what.clone(),
                    status,
                });
            }
            if next != Some(Progress::Done) && g.steps.iter().all(|st| !st.2) {
                let steps = new_steps(rng, ph, topic, g, day, 1);
                if !steps.is_empty() {
                    s.summary.goals.push(Goal {
                        in_their_words: g.text.clone(),
                        goal_id: Some(g.id),
                        next_steps: steps,
                    });
                }
            }
        }
    }
}

/// Up to `count` steps of the goal's phrase not used yet, recorded on `g`.
fn new_steps(
    rng: &mut Rng,
    ph: &Phrases,
    topic: Option<&super::Topic>,
    g: &mut Tracked,
    day: chrono::NaiveDate,
    count: usize,
) -> Vec<NextStep> {
    let Some(phrase) = topic.and_then(|t| t.goals.get(g.phrase)) else {
        return Vec::new();
    };
    let unused: Vec<String> = phrase
        .steps
        .iter()
        .filter(|w| !g.steps.iter().any(|st| &st.1 == *w))
        .cloned()
        .collect();
    let n = usize::try_from(rng.range(1, count as i64)).unwrap_or(1);
    let mut out = Vec::new();
    for what in rng
        .pick_distinct(&unused, n)
        .map(str::to_string)
        .collect::<Vec<_>>()
    {
        let by = rng
            .chance(75)
            .then(|| day + Span::days(7 * rng.range(1, 2)));
        // The same id the goals file gives a step read from a summary.
        let id = derived_goal_id(g.id, g.steps.len() + 1);
        g.steps.push((id, what.clone(), true, by));
        out.push(NextStep {
            what,
            who: rng.pick(&ph.who).to_string(),
            by_when: by,
            done: false,
        });
    }
    out
}
