//! A checklist: items to tick, each with why it matters, a way to say it, and a note.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::theme::THEME;
use super::super::widgets;
use super::{scroll_for, wrapped};
use crate::app::tools::forms::ChecklistForm;
use crate::app::tools::parts::CheckList;

pub fn draw(frame: &mut Frame, area: Rect, form: &ChecklistForm) {
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    let done = form.list.items.iter().filter(|i| i.done).count();
    let title = format!("{done} of {} covered", form.list.items.len());
    draw_checks(frame, left, &title, &form.list, true);
    let block = widgets::panel("About this item", false);
    let inner = block.inner(right);
    frame.render_widget(block, right);
    let width = inner.width;
    let mut lines = Vec::new();
    let selected = form.list.items.get(form.list.selected);
    let info = selected.and_then(|s| form.content.items.iter().find(|i| i.id == s.id));
    match info {
        Some(info) => {
            lines.extend(wrapped(&info.why, width, THEME.text, "", ""));
            if let Some(say) = &info.say_it {
                lines.push(Line::from(""));
                lines.push(Line::from(Span::styled("You might say", THEME.accent)));
                lines.extend(wrapped(say, width, THEME.muted, "", ""));
            }
        }
        None => lines.extend(wrapped(&form.content.intro, width, THEME.muted, "", "")),
    }
    if let Some(item) = selected
        && !item.note.is_empty()
    {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled("Note", THEME.accent)));
        lines.extend(wrapped(&item.note, width, THEME.text, "", ""));
    }
    if let Some(closing) = &form.content.closing
        && form.list.selected + 1 == form.list.items.len()
    {
        lines.push(Line::from(""));
        lines.extend(wrapped(closing, width, THEME.muted, "", ""));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Checkable rows, with the note being written (if any) under the selected one.
pub fn draw_checks(frame: &mut Frame, area: Rect, title: &str, list: &CheckList, focused: bool) {
    let block = widgets::panel(title, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 {
        return;
    }
    let note_rows = u16::from(list.note.is_some()).min(inner.height);
    let [rows_area, note_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(note_rows)]).areas(inner);
    let width = rows_area.width as usize;
    let height = rows_area.height as usize;
    let start = scroll_for(list.selected, list.selected + 1, height);
    let lines: Vec<Line> = list
        .items
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(i, item)| {
            let mark = if item.done { "[x]" } else { "[ ]" };
            let note = if item.note.is_empty() { "" } else { " ✎" };
            let text = widgets::truncate(&format!("{mark} {}{note}", item.title), width);
            let style = if focused && i == list.selected {
                THEME.selected
            } else if item.done {
                THEME.ok
            } else {
                THEME.text
            };
            Line::from(Span::styled(format!("{text:<width$}"), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rows_area);
    if let Some(field) = &list.note {
        widgets::inline_field(frame, note_area, "✎", field, true);
    }
}
