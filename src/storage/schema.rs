//! The versioned JSON envelopes, decoding with migration, and content-free reasons.
//!
//! Every file carries `schema_version`. Decoding a file gives one of: current (use it),
//! migrated from an older version (use it, rewrite only when next saved), newer than this app
//! (leave it untouched and never overwrite it), or unreadable (with a [`Reason`] that names
//! the kind of fault and its position, never the file's content).

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::index::IndexEntry;
use crate::domain::{Peer, Session};

/// The schema version this build writes and fully understands.
pub const CURRENT_VERSION: u64 = 1;

/// Which kind of file is being decoded, for migrations that differ per file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Peers,
    /// A saved session or a draft: both use the same envelope.
    Session,
    Index,
    /// `index-search.json`: the search text of every indexed session.
    IndexSearch,
    /// `index-log/<seq>.json`: one change to the index since index.json was written.
    IndexLog,
    /// `worksheets/<uuid>.json`: a standalone worksheet.
    Worksheet,
    /// `safety_plans/<peer-uuid>.json`: every version of one peer's safety plan.
    SafetyPlan,
    /// `practice/rounds/<uuid>.json`.
    PracticeRound,
    /// `competencies.json`.
    Competencies,
    /// `activity_log.json`.
    ActivityLog,
    /// `goals.json`: every peer's goals.
    Goals,
    /// `practice/roleplays/<uuid>.json`.
    RolePlay,
    /// `wellbeing.json`: the specialist's own checks.
    Wellbeing,
}

/// `peers.json`: `{"schema_version":1,"peers":[Peer...]}`.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct PeersFile {
    pub schema_version: u64,
    pub peers: Vec<Peer>,
}

/// `sessions/<uuid>.json` and `drafts/<uuid>.json`: `{"schema_version":1,"session":{...}}`.
/// The session sits under its own key so envelope fields can never clash with note fields.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct SessionFile {
    pub schema_version: u64,
    pub session: Session,
}

/// `index.json`: `{"schema_version":1,"sessions":[IndexEntry...]}`, newest first.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct IndexFile {
    pub schema_version: u64,
    pub sessions: Vec<IndexEntry>,
}

/// `index-search.json`: `{"schema_version":1,"texts":[SearchRow...]}`, the search text of
/// each session as of the file stamp it was taken from. Read straight into the search
/// index, row by row, so the texts are never all in memory at once.
#[derive(Debug, Deserialize)]
pub(crate) struct SearchFile {
    pub schema_version: u64,
    pub texts: SearchRows,
}

/// One row of index-search.json: `{"id":..,"stamp":..,"text":".."}`.
#[derive(Deserialize)]
struct SearchRow<'a> {
    id: uuid::Uuid,
    stamp: super::atomic::FileStamp,
    #[serde(borrow)]
    text: std::borrow::Cow<'a, str>,
}

/// The rows of index-search.json as read: every text in a search index, and the stamp
/// each was taken at.
#[derive(Debug, Default)]
pub(crate) struct SearchRows {
    pub index: crate::domain::text_index::TextIndex,
    pub stamps: HashMap<uuid::Uuid, super::atomic::FileStamp>,
}

impl<'de> Deserialize<'de> for SearchRows {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Rows;
        impl<'de> serde::de::Visitor<'de> for Rows {
            type Value = SearchRows;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of search rows")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<SearchRows, A::Error> {
                let mut out = SearchRows::default();
                while let Some(row) = seq.next_element::<SearchRow<'de>>()? {
                    out.index.insert(row.id, &row.text);
                    out.stamps.insert(row.id, row.stamp);
                }
                out.index.settle();
                Ok(out)
            }
        }
        d.deserialize_seq(Rows)
    }
}

/// `index-log/<seq>.json`: `{"schema_version":1,"puts":[IndexEntry...],"removed":[id...]}`,
/// entries (with their search text) added or replaced, and ids dropped, since index.json.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct IndexLogFile {
    pub schema_version: u64,
    #[serde(default)]
    pub puts: Vec<IndexEntry>,
    #[serde(default)]
    pub removed: Vec<uuid::Uuid>,
}

#[derive(Serialize)]
pub(crate) struct PeersFileRef<'a> {
    pub schema_version: u64,
    pub peers: &'a [Peer],
}

#[derive(Serialize)]
pub(crate) struct SessionFileRef<'a> {
    pub schema_version: u64,
    pub session: &'a Session,
}

