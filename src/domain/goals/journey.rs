//! A peer's journey at a glance: what last time left behind, and what is coming up across
//! the caseload (follow-ups, next steps, goal targets, check-ins, safety plan reviews).

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use uuid::Uuid;

use super::GoalBook;
use crate::domain::check_in::{CheckIn, PeerCheckIn};
use crate::domain::{Peer, Session, Timestamp};

/// Days between contacts unless a peer has their own interval.
pub const DEFAULT_CHECK_IN_DAYS: u32 = 7;
/// Goals whose target date is this close count as coming up.
pub const GOAL_TARGET_DAYS: i64 = 14;
/// A goal target passed this long ago is no longer listed (it is still on the peer page).
pub const GOAL_TARGET_PASSED_DAYS: i64 = 30;
/// A safety plan of a flagged peer is due for review this long after its last save.
pub const SAFETY_REVIEW_DAYS: i64 = 30;
/// A safety concern counts as current for this long after the session that raised it.
pub const SAFETY_FLAG_DAYS: i64 = 90;

/// The parts of a peer's latest session that the next one starts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastTime {
    pub session_id: Uuid,
    pub started_at: Timestamp,
    pub what_matters: String,
    pub discussed: String,
    pub follow_up: Option<NaiveDate>,
    pub safety_concern: bool,
}

impl LastTime {
    pub fn of(s: &Session) -> LastTime {
        LastTime {
            session_id: s.id,
            started_at: s.started_at,
            what_matters: s.summary.what_matters.clone(),
            discussed: s.summary.discussed.clone(),
            follow_up: s.summary.follow_up,
            safety_concern: s.flags.safety_concern,
        }
    }
}

/// A peer's safety plan and concern, as far as Coming up and the peer page need them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SafetyStatus {
    /// The most recent session flagged with a safety concern.
    pub flagged_on: Option<NaiveDate>,
    /// The latest saved version of the safety plan, and when.
    pub plan_version: Option<u32>,
    pub plan_reviewed: Option<NaiveDate>,
}

/// Everything the journey views read, loaded after the store opens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Journey {
    pub goals: GoalBook,
    /// Each peer's latest saved session.
    pub last: HashMap<Uuid, LastTime>,
    pub safety: HashMap<Uuid, SafetyStatus>,
    /// Each peer's latest contact (session start).
    pub last_contact: HashMap<Uuid, NaiveDate>,
    /// Each peer's life-area check-ins, oldest first.
    pub check_ins: HashMap<Uuid, Vec<PeerCheckIn>>,
}

impl Journey {
    /// Replaces what the journey holds for `peers` with `part`, a journey made for those
    /// peers alone (its goals are not used). The rest, goals included, stays.
    pub fn replace_peers(&mut self, peers: &[Uuid], part: Journey) {
        for peer in peers {
            self.last.remove(peer);
            self.safety.remove(peer);
            self.last_contact.remove(peer);
            self.check_ins.remove(peer);
        }
        let only = |id: &Uuid| peers.contains(id);
        self.last
            .extend(part.last.into_iter().filter(|(id, _)| only(id)));
        self.safety
            .extend(part.safety.into_iter().filter(|(id, _)| only(id)));
        self.last_contact
            .extend(part.last_contact.into_iter().filter(|(id, _)| only(id)));
        self.check_ins
            .extend(part.check_ins.into_iter().filter(|(id, _)| only(id)));
    }

    /// Adds a session's check-in to its peer's list, keeping the list oldest first.
    pub fn add_check_in(&mut self, peer_id: Uuid, session_id: Uuid, check_in: &CheckIn) {
        self.add_shared_check_in(peer_id, session_id, std::sync::Arc::new(check_in.clone()));
    }

    /// [`Journey::add_check_in`] for a check-in kept elsewhere too (by the session index).
    pub fn add_shared_check_in(
        &mut self,
        peer_id: Uuid,
        session_id: Uuid,
        check_in: std::sync::Arc<CheckIn>,
    ) {
        let list = self.check_ins.entry(peer_id).or_default();
        list.retain(|c| c.session_id != session_id);
        list.push(PeerCheckIn {
            session_id,
            check_in,
        });
        list.sort_by_key(|c| c.check_in.at);
    }

