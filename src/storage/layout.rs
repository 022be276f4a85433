//! Names and paths inside the data directory. Every path the store touches is built here,
//! so the layout documented in `storage/mod.rs` has one source.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use uuid::Uuid;

/// Held (exclusively) while a writable store is open.
pub const LOCK_FILE: &str = "alongside.lock";
/// The peers, `{"schema_version":1,"peers":[...]}`.
pub const PEERS_FILE: &str = "peers.json";
/// The cache of session summaries, `{"schema_version":1,"sessions":[...]}`.
pub const INDEX_FILE: &str = "index.json";
/// The search text of every indexed session, `{"schema_version":1,"texts":[...]}`, read
/// only when a search needs it.
pub const INDEX_SEARCH_FILE: &str = "index-search.json";
/// A compact binary copy of index.json, read on open instead of parsing the JSON while it
/// records index.json's exact stamp (see `storage::snapshot`); rebuilt whenever it does not.
pub const INDEX_SNAPSHOT_FILE: &str = "index-snapshot.bin";
/// Changes to the index since index.json was written, one small file per save,
/// `<sequence>.json`; folded into index.json now and then.
pub const INDEX_LOG_DIR: &str = "index-log";
/// One file per saved session, `<uuid>.json`.
pub const SESSIONS_DIR: &str = "sessions";
/// One file per autosaved, unfinished session, `<uuid>.json`.
pub const DRAFTS_DIR: &str = "drafts";
/// Files that could not be read, moved aside and never deleted.
pub const QUARANTINE_DIR: &str = "quarantine";
/// One file per standalone worksheet, `<uuid>.json`. Created on the first save.
pub const WORKSHEETS_DIR: &str = "worksheets";
/// One file per peer with a safety plan, `<peer-uuid>.json`, holding every version.
/// Created on the first save.
pub const SAFETY_PLANS_DIR: &str = "safety_plans";
/// Every peer's goals and next steps, `{"schema_version":1,"goals":{"goals":[...]}}`.
/// Created on first open by a version that keeps goals per peer.
pub const GOALS_FILE: &str = "goals.json";
/// Practice for trainees; created on the first save.
pub const PRACTICE_DIR: &str = "practice";
/// One file per practice round, `<uuid>.json`.
pub const ROUNDS_DIR: &str = "practice/rounds";
/// One file per coded role-play (live tally or transcript), `<uuid>.json`.
pub const ROLEPLAYS_DIR: &str = "practice/roleplays";
/// The trainee's competency record, `{"schema_version":1,"competencies":{...}}`.
pub const COMPETENCIES_FILE: &str = "competencies.json";
/// Indirect activities logged by hand, `{"schema_version":1,"activity_log":{...}}`.
pub const ACTIVITY_LOG_FILE: &str = "activity_log.json";
/// The specialist's own wellbeing checks, `{"schema_version":1,"wellbeing":{...}}`: private,
/// read only when asked for by name. Created on the first check.
pub const WELLBEING_FILE: &str = "wellbeing.json";
/// Every temporary file starts with this, so a crash's leftovers are never mistaken for data.
/// The leading dot keeps them out of casual directory listings.
pub const TEMP_PREFIX: &str = ".alongside-tmp-";

/// Paths inside one data directory.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    root: PathBuf,
}

impl Layout {
    pub(crate) fn new(root: &Path) -> Layout {
        Layout {
            root: root.to_path_buf(),
        }
    }

    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    pub(crate) fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub(crate) fn session_rel(id: Uuid) -> String {
        format!("{SESSIONS_DIR}/{}", record_file_name(id))
    }

    pub(crate) fn draft_rel(id: Uuid) -> String {
        format!("{DRAFTS_DIR}/{}", record_file_name(id))
    }

    pub(crate) fn index_log_rel(seq: u64) -> String {
        format!("{INDEX_LOG_DIR}/{seq:020}.json")
    }

    pub(crate) fn worksheet_rel(id: Uuid) -> String {
        format!("{WORKSHEETS_DIR}/{}", record_file_name(id))
    }

    pub(crate) fn safety_plan_rel(peer_id: Uuid) -> String {
        format!("{SAFETY_PLANS_DIR}/{}", record_file_name(peer_id))
    }

    pub(crate) fn round_rel(id: Uuid) -> String {
        format!("{ROUNDS_DIR}/{}", record_file_name(id))
    }

    pub(crate) fn roleplay_rel(id: Uuid) -> String {
        format!("{ROLEPLAYS_DIR}/{}", record_file_name(id))
    }
}

/// The file name of a session or draft: the id and nothing else, never an alias or note text.
pub fn record_file_name(id: Uuid) -> String {
    format!("{}.json", id.hyphenated())
}

/// The id in a `<uuid>.json` name. Only the exact form this app writes counts, so one
/// session can never appear under two spellings of its id.
pub fn id_from_file_name(name: &OsStr) -> Option<Uuid> {
    let stem = name.to_str()?.strip_suffix(".json")?;
    let id = Uuid::parse_str(stem).ok()?;
    (id.hyphenated().to_string() == stem).then_some(id)
}

/// True for the store's own temporary files.
pub fn is_temp_file_name(name: &OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with(TEMP_PREFIX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_canonical_uuid_spelling_is_a_record_name() {
        let id = Uuid::from_u128(0x1234_5678_9abc_def0_1234_5678_9abc_def0);
        let name = record_file_name(id);
        assert_eq!(id_from_file_name(OsStr::new(&name)), Some(id));
        assert_eq!(id_from_file_name(OsStr::new(&name.to_uppercase())), None);
        let simple = format!("{}.json", id.simple());
        assert_eq!(id_from_file_name(OsStr::new(&simple)), None);
        assert_eq!(id_from_file_name(OsStr::new("notes.json")), None);
        assert_eq!(id_from_file_name(OsStr::new(&id.to_string())), None);
    }

    #[test]
    fn temp_names_are_recognised() {
        assert!(is_temp_file_name(OsStr::new(".alongside-tmp-abc123")));
        assert!(!is_temp_file_name(OsStr::new("peers.json")));
    }
}
