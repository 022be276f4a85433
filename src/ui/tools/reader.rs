//! A document to read: OARS starters, the listening cheat sheet, guides. The line under the
//! cursor is highlighted; lines with something to say can go into the notes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::theme::THEME;
use super::super::widgets;
use super::wrap;
use crate::app::tools::forms::ReaderForm;
use crate::app::tools::parts::{LineKind, Lines};

pub fn draw(frame: &mut Frame, area: Rect, form: &ReaderForm) {
    let title = match form.oars {
        Some((_, stage)) => format!("Starters for {} · 1-5 another stage", stage.label()),
        None => "Read · ↑↓ move · ←→ section".to_string(),
    };
    draw_lines(frame, area, &title, &form.lines, true);
}

/// Draws a document in a box, scrolled so the cursor line is in view.
pub fn draw_lines(frame: &mut Frame, area: Rect, title: &str, lines: &Lines, focused: bool) {
    let block = widgets::panel(title, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let width = inner.width as usize;
    let mut rows: Vec<Line> = Vec::new();
    let (mut from, mut to) = (0, 0);
    for (i, line) in lines.lines.iter().enumerate() {
        let (lead, rest, style) = match line.kind {
            LineKind::Heading => ("", "", THEME.title),
            LineKind::Subheading => ("", "", THEME.accent),
            LineKind::Text => ("", "", THEME.muted),
            LineKind::Point => ("• ", "  ", THEME.text),
            LineKind::Prompt => ("› ", "  ", THEME.text),
            LineKind::Blank => ("", "", THEME.text),
        };
        let here = focused && i == lines.cursor;
        let style: Style = if here { THEME.selected } else { style };
        if here {
            from = rows.len();
        }
        for (n, text) in wrap(&line.text, width.saturating_sub(lead.len()))
            .into_iter()
            .enumerate()
        {
            let lead = if n == 0 { lead } else { rest };
            let mut t = format!("{lead}{text}");
            if here {
                // Highlight the whole width so the cursor line stands out.
                let pad = width.saturating_sub(unicode_width::UnicodeWidthStr::width(t.as_str()));
                t.push_str(&" ".repeat(pad));
            }
            rows.push(Line::from(Span::styled(t, style)));
        }
        if here {
            to = rows.len();
        }
    }
    let height = inner.height as usize;
    let start = if to <= height {
        0
    } else {
        from.saturating_sub(height / 3)
            .min(rows.len().saturating_sub(height))
    };
    let shown: Vec<Line> = rows.into_iter().skip(start).take(height).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
