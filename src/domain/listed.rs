//! A saved session as lists show it: the part of a session's summary that both the store's
//! index and the app's history rows need, held once and shared between them (at 100,000
//! sessions a second copy cost over 10 MB).

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::shared_str::SharedStr;
use super::{Flags, SessionKind, Timestamp};

/// What a history row shows of one saved session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub id: Uuid,
    /// Nil for a group session (its peers are the attendees).
    pub peer_id: Uuid,
    /// The alias at the time of the session (shared between the sessions of a peer where
    /// the store can).
    pub peer_alias: Arc<str>,
    pub kind: SessionKind,
    pub started_at: Timestamp,
    pub duration_seconds: i64,
    pub flags: Flags,
    /// Amendments added after the note was saved.
    pub amendments: u32,
    /// The start of the note on one line.
    pub preview: SharedStr,
    /// Who attended, for a group session (empty for a one-on-one).
    pub attendees: Box<[AttendeeEntry]>,
}

/// One attendee of a group session as lists show them: who, and when they came and went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendeeEntry {
    pub peer_id: Uuid,
    /// The alias at the time of the group.
    pub peer_alias: Arc<str>,
    pub joined_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_at: Option<Timestamp>,
}

impl Listed {
    /// True when the session served `peer`: theirs, or a group they attended.
    pub fn involves(&self, peer: Uuid) -> bool {
        self.peer_id == peer || self.attendees.iter().any(|a| a.peer_id == peer)
    }

    /// The peers whose counts the session adds to: its peer (none for a group) and each
    /// attendee.
    pub fn served(&self) -> impl Iterator<Item = Uuid> + '_ {
        std::iter::once(self.peer_id)
            .filter(|p| !p.is_nil())
            .chain(self.attendees.iter().map(|a| a.peer_id))
    }
}
