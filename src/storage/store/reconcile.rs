//! Opening the index: index.json (or its binary snapshot) and the log, then the check of
//! every session file's stamp that makes the index agree with the folder.
//!
//! The app leaves that check until its first frame is on screen ([`Store::open_for_app`],
//! then [`Store::check_index`]): with 100,000 sessions, listing the folder and looking at
//! every file's metadata takes longer than everything else start-up does.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::sync::{Arc, OnceLock};

use uuid::Uuid;

use super::super::atomic::{FileStamp, sync_dir};
use super::super::index::{IndexEntry, newest_first, search_text_of};
use super::super::layout::{INDEX_FILE, INDEX_SNAPSHOT_FILE, Layout, SESSIONS_DIR};
use super::super::problem::{Problem, ProblemKind, RebuildWhy};
use super::super::read::{Loaded, load, load_bytes};
use super::super::schema::{CURRENT_VERSION, IndexFile};
use super::super::snapshot;
use super::index_files;
use super::listing::unrecognised_problem;
use super::scan::{SessionListing, list_sessions_with_meta, session_stamps};
use super::sessions::read_sessions_parallel;
use super::{Store, report_unreadable, seal_if_plain};

/// What the check of the session files found, for [`Store::check_index`].
#[derive(Debug, Default)]
pub struct IndexCheck {
    /// The index changed: sessions were added, removed or changed outside the app.
    pub changed: bool,
    /// What the check reported (files moved to quarantine, the index brought up to date).
    pub problems: Vec<Problem>,
}

/// The index as loaded, before the check.
struct Opened {
    entries: Vec<IndexEntry>,
    texts: HashMap<Uuid, Arc<str>>,
    why: Option<RebuildWhy>,
    legacy: bool,
}

impl Store {
    /// Loads index.json and makes it agree with the session files, reading only the files
    /// it needs: those not in the index, and (when the folder changed after the index was
    /// written) those whose size or time differ from what the index recorded. `force`
    /// re-reads everything. With `defer`, an index that loaded cleanly is used as it is
    /// and the check waits for [`Store::check_index`].
    pub(super) fn reconcile_index(
        &mut self,
        force: bool,
        defer: bool,
        problems: &mut Vec<Problem>,
    ) {
        let sessions_dir = self.layout.path(SESSIONS_DIR);
        let (listing, opened) = if defer {
            (None, self.open_index(force, problems))
        } else {
            // Listing the folder and reading the index take similar time: do both at once.
            std::thread::scope(|scope| {
                let lister = std::thread::Builder::new()
                    .spawn_scoped(scope, || list_sessions_with_meta(&sessions_dir))
                    .ok();
                let opened = self.open_index(force, problems);
                let listing = lister
                    .and_then(|h| h.join().ok())
                    .unwrap_or_else(|| list_sessions_with_meta(&sessions_dir));
                (Some(listing), opened)
            })
        };
        match listing {
            None if opened.why.is_none() && !opened.legacy => {
                let mut entries = opened.entries;
                entries.sort_by(newest_first);
                self.index = entries.into();
                self.last_indexed = None;
                self.search_known = opened.texts;
                self.search_all = OnceLock::new();
                self.check_pending = true;
            }
            listing => {
                let listing = listing.unwrap_or_else(|| list_sessions_with_meta(&sessions_dir));
                self.check_against(listing, opened, force, problems);
            }
        }
    }

    /// Runs the check of every session file that opening for the app left for later
    /// (after the first frame): sessions changed outside the app are read again, damaged
    /// files quarantined, and what was found reported. `None` when nothing was left.
    pub fn check_index(&mut self) -> Option<IndexCheck> {
        if !std::mem::take(&mut self.check_pending) {
            return None;
        }
        let opened = Opened {
            entries: std::mem::take(&mut self.index).into(),
            texts: std::mem::take(&mut self.search_known),
            why: None,
            legacy: false,
        };
        let listing = list_sessions_with_meta(&self.layout.path(SESSIONS_DIR));
        let mut problems = Vec::new();
        let changed = self.check_against(listing, opened, false, &mut problems);
        // The folder listing and the entries the check replaced are freed now.
        super::super::memory::release_freed_memory();
        Some(IndexCheck { changed, problems })
    }

