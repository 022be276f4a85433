//! Durable, all-or-nothing file writes and private directories.
//!
//! A write goes to a temporary file in the target's own directory (so the final rename never
//! crosses file systems), is flushed to disk, renamed over the target, and then the directory
//! itself is flushed so the rename survives a power cut. At every instant the target holds
//! either the old bytes or the new bytes, never a mix and never nothing.
//!
//! The steps can fail on purpose ([`Fault`]) so tests can prove that claim at each one.

use std::fs::{self, File};
use std::io;
use std::path::Path;

use super::fsio;
use super::layout::TEMP_PREFIX;

pub use super::fsio::FileStamp;

/// A failed durable write.
#[derive(Debug, thiserror::Error)]
#[error("{error}")]
pub struct WriteError {
    #[source]
    pub error: io::Error,
    /// Set when only the final directory flush failed: the target already holds the new
    /// bytes (with this stamp), though the rename might not survive a power cut.
    pub committed: Option<FileStamp>,
}

impl From<io::Error> for WriteError {
    fn from(error: io::Error) -> Self {
        WriteError {
            error,
            committed: None,
        }
    }
}

/// The steps of a durable write, in order.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Creating the temporary file next to the target.
    CreateTemp,
    /// Writing the bytes (a fault here writes half of them first, as a crash might).
    WriteData,
    /// Setting the temporary file to owner-only (0600).
    SetMode,
    /// Flushing the temporary file to disk.
    SyncFile,
    /// Renaming the temporary file over the target.
    Rename,
    /// Flushing the directory so the rename is on disk (the target already holds the new bytes).
    SyncDir,
}

impl Step {
    /// Every step, in the order a write takes them.
    pub const ALL: [Step; 6] = [
        Step::CreateTemp,
        Step::WriteData,
        Step::SetMode,
        Step::SyncFile,
        Step::Rename,
        Step::SyncDir,
    ];
}

/// A failure to inject at one step of a write, for tests.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fault {
    pub step: Step,
    /// The kind of error the step reports (e.g. `StorageFull`, `PermissionDenied`).
    pub kind: io::ErrorKind,
    /// Behave like the process died at this step: leave the temporary file on disk instead
    /// of cleaning it up, as a real crash would.
    pub crash: bool,
}

impl Fault {
    /// An ordinary error at `step`: the write reports it and cleans up its temporary file.
    pub fn error(step: Step, kind: io::ErrorKind) -> Fault {
        Fault {
            step,
            kind,
            crash: false,
        }
    }

    /// A simulated crash at `step`: the temporary file, if any, is left behind.
    pub fn crash(step: Step) -> Fault {
        Fault {
            step,
            kind: io::ErrorKind::Interrupted,
            crash: true,
        }
    }

    fn to_error(self) -> io::Error {
        io::Error::new(self.kind, format!("injected failure at {:?}", self.step))
    }
}

/// How a write is carried out.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteOptions {
    /// Flush the directory after the rename. Only bulk generation turns this off, and then
    /// flushes the directory once at the end.
    pub sync_dir: bool,
    pub fault: Option<Fault>,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            sync_dir: true,
            fault: None,
        }
    }
}

/// Replaces `path` with `bytes` durably: after it returns `Ok`, the new bytes survive a crash;
/// if it fails or the machine stops at any point, `path` holds its old bytes or the new ones.
/// The file is owner-only (0600).
pub fn write_durably(path: &Path, bytes: &[u8]) -> io::Result<FileStamp> {
    write_with(path, bytes, WriteOptions::default()).map_err(|e| e.error)
}

/// [`write_durably`] with test faults and the bulk option.
///
/// This is the one place where bytes are encrypted before they reach the disk: in a data
/// folder with encryption on, `bytes` are sealed to the folder's key first (and the write is
/// refused if that folder is not unlocked), so no caller can write note text in the clear by
/// mistake. See [`super::crypt`].
#[doc(hidden)]
pub fn write_with(path: &Path, bytes: &[u8], opts: WriteOptions) -> Result<FileStamp, WriteError> {
    match super::crypt::seal_for_write(path, bytes)? {
        Some(sealed) => write_raw_with(path, &sealed, opts),
        None => write_raw_with(path, bytes, opts),
    }
}

/// [`write_with`] without the encryption layer: writes `bytes` exactly as given. Only for
/// bytes that are already what belongs on disk (the key file, converting a whole folder).
/// Every step goes through the file layer ([`fsio`]).
#[doc(hidden)]
pub fn write_raw_with(
    path: &Path,
    bytes: &[u8],
    opts: WriteOptions,
) -> Result<FileStamp, WriteError> {
    let dir = parent_dir(path);
    let fault_at = |step: Step| opts.fault.filter(|f| f.step == step);

    if let Some(f) = fault_at(Step::CreateTemp) {
        return Err(f.to_error().into());
    }
    // Never write through a folder that is a link (a folder of ours swapped for one).
    refuse_link(dir)?;
    refuse_link_file(path)?;
    let tmp = dir.join(format!("{TEMP_PREFIX}{}", uuid::Uuid::new_v4().simple()));

    // From here on a `crash` fault keeps the temporary file, as a dead process would.
    let abandon = |f: Fault| -> io::Error {
        if !f.crash {
            let _ = fsio::remove_file(&tmp);
        }
        f.to_error()
    };

    if let Some(f) = fault_at(Step::WriteData) {
        let half = bytes.get(..bytes.len() / 2).unwrap_or_default();
        let _ = fsio::write_new(&tmp, half);
        return Err(abandon(f).into());
    }
    if let Err(e) = fsio::write_new(&tmp, bytes) {
        let _ = fsio::remove_file(&tmp);
        return Err(e.into());
    }
    let step = |s: Step, run: &dyn Fn() -> io::Result<()>| -> io::Result<()> {
        if let Some(f) = fault_at(s) {
            return Err(abandon(f));
        }
        run().inspect_err(|_| {
            let _ = fsio::remove_file(&tmp);
        })
    };
    // The new file is created owner-only (0600) by the file layer.
    step(Step::SetMode, &|| Ok(()))?;
    step(Step::SyncFile, &|| fsio::sync_file(&tmp))?;
    step(Step::Rename, &|| fsio::rename(&tmp, path))?;
    // The rename is the commit point: from here on the target holds the new bytes.
    let stamp = FileStamp::of(&fs::symlink_metadata(path)?);
    let committed = |error: io::Error| WriteError {
        error,
        committed: Some(stamp),
    };

    if let Some(f) = fault_at(Step::SyncDir) {
        return Err(committed(f.to_error()));
    }
    if opts.sync_dir {
        sync_dir(dir).map_err(committed)?;
    }
    Ok(stamp)
}

