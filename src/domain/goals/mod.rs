//! A peer's goals, kept across sessions: the goal in their own words, its status, what each
//! session made of it, and the next steps agreed for it. Goals belong to the peer, not to a
//! note; a session records which goals it worked on ([`GoalAddressed`]).

pub mod journey;
mod migrate;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use journey::{DueItem, DueKind, Journey, LastTime, SafetyStatus, coming_up};
pub use migrate::{apply_session, book_from_sessions, derived_goal_id};

/// How far ahead a new goal's target date is, unless one is given: about three months.
pub const DEFAULT_TARGET_MONTHS: u32 = 3;

/// Where a goal stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    #[default]
    Active,
    Achieved,
    /// The peer reshaped it into something else.
    Changed,
    SetAside,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 4] = [
        GoalStatus::Active,
        GoalStatus::Achieved,
        GoalStatus::Changed,
        GoalStatus::SetAside,
    ];

    pub fn label(self) -> &'static str {
        match self {
            GoalStatus::Active => "active",
            GoalStatus::Achieved => "achieved",
            GoalStatus::Changed => "changed",
            GoalStatus::SetAside => "set aside",
        }
    }
}

/// How far a session moved a goal on, in a few plain steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    NotYet,
    ALittle,
    ALot,
    Done,
}

impl Progress {
    pub const ALL: [Progress; 4] = [
        Progress::NotYet,
        Progress::ALittle,
        Progress::ALot,
        Progress::Done,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Progress::NotYet => "not yet",
            Progress::ALittle => "a little",
            Progress::ALot => "a lot",
            Progress::Done => "done",
        }
    }

    /// One character for a compact timeline: rising marks for more progress.
    pub fn mark(self) -> char {
        match self {
            Progress::NotYet => '.',
            Progress::ALittle => '-',
            Progress::ALot => '=',
            Progress::Done => '#',
        }
    }

    /// The next value in a cycle that starts and ends with "not marked".
    pub fn cycle(current: Option<Progress>) -> Option<Progress> {
        match current {
            None => Some(Progress::NotYet),
            Some(Progress::NotYet) => Some(Progress::ALittle),
            Some(Progress::ALittle) => Some(Progress::ALot),
            Some(Progress::ALot) => Some(Progress::Done),
            Some(Progress::Done) => None,
        }
    }
}

/// Where an agreed next step stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    #[default]
    Open,
    Done,
    Changed,
    Dropped,
}

impl StepStatus {
    pub fn label(self) -> &'static str {
        match self {
            StepStatus::Open => "open",
            StepStatus::Done => "done",
            StepStatus::Changed => "changed",
            StepStatus::Dropped => "dropped",
        }
    }

    /// The next value when reviewing a step at the end of a session.
    pub fn cycle(self) -> StepStatus {
        match self {
            StepStatus::Open => StepStatus::Done,
            StepStatus::Done => StepStatus::Changed,
            StepStatus::Changed => StepStatus::Dropped,
            StepStatus::Dropped => StepStatus::Open,
        }
    }
}

/// One session's work on a goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressEntry {
    pub date: NaiveDate,
    pub session_id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
    /// What the peer said about it, in their words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub their_words: String,
}

/// A concrete step agreed for a goal: what, who, by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalStep {
    pub id: Uuid,
    pub what: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub who: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_when: Option<NaiveDate>,
    #[serde(default)]
    pub status: StepStatus,
    /// When the status last changed (absent while open).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_date: Option<NaiveDate>,
    /// The session the step was agreed in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_in: Option<Uuid>,
}

impl GoalStep {
    pub fn is_open(&self) -> bool {
        self.status == StepStatus::Open
    }

    /// True when it is open and its date has passed.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.by_when.is_some_and(|d| d < today)
    }
}

/// A goal of one peer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerGoal {
    pub id: Uuid,
    pub peer_id: Uuid,
    /// The goal as the peer put it.
    pub text: String,
    /// The part of life it belongs to ("health", "work", ...); free text, may be blank.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub life_area: String,
    pub started: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<NaiveDate>,
    #[serde(default)]
    pub status: GoalStatus,
    /// When the status last changed (the start date while still active).
    pub status_date: NaiveDate,
    /// The session it was set in, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_in: Option<Uuid>,
    /// One entry per session that worked on it, oldest first.
    #[serde(default)]
    pub progress: Vec<ProgressEntry>,
    #[serde(default)]
    pub next_steps: Vec<GoalStep>,
}

impl PeerGoal {
    /// A new active goal starting on `started`, with the default target date.
    pub fn new(peer_id: Uuid, text: &str, started: NaiveDate) -> PeerGoal {
        PeerGoal {
            id: Uuid::new_v4(),
            peer_id,
            text: text.trim().to_string(),
            life_area: String::new(),
            started,
            target: default_target(started),
            status: GoalStatus::Active,
            status_date: started,
            set_in: None,
            progress: Vec::new(),
            next_steps: Vec::new(),
        }
    }

    pub fn is_active(&self) -> bool {
        self.status == GoalStatus::Active
    }

    pub fn open_steps(&self) -> impl Iterator<Item = &GoalStep> {
        self.next_steps.iter().filter(|s| s.is_open())
    }

