//! The index on disk: index.json (summaries only, read on every open, through its binary
//! snapshot index-snapshot.bin when that matches), index-search.json
//! (search texts, read only when a search needs them) and index-log/ (one small file per
//! change since index.json was written, so a save never rewrites the whole index).
//!
//! All three are caches: every entry carries its session file's stamp, and opening compares
//! the stamps with the folder, so a log record lost in a crash, or one applied twice, only
//! makes the next open read that session file again.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::sync::atomic::Ordering as AtomicOrdering;
use std::sync::{Arc, PoisonError, RwLock};
use std::thread::JoinHandle;

use uuid::Uuid;

use super::super::atomic::{FileStamp, sync_dir};
use super::super::index::{IndexEntry, search_text_of};
use super::super::layout::{INDEX_FILE, INDEX_LOG_DIR, INDEX_SEARCH_FILE, Layout};
use super::super::problem::{Problem, ProblemKind};
use super::super::read::{Loaded, load, load_session};
use super::super::schema::{CURRENT_VERSION, IndexFileRef, IndexLogFile, SearchFile, SearchRows};
use super::writes::{Failed, encode_error};
use super::{Store, report_unreadable};
use crate::domain::text_index::{SharedTextIndex, TextIndex};
use crate::storage::error::{Action, StoreError};

/// Log records past which a writable open folds the log into index.json.
pub(super) const COMPACT_ON_OPEN: usize = 256;
/// Log records past which closing the store folds the log into index.json.
pub(super) const COMPACT_ON_CLOSE: usize = 32;
/// Changes found on open up to which they are logged rather than the index rewritten.
pub(super) const LOG_AT_MOST: usize = 256;

/// The log records in the folder, oldest first, each with its sequence number.
pub(super) fn list_log(layout: &Layout) -> Vec<u64> {
    let Ok(entries) = fs::read_dir(layout.path(INDEX_LOG_DIR)) else {
        return Vec::new();
    };
    let mut out: Vec<u64> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name();
            let stem = name.to_str()?.strip_suffix(".json")?;
            (stem.len() == 20 && stem.bytes().all(|b| b.is_ascii_digit()))
                .then(|| stem.parse().ok())
                .flatten()
        })
        .collect();
    out.sort_unstable();
    out
}

/// What replaying the log found.
#[derive(Default)]
pub(super) struct LogReplay {
    /// A record from a newer version: the index is then left alone.
    pub newer: bool,
}

/// Reads the log records and applies them, in order, to `entries`; search texts they carry
/// go to `texts`. Unreadable records are reported (and quarantined when writable).
pub(super) fn replay_log(
    layout: &Layout,
    seqs: &[u64],
    entries: &mut Vec<IndexEntry>,
    texts: &mut HashMap<Uuid, Arc<str>>,
    writable: bool,
    problems: &mut Vec<Problem>,
) -> LogReplay {
    let mut replay = LogReplay::default();
    if seqs.is_empty() {
        return replay;
    }
    let mut puts: HashMap<Uuid, IndexEntry> = HashMap::new();
    let mut removed: HashSet<Uuid> = HashSet::new();
    for &seq in seqs {
        let rel = Layout::index_log_rel(seq);
        match load::<IndexLogFile>(&layout.path(&rel)) {
            Loaded::Found { value, .. } => {
                for id in value.removed {
                    puts.remove(&id);
                    texts.remove(&id);
                    removed.insert(id);
                }
                for mut e in value.puts {
                    if let Some(t) = e.search_text.take() {
                        texts.insert(e.id, (*t).into());
                    }
                    removed.remove(&e.id);
                    puts.insert(e.id, e);
                }
            }
            // Compacted away meanwhile (read-only open beside a running app): the stamps
            // catch whatever it held.
            Loaded::Missing => {}
            Loaded::Newer { found } => {
                replay.newer = true;
                problems.push(Problem {
                    file: rel,
                    kind: ProblemKind::NewerVersion { found },
                });
            }
            Loaded::Unreadable(reason) => {
                report_unreadable(layout, &rel, reason, writable, problems)
            }
        }
    }
    entries.retain(|e| !removed.contains(&e.id) && !puts.contains_key(&e.id));
    entries.extend(puts.into_values());
    replay
}

impl Store {
    /// Starts reading index-search.json on another thread, so a search right after start-up
    /// does not wait for it. For the app, after opening; a command never needs it.
    pub fn preload_search(&self) {
        if self.search_all.get().is_some() {
            return;
        }
        let path = self.layout.path(INDEX_SEARCH_FILE);
        let mut slot = self
            .search_loader
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if slot.is_none() {
            *slot = std::thread::Builder::new()
                .spawn(move || load::<SearchFile>(&path))
                .ok();
        }
    }

