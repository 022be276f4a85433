//! Encryption at rest: one layer inside the shared write and decode helpers.
//!
//! # How it fits
//!
//! Every durable write goes through [`super::atomic::write_with`], and every versioned file
//! is decoded by [`super::schema::decode`]. Those two functions call [`seal_for_write`] and
//! [`open_sealed`]; nothing else in the store (or in code added later) needs to know whether
//! a folder is encrypted. So every kind of file, including ones added after this module, is
//! covered without its author doing anything, as long as it is written with the `atomic`
//! helpers and read with the `read`/`schema` helpers.
//!
//! # Keys
//!
//! A passphrase costs about a second of scrypt by design, so it is used once per unlock, on
//! one small file: `alongside.key` holds a random X25519 identity, encrypted to the
//! passphrase (age's scrypt recipient). Data files are encrypted to that identity's public
//! key (age's X25519 recipient), which costs microseconds per file. Changing the passphrase
//! re-wraps only the key file. No cryptography is done here by hand: sealing and opening are
//! the `age` crate's.
//!
//! Unlocking puts the identity in a process-wide table keyed by the data folder, so the
//! write helper can find the key for any path under that folder. Writing under a folder
//! that has a key file but is not unlocked fails: nothing is ever written in the clear to an
//! encrypted folder.
//!
//! # On disk
//!
//! ```text
//! DATA/
//!   alongside.key     age file (scrypt recipient) holding {"schema_version":1,"identity":"AGE-SECRET-KEY-1..."}
//!   alongside.crypt   present only while `encrypt` or `decrypt` is under way:
//!                     {"schema_version":1,"migrating":"encrypt"|"decrypt"}
//!   every other file  the same name as when plain; its bytes are an age file (binary, starting
//!                     `age-encryption.org/v1`) whose plaintext is exactly the plain file
//! ```
//!
//! File names stay the same (ids only), so listings, the index and quarantine work the same
//! on both kinds of folder. A file is recognised as encrypted by its first bytes, which JSON
//! can never start with.

mod convert;
pub mod migrate;

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};

use age::secrecy::{ExposeSecret, SecretString};
use age::x25519;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::reason::Reason;
use crate::domain::secret::Passphrase;

/// The passphrase-wrapped identity.
pub const KEY_FILE: &str = "alongside.key";
/// Present only while an `encrypt`, `decrypt` or `rekey` is under way (or was interrupted).
pub const STATE_FILE: &str = "alongside.crypt";
/// The new data key while a `rekey` is under way, under the new passphrase.
pub const NEW_KEY_FILE: &str = "alongside.key.new";

/// Every age file starts with this.
const MAGIC: &[u8] = b"age-encryption.org/";

/// The version of the key file's inner JSON and of the state file.
const KEY_VERSION: u64 = 1;

/// The largest scrypt work factor (log2 N) a key file may ask for: 2^22 is about 4 GiB and
/// several seconds, far above the one second age aims for when making a key (2^18 to 2^20
/// on current machines). Without a fixed ceiling, age accepts only up to 16 times what this
/// machine manages in a second right now, so a key made on a fast machine, or opened while
/// this one is busy, was refused as damaged.
const MAX_WORK_FACTOR: u8 = 22;

/// How many folder levels above a file are checked for a key file when no key is unlocked
/// for it (files live at most a couple of levels below the data folder).
const ANCESTOR_LEVELS: usize = 3;

/// True when `bytes` are an age file rather than plain JSON.
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// Which way a conversion of the whole folder goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Encrypt,
    Decrypt,
    /// A new data key replacing the old one (`rekey`, `passphrase --rotate`).
    Rekey,
}

/// Whether a data folder is encrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CryptState {
    /// No key file: files are plain JSON.
    Plain,
    /// A key file and no conversion under way: every file is encrypted.
    Encrypted,
    /// `encrypt` or `decrypt` was started and has not finished: files may be of both kinds.
    /// Running the same command again finishes it.
    Unfinished(Direction),
}

#[derive(Debug, Serialize, Deserialize)]
struct StateFile {
    schema_version: u64,
    migrating: Direction,
}

