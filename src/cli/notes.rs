//! `alongside notes list|show|export`: reading saved notes without the terminal UI.
//!
//! Each function writes to `out` and returns a one-line error for unknown ids or peers.
//! They take an open [`Store`]; a read-only one ([`Store::open_read_only`]) is enough, so
//! they work while the app is running.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};
use chrono::{Datelike, Timelike};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;
use uuid::Uuid;

use super::progress::ProgressContext;
use crate::domain::goals::GoalBook;
use crate::domain::note_markdown::{self, format_duration};
use crate::domain::{Flags, Session, SessionKind, Timestamp};
use crate::storage::atomic::{self, WriteOptions};
use crate::storage::index::AttendeeEntry;
use crate::storage::schema::encode_session;
use crate::storage::{GoalsOrigin, IndexEntry, Problem, Store};

/// How a note is printed or exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NoteFormat {
    /// Markdown, for reading.
    Md,
    /// The stored JSON, `{"schema_version":1,"session":{...}}`, for other tools.
    Json,
    /// A progress note for a documentation system: labelled parts, plain text, 80 columns.
    Progress,
}

impl NoteFormat {
    fn extension(self) -> &'static str {
        match self {
            NoteFormat::Md => "md",
            NoteFormat::Json => "json",
            NoteFormat::Progress => "txt",
        }
    }
}

