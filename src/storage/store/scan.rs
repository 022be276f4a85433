//! Looking over the folder on open: each session file's stamp (with its mode, owner and
//! whether it is a link), and readable files in an encrypted folder.

use std::collections::HashMap;
use std::fs;

use uuid::Uuid;

use super::super::atomic::{FileStamp, WriteOptions, write_with};
use super::super::crypt;
use super::super::folder;
use super::super::layout::{Layout, QUARANTINE_DIR, SESSIONS_DIR};
use super::super::problem::{Problem, ProblemKind};
use super::super::schema::Reason;
use super::report_unreadable;

/// Stamps found in one part of the folder, and the problems met there.
type Looked = (Vec<(Uuid, Option<FileStamp>)>, Vec<Problem>);

/// The stamp of every listed session file (`None` for one that is not a plain file of ours,
/// already reported), checking modes, owners and links on the way. Spread over a few
/// threads when there are many, since each is one metadata call.
pub(super) fn session_stamps(
    layout: &Layout,
    ids: &[Uuid],
    writable: bool,
    problems: &mut Vec<Problem>,
) -> HashMap<Uuid, Option<FileStamp>> {
    let look = |ids: &[Uuid]| -> Looked {
        let mut found = Vec::with_capacity(ids.len());
        let mut problems = Vec::new();
        for &id in ids {
            let rel = Layout::session_rel(id);
            let stamp = match fs::symlink_metadata(layout.path(&rel)) {
                Ok(meta) => folder::check_entry(layout, &rel, &meta, writable, &mut problems)
                    .then(|| FileStamp::of(&meta)),
                // Gone meanwhile, or not readable: reading it reports the cause.
                Err(_) => Some(FileStamp::default()),
            };
            found.push((id, stamp));
        }
        (found, problems)
    };
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(4);
    let parts: Vec<Looked> = if ids.len() < 2048 || threads < 2 {
        vec![look(ids)]
    } else {
        let chunk = ids.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = ids
                .chunks(chunk)
                .map(|part| {
                    (
                        std::thread::Builder::new().spawn_scoped(scope, move || look(part)),
                        part,
                    )
                })
                .collect();
            handles
                .into_iter()
                .map(|(h, part)| match h.map(|h| h.join()) {
                    Ok(Ok(v)) => v,
                    _ => look(part),
                })
                .collect()
        })
    };
    let mut out = HashMap::with_capacity(ids.len());
    for (found, found_problems) in parts {
        out.extend(found);
        problems.extend(found_problems);
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
    let mut bytes = zeroize::Zeroizing::new(Vec::new());
    if file.read_to_end(&mut bytes).is_err() || crypt::is_sealed(&bytes) {
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
    match serde_json::from_slice::<serde::de::IgnoredAny>(&bytes) {
        Ok(_) => {
            let sealed = write_with(&path, &bytes, WriteOptions::default()).is_ok();
            problems.push(Problem {
                file: rel.to_string(),
                kind: ProblemKind::PlainInEncrypted { sealed },
            });
        }
        Err(e) => report_unreadable(layout, rel, Reason::of_json(&e), true, problems),
    }
}