#[derive(Serialize)]
pub(crate) struct IndexFileRef<'a> {
    pub schema_version: u64,
    pub sessions: &'a [IndexEntry],
}

/// A file type with a version field.
pub(crate) trait Versioned: DeserializeOwned {
    const KIND: FileKind;
    fn version(&self) -> u64;
}

impl Versioned for PeersFile {
    const KIND: FileKind = FileKind::Peers;
    fn version(&self) -> u64 {
        self.schema_version
    }
}

impl Versioned for SessionFile {
    const KIND: FileKind = FileKind::Session;
    fn version(&self) -> u64 {
        self.schema_version
    }
}

impl Versioned for IndexFile {
    const KIND: FileKind = FileKind::Index;
    fn version(&self) -> u64 {
        self.schema_version
    }
}

impl Versioned for SearchFile {
    const KIND: FileKind = FileKind::IndexSearch;
    fn version(&self) -> u64 {
        self.schema_version
    }
}

impl Versioned for IndexLogFile {
    const KIND: FileKind = FileKind::IndexLog;
    fn version(&self) -> u64 {
        self.schema_version
    }
}

/// Encodes a session the way session and draft files hold it.
pub fn encode_session(session: &Session) -> serde_json::Result<Vec<u8>> {
    serde_json::to_vec_pretty(&SessionFileRef {
        schema_version: CURRENT_VERSION,
        session,
    })
}

pub use super::reason::Reason;

/// What decoding a file gave.
#[derive(Debug)]
pub(crate) enum Decoded<T> {
    /// The current version.
    Current(T),
    /// An older version, upgraded in memory.
    Migrated {
        from: u64,
        value: T,
    },
    /// Written by a newer app: leave the file alone.
    Newer {
        found: u64,
    },
    Unreadable(Reason),
}

#[derive(Deserialize)]
struct VersionProbe {
    schema_version: Option<u64>,
}

/// Decodes a versioned file. The common case (current version, well formed) is one typed
/// parse; the version is probed separately only when that fails or disagrees.
pub(crate) fn decode<T: Versioned>(bytes: &[u8]) -> Decoded<T> {
    decode_with(bytes, MIGRATIONS)
}

pub(crate) fn decode_with<T: Versioned>(bytes: &[u8], migrations: &[Migration]) -> Decoded<T> {
    // The one place encrypted files are opened before decoding (see `crypt`), so every file
    // kind decoded here reads the same from an encrypted folder.
    if super::crypt::is_sealed(bytes) {
        return match super::crypt::open_sealed(None, bytes) {
            Ok(plain) => decode_plain(&plain, migrations),
            Err(reason) => Decoded::Unreadable(reason),
        };
    }
    decode_plain(bytes, migrations)
}

/// Decodes plain JSON bytes.
fn decode_plain<T: Versioned>(bytes: &[u8], migrations: &[Migration]) -> Decoded<T> {
    let typed_error = match serde_json::from_slice::<T>(bytes) {
        Ok(v) if v.version() == CURRENT_VERSION => return Decoded::Current(v),
        Ok(_) => None,
        Err(e) => Some(Reason::of_json(&e)),
    };
    let found = match serde_json::from_slice::<VersionProbe>(bytes) {
        Err(e) => return Decoded::Unreadable(Reason::of_json(&e)),
        Ok(VersionProbe {
            schema_version: None,
        }) => return Decoded::Unreadable(Reason::NoVersion),
        Ok(VersionProbe {
            schema_version: Some(v),
        }) => v,
    };
    if found > CURRENT_VERSION {
        return Decoded::Newer { found };
    }
    if found == CURRENT_VERSION {
        return Decoded::Unreadable(typed_error.unwrap_or(Reason::Shape { line: 0, column: 0 }));
    }
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => return Decoded::Unreadable(Reason::of_json(&e)),
    };
    match migrate(T::KIND, found, value, migrations).map(serde_json::from_value::<T>) {
        Ok(Ok(v)) => Decoded::Migrated {
            from: found,
            value: v,
        },
        Ok(Err(e)) => Decoded::Unreadable(Reason::of_json(&e)),
        Err(r) => Decoded::Unreadable(r),
    }
}

/// One upgrade step: turns a file of `kind` at version `from` into version `from + 1`.
pub(crate) struct Migration {
    pub kind: FileKind,
    pub from: u64,
    pub upgrade: fn(Value) -> Result<Value, Reason>,
}

