//! The list of saved sessions and the read-only view of one note, with amendments.

use uuid::Uuid;

use super::field::Field;
use super::{Action, App, Confirm, Effect, Screen};
use crate::domain::{Session, Timestamp};

#[derive(Debug, Clone)]
pub struct HistoryView {
    pub filter: Field,
    /// True while typing into the text filter.
    pub filtering: bool,
    pub peer: Option<Uuid>,
    pub selected: usize,
}

impl Default for HistoryView {
    fn default() -> Self {
        HistoryView {
            filter: Field::single("words to find in notes"),
            filtering: false,
            peer: None,
            selected: 0,
        }
    }
}

impl HistoryView {
    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }

    fn set_filtering(&mut self, on: bool) {
        self.filtering = on;
        self.filter.set_focused(on);
    }
}

pub struct NoteView {
    pub session: Session,
    /// The first row shown, never past the last full page.
    pub scroll: usize,
    /// An amendment being written.
    pub amend: Option<Field>,
    /// The note with the new amendment, until the store confirms it is saved.
    pub pending: Option<Session>,
    /// The file name a progress note is being written to.
    pub export: Option<Field>,
    /// Words to reconsider in the note, as lines (found when it was opened).
    pub advice: Vec<String>,
    /// Goals the note worked on that the peer's goals no longer hold (found when opened).
    pub removed_goals: std::collections::HashSet<uuid::Uuid>,
}

impl NoteView {
    pub fn new(session: Session) -> NoteView {
        NoteView {
            session,
            scroll: 0,
            amend: None,
            pending: None,
            export: None,
            advice: Vec::new(),
            removed_goals: Default::default(),
        }
    }
}

pub fn update(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    if app.screen == Screen::Note {
        return update_note(app, action, now);
    }
    let view = &mut app.history_view;
    if view.filtering {
        match action {
            Action::Input(key) => {
                view.filter.input(key);
                view.selected = 0;
            }
            Action::Submit | Action::Back | Action::Down => view.set_filtering(false),
            _ => {}
        }
        return vec![];
    }
    let len = app.filtered_history().len();
    let view = &mut app.history_view;
    match action {
        Action::Up => view.selected = view.selected.saturating_sub(1),
        Action::Down => view.selected = (view.selected + 1).min(len.saturating_sub(1)),
        Action::PageUp => view.selected = view.selected.saturating_sub(10),
        Action::PageDown => view.selected = (view.selected + 10).min(len.saturating_sub(1)),
        Action::StartFilter => view.set_filtering(true),
        Action::CyclePeerFilter => {
            let mut ids: Vec<(String, Uuid)> = app
                .peers
                .iter()
                .filter(|p| app.peer_stats.get(&p.id).is_some_and(|s| s.sessions > 0))
                .map(|p| (p.alias.to_lowercase(), p.id))
                .collect();
            ids.sort();
            let view = &mut app.history_view;
            let pos = view
                .peer
                .and_then(|cur| ids.iter().position(|(_, id)| *id == cur));
            view.peer = match pos {
                None => ids.first().map(|(_, id)| *id),
                Some(i) => ids.get(i + 1).map(|(_, id)| *id),
            };
            view.selected = 0;
        }
        Action::ClearFilters => {
            view.peer = None;
            view.filter.set_text("");
            view.selected = 0;
        }
        Action::Submit => {
            if let Some(item) = app.filtered_history().get(app.history_view.selected) {
                return vec![Effect::LoadNote(item.id)];
            }
        }
        Action::OpenPeerPage => {
            let peer = app
                .filtered_history()
                .get(app.history_view.selected)
                .map(|h| h.peer_id);
            if let Some(p) = peer {
                return super::journey::open_peer_page(app, p);
            }
        }
        Action::Back => app.screen = Screen::Home,
        _ => {}
    }
    vec![]
}

