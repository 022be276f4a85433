//! An index entry as index.json and the index log hold it: flat, with the fields that
//! earlier releases wrote (the entry in memory keeps what lists show in a shared part).

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{AttendeeEntry, IndexEntry};
use crate::domain::check_in::CheckIn;
use crate::domain::listed::Listed;
use crate::domain::report::SessionFacts;
use crate::domain::shared_str::SharedStr;
use crate::domain::{Flags, SessionKind, Timestamp};
use crate::storage::fsio::FileStamp;

#[derive(Serialize, Deserialize)]
pub(super) struct Record {
    id: Uuid,
    peer_id: Uuid,
    peer_alias: Arc<str>,
    kind: SessionKind,
    started_at: Timestamp,
    ended_at: Option<Timestamp>,
    duration_seconds: i64,
    flags: Flags,
    amendment_count: usize,
    preview: SharedStr,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    search_text: Option<String>,
    #[serde(default)]
    stamp: FileStamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    facts: Option<SessionFacts>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    attendees: Vec<AttendeeEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    check_in: Option<Arc<CheckIn>>,
}

impl From<Record> for IndexEntry {
    fn from(r: Record) -> IndexEntry {
        IndexEntry {
            listed: Arc::new(Listed {
                id: r.id,
                peer_id: r.peer_id,
                peer_alias: r.peer_alias,
                kind: r.kind,
                started_at: r.started_at,
                duration_seconds: r.duration_seconds,
                flags: r.flags,
                amendments: u32::try_from(r.amendment_count).unwrap_or(u32::MAX),
                preview: r.preview,
                attendees: r.attendees.into(),
            }),
            ended_at: r.ended_at,
            search_text: r.search_text.map(Box::new),
            stamp: r.stamp,
            facts: r.facts,
            check_in: r.check_in,
        }
    }
}

impl From<IndexEntry> for Record {
    fn from(e: IndexEntry) -> Record {
        let l = &e.listed;
        Record {
            id: l.id,
            peer_id: l.peer_id,
            peer_alias: Arc::clone(&l.peer_alias),
            kind: l.kind,
            started_at: l.started_at,
            ended_at: e.ended_at,
            duration_seconds: l.duration_seconds,
            flags: l.flags,
            amendment_count: l.amendments as usize,
            preview: l.preview.clone(),
            search_text: e.search_text.map(|t| *t),
            stamp: e.stamp,
            facts: e.facts,
            attendees: l.attendees.to_vec(),
            check_in: e.check_in,
        }
    }
}
