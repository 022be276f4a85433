//! The help overlay: where to find help in a crisis, every key of what you are doing and the
//! keys that work anywhere. It scrolls; the last row says where you are and how to find a key.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::THEME;
use super::widgets;
use crate::app::App;
use crate::app::help::{self, Row};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let rect = widgets::centered(area, help::WIDTH, area.height);
    let inner = widgets::popup(frame, rect, "Help");
    if inner.height < 2 {
        return;
    }
    let rows = help::rows(app);
    let list_height = usize::from(inner.height - 1);
    let scroll = app.help.scroll.min(rows.len().saturating_sub(list_height));
    let lines: Vec<Line> = rows
        .iter()
        .skip(scroll)
        .take(list_height)
        .map(|r| match r {
            Row::Heading(t) => Line::from(Span::styled(t.clone(), THEME.title)),
            Row::Crisis(t) => Line::from(Span::styled(format!("  {t}"), THEME.warning)),
            Row::Key { hint, label } => Line::from(vec![
                Span::styled(format!("{hint:>10}  "), THEME.key),
                Span::raw(*label),
            ]),
            Row::Note(t) => Line::from(Span::styled(*t, THEME.muted)),
            Row::Blank => Line::from(""),
        })
        .collect();
    let list = Rect {
        height: inner.height - 1,
        ..inner
    };
    frame.render_widget(Paragraph::new(lines), list);
    let last = (scroll + list_height).min(rows.len());
    let bottom = if app.help.finding || !app.help.find.is_empty() {
        Line::from(vec![
            Span::styled("Find: ", THEME.key),
            Span::raw(app.help.find.clone()),
            Span::styled(if app.help.finding { "▏" } else { "" }, THEME.accent),
        ])
    } else {
        let more = if last < rows.len() {
            "  ↓ PgDn for more"
        } else {
            "  (end)"
        };
        Line::from(Span::styled(
            format!(
                "lines {}-{last} of {}{more} · / finds a key",
                scroll + 1,
                rows.len()
            ),
            THEME.muted,
        ))
    };
    let status = Rect {
        y: inner.y + inner.height - 1,
        height: 1,
        ..inner
    };
    frame.render_widget(Paragraph::new(bottom), status);
}
