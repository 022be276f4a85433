//! `alongside report`: hours by activity and the other figures a supervisor asks for, over
//! a range of days, as Markdown, CSV or JSON.

use std::io::Write;

use anyhow::{Context, Result};
use chrono::NaiveDate;

use crate::content::Content;
use crate::domain::report::{DayRange, Report};
use crate::domain::report_text;
use crate::storage::Store;

/// How a report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Markdown, for reading.
    Md,
    /// CSV (RFC 4180), one row per figure, for spreadsheets.
    Csv,
    /// JSON, for other tools.
    Json,
}

/// The range from the command line: both given, one given (the other end is the same
/// month's), or neither (this month).
pub fn range(from: Option<NaiveDate>, to: Option<NaiveDate>, today: NaiveDate) -> Result<DayRange> {
    let r = match (from, to) {
        (Some(f), Some(t)) => DayRange::new(f, t)?,
        (Some(f), None) => DayRange::new(f, DayRange::month_of(f).to.max(f))?,
        (None, Some(t)) => DayRange::new(DayRange::month_of(t).from, t)?,
        (None, None) => DayRange::month_of(today),
    };
    Ok(r)
}

/// Adds up the store's sessions and activity log over `range`.
pub fn build(store: &Store, content: &Content, range: DayRange) -> Result<Report> {
    store
        .report(range, content.field_averages())
        .context("could not read the activity log")
}

/// The report as text in `format`.
pub fn render(r: &Report, format: ReportFormat) -> Result<String> {
    Ok(match format {
        ReportFormat::Md => report_text::markdown(r),
        ReportFormat::Csv => report_text::csv(r),
        ReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(r)?;
            s.push('\n');
            s
        }
    })
}

pub fn command(
    store: &Store,
    content: &Content,
    range: DayRange,
    format: ReportFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let r = build(store, content, range)?;
    out.write_all(render(&r, format)?.as_bytes())?;
    out.flush()?;
    Ok(())
}
