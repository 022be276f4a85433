//! The store: opening a data folder, and reading and saving peers, sessions and drafts.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet, VecDeque};
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::thread::JoinHandle;

use uuid::Uuid;

use super::atomic::{
    Fault, FileStamp, WriteOptions, create_private_dir, remove_stray_temp_files, sync_dir,
    write_with,
};
use super::crypt::{self, CryptState};
use super::error::{Action, StoreError};
use super::folder::{self, FolderKind};
use super::index::{
    self, IndexEntry, PeerStats, matches_words, newest_first, query_words, search_text_of,
};
use super::layout::{
    self, DRAFTS_DIR, INDEX_FILE, Layout, PEERS_FILE, QUARANTINE_DIR, SESSIONS_DIR,
};
use super::problem::{Problem, ProblemKind};
use super::quarantine::quarantine;
use super::read::{Loaded, load, load_session};
use super::schema::{
    CURRENT_VERSION, PeersFile, PeersFileRef, Reason, SearchFile, SessionFile, Versioned,
    encode_session,
};
use crate::domain::{Peer, Session};

mod activity_log;
mod direct;
mod goals;
mod index_files;
mod lock;
mod wellbeing;
pub(crate) use lock::take_lock;
mod practice;
mod reconcile;
mod record;
mod scan;
mod worksheets;