    /// Reads the index (the snapshot when it matches index.json) and applies the log.
    fn open_index(&mut self, force: bool, problems: &mut Vec<Problem>) -> Opened {
        let writable = !self.is_read_only();
        let loaded = if force {
            // Treated like an empty index: every file is read again.
            Loaded::Found {
                value: IndexFile {
                    schema_version: CURRENT_VERSION,
                    sessions: Vec::new(),
                },
                stamp: FileStamp::default(),
                migrated_from: None,
            }
        } else {
            self.load_index_file()
        };
        self.index_newer = false;
        let (mut entries, why) = match loaded {
            Loaded::Missing => (Vec::new(), Some(RebuildWhy::Missing)),
            Loaded::Found {
                migrated_from: Some(_),
                ..
            } => (Vec::new(), Some(RebuildWhy::OlderVersion)),
            Loaded::Found { value, .. } => (value.sessions, None),
            Loaded::Newer { found } => {
                problems.push(Problem {
                    file: INDEX_FILE.into(),
                    kind: ProblemKind::NewerVersion { found },
                });
                self.index_newer = true;
                (Vec::new(), Some(RebuildWhy::NewerVersion))
            }
            Loaded::Unreadable(reason) => {
                report_unreadable(&self.layout, INDEX_FILE, reason, writable, problems);
                (Vec::new(), Some(RebuildWhy::Unreadable))
            }
        };
        // An earlier release kept the search text inside index.json: it is moved out, and
        // index.json rewritten without it.
        let mut texts: HashMap<Uuid, Arc<str>> = HashMap::new();
        let mut legacy = false;
        for e in &mut entries {
            if let Some(t) = e.search_text.take() {
                texts.insert(e.id, Arc::from(*t));
                legacy = true;
            }
            // An index from before stamps: every entry is read again and all rewritten.
            legacy |= e.stamp == FileStamp::default();
        }
        // Then the changes saved since index.json was written.
        let seqs = index_files::list_log(&self.layout);
        self.log_next = seqs.last().map_or(1, |s| s + 1);
        if !force {
            let replay = index_files::replay_log(
                &self.layout,
                &seqs,
                &mut entries,
                &mut texts,
                writable,
                problems,
            );
            self.index_newer |= replay.newer;
        }
        self.log_seqs = seqs;
        Opened {
            entries,
            texts,
            why,
            legacy,
        }
    }

    /// index.json's summaries: from the snapshot when it was taken from this very
    /// index.json, otherwise parsed from the JSON (and the snapshot written again when
    /// writable, so the next open is quick).
    fn load_index_file(&self) -> Loaded<IndexFile> {
        let index_path = self.layout.path(INDEX_FILE);
        let json_stamp = fs::symlink_metadata(&index_path)
            .ok()
            .filter(fs::Metadata::is_file)
            .map(|m| FileStamp::of(&m));
        if let Some(stamp) = json_stamp
            && stamp != FileStamp::default()
            && let Ok(Some((bytes, _))) = load_bytes(&self.layout.path(INDEX_SNAPSHOT_FILE))
            && snapshot::source_of(&bytes) == Some(stamp)
            && let Some(sessions) = snapshot::decode(&bytes)
        {
            return Loaded::Found {
                value: IndexFile {
                    schema_version: CURRENT_VERSION,
                    sessions,
                },
                stamp,
                migrated_from: None,
            };
        }
        let loaded = load::<IndexFile>(&index_path);
        if let Loaded::Found {
            value,
            stamp,
            migrated_from: None,
        } = &loaded
            && !self.is_read_only()
        {
            self.write_snapshot(*stamp, &value.sessions);
        }
        loaded
    }

    /// Writes the snapshot of `entries`, the content of the index.json stamped `source`.
    /// A failure is harmless: index.json is then parsed on the next open.
    pub(super) fn write_snapshot(&self, source: FileStamp, entries: &[IndexEntry]) {
        if self.index_newer || self.is_read_only() {
            return;
        }
        let bytes = snapshot::encode(source, entries);
        let _ = self.write_file(
            INDEX_SNAPSHOT_FILE,
            &bytes,
            super::super::error::Action::Save,
            true,
        );
    }

