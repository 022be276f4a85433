//! Writing the store's files: the check that the store is writable, the durable write
//! with its planned test faults, and the guard that never replaces a file unread.

use std::sync::PoisonError;

use super::super::atomic::{Fault, FileStamp, WriteOptions, write_with};
use super::super::error::{Action, StoreError};
use super::super::problem::{Problem, ProblemKind};
use super::super::quarantine::quarantine;
use super::super::read::{Loaded, load};
use super::super::schema::{Reason, Versioned};
use super::Store;
use std::io;

impl Store {
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

    pub(super) fn ensure_writable(&self) -> Result<(), StoreError> {
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
    pub(super) fn write_file(
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
    /// Returns the file's value when it was read.
    pub(super) fn guard_overwrite<T: Versioned>(&self, rel: &str) -> Result<Option<T>, StoreError> {
        match load::<T>(&self.layout.path(rel)) {
            Loaded::Found { value, .. } => Ok(Some(value)),
            Loaded::Missing => Ok(None),
            Loaded::Newer { found } => Err(StoreError::NewerVersion {
                action: Action::Save,
                file: rel.to_string(),
                found,
            }),
            // Unreadable only for now (e.g. permissions): the write will report the cause.
            Loaded::Unreadable(Reason::Io { .. }) => Ok(None),
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
                    Ok(None)
                }
                Err(_) => Err(StoreError::Unreadable {
                    file: rel.to_string(),
                    reason,
                }),
            },
        }
    }
}

/// A failed write, and the new file's stamp if it is in place regardless.
pub(super) struct Failed {
    pub(super) error: StoreError,
    pub(super) committed: Option<FileStamp>,
}

pub(super) fn encode_error(action: Action) -> StoreError {
    StoreError::Io {
        action,
        source: io::Error::other("could not encode the data as JSON"),
    }
}
