//! The store: opening a data folder, and reading and saving peers, sessions and drafts.

use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::thread::JoinHandle;

use uuid::Uuid;

use super::atomic::Fault;
use super::index::IndexEntry;
use super::layout::Layout;
use super::problem::{Problem, ProblemKind};
use super::quarantine::quarantine;
use super::read::Loaded;
use super::schema::{Reason, SearchFile};
use crate::domain::Peer;
use crate::domain::text_index::SharedTextIndex;

mod activity_log;
mod direct;
mod drafts;
mod goals;
mod index_files;
mod listing;
mod lock;
mod open;
mod peers;
mod sessions;
mod wellbeing;
pub(crate) use lock::take_lock;
mod practice;
mod reconcile;
mod record;
mod scan;
mod worksheets;
mod writes;

pub use direct::{ForeignNote, read_foreign_note};
pub use goals::GoalsOrigin;
pub use open::default_data_dir;
pub(crate) use open::is_data_folder_or_empty;
pub use reconcile::IndexCheck;
pub(crate) use scan::seal_if_plain;

/// An open data folder. A writable store holds the folder's lock until it is dropped.
///
/// Peers and the session index are kept in memory; a session's full note is read from its
/// file only when asked for ([`Store::load_session`]).
#[derive(Debug)]
pub struct Store {
    layout: Layout,
    /// Present when writable. The exclusive lock lives as long as this file stays open.
    lock: Option<fd_lock::RwLock<File>>,
    peers: Vec<Peer>,
    /// Set when peers.json was written by a newer version: peers are then never saved.
    peers_newer: Option<u64>,
    /// Newest first. A deque, so that a new session (usually the newest) goes in front in
    /// constant time however many are saved.
    index: VecDeque<IndexEntry>,
    /// Set when index.json was written by a newer version: it is then never rewritten.
    index_newer: bool,
    /// The session whose entry was put in the index last, and the start of the entry it
    /// replaced (`None` for a new session), so the app can put the new row in its place
    /// without looking through every row ([`Store::last_indexed`]).
    last_indexed: Option<(Uuid, Option<crate::domain::Timestamp>)>,
    /// Search texts learnt without reading index-search.json: from the log, from session
    /// files read at open, from saves.
    search_known: HashMap<Uuid, Arc<str>>,
    /// Every indexed session's search text (as a compact token index), once a search
    /// has needed them.
    search_all: OnceLock<SharedTextIndex>,
    /// index-search.json being read in the background ([`Store::preload_search`]).
    search_loader: Mutex<Option<JoinHandle<Loaded<SearchFile>>>>,
    /// Set when index-search.json was written by a newer version: never rewritten then.
    search_newer: AtomicBool,
    /// Sequence numbers of the index log records on disk, oldest first.
    log_seqs: Vec<u64>,
    /// The sequence number of the next log record.
    log_next: u64,
    /// Opened for the app with the check of the session files left for after the first
    /// frame ([`Store::check_index`]).
    check_pending: bool,
    /// Problems found after opening (a bad draft met by `drafts`, a bad file met before
    /// saving over it), for [`Store::take_problems`].
    late_problems: Mutex<Vec<Problem>>,
    /// Test faults, one per upcoming file write.
    faults: Mutex<VecDeque<Option<Fault>>>,
    /// The folder is encrypted (and unlocked): readable files found in it get sealed.
    encrypted: bool,
}

impl Store {
    /// The data folder.
    pub fn dir(&self) -> &Path {
        self.layout.root()
    }

    /// True for a store opened with [`Store::open_read_only`].
    pub fn is_read_only(&self) -> bool {
        self.lock.is_none()
    }

    /// Problems met since opening (or since the last call), e.g. an unreadable draft moved
    /// to quarantine by [`Store::drafts`].
    pub fn take_problems(&self) -> Vec<Problem> {
        std::mem::take(
            &mut *self
                .late_problems
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        )
    }
}

/// Moves an unreadable file to quarantine (writable stores only) and reports it. A file that
/// could not even be read from disk is left in place: its bytes may be fine.
fn report_unreadable(
    layout: &Layout,
    rel: &str,
    reason: Reason,
    writable: bool,
    problems: &mut Vec<Problem>,
) {
    let moved = match (&reason, writable) {
        (Reason::Io { .. } | Reason::Locked, _) | (_, false) => None,
        _ => quarantine(layout, rel).ok(),
    };
    let kind = match moved {
        Some(moved_to) => ProblemKind::Quarantined { reason, moved_to },
        None => ProblemKind::Unreadable { reason },
    };
    problems.push(Problem {
        file: rel.to_string(),
        kind,
    });
}
