//! Every peer's goals (`goals.json`), read once after opening and saved whole and durably
//! like everything else. The first open by a version that keeps goals per peer builds the
//! file from the goals saved in session summaries; session files are only read.

use super::sessions::read_sessions_parallel;
use super::{Store, report_unreadable};
use std::collections::HashMap;

use uuid::Uuid;

use crate::domain::goals::{GoalBook, Journey, LastTime, book_from_sessions};
use crate::storage::error::StoreError;
use crate::storage::layout::GOALS_FILE;
use crate::storage::problem::{Problem, ProblemKind};
use crate::storage::read::{Loaded, load};
use crate::storage::schema::{CURRENT_VERSION, FileKind, Versioned};
use serde::{Deserialize, Serialize};

/// `goals.json`: `{"schema_version":1,"goals":{"goals":[PeerGoal, ...]}}`.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct GoalsFile {
    pub schema_version: u64,
    pub goals: GoalBook,
}

#[derive(Serialize)]
struct GoalsFileRef<'a> {
    schema_version: u64,
    goals: &'a GoalBook,
}

impl Versioned for GoalsFile {
    const KIND: FileKind = FileKind::Goals;
    fn version(&self) -> u64 {
        self.schema_version
    }
}

/// How the goals were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalsOrigin {
    /// Read from goals.json.
    File,
    /// Built from the session notes (first open, or goals.json was unreadable and moved to
    /// quarantine); written to goals.json when the store is writable.
    Rebuilt { written: bool },
    /// goals.json was written by a newer version: shown empty, never saved over.
    Newer,
}

impl Store {
    /// Every peer's goals. When goals.json is missing (first open by this version) or could
    /// not be read (it is moved to quarantine and reported), the goals are built from the
    /// saved notes and, for a writable store, saved, so this happens once.
    pub fn goal_book(&self) -> (GoalBook, GoalsOrigin, Vec<Problem>) {
        let mut problems = Vec::new();
        let writable = !self.is_read_only();
        match load::<GoalsFile>(&self.layout.path(GOALS_FILE)) {
            Loaded::Found {
                value,
                migrated_from,
                ..
            } => {
                problems.extend(Problem::migrated(GOALS_FILE, migrated_from));
                return (value.goals, GoalsOrigin::File, problems);
            }
            Loaded::Newer { found } => {
                problems.push(Problem {
                    file: GOALS_FILE.into(),
                    kind: ProblemKind::NewerVersion { found },
                });
                return (GoalBook::default(), GoalsOrigin::Newer, problems);
            }
            Loaded::Missing => {}
            Loaded::Unreadable(reason) => {
                report_unreadable(&self.layout, GOALS_FILE, reason, writable, &mut problems);
            }
        }
        let book = self.goals_from_notes();
        let written = writable && self.save_goal_book(&book).is_ok();
        (book, GoalsOrigin::Rebuilt { written }, problems)
    }

    /// The goals file alone, for a command that reads one note without opening the folder
    /// (called after [`Store::read_session_only`] checked the folder). `None` when it is
    /// missing, unreadable or newer: the caller then marks nothing as removed.
    pub fn read_goals_only(dir: impl AsRef<std::path::Path>) -> Option<GoalBook> {
        let layout = crate::storage::layout::Layout::new(dir.as_ref());
        match load::<GoalsFile>(&layout.path(GOALS_FILE)) {
            Loaded::Found { value, .. } => Some(value.goals),
            _ => None,
        }
    }

    /// Builds the goals from every saved session (read only; nothing is moved or changed).
    fn goals_from_notes(&self) -> GoalBook {
        let ids: Vec<uuid::Uuid> = self.index.iter().map(|e| e.id).collect();
        // A file that cannot be read was already reported when the index was built.
        let sessions: Vec<_> = read_sessions_parallel(&self.layout, &ids)
            .into_iter()
            .filter_map(|(_, loaded)| match loaded {
                Loaded::Found { value, .. } => Some(value),
                _ => None,
            })
            .collect();
        book_from_sessions(&sessions)
    }

    /// Saves every peer's goals durably. Refuses (never overwrites) a goals file from a
    /// newer version; moves an unreadable one to quarantine first.
    pub fn save_goal_book(&self, book: &GoalBook) -> Result<(), StoreError> {
        self.save_record::<GoalsFile>(
            GOALS_FILE,
            &GoalsFileRef {
                schema_version: CURRENT_VERSION,
                goals: book,
            },
        )
    }
}

impl Store {
    /// What the journey views read: every peer's goals (see [`Store::goal_book`]), each
    /// peer's latest saved session, latest contact, latest safety concern and safety plan.
    /// Reads one session file and at most one safety plan file per peer.
    pub fn journey(&self) -> (Journey, Vec<Problem>) {
        let (goals, _, problems) = self.goal_book();
        let mut journey = Journey {
            goals,
            ..Journey::default()
        };
        self.fill_journey(&mut journey, |_| true);
        (journey, problems)
    }

    /// The journey of `peers` alone, with no goals: what a save that served them (a
    /// session) or concerned them (a safety plan) changes, for [`Journey::replace_peers`].
    /// One pass over the index, and one session file and at most one plan file per peer.
    pub fn journey_of(&self, peers: &[Uuid]) -> Journey {
        let mut journey = Journey::default();
        self.fill_journey(&mut journey, |p| peers.contains(&p));
        journey
    }

    /// Adds to `journey` everything but the goals, for the peers `wanted` accepts.
    fn fill_journey(&self, journey: &mut Journey, wanted: impl Fn(Uuid) -> bool) {
        let mut latest: HashMap<Uuid, Uuid> = HashMap::new();
        // The index is newest first: the first entry met per peer is their latest.
        for e in &self.index {
            let theirs = !e.peer_id.is_nil() && wanted(e.peer_id);
            if !theirs && !e.attendees.iter().any(|a| wanted(a.peer_id)) {
                continue;
            }
            let day = e.started_at.date_naive();
            // A group counts as contact with each attendee; Last time stays one-on-one.
            for a in e.attendees.iter().filter(|a| wanted(a.peer_id)) {
                journey.last_contact.entry(a.peer_id).or_insert(day);
            }
            if !theirs {
                continue;
            }
            if let Some(c) = &e.check_in {
                journey.add_shared_check_in(e.peer_id, e.id, std::sync::Arc::clone(c));
            }
            journey.last_contact.entry(e.peer_id).or_insert(day);
            latest.entry(e.peer_id).or_insert(e.id);
            if e.flags.safety_concern {
                let s = journey.safety.entry(e.peer_id).or_default();
                if s.flagged_on.is_none() {
                    s.flagged_on = Some(day);
                }
            }
        }
        // One file per peer: read on every core when there are many.
        let peer_of: HashMap<Uuid, Uuid> = latest.into_iter().map(|(p, id)| (id, p)).collect();
        let ids: Vec<Uuid> = peer_of.keys().copied().collect();
        for (id, loaded) in read_sessions_parallel(&self.layout, &ids) {
            if let (Loaded::Found { value, .. }, Some(&peer_id)) = (loaded, peer_of.get(&id)) {
                journey.last.insert(peer_id, LastTime::of(&value));
            }
        }
        for peer in self.peers.iter().filter(|p| wanted(p.id)) {
            if let Ok(Some(plan)) = self.safety_plan(peer.id)
                && let Some(v) = plan.latest()
            {
                let s = journey.safety.entry(peer.id).or_default();
                s.plan_version = Some(v.version);
                s.plan_reviewed = Some(v.saved_at.date_naive());
            }
        }
    }
}