pub use direct::{ForeignNote, read_foreign_note};
pub use goals::GoalsOrigin;
pub use reconcile::IndexCheck;
pub(crate) use scan::seal_if_plain;
use scan::seal_plain_files;

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
    /// Newest first.
    index: Vec<IndexEntry>,
    /// Set when index.json was written by a newer version: it is then never rewritten.
    index_newer: bool,
    /// Search texts learnt without reading index-search.json: from the log, from session
    /// files read at open, from saves.
    search_known: HashMap<Uuid, Arc<str>>,
    /// Every indexed session's search text, once a search has needed them.
    search_all: OnceLock<HashMap<Uuid, Arc<str>>>,
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
    /// Opens (creating if needed) the data folder at `dir` for reading and writing.
    ///
    /// Creates the layout (folders owner-only), takes the lock, removes leftover temporary
    /// files, loads the peers and the session index (rebuilding the index from the session
    /// files if it is missing, unreadable or out of date), and checks the drafts. Files that
    /// cannot be read are moved to `quarantine/` and reported in the returned problems;
    /// they never stop the store from opening.
    ///
    /// Fails with [`StoreError::Locked`] when another alongside has the folder open.
    pub fn open(dir: impl AsRef<Path>) -> Result<(Store, Vec<Problem>), StoreError> {
        Store::open_writable(dir.as_ref(), false)
    }

    /// [`Store::open`] for the app: when the index loads cleanly, the check of every
    /// session file against it (one metadata call per file) is left for
    /// [`Store::check_index`], which the app runs once its first frame is on screen.
    pub fn open_for_app(dir: impl AsRef<Path>) -> Result<(Store, Vec<Problem>), StoreError> {
        Store::open_writable(dir.as_ref(), true)
    }

    fn open_writable(root: &Path, defer_check: bool) -> Result<(Store, Vec<Problem>), StoreError> {
        let layout = Layout::new(root);
        let open_err = |e: io::Error| StoreError::from_io(Action::Open, e, root);
        let mut problems = Vec::new();

        // Nothing is created, moved or chmodded before the folder is known to be ours.
        let kind = folder::check_ours(root)?;
        if kind == FolderKind::Missing {
            create_private_dir(root).map_err(open_err)?;
        }
        folder::check_layout(&layout)?;
        let lock = take_lock(&layout)?;

        for sub in [SESSIONS_DIR, DRAFTS_DIR, QUARANTINE_DIR] {
            let path = layout.path(sub);
            create_private_dir(&path).map_err(|e| StoreError::from_io(Action::Open, e, &path))?;
        }
        if kind != FolderKind::Marked {
            folder::write_marker(root)?;
        }
        folder::secure_tree(&layout, true, &mut problems);
        // sessions/ can hold thousands of files: its leftovers are removed while it is
        // listed for the index, rather than listing it twice.
        for sub in ["", DRAFTS_DIR] {
            remove_stray_temp_files(&layout.path(sub)).map_err(open_err)?;
        }

        Store::load(layout, Some(lock), problems, defer_check)
    }

    /// Opens an existing data folder for reading only, without the lock, for command-line
    /// reads while the app may be running. It never creates, moves or rewrites anything:
    /// unreadable files are reported and left in place, and an out-of-date index is rebuilt
    /// in memory only. Safe alongside a running app because every write is an atomic rename.
    pub fn open_read_only(dir: impl AsRef<Path>) -> Result<(Store, Vec<Problem>), StoreError> {
        let root = dir.as_ref();
        match fs::metadata(root) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(StoreError::NoDataDir {
                    dir: root.to_path_buf(),
                });
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(StoreError::NoDataDir {
                    dir: root.to_path_buf(),
                });
            }
            Err(e) => return Err(StoreError::from_io(Action::Open, e, root)),
        }
        folder::check_ours(root)?;
        let layout = Layout::new(root);
        folder::check_layout(&layout)?;
        let mut problems = Vec::new();
        folder::secure_tree(&layout, false, &mut problems);
        Store::load(layout, None, problems, false)
    }

    fn load(
        layout: Layout,
        lock: Option<fd_lock::RwLock<File>>,
        mut problems: Vec<Problem>,
        defer_check: bool,
    ) -> Result<(Store, Vec<Problem>), StoreError> {
        let writable = lock.is_some();
        let encrypted = check_unlocked(layout.root())?;
        if encrypted {
            seal_plain_files(&layout, writable, &mut problems);
        }
        let (peers, peers_newer) = load_peers(&layout, writable, &mut problems);
        check_drafts(&layout, writable, &mut problems);
        let mut store = Store {
            layout,
            lock,
            peers,
            peers_newer,
            index: Vec::new(),
            index_newer: false,
            search_known: HashMap::new(),
            search_all: OnceLock::new(),
            search_loader: Mutex::new(None),
            search_newer: AtomicBool::new(false),
            log_seqs: Vec::new(),
            log_next: 1,
            check_pending: false,
            late_problems: Mutex::new(Vec::new()),
            faults: Mutex::new(VecDeque::new()),
            encrypted,
        };
        store.reconcile_index(false, defer_check, &mut problems);
        Ok((store, problems))
    }

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

    // ----- peers -----

    /// Every peer, in the order they were added.
    pub fn peers(&self) -> &[Peer] {
        &self.peers
    }

    /// The peer with this id.
    pub fn peer(&self, id: Uuid) -> Option<&Peer> {
        self.peers.iter().find(|p| p.id == id)
    }

    /// Adds the peer, or replaces the one with the same id, and rewrites peers.json durably.
    /// On failure the peers in memory are unchanged. Refuses (never overwrites) when
    /// peers.json was written by a newer version of the app.
    pub fn save_peer(&mut self, peer: &Peer) -> Result<(), StoreError> {
        let mut next = self.peers.clone();
        match next.iter_mut().find(|p| p.id == peer.id) {
            Some(p) => *p = peer.clone(),
            None => next.push(peer.clone()),
        }
        self.write_peers(next)
    }

    /// Adds or replaces many peers with one write (for generated data).
    pub(crate) fn save_peers_bulk(&mut self, peers: &[Peer]) -> Result<(), StoreError> {
        let mut next = self.peers.clone();
        for peer in peers {
            match next.iter_mut().find(|p| p.id == peer.id) {
                Some(p) => *p = peer.clone(),
                None => next.push(peer.clone()),
            }
        }
        self.write_peers(next)
    }

    fn write_peers(&mut self, next: Vec<Peer>) -> Result<(), StoreError> {
        self.ensure_writable()?;
        if let Some(found) = self.peers_newer {
            return Err(StoreError::NewerVersion {
                action: Action::Save,
                file: PEERS_FILE.into(),
                found,
            });
        }
        self.guard_overwrite::<PeersFile>(PEERS_FILE)?;
        let bytes = serde_json::to_vec_pretty(&PeersFileRef {
            schema_version: CURRENT_VERSION,
            peers: &next,
        })
        .map_err(|_| encode_error(Action::Save))?;
        match self.write_file(PEERS_FILE, &bytes, Action::Save, true) {
            Ok(_) => {
                self.peers = next;
                Ok(())
            }
            Err(Failed { error, committed }) => {
                if committed.is_some() {
                    // The file already holds the new list; keep memory the same as disk.
                    self.peers = next;
                }
                Err(error)
            }
        }
    }

    /// Session count and most recent session for every peer that has sessions.
    pub fn peer_stats(&self) -> HashMap<Uuid, PeerStats> {
        index::peer_stats(&self.index)
    }

    /// Session count and most recent session for one peer.
    pub fn stats_for(&self, peer_id: Uuid) -> PeerStats {
        let mut st = PeerStats::default();
        for e in self.index.iter().filter(|e| e.involves(peer_id)) {
            st.session_count += 1;
            if st.last_session.is_none_or(|t| e.started_at > t) {
                st.last_session = Some(e.started_at);
            }
        }
        st
    }

    // ----- sessions -----

    /// Every saved session's summary, newest first.
    pub fn sessions(&self) -> &[IndexEntry] {
        &self.index
    }

    /// The index entry of one saved session.
    pub fn session_entry(&self, id: Uuid) -> Option<&IndexEntry> {
        self.index.iter().find(|e| e.id == id)
    }

    /// Sessions of one peer (or all), whose text contains every word of `text`
    /// (case-insensitive; blank matches all), newest first. The first search reads the
    /// search texts ([`Store::search_texts`]); a blank one reads nothing.
    pub fn filter(&self, peer: Option<Uuid>, text: &str) -> Vec<&IndexEntry> {
        let words = query_words(text);
        let of_peer = self
            .index
            .iter()
            .filter(|e| peer.is_none_or(|p| e.involves(p)));
        if words.is_empty() {
            return of_peer.collect();
        }
        let texts = self.search_texts();
        of_peer
            .filter(|e| texts.get(&e.id).is_some_and(|t| matches_words(t, &words)))
            .collect()
    }

    /// Reads one saved session in full.
    pub fn load_session(&self, id: Uuid) -> Result<Session, StoreError> {
        let rel = Layout::session_rel(id);
        match load_session(&self.layout.path(&rel), id) {
            Loaded::Found { value, .. } => Ok(value),
            Loaded::Missing => Err(StoreError::NotFound { id }),
            Loaded::Newer { found } => Err(StoreError::NewerVersion {
                action: Action::Read,
                file: rel,
                found,
            }),
            Loaded::Unreadable(reason) => Err(StoreError::Unreadable { file: rel, reason }),
        }
    }

    /// Saves a session: writes its file durably, then updates the index, then removes its
    /// draft. If writing the session file fails nothing changes, in memory or on disk. If
    /// only the index write fails the save still succeeds: the session file is the truth,
    /// and the index is rebuilt on the next open.
    pub fn save_session(&mut self, session: &Session) -> Result<(), StoreError> {
        self.ensure_writable()?;
        let rel = Layout::session_rel(session.id);
        self.guard_overwrite::<SessionFile>(&rel)?;
        let bytes = encode_session(session).map_err(|_| encode_error(Action::Save))?;
        match self.write_file(&rel, &bytes, Action::Save, true) {
            Ok(stamp) => {
                self.index_saved(
                    IndexEntry::from_session(session, stamp),
                    search_text_of(session),
                );
                // Only now that the session file is durable is the draft redundant.
                let _ = self.remove_draft_file(session.id);
                Ok(())
            }
            Err(Failed { error, committed }) => {
                if let Some(stamp) = committed {
                    // The new file is in place but maybe not durable: index it, keep the
                    // draft, and report the error so the person saves again.
                    self.index_saved(
                        IndexEntry::from_session(session, stamp),
                        search_text_of(session),
                    );
                }
                Err(error)
            }
        }
    }

    /// Saves many sessions for generated data: each file is flushed (several writers at
    /// once, since waiting for the disk dominates), the folder once at the end, then the
    /// index once. Returns how many were written.
    pub(crate) fn save_sessions_bulk(
        &mut self,
        mut sessions: impl Iterator<Item = Session>,
    ) -> Result<usize, StoreError> {
        self.ensure_writable()?;
        const CHUNK: usize = 256;
        let mut new_entries = Vec::new();
        let mut result = Ok(());
        while result.is_ok() {
            let chunk: Vec<Session> = sessions.by_ref().take(CHUNK).collect();
            if chunk.is_empty() {
                break;
            }
            for (session, outcome) in chunk.iter().zip(self.write_sessions_parallel(&chunk)) {
                match outcome {
                    Ok(stamp) => {
                        new_entries.push(IndexEntry::from_session(session, stamp));
                        self.search_known
                            .insert(session.id, search_text_of(session).into());
                    }
                    Err(Failed { error, committed }) => {
                        if let Some(stamp) = committed {
                            new_entries.push(IndexEntry::from_session(session, stamp));
                            self.search_known
                                .insert(session.id, search_text_of(session).into());
                        }
                        if result.is_ok() {
                            result = Err(error);
                        }
                    }
                }
            }
        }
        // Whatever was written is made durable and indexed, even after a failure.
        let written = new_entries.len();
        let new_ids: HashSet<Uuid> = new_entries.iter().map(|e| e.id).collect();
        self.index.retain(|e| !new_ids.contains(&e.id));
        self.index.extend(new_entries);
        self.index.sort_by(newest_first);
        if let Some(all) = self.search_all.get_mut() {
            for id in &new_ids {
                if let Some(t) = self.search_known.get(id) {
                    all.insert(*id, Arc::clone(t));
                }
            }
        }
        let sessions_dir = self.layout.path(SESSIONS_DIR);
        sync_dir(&sessions_dir).map_err(|e| StoreError::from_io(Action::Save, e, &sessions_dir))?;
        self.write_index_or_drop_it();
        result.map(|()| written)
    }

    /// Writes session files on a few threads, returning one outcome per session in order.
    fn write_sessions_parallel(&self, chunk: &[Session]) -> Vec<Result<FileStamp, Failed>> {
        const WRITERS: usize = 4;
        let write_all = |part: &[Session]| -> Vec<Result<FileStamp, Failed>> {
            part.iter()
                .map(|s| self.write_session_unsynced(s))
                .collect()
        };
        let part_len = chunk.len().div_ceil(WRITERS).max(1);
        std::thread::scope(|scope| {
            let handles: Vec<_> = chunk
                .chunks(part_len)
                .map(|part| {
                    let h =
                        std::thread::Builder::new().spawn_scoped(scope, move || write_all(part));
                    (h, part)
                })
                .collect();
            let mut out = Vec::with_capacity(chunk.len());
            for (h, part) in handles {
                match h.map(|h| h.join()) {
                    Ok(Ok(v)) => out.extend(v),
                    // No thread (or a failed one): write that part here; writes are idempotent.
                    _ => out.extend(write_all(part)),
                }
            }
            out
        })
    }

    /// One session file for bulk saving, without the folder flush.
    fn write_session_unsynced(&self, session: &Session) -> Result<FileStamp, Failed> {
        let rel = Layout::session_rel(session.id);
        let not_written = |error| Failed {
            error,
            committed: None,
        };
        self.guard_overwrite::<SessionFile>(&rel)
            .map_err(not_written)?;
        let bytes = encode_session(session).map_err(|_| not_written(encode_error(Action::Save)))?;
        self.write_file(&rel, &bytes, Action::Save, false)
    }

    fn insert_entry(&mut self, entry: IndexEntry) {
        self.index.retain(|e| e.id != entry.id);
        let pos = self
            .index
            .partition_point(|e| newest_first(e, &entry) == Ordering::Less);
        self.index.insert(pos, entry);
    }

    /// Re-reads every session file and rewrites the index. For a "reindex" command; opening
    /// already repairs an index that disagrees with the folder.
    pub fn rebuild_index(&mut self) -> Vec<Problem> {
        let mut problems = Vec::new();
        self.reconcile_index(true, false, &mut problems);
        problems
    }

    // ----- drafts -----

    /// Autosaves an unfinished session to `drafts/<uuid>.json`, durably.
    pub fn save_draft(&self, session: &Session) -> Result<(), StoreError> {
        self.ensure_writable()?;
        let rel = Layout::draft_rel(session.id);
        self.guard_overwrite::<SessionFile>(&rel)?;
        let bytes = encode_session(session).map_err(|_| encode_error(Action::Save))?;
        self.write_file(&rel, &bytes, Action::Save, true)
            .map(|_| ())
            .map_err(|f| f.error)
    }

    /// Every draft that can be read, oldest start first. A draft that cannot be read is
    /// moved to quarantine (when writable) and reported through [`Store::take_problems`].
    pub fn drafts(&self) -> Vec<Session> {
        let mut problems = Vec::new();
        let mut out = read_drafts(&self.layout, !self.is_read_only(), &mut problems);
        if !problems.is_empty() {
            self.late_problems
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .extend(problems);
        }
        out.sort_by_key(|s| s.started_at);
        out
    }

    /// Deletes a draft the person chose to throw away. A missing draft is not an error.
    pub fn discard_draft(&self, id: Uuid) -> Result<(), StoreError> {
        self.ensure_writable()?;
        self.remove_draft_file(id)
            .map_err(|e| StoreError::from_io(Action::Discard, e, &self.layout.path(DRAFTS_DIR)))
    }

    fn remove_draft_file(&self, id: Uuid) -> io::Result<()> {
        let path = self.layout.path(&Layout::draft_rel(id));
        match fs::remove_file(&path) {
            Ok(()) => sync_dir(&self.layout.path(DRAFTS_DIR)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        }
    }

    // ----- tests -----

    /// Makes the next writes fail as planned: one entry per upcoming file write, `None`
    /// letting that write succeed.
    #[doc(hidden)]
    pub fn inject_faults(&self, faults: impl IntoIterator<Item = Option<Fault>>) {
        self.faults
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend(faults);
    }

    /// Drops the faults not used yet (the problem was "fixed").
    #[doc(hidden)]
    pub fn clear_faults(&self) {
        self.faults
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }

    // ----- internals -----

    fn ensure_writable(&self) -> Result<(), StoreError> {
        if self.is_read_only() {
            Err(StoreError::OpenedReadOnly)
        } else {
            Ok(())
        }
    }

    fn next_fault(&self) -> Option<Fault> {
        self.faults
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop_front()
            .flatten()
    }

    /// Writes one file durably. On failure, also says whether the new bytes are nonetheless
    /// in place (only the folder flush failed), so memory can be kept in step with disk.
    fn write_file(
        &self,
        rel: &str,
        bytes: &[u8],
        action: Action,
        sync_dir: bool,
    ) -> Result<FileStamp, Failed> {
        let path = self.layout.path(rel);
        let opts = WriteOptions {
            sync_dir,
            fault: self.next_fault(),
        };
        write_with(&path, bytes, opts).map_err(|e| {
            let dir = path.parent().unwrap_or(self.layout.root());
            Failed {
                error: StoreError::from_io(action, e.error, dir),
                committed: e.committed,
            }
        })
    }

    /// Before replacing a file: refuse if a newer version wrote it, and move it to
    /// quarantine if it cannot be read, so no file is ever overwritten unread.
    fn guard_overwrite<T: Versioned>(&self, rel: &str) -> Result<(), StoreError> {
        match load::<T>(&self.layout.path(rel)) {
            Loaded::Missing | Loaded::Found { .. } => Ok(()),
            Loaded::Newer { found } => Err(StoreError::NewerVersion {
                action: Action::Save,
                file: rel.to_string(),
                found,
            }),
            // Unreadable only for now (e.g. permissions): the write will report the cause.
            Loaded::Unreadable(Reason::Io { .. }) => Ok(()),
            // Encrypted and no key: never move or replace what cannot be read right now.
            Loaded::Unreadable(Reason::Locked) => Err(StoreError::NeedsPassphrase {
                dir: self.layout.root().to_path_buf(),
            }),
            Loaded::Unreadable(reason) => match quarantine(&self.layout, rel) {
                Ok(moved_to) => {
                    self.late_problems
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .push(Problem {
                            file: rel.to_string(),
                            kind: ProblemKind::Quarantined { reason, moved_to },
                        });
                    Ok(())
                }
                Err(_) => Err(StoreError::Unreadable {
                    file: rel.to_string(),
                    reason,
                }),
            },
        }
    }

    /// Writes the index after a bulk save. The session files are already the truth, so a
    /// failed index write is not an error; instead the now out-of-date index.json is removed
    /// (removing needs no free space), and the next open rebuilds it from the session files.
    fn write_index_or_drop_it(&mut self) {
        if self.write_index().is_err() {
            let path = self.layout.path(INDEX_FILE);
            if fs::remove_file(&path).is_ok() {
                let _ = sync_dir(self.layout.root());
            }
        }
    }
}

