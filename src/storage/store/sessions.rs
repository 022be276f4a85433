//! Saved sessions: the index in memory, searching it, reading one session, and saving one
//! or many.

use std::cmp::Ordering;
use std::collections::{HashSet, VecDeque};
use std::fs;
use std::sync::PoisonError;

use uuid::Uuid;

use super::super::atomic::{FileStamp, sync_dir};
use super::super::error::{Action, StoreError};
use super::super::index::{IndexEntry, newest_first, query_words, search_text_of};
use super::super::layout::{INDEX_FILE, Layout, SESSIONS_DIR};
use super::super::problem::Problem;
use super::super::read::{Loaded, load_session};
use super::super::schema::{SessionFile, encode_session};
use super::Store;
use super::writes::{Failed, encode_error};
use crate::domain::{Session, Timestamp};

impl Store {
    /// Every saved session's summary, newest first.
    pub fn sessions(&self) -> &VecDeque<IndexEntry> {
        &self.index
    }

    /// The index entry of one saved session.
    pub fn session_entry(&self, id: Uuid) -> Option<&IndexEntry> {
        self.index.iter().find(|e| e.id == id)
    }

    /// For the session whose entry was indexed last (by a save): the start of the entry it
    /// replaced, `None` when it was new. `None` for any other session.
    pub fn last_indexed(&self, id: Uuid) -> Option<Option<Timestamp>> {
        self.last_indexed
            .filter(|(last, _)| *last == id)
            .map(|(_, start)| start)
    }

    /// The index entry of session `id` if it started at `started_at`, found without
    /// walking the index (e.g. just after saving it).
    pub fn session_entry_at(&self, id: Uuid, started_at: Timestamp) -> Option<&IndexEntry> {
        self.position(id, started_at).map(|at| &self.index[at])
    }

    /// Sessions of one peer (or all), whose text contains every word of `text`
    /// (case-insensitive; blank matches all), newest first. The first search reads the
    /// search texts ([`Store::search_index`]); a blank one reads nothing.
    pub fn filter(&self, peer: Option<Uuid>, text: &str) -> Vec<&IndexEntry> {
        let words = query_words(text);
        let of_peer = self
            .index
            .iter()
            .filter(|e| peer.is_none_or(|p| e.involves(p)));
        if words.is_empty() {
            return of_peer.collect();
        }
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let index = self
            .search_index()
            .read()
            .unwrap_or_else(PoisonError::into_inner);
        let Some(found) = index.notes_with_all(&words) else {
            return of_peer.collect();
        };
        of_peer
            .filter(|e| index.number_of(e.id).is_some_and(|n| found.contains(n)))
            .collect()
    }

    /// Reads one saved session in full.
    pub fn load_session(&self, id: Uuid) -> Result<Session, StoreError> {
        let rel = Layout::session_rel(id);
        load_session(&self.layout.path(&rel), id)
            .into_result(rel)?
            .ok_or(StoreError::NotFound { id })
    }

    /// Saves a session: writes its file durably, then updates the index, then removes its
    /// draft. If writing the session file fails nothing changes, in memory or on disk. If
    /// only the index write fails the save still succeeds: the session file is the truth,
    /// and the index is rebuilt on the next open.
    pub fn save_session(&mut self, session: &Session) -> Result<(), StoreError> {
        self.ensure_writable()?;
        let rel = Layout::session_rel(session.id);
        // The start of the version being replaced finds its index entry without a search.
        let earlier = self
            .guard_overwrite::<SessionFile>(&rel)?
            .map(|f| f.session.started_at);
        let bytes = encode_session(session).map_err(|_| encode_error(Action::Save))?;
        match self.write_file(&rel, &bytes, Action::Save, true) {
            Ok(stamp) => {
                self.index_saved(
                    IndexEntry::from_session(session, stamp),
                    search_text_of(session),
                    earlier,
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
                        earlier,
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
        self.index.make_contiguous().sort_by(newest_first);
        if let Some(all) = self.search_all.get() {
            let mut all = all.write().unwrap_or_else(PoisonError::into_inner);
            for id in &new_ids {
                if let Some(t) = self.search_known.get(id) {
                    all.insert(*id, t);
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

    /// Puts a session's entry in its place, replacing its earlier entry. The index is
    /// ordered by start and id, so the earlier entry is found by a binary search at its
    /// start (`earlier`, read from the file being replaced) or, failing that, at the new one
    /// (a file removed behind the app's back): no save walks the whole index. A new session
    /// (usually the newest) goes in front in constant time.
    pub(super) fn insert_entry(&mut self, entry: IndexEntry, earlier: Option<Timestamp>) {
        self.last_indexed = Some((entry.id, None));
        for start in earlier.into_iter().chain([entry.started_at]) {
            if let Some(at) = self.position(entry.id, start) {
                self.last_indexed = Some((entry.id, Some(start)));
                if start == entry.started_at {
                    self.index[at] = entry;
                    return;
                }
                self.index.remove(at);
                break;
            }
        }
        let pos = self
            .index
            .partition_point(|e| newest_first(e, &entry) == Ordering::Less);
        self.index.insert(pos, entry);
    }

    /// Where the entry of session `id` that started at `started_at` is in the index.
    fn position(&self, id: Uuid, started_at: Timestamp) -> Option<usize> {
        let at = self.index.partition_point(|e| {
            started_at
                .cmp(&e.started_at)
                .then_with(|| id.cmp(&e.id))
                .is_lt()
        });
        (self.index.get(at)?.id == id).then_some(at)
    }

    /// Re-reads every session file and rewrites the index. For a "reindex" command; opening
    /// already repairs an index that disagrees with the folder.
    pub fn rebuild_index(&mut self) -> Vec<Problem> {
        let mut problems = Vec::new();
        self.reconcile_index(true, false, &mut problems);
        problems
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

/// Reads session files, spread over the machine's cores when there are many.
pub(super) fn read_sessions_parallel(
    layout: &Layout,
    ids: &[Uuid],
) -> Vec<(Uuid, Loaded<Session>)> {
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