    /// The "Last time" panel for a peer, as lines of plain text (`None` without history).
    /// Overdue dates say so in words.
    pub fn last_time_lines(&self, peer_id: Uuid, today: NaiveDate) -> Option<Vec<String>> {
        let last = self.last.get(&peer_id)?;
        let day = last.started_at.date_naive();
        let mut out = vec![format!("{day} ({})", ago_words(day, today))];
        if !last.what_matters.trim().is_empty() {
            out.push(format!("What mattered: {}", one_line(&last.what_matters)));
        } else if !last.discussed.trim().is_empty() {
            out.push(format!("Discussed: {}", one_line(&last.discussed)));
        }
        match last.follow_up {
            Some(d) => out.push(format!("Follow-up: {d} ({})", due_words(d, today))),
            None => out.push("No follow-up date set".into()),
        }
        if last.safety_concern {
            out.push("Safety concern flagged last time".into());
        }
        let moved = self
            .check_ins
            .get(&peer_id)
            .map(|c| crate::domain::check_in::moved(c))
            .unwrap_or_default();
        if !moved.is_empty() {
            let parts: Vec<String> = moved
                .iter()
                .map(|m| {
                    let arrow = if m.to > m.from { "↑" } else { "↓" };
                    format!("{} {}→{}{arrow}", m.area, m.from, m.to)
                })
                .collect();
            out.push(format!("Moved: {}", parts.join(", ")));
        }
        let safety = self.safety.get(&peer_id).copied().unwrap_or_default();
        match (safety.plan_version, safety.plan_reviewed) {
            (Some(v), Some(d)) => out.push(format!(
                "Safety plan v{v}, reviewed {d} ({})",
                ago_words(d, today)
            )),
            _ => out.push("No safety plan saved".into()),
        }
        let goals: Vec<_> = self.goals.active_for(peer_id).collect();
        if goals.is_empty() {
            out.push("No active goals".into());
        }
        for g in goals {
            let progress = g
                .latest_progress()
                .map(|p| format!(" [{}]", p.label()))
                .unwrap_or_default();
            out.push(format!("Goal: {}{progress}", g.text));
            for step in g.open_steps() {
                let when = step
                    .by_when
                    .map(|d| format!(" (by {d}, {})", due_words(d, today)))
                    .unwrap_or_default();
                out.push(format!("  - {}{when}", step.what));
            }
        }
        Some(out)
    }

    /// One line about last time, to put into the notes.
    pub fn last_time_note(&self, peer_id: Uuid) -> Option<String> {
        let last = self.last.get(&peer_id)?;
        let mut parts = vec![format!("Last time ({})", last.started_at.date_naive())];
        if !last.what_matters.trim().is_empty() {
            parts.push(format!("what mattered: {}", one_line(&last.what_matters)));
        }
        let goals: Vec<&str> = self
            .goals
            .active_for(peer_id)
            .map(|g| g.text.as_str())
            .collect();
        if !goals.is_empty() {
            parts.push(format!("goals: {}", goals.join("; ")));
        }
        if let Some(d) = last.follow_up {
            parts.push(format!("follow-up {d}"));
        }
        Some(parts.join(" · "))
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What kind of thing is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DueKind {
    FollowUp,
    NextStep,
    GoalTarget,
    CheckIn,
    SafetyPlanReview,
}

impl DueKind {
    pub fn label(self) -> &'static str {
        match self {
            DueKind::FollowUp => "follow-up",
            DueKind::NextStep => "next step",
            DueKind::GoalTarget => "goal target",
            DueKind::CheckIn => "check-in",
            DueKind::SafetyPlanReview => "safety plan review",
        }
    }
}

/// One line of Coming up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueItem {
    pub kind: DueKind,
    pub peer_id: Uuid,
    pub peer_alias: String,
    /// Serialised as YYYY-MM-DD.
    pub due: NaiveDate,
    pub text: String,
    pub overdue: bool,
}

/// How a due date reads next to today, in words ("overdue 3 days", "today", "in 2 days").
pub fn due_words(due: NaiveDate, today: NaiveDate) -> String {
    let days = (due - today).num_days();
    match days {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "overdue 1 day".into(),
        d if d < 0 => format!("overdue {} days", -d),
        d => format!("in {d} days"),
    }
}

/// How long ago a day was, in words.
pub fn ago_words(day: NaiveDate, today: NaiveDate) -> String {
    let days = (today - day).num_days();
    match days {
        i64::MIN..=0 => "today".into(),
        1 => "yesterday".into(),
        2..=13 => format!("{days} days ago"),
        14..=59 => format!("{} weeks ago", days / 7),
        _ => format!("{} months ago", days / 30),
    }
}