/// Creates or opens the lock file and takes its exclusive lock without waiting.
fn load_peers(
    layout: &Layout,
    writable: bool,
    problems: &mut Vec<Problem>,
) -> (Vec<Peer>, Option<u64>) {
    match load::<PeersFile>(&layout.path(PEERS_FILE)) {
        Loaded::Missing => (Vec::new(), None),
        Loaded::Found {
            value,
            migrated_from,
            ..
        } => {
            if let Some(from) = migrated_from {
                problems.push(Problem {
                    file: PEERS_FILE.into(),
                    kind: ProblemKind::Migrated { from },
                });
            }
            (value.peers, None)
        }
        Loaded::Newer { found } => {
            problems.push(Problem {
                file: PEERS_FILE.into(),
                kind: ProblemKind::NewerVersion { found },
            });
            (Vec::new(), Some(found))
        }
        Loaded::Unreadable(reason) => {
            report_unreadable(layout, PEERS_FILE, reason, writable, problems);
            (Vec::new(), None)
        }
    }
}

/// Reads every draft at open so bad ones are quarantined and reported up front.
fn check_drafts(layout: &Layout, writable: bool, problems: &mut Vec<Problem>) {
    let _ = read_drafts(layout, writable, problems);
}

fn read_drafts(layout: &Layout, writable: bool, problems: &mut Vec<Problem>) -> Vec<Session> {
    let ids = list_records(&layout.path(DRAFTS_DIR), DRAFTS_DIR, problems);
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let rel = Layout::draft_rel(id);
        match load_session(&layout.path(&rel), id) {
            Loaded::Found { value, .. } => out.push(value),
            Loaded::Missing => {}
            Loaded::Newer { found } => problems.push(Problem {
                file: rel,
                kind: ProblemKind::NewerVersion { found },
            }),
            Loaded::Unreadable(reason) => {
                report_unreadable(layout, &rel, reason, writable, problems)
            }
        }
    }
    out
}

