//! Typed store errors, each a plain sentence saying what happened and what to do.
//!
//! Messages name files by their place in the data folder (`sessions/<uuid>.json`) and never
//! include any note text, alias or file content.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use uuid::Uuid;

use super::schema::{CURRENT_VERSION, Reason};

/// What the store was doing when an error happened; it words the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Open,
    Save,
    Read,
    Discard,
}

impl Action {
    fn verb(self) -> &'static str {
        match self {
            Action::Open => "open the data folder",
            Action::Save => "save",
            Action::Read => "read the note",
            Action::Discard => "discard the draft",
        }
    }

    fn retry(self) -> &'static str {
        match self {
            Action::Save => "save again",
            _ => "try again",
        }
    }

    fn unchanged(self) -> &'static str {
        match self {
            Action::Save | Action::Discard => "; nothing already saved was changed",
            Action::Open | Action::Read => "",
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.verb())
    }
}

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// Another process holds the data folder's lock.
    #[error(
        "another alongside is using this folder ({}); close it first",
        dir.display()
    )]
    Locked { dir: PathBuf },

    /// The folder or file system does not accept writes.
    #[error(
        "could not {action}: {} is read-only. Make it writable or choose another folder{}.",
        dir.display(),
        action.unchanged()
    )]
    ReadOnly { action: Action, dir: PathBuf },

    /// No space left on the device (or the disk quota is used up).
    #[error(
        "could not {action} in {}: the disk is full. Free some space and {}{}.",
        dir.display(),
        action.retry(),
        action.unchanged()
    )]
    DiskFull { action: Action, dir: PathBuf },

    /// The operating system refused access.
    #[error(
        "could not {action}: permission denied in {}. Check that your user owns the data folder and its files{}.",
        dir.display(),
        action.unchanged()
    )]
    PermissionDenied { action: Action, dir: PathBuf },

    /// The file belongs to a newer version of the app; it is never overwritten.
    #[error(
        "could not {action}: {file} was written by a newer version of alongside (schema {found}, this one knows {CURRENT_VERSION}). Update alongside; the file was left unchanged."
    )]
    NewerVersion {
        action: Action,
        file: String,
        found: u64,
    },

    /// No saved session has that id.
    #[error("there is no saved note with id {id}")]
    NotFound { id: Uuid },

    /// The file exists but could not be decoded.
    #[error("could not read {file}: {reason}. It was left as it is.")]
    Unreadable { file: String, reason: Reason },

    /// The store was opened with [`super::Store::open_read_only`].
    #[error("this data folder was opened for reading only, so nothing can be saved")]
    OpenedReadOnly,

    /// The folder holds other things and none of alongside's files: most likely a wrong
    /// `--data-dir`. It is left exactly as it is.
    #[error(
        "{} is not an alongside data folder (it holds other files); choose an empty or new folder, or an existing alongside folder. Nothing in it was changed.",
        dir.display()
    )]
    NotDataFolder { dir: PathBuf },

    /// `open_read_only` found no data folder.
    #[error("there is no alongside data folder at {}", dir.display())]
    NoDataDir { dir: PathBuf },

    /// A safety plan that cannot be saved as a new version (empty, or another peer's).
    #[error("could not save the safety plan: {0}")]
    SafetyPlan(#[from] crate::domain::worksheets::SafetyPlanError),
    /// The folder is encrypted and its key is not unlocked in this process.
    #[error(
        "the data folder {} is encrypted; give its passphrase (the app asks for it; scripts can set ALONGSIDE_PASSPHRASE or pass --passphrase-fd N)",
        dir.display()
    )]
    NeedsPassphrase { dir: PathBuf },

    /// An `encrypt` or `decrypt` of the whole folder was interrupted.
    #[error(
        "an interrupted `alongside {verb}` left the data folder {} partly converted; run `alongside {verb}` again to finish it (nothing was lost)",
        dir.display()
    )]
    ConversionUnfinished { dir: PathBuf, verb: &'static str },

    /// Any other input/output error. The OS message names no content.
    #[error("could not {action}: {source}")]
    Io {
        action: Action,
        #[source]
        source: io::Error,
    },
}

impl StoreError {
    /// Classifies an I/O error from writing in `dir`.
    pub(crate) fn from_io(action: Action, err: io::Error, dir: &Path) -> StoreError {
        use io::ErrorKind as K;
        match err.kind() {
            K::StorageFull | K::QuotaExceeded => StoreError::DiskFull {
                action,
                dir: dir.to_path_buf(),
            },
            K::ReadOnlyFilesystem => StoreError::ReadOnly {
                action,
                dir: dir.to_path_buf(),
            },
            K::PermissionDenied if dir_is_read_only(dir) => StoreError::ReadOnly {
                action,
                dir: dir.to_path_buf(),
            },
            K::PermissionDenied => StoreError::PermissionDenied {
                action,
                dir: dir.to_path_buf(),
            },
            // Every error names where it happened (unless the message already does).
            _ => {
                let shown = dir.display().to_string();
                let msg = err.to_string();
                let source = if msg.contains(&shown) {
                    err
                } else {
                    io::Error::new(err.kind(), format!("{shown}: {msg}"))
                };
                StoreError::Io { action, source }
            }
        }
    }
}

/// True when the directory's owner-write bit is off, so a refusal means "read-only" rather
/// than "not yours".
fn dir_is_read_only(dir: &Path) -> bool {
    std::fs::metadata(dir).is_ok_and(|m| m.permissions().readonly())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_happened_and_what_to_do() {
        let dir = Path::new("/nonexistent-alongside-test");
        let full = StoreError::from_io(
            Action::Save,
            io::Error::new(io::ErrorKind::StorageFull, "x"),
            dir,
        );
        assert_eq!(
            full.to_string(),
            "could not save in /nonexistent-alongside-test: the disk is full. Free some space and save again; nothing already saved was changed."
        );
        let ro = StoreError::from_io(
            Action::Save,
            io::Error::new(io::ErrorKind::ReadOnlyFilesystem, "x"),
            dir,
        );
        assert!(matches!(ro, StoreError::ReadOnly { .. }));
        assert!(ro.to_string().contains("read-only"));
        let denied = StoreError::from_io(
            Action::Open,
            io::Error::new(io::ErrorKind::PermissionDenied, "x"),
            dir,
        );
        assert!(matches!(denied, StoreError::PermissionDenied { .. }));
        let locked = StoreError::Locked {
            dir: PathBuf::from("/d"),
        };
        assert_eq!(
            locked.to_string(),
            "another alongside is using this folder (/d); close it first"
        );
    }
}
