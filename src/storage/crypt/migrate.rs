//! Turning encryption on or off for a whole data folder, and changing the passphrase.
//!
//! # States, so an interrupted run loses nothing
//!
//! `encrypt`:
//! 1. write `alongside.crypt` = "encrypt" (from now on the app refuses to open the folder
//!    until the conversion finishes);
//! 2. write `alongside.key` (a new identity under the passphrase);
//! 3. for every other file `F`: write the sealed bytes beside it as
//!    `.alongside-tmp-conv-F` (flushed), read that back and check it opens to exactly the
//!    bytes of `F`, and only then rename it over `F`. Files go in batches: the copies of a
//!    batch are written and checked on many threads, then renamed (on many threads too),
//!    then each folder is flushed once. At every instant `F` holds either its plain bytes
//!    or verified sealed bytes;
//! 4. remove `alongside.crypt`.
//!
//! `decrypt` is the mirror image: state "decrypt", each file opened beside, checked and
//! renamed over, then the key file removed, then the state file.
//!
//! Running either command again after a crash at any point finishes the job: files already
//! converted are recognised by their first bytes and checked, leftovers beside them are
//! removed (their originals are intact), and the key file is reused if it was written.
//! The data folder's lock is held throughout, so the app cannot run meanwhile.

use std::fs;
use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

use zeroize::Zeroizing;

use super::super::atomic::{WriteOptions, sync_dir, write_raw_with};
use super::super::fsio;
use super::super::layout::Layout;
use super::super::reason::Reason;
use super::super::store::take_lock;
use super::convert::{convert_all, data_files};
use super::{
    CryptError, CryptState, DataKey, Direction, KEY_FILE, KEY_VERSION, NEW_KEY_FILE, STATE_FILE,
    StateFile, forget, io_err, is_sealed, read_key, register, state, unwrap_key, wrap_key,
};
use crate::domain::secret::Passphrase;

/// A step at which a test can stop a conversion, as a crash would.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The state file is written; nothing else.
    AfterState,
    /// The key file is written (encrypt) or removed (decrypt).
    AfterKey,
    /// The n-th file's converted copy is written beside it.
    Beside(usize),
    /// The n-th file's copy has been read back and checked.
    Verified(usize),
    /// The n-th file has been replaced.
    Replaced(usize),
    /// Every file is converted; the state file is still there.
    BeforeFinish,
}

/// How a conversion runs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// scrypt's log2(N) for a new key file; `None` lets age pick about a second on this
    /// machine. Tests use small values.
    pub work_factor: Option<u8>,
    #[doc(hidden)]
    pub stop: Option<Stop>,
}

/// What a conversion did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Report {
    /// Files converted by this run.
    pub converted: usize,
    /// Files found already converted (by an interrupted earlier run) and checked.
    pub already: usize,
    /// Time spent deriving the key from the passphrase (scrypt, about a second on purpose,
    /// paid once per run whatever the number of files), so it can be told apart from the
    /// time the files took.
    pub passphrase_time: Duration,
}

impl Options {
    pub(super) fn check(&self, at: Stop) -> Result<(), CryptError> {
        if self.stop == Some(at) {
            return Err(CryptError::Injected(match at {
                Stop::AfterState => "after the state file",
                Stop::AfterKey => "after the key file",
                Stop::Beside(_) => "after writing a copy beside a file",
                Stop::Verified(_) => "after checking a copy",
                Stop::Replaced(_) => "after replacing a file",
                Stop::BeforeFinish => "before removing the state file",
            }));
        }
        Ok(())
    }
}

/// True when `encrypt` on `dir` will make a new key (and so needs a new passphrase, asked
/// twice), false when it will finish an interrupted run with the key already there.
pub fn encrypt_needs_new_key(dir: &Path) -> bool {
    !dir.join(KEY_FILE).exists()
}

