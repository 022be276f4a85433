//! Folders written by earlier releases, plain and encrypted, copied fresh for each migration
//! test so the checked-in fixtures are never changed: `schema1` (search text inside
//! index.json) and `release18` (the first index snapshot layout, made by that release's
//! `generate` and `encrypt`).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The encrypted schema1 fixture's passphrase.
pub const PASSPHRASE: &str = "fixture passphrase 9";
/// The encrypted release18 fixture's passphrase.
pub const PASSPHRASE_18: &str = "fixture passphrase 18";

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A private copy of the schema1 `plain` or `encrypted` fixture folder, as `<tmp>/data`.
pub fn fixture(kind: &str) -> (tempfile::TempDir, PathBuf) {
    fixture_of("schema1", kind)
}

/// A private copy of the `plain` or `encrypted` folder of `release`, as `<tmp>/data`.
pub fn fixture_of(release: &str, kind: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("data");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(release)
            .join(kind),
        &dir,
    );
    // Every release made these folders on its first open; git keeps no empty folders, so the
    // copy puts them back to match a real folder.
    for sub in ["drafts", "quarantine"] {
        fs::create_dir_all(dir.join(sub)).expect("mkdir");
    }
    (tmp, dir)
}

/// Every session file's bytes by name, to show a migration never touched one.
pub fn session_files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir.join("sessions"))
        .expect("sessions")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).expect("read"),
            )
        })
        .collect()
}