/// One line per session, newest first: date, alias, kind, duration, flags, id. With
/// `peer_alias`, only that peer's sessions (matched case-insensitively against current and
/// past aliases). With `json`, a JSON array of entries instead (no search text).
pub fn list(
    store: &Store,
    peer_alias: Option<&str>,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let entries: Vec<&IndexEntry> = match peer_alias {
        None => store.sessions().iter().collect(),
        Some(alias) => {
            let ids = peer_ids_for_alias(store, alias)?;
            store
                .sessions()
                .iter()
                .filter(|e| e.served().any(|p| ids.contains(&p)))
                .collect()
        }
    };
    if json {
        let listed: Vec<Listed> = entries.iter().map(|e| Listed::of(e)).collect();
        serde_json::to_writer_pretty(&mut *out, &listed)?;
        writeln!(out)?;
        return Ok(());
    }
    let alias_width = entries
        .iter()
        .map(|e| e.peer_alias.width())
        .max()
        .unwrap_or(0)
        .max("PEER".len());
    // Columns as wide as their widest cell ("under a minute", two flags), so they line up.
    let length_width = entries
        .iter()
        .map(|e| format_duration(e.duration_seconds).width())
        .max()
        .unwrap_or(0);
    let flags_width = entries
        .iter()
        .map(|e| flags_label(&e.flags).width())
        .max()
        .unwrap_or(0);
    let mut text = String::with_capacity(entries.len() * 100);
    for e in entries {
        let alias = one_line(&e.peer_alias);
        let pad = alias_width.saturating_sub(alias.width());
        let at = &e.started_at;
        // Written field by field: chrono's format strings are slow over thousands of lines.
        text.push_str(&format!(
            "{:04}-{:02}-{:02} {:02}:{:02}  {}{}  {:<9}  {:<length_width$}  {:<flags_width$}  {}\n",
            at.year(),
            at.month(),
            at.day(),
            at.hour(),
            at.minute(),
            alias,
            " ".repeat(pad),
            e.kind.label(),
            format_duration(e.duration_seconds),
            flags_label(&e.flags),
            e.id
        ));
    }
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// Prints one note, found by its id or by the first characters of it. A progress note
/// uses the built-in layout and default settings; see [`show_with`].
pub fn show(
    store: &Store,
    id_or_prefix: &str,
    format: NoteFormat,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    show_with(
        store,
        id_or_prefix,
        format,
        &ProgressContext::builtin()?,
        out,
    )
}

/// [`show`], writing progress notes with `progress` (layout and settings).
pub fn show_with(
    store: &Store,
    id_or_prefix: &str,
    format: NoteFormat,
    progress: &ProgressContext,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let id = resolve_id(store, id_or_prefix)?;
    let session = store.load_session(id)?;
    let goals = known_goals(store);
    print_note(&session, format, progress, goals.as_ref(), out)
}

/// Writes one note in `format`; `goals` (when known) marks goals removed since.
pub fn print_note(
    session: &Session,
    format: NoteFormat,
    progress: &ProgressContext,
    goals: Option<&GoalBook>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    out.write_all(&note_bytes(session, format, progress, goals)?)?;
    if format == NoteFormat::Json {
        writeln!(out)?;
    }
    Ok(())
}

/// The peer goals, to mark goals a note worked on that were removed since; `None` when
/// they cannot be known (a goals file from a newer version), so nothing is marked.
fn known_goals(store: &Store) -> Option<GoalBook> {
    let (book, origin, _) = store.goal_book();
    (origin != GoalsOrigin::Newer).then_some(book)
}

/// A full session id, parsed without the index.
pub fn resolve_id_without_index(input: &str) -> anyhow::Result<Uuid> {
    Uuid::parse_str(input.trim()).map_err(|_| {
        anyhow::anyhow!(
            "give a full note id, or its first few characters (see `alongside notes list`)"
        )
    })
}

fn note_bytes(
    session: &Session,
    format: NoteFormat,
    progress: &ProgressContext,
    goals: Option<&GoalBook>,
) -> anyhow::Result<Vec<u8>> {
    let exists = |id| goals.is_none_or(|b| b.get(id).is_some());
    Ok(match format {
        NoteFormat::Md => note_markdown::render_in(session, &tool_name, &exists).into_bytes(),
        NoteFormat::Json => encode_session(session)?,
        NoteFormat::Progress => progress.render(session).into_bytes(),
    })
}

/// Writes every saved note to `out_dir` (created owner-only if missing), one owner-only file
/// per note named by date and id (`2026-01-05_<uuid>.md`), never by alias or note text.
/// Reports how many were written; notes that cannot be read are listed by id and make the
/// command fail after the rest are exported.
pub fn export(
    store: &Store,
    format: NoteFormat,
    out_dir: &Path,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    export_with(store, format, &ProgressContext::builtin()?, out_dir, out)
}

/// [`export`], writing progress notes with `progress` (layout and settings).
pub fn export_with(
    store: &Store,
    format: NoteFormat,
    progress: &ProgressContext,
    out_dir: &Path,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    atomic::create_private_dir(out_dir)
        .with_context(|| format!("could not create the folder {}", out_dir.display()))?;
    let mut written = 0usize;
    let mut failed: Vec<Uuid> = Vec::new();
    let goals = known_goals(store);
    for entry in store.sessions() {
        let session = match store.load_session(entry.id) {
            Ok(s) => s,
            Err(_) => {
                failed.push(entry.id);
                continue;
            }
        };
        let bytes = note_bytes(&session, format, progress, goals.as_ref())?;
        let name = export_file_name(&session.started_at, session.id, format);
        // One folder flush at the end instead of one per file.
        let opts = WriteOptions {
            sync_dir: false,
            fault: None,
        };
        atomic::write_with(&out_dir.join(&name), &bytes, opts)
            .with_context(|| format!("could not write {name} in {}", out_dir.display()))?;
        written += 1;
    }
    atomic::sync_dir(out_dir)
        .with_context(|| format!("could not flush the folder {}", out_dir.display()))?;
    writeln!(
        out,
        "Exported {written} note{} to {}",
        if written == 1 { "" } else { "s" },
        out_dir.display()
    )?;
    if !failed.is_empty() {
        let ids: Vec<String> = failed.iter().map(Uuid::to_string).collect();
        bail!(
            "{} note(s) could not be read and were not exported: {}",
            failed.len(),
            ids.join(", ")
        );
    }
    Ok(())
}

/// Prints the problems found when opening, one per line, for standard error.
pub fn report_problems(problems: &[Problem], out: &mut dyn Write) -> std::io::Result<()> {
    for p in problems {
        writeln!(out, "note: {p}")?;
    }
    Ok(())
}

/// The export file name: start date and id only.
pub fn export_file_name(started_at: &Timestamp, id: Uuid, format: NoteFormat) -> String {
    format!(
        "{}_{}.{}",
        started_at.format("%Y-%m-%d"),
        id,
        format.extension()
    )
}

/// The session id from a full id or a unique prefix of one.
pub fn resolve_id(store: &Store, input: &str) -> anyhow::Result<Uuid> {
    let wanted = input.trim().to_lowercase();
    if wanted.is_empty() {
        bail!("give a note id, or its first few characters (see `alongside notes list`)");
    }
    if let Ok(id) = Uuid::parse_str(&wanted) {
        return Ok(id);
    }
    let mut found = store
        .sessions()
        .iter()
        .filter(|e| e.id.to_string().starts_with(&wanted));
    match (found.next(), found.count()) {
        (None, _) => bail!("no saved note has an id starting with {wanted}"),
        (Some(e), 0) => Ok(e.id),
        (Some(_), more) => bail!(
            "{} notes have ids starting with {wanted}; type more of the id",
            more + 1
        ),
    }
}

/// Peer ids whose current alias, or an alias used in a past session, is `alias`.
fn peer_ids_for_alias(store: &Store, alias: &str) -> anyhow::Result<HashSet<Uuid>> {
    let wanted = alias.trim().to_lowercase();
    let mut ids: HashSet<Uuid> = store
        .peers()
        .iter()
        .filter(|p| p.alias.to_lowercase() == wanted)
        .map(|p| p.id)
        .collect();
    ids.extend(
        store
            .sessions()
            .iter()
            .filter(|e| e.peer_alias.to_lowercase() == wanted && !e.peer_id.is_nil())
            .map(|e| e.peer_id),
    );
    // Aliases that attended group sessions under an earlier name.
    ids.extend(
        store
            .sessions()
            .iter()
            .flat_map(|e| e.attendees.iter())
            .filter(|a| a.peer_alias.to_lowercase() == wanted)
            .map(|a| a.peer_id),
    );
    if ids.is_empty() {
        bail!("no peer is called \"{}\"", super::shown(alias.trim()));
    }
    Ok(ids)
}

fn flags_label(flags: &Flags) -> &'static str {
    match (flags.safety_concern, flags.follow_up_needed) {
        (true, true) => "safety,follow-up",
        (true, false) => "safety",
        (false, true) => "follow-up",
        (false, false) => "-",
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An index entry as `notes list --json` prints it: everything but the search text and the
/// file stamp.
#[derive(Serialize)]
struct Listed<'a> {
    id: Uuid,
    peer_id: Uuid,
    peer_alias: &'a str,
    kind: SessionKind,
    started_at: Timestamp,
    ended_at: Option<Timestamp>,
    duration_seconds: i64,
    flags: Flags,
    amendment_count: usize,
    preview: &'a str,
    /// Who attended, for a group session.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    attendees: &'a [AttendeeEntry],
}

impl<'a> Listed<'a> {
    fn of(e: &'a IndexEntry) -> Listed<'a> {
        Listed {
            id: e.id,
            peer_id: e.peer_id,
            peer_alias: &e.peer_alias,
            kind: e.kind,
            started_at: e.started_at,
            ended_at: e.ended_at,
            duration_seconds: e.duration_seconds,
            flags: e.flags,
            amendment_count: e.amendments as usize,
            preview: &e.preview,
            attendees: &e.attendees,
        }
    }
}

/// A tool's name for a note, from the built-in content.
fn tool_name(id: &str) -> Option<String> {
    crate::app::default_content()
        .tool(id)
        .map(|t| t.name.clone())
}