/// Encrypts every file in the data folder `dir`. With a new key, `passphrase` becomes the
/// folder's passphrase; when finishing an interrupted run, it must be the one chosen then.
pub fn encrypt(dir: &Path, passphrase: &Passphrase, opts: Options) -> Result<Report, CryptError> {
    let layout = Layout::new(dir);
    ensure_dir(dir)?;
    let lock = take_lock(&layout)?;
    // A link or other non-file stops the run before anything is written.
    data_files(dir)?;
    match state(dir).map_err(io_err("read the data folder"))? {
        // Readable files in an encrypted folder (copied in, restored from a backup) are
        // finished like an interrupted run; only a folder with none is "already encrypted".
        CryptState::Encrypted if plain_files(dir)?.is_empty() => {
            return Err(CryptError::AlreadyEncrypted {
                dir: dir.to_path_buf(),
            });
        }
        CryptState::Unfinished(Direction::Rekey) => {
            return Err(CryptError::Unfinished {
                dir: dir.to_path_buf(),
                direction: Direction::Rekey,
            });
        }
        CryptState::Encrypted | CryptState::Plain | CryptState::Unfinished(_) => {}
    }
    // A wrong passphrase for an existing key is found before anything is written.
    let deriving = Instant::now();
    let existing = if encrypt_needs_new_key(dir) {
        None
    } else {
        Some(read_key(dir, passphrase)?)
    };
    let mut passphrase_time = deriving.elapsed();
    write_state(dir, Direction::Encrypt)?;
    opts.check(Stop::AfterState)?;
    let key = match existing {
        Some(k) => k,
        None => {
            let key = DataKey::generate();
            let deriving = Instant::now();
            let wrapped = wrap_key(&key, passphrase, opts.work_factor)?;
            passphrase_time += deriving.elapsed();
            write_raw(&dir.join(KEY_FILE), &wrapped).map_err(io_err("write the key file"))?;
            key
        }
    };
    opts.check(Stop::AfterKey)?;

    let mut report = convert_all(
        dir,
        &opts,
        |rel, bytes| {
            if is_sealed(bytes) {
                // Converted by an earlier run: check it opens, and leave it.
                key.open(bytes)
                    .map(|_| None)
                    .map_err(|reason| CryptError::Unconvertible {
                        file: rel.to_string(),
                        reason,
                    })
            } else {
                let sealed = key.seal(bytes).map_err(io_err("encrypt a file"))?;
                Ok(Some(Zeroizing::new(sealed)))
            }
        },
        |back, original, _| key.open(back).ok().as_deref().map(|v| &v[..]) == Some(original),
    )?;
    // Never report success while anything of ours is still readable.
    check_all(dir, is_sealed)?;

    opts.check(Stop::BeforeFinish)?;
    remove_durably(&dir.join(STATE_FILE)).map_err(io_err("remove the state file"))?;
    drop(lock);
    register(dir, key);
    refresh_index(dir);
    report.passphrase_time = passphrase_time;
    Ok(report)
}

/// Decrypts every file in `dir` and removes the key file: the folder becomes plain JSON.
pub fn decrypt(dir: &Path, passphrase: &Passphrase, opts: Options) -> Result<Report, CryptError> {
    let layout = Layout::new(dir);
    ensure_dir(dir)?;
    let lock = take_lock(&layout)?;
    // A link or other non-file stops the run before anything is written.
    data_files(dir)?;
    match state(dir).map_err(io_err("read the data folder"))? {
        CryptState::Plain => {
            return Err(CryptError::NotEncrypted {
                dir: dir.to_path_buf(),
            });
        }
        CryptState::Unfinished(Direction::Rekey) => {
            return Err(CryptError::Unfinished {
                dir: dir.to_path_buf(),
                direction: Direction::Rekey,
            });
        }
        CryptState::Encrypted | CryptState::Unfinished(_) => {}
    }
    // Without a key file, an interrupted decrypt had already opened every file.
    let deriving = Instant::now();
    let key = if dir.join(KEY_FILE).exists() {
        Some(read_key(dir, passphrase)?)
    } else {
        None
    };
    let passphrase_time = deriving.elapsed();
    write_state(dir, Direction::Decrypt)?;
    opts.check(Stop::AfterState)?;

    let mut report = convert_all(
        dir,
        &opts,
        |rel, bytes| {
            if !is_sealed(bytes) {
                return Ok(None);
            }
            let Some(key) = &key else {
                return Err(CryptError::NoKeyFile);
            };
            key.open(bytes)
                .map(Some)
                .map_err(|reason| CryptError::Unconvertible {
                    file: rel.to_string(),
                    reason,
                })
        },
        // What was written is what the key opened the original to (age checks every byte
        // of it), so the copy is right when it reads back the same: no second decryption.
        |back, _, written| back == written,
    )?;
    check_all(dir, |bytes| !is_sealed(bytes))?;

    // The key goes before the state file: a folder with a key file and no state file is
    // taken to be fully encrypted.
    remove_durably(&dir.join(KEY_FILE)).map_err(io_err("remove the key file"))?;
    opts.check(Stop::AfterKey)?;
    opts.check(Stop::BeforeFinish)?;
    remove_durably(&dir.join(STATE_FILE)).map_err(io_err("remove the state file"))?;
    drop(lock);
    forget(dir);
    refresh_index(dir);
    report.passphrase_time = passphrase_time;
    Ok(report)
}

