//! The session index: one small summary per saved session, so history lists, per-peer stats
//! and text search run in memory without opening any session file. It is a cache: the session
//! files are the truth and the index is rebuilt from them whenever it disagrees.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::fsio::FileStamp;
use crate::domain::listed::Listed;
use crate::domain::report::{SessionFacts, SessionRow};
use crate::domain::{Session, Timestamp};

mod record;

/// Characters of note text kept for the one-line preview.
pub const PREVIEW_CHARS: usize = 80;

/// A saved session as history lists and search need it. What lists show is its
/// [`Listed`], shared with the app's history rows; the entry reads as that through `Deref`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "record::Record", into = "record::Record")]
pub struct IndexEntry {
    pub listed: Arc<Listed>,
    pub ended_at: Option<Timestamp>,
    /// Alias, kind and every free text of the note, lowercased ([`search_text_of`]). Only
    /// carried on disk by index log records and by an earlier release's index.json; the store
    /// moves it into its search texts on load, so entries in memory hold `None`.
    pub search_text: Option<Box<String>>,
    /// The session file's size and modification time when indexed, so a stale index can be
    /// refreshed by re-reading only the files that changed.
    pub stamp: FileStamp,
    /// What reports add up (minutes per activity, goals, steps). Absent in an index written
    /// before reports existed: such an entry is read again from its session file.
    pub facts: Option<SessionFacts>,
    /// The peer's life-area check-in of this session, if any (small: a few ratings).
    /// Shared with the journey's list of the peer's check-ins.
    pub check_in: Option<Arc<crate::domain::check_in::CheckIn>>,
}

impl std::ops::Deref for IndexEntry {
    type Target = Listed;

    fn deref(&self) -> &Listed {
        &self.listed
    }
}

pub use crate::domain::listed::AttendeeEntry;

impl IndexEntry {
    /// Summarises a session. `stamp` describes the file it was read from or written to.
    pub fn from_session(s: &Session, stamp: FileStamp) -> IndexEntry {
        let duration_seconds = match (&s.measured, s.ended_at) {
            (Some(m), _) => m.duration_seconds,
            (None, Some(end)) => s.elapsed_seconds(end),
            (None, None) => 0,
        };
        IndexEntry {
            listed: Arc::new(Listed {
                id: s.id,
                peer_id: s.peer_id,
                peer_alias: Arc::from(s.peer_alias.as_str()),
                kind: s.kind,
                started_at: s.started_at,
                duration_seconds,
                flags: s.flags,
                amendments: u32::try_from(s.amendments.len()).unwrap_or(u32::MAX),
                preview: preview_of(s).into(),
                attendees: s
                    .attendees
                    .iter()
                    .map(|a| AttendeeEntry {
                        peer_id: a.peer_id,
                        peer_alias: Arc::from(a.peer_alias.as_str()),
                        joined_at: a.joined_at,
                        left_at: a.left_at,
                    })
                    .collect(),
            }),
            ended_at: s.ended_at,
            search_text: None,
            stamp,
            facts: Some(SessionFacts::of(s)),
            check_in: s.check_in.clone().map(Arc::new),
        }
    }

    /// The entry as a report reads it; `None` before its facts are known.
    pub fn report_row(&self) -> Option<SessionRow<'_>> {
        let facts = self.facts.as_ref()?;
        Some(SessionRow {
            id: self.id,
            peer_id: self.peer_id,
            kind: self.kind,
            started_at: self.started_at,
            minutes: u32::try_from((self.duration_seconds.max(0) + 30) / 60).unwrap_or(u32::MAX),
            facts,
        })
    }
}

/// Alias, kind and every free text of the note, lowercased, one part a line, for search.
pub fn search_text_of(s: &Session) -> String {
    let mut search_text = String::new();
    for part in [s.peer_alias.as_str(), s.kind.label()]
        .into_iter()
        .chain(s.texts())
        .chain(s.summary.activities.iter().map(|a| a.label()))
    {
        if !part.trim().is_empty() {
            search_text.push_str(&part.to_lowercase());
            search_text.push('\n');
        }
    }
    search_text
}

/// True when every word of a query (already lowercased and split) is in `text`.
pub fn matches_words(text: &str, words: &[String]) -> bool {
    words.iter().all(|w| text.contains(w.as_str()))
}

/// Newest first; equal start times fall back to the id so the order is stable.
pub(crate) fn newest_first(a: &IndexEntry, b: &IndexEntry) -> Ordering {
    b.started_at
        .cmp(&a.started_at)
        .then_with(|| b.id.cmp(&a.id))
}

/// Splits a search query into lowercase words.
pub(crate) fn query_words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// The first non-empty text of the note, on one line, shortened to [`PREVIEW_CHARS`].
fn preview_of(s: &Session) -> String {
    let source = [
        s.notes.as_str(),
        s.summary.discussed.as_str(),
        s.summary.what_matters.as_str(),
    ]
    .into_iter()
    .find(|t| !t.trim().is_empty())
    .unwrap_or("");
    let one_line = source.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= PREVIEW_CHARS {
        one_line
    } else {
        let mut cut: String = one_line.chars().take(PREVIEW_CHARS - 1).collect();
        cut.push('…');
        cut
    }
}

/// How often and how recently a peer was met, from the index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PeerStats {
    pub session_count: usize,
    /// Start of the most recent session.
    pub last_session: Option<Timestamp>,
}

pub(crate) fn peer_stats<'a>(
    entries: impl IntoIterator<Item = &'a IndexEntry>,
) -> HashMap<Uuid, PeerStats> {
    let mut out: HashMap<Uuid, PeerStats> = HashMap::new();
    for e in entries {
        for peer in e.served() {
            let st = out.entry(peer).or_default();
            st.session_count += 1;
            if st.last_session.is_none_or(|t| e.started_at > t) {
                st.last_session = Some(e.started_at);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Peer, SessionKind};

    fn t(min: i64) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-01-05T10:00:00-05:00").expect("time")
            + chrono::Duration::minutes(min)
    }

    #[test]
    fn entry_summarises_and_searches_all_text() {
        let peer = Peer::new("Sunny", t(0)).expect("peer");
        let mut s = Session::start(&peer, SessionKind::Phone, t(0));
        s.notes = "Talked about the   new JOB\nand the commute.".into();
        s.summary.strengths = "Persistent".into();
        s.finish(t(40)).expect("finish");
        s.amend("Called back about the bus pass", t(100))
            .expect("amend");
        let e = IndexEntry::from_session(&s, FileStamp::default());
        let text = search_text_of(&s);
        assert_eq!(e.duration_seconds, 40 * 60);
        assert_eq!(e.amendments, 1);
        assert_eq!(&*e.preview, "Talked about the new JOB and the commute.");
        for q in ["sunny", "phone", "new job", "persistent", "BUS pass"] {
            assert!(matches_words(&text, &query_words(q)), "{q}");
        }
        assert!(!matches_words(&text, &query_words("job housing")));
    }

    #[test]
    fn preview_is_cut_on_a_character_boundary() {
        let peer = Peer::new("JD", t(0)).expect("peer");
        let mut s = Session::start(&peer, SessionKind::Text, t(0));
        s.notes = "é".repeat(200);
        let e = IndexEntry::from_session(&s, FileStamp::default());
        assert_eq!(e.preview.chars().count(), PREVIEW_CHARS);
        assert!(e.preview.ends_with('…'));
    }
}
