//! One saved note, read-only, with its amendments, words to reconsider, and a form to add
//! an amendment or name the file a progress note goes to.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::THEME;
use super::widgets::{self, panel};
use crate::app::App;
use crate::app::history::{NoteRowKind, note_view_rows};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(note) = &app.note else {
        return;
    };
    let (view, form) = match note.amend.as_ref().or(note.export.as_ref()) {
        Some(_) => {
            let rows = if note.export.is_some() { 3 } else { 8 };
            let [v, a] =
                Layout::vertical([Constraint::Min(4), Constraint::Length(rows)]).areas(area);
            (v, Some(a))
        }
        None => (area, None),
    };
    let inner_width = usize::from(view.width.saturating_sub(2));
    let rows = note_view_rows(note, inner_width);
    let height = usize::from(view.height.saturating_sub(2));
    let scroll = note.scroll.min(rows.len().saturating_sub(height));
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(scroll)
        .take(height)
        .map(|(kind, text)| match kind {
            NoteRowKind::Title => Line::from(Span::styled(text, THEME.title)),
            NoteRowKind::Heading => Line::from(Span::styled(text, THEME.accent)),
            NoteRowKind::Text => Line::from(text),
            NoteRowKind::Advice => Line::from(Span::styled(text, THEME.warning)),
        })
        .collect();
    let title = format!(
        "{} · {} (read-only)",
        note.session.peer_alias,
        widgets::date_time(note.session.started_at)
    );
    frame.render_widget(
        Paragraph::new(lines).block(panel(&title, form.is_none())),
        view,
    );
    if let (Some(field), Some(area)) = (&note.export, form) {
        let title = if app.privacy.encrypted {
            "Write a READABLE progress note to (this folder is encrypted; the file will not be)"
        } else {
            "Write the progress note to (a new file, only you can read it)"
        };
        widgets::field(frame, area, title, field, true);
    }
    if let (Some(field), Some(area)) = (&note.amend, form) {
        widgets::field(
            frame,
            area,
            "Amendment (kept with the time; the note stays as it was)",
            field,
            true,
        );
    }
}
