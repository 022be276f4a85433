//! One saved note, read-only, with its amendments and a form to add one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::THEME;
use super::widgets::{self, panel};
use crate::app::App;
use crate::app::history::{NoteRowKind, note_rows};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(note) = &app.note else {
        return;
    };
    let (view, amend) = match &note.amend {
        Some(_) => {
            let [v, a] = Layout::vertical([Constraint::Min(4), Constraint::Length(8)]).areas(area);
            (v, Some(a))
        }
        None => (area, None),
    };
    let inner_width = usize::from(view.width.saturating_sub(2));
    let rows = note_rows(&note.session, inner_width);
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
        })
        .collect();
    let title = format!(
        "{} · {} (read-only)",
        note.session.peer_alias,
        widgets::date_time(note.session.started_at)
    );
    frame.render_widget(
        Paragraph::new(lines).block(panel(&title, note.amend.is_none())),
        view,
    );
    if let (Some(field), Some(area)) = (&note.amend, amend) {
        widgets::field(
            frame,
            area,
            "Amendment (kept with the time; the note stays as it was)",
            field,
            true,
        );
    }
}
