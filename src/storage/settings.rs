//! `settings.toml` in the platform config folder (or `ALONGSIDE_CONFIG_DIR`): read with
//! defaults for anything missing or wrong, written durably and owner-only.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::domain::settings::Settings;

use super::atomic::{self, WriteOptions, create_private_dir};

/// The settings file's name inside the config folder.
pub const SETTINGS_FILE: &str = "settings.toml";
/// Settings files are a few hundred bytes; anything bigger is not one.
const MAX_BYTES: u64 = 64 * 1024;

/// The config folder: `ALONGSIDE_CONFIG_DIR` when set, else the platform's config
/// directory for alongside (where the organisation's `content/` overrides live too).
pub fn config_dir() -> Option<PathBuf> {
    match std::env::var_os("ALONGSIDE_CONFIG_DIR") {
        Some(d) if !d.is_empty() => Some(PathBuf::from(d)),
        _ => directories::ProjectDirs::from("", "", "alongside")
            .map(|d| d.config_dir().to_path_buf()),
    }
}

/// What reading the settings found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Loaded {
    /// No settings file yet: first run.
    Missing,
    Found(Settings),
    /// The file is there but cannot be used; the message names the file and line, and the
    /// defaults are used meanwhile. The file is left as it is.
    Bad(String),
}

impl Loaded {
    /// The settings to use: the file's, or the defaults.
    pub fn settings(&self) -> Settings {
        match self {
            Loaded::Found(s) => s.clone(),
            _ => Settings::default(),
        }
    }
}

/// Reads `dir/settings.toml`.
pub fn load(dir: &Path) -> Loaded {
    let path = dir.join(SETTINGS_FILE);
    let meta = match fs::symlink_metadata(&path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Loaded::Missing,
        Err(e) => return Loaded::Bad(format!("{}: cannot be read ({e})", path.display())),
    };
    if !meta.is_file() {
        return Loaded::Bad(format!(
            "{}: not a regular file; the default settings are used",
            path.display()
        ));
    }
    if meta.len() > MAX_BYTES {
        return Loaded::Bad(format!(
            "{}: larger than {MAX_BYTES} bytes; the default settings are used",
            path.display()
        ));
    }
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => return Loaded::Bad(format!("{}: cannot be read ({e})", path.display())),
    };
    match Settings::parse(&text) {
        Ok(s) => Loaded::Found(s),
        Err(e) => Loaded::Bad(format!(
            "{}:{}: {}; the default settings are used until it is fixed",
            path.display(),
            e.line,
            e.message
        )),
    }
}

/// Writes `dir/settings.toml` (creating `dir` owner-only when missing), durably and 0600.
pub fn save(dir: &Path, settings: &Settings) -> io::Result<PathBuf> {
    settings
        .check()
        .map_err(|m| io::Error::new(io::ErrorKind::InvalidInput, m))?;
    create_private_dir(dir)?;
    let path = dir.join(SETTINGS_FILE);
    let text = format!(
        "# alongside settings: who writes the notes and for which service.\n{}",
        settings.to_toml()
    );
    atomic::write_raw_with(&path, text.as_bytes(), WriteOptions::default())
        .map_err(|e| io::Error::other(e.to_string()))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn missing_then_saved_privately_then_read_back() {
        let dir = tempfile::tempdir().expect("dir");
        let cfg = dir.path().join("cfg");
        assert_eq!(load(&cfg), Loaded::Missing);
        let s = Settings {
            name: "Sam R".into(),
            ..Settings::default()
        };
        let path = save(&cfg, &s).expect("save");
        let mode = fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(load(&cfg), Loaded::Found(s));
    }

    #[test]
    fn a_bad_file_is_named_with_its_line_and_left_alone() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join(SETTINGS_FILE);
        fs::write(&path, "name = \"A\"\ncheck_in_days = -3\n").expect("write");
        let Loaded::Bad(msg) = load(dir.path()) else {
            panic!("expected a bad file")
        };
        assert!(msg.contains("settings.toml:2:"), "{msg}");
        assert_eq!(load(dir.path()).settings(), Settings::default());
        assert_eq!(
            fs::read_to_string(&path).expect("read"),
            "name = \"A\"\ncheck_in_days = -3\n"
        );
    }
}