/// What the folder's key and state files say. Reads two small files at most.
pub fn state(dir: &Path) -> io::Result<CryptState> {
    match fs::read(dir.join(STATE_FILE)) {
        Ok(bytes) => {
            let direction = serde_json::from_slice::<StateFile>(&bytes)
                .map(|s| s.migrating)
                // A state file cut short by a crash: the key file says which way it went,
                // since `encrypt` writes the state before the key and `decrypt` removes the
                // key before the state.
                .unwrap_or(if dir.join(KEY_FILE).exists() {
                    Direction::Encrypt
                } else {
                    Direction::Decrypt
                });
            return Ok(CryptState::Unfinished(direction));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    match fs::symlink_metadata(dir.join(KEY_FILE)) {
        Ok(_) => Ok(CryptState::Encrypted),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(CryptState::Plain),
        Err(e) => Err(e),
    }
}

/// Everything that can go wrong with keys and passphrases. Messages never hold a passphrase
/// or any file content.
#[derive(Debug, thiserror::Error)]
pub enum CryptError {
    #[error(
        "that passphrase does not open this data folder. Check it and try again; nothing was changed."
    )]
    WrongPassphrase,
    #[error("the passphrase is empty; choose one you can remember (a few words is good)")]
    EmptyPassphrase,
    #[error("the two passphrases differ; nothing was changed. Type the same one twice.")]
    Mismatch,
    #[error(
        "the key file {KEY_FILE} is damaged or not an alongside key file; nothing was changed. Restore it from a backup."
    )]
    KeyFileDamaged,
    #[error("the key file {KEY_FILE} is missing, so this folder is not encrypted")]
    NoKeyFile,
    #[error("{} is already encrypted; use `alongside passphrase` to change the passphrase", dir.display())]
    AlreadyEncrypted { dir: PathBuf },
    #[error("{} is not encrypted; nothing to do", dir.display())]
    NotEncrypted { dir: PathBuf },
    #[error(
        "an interrupted `alongside {}` left {} partly converted; run `alongside {}` again to finish it (nothing was lost)",
        verb(*direction), dir.display(), verb(*direction)
    )]
    Unfinished { dir: PathBuf, direction: Direction },
    #[error(
        "{file} did not read back the same after conversion; it was left as it was. Check the disk and run the command again."
    )]
    VerifyFailed { file: String },
    #[error(
        "{file} could not be converted: {reason}. It was left as it was; move it away or restore it, then run the command again."
    )]
    Unconvertible { file: String, reason: Reason },
    #[error(
        "{} is a symbolic link (or not a regular file); alongside never follows links inside its data folder, so it was not converted and the command did not finish. Replace it with the real file, then run the command again.", path.display()
    )]
    NotAFile { path: PathBuf },
    #[error(
        "{count} file(s) were still not converted after the run (first: {first}); nothing was lost. Run the command again."
    )]
    Unconverted { count: usize, first: String },
    #[error("could not {doing}: {source}")]
    Io {
        doing: &'static str,
        #[source]
        source: io::Error,
    },
    #[error(transparent)]
    Store(#[from] super::StoreError),
    /// A test asked the conversion to stop at a given step.
    #[error("stopped on purpose (test) at {0}")]
    Injected(&'static str),
}

/// The command that finishes an interrupted conversion in this direction.
pub fn verb(d: Direction) -> &'static str {
    match d {
        Direction::Encrypt => "encrypt",
        Direction::Decrypt => "decrypt",
        Direction::Rekey => "rekey",
    }
}

pub(crate) fn io_err(doing: &'static str) -> impl FnOnce(io::Error) -> CryptError {
    move |source| CryptError::Io { doing, source }
}

/// An unlocked data key: the X25519 identity and its public recipient. The identity's secret
/// is wiped from memory when dropped (x25519-dalek zeroizes on drop).
pub struct DataKey {
    identity: x25519::Identity,
    recipient: x25519::Recipient,
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey([hidden])")
    }
}

impl DataKey {
    pub(crate) fn generate() -> DataKey {
        let identity = x25519::Identity::generate();
        let recipient = identity.to_public();
        DataKey {
            identity,
            recipient,
        }
    }

    /// Encrypts `plain` to this key.
    pub(crate) fn seal(&self, plain: &[u8]) -> io::Result<Vec<u8>> {
        age::encrypt(&self.recipient, plain).map_err(|_| io::Error::other("could not encrypt"))
    }

