//! Which folders are ours, and keeping ours private.
//!
//! A data folder made by this app holds a small marker file, [`MARKER_FILE`]. A non-empty
//! folder without it is opened only when it has the complete layout an earlier release
//! made (the marker is then added on the first writable open); anything else is refused with
//! its path, and nothing in it is created, moved or chmodded. Every file under a marked
//! folder counts as ours, so file kinds added later need no list here.
//!
//! On open every file of ours is made 0600 and every folder 0700 (quarantine included), a
//! file owned by another user is reported and left alone, and a symbolic link is never
//! followed: one standing where a folder of ours should be stops the open, any other is
//! moved to quarantine (as a link) or, when reading only, reported.

use std::fs;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::atomic::{WriteOptions, write_raw_with};
use super::crypt::{KEY_FILE, STATE_FILE};
use super::error::{Action, StoreError};
use super::layout::{
    DRAFTS_DIR, INDEX_FILE, LOCK_FILE, Layout, PEERS_FILE, QUARANTINE_DIR, SESSIONS_DIR,
};
use super::problem::{Problem, ProblemKind};
use super::quarantine::quarantine;
use super::schema::Reason;

/// The marker of a data folder made by alongside: `{"schema_version":1,"created_at":"..."}`.
/// It stays plain in an encrypted folder: it holds nothing private.
pub const MARKER_FILE: &str = "alongside.folder";

const MARKER_VERSION: u64 = 1;

#[derive(Serialize, Deserialize)]
struct Marker {
    schema_version: u64,
    created_at: String,
}

/// What a folder given as a data folder turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FolderKind {
    /// Nothing there yet.
    Missing,
    Empty,
    /// Holds the marker.
    Marked,
    /// No marker, but the complete layout every earlier release made on its first open.
    EarlierRelease,
    /// Anything else: not ours.
    Foreign,
}

impl FolderKind {
    pub(crate) fn is_ours_or_new(self) -> bool {
        !matches!(self, FolderKind::Foreign)
    }
}

fn is_real_dir(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_dir())
}

fn is_real_file(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
}

/// Looks at `dir` without changing anything.
pub(crate) fn classify(dir: &Path) -> io::Result<FolderKind> {
    let mut entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(FolderKind::Missing),
        Err(e) => return Err(e),
    };
    if entries.next().is_none() {
        return Ok(FolderKind::Empty);
    }
    if is_real_file(&dir.join(MARKER_FILE)) {
        return Ok(FolderKind::Marked);
    }
    if first_open_leftovers(dir)? {
        return Ok(FolderKind::Empty);
    }
    // Earlier releases created these three folders and the lock on every open, before
    // anything else could be saved.
    let folders = [SESSIONS_DIR, DRAFTS_DIR, QUARANTINE_DIR]
        .iter()
        .all(|d| is_real_dir(&dir.join(d)));
    let files = [LOCK_FILE, PEERS_FILE, INDEX_FILE, KEY_FILE, STATE_FILE]
        .iter()
        .any(|f| is_real_file(&dir.join(f)));
    Ok(if folders && files {
        FolderKind::EarlierRelease
    } else {
        FolderKind::Foreign
    })
}

