//! The tool palette: a filter line and the tools, those that fit the stage first.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::theme::THEME;
use super::super::widgets;
use super::{scroll_for, wrapped};
use crate::app::App;
use crate::app::tools::palette::{Entry, Palette, entries};
use crate::domain::Stage;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, p: &Palette, stage: Option<Stage>) {
    let rect = widgets::centered(area, 70, 20);
    let inner = widgets::popup(frame, rect, "Tools");
    let list = entries(app.content, stage, &p.filter.text());
    draw_list(frame, inner, &list, p, stage);
}

/// The filter, the matching tools, and what the selected one is for.
pub fn draw_list(frame: &mut Frame, area: Rect, list: &[Entry], p: &Palette, stage: Option<Stage>) {
    let [filter, rows, about] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(area);
    widgets::inline_field(frame, filter, "Find:", &p.filter, true);
    let width = rows.width as usize;
    let height = rows.height as usize;
    let mut lines: Vec<Line> = Vec::new();
    if list.is_empty() {
        lines.push(Line::from(Span::styled(
            "No tool matches. Backspace to widen the search.",
            THEME.muted,
        )));
    }
    let start = scroll_for(p.selected, p.selected + 1, height);
    for (i, e) in list.iter().enumerate().skip(start).take(height) {
        let mark = if e.fits { "★ " } else { "  " };
        let name = widgets::truncate(&format!("{mark}{}", e.tool.name), width);
        let style = if i == p.selected {
            THEME.selected
        } else if e.fits {
            THEME.accent
        } else {
            THEME.text
        };
        lines.push(Line::from(Span::styled(format!("{name:<width$}"), style)));
    }
    frame.render_widget(Paragraph::new(lines), rows);
    let mut info = Vec::new();
    if let Some(e) = list.get(p.selected) {
        info.extend(wrapped(&e.tool.summary, about.width, THEME.muted, "", ""));
    }
    if let (Some(stage), true) = (stage, info.len() < 2) {
        info.push(Line::from(Span::styled(
            format!("★ suggested for {}", stage.label()),
            THEME.muted,
        )));
    }
    frame.render_widget(Paragraph::new(info), about);
}