/// Fails with [`fsio::link_error`] when `dir` is a symbolic link.
fn refuse_link(dir: &Path) -> io::Result<()> {
    match fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => Err(fsio::link_error(dir)),
        _ => Ok(()),
    }
}

/// Fails when `path` is a link: it is reported, never silently replaced.
fn refuse_link_file(path: &Path) -> io::Result<()> {
    refuse_link(path)
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Flushes a directory's entries (creations, renames, removals) to disk.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    fsio::sync_dir(dir)
}

/// Makes an open file owner-read/write only (0600).
pub fn set_private_file_mode(file: &File) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(fs::Permissions::from_mode(0o600))
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        Ok(())
    }
}

/// Creates `dir` (and missing parents) as owner-only (0700), flushing each parent so the new
/// folder survives a power cut. An existing folder is left as it is (see [`tighten_dir`]);
/// a link where the folder should be is refused, never followed.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    match fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => Err(fsio::link_error(dir)),
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} is a file where alongside keeps a folder; move it away",
                dir.display()
            ),
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let parent = parent_dir(dir);
            if !parent.exists() {
                create_private_dir(parent)?;
            }
            match fsio::create_dir(dir) {
                Ok(()) => sync_dir(parent),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => create_private_dir(dir),
                Err(e) => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

/// Makes an existing directory owner-only (0700), whatever it was created with. A link is
/// refused, never followed (changing its mode would change its target's).
pub fn tighten_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = fs::symlink_metadata(dir)?;
        if meta.file_type().is_symlink() {
            return Err(fsio::link_error(dir));
        }
        let mode = meta.permissions().mode() & 0o7777;
        if mode != 0o700 {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Opens (creating if needed) a file for the lock, owner-only, never through a link.
pub(crate) fn open_private(path: &Path) -> io::Result<File> {
    let mut o = fs::OpenOptions::new();
    o.read(true).write(true).create(true).truncate(false);
    fsio::no_follow(&mut o, 0o600);
    o.open(path).map_err(|e| {
        if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            fsio::link_error(path)
        } else {
            e
        }
    })
}

/// Removes the store's leftover temporary files from `dir`; returns how many. They were never
/// renamed into place, so they hold no saved data.
pub(crate) fn remove_stray_temp_files(dir: &Path) -> io::Result<usize> {
    let mut removed = 0;
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        if super::layout::is_temp_file_name(&entry.file_name())
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            fsio::remove_file(&entry.path())?;
            removed += 1;
        }
    }
    if removed > 0 {
        sync_dir(dir)?;
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_names(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .expect("list")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(TEMP_PREFIX))
            .collect()
    }

    #[test]
    fn a_write_replaces_the_file_and_leaves_no_temp() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("a.json");
        write_durably(&path, b"old").expect("write");
        let stamp = write_durably(&path, b"newer").expect("write");
        assert_eq!(fs::read(&path).expect("read"), b"newer");
        assert_eq!(stamp.len, 5);
        assert_eq!(stamp, FileStamp::of(&fs::metadata(&path).expect("meta")));
        assert!(temp_names(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn files_are_0600_and_dirs_0700_even_with_a_loose_existing_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("a.json");
        fs::write(&path, b"x").expect("write");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
        write_durably(&path, b"y").expect("write");
        let mode = fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);

        let sub = dir.path().join("x/y");
        create_private_dir(&sub).expect("mkdir");
        let mode = fs::metadata(&sub).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
        fs::set_permissions(&sub, fs::Permissions::from_mode(0o755)).expect("chmod");
        tighten_dir(&sub).expect("tighten");
        let mode = fs::metadata(&sub).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
    }

    #[test]
    fn an_error_fault_cleans_up_and_a_crash_fault_leaves_a_temp_file() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("a.json");
        write_durably(&path, b"old").expect("write");
        let opts = |fault| WriteOptions {
            sync_dir: true,
            fault: Some(fault),
        };
        let err = write_with(
            &path,
            b"new",
            opts(Fault::error(Step::SyncFile, io::ErrorKind::StorageFull)),
        )
        .expect_err("fails");
        assert_eq!(err.error.kind(), io::ErrorKind::StorageFull);
        assert!(err.committed.is_none());
        assert!(temp_names(dir.path()).is_empty());

        write_with(&path, b"new", opts(Fault::crash(Step::SyncFile))).expect_err("fails");
        assert_eq!(temp_names(dir.path()).len(), 1);
        assert_eq!(fs::read(&path).expect("read"), b"old");
        assert_eq!(remove_stray_temp_files(dir.path()).expect("clean"), 1);
        assert!(temp_names(dir.path()).is_empty());
    }
}
