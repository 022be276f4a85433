//! The life-area check-in, in place of the notes while it is open.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::THEME;
use super::widgets::{self, panel};
use crate::app::check_in::CheckInForm;

/// Columns for the area names.
const NAME_WIDTH: u16 = 16;
/// Columns for a rating.
const RATING_WIDTH: u16 = 6;

pub fn draw(frame: &mut Frame, area: Rect, form: &CheckInForm) {
    let block = panel("Check-in: how is each part of life going, 1 to 10?", true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width < NAME_WIDTH + RATING_WIDTH + 2 {
        return;
    }
    let [intro, rows, msg] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(
        Line::from(Span::styled(
            "Their own scale, their own words. Any area can stay blank.",
            THEME.muted,
        )),
        intro,
    );
    // Keep the selected row in view on a short screen.
    let visible = rows.height as usize;
    let first = form.row.saturating_sub(visible.saturating_sub(1));
    for (i, row) in form.rows.iter().enumerate().skip(first).take(visible) {
        let y = rows.y + (i - first) as u16;
        let line = Rect {
            y,
            height: 1,
            ..rows
        };
        let [name, rating, why] = Layout::horizontal([
            Constraint::Length(NAME_WIDTH),
            Constraint::Length(RATING_WIDTH),
            Constraint::Min(1),
        ])
        .areas(line);
        let selected = i == form.row;
        let marker = if selected { "› " } else { "  " };
        if row.builtin {
            let text = widgets::truncate(&row.area.text(), NAME_WIDTH as usize - 2);
            let style = if selected { THEME.accent } else { THEME.text };
            frame.render_widget(
                Line::from(vec![Span::raw(marker), Span::styled(text, style)]),
                name,
            );
        } else {
            widgets::inline_field(
                frame,
                name,
                marker.trim_end(),
                &row.area,
                selected && form.col == 0,
            );
        }
        widgets::inline_field(frame, rating, "", &row.rating, selected && form.col == 1);
        widgets::inline_field(frame, why, "·", &row.why, selected && form.col == 2);
    }
    let note = match &form.error {
        Some(e) => Span::styled(e.clone(), THEME.error),
        None => Span::styled(
            "Ctrl+S keeps it, Esc skips it: never required.",
            THEME.muted,
        ),
    };
    let text = widgets::truncate(&note.content, msg.width as usize);
    frame.render_widget(Paragraph::new(Span::styled(text, note.style)), msg);
}