    /// The latest progress marked for it, if any.
    pub fn latest_progress(&self) -> Option<Progress> {
        self.progress.iter().rev().find_map(|p| p.progress)
    }

    /// A compact timeline, one mark per session that worked on it (`?` when no progress was
    /// marked), the most recent last, at most `max` marks.
    pub fn timeline(&self, max: usize) -> String {
        let skip = self.progress.len().saturating_sub(max);
        self.progress
            .iter()
            .skip(skip)
            .map(|p| p.progress.map_or('?', Progress::mark))
            .collect()
    }

    pub fn set_status(&mut self, status: GoalStatus, on: NaiveDate) {
        if self.status != status {
            self.status = status;
            self.status_date = on;
        }
    }

    /// Records a session's work on the goal (replacing an earlier entry of the same
    /// session), and marks the goal achieved when the progress is "done".
    pub fn record_progress(&mut self, entry: ProgressEntry) {
        let done = entry.progress == Some(Progress::Done);
        let on = entry.date;
        match self
            .progress
            .iter_mut()
            .find(|p| p.session_id == entry.session_id)
        {
            Some(p) => *p = entry,
            None => {
                self.progress.push(entry);
                self.progress.sort_by_key(|p| p.date);
            }
        }
        if done {
            self.set_status(GoalStatus::Achieved, on);
        }
    }

    /// Adds a next step (with a new random id) unless an open one with the same wording is
    /// already there, whose date is then updated. Returns the step's id.
    pub fn add_step(
        &mut self,
        what: &str,
        who: &str,
        by_when: Option<NaiveDate>,
        set_in: Option<Uuid>,
    ) -> Option<Uuid> {
        self.add_step_with_id(Uuid::new_v4(), what, who, by_when, set_in)
    }

    /// [`PeerGoal::add_step`] with the id a new step gets.
    pub fn add_step_with_id(
        &mut self,
        id: Uuid,
        what: &str,
        who: &str,
        by_when: Option<NaiveDate>,
        set_in: Option<Uuid>,
    ) -> Option<Uuid> {
        let what = what.trim();
        if what.is_empty() {
            return None;
        }
        if let Some(s) = self
            .next_steps
            .iter_mut()
            .find(|s| s.is_open() && same_words(&s.what, what))
        {
            if by_when.is_some() {
                s.by_when = by_when;
            }
            return Some(s.id);
        }
        self.next_steps.push(GoalStep {
            id,
            what: what.to_string(),
            who: who.trim().to_string(),
            by_when,
            status: StepStatus::Open,
            status_date: None,
            set_in,
        });
        Some(id)
    }

    pub fn set_step_status(&mut self, step: Uuid, status: StepStatus, on: NaiveDate) {
        if let Some(s) = self.next_steps.iter_mut().find(|s| s.id == step)
            && s.status != status
        {
            s.status = status;
            s.status_date = (status != StepStatus::Open).then_some(on);
        }
    }
}

/// Three months after `started`.
pub fn default_target(started: NaiveDate) -> Option<NaiveDate> {
    started.checked_add_months(Months::new(DEFAULT_TARGET_MONTHS))
}

/// True when two wordings are the same goal or step: case and spacing aside.
pub fn same_words(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

/// What a saved session did with one of the peer's goals. Kept on the session, so a note
/// always says which of the peer's goals it worked on, in the words of the time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalAddressed {
    pub goal_id: Uuid,
    /// The goal in the peer's words when the session took place.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub their_words: String,
}

/// Every peer's goals: what the goals file holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalBook {
    #[serde(default)]
    pub goals: Vec<PeerGoal>,
}

impl GoalBook {
    /// One peer's goals: active first, then the rest, each group oldest first.
    pub fn for_peer(&self, peer_id: Uuid) -> Vec<&PeerGoal> {
        let mut out: Vec<&PeerGoal> = self.goals.iter().filter(|g| g.peer_id == peer_id).collect();
        out.sort_by_key(|g| (!g.is_active(), g.started, g.id));
        out
    }

    pub fn active_for(&self, peer_id: Uuid) -> impl Iterator<Item = &PeerGoal> {
        self.goals
            .iter()
            .filter(move |g| g.peer_id == peer_id && g.is_active())
    }

    pub fn get(&self, id: Uuid) -> Option<&PeerGoal> {
        self.goals.iter().find(|g| g.id == id)
    }

    pub fn get_mut(&mut self, id: Uuid) -> Option<&mut PeerGoal> {
        self.goals.iter_mut().find(|g| g.id == id)
    }

    /// The peer's goal with these words (active or not), if there is one.
    pub fn find_by_words(&self, peer_id: Uuid, text: &str) -> Option<&PeerGoal> {
        self.goals
            .iter()
            .find(|g| g.peer_id == peer_id && same_words(&g.text, text))
    }

    /// Adds a goal, or returns the id of the peer's existing goal with the same words.
    pub fn add_goal(&mut self, goal: PeerGoal) -> Uuid {
        if let Some(g) = self.find_by_words(goal.peer_id, &goal.text) {
            return g.id;
        }
        let id = goal.id;
        self.goals.push(goal);
        id
    }
}

#[cfg(test)]
mod tests;
