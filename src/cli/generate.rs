//! `alongside generate` and the data behind `alongside demo`: fictional peers and sessions.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use crate::storage::sample;

/// `alongside generate --sessions N --peers M --data-dir DIR [--seed S]`: adds `peers`
/// fictional peers and `sessions` ended sessions to the data folder, the same for the same
/// seed, and says what it wrote.
pub fn run(
    dir: &Path,
    sessions: usize,
    peers: usize,
    seed: u64,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let report = sample::generate(dir, sessions, peers, seed)?;
    writeln!(
        out,
        "Wrote {} fictional peers and {} sessions to {} in {:.1} s",
        report.peers,
        report.sessions,
        dir.display(),
        report.elapsed.as_secs_f64()
    )?;
    Ok(())
}

/// A fresh, owner-only temporary folder filled with the demo peers and sessions (and the
/// worksheets, practice rounds and competency record of [`super::demo_extras`]), for
/// `alongside demo`. The folder and everything in it is deleted when the returned value is
/// dropped, so the demo never touches real notes.
pub fn demo_dir() -> anyhow::Result<tempfile::TempDir> {
    let dir = tempfile::Builder::new()
        .prefix("alongside-demo-")
        .tempdir()
        .context("could not create a temporary folder for the demo")?;
    sample::demo(dir.path())?;
    super::demo_extras::add(dir.path(), crate::domain::now())?;
    Ok(dir)
}