/// Everything due on or before `today + within_days` (overdue included), for live peers,
/// soonest first.
pub fn coming_up(
    peers: &[Peer],
    journey: &Journey,
    today: NaiveDate,
    within_days: u32,
) -> Vec<DueItem> {
    let horizon = today + Duration::days(i64::from(within_days));
    let mut out = Vec::new();
    let live: HashMap<Uuid, &Peer> = peers
        .iter()
        .filter(|p| !p.archived)
        .map(|p| (p.id, p))
        .collect();
    let mut push = |kind, peer: &Peer, due: NaiveDate, text: String| {
        out.push(DueItem {
            kind,
            peer_id: peer.id,
            peer_alias: peer.alias.clone(),
            due,
            text,
            overdue: due < today,
        })
    };
    for peer in live.values() {
        if let Some(due) = journey.last.get(&peer.id).and_then(|l| l.follow_up)
            && due <= horizon
        {
            push(DueKind::FollowUp, peer, due, "Follow up".into());
        }
        let interval = i64::from(peer.check_in_days.unwrap_or(DEFAULT_CHECK_IN_DAYS));
        let last = journey
            .last_contact
            .get(&peer.id)
            .copied()
            .unwrap_or(peer.created_at.date_naive());
        let due = last + Duration::days(interval);
        if due <= horizon {
            push(
                DueKind::CheckIn,
                peer,
                due,
                format!("No contact since {last} (every {interval} days)"),
            );
        }
        if let Some(s) = journey.safety.get(&peer.id)
            && let Some(flagged) = s.flagged_on
            && (today - flagged).num_days() <= SAFETY_FLAG_DAYS
        {
            let due = match s.plan_reviewed {
                Some(d) => d + Duration::days(SAFETY_REVIEW_DAYS),
                None => flagged,
            };
            if due <= horizon {
                let text = match s.plan_reviewed {
                    Some(d) => format!("Safety plan last reviewed {d}"),
                    None => "Safety concern noted; no safety plan yet".into(),
                };
                push(DueKind::SafetyPlanReview, peer, due, text);
            }
        }
    }
    for goal in journey.goals.goals.iter().filter(|g| g.is_active()) {
        let Some(peer) = live.get(&goal.peer_id) else {
            continue;
        };
        for step in goal.open_steps() {
            if let Some(due) = step.by_when
                && due <= horizon
            {
                push(DueKind::NextStep, peer, due, step.what.clone());
            }
        }
        if let Some(target) = goal.target
            && target <= today + Duration::days(GOAL_TARGET_DAYS.max(i64::from(within_days)))
            && (today - target).num_days() <= GOAL_TARGET_PASSED_DAYS
        {
            push(DueKind::GoalTarget, peer, target, goal.text.clone());
        }
    }
    out.sort_by(|a, b| {
        (a.due, a.kind, a.peer_alias.to_lowercase(), &a.text).cmp(&(
            b.due,
            b.kind,
            b.peer_alias.to_lowercase(),
            &b.text,
        ))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::goals::PeerGoal;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).expect("date")
    }

    fn t(d: u32) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339(&format!("2026-03-{d:02}T10:00:00-05:00")).expect("t")
    }

    #[test]
    fn coming_up_lists_each_kind_soonest_first_and_skips_archived_peers() {
        let mut jd = Peer::new("JD", t(1)).expect("peer");
        jd.check_in_days = Some(14);
        let mut gone = Peer::new("Gone", t(1)).expect("peer");
        gone.archived = true;
        let mut j = Journey::default();
        j.last_contact.insert(jd.id, day(2));
        j.last.insert(
            jd.id,
            LastTime {
                session_id: Uuid::new_v4(),
                started_at: t(2),
                what_matters: String::new(),
                discussed: String::new(),
                follow_up: Some(day(9)),
                safety_concern: true,
            },
        );
        j.safety.insert(
            jd.id,
            SafetyStatus {
                flagged_on: Some(day(2)),
                plan_version: None,
                plan_reviewed: None,
            },
        );
        let mut g = PeerGoal::new(jd.id, "Walk", day(1));
        g.target = Some(day(20));
        g.add_step("Walk Tuesday", "", Some(day(5)), None);
        g.add_step("Later", "", Some(day(30)), None);
        j.goals.goals.push(g);
        let mut other = PeerGoal::new(gone.id, "Hidden", day(1));
        other.add_step("x", "", Some(day(5)), None);
        j.goals.goals.push(other);

        let items = coming_up(&[jd.clone(), gone], &j, day(8), 8);
        let kinds: Vec<DueKind> = items.iter().map(|i| i.kind).collect();
        assert_eq!(
            kinds,
            vec![
                DueKind::SafetyPlanReview,
                DueKind::NextStep,
                DueKind::FollowUp,
                DueKind::CheckIn,
                DueKind::GoalTarget
            ]
        );
        assert!(items[1].overdue && !items[2].overdue);
        assert_eq!(items[3].due, day(16), "every 14 days for this peer");
        assert!(items.iter().all(|i| i.peer_alias == "JD"));
        // Nothing within a day but what is overdue or today.
        let soon = coming_up(std::slice::from_ref(&jd), &j, day(8), 0);
        assert!(
            soon.iter()
                .all(|i| i.due <= day(8) || i.kind == DueKind::GoalTarget)
        );
    }

    #[test]
    fn words_for_dates() {
        assert_eq!(due_words(day(5), day(8)), "overdue 3 days");
        assert_eq!(due_words(day(8), day(8)), "today");
        assert_eq!(due_words(day(10), day(8)), "in 2 days");
        assert_eq!(ago_words(day(1), day(8)), "7 days ago");
        assert_eq!(ago_words(day(7), day(8)), "yesterday");
    }
}
