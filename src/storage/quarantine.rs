//! Moving unreadable files aside. A quarantined file keeps its exact bytes; nothing in
//! `quarantine/` is ever overwritten or deleted by the app.

use std::fs;
use std::io;

use super::atomic::{create_private_dir, sync_dir};
use super::layout::{Layout, QUARANTINE_DIR};

/// Moves the file at `rel` (e.g. `sessions/<uuid>.json`) into `quarantine/` under a name that
/// says where it came from (`sessions--<uuid>.json`), adding `.1`, `.2`, ... before `.json`
/// when that name is taken. Returns the new place, relative to the data folder.
pub(crate) fn quarantine(layout: &Layout, rel: &str) -> io::Result<String> {
    let qdir = layout.path(QUARANTINE_DIR);
    create_private_dir(&qdir)?;
    let src = layout.path(rel);
    let flat = rel.replace('/', "--");
    let (stem, ext) = match flat.strip_suffix(".json") {
        Some(stem) => (stem.to_string(), ".json"),
        None => (flat.clone(), ""),
    };
    for n in 0..100_000u32 {
        let name = if n == 0 {
            flat.clone()
        } else {
            format!("{stem}.{n}{ext}")
        };
        let dst = qdir.join(&name);
        match dst.symlink_metadata() {
            Ok(_) => continue,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        // The store holds the folder's lock, so nothing else can take `dst` between the check
        // and the rename.
        fs::rename(&src, &dst)?;
        sync_dir(&qdir)?;
        if let Some(parent) = src.parent() {
            sync_dir(parent)?;
        }
        return Ok(format!("{QUARANTINE_DIR}/{name}"));
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many quarantined copies of one file",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_keep_bytes_and_never_overwrite() {
        let dir = tempfile::tempdir().expect("dir");
        let layout = Layout::new(dir.path());
        fs::write(dir.path().join("peers.json"), b"first").expect("write");
        assert_eq!(
            quarantine(&layout, "peers.json").expect("move"),
            "quarantine/peers.json"
        );
        fs::write(dir.path().join("peers.json"), b"second").expect("write");
        assert_eq!(
            quarantine(&layout, "peers.json").expect("move"),
            "quarantine/peers.1.json"
        );
        let q = dir.path().join("quarantine");
        assert_eq!(fs::read(q.join("peers.json")).expect("read"), b"first");
        assert_eq!(fs::read(q.join("peers.1.json")).expect("read"), b"second");
        assert!(!dir.path().join("peers.json").exists());
    }
}
