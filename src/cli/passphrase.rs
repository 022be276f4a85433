//! Where a passphrase comes from: a file descriptor (`--passphrase-fd N`), the environment
//! (`ALONGSIDE_PASSPHRASE`), or a prompt on the terminal that does not echo. It is never
//! printed, logged or put in an error message.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, bail};

use crate::domain::secret::Passphrase;
use crate::storage::crypt::{self, CryptError, CryptState};

/// The environment variable scripts can use instead of a prompt.
pub const ENV_VAR: &str = "ALONGSIDE_PASSPHRASE";

/// How many times a prompt asks again after a wrong passphrase.
const TRIES: usize = 3;

/// A passphrase given without a prompt: read from `fd` when set (first line, without its line
/// ending), else from [`ENV_VAR`]. `None` when neither is given.
pub fn given(fd: Option<u32>) -> anyhow::Result<Option<Passphrase>> {
    if let Some(fd) = fd {
        return Ok(fd_lines(fd)?
            .into_iter()
            .next()
            .or(Some(Passphrase::default())));
    }
    Ok(std::env::var(ENV_VAR).ok().map(Passphrase::new))
}

/// The most a passphrase descriptor may hold, in bytes (two passphrases and line ends).
const FD_MAX_BYTES: usize = 4096;

/// Every line of file descriptor `fd`, without line endings.
///
/// Read into one fixed buffer that is wiped when done (no buffered reader, no growing
/// vector), so no copy of a passphrase is left in freed memory.
pub fn fd_lines(fd: u32) -> anyhow::Result<Vec<Passphrase>> {
    let failed = || format!("could not read the passphrase from file descriptor {fd}");
    // /dev/fd/N opens the descriptor the caller passed without unsafe code.
    let mut file = std::fs::File::open(format!("/dev/fd/{fd}")).with_context(failed)?;
    let mut buf = zeroize::Zeroizing::new([0u8; FD_MAX_BYTES]);
    let mut len = 0;
    loop {
        let Some(rest) = buf.get_mut(len..).filter(|r| !r.is_empty()) else {
            // Full: anything more means the input is too long.
            let mut probe = [0u8; 1];
            if file.read(&mut probe).with_context(failed)? > 0 {
                bail!(
                    "file descriptor {fd} holds more than {FD_MAX_BYTES} bytes; give only the passphrase"
                );
            }
            break;
        };
        match file.read(rest) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e).with_context(failed),
        }
    }
    let text = std::str::from_utf8(buf.get(..len).unwrap_or_default())
        .context("the passphrase from the file descriptor is not valid UTF-8")?;
    Ok(text
        .lines()
        .map(|l| Passphrase::new(l.trim_end_matches('\r').to_string()))
        .collect())
}

/// Asks on the terminal without echo.
pub fn prompt(label: &str) -> anyhow::Result<Passphrase> {
    rpassword::prompt_password(label)
        .map(Passphrase::new)
        .context("could not read a passphrase from the terminal; pass --passphrase-fd N or set ALONGSIDE_PASSPHRASE")
}

/// Asks for a new passphrase twice (or takes the given one once) and checks it is usable.
pub fn new_passphrase(fd: Option<u32>, what: &str) -> anyhow::Result<Passphrase> {
    if let Some(p) = given(fd)? {
        if p.is_empty() {
            return Err(CryptError::EmptyPassphrase.into());
        }
        return Ok(p);
    }
    let first = prompt(&format!("{what}: "))?;
    if first.is_empty() {
        return Err(CryptError::EmptyPassphrase.into());
    }
    let again = prompt("Type it again: ")?;
    if first != again {
        return Err(CryptError::Mismatch.into());
    }
    Ok(first)
}

/// Asks for the existing passphrase until `check` accepts it (a few tries on a terminal, one
/// when it was given by descriptor or environment). Returns the accepted passphrase.
pub fn existing_passphrase<T>(
    fd: Option<u32>,
    label: &str,
    mut check: impl FnMut(&Passphrase) -> Result<T, CryptError>,
) -> anyhow::Result<(Passphrase, T)> {
    if let Some(p) = given(fd)? {
        let from = if fd.is_some() {
            "the passphrase from --passphrase-fd"
        } else {
            "the passphrase in ALONGSIDE_PASSPHRASE"
        };
        return match check(&p) {
            Ok(v) => Ok((p, v)),
            Err(CryptError::WrongPassphrase) => {
                bail!("{from} does not open this data folder; nothing was changed")
            }
            Err(e) => Err(e.into()),
        };
    }
    for attempt in 1..=TRIES {
        let p = prompt(label)?;
        match check(&p) {
            Ok(v) => return Ok((p, v)),
            Err(CryptError::WrongPassphrase) if attempt < TRIES => {
                eprintln!("That passphrase does not open this data folder. Try again.");
            }
            Err(e) => return Err(e.into()),
        }
    }
    Err(CryptError::WrongPassphrase.into())
}

/// Makes `dir` readable by this process when it is encrypted: unlocks it with the given or
/// prompted passphrase. Does nothing for a plain folder or one already unlocked.
pub fn unlock_if_needed(dir: &Path, fd: Option<u32>) -> anyhow::Result<()> {
    if !dir.is_dir() || crypt::is_unlocked(dir) {
        return Ok(());
    }
    match crypt::state(dir).context("could not read the data folder")? {
        CryptState::Encrypted => {
            existing_passphrase(fd, "Passphrase for the data folder: ", |p| {
                crypt::unlock(dir, p)
            })?;
            Ok(())
        }
        // Opening reports an unfinished conversion with what to do.
        CryptState::Plain | CryptState::Unfinished(_) => Ok(()),
    }
}
