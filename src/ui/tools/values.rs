//! Exploring values: the list to choose from, and the peer's own order with the top five.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::theme::THEME;
use super::super::widgets;
use super::{scroll_for, wrapped};
use crate::app::tools::forms::{ValuesForm, ValuesInput};
use crate::domain::worksheets::TOP_VALUES;

pub fn draw(frame: &mut Frame, area: Rect, form: &ValuesForm, focus: usize) {
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(42), Constraint::Percentage(58)]).areas(area);
    let input_rows = u16::from(form.input.is_some());
    let [list_area, input_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(input_rows)]).areas(left);
    draw_pick(frame, list_area, form, focus == ValuesForm::PICK);
    if let Some((what, field)) = &form.input {
        let label = match what {
            ValuesInput::Own => "+",
            ValuesInput::Note(_) => "✎",
        };
        widgets::inline_field(frame, input_area, label, field, true);
    }
    let [rank, about] = Layout::vertical([Constraint::Min(7), Constraint::Length(6)]).areas(right);
    draw_rank(frame, rank, form, focus == ValuesForm::RANK);
    let block = widgets::panel("Ask", false);
    let inner = block.inner(about);
    frame.render_widget(block, about);
    let prompts = if focus == ValuesForm::PICK {
        &form.content.ranking_prompts
    } else {
        &form.content.living_prompts
    };
    let meaning = if focus == ValuesForm::PICK {
        form.rows()
            .get(form.pick)
            .and_then(|(name, meaning)| meaning.map(|m| format!("{name}: {m}")))
    } else {
        None
    };
    let mut lines = Vec::new();
    if let Some(m) = meaning {
        lines.extend(wrapped(&m, inner.width, THEME.accent, "", ""));
    }
    for p in prompts {
        lines.extend(wrapped(p, inner.width, THEME.muted, "› ", "  "));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_pick(frame: &mut Frame, area: Rect, form: &ValuesForm, focused: bool) {
    let title = format!("Values · {} chosen", form.sheet.chosen.len());
    let block = widgets::panel(&title, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let height = inner.height as usize;
    let rows = form.rows();
    let start = scroll_for(form.pick, form.pick + 1, height);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(i, (name, listed))| {
            let rank = form.sheet.position(name);
            let mark = match rank {
                Some(r) if r < TOP_VALUES => format!("[{}]", r + 1),
                Some(_) => "[x]".to_string(),
                None => "[ ]".to_string(),
            };
            let own = if listed.is_none() { " (own)" } else { "" };
            let text = widgets::truncate(&format!("{mark} {name}{own}"), width);
            let style = if focused && i == form.pick {
                THEME.selected
            } else if rank.is_some() {
                THEME.ok
            } else {
                THEME.text
            };
            Line::from(Span::styled(format!("{text:<width$}"), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_rank(frame: &mut Frame, area: Rect, form: &ValuesForm, focused: bool) {
    let block = widgets::panel("Their order · top five first · K/J move", focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let height = inner.height as usize;
    let mut lines: Vec<Line> = Vec::new();
    if form.sheet.chosen.is_empty() {
        // Wrapped at words: a narrow column must not cut the hint mid-word.
        lines.extend(wrapped(
            "Choose values on the left (Space); they appear here in order.",
            inner.width,
            THEME.muted,
            "",
            "",
        ));
    }
    let start = scroll_for(form.rank, form.rank + 1, height);
    for (i, v) in form
        .sheet
        .chosen
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
    {
        let top = i < TOP_VALUES;
        let here = focused && i == form.rank;
        if i == TOP_VALUES {
            lines.push(Line::from(Span::styled("  also chosen:", THEME.muted)));
        }
        let note = match (v.how_it_shows.is_empty(), here && top) {
            (false, _) => format!(" · {}", v.how_it_shows),
            (true, true) => " · Enter: how it shows up now".to_string(),
            (true, false) => String::new(),
        };
        let text = widgets::truncate(&format!("{:>2}. {}{note}", i + 1, v.name), width);
        let style = if here {
            THEME.selected
        } else if top {
            THEME.text
        } else {
            THEME.muted
        };
        lines.push(Line::from(Span::styled(format!("{text:<width$}"), style)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