/// The upgrade steps, oldest first. Version 1 is the first schema, so there are none yet.
/// When version 2 comes, add `Migration { kind, from: 1, upgrade }` entries here and raise
/// [`CURRENT_VERSION`]; files are then upgraded in memory and written in the new version only
/// when they are next saved.
const MIGRATIONS: &[Migration] = &[];

/// Applies upgrade steps one version at a time until `value` is current.
fn migrate(
    kind: FileKind,
    from: u64,
    mut value: Value,
    migrations: &[Migration],
) -> Result<Value, Reason> {
    let mut version = from;
    while version < CURRENT_VERSION {
        let step = migrations
            .iter()
            .find(|m| m.kind == kind && m.from == version)
            .ok_or(Reason::UnknownOldVersion { found: from })?;
        value = (step.upgrade)(value)?;
        version += 1;
    }
    if let Some(obj) = value.as_object_mut() {
        obj.insert("schema_version".into(), Value::from(CURRENT_VERSION));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn peers_json(version: u64) -> String {
        format!(r#"{{"schema_version":{version},"peers":[]}}"#)
    }

    #[test]
    fn current_newer_and_missing_versions() {
        assert!(matches!(
            decode::<PeersFile>(peers_json(1).as_bytes()),
            Decoded::Current(_)
        ));
        assert!(matches!(
            decode::<PeersFile>(peers_json(7).as_bytes()),
            Decoded::Newer { found: 7 }
        ));
        // A newer file is recognised even when its shape changed completely.
        assert!(matches!(
            decode::<PeersFile>(br#"{"schema_version":2,"people":{"x":1}}"#),
            Decoded::Newer { found: 2 }
        ));
        assert!(matches!(
            decode::<PeersFile>(br#"{"peers":[]}"#),
            Decoded::Unreadable(Reason::NoVersion)
        ));
        assert!(matches!(
            decode::<PeersFile>(b""),
            Decoded::Unreadable(Reason::Empty)
        ));
        assert!(matches!(
            decode::<PeersFile>(br#"{"schema_version":1,"peers":["#),
            Decoded::Unreadable(Reason::EndsEarly { .. })
        ));
    }

    #[test]
    fn an_old_version_without_a_migration_is_unreadable_and_one_with_a_migration_upgrades() {
        assert!(matches!(
            decode::<PeersFile>(peers_json(0).as_bytes()),
            Decoded::Unreadable(Reason::UnknownOldVersion { found: 0 })
        ));
        // A pretend version 0 that called the list "people".
        fn rename_people(mut v: Value) -> Result<Value, Reason> {
            let obj = v
                .as_object_mut()
                .ok_or(Reason::Shape { line: 0, column: 0 })?;
            let people = obj.remove("people").unwrap_or(Value::Array(vec![]));
            obj.insert("peers".into(), people);
            Ok(v)
        }
        let steps = [Migration {
            kind: FileKind::Peers,
            from: 0,
            upgrade: rename_people,
        }];
        let old = br#"{"schema_version":0,"people":[{"id":"6f0f3c0e-8a9e-4a57-9d55-0d3b2c8f3a11","alias":"JD","created_at":"2026-01-05T10:00:00-05:00"}]}"#;
        match decode_with::<PeersFile>(old, &steps) {
            Decoded::Migrated { from: 0, value } => {
                assert_eq!(value.schema_version, CURRENT_VERSION);
                assert_eq!(value.peers[0].alias, "JD");
            }
            other => panic!("expected a migration, got {other:?}"),
        }
    }

    #[test]
    fn reasons_never_quote_the_file() {
        let secret = "talked about the eviction notice";
        let cases = [
            format!(r#"{{"schema_version":1,"peers":"{secret}"}}"#),
            format!(r#"{{"schema_version":"{secret}"}}"#),
            format!(r#"{{"schema_version":1,"peers":[{{"alias":"{secret}"}}]}}"#),
            format!(r#"{{"schema_version":1,"{secret}":tru}}"#),
            format!(r#"{{"schema_version":1,"peers":[{{"id":"{secret}"}}]}}"#),
        ];
        for case in cases {
            match decode::<PeersFile>(case.as_bytes()) {
                Decoded::Unreadable(r) => {
                    let shown = format!("{r} {r:?}");
                    assert!(!shown.contains("eviction"), "leaked: {shown}");
                }
                other => panic!("expected unreadable, got {other:?}"),
            }
        }
    }
}
