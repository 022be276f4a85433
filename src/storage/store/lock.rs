//! The folder lock (`alongside.lock`): held while a store that writes is open, so a second
//! app on the same folder is told to close the first one.

use std::fs::File;
use std::io;

use crate::storage::atomic;
use crate::storage::error::{Action, StoreError};
use crate::storage::layout::{LOCK_FILE, Layout};

/// How long a busy folder lock is retried before it counts as another app's.
const LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_millis(750);

pub(crate) fn take_lock(layout: &Layout) -> Result<fd_lock::RwLock<File>, StoreError> {
    let root = layout.root();
    let file = atomic::open_private(&layout.path(LOCK_FILE))
        .map_err(|e| StoreError::from_io(Action::Open, e, root))?;
    let mut lock = fd_lock::RwLock::new(file);
    // A lock just released can still be held for a moment by a process forked before the
    // release (its copy of the descriptor lives until it execs), so a busy lock is tried
    // again for a short while before another app is blamed.
    let deadline = std::time::Instant::now() + LOCK_PATIENCE;
    loop {
        // The guard only borrows the lock; forgetting it keeps the lock held until the file
        // is closed, which happens when the store is dropped.
        match lock.try_write().map(std::mem::forget) {
            Ok(()) => return Ok(lock),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                if std::time::Instant::now() >= deadline {
                    return Err(StoreError::Locked {
                        dir: root.to_path_buf(),
                    });
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => return Err(StoreError::from_io(Action::Open, e, root)),
        }
    }
}
