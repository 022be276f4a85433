//! Reading one note without opening the whole store, and checks for adding notes from
//! outside, so `notes show ID` and `notes import` cost the same at any size of history.

use std::fs;
use std::path::Path;

use uuid::Uuid;

use super::super::layout::Layout;
use super::super::read::{Loaded, load, load_session};
use super::super::schema::{Reason, SessionFile};
use super::Store;
use super::open::{check_existing, check_unlocked};
use crate::domain::Session;
use crate::storage::error::StoreError;

/// What reading a note file from outside the data folder gave.
#[derive(Debug)]
pub enum ForeignNote {
    Note(Box<Session>),
    Missing,
    /// Written by a newer version of the app.
    Newer {
        found: u64,
    },
    /// Not a note file; the reason names the fault, never the content.
    Bad(Reason),
}

/// Reads a note as `notes show ID --format json` prints it (`{"schema_version":1,
/// "session":{...}}`), from anywhere; an older version is upgraded in memory.
pub fn read_foreign_note(path: &Path) -> ForeignNote {
    match load::<SessionFile>(path) {
        Loaded::Found { value, .. } => ForeignNote::Note(Box::new(value.session)),
        Loaded::Missing => ForeignNote::Missing,
        Loaded::Newer { found } => ForeignNote::Newer { found },
        Loaded::Unreadable(reason) => ForeignNote::Bad(reason),
    }
}

impl Store {
    /// Reads one saved session straight from its file, without the lock, the index or any
    /// other file: the checks that the folder is ours and unlocked, then one read. For
    /// `notes show` with a full id, safe while the app runs.
    pub fn read_session_only(dir: impl AsRef<Path>, id: Uuid) -> Result<Session, StoreError> {
        let root = dir.as_ref();
        let layout = check_existing(root)?;
        check_unlocked(root)?;
        let rel = Layout::session_rel(id);
        load_session(&layout.path(&rel), id)
            .into_result(rel)?
            .ok_or(StoreError::NotFound { id })
    }

    /// True when a saved session or a draft with this id exists (indexed or only on disk),
    /// so adding a note from outside can never replace one.
    pub fn has_session_or_draft(&self, id: Uuid) -> bool {
        self.session_entry(id).is_some()
            || [Layout::session_rel(id), Layout::draft_rel(id)]
                .iter()
                .any(|rel| fs::symlink_metadata(self.layout.path(rel)).is_ok())
    }
}