fn update_note(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let Some(note) = app.note.as_mut() else {
        app.screen = Screen::History;
        return vec![];
    };
    if let Some(field) = note.amend.as_mut() {
        match action {
            Action::Input(key) => {
                field.input(key);
            }
            Action::Save => {
                let text = field.text();
                let mut updated = note.session.clone();
                match updated.amend(&text, now) {
                    Ok(()) => {
                        // The field stays open until the save is confirmed, so a failed
                        // save loses nothing.
                        note.pending = Some(updated.clone());
                        return vec![Effect::SaveSession(updated)];
                    }
                    Err(e) => app.error(e.to_string()),
                }
            }
            Action::Back => {
                if field.is_blank() {
                    note.amend = None;
                } else {
                    app.confirm = Some(Confirm::DiscardForm);
                }
            }
            _ => {}
        }
        return vec![];
    }
    if let Some(field) = note.export.as_mut() {
        match action {
            Action::Input(key) => {
                field.input(key);
            }
            Action::Submit | Action::Save => {
                let typed = field.text().trim().to_string();
                if typed.is_empty() {
                    app.error("Type the file to write the progress note to.");
                    return vec![];
                }
                let path = expand_home(&typed, app.export_dir.as_deref());
                let session = note.session.clone();
                let text = progress_text(app, &session);
                return vec![Effect::WriteFile { path, text }];
            }
            Action::Back => note.export = None,
            _ => {}
        }
        return vec![];
    }
    let (page, max) = note_page(app.content, app.viewport, note);
    match action {
        Action::WriteProgress => {
            // From an encrypted folder the readable copy is written only to a file the
            // person names themselves.
            let default = match (&app.export_dir, app.privacy.encrypted) {
                (Some(dir), false) => dir
                    .join(format!(
                        "progress-{}-{}.txt",
                        note.session.started_at.format("%Y-%m-%d"),
                        &note.session.id.simple().to_string()[..8]
                    ))
                    .display()
                    .to_string(),
                _ => String::new(),
            };
            let mut f = Field::single("a file path, e.g. ~/progress.txt").with_text(&default);
            f.set_focused(true);
            note.export = Some(f);
        }
        Action::Up => note.scroll = note.scroll.saturating_sub(1),
        Action::Down => note.scroll = (note.scroll + 1).min(max),
        // A full page, less the one line kept for context.
        Action::PageUp => note.scroll = note.scroll.saturating_sub(page.saturating_sub(1).max(1)),
        Action::PageDown => note.scroll = (note.scroll + page.saturating_sub(1).max(1)).min(max),
        Action::Top => note.scroll = 0,
        Action::Bottom => note.scroll = max,
        Action::Amend => {
            let mut f = Field::multi("What to add. The original note stays as it was.");
            f.set_focused(true);
            note.amend = Some(f);
        }
        Action::Back => {
            app.note = None;
            app.screen = Screen::History;
        }
        _ => {}
    }
    vec![]
}

/// The note as a progress note, in the layout the settings name.
pub fn progress_text(app: &App, session: &Session) -> String {
    let content = app.content;
    let names = |id: &str| content.tool(id).map(|t| t.name.clone());
    match content.progress_layout(&app.settings.progress_layout) {
        Some(layout) => crate::domain::progress::render(session, layout, &app.settings, &names),
        None => crate::domain::note_markdown::render(session),
    }
}

/// `~/x` under the home folder; a relative path under the home folder too, so a file never
/// lands in whatever folder the app was started from.
fn expand_home(typed: &str, home: Option<&std::path::Path>) -> std::path::PathBuf {
    let p = std::path::Path::new(typed);
    match (typed.strip_prefix("~/"), home) {
        (Some(rest), Some(h)) => h.join(rest),
        (None, Some(h)) if p.is_relative() => h.join(p),
        _ => p.to_path_buf(),
    }
}

/// The progress note was written.
pub fn file_written(app: &mut App, path: &std::path::Path) {
    if let Some(note) = app.note.as_mut() {
        note.export = None;
    }
    let warn = if app.privacy.encrypted {
        " It is not encrypted: delete it when done."
    } else {
        ""
    };
    app.info(format!(
        "Progress note written to {} (only you can read it).{warn}",
        path.display()
    ));
}

/// The store kept the amendment: show it as part of the note and close the field.
pub fn amendment_saved(app: &mut App, id: Uuid) -> bool {
    let Some(note) = app.note.as_mut() else {
        return false;
    };
    match note.pending.take() {
        Some(saved) if saved.id == id => {
            note.session = saved;
            note.amend = None;
            true
        }
        other => {
            note.pending = other;
            false
        }
    }
}

/// How a row of a note is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteRowKind {
    Title,
    Heading,
    Text,
    /// Words to reconsider, with plainer ones.
    Advice,
}