    /// Keeps the index's entries whose files are still there and unchanged, reads the rest,
    /// and writes the index (or a log record) when it changed. Returns whether it changed.
    fn check_against(
        &mut self,
        found: SessionListing,
        opened: Opened,
        force: bool,
        problems: &mut Vec<Problem>,
    ) -> bool {
        let writable = !self.is_read_only();
        let sessions_dir = self.layout.path(SESSIONS_DIR);
        let Opened {
            entries: old,
            mut texts,
            mut why,
            legacy,
        } = opened;
        let listing = &found.listing;
        if listing.unrecognised > 0 {
            problems.push(unrecognised_problem(SESSIONS_DIR, listing.unrecognised));
        }
        if writable && !listing.temp_files.is_empty() {
            // Leftovers of interrupted writes: never renamed into place, so never data.
            for name in &listing.temp_files {
                let _ = fs::remove_file(sessions_dir.join(name));
            }
            let _ = sync_dir(&sessions_dir);
        }

        // Keep the index's entries whose files are still there and unchanged: size, time
        // and inode are compared for every file (one metadata call each, never a read), so
        // a file changed in place is noticed at once. Links are never followed; loose
        // modes are tightened on the way.
        let listed: HashSet<Uuid> = listing.ids.iter().copied().collect();
        let mut kept: HashSet<Uuid> = HashSet::with_capacity(old.len());
        let mut entries = Vec::with_capacity(listed.len());
        let mut to_read = Vec::new();
        let mut changed_ids = HashSet::new();
        let mut removed = 0;
        let mut removed_ids = Vec::new();
        let stamps = session_stamps(&self.layout, &found, writable, problems);
        for e in old {
            if !listed.contains(&e.id) || kept.contains(&e.id) {
                removed += 1;
                removed_ids.push(e.id);
                continue;
            }
            kept.insert(e.id);
            match stamps.get(&e.id) {
                // An entry from before reports existed lacks their figures: read it again.
                Some(Some(now)) if *now == e.stamp && e.facts.is_some() => entries.push(e),
                Some(None) => {}
                _ => {
                    changed_ids.insert(e.id);
                    to_read.push(e.id);
                }
            }
        }
        // A link (reported above) is never read.
        let listed_ids = listing
            .ids
            .iter()
            .filter(|id| !matches!(stamps.get(id), Some(None)));
        to_read.extend(listed_ids.filter(|id| !kept.contains(id)));
        if self.encrypted {
            for id in &to_read {
                seal_if_plain(&self.layout, &Layout::session_rel(*id), writable, problems);
            }
        }
        let (mut added, mut changed) = (0, 0);
        // What was read, to log (with its search text) when it is only a few.
        let mut fresh = Vec::new();
        for (id, loaded) in read_sessions_parallel(&self.layout, &to_read) {
            let rel = Layout::session_rel(id);
            match loaded {
                Loaded::Found {
                    value,
                    stamp,
                    migrated_from,
                } => {
                    problems.extend(Problem::migrated(rel, migrated_from));
                    if changed_ids.contains(&id) {
                        changed += 1;
                    } else {
                        added += 1;
                    }
                    let entry = IndexEntry::from_session(&value, stamp);
                    let text = search_text_of(&value);
                    if fresh.len() <= index_files::LOG_AT_MOST {
                        let mut logged = entry.clone();
                        logged.search_text = Some(Box::new(text.clone()));
                        fresh.push(logged);
                    }
                    texts.insert(id, Arc::from(text));
                    entries.push(entry);
                }
                other => {
                    // An indexed session that can no longer be read leaves the index, in the
                    // log record too (or the next open would find its entry again).
                    if changed_ids.contains(&id) {
                        removed += 1;
                        removed_ids.push(id);
                    }
                    match other {
                        Loaded::Newer { found } => problems.push(Problem {
                            file: rel,
                            kind: ProblemKind::NewerVersion { found },
                        }),
                        Loaded::Unreadable(reason) => {
                            report_unreadable(&self.layout, &rel, reason, writable, problems)
                        }
                        Loaded::Missing | Loaded::Found { .. } => {}
                    }
                }
            }
        }
        entries.sort_by(newest_first);
        self.index = entries.into();
        self.last_indexed = None;
        self.search_known = texts;
        self.search_all = OnceLock::new();

        if why.is_none() && added + removed + changed > 0 {
            why = Some(RebuildWhy::OutOfDate {
                added,
                removed,
                changed,
            });
        }
        let worth_reporting = match why {
            _ if force => false,
            None => false,
            Some(RebuildWhy::Missing) => !self.index.is_empty(),
            Some(_) => true,
        };
        if worth_reporting && let Some(why) = why {
            problems.push(Problem {
                file: INDEX_FILE.into(),
                kind: ProblemKind::IndexRebuilt { why },
            });
        }
        let needs_write = force || legacy || why.is_some();
        let nothing_to_keep = matches!(why, Some(RebuildWhy::Missing)) && self.index.is_empty();
        // A failed write is harmless: the stamps show what to read again next time.
        if needs_write && !nothing_to_keep {
            let few = matches!(why, Some(RebuildWhy::OutOfDate { .. }))
                && !force
                && !legacy
                && fresh.len() + removed_ids.len() <= index_files::LOG_AT_MOST;
            if few {
                let _ = self.append_log(fresh, removed_ids);
            } else {
                let _ = self.write_index();
            }
        } else if writable {
            self.compact_past(index_files::COMPACT_ON_OPEN);
        }
        added + removed + changed > 0
    }
}
