//! The file layer: the only place the store changes anything on disk.
//!
//! Every durable write, flush, rename, removal and folder creation of the store goes through
//! a [`FileLayer`]. The real one ([`Disk`]) calls the operating system, never following a
//! symbolic link at the final part of a path. Tests can put another layer in front of one
//! data folder ([`install`]) to record every step and replay what a power cut would leave
//! behind (see `tests/storage_power_loss.rs`).
//!
//! This module sits below everything else in `storage`: it knows nothing of sealing, schemas
//! or the index.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

/// Size, modification time and inode of a file when it was last written or read, so the
/// index can tell which session files changed without reading them. Every save replaces a
/// file by renaming a new one over it, so the inode changes even when size and time (which
/// some file systems keep in coarse steps) do not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FileStamp {
    pub len: u64,
    /// Nanoseconds since the Unix epoch; 0 when the file system does not say.
    pub mtime_ns: u64,
    /// The inode number on Unix; 0 elsewhere.
    #[serde(default)]
    pub ino: u64,
}

impl FileStamp {
    /// The stamp of a file's metadata.
    pub fn of(meta: &fs::Metadata) -> FileStamp {
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map(|d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
            .unwrap_or(0);
        #[cfg(unix)]
        let ino = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let ino = 0;
        FileStamp {
            len: meta.len(),
            mtime_ns,
            ino,
        }
    }
}

/// The steps a store takes on disk. Paths are absolute or relative to the working folder,
/// exactly as the store built them.
pub trait FileLayer: Send + Sync {
    /// Creates a new file (never replacing or following anything already there), owner-only,
    /// holding `bytes`. Not flushed.
    fn write_new(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;
    /// Flushes a file's bytes to disk.
    fn sync_file(&self, path: &Path) -> io::Result<()>;
    /// Renames `from` over `to` (a link at `to` is replaced, never followed).
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Flushes a folder's entries (creations, renames, removals) to disk.
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
    /// Removes a file (or a link, never its target).
    fn remove_file(&self, path: &Path) -> io::Result<()>;
    /// Creates one folder, owner-only. Its parent must exist.
    fn create_dir(&self, path: &Path) -> io::Result<()>;
}

/// The real disk.
#[derive(Debug, Default, Clone, Copy)]
pub struct Disk;

impl FileLayer for Disk {
    fn write_new(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut o = OpenOptions::new();
        o.write(true).create_new(true);
        no_follow(&mut o, 0o600);
        let mut f = o.open(path)?;
        // Set explicitly: the mode given at creation is filtered by the umask.
        set_mode(&f, 0o600)?;
        f.write_all(bytes)
    }

    fn sync_file(&self, path: &Path) -> io::Result<()> {
        let mut o = OpenOptions::new();
        o.read(true);
        no_follow(&mut o, 0o600);
        o.open(path)?.sync_all()
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        #[cfg(unix)]
        {
            File::open(dir)?.sync_all()
        }
        #[cfg(not(unix))]
        {
            // Other systems cannot open a directory as a file; their renames are journaled.
            let _ = dir;
            Ok(())
        }
    }

    fn remove_file(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }

    fn create_dir(&self, path: &Path) -> io::Result<()> {
        let mut b = fs::DirBuilder::new();
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            b.mode(0o700);
        }
        b.create(path)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(path, fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
}

/// Adds "do not follow a link at the last part of the path" (and the creation mode) to `o`.
pub(crate) fn no_follow(o: &mut OpenOptions, mode: u32) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NOFOLLOW).mode(mode);
    }
    #[cfg(not(unix))]
    {
        let _ = (o, mode);
    }
}

/// Opens a file for reading without following a link; a link gives [`is_link_error`].
pub(crate) fn open_no_follow(path: &Path) -> io::Result<File> {
    let mut o = OpenOptions::new();
    o.read(true);
    no_follow(&mut o, 0o600);
    o.open(path)
        .map_err(|e| if is_loop(&e) { link_error(path) } else { e })
}

fn is_loop(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// Marks an error as "a link where a file or folder of ours should be".
pub(crate) const LINK_MESSAGE: &str =
    "is a symbolic link; alongside never follows links inside its data folder";

/// The error for a link met where a file or folder of ours should be. The message names the
/// path (a place chosen by the app or the person's `--data-dir`, never note text).
pub fn link_error(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "{} {LINK_MESSAGE}; replace it with the real file or folder",
            path.display()
        ),
    )
}

/// True for an error made by [`link_error`].
pub fn is_link_error(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::InvalidInput && e.to_string().contains(LINK_MESSAGE)
}

fn set_mode(f: &File, mode: u32) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(fs::Permissions::from_mode(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = (f, mode);
        Ok(())
    }
}

// ----- which layer a path goes through -----

struct Installed {
    root: PathBuf,
    layer: Arc<dyn FileLayer>,
}

static LAYERS: RwLock<Vec<Installed>> = RwLock::new(Vec::new());

/// Puts `layer` in front of every change under `root` until the returned guard is dropped.
/// For tests; every other folder keeps using the real disk.
#[doc(hidden)]
pub fn install(root: &Path, layer: Arc<dyn FileLayer>) -> LayerGuard {
    LAYERS
        .write()
        .unwrap_or_else(PoisonError::into_inner)
        .push(Installed {
            root: root.to_path_buf(),
            layer,
        });
    LayerGuard {
        root: root.to_path_buf(),
    }
}

/// Removes an installed layer when dropped.
#[doc(hidden)]
#[must_use]
pub struct LayerGuard {
    root: PathBuf,
}

impl Drop for LayerGuard {
    fn drop(&mut self) {
        LAYERS
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .retain(|i| i.root != self.root);
    }
}

/// The layer for changes at `path`.
pub(crate) fn layer_for(path: &Path) -> Arc<dyn FileLayer> {
    let table = LAYERS.read().unwrap_or_else(PoisonError::into_inner);
    table
        .iter()
        .find(|i| path.starts_with(&i.root))
        .map(|i| Arc::clone(&i.layer))
        .unwrap_or_else(|| Arc::new(Disk))
}

// ----- the operations, each through the layer for its path -----

pub(crate) fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    layer_for(path).write_new(path, bytes)
}

pub(crate) fn sync_file(path: &Path) -> io::Result<()> {
    layer_for(path).sync_file(path)
}

pub(crate) fn rename(from: &Path, to: &Path) -> io::Result<()> {
    layer_for(to).rename(from, to)
}

pub(crate) fn sync_dir(dir: &Path) -> io::Result<()> {
    layer_for(dir).sync_dir(dir)
}

pub(crate) fn remove_file(path: &Path) -> io::Result<()> {
    layer_for(path).remove_file(path)
}

pub(crate) fn create_dir(path: &Path) -> io::Result<()> {
    layer_for(path).create_dir(path)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn reads_and_new_files_never_follow_a_link() {
        let dir = tempfile::tempdir().expect("dir");
        let outside = dir.path().join("outside");
        fs::write(&outside, b"theirs").expect("write");
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&outside, &link).expect("link");
        let err = open_no_follow(&link).expect_err("a link");
        assert!(is_link_error(&err), "{err}");
        assert!(err.to_string().contains("link.json"));
        assert!(Disk.write_new(&link, b"ours").is_err());
        assert_eq!(fs::read(&outside).expect("read"), b"theirs");
    }
}
