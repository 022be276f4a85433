//! `alongside notes import FILE|DIR`: adds notes saved as JSON (as `notes show ID --format
//! json` prints one and `notes export --format json` writes them). Every file is checked
//! first; if any is refused, nothing is added.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::domain::{Peer, Session};
use crate::storage::{ForeignNote, Store, read_foreign_note};

/// Imports the note in `path`, or every `*.json` file directly in the folder `path`.
pub fn import(store: &mut Store, path: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let files = note_files(path)?;
    let mut notes: Vec<Session> = Vec::with_capacity(files.len());
    let mut ids = HashSet::new();
    for file in &files {
        let shown = file.display();
        let session = match read_foreign_note(file) {
            ForeignNote::Note(s) => *s,
            ForeignNote::Missing => bail!("{shown} was not found; nothing was imported"),
            ForeignNote::Newer { found } => bail!(
                "{shown} was written by a newer version of alongside (schema {found}); update alongside to import it. Nothing was imported"
            ),
            ForeignNote::Bad(reason) => bail!(
                "{shown} is not a saved note ({reason}); give a file as `alongside notes show ID --format json` prints one. Nothing was imported"
            ),
        };
        if session.ended_at.is_none() {
            bail!(
                "{shown} holds a session that was never ended, not a saved note; nothing was imported"
            );
        }
        if store.has_session_or_draft(session.id) || !ids.insert(session.id) {
            bail!(
                "a note with the id {} already exists ({shown}); nothing was imported",
                session.id
            );
        }
        notes.push(session);
    }
    // Peers the notes name but the folder does not know yet are added under the alias the
    // note was written with.
    let mut new_peers: Vec<Peer> = Vec::new();
    for s in &notes {
        if store.peer(s.peer_id).is_none() && !new_peers.iter().any(|p| p.id == s.peer_id) {
            let mut peer = Peer::new(&s.peer_alias, s.started_at).map_err(|e| {
                anyhow::anyhow!(
                    "the note {} names its peer in a way alongside cannot keep ({e}); nothing was imported",
                    s.id
                )
            })?;
            peer.id = s.peer_id;
            new_peers.push(peer);
        }
    }
    if !new_peers.is_empty() {
        store
            .save_peers_bulk(&new_peers)
            .context("could not add the peers of the imported notes")?;
    }
    for s in &notes {
        store
            .save_session(s)
            .with_context(|| format!("could not save the note {}", s.id))?;
    }
    writeln!(
        out,
        "Imported {} note{}{}",
        notes.len(),
        if notes.len() == 1 { "" } else { "s" },
        match new_peers.len() {
            0 => String::new(),
            1 => " and 1 new peer".into(),
            n => format!(" and {n} new peers"),
        }
    )?;
    Ok(())
}

/// The file itself, or the `*.json` files directly in a folder (sorted).
fn note_files(path: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let meta = std::fs::metadata(path)
        .with_context(|| format!("could not read {}; nothing was imported", path.display()))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .with_context(|| format!("could not list {}; nothing was imported", path.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!(
            "{} holds no .json note files; nothing was imported",
            path.display()
        );
    }
    Ok(files)
}