    /// Decrypts a file of this folder, for tests that look at what is on disk.
    #[doc(hidden)]
    pub fn open_for_test(&self, sealed: &[u8]) -> Result<Vec<u8>, Reason> {
        self.open(sealed).map(|p| p.to_vec())
    }

    /// Decrypts an age file made by [`DataKey::seal`].
    pub(crate) fn open(&self, sealed: &[u8]) -> Result<Zeroizing<Vec<u8>>, Reason> {
        open_with(sealed, &[&self.identity])
    }
}

/// Decrypts with whichever of `identities` fits. Every failure is [`Reason::Damaged`] except
/// "none fits", which is reported as damaged too: the caller only asks when it holds the
/// folder's key, so a file that key cannot open was changed or came from elsewhere.
fn open_with(
    sealed: &[u8],
    identities: &[&x25519::Identity],
) -> Result<Zeroizing<Vec<u8>>, Reason> {
    let decryptor = age::Decryptor::new_buffered(sealed).map_err(|_| Reason::Damaged)?;
    let mut reader = decryptor
        .decrypt(identities.iter().map(|i| *i as &dyn age::Identity))
        .map_err(|_| Reason::Damaged)?;
    let mut plain = Zeroizing::new(Vec::with_capacity(sealed.len()));
    reader
        .read_to_end(&mut plain)
        .map_err(|_| Reason::Damaged)?;
    Ok(plain)
}

// ----- the key file -----

#[derive(Serialize, Deserialize)]
struct KeyBody {
    schema_version: u64,
    identity: String,
}

impl Drop for KeyBody {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.identity);
    }
}

fn secret(p: &Passphrase) -> SecretString {
    SecretString::from(p.expose().to_string())
}

/// The bytes of a key file holding `key`, wrapped under `passphrase`. `work_factor` is
/// scrypt's log2(N); `None` lets age pick about one second on this machine.
pub(crate) fn wrap_key(
    key: &DataKey,
    passphrase: &Passphrase,
    work_factor: Option<u8>,
) -> Result<Vec<u8>, CryptError> {
    if passphrase.is_empty() {
        return Err(CryptError::EmptyPassphrase);
    }
    let body = KeyBody {
        schema_version: KEY_VERSION,
        identity: key.identity.to_string().expose_secret().to_string(),
    };
    let plain = Zeroizing::new(
        serde_json::to_vec(&body).map_err(|e| io_err("encode the key")(io::Error::other(e)))?,
    );
    let mut recipient = age::scrypt::Recipient::new(secret(passphrase));
    if let Some(n) = work_factor.filter(|n| (1..64).contains(n)) {
        recipient.set_work_factor(n);
    }
    age::encrypt(&recipient, &plain)
        .map_err(|_| io_err("encrypt the key")(io::Error::other("age could not encrypt")))
}

/// Opens key-file bytes with `passphrase`.
pub(crate) fn unwrap_key(bytes: &[u8], passphrase: &Passphrase) -> Result<DataKey, CryptError> {
    if !is_sealed(bytes) {
        return Err(CryptError::KeyFileDamaged);
    }
    let mut identity = age::scrypt::Identity::new(secret(passphrase));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let plain = match age::decrypt(&identity, bytes) {
        Ok(p) => Zeroizing::new(p),
        Err(
            age::DecryptError::DecryptionFailed
            | age::DecryptError::KeyDecryptionFailed
            | age::DecryptError::NoMatchingKeys,
        ) => return Err(CryptError::WrongPassphrase),
        Err(_) => return Err(CryptError::KeyFileDamaged),
    };
    let body: KeyBody = serde_json::from_slice(&plain).map_err(|_| CryptError::KeyFileDamaged)?;
    if body.schema_version != KEY_VERSION {
        return Err(CryptError::KeyFileDamaged);
    }
    let identity: x25519::Identity = body
        .identity
        .parse()
        .map_err(|_| CryptError::KeyFileDamaged)?;
    let recipient = identity.to_public();
    Ok(DataKey {
        identity,
        recipient,
    })
}

/// Reads the folder's key file and opens it with `passphrase`. Changes nothing anywhere.
pub fn read_key(dir: &Path, passphrase: &Passphrase) -> Result<DataKey, CryptError> {
    let bytes = match fs::read(dir.join(KEY_FILE)) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(CryptError::NoKeyFile),
        Err(e) => return Err(io_err("read the key file")(e)),
    };
    unwrap_key(&bytes, passphrase)
}

