//! Reading one versioned file from disk. Pure with respect to the folder: reading never
//! moves or changes anything; the caller decides whether to quarantine.

use std::io::{self, Read};
use std::path::Path;

use uuid::Uuid;

use super::atomic::FileStamp;
use super::error::{Action, StoreError};
use super::schema::{Decoded, Reason, SessionFile, Versioned, decode};
use crate::domain::Session;

/// What reading a file gave.
#[derive(Debug)]
pub(crate) enum Loaded<T> {
    Missing,
    Found {
        value: T,
        stamp: FileStamp,
        /// Set when the file was an older version, upgraded in memory.
        migrated_from: Option<u64>,
    },
    Newer {
        found: u64,
    },
    Unreadable(Reason),
}

impl<T> Loaded<T> {
    /// The value read for a caller that reports a problem as an error: `Ok(None)` when the
    /// file is missing, and an error naming `rel` (the file within the folder) when it is of
    /// a newer version or cannot be read.
    pub(crate) fn into_result(self, rel: String) -> Result<Option<T>, StoreError> {
        match self {
            Loaded::Found { value, .. } => Ok(Some(value)),
            Loaded::Missing => Ok(None),
            Loaded::Newer { found } => Err(StoreError::NewerVersion {
                action: Action::Read,
                file: rel,
                found,
            }),
            Loaded::Unreadable(reason) => Err(StoreError::Unreadable { file: rel, reason }),
        }
    }
}

/// Reads and decodes the file at `path`.
pub(crate) fn load<T: Versioned>(path: &Path) -> Loaded<T> {
    let (bytes, stamp) = match read_with_stamp(path) {
        Ok(v) => v,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Loaded::Missing,
        Err(e) if super::fsio::is_link_error(&e) => return Loaded::Unreadable(Reason::Link),
        Err(e) => return Loaded::Unreadable(Reason::Io { kind: e.kind() }),
    };
    // Opened here with the key of the folder `path` is in; `decode` opens any other
    // encrypted bytes it is given with whatever key is unlocked.
    let opened;
    let bytes: &[u8] = if super::crypt::is_sealed(&bytes) {
        match super::crypt::open_sealed(Some(path), &bytes) {
            Ok(plain) => {
                opened = plain;
                &opened
            }
            Err(reason) => return Loaded::Unreadable(reason),
        }
    } else {
        &bytes
    };
    match decode::<T>(bytes) {
        Decoded::Current(value) => Loaded::Found {
            value,
            stamp,
            migrated_from: None,
        },
        Decoded::Migrated { from, value } => Loaded::Found {
            value,
            stamp,
            migrated_from: Some(from),
        },
        Decoded::Newer { found } => Loaded::Newer { found },
        Decoded::Unreadable(r) => Loaded::Unreadable(r),
    }
}

/// A file's bytes (opened when it was sealed) and its stamp.
pub(crate) type Bytes = (zeroize::Zeroizing<Vec<u8>>, FileStamp);

/// The bytes of the file at `path` (opened when sealed) and its stamp; `None` when there is
/// none. For files that are not JSON (the index snapshot).
pub(crate) fn load_bytes(path: &Path) -> Result<Option<Bytes>, Reason> {
    let (bytes, stamp) = match read_with_stamp(path) {
        Ok(v) => v,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) if super::fsio::is_link_error(&e) => return Err(Reason::Link),
        Err(e) => return Err(Reason::Io { kind: e.kind() }),
    };
    if super::crypt::is_sealed(&bytes) {
        return super::crypt::open_sealed(Some(path), &bytes).map(|plain| Some((plain, stamp)));
    }
    Ok(Some((zeroize::Zeroizing::new(bytes), stamp)))
}

/// Reads a session or draft file and checks that the note inside has the id of its name.
pub(crate) fn load_session(path: &Path, id: Uuid) -> Loaded<Session> {
    match load::<SessionFile>(path) {
        Loaded::Found { value, .. } if value.session.id != id => {
            Loaded::Unreadable(Reason::IdMismatch)
        }
        Loaded::Found {
            value,
            stamp,
            migrated_from,
        } => Loaded::Found {
            value: value.session,
            stamp,
            migrated_from,
        },
        Loaded::Missing => Loaded::Missing,
        Loaded::Newer { found } => Loaded::Newer { found },
        Loaded::Unreadable(r) => Loaded::Unreadable(r),
    }
}

/// The bytes and the stamp of the same open file, so they describe the same version even
/// if the file is replaced meanwhile.
fn read_with_stamp(path: &Path) -> io::Result<(Vec<u8>, FileStamp)> {
    let mut f = super::fsio::open_no_follow(path)?;
    let meta = f.metadata()?;
    if meta.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory",
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    f.read_to_end(&mut bytes)?;
    Ok((bytes, FileStamp::of(&meta)))
}

/// Decodes session-file bytes as the store would, for tests that feed arbitrary input.
#[doc(hidden)]
pub fn decode_session_bytes(bytes: &[u8]) -> Result<Session, String> {
    match decode::<SessionFile>(bytes) {
        Decoded::Current(f) | Decoded::Migrated { value: f, .. } => Ok(f.session),
        Decoded::Newer { found } => Err(format!("newer version {found}")),
        Decoded::Unreadable(r) => Err(r.to_string()),
    }
}

/// Decodes peers-file bytes as the store would, for tests that feed arbitrary input.
#[doc(hidden)]
pub fn decode_peers_bytes(bytes: &[u8]) -> Result<usize, String> {
    match decode::<super::schema::PeersFile>(bytes) {
        Decoded::Current(f) | Decoded::Migrated { value: f, .. } => Ok(f.peers.len()),
        Decoded::Newer { found } => Err(format!("newer version {found}")),
        Decoded::Unreadable(r) => Err(r.to_string()),
    }
}

/// Decodes index-file bytes as the store would, for tests that feed arbitrary input.
#[doc(hidden)]
pub fn decode_index_bytes(bytes: &[u8]) -> Result<usize, String> {
    match decode::<super::schema::IndexFile>(bytes) {
        Decoded::Current(f) | Decoded::Migrated { value: f, .. } => Ok(f.sessions.len()),
        Decoded::Newer { found } => Err(format!("newer version {found}")),
        Decoded::Unreadable(r) => Err(r.to_string()),
    }
}