/// Re-wraps the folder's key under `new`; no data file is touched. The key file is replaced
/// in one atomic write and read back with the new passphrase before this returns.
pub fn change_passphrase(
    dir: &Path,
    old: &Passphrase,
    new: &Passphrase,
    opts: Options,
) -> Result<(), CryptError> {
    let layout = Layout::new(dir);
    ensure_dir(dir)?;
    let _lock = take_lock(&layout)?;
    match state(dir).map_err(io_err("read the data folder"))? {
        CryptState::Encrypted => {}
        CryptState::Plain => {
            return Err(CryptError::NotEncrypted {
                dir: dir.to_path_buf(),
            });
        }
        CryptState::Unfinished(direction) => {
            return Err(CryptError::Unfinished {
                dir: dir.to_path_buf(),
                direction,
            });
        }
    }
    let key = read_key(dir, old)?;
    let wrapped = wrap_key(&key, new, opts.work_factor)?;
    let path = dir.join(KEY_FILE);
    write_raw(&path, &wrapped).map_err(io_err("write the key file"))?;
    let back = fs::read(&path).map_err(io_err("read the key file back"))?;
    unwrap_key(&back, new).map(|_| ())
}

/// Replaces the folder's data key with a new one and re-encrypts every file to it, with the
/// same interruption-safe steps as [`encrypt`]; the new key is wrapped under `new` (which may
/// equal `old`). Afterwards an old copy of `alongside.key`, with any passphrase, opens
/// nothing in the folder.
///
/// 1. write `alongside.crypt` = "rekey";
/// 2. write `alongside.key.new` (the new key under `new`);
/// 3. every file: opened with the old key, sealed to the new one beside it, read back and
///    checked, renamed over (a file already sealed to the new key is only checked);
/// 4. check every file opens with the new key;
/// 5. rename `alongside.key.new` over `alongside.key`; 6. remove `alongside.crypt`.
///
/// Run again after an interruption, with the same passphrases, it finishes the job.
pub fn rekey(
    dir: &Path,
    old: &Passphrase,
    new: &Passphrase,
    opts: Options,
) -> Result<Report, CryptError> {
    let layout = Layout::new(dir);
    ensure_dir(dir)?;
    let lock = take_lock(&layout)?;
    // A link or other non-file stops the run before anything is written.
    data_files(dir)?;
    let resuming = match state(dir).map_err(io_err("read the data folder"))? {
        CryptState::Encrypted => false,
        CryptState::Unfinished(Direction::Rekey) => true,
        CryptState::Plain => {
            return Err(CryptError::NotEncrypted {
                dir: dir.to_path_buf(),
            });
        }
        CryptState::Unfinished(direction) => {
            return Err(CryptError::Unfinished {
                dir: dir.to_path_buf(),
                direction,
            });
        }
    };
    if new.is_empty() {
        return Err(CryptError::EmptyPassphrase);
    }
    let new_path = dir.join(NEW_KEY_FILE);
    let mut olds: Vec<DataKey> = Vec::new();
    let mut new_key: Option<DataKey> = None;
    let deriving = Instant::now();
    if resuming && new_path.exists() {
        olds.push(read_key(dir, old)?);
        let bytes = fs::read(&new_path).map_err(io_err("read the new key file"))?;
        new_key = Some(unwrap_key(&bytes, new)?);
    } else {
        match read_key(dir, old) {
            Ok(k) => olds.push(k),
            // Interrupted after the new key replaced the old one: only the last steps are left.
            Err(CryptError::WrongPassphrase) if resuming => new_key = Some(read_key(dir, new)?),
            Err(e) => return Err(e),
        }
    }
    let mut passphrase_time = deriving.elapsed();
    if !resuming {
        write_state(dir, Direction::Rekey)?;
    }
    opts.check(Stop::AfterState)?;
    let key = match new_key {
        Some(k) => k,
        None => {
            let key = DataKey::generate();
            let deriving = Instant::now();
            let wrapped = wrap_key(&key, new, opts.work_factor)?;
            passphrase_time += deriving.elapsed();
            write_raw(&new_path, &wrapped).map_err(io_err("write the new key file"))?;
            key
        }
    };
    opts.check(Stop::AfterKey)?;
    let open_old = |bytes: &[u8]| olds.iter().find_map(|k| k.open(bytes).ok());

    let mut report = convert_all(
        dir,
        &opts,
        |rel, bytes| {
            if key.open(bytes).is_ok() {
                return Ok(None);
            }
            let unconvertible = |reason| CryptError::Unconvertible {
                file: rel.to_string(),
                reason,
            };
            if !is_sealed(bytes) {
                // A readable file: sealing it now is what the folder promises anyway.
                let sealed = key.seal(bytes).map_err(io_err("encrypt a file"))?;
                return Ok(Some(Zeroizing::new(sealed)));
            }
            let plain = open_old(bytes).ok_or_else(|| unconvertible(Reason::Damaged))?;
            let sealed = key.seal(&plain).map_err(io_err("encrypt a file"))?;
            Ok(Some(Zeroizing::new(sealed)))
        },
        |converted, original, _| {
            let plain = if is_sealed(original) {
                open_old(original)
            } else {
                Some(Zeroizing::new(original.to_vec()))
            };
            match (key.open(converted).ok(), plain) {
                (Some(a), Some(b)) => a[..] == b[..],
                _ => false,
            }
        },
    )?;
    check_all(dir, |bytes| key.open(bytes).is_ok())?;

    if new_path.exists() {
        fsio::rename(&new_path, &dir.join(KEY_FILE)).map_err(io_err("replace the key file"))?;
        sync_dir(dir).map_err(io_err("flush the data folder"))?;
    }
    opts.check(Stop::BeforeFinish)?;
    remove_durably(&dir.join(STATE_FILE)).map_err(io_err("remove the state file"))?;
    drop(lock);
    register(dir, key);
    refresh_index(dir);
    report.passphrase_time = passphrase_time;
    Ok(report)
}