// ----- unlocked keys, per data folder -----

struct Unlocked {
    root: PathBuf,
    canonical: Option<PathBuf>,
    key: Arc<DataKey>,
}

static UNLOCKED: RwLock<Vec<Unlocked>> = RwLock::new(Vec::new());

/// Opens `dir`'s key with `passphrase` and keeps it for this process, so the store can read
/// and write that folder. A wrong passphrase changes nothing.
pub fn unlock(dir: &Path, passphrase: &Passphrase) -> Result<(), CryptError> {
    let key = read_key(dir, passphrase)?;
    register(dir, key);
    Ok(())
}

/// Keeps an already opened key for `dir` (replacing any earlier one).
pub(crate) fn register(dir: &Path, key: DataKey) {
    let mut table = UNLOCKED.write().unwrap_or_else(PoisonError::into_inner);
    table.retain(|u| u.root != dir);
    table.push(Unlocked {
        root: dir.to_path_buf(),
        canonical: fs::canonicalize(dir).ok(),
        key: Arc::new(key),
    });
}

/// Forgets `dir`'s key (the process can no longer read or write that folder).
pub fn forget(dir: &Path) {
    UNLOCKED
        .write()
        .unwrap_or_else(PoisonError::into_inner)
        .retain(|u| u.root != dir && u.canonical.as_deref() != Some(dir));
}

/// True when `dir`'s key is unlocked in this process.
pub fn is_unlocked(dir: &Path) -> bool {
    key_for(&dir.join(KEY_FILE)).is_some()
}

/// Checks `passphrase` against `dir`'s key file without changing what is unlocked: for
/// unlocking the screen after an idle lock. Costs one key derivation.
pub fn check_passphrase(dir: &Path, passphrase: &Passphrase) -> Result<(), CryptError> {
    read_key(dir, passphrase).map(|_| ())
}

/// The unlocked key of the data folder that holds `path`, if any.
fn key_for(path: &Path) -> Option<Arc<DataKey>> {
    let table = UNLOCKED.read().unwrap_or_else(PoisonError::into_inner);
    if table.is_empty() {
        return None;
    }
    let direct = table.iter().find(|u| {
        path.starts_with(&u.root) || u.canonical.as_ref().is_some_and(|c| path.starts_with(c))
    });
    if let Some(u) = direct {
        return Some(Arc::clone(&u.key));
    }
    // The same folder spelled another way (relative, through a link): compare real paths.
    let real_parent = path.parent().and_then(|p| fs::canonicalize(p).ok())?;
    table
        .iter()
        .find(|u| {
            u.canonical
                .as_ref()
                .is_some_and(|c| real_parent.starts_with(c))
        })
        .map(|u| Arc::clone(&u.key))
}

/// True when a folder at or a few levels above `path` has a key or state file, i.e. the file
/// belongs to an encrypted (or converting) data folder.
fn in_encrypted_folder(path: &Path) -> bool {
    path.ancestors()
        .skip(1)
        .take(ANCESTOR_LEVELS)
        .any(|dir| dir.join(KEY_FILE).exists() || dir.join(STATE_FILE).exists())
}

/// What the durable write helper actually writes for `plain` at `path`: sealed bytes when
/// `path` is in an unlocked encrypted folder, `None` (write `plain` as is) in a plain folder,
/// and an error in an encrypted folder that is not unlocked, so nothing readable lands there.
pub(crate) fn seal_for_write(path: &Path, plain: &[u8]) -> io::Result<Option<Vec<u8>>> {
    if let Some(key) = key_for(path) {
        return key.seal(plain).map(Some);
    }
    if in_encrypted_folder(path) {
        return Err(io::Error::other(
            "the data folder is encrypted and not unlocked, so nothing was written",
        ));
    }
    Ok(None)
}