    /// The search text of every indexed session (alias, kind and every free text of the
    /// note, lowercased), as a token index. Read from index-search.json the first time it
    /// is needed; a text missing there, or taken from an older version of the file, is made
    /// from the session file again.
    pub fn search_index(&self) -> &SharedTextIndex {
        self.search_all.get_or_init(|| {
            let index = self.resolve_search_texts();
            // The texts read were many small allocations now freed: give them back.
            super::super::memory::release_freed_memory();
            Arc::new(RwLock::new(index))
        })
    }

    /// Whether [`Store::search_index`] would return without waiting for index-search.json
    /// to be read: it is resolved, or the reading begun by [`Store::preload_search`] is
    /// over (or was never begun, and it is read on the spot).
    pub fn search_texts_ready(&self) -> bool {
        self.search_all.get().is_some()
            || self
                .search_loader
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .as_ref()
                .is_none_or(JoinHandle::is_finished)
    }

    /// The search index if already read, without reading it.
    pub fn search_index_if_ready(&self) -> Option<&SharedTextIndex> {
        self.search_all.get()
    }

    fn resolve_search_texts(&self) -> TextIndex {
        let handle: Option<JoinHandle<Loaded<SearchFile>>> = self
            .search_loader
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        let missing = self
            .index
            .iter()
            .any(|e| !self.search_known.contains_key(&e.id));
        let loaded = match handle {
            Some(h) => h.join().unwrap_or(Loaded::Missing),
            None if missing => load::<SearchFile>(&self.layout.path(INDEX_SEARCH_FILE)),
            None => Loaded::Missing,
        };
        let mut rows = SearchRows::default();
        match loaded {
            Loaded::Found {
                value,
                migrated_from: None,
                ..
            } => rows = value.texts,
            Loaded::Found { .. } | Loaded::Missing => {}
            Loaded::Newer { found } => {
                self.search_newer.store(true, AtomicOrdering::Relaxed);
                self.late_problem(Problem {
                    file: INDEX_SEARCH_FILE.into(),
                    kind: ProblemKind::NewerVersion { found },
                });
            }
            Loaded::Unreadable(reason) => {
                let mut problems = Vec::new();
                report_unreadable(
                    &self.layout,
                    INDEX_SEARCH_FILE,
                    reason,
                    !self.is_read_only(),
                    &mut problems,
                );
                for p in problems {
                    self.late_problem(p);
                }
            }
        }
        // The file's texts are already in the index; what the store knows better replaces
        // them, and what the file lacks or has out of date is read from the session file.
        let SearchRows {
            mut index,
            mut stamps,
        } = rows;
        for e in &self.index {
            let from_file = stamps.remove(&e.id);
            if let Some(t) = self.search_known.get(&e.id) {
                index.insert(e.id, t);
            } else if from_file != Some(e.stamp) {
                match load_session(&self.layout.path(&Layout::session_rel(e.id)), e.id) {
                    Loaded::Found { value, .. } => index.insert(e.id, &search_text_of(&value)),
                    _ => index.insert(e.id, ""),
                }
            }
        }
        // Sessions no longer indexed.
        for id in stamps.into_keys() {
            index.remove(id);
        }
        index.settle();
        index
    }

    /// Records a session's new index entry: in memory, and on disk as one log record (one
    /// small durable write, whatever the size of the index). A failed log write is harmless:
    /// the session file's stamp no longer matches the index, so the next open reads it.
    /// `earlier` is the start of the version it replaces, if any ([`Store::insert_entry`]).
    pub(super) fn index_saved(
        &mut self,
        entry: IndexEntry,
        text: String,
        earlier: Option<crate::domain::Timestamp>,
    ) {
        let text: Arc<str> = Arc::from(text);
        if !self.index_newer && !self.is_read_only() {
            let mut logged = entry.clone();
            logged.search_text = Some(Box::new(text.to_string()));
            let _ = self.append_log(vec![logged], Vec::new());
        }
        if let Some(all) = self.search_all.get() {
            all.write()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(entry.id, &text);
        }
        self.search_known.insert(entry.id, text);
        self.insert_entry(entry, earlier);
    }