/// The `<uuid>.json` files of a folder.
struct Listing {
    ids: Vec<Uuid>,
    /// Files with other names (temporary files aside).
    unrecognised: usize,
    /// The store's leftover temporary files.
    temp_files: Vec<std::ffi::OsString>,
}

/// Lists the `<uuid>.json` files in `dir`, setting temporary files apart.
fn list_record_ids(dir: &Path) -> Listing {
    let mut listing = Listing {
        ids: Vec::new(),
        unrecognised: 0,
        temp_files: Vec::new(),
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return listing;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if layout::is_temp_file_name(&name) {
            listing.temp_files.push(name);
            continue;
        }
        match layout::id_from_file_name(&name) {
            Some(id) => listing.ids.push(id),
            None => listing.unrecognised += 1,
        }
    }
    listing
}

/// Other names are counted and reported, never named: a name someone typed could hold
/// anything.
fn unrecognised_problem(label: &str, count: usize) -> Problem {
    Problem {
        file: format!("{label}/"),
        kind: ProblemKind::UnrecognisedFiles { count },
    }
}

/// The ids of the records in `dir`, reporting unrecognised names.
fn list_records(dir: &Path, label: &str, problems: &mut Vec<Problem>) -> Vec<Uuid> {
    let listing = list_record_ids(dir);
    if listing.unrecognised > 0 {
        problems.push(unrecognised_problem(label, listing.unrecognised));
    }
    listing.ids
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

/// Reads session files, spread over the machine's cores when there are many.
fn read_sessions_parallel(layout: &Layout, ids: &[Uuid]) -> Vec<(Uuid, Loaded<Session>)> {
    let read = |ids: &[Uuid]| -> Vec<(Uuid, Loaded<Session>)> {
        ids.iter()
            .map(|&id| {
                let path = layout.path(&Layout::session_rel(id));
                (id, load_session(&path, id))
            })
            .collect()
    };
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(8);
    if ids.len() < 256 || threads < 2 {
        return read(ids);
    }
    let chunk = ids.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = ids
            .chunks(chunk)
            .map(|part| {
                let h = std::thread::Builder::new().spawn_scoped(scope, move || read(part));
                (h, part)
            })
            .collect();
        let mut out = Vec::with_capacity(ids.len());
        for (h, part) in handles {
            match h.map(|h| h.join()) {
                Ok(Ok(v)) => out.extend(v),
                // No thread (or, though decoding never panics, a failed one): read that part
                // here rather than lose it.
                _ => out.extend(read(part)),
            }
        }
        out
    })
}