/// Decrypts the bytes of an encrypted file for decoding, with the key of the folder it was
/// read from (or, when the path is not known, any unlocked key). [`Reason::Locked`] when no
/// key is unlocked at all (the file is fine, just not readable now); [`Reason::Damaged`] when
/// the key does not open it (changed, cut short, or from another folder).
pub(crate) fn open_sealed(
    path: Option<&Path>,
    sealed: &[u8],
) -> Result<Zeroizing<Vec<u8>>, Reason> {
    if let Some(key) = path.and_then(key_for) {
        return key.open(sealed);
    }
    let table = UNLOCKED.read().unwrap_or_else(PoisonError::into_inner);
    if table.is_empty() {
        return Err(Reason::Locked);
    }
    let ids: Vec<&x25519::Identity> = table.iter().map(|u| &u.key.identity).collect();
    open_with(sealed, &ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAST: Option<u8> = Some(4);

    #[test]
    fn a_key_wraps_and_unwraps_and_a_wrong_passphrase_is_told_apart() {
        let key = DataKey::generate();
        let wrapped = wrap_key(&key, &Passphrase::from("open sesame"), FAST).expect("wrap");
        assert!(is_sealed(&wrapped));
        let back = unwrap_key(&wrapped, &Passphrase::from("open sesame")).expect("unwrap");
        let sealed = key.seal(b"{\"a\":1}").expect("seal");
        assert_eq!(&back.open(&sealed).expect("open")[..], b"{\"a\":1}");
        assert!(matches!(
            unwrap_key(&wrapped, &Passphrase::from("open sesamE")),
            Err(CryptError::WrongPassphrase)
        ));
        assert!(matches!(
            unwrap_key(b"{\"not\":\"age\"}", &Passphrase::from("x")),
            Err(CryptError::KeyFileDamaged)
        ));
        assert!(matches!(
            wrap_key(&key, &Passphrase::from(""), FAST),
            Err(CryptError::EmptyPassphrase)
        ));
    }

    #[test]
    fn damaged_ciphertext_is_damaged_not_a_panic() {
        let key = DataKey::generate();
        let sealed = key.seal(&[7u8; 300]).expect("seal");
        for cut in [0, 10, 40, sealed.len() / 2, sealed.len() - 1] {
            assert!(matches!(key.open(&sealed[..cut]), Err(Reason::Damaged)));
        }
        let mut flipped = sealed.clone();
        let last = flipped.len() - 5;
        flipped[last] ^= 1;
        assert!(matches!(key.open(&flipped), Err(Reason::Damaged)));
        let other = DataKey::generate();
        assert!(matches!(other.open(&sealed), Err(Reason::Damaged)));
    }

    #[test]
    fn writes_under_an_unlocked_folder_are_sealed_and_a_locked_one_refuses() {
        let dir = tempfile::tempdir().expect("dir");
        let root = dir.path().join("data");
        fs::create_dir_all(root.join("sessions")).expect("mkdir");
        let file = root.join("sessions").join("x.json");
        assert!(seal_for_write(&file, b"{}").expect("plain").is_none());

        let key = DataKey::generate();
        fs::write(
            root.join(KEY_FILE),
            wrap_key(&key, &Passphrase::from("p"), FAST).expect("wrap"),
        )
        .expect("key");
        assert!(
            seal_for_write(&file, b"{}").is_err(),
            "locked folder must refuse"
        );

        unlock(&root, &Passphrase::from("p")).expect("unlock");
        assert!(is_unlocked(&root));
        let sealed = seal_for_write(&file, b"{}").expect("seal").expect("sealed");
        assert!(is_sealed(&sealed));
        assert_eq!(&open_sealed(Some(&file), &sealed).expect("open")[..], b"{}");
        forget(&root);
        assert!(!is_unlocked(&root));
        assert!(seal_for_write(&file, b"{}").is_err());
    }

    #[test]
    fn state_follows_the_key_and_state_files() {
        let dir = tempfile::tempdir().expect("dir");
        assert_eq!(state(dir.path()).expect("state"), CryptState::Plain);
        fs::write(dir.path().join(KEY_FILE), b"x").expect("key");
        assert_eq!(state(dir.path()).expect("state"), CryptState::Encrypted);
        fs::write(
            dir.path().join(STATE_FILE),
            b"{\"schema_version\":1,\"migrating\":\"decrypt\"}",
        )
        .expect("state");
        assert_eq!(
            state(dir.path()).expect("state"),
            CryptState::Unfinished(Direction::Decrypt)
        );
        fs::write(dir.path().join(STATE_FILE), b"{\"sch").expect("cut");
        assert_eq!(
            state(dir.path()).expect("state"),
            CryptState::Unfinished(Direction::Encrypt)
        );
    }
}
