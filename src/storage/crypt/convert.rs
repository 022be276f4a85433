//! Converting every file of a data folder, for `encrypt`, `decrypt` and `rekey`: in
//! batches, on many threads, with one folder flush per batch.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use zeroize::Zeroizing;

use super::super::atomic::sync_dir;
use super::super::folder::CONTROL_FILES;
use super::super::fsio;
use super::super::layout::{TEMP_PREFIX, is_temp_file_name};
use super::migrate::{Options, Report, Stop};
use super::{CryptError, io_err};

/// Files converted per batch: their copies are written and checked on many threads, then
/// renamed, then each folder is flushed once for the whole batch. At most this many
/// leftover copies can be found after an interruption.
const BATCH: usize = 1024;
/// Threads writing and checking copies, and renaming them. Most of a file's time is the wait
/// for its flush to reach the disk, and the file system commits the flushes that wait
/// together in one go, so many waiting threads finish far more files a second than a few
/// (measured on a 2-core machine with ext4: about 1.3 ms a file with 4 threads, 0.2 ms with
/// 16 to 32), while the sealing itself is spread over every core. Renaming over a file frees
/// the old one's blocks, which ext4 makes each caller wait for (about 3 ms a file one at a
/// time on a busy disk, a third of that on 16 threads).
const WORKERS: usize = 32;

/// Checked copies of one batch, waiting to be renamed over their files: (file number, copy,
/// file).
type Checked<'a> = Vec<(usize, PathBuf, &'a Path)>;

/// Converts every data file: `convert` gives the new bytes (or `None` to leave the file as
/// it is), `verify(back, original, written)` says whether the copy read back from disk is
/// right (`written` is what `convert` gave, so a check can lean on work it already did).
///
/// Per batch: every copy is written beside its file (flushed), read back and checked; only
/// then are they renamed over their files (on many threads), and each folder flushed once.
/// At every instant a file holds either its old bytes or checked new ones, and leftover
/// copies are temporary files a rerun removes, so an interruption anywhere loses nothing.
pub(super) fn convert_all(
    dir: &Path,
    opts: &Options,
    convert: impl Fn(&str, &[u8]) -> Result<Option<Zeroizing<Vec<u8>>>, CryptError> + Sync,
    verify: impl Fn(&[u8], &[u8], &[u8]) -> bool + Sync,
) -> Result<Report, CryptError> {
    let mut report = Report::default();
    let files = data_files(dir)?;
    for (b, batch) in files.chunks(BATCH).enumerate() {
        let base = b * BATCH;
        let prepared = in_parallel(batch, |(path, rel)| {
            prepare_copy(dir, path, rel, &convert, &verify)
        });
        let mut checked: Checked = Vec::new();
        for (i, outcome) in prepared.into_iter().enumerate() {
            let n = base + i;
            match outcome? {
                None => report.already += 1,
                Some(beside) => {
                    opts.check(Stop::Beside(n))?;
                    opts.check(Stop::Verified(n))?;
                    checked.push((n, beside, &batch[i].0));
                }
            }
        }
        report.converted += finish(opts, replace(dir, checked)?)?;
    }
    Ok(report)
}

/// Renames a batch's checked copies over their files, on many threads (the order does not
/// matter: each file holds old or checked new bytes whichever goes first), then flushes each
/// folder once. Returns the numbers of the files replaced.
fn replace(dir: &Path, checked: Checked) -> Result<Vec<usize>, CryptError> {
    if checked.is_empty() {
        return Ok(Vec::new());
    }
    let renamed = in_parallel(&checked, |(_, beside, path)| fsio::rename(beside, path));
    let mut parents: Vec<&Path> = Vec::new();
    for (_, _, path) in &checked {
        let parent = path.parent().unwrap_or(dir);
        if !parents.contains(&parent) {
            parents.push(parent);
        }
    }
    // Flushed even when a rename failed: the ones that went through stay put.
    for parent in parents {
        sync_dir(parent).map_err(io_err("flush the data folder"))?;
    }
    renamed
        .into_iter()
        .collect::<io::Result<()>>()
        .map_err(io_err("replace a data file"))?;
    Ok(checked.into_iter().map(|(n, _, _)| n).collect())
}

