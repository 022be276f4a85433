//! Looking over the folder on open: each session file's stamp (with its mode, owner and
//! whether it is a link), and readable files in an encrypted folder.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use uuid::Uuid;

use super::super::atomic::{FileStamp, WriteOptions, write_with};
use super::super::crypt;
use super::super::folder;
use super::super::layout::{
    INDEX_SNAPSHOT_FILE, Layout, QUARANTINE_DIR, SESSIONS_DIR, id_from_file_name, is_temp_file_name,
};
use super::super::problem::{Problem, ProblemKind};
use super::super::schema::Reason;
use super::listing::Listing;
use super::report_unreadable;

/// The session folder's listing with each record file's metadata, taken in the same pass
/// (one `fstatat` per entry, never following a link), so it can run beside the index parse.
/// A plain owner-only file of ours (nearly all of them) keeps only its stamp; the whole
/// metadata is kept for the others, which the check reports or fixes.
pub(in crate::storage) struct SessionListing {
    pub(in crate::storage) listing: Listing,
    plain: HashMap<Uuid, FileStamp>,
    odd: HashMap<Uuid, fs::Metadata>,
}

pub(in crate::storage) fn list_sessions_with_meta(dir: &Path) -> SessionListing {
    let mut out = SessionListing {
        listing: Listing {
            ids: Vec::new(),
            unrecognised: 0,
            temp_files: Vec::new(),
        },
        plain: HashMap::new(),
        odd: HashMap::new(),
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    let uid = folder::own_uid();
    for entry in entries.flatten() {
        let name = entry.file_name();
        if is_temp_file_name(&name) {
            out.listing.temp_files.push(name);
            continue;
        }
        match id_from_file_name(&name) {
            Some(id) => {
                out.listing.ids.push(id);
                match entry.metadata() {
                    Ok(meta) if folder::is_plain_private_file(&meta, uid) => {
                        out.plain.insert(id, FileStamp::of(&meta));
                    }
                    Ok(meta) => {
                        out.odd.insert(id, meta);
                    }
                    Err(_) => {}
                }
            }
            None => out.listing.unrecognised += 1,
        }
    }
    out
}

/// The stamp of every listed session file (`None` for one that is not a plain file of ours,
/// already reported), checking modes, owners and links with the metadata taken while
/// listing: no further calls unless something needs fixing.
pub(super) fn session_stamps(
    layout: &Layout,
    found: &SessionListing,
    writable: bool,
    problems: &mut Vec<Problem>,
) -> HashMap<Uuid, Option<FileStamp>> {
    let mut out = HashMap::with_capacity(found.listing.ids.len());
    for &id in &found.listing.ids {
        let stamp = match (found.plain.get(&id), found.odd.get(&id)) {
            (Some(stamp), _) => Some(*stamp),
            (None, Some(meta)) => {
                let rel = Layout::session_rel(id);
                folder::check_entry(layout, &rel, meta, writable, problems)
                    .then(|| FileStamp::of(meta))
            }
            // Gone meanwhile, or not readable: reading it reports the cause.
            (None, None) => Some(FileStamp::default()),
        };
        out.insert(id, stamp);
    }
    out
}

/// Seals the readable files of an encrypted folder, except session files (checked as the
/// index is reconciled, only when they changed) and quarantine (kept byte for byte).
pub(super) fn seal_plain_files(layout: &Layout, writable: bool, problems: &mut Vec<Problem>) {
    for rel in folder::data_file_rels(layout, &[SESSIONS_DIR, QUARANTINE_DIR]) {
        seal_if_plain(layout, &rel, writable, problems);
    }
}

/// In an encrypted folder: a readable file of ours is encrypted in place when it parses as
/// JSON (moved to quarantine when it does not), or only reported when reading only.
pub(crate) fn seal_if_plain(
    layout: &Layout,
    rel: &str,
    writable: bool,
    problems: &mut Vec<Problem>,
) {
    use std::io::Read;
    let path = layout.path(rel);
    let Ok(mut file) = super::super::fsio::open_no_follow(&path) else {
        return;
    };
    // The start tells a sealed file: big files (the index) are not read whole for that.
    let mut bytes = zeroize::Zeroizing::new(Vec::new());
    if (&mut file).take(64).read_to_end(&mut bytes).is_err() || crypt::is_sealed(&bytes) {
        return;
    }
    if file.read_to_end(&mut bytes).is_err() {
        return;
    }
    drop(file);
    if !writable {
        problems.push(Problem {
            file: rel.to_string(),
            kind: ProblemKind::PlainInEncrypted { sealed: false },
        });
        return;
    }
    // The index snapshot is binary, not JSON: sealed like the rest.
    let parsed = match rel {
        INDEX_SNAPSHOT_FILE => Ok(()),
        _ => serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).map(|_| ()),
    };
    match parsed {
        Ok(()) => {
            let sealed = write_with(&path, &bytes, WriteOptions::default()).is_ok();
            problems.push(Problem {
                file: rel.to_string(),
                kind: ProblemKind::PlainInEncrypted { sealed },
            });
        }
        Err(e) => report_unreadable(layout, rel, Reason::of_json(&e), true, problems),
    }
}
