//! Problems found while opening: reported to the person, never fatal.

use std::fmt;

use super::schema::{CURRENT_VERSION, Reason};

/// Something about one file (or folder) in the data directory that needs attention.
/// `file` is the place inside the data folder, e.g. `sessions/<uuid>.json`: a name chosen by
/// the app, never an alias or note text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub kind: ProblemKind,
}

impl Problem {
    /// The report that `file` was of an earlier version (`from`) and was upgraded in memory;
    /// none when it was current.
    pub(crate) fn migrated(file: impl Into<String>, from: Option<u64>) -> Option<Problem> {
        from.map(|from| Problem {
            file: file.into(),
            kind: ProblemKind::Migrated { from },
        })
    }
}

/// What the problem is and what the store did about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file could not be read and was moved, unchanged, to `moved_to`.
    Quarantined { reason: Reason, moved_to: String },
    /// The file could not be read and was left where it is (read-only open, or the move
    /// failed).
    Unreadable { reason: Reason },
    /// The file was written by a newer version of the app. It was not read and will never
    /// be overwritten by this version.
    NewerVersion { found: u64 },
    /// The file was written by an older version and was upgraded in memory; it is written in
    /// the current version the next time it is saved.
    Migrated { from: u64 },
    /// The session index was rebuilt from the session files.
    IndexRebuilt { why: RebuildWhy },
    /// Files with names the app does not use were ignored (left untouched).
    UnrecognisedFiles { count: usize },
    /// A file or folder is not owner-only (0600 files, 0700 folders) and could not be made
    /// so (or the folder was opened for reading only).
    NotPrivate,
    /// The file or folder belongs to another user: it was left alone.
    ForeignOwner,
    /// A readable (unencrypted) file in an encrypted folder. `sealed` says whether it was
    /// encrypted in place; otherwise it is still readable (opened for reading only).
    PlainInEncrypted { sealed: bool },
}

/// Why the index was rebuilt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RebuildWhy {
    Missing,
    Unreadable,
    /// Written by a newer version: rebuilt in memory only, the file is left alone.
    NewerVersion,
    OlderVersion,
    /// It disagreed with the session files.
    OutOfDate {
        added: usize,
        removed: usize,
        changed: usize,
    },
}

impl fmt::Display for RebuildWhy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RebuildWhy::Missing => f.write_str("it was missing"),
            RebuildWhy::Unreadable => f.write_str("it could not be read"),
            RebuildWhy::NewerVersion => f.write_str(
                "it was written by a newer version of alongside (kept in memory only; the file was left unchanged)",
            ),
            RebuildWhy::OlderVersion => f.write_str("it was written by an older version"),
            RebuildWhy::OutOfDate {
                added,
                removed,
                changed,
            } => write!(
                f,
                "it was out of date ({added} added, {removed} removed, {changed} changed)"
            ),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = &self.file;
        match &self.kind {
            ProblemKind::Quarantined { reason, moved_to } => write!(
                f,
                "{file} could not be read ({reason}); it was moved unchanged to {moved_to}"
            ),
            ProblemKind::Unreadable { reason } => {
                write!(
                    f,
                    "{file} could not be read ({reason}); it was left as it is"
                )
            }
            ProblemKind::NewerVersion { found } => write!(
                f,
                "{file} was written by a newer version of alongside (schema {found}, this one knows {CURRENT_VERSION}); it was left unchanged. Update alongside to use it"
            ),
            ProblemKind::Migrated { from } => write!(
                f,
                "{file} was written by an older version (schema {from}) and was upgraded in memory"
            ),
            ProblemKind::IndexRebuilt { why } => {
                write!(f, "{file} was rebuilt from the session files because {why}")
            }
            ProblemKind::UnrecognisedFiles { count } => write!(
                f,
                "{file}: {count} file(s) with names alongside does not use were ignored"
            ),
            ProblemKind::NotPrivate => write!(
                f,
                "{file} is readable by others and could not be made private to your user (0600 for files, 0700 for folders); check who owns it"
            ),
            ProblemKind::ForeignOwner => write!(
                f,
                "{file} belongs to another user; it was left alone. Check how it got there"
            ),
            ProblemKind::PlainInEncrypted { sealed: true } => write!(
                f,
                "{file} was readable (not encrypted) in an encrypted folder; it has now been encrypted"
            ),
            ProblemKind::PlainInEncrypted { sealed: false } => write!(
                f,
                "{file} is readable (not encrypted) in an encrypted folder; open the app or run `alongside encrypt` to seal it"
            ),
        }
    }
}