/// Counts the replaced files, stopping where a test asked to.
fn finish(opts: &Options, replaced: Vec<usize>) -> Result<usize, CryptError> {
    for n in &replaced {
        opts.check(Stop::Replaced(*n))?;
    }
    Ok(replaced.len())
}

/// Writes the converted copy of one file beside it and checks it; `None` when the file
/// needs no conversion.
fn prepare_copy(
    dir: &Path,
    path: &Path,
    rel: &str,
    convert: &(impl Fn(&str, &[u8]) -> Result<Option<Zeroizing<Vec<u8>>>, CryptError> + Sync),
    verify: &(impl Fn(&[u8], &[u8], &[u8]) -> bool + Sync),
) -> Result<Option<PathBuf>, CryptError> {
    let original = Zeroizing::new(fs::read(path).map_err(io_err("read a data file"))?);
    let Some(converted) = convert(rel, &original)? else {
        return Ok(None);
    };
    let parent = path.parent().unwrap_or(dir);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let beside = parent.join(format!("{TEMP_PREFIX}conv-{name}"));
    write_beside(&beside, &converted).map_err(io_err("write a converted copy"))?;
    let back = Zeroizing::new(fs::read(&beside).map_err(io_err("read a converted copy"))?);
    if !verify(&back, &original, &converted) {
        let _ = fsio::remove_file(&beside);
        return Err(CryptError::VerifyFailed {
            file: rel.to_string(),
        });
    }
    Ok(Some(beside))
}

/// `f` over `items` on up to [`WORKERS`] threads (this one included), each taking the next
/// item not yet taken; results in order. Items a thread could not finish (it could not be
/// started, or panicked) are done again on this one: every `f` here can safely be repeated.
fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    if items.len() < 8 {
        return items.iter().map(&f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            done.push((i, f(item)));
        }
        done
    };
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..WORKERS.min(items.len()))
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, work).ok())
            .collect();
        let mut finished = work();
        for helper in helpers {
            if let Ok(done) = helper.join() {
                finished.extend(done);
            }
        }
        for (i, r) in finished {
            slots[i] = Some(r);
        }
    });
    slots
        .into_iter()
        .zip(items)
        .map(|(slot, item)| slot.unwrap_or_else(|| f(item)))
        .collect()
}

/// Writes a new file (owner-only) and flushes it, through the file layer.
fn write_beside(path: &Path, bytes: &[u8]) -> io::Result<()> {
    match fsio::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    fsio::write_new(path, bytes)?;
    fsio::sync_file(path)
}

/// Every data file under `dir` (sorted, with its place relative to `dir`): everything in the
/// folder except the lock, marker, key and state files, so file kinds added later are
/// converted too. Leftover temporary files are removed on the way: they were never renamed
/// into place, so their originals are intact. A link or any other non-file is refused by
/// path, never followed or skipped: a conversion never reports success around it.
pub(super) fn data_files(dir: &Path) -> Result<Vec<(PathBuf, String)>, CryptError> {
    let mut out = Vec::new();
    let mut stack = vec![(dir.to_path_buf(), String::new())];
    while let Some((folder, prefix)) = stack.pop() {
        let mut removed = false;
        let entries = fs::read_dir(&folder).map_err(io_err("list the data folder"))?;
        for entry in entries {
            let entry = entry.map_err(io_err("list the data folder"))?;
            let name = entry.file_name();
            let kind = entry.file_type().map_err(io_err("list the data folder"))?;
            let rel = format!("{prefix}{}", name.to_string_lossy());
            if kind.is_dir() {
                stack.push((entry.path(), format!("{rel}/")));
            } else if !kind.is_file() {
                return Err(CryptError::NotAFile { path: entry.path() });
            } else if is_temp_file_name(&name) {
                fsio::remove_file(&entry.path()).map_err(io_err("remove a leftover file"))?;
                removed = true;
            } else if prefix.is_empty() && CONTROL_FILES.contains(&rel.as_str()) {
                continue;
            } else {
                out.push((entry.path(), rel));
            }
        }
        if removed {
            sync_dir(&folder).map_err(io_err("flush the data folder"))?;
        }
    }
    out.sort();
    Ok(out)
}