/// The data files of `dir` that are not encrypted (places relative to `dir`).
pub fn plain_files(dir: &Path) -> Result<Vec<String>, CryptError> {
    let mut out = Vec::new();
    for (path, rel) in data_files(dir)? {
        let bytes = Zeroizing::new(fs::read(&path).map_err(io_err("read a data file"))?);
        if !is_sealed(&bytes) {
            out.push(rel);
        }
    }
    Ok(out)
}

/// Fails unless every data file passes `done`: the last check before a conversion reports
/// success.
fn check_all(dir: &Path, done: impl Fn(&[u8]) -> bool) -> Result<(), CryptError> {
    let mut left = Vec::new();
    for (path, rel) in data_files(dir)? {
        let bytes = Zeroizing::new(fs::read(&path).map_err(io_err("read a data file"))?);
        if !done(&bytes) {
            left.push(rel);
        }
    }
    match left.first() {
        None => Ok(()),
        Some(first) => Err(CryptError::Unconverted {
            count: left.len(),
            first: first.clone(),
        }),
    }
}

fn ensure_dir(dir: &Path) -> Result<(), CryptError> {
    // Converting rewrites every file below `dir`: never do that to a folder named by mistake.
    if dir.is_dir() && !super::super::store::is_data_folder_or_empty(dir) {
        return Err(CryptError::Store(super::super::StoreError::NotDataFolder {
            dir: dir.to_path_buf(),
        }));
    }
    if dir.is_dir() {
        Ok(())
    } else {
        Err(CryptError::Store(super::super::StoreError::NoDataDir {
            dir: dir.to_path_buf(),
        }))
    }
}

fn write_state(dir: &Path, migrating: Direction) -> Result<(), CryptError> {
    let bytes = serde_json::to_vec(&StateFile {
        schema_version: KEY_VERSION,
        migrating,
    })
    .map_err(|e| io_err("encode the state file")(io::Error::other(e)))?;
    write_raw(&dir.join(STATE_FILE), &bytes).map_err(io_err("write the state file"))
}

fn write_raw(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_raw_with(path, bytes, WriteOptions::default())
        .map(|_| ())
        .map_err(|e| e.error)
}

fn remove_durably(path: &Path) -> io::Result<()> {
    match fsio::remove_file(path) {
        Ok(()) => sync_dir(path.parent().unwrap_or(Path::new("."))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// Opens the store once so the index is rewritten for the converted files (their sizes and
/// times changed). Best effort: the next open would do the same.
fn refresh_index(dir: &Path) {
    let _ = super::super::Store::open(dir);
}