/// True when `dir` holds only what a first open stopped before writing the marker (killed,
/// or the power cut) can leave: the lock, empty folders of ours and temporary files. Such a
/// folder is still a new one, not someone else's.
fn first_open_leftovers(dir: &Path) -> io::Result<bool> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let kind = entry.file_type()?;
        let ours = if kind.is_file() {
            name == LOCK_FILE || super::layout::is_temp_file_name(&name)
        } else if kind.is_dir() {
            [SESSIONS_DIR, DRAFTS_DIR, QUARANTINE_DIR]
                .iter()
                .any(|d| name == *d)
                && fs::read_dir(entry.path())?.next().is_none()
        } else {
            false
        };
        if !ours {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Refuses a folder that is not ours, before anything is done to it.
pub(crate) fn check_ours(dir: &Path) -> Result<FolderKind, StoreError> {
    let kind = classify(dir).map_err(|e| StoreError::from_io(Action::Open, e, dir))?;
    if kind.is_ours_or_new() {
        Ok(kind)
    } else {
        Err(StoreError::NotDataFolder {
            dir: dir.to_path_buf(),
        })
    }
}

/// Writes the marker (new folders, and folders of an earlier release on their first open).
pub(crate) fn write_marker(dir: &Path) -> Result<(), StoreError> {
    let bytes = serde_json::to_vec(&Marker {
        schema_version: MARKER_VERSION,
        created_at: chrono::Utc::now().to_rfc3339(),
    })
    .map_err(|e| StoreError::from_io(Action::Open, io::Error::other(e), dir))?;
    write_raw_with(&dir.join(MARKER_FILE), &bytes, WriteOptions::default())
        .map(|_| ())
        .map_err(|e| StoreError::from_io(Action::Open, e.error, dir))
}

/// The folders every open needs; a file or a link in their place stops the open, naming it.
pub(crate) fn check_layout(layout: &Layout) -> Result<(), StoreError> {
    for sub in [SESSIONS_DIR, DRAFTS_DIR, QUARANTINE_DIR] {
        let path = layout.path(sub);
        match fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                return Err(StoreError::from_io(
                    Action::Open,
                    super::fsio::link_error(&path),
                    &path,
                ));
            }
            Ok(m) if !m.is_dir() => {
                return Err(StoreError::from_io(
                    Action::Open,
                    io::Error::new(
                        io::ErrorKind::AlreadyExists,
                        format!(
                            "{} is a file where alongside keeps a folder; move it away and open again",
                            path.display()
                        ),
                    ),
                    &path,
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Files that are never data: the lock, the marker, and the key and state of encryption.
pub(crate) const CONTROL_FILES: [&str; 5] = [
    LOCK_FILE,
    MARKER_FILE,
    KEY_FILE,
    STATE_FILE,
    super::crypt::NEW_KEY_FILE,
];

/// Every plain file of ours under the folder (places relative to it, sorted), leaving out the
/// control files, temporary files, links and the folders in `skip`.
pub(crate) fn data_file_rels(layout: &Layout, skip: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![String::new()];
    while let Some(prefix) = stack.pop() {
        let Ok(entries) = fs::read_dir(layout.path(&prefix)) else {
            continue;
        };
        for entry in entries.flatten() {
            let Some(name) = entry.file_name().to_str().map(str::to_string) else {
                continue;
            };
            let rel = format!("{prefix}{name}");
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                if !skip.contains(&rel.as_str()) {
                    stack.push(format!("{rel}/"));
                }
            } else if kind.is_file()
                && !super::layout::is_temp_file_name(&entry.file_name())
                && !(prefix.is_empty() && CONTROL_FILES.contains(&rel.as_str()))
            {
                out.push(rel);
            }
        }
    }
    out.sort();
    out
}

/// The user this process runs as.
#[cfg(unix)]
fn my_uid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// Walks the folder: modes tightened (when writable), other owners and links reported, links
/// moved to quarantine (when writable). The files directly in `sessions/` are left to the
/// index check, which looks at each of them anyway ([`check_entry`]).
pub(crate) fn secure_tree(layout: &Layout, writable: bool, problems: &mut Vec<Problem>) {
    let root = layout.root();
    if let Ok(meta) = fs::metadata(root) {
        check_mode(root, "data folder", &meta, writable, problems);
    }
    let mut stack = vec![String::new()];
    while let Some(prefix) = stack.pop() {
        let dir = if prefix.is_empty() {
            root.to_path_buf()
        } else {
            layout.path(&prefix)
        };
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let Some(name) = entry.file_name().to_str().map(str::to_string) else {
                continue;
            };
            let rel = format!("{prefix}{name}");
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                check_mode(&entry.path(), &format!("{rel}/"), &meta, writable, problems);
                if rel != SESSIONS_DIR {
                    stack.push(format!("{rel}/"));
                }
            } else {
                check_entry(layout, &rel, &meta, writable, problems);
            }
        }
    }
}

/// Checks one file of ours (never a folder): a link is quarantined or reported, a file of
/// another user reported, a loose mode tightened. Returns false when the entry is not a
/// plain file of ours to be read.
pub(crate) fn check_entry(
    layout: &Layout,
    rel: &str,
    meta: &fs::Metadata,
    writable: bool,
    problems: &mut Vec<Problem>,
) -> bool {
    if meta.file_type().is_symlink() {
        let in_quarantine = rel.starts_with(&format!("{QUARANTINE_DIR}/"));
        let moved = (writable && !in_quarantine)
            .then(|| quarantine(layout, rel).ok())
            .flatten();
        let kind = match moved {
            Some(moved_to) => ProblemKind::Quarantined {
                reason: Reason::Link,
                moved_to,
            },
            None => ProblemKind::Unreadable {
                reason: Reason::Link,
            },
        };
        problems.push(Problem {
            file: rel.to_string(),
            kind,
        });
        return false;
    }
    if !meta.is_file() {
        return false;
    }
    check_mode(&layout.path(rel), rel, meta, writable, problems)
}

/// Owner-only: 0600 for files, 0700 for folders. Returns false for a file of another user.
/// True when `meta` is of a plain file of ours that is already owner-only: nothing for
/// [`check_entry`] to fix or report, so its caller can keep the file's stamp and drop the
/// rest of its metadata.
pub(crate) fn is_plain_private_file(meta: &fs::Metadata, uid: u32) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.file_type().is_file() && meta.uid() == uid && meta.mode() & 0o7777 == 0o600
    }
    #[cfg(not(unix))]
    {
        let _ = uid;
        meta.file_type().is_file()
    }
}

