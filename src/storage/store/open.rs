//! Opening a data folder: checking it is ours, creating the layout, taking the lock, then
//! loading peers, drafts and the index; and the checks that an encrypted folder is unlocked.

use std::collections::{HashMap, VecDeque};
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Mutex, OnceLock};

use super::super::atomic::{create_private_dir, remove_stray_temp_files};
use super::super::crypt::{self, CryptState};
use super::super::error::{Action, StoreError};
use super::super::folder::{self, FolderKind};
use super::super::layout::{DRAFTS_DIR, Layout, QUARANTINE_DIR, SESSIONS_DIR};
use super::super::problem::Problem;
use super::drafts::check_drafts;
use super::peers::load_peers;
use super::scan::seal_plain_files;
use super::{Store, take_lock};

impl Store {
    /// Opens (creating if needed) the data folder at `dir` for reading and writing.
    ///
    /// Creates the layout (folders owner-only), takes the lock, removes leftover temporary
    /// files, loads the peers and the session index (rebuilding the index from the session
    /// files if it is missing, unreadable or out of date), and checks the drafts. Files that
    /// cannot be read are moved to `quarantine/` and reported in the returned problems;
    /// they never stop the store from opening.
    ///
    /// Fails with [`StoreError::Locked`] when another alongside has the folder open.
    pub fn open(dir: impl AsRef<Path>) -> Result<(Store, Vec<Problem>), StoreError> {
        Store::open_writable(dir.as_ref(), false)
    }

    /// [`Store::open`] for the app: when the index loads cleanly, the check of every
    /// session file against it (one metadata call per file) is left for
    /// [`Store::check_index`], which the app runs once its first frame is on screen.
    pub fn open_for_app(dir: impl AsRef<Path>) -> Result<(Store, Vec<Problem>), StoreError> {
        super::super::memory::suit_a_long_running_app();
        Store::open_writable(dir.as_ref(), true)
    }

    fn open_writable(root: &Path, defer_check: bool) -> Result<(Store, Vec<Problem>), StoreError> {
        let layout = Layout::new(root);
        let open_err = |e: io::Error| StoreError::from_io(Action::Open, e, root);
        let mut problems = Vec::new();

        // Nothing is created, moved or chmodded before the folder is known to be ours.
        let kind = folder::check_ours(root)?;
        if kind == FolderKind::Missing {
            create_private_dir(root).map_err(open_err)?;
        }
        folder::check_layout(&layout)?;
        let lock = take_lock(&layout)?;

        for sub in [SESSIONS_DIR, DRAFTS_DIR, QUARANTINE_DIR] {
            let path = layout.path(sub);
            create_private_dir(&path).map_err(|e| StoreError::from_io(Action::Open, e, &path))?;
        }
        if kind != FolderKind::Marked {
            folder::write_marker(root)?;
        }
        folder::secure_tree(&layout, true, &mut problems);
        // sessions/ can hold thousands of files: its leftovers are removed while it is
        // listed for the index, rather than listing it twice.
        for sub in ["", DRAFTS_DIR] {
            remove_stray_temp_files(&layout.path(sub)).map_err(open_err)?;
        }

        Store::load(layout, Some(lock), problems, defer_check)
    }

    /// Opens an existing data folder for reading only, without the lock, for command-line
    /// reads while the app may be running. It never creates, moves or rewrites anything:
    /// unreadable files are reported and left in place, and an out-of-date index is rebuilt
    /// in memory only. Safe alongside a running app because every write is an atomic rename.
    pub fn open_read_only(dir: impl AsRef<Path>) -> Result<(Store, Vec<Problem>), StoreError> {
        let layout = check_existing(dir.as_ref())?;
        let mut problems = Vec::new();
        folder::secure_tree(&layout, false, &mut problems);
        Store::load(layout, None, problems, false)
    }

    fn load(
        layout: Layout,
        lock: Option<fd_lock::RwLock<File>>,
        mut problems: Vec<Problem>,
        defer_check: bool,
    ) -> Result<(Store, Vec<Problem>), StoreError> {
        let writable = lock.is_some();
        let encrypted = check_unlocked(layout.root())?;
        if encrypted {
            seal_plain_files(&layout, writable, &mut problems);
        }
        let (peers, peers_newer) = load_peers(&layout, writable, &mut problems);
        check_drafts(&layout, writable, &mut problems);
        let mut store = Store {
            layout,
            lock,
            peers,
            peers_newer,
            index: VecDeque::new(),
            last_indexed: None,
            index_newer: false,
            search_known: HashMap::new(),
            search_all: OnceLock::new(),
            search_loader: Mutex::new(None),
            search_newer: AtomicBool::new(false),
            log_seqs: Vec::new(),
            log_next: 1,
            check_pending: false,
            late_problems: Mutex::new(Vec::new()),
            faults: Mutex::new(VecDeque::new()),
            encrypted,
        };
        store.reconcile_index(false, defer_check, &mut problems);
        Ok((store, problems))
    }
}

/// The checks before reading a data folder without the lock (nothing is created): it must
/// exist and be a folder, be ours, and have a sound layout. Shared by
/// [`Store::open_read_only`] and [`Store::read_session_only`].
pub(super) fn check_existing(root: &Path) -> Result<Layout, StoreError> {
    match fs::metadata(root) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(StoreError::NoDataDir {
                dir: root.to_path_buf(),
            });
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(StoreError::NoDataDir {
                dir: root.to_path_buf(),
            });
        }
        Err(e) => return Err(StoreError::from_io(Action::Open, e, root)),
    }
    folder::check_ours(root)?;
    let layout = Layout::new(root);
    folder::check_layout(&layout)?;
    Ok(layout)
}

/// True when `dir` does not exist yet, is empty, or is a data folder of ours (see
/// [`folder`]). Opening makes the folder owner-only and creates files in it, which must never
/// happen to a folder named by mistake (a home folder, a project).
pub(crate) fn is_data_folder_or_empty(dir: &Path) -> bool {
    folder::classify(dir).is_ok_and(FolderKind::is_ours_or_new)
}

/// Refuses an encrypted folder whose key is not unlocked, and one whose conversion was
/// interrupted, before anything in it is read.
/// True when the folder is encrypted (and unlocked).
pub(super) fn check_unlocked(root: &Path) -> Result<bool, StoreError> {
    match crypt::state(root).map_err(|e| StoreError::from_io(Action::Open, e, root))? {
        CryptState::Plain => Ok(false),
        CryptState::Encrypted if crypt::is_unlocked(root) => Ok(true),
        CryptState::Encrypted => Err(StoreError::NeedsPassphrase {
            dir: root.to_path_buf(),
        }),
        CryptState::Unfinished(direction) => Err(StoreError::ConversionUnfinished {
            dir: root.to_path_buf(),
            verb: crypt::verb(direction),
        }),
    }
}

/// The default data folder for this user, e.g. `~/.local/share/alongside` on Linux.
pub fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "alongside").map(|d| d.data_dir().to_path_buf())
}
