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
    let mut lines: Vec<Line> = note_markdown::render(&note.session)
        .lines()
        .filter(|l| !is_table_rule(l))
        .map(|l| {
            if let Some(h) = l.strip_prefix("# ") {
                Line::from(Span::styled(h.to_string(), THEME.title))
            } else if let Some(h) = l.strip_prefix("## ") {
                Line::from(Span::styled(h.to_string(), THEME.accent))
            } else if let Some(h) = l.strip_prefix("### ") {
                Line::from(Span::styled(h.to_string(), THEME.accent))
            } else if let Some(row) = table_row(l) {
                Line::from(row)
            } else {
                Line::from(l.to_string())
            }
        })
        .collect();
    lines.extend(super::journey::note_goal_lines(app, &note.session));
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
mod tests {
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