    /// Writes one log record durably.
    pub(super) fn append_log(
        &mut self,
        puts: Vec<IndexEntry>,
        removed: Vec<Uuid>,
    ) -> Result<(), StoreError> {
        if self.index_newer || self.is_read_only() {
            return Ok(());
        }
        let dir = self.layout.path(INDEX_LOG_DIR);
        super::super::atomic::create_private_dir(&dir)
            .map_err(|e| StoreError::from_io(Action::Save, e, &dir))?;
        let bytes = serde_json::to_vec(&IndexLogFile {
            schema_version: CURRENT_VERSION,
            puts,
            removed,
        })
        .map_err(|_| encode_error(Action::Save))?;
        let seq = self.log_next;
        self.log_next += 1;
        self.write_file(&Layout::index_log_rel(seq), &bytes, Action::Save, true)
            .map_err(|Failed { error, .. }| error)?;
        self.log_seqs.push(seq);
        Ok(())
    }

    /// Rewrites index.json and index-search.json from memory and removes the log records
    /// they now hold. Search texts are written first and the log removed last, so a crash
    /// at any point leaves files whose stamps tell what is out of date.
    pub(super) fn write_index(&mut self) -> Result<(), StoreError> {
        if self.index_newer || self.is_read_only() {
            return Ok(());
        }
        // One slice, so the files below are written from it as they are.
        self.index.make_contiguous();
        if !self.search_newer.load(AtomicOrdering::Relaxed) {
            let bytes = self.encode_search_file()?;
            self.write_file(INDEX_SEARCH_FILE, &bytes, Action::Save, true)
                .map_err(|f| f.error)?;
        }
        let bytes = serde_json::to_vec(&IndexFileRef {
            schema_version: CURRENT_VERSION,
            sessions: self.index.as_slices().0,
        })
        .map_err(|_| encode_error(Action::Save))?;
        let stamp = self
            .write_file(INDEX_FILE, &bytes, Action::Save, true)
            .map_err(|f| f.error)?;
        self.write_snapshot(stamp, self.index.as_slices().0);
        let dir = self.layout.path(INDEX_LOG_DIR);
        let mut removed_any = false;
        for seq in self.log_seqs.drain(..) {
            removed_any |= fs::remove_file(self.layout.path(&Layout::index_log_rel(seq))).is_ok();
        }
        if removed_any {
            let _ = sync_dir(&dir);
        }
        Ok(())
    }

    /// index-search.json as it stands in memory: `{"schema_version":N,"texts":[rows]}`, one
    /// row per indexed session. Each text is the note's distinct words, which match every
    /// search exactly as the full text did; written row by row so that the texts are never
    /// all unpacked at once.
    fn encode_search_file(&self) -> Result<Vec<u8>, StoreError> {
        let index = self
            .search_index()
            .read()
            .unwrap_or_else(PoisonError::into_inner);
        let mut stamps: HashMap<Uuid, FileStamp> =
            self.index.iter().map(|e| (e.id, e.stamp)).collect();
        let mut out = format!("{{\"schema_version\":{CURRENT_VERSION},\"texts\":[").into_bytes();
        let mut failed = false;
        let mut first = true;
        let mut row = |out: &mut Vec<u8>, id: Uuid, stamp: FileStamp, text: &str| {
            if !std::mem::take(&mut first) {
                out.push(b',');
            }
            failed |= serde_json::to_writer(&mut *out, &SearchRowRef { id, stamp, text }).is_err();
        };
        index.for_each_text(|id, text| {
            if let Some(stamp) = stamps.remove(&id) {
                row(&mut out, id, stamp, text);
            }
        });
        // Sessions without any text.
        for e in &self.index {
            if let Some(stamp) = stamps.remove(&e.id) {
                row(&mut out, e.id, stamp, "");
            }
        }
        out.extend_from_slice(b"]}");
        if failed {
            return Err(encode_error(Action::Save));
        }
        Ok(out)
    }

    /// Folds the log into index.json when it has grown past `limit` records.
    pub(super) fn compact_past(&mut self, limit: usize) {
        if self.log_seqs.len() > limit {
            let _ = self.write_index();
        }
    }

    fn late_problem(&self, p: Problem) {
        self.late_problems
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(p);
    }
}

#[derive(serde::Serialize)]
struct SearchRowRef<'a> {
    id: Uuid,
    stamp: FileStamp,
    text: &'a str,
}

impl Drop for Store {
    fn drop(&mut self) {
        // Quitting is a good moment to fold the log in: nobody waits for it then. A folder
        // whose first sessions were saved gets its index.json now too.
        if self.is_read_only() {
            return;
        }
        let no_index = !self.index.is_empty() && !self.layout.path(INDEX_FILE).exists();
        if no_index && !self.log_seqs.is_empty() {
            let _ = self.write_index();
        } else {
            self.compact_past(COMPACT_ON_CLOSE);
        }
    }
}
