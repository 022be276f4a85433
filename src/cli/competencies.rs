//! `alongside competencies export`: the competency record for a supervisor, as Markdown or
//! CSV, to standard output or to a file written atomically and owner-only (0600).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};
use chrono::NaiveDate;

use crate::content::{self, CompetencyArea};
use crate::domain::competency::{CompetencyRecord, export};
use crate::storage::{Store, atomic};

/// How the record is exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Markdown, for reading and printing.
    Md,
    /// CSV (RFC 4180), one row per skill and per hours entry, for spreadsheets.
    Csv,
}

/// The export text for a record.
pub fn render(
    record: &CompetencyRecord,
    areas: &[CompetencyArea],
    format: ExportFormat,
    today: NaiveDate,
) -> String {
    match format {
        ExportFormat::Md => export::markdown(record, areas, today),
        ExportFormat::Csv => export::csv(record, areas),
    }
}

/// Reads the record from `store` and writes it to `out_file` (atomically, 0600) or, with
/// none, to `out`. An unreadable record is an error: an empty export would mislead.
pub fn export_command(
    store: &Store,
    format: ExportFormat,
    out_file: Option<&Path>,
    today: NaiveDate,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let (record, _) = store
        .competencies()
        .context("could not read the competency record")?;
    let content = content::builtin()
        .map_err(|e| anyhow::anyhow!("the built-in competency areas could not load: {e}"))?;
    let text = render(&record, content.competencies(), format, today);
    match out_file {
        None => {
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
        Some(path) => {
            if path.is_dir() {
                bail!("{} is a folder; give a file name", path.display());
            }
            atomic::write_durably(path, text.as_bytes())
                .with_context(|| format!("could not write {}", path.display()))?;
            writeln!(out, "Wrote the competency record to {}", path.display())?;
        }
    }
    Ok(())
}
