//! One saved note, read-only, with its amendments and a form to add one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::THEME;
use super::widgets::{self, panel};
use crate::app::App;
use crate::domain::note_markdown;

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
    let lines: Vec<Line> = note_markdown::render(&note.session)
        .lines()
        .map(|l| {
            if let Some(h) = l.strip_prefix("# ") {
                Line::from(Span::styled(h.to_string(), THEME.title))
            } else if let Some(h) = l.strip_prefix("## ") {
                Line::from(Span::styled(h.to_string(), THEME.accent))
            } else if let Some(h) = l.strip_prefix("### ") {
                Line::from(Span::styled(h.to_string(), THEME.accent))
            } else {
                Line::from(l.to_string())
            }
        })
        .collect();
    let title = format!(
        "{} · {} (read-only)",
        note.session.peer_alias,
        widgets::date_time(note.session.started_at)
    );
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((note.scroll, 0))
            .block(panel(&title, note.amend.is_none())),
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