/// The note as rows on screen at `width` columns: markdown headings without their marks,
/// tables as aligned columns, long lines word-wrapped.
pub fn note_rows(
    content: &crate::content::Content,
    session: &Session,
    goal_exists: &dyn Fn(uuid::Uuid) -> bool,
    width: usize,
) -> Vec<(NoteRowKind, String)> {
    let mut rows = Vec::new();
    let names = |id: &str| content.tool(id).map(|t| t.name.clone());
    for l in crate::domain::note_markdown::render_in(session, &names, goal_exists).lines() {
        if is_table_rule(l) {
            continue;
        }
        let (kind, text) = if let Some(h) = l.strip_prefix("# ") {
            (NoteRowKind::Title, h.to_string())
        } else if let Some(h) = l.strip_prefix("## ").or_else(|| l.strip_prefix("### ")) {
            (NoteRowKind::Heading, h.to_string())
        } else if let Some(row) = table_row(l) {
            (NoteRowKind::Text, row)
        } else {
            (NoteRowKind::Text, l.to_string())
        };
        if text.is_empty() {
            rows.push((kind, text));
        } else {
            rows.extend(
                crate::domain::wrap::wrap_lines(&text, width.max(1))
                    .into_iter()
                    .map(|r| (kind, r)),
            );
        }
    }
    rows
}

/// Rows of the note on screen (a page) and the first row of its last full page, for a
/// terminal of `viewport` columns and rows: the title bar, status and key bar take three
/// rows, the box two, an amendment being written eight.
pub fn note_page(
    content: &crate::content::Content,
    viewport: (u16, u16),
    note: &NoteView,
) -> (usize, usize) {
    let amend = if note.amend.is_some() {
        8
    } else if note.export.is_some() {
        3
    } else {
        0
    };
    let page = usize::from(viewport.1.saturating_sub(5 + amend).max(1));
    let width = usize::from(viewport.0.saturating_sub(2).max(1));
    let total = note_view_rows(content, note, width).len();
    (page, total.saturating_sub(page))
}

/// The note's rows, then the words to reconsider found when it was opened.
pub fn note_view_rows(
    content: &crate::content::Content,
    note: &NoteView,
    width: usize,
) -> Vec<(NoteRowKind, String)> {
    let exists = |id| !note.removed_goals.contains(&id);
    let mut rows = note_rows(content, &note.session, &exists, width);
    for line in &note.advice {
        rows.extend(
            crate::domain::wrap::wrap_lines(line, width.max(1))
                .into_iter()
                .map(|r| (NoteRowKind::Advice, r)),
        );
    }
    rows
}

/// Words to reconsider in a note, with plainer ones (advice only), as lines.
pub fn advice_lines(
    session: &Session,
    rules: &[crate::domain::language::LanguageRule],
) -> Vec<String> {
    let mut out = Vec::new();
    for (field, text) in crate::domain::language::note_fields(session) {
        for f in crate::domain::language::check(&text, rules) {
            if out.is_empty() {
                out.push(String::new());
                out.push("Words to reconsider (advice only)".to_string());
            }
            let tries: Vec<String> = f
                .suggestions
                .iter()
                .take(2)
                .map(|s| format!("“{s}”"))
                .collect();
            out.push(format!(
                "  ⚑ {field}: “{}” → {}",
                f.matched(&text),
                tries.join(" or ")
            ));
            out.push(format!("    {}", f.why));
        }
    }
    out
}

/// Markdown table rows read as aligned columns on screen; the rule under the header goes.
fn table_row(line: &str) -> Option<String> {
    let inner = line.strip_prefix('|')?.strip_suffix('|')?;
    let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
    Some(match cells.as_slice() {
        [first, rest @ ..] => {
            let mut row = format!("  {first:<14}");
            for cell in rest {
                row.push_str(cell);
                row.push_str("  ");
            }
            row.trim_end().to_string()
        }
        [] => String::new(),
    })
}

fn is_table_rule(line: &str) -> bool {
    line.starts_with('|') && line.chars().all(|c| matches!(c, '|' | '-' | ' ' | ':'))
}

#[cfg(test)]
mod note_tests {
    use super::*;

    #[test]
    fn markdown_tables_become_columns() {
        assert_eq!(
            table_row("| Stage | Time |").as_deref(),
            Some("  Stage         Time")
        );
        assert!(is_table_rule("| --- | --- |"));
        assert!(!is_table_rule("| Exploring | 5 min |"));
        assert_eq!(table_row("plain"), None);
    }
}
