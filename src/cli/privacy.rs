//! `alongside encrypt | decrypt | passphrase`: turning encryption at rest on and off, and
//! changing the passphrase.

use std::io::Write;
use std::path::Path;

use crate::storage::crypt::migrate::{self, Options};
use crate::storage::crypt::{self, CryptState, Direction};

use super::passphrase;

/// Encrypts every file in the data folder (or finishes an interrupted run).
pub fn encrypt(dir: &Path, fd: Option<u32>, out: &mut dyn Write) -> anyhow::Result<()> {
    ensure_folder(dir)?;
    let report = if migrate::encrypt_needs_new_key(dir) {
        writeln!(
            out,
            "Choose a passphrase for {}. Without it the notes cannot be read: there is no way to recover them, so keep it somewhere safe.",
            dir.display()
        )?;
        let p = passphrase::new_passphrase(fd, "New passphrase")?;
        writeln!(out, "Encrypting (this takes a second to derive the key)...")?;
        migrate::encrypt(dir, &p, Options::default())?
    } else {
        if crypt::state(dir)? == CryptState::Encrypted {
            let plain = migrate::plain_files(dir)?;
            if plain.is_empty() {
                return Err(crypt::CryptError::AlreadyEncrypted {
                    dir: dir.to_path_buf(),
                }
                .into());
            }
            writeln!(
                out,
                "{} readable file(s) found in the encrypted folder (first: {}); encrypting them.",
                plain.len(),
                plain[0]
            )?;
        } else {
            writeln!(out, "Finishing the encryption started earlier.")?;
        }
        let (_, report) = passphrase::existing_passphrase(fd, "Passphrase: ", |p| {
            migrate::encrypt(dir, p, Options::default())
        })?;
        report
    };
    writeln!(
        out,
        "Encrypted {} file(s){}. Every file was read back and checked before its plain copy was removed.",
        report.converted,
        already(report.already)
    )?;
    Ok(())
}

/// Decrypts every file in the data folder and removes the key.
pub fn decrypt(dir: &Path, fd: Option<u32>, out: &mut dyn Write) -> anyhow::Result<()> {
    ensure_folder(dir)?;
    let needs_key = dir.join(crypt::KEY_FILE).exists();
    let report = if needs_key {
        let (_, report) = passphrase::existing_passphrase(fd, "Passphrase: ", |p| {
            migrate::decrypt(dir, p, Options::default())
        })?;
        report
    } else if crypt::state(dir)? == CryptState::Unfinished(Direction::Decrypt) {
        migrate::decrypt(dir, &Default::default(), Options::default())?
    } else {
        anyhow::bail!("{} is not encrypted; nothing to do", dir.display());
    };
    writeln!(
        out,
        "Decrypted {} file(s){}. The notes in {} are now stored as readable files.",
        report.converted,
        already(report.already),
        dir.display()
    )?;
    Ok(())
}

/// Changes the passphrase: only the key file is rewritten, unless `rotate` asks for a new
/// data key with every file re-encrypted.
pub fn change(
    dir: &Path,
    fd: Option<u32>,
    rotate: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    ensure_folder(dir)?;
    if crypt::state(dir)? == CryptState::Plain {
        anyhow::bail!(
            "{} is not encrypted; use `alongside encrypt` to turn encryption on",
            dir.display()
        );
    }
    // Without a terminal: the descriptor's first line is the current passphrase and its
    // second the new one; or ALONGSIDE_PASSPHRASE and ALONGSIDE_NEW_PASSPHRASE.
    let (old, new) = match fd {
        Some(fd) => {
            let mut lines = passphrase::fd_lines(fd)?.into_iter();
            let old = lines.next().unwrap_or_default();
            let Some(new) = lines.next() else {
                anyhow::bail!(
                    "--passphrase-fd must give two lines for `passphrase`: the current one, then the new one"
                );
            };
            (old, new)
        }
        None => match std::env::var(passphrase::ENV_VAR) {
            Ok(old) => {
                let Ok(new) = std::env::var(NEW_ENV_VAR) else {
                    anyhow::bail!(
                        "with ALONGSIDE_PASSPHRASE set, give the new passphrase in {NEW_ENV_VAR}"
                    );
                };
                (old.into(), new.into())
            }
            Err(_) => {
                let (old, _) =
                    passphrase::existing_passphrase(None, "Current passphrase: ", |p| {
                        crypt::check_passphrase(dir, p)
                    })?;
                (old, passphrase::new_passphrase(None, "New passphrase")?)
            }
        },
    };
    if rotate {
        writeln!(out, "Making a new data key and re-encrypting every file...")?;
        let report = migrate::rekey(dir, &old, &new, Options::default())?;
        writeln!(
            out,
            "Passphrase changed and {} file(s) re-encrypted with a new data key{}. Old copies of the key file no longer open anything here.",
            report.converted,
            already(report.already)
        )?;
        return Ok(());
    }
    migrate::change_passphrase(dir, &old, &new, Options::default())?;
    writeln!(
        out,
        "Passphrase changed. Only the key file was rewritten: an old copy of it still opens the notes with the old passphrase. If the passphrase or a backup of the key may have leaked, run `alongside rekey`."
    )?;
    Ok(())
}

/// Makes a new data key and re-encrypts every file, keeping the passphrase (or finishes an
/// interrupted run).
pub fn rekey(dir: &Path, fd: Option<u32>, out: &mut dyn Write) -> anyhow::Result<()> {
    ensure_folder(dir)?;
    match crypt::state(dir)? {
        CryptState::Plain => anyhow::bail!(
            "{} is not encrypted; use `alongside encrypt` to turn encryption on",
            dir.display()
        ),
        CryptState::Unfinished(Direction::Rekey) => {
            writeln!(out, "Finishing the re-encryption started earlier.")?
        }
        _ => writeln!(out, "Making a new data key and re-encrypting every file...")?,
    }
    let (_, report) = passphrase::existing_passphrase(fd, "Passphrase: ", |p| {
        migrate::rekey(dir, p, p, Options::default())
    })?;
    writeln!(
        out,
        "Re-encrypted {} file(s) with a new data key{}. Old copies of the key file no longer open anything here.",
        report.converted,
        already(report.already)
    )?;
    Ok(())
}

/// The new passphrase for `passphrase` in scripts, beside ALONGSIDE_PASSPHRASE.
pub const NEW_ENV_VAR: &str = "ALONGSIDE_NEW_PASSPHRASE";

fn already(n: usize) -> String {
    if n == 0 {
        String::new()
    } else {
        format!(" ({n} already done by the earlier run, checked)")
    }
}

fn ensure_folder(dir: &Path) -> anyhow::Result<()> {
    if dir.is_dir() {
        // Refused before any passphrase is asked for.
        crate::storage::folder::check_ours(dir)?;
        Ok(())
    } else {
        anyhow::bail!(
            "no data folder at {}; start the app once, or pass --data-dir DIR",
            dir.display()
        )
    }
}