/// This process's user id (0 where there is none).
pub(crate) fn own_uid() -> u32 {
    #[cfg(unix)]
    {
        my_uid()
    }
    #[cfg(not(unix))]
    {
        0
    }
}

fn check_mode(
    path: &Path,
    label: &str,
    meta: &fs::Metadata,
    writable: bool,
    problems: &mut Vec<Problem>,
) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        if meta.uid() != my_uid() {
            problems.push(Problem {
                file: label.to_string(),
                kind: ProblemKind::ForeignOwner,
            });
            return false;
        }
        let want = if meta.is_dir() { 0o700 } else { 0o600 };
        let mode = meta.mode() & 0o7777;
        if mode != want {
            let fixed =
                writable && fs::set_permissions(path, fs::Permissions::from_mode(want)).is_ok();
            if !fixed {
                problems.push(Problem {
                    file: label.to_string(),
                    kind: ProblemKind::NotPrivate,
                });
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (path, label, meta, writable, problems);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_ours_only_with_the_marker_or_the_full_earlier_layout() {
        let dir = tempfile::tempdir().expect("dir");
        let d = dir.path();
        assert_eq!(classify(&d.join("new")).expect("c"), FolderKind::Missing);
        assert_eq!(classify(d).expect("c"), FolderKind::Empty);
        fs::write(d.join("index.json"), b"{}").expect("write");
        assert_eq!(classify(d).expect("c"), FolderKind::Foreign);
        for sub in [SESSIONS_DIR, DRAFTS_DIR] {
            fs::create_dir(d.join(sub)).expect("mkdir");
        }
        assert_eq!(classify(d).expect("c"), FolderKind::Foreign, "incomplete");
        fs::create_dir(d.join(QUARANTINE_DIR)).expect("mkdir");
        assert_eq!(classify(d).expect("c"), FolderKind::EarlierRelease);
        write_marker(d).expect("marker");
        assert_eq!(classify(d).expect("c"), FolderKind::Marked);
    }

    #[test]
    fn a_first_open_stopped_before_its_marker_leaves_a_new_folder_not_a_foreign_one() {
        let dir = tempfile::tempdir().expect("dir");
        let d = dir.path();
        fs::write(d.join(LOCK_FILE), b"").expect("lock");
        fs::create_dir(d.join(SESSIONS_DIR)).expect("mkdir");
        fs::write(
            d.join(format!("{}marker", super::super::layout::TEMP_PREFIX)),
            b"{",
        )
        .expect("temp");
        assert_eq!(classify(d).expect("c"), FolderKind::Empty);
        // Anything saved in a folder of ours, or any other file, makes it someone else's.
        fs::write(d.join(SESSIONS_DIR).join("a.json"), b"{}").expect("write");
        assert_eq!(classify(d).expect("c"), FolderKind::Foreign);
        fs::remove_file(d.join(SESSIONS_DIR).join("a.json")).expect("rm");
        fs::write(d.join("notes.txt"), b"theirs").expect("write");
        assert_eq!(classify(d).expect("c"), FolderKind::Foreign);
    }
}