/// A failed write, and the new file's stamp if it is in place regardless.
struct Failed {
    error: StoreError,
    committed: Option<FileStamp>,
}

fn encode_error(action: Action) -> StoreError {
    StoreError::Io {
        action,
        source: io::Error::other("could not encode the data as JSON"),
    }
}

/// True when `dir` does not exist yet, is empty, or is a data folder of ours (see
/// [`folder`]). Opening makes the folder owner-only and creates files in it, which must never
/// happen to a folder named by mistake (a home folder, a project).
pub(crate) fn is_data_folder_or_empty(dir: &Path) -> bool {
    folder::classify(dir).is_ok_and(FolderKind::is_ours_or_new)
}

/// Refuses an encrypted folder whose key is not unlocked, and one whose conversion was
/// interrupted, before anything in it is read.
/// True when the folder is encrypted (and unlocked).
fn check_unlocked(root: &Path) -> Result<bool, StoreError> {
    match crypt::state(root).map_err(|e| StoreError::from_io(Action::Open, e, root))? {
        CryptState::Plain => Ok(false),
        CryptState::Encrypted if crypt::is_unlocked(root) => Ok(true),
        CryptState::Encrypted => Err(StoreError::NeedsPassphrase {
            dir: root.to_path_buf(),
        }),
        CryptState::Unfinished(direction) => Err(StoreError::ConversionUnfinished {
            dir: root.to_path_buf(),
            verb: crypt::verb(direction),
        }),
    }
}

/// The default data folder for this user, e.g. `~/.local/share/alongside` on Linux.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "alongside").map(|d| d.data_dir().to_path_buf())
}
