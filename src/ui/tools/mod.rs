//! The tools: the palette, each kind of tool, and the tools screen between meetings. Drawn
//! only from state; every area is split with layouts, so nothing draws outside the frame.

mod checklist;
mod decisional;
mod home;
mod palette;
mod reader;
mod sectioned;
mod values;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::theme::THEME;
use super::widgets;
use crate::app::App;
use crate::app::tools::forms::ToolForm;
use crate::app::tools::parts::{Item, ItemList};
use crate::app::tools::{OpenTool, PlanStatus};

pub use home::draw as draw_home;

/// Draws the open session tool over the notes area. False when no tool is open.
pub fn draw_in_session(frame: &mut Frame, area: Rect, app: &App) -> bool {
    let Some(live) = &app.live else {
        return false;
    };
    let Some(open) = live.tools.active() else {
        return false;
    };
    let note = match &open.form {
        ToolForm::SafetyPlan(_) => "Ctrl+S saves a new version for this peer",
        ToolForm::Reader(_) => "Enter puts a line into the notes",
        _ => "kept in this session's note",
    };
    draw_tool(frame, area, app, open, note);
    true
}

/// Overlays drawn above any screen: the session's tool palette.
pub fn draw_overlays(frame: &mut Frame, area: Rect, app: &App) {
    if let Some(live) = &app.live
        && let Some(p) = &live.tools.palette
        && app.screen == crate::app::Screen::Session
    {
        palette::draw(frame, area, app, p, Some(live.session.current_stage()));
    }
}

/// The line on the session screen saying the peer has a safety plan (or that it could not
/// be read). `None` when there is nothing to say.
pub fn plan_banner(app: &App) -> Option<Line<'static>> {
    let live = app.live.as_ref()?;
    match &live.tools.plan {
        PlanStatus::Loaded(Some(h)) => {
            let latest = h.latest()?;
            Some(Line::from(vec![
                Span::styled(" Safety plan on file ", THEME.warning),
                Span::styled(
                    format!(
                        " version {} of {} · ",
                        latest.version,
                        widgets::date(latest.saved_at)
                    ),
                    THEME.muted,
                ),
                widgets::key_span("s"),
                Span::styled(" opens it (Esc first if typing)", THEME.muted),
            ]))
        }
        PlanStatus::Failed(_) => Some(Line::from(Span::styled(
            " The peer's safety plan could not be read; see the message. A new one can be saved (s).",
            THEME.error,
        ))),
        _ => None,
    }
}

/// A tool: its name and a note on the first line, its form below.
pub fn draw_tool(frame: &mut Frame, area: Rect, app: &App, open: &OpenTool, note: &str) {
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let mut spans = vec![
        Span::styled(format!(" {} ", open.tool.name), THEME.title),
        Span::styled(format!("· {note}"), THEME.muted),
    ];
    let stops = open.form.stops();
    if stops > 1 {
        spans.push(Span::styled(
            format!("  part {}/{stops}", open.focus + 1),
            THEME.muted,
        ));
    }
    frame.render_widget(Line::from(spans), head);
    match &open.form {
        ToolForm::Reader(r) => reader::draw(frame, body, r),
        ToolForm::Decisional(d) => decisional::draw(frame, body, d, open.focus),
        ToolForm::Checklist(c) => checklist::draw(frame, body, c),
        ToolForm::Values(v) => values::draw(frame, body, v, open.focus),
        ToolForm::AskShareAsk(a) => sectioned::ask_share_ask(frame, body, a, open.focus),
        ToolForm::Prompts(p) => sectioned::prompts(frame, body, p, open.focus),
        ToolForm::Refusal(r) => sectioned::refusal(frame, body, r, open.focus),
        ToolForm::Planning(p) => sectioned::planning(frame, body, p, open.focus),
        ToolForm::SafetyPlan(s) => sectioned::safety(frame, body, app, s, open),
    }
}

/// Word-wraps `text` to `width` columns (long words are broken), measuring with
/// unicode-width.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for word in para.split_whitespace() {
            let w = word.width();
            let gap = usize::from(used > 0);
            if used + gap + w <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                used += gap + w;
                continue;
            }
            if used > 0 {
                out.push(std::mem::take(&mut line));
                used = 0;
            }
            // A word longer than the line is broken where it must be.
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > width && used > 0 {
                    out.push(std::mem::take(&mut line));
                    used = 0;
                }
                line.push(c);
                used += cw;
            }
        }
        out.push(line);
    }
    out
}

/// Wrapped lines of `text` in `style`, each starting with `first` then `rest` (for bullets).
pub fn wrapped(
    text: &str,
    width: u16,
    style: Style,
    first: &str,
    rest: &str,
) -> Vec<Line<'static>> {
    let indent = first.width().max(rest.width());
    wrap(text, (width as usize).saturating_sub(indent))
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let lead = if i == 0 { first } else { rest };
            Line::from(vec![
                Span::styled(lead.to_string(), style),
                Span::styled(l, style),
            ])
        })
        .collect()
}

/// The first row to show so that rows `from..to` are visible in `height` rows.
pub fn scroll_for(from: usize, to: usize, height: usize) -> usize {
    if height == 0 {
        return 0;
    }
    if to > height {
        let want = to.saturating_sub(height);
        want.min(from)
    } else {
        0
    }
}

/// A list of typed items in a box: the selected one highlighted when the box has the
/// keyboard, the input (when open) on the last rows.
pub fn draw_items(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    footer: Option<&str>,
    list: &ItemList,
    focused: bool,
) {
    let mut block = widgets::panel(title, focused);
    if let Some(f) = footer {
        block = block
            .title_bottom(Line::from(Span::styled(format!(" {f} "), THEME.accent)).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let input_rows: u16 = match &list.input {
        Some(i) if i.date.is_some() => 2,
        Some(_) => 1,
        None => 0,
    };
    let input_rows = input_rows.min(inner.height);
    // The input sits just under the items, where the new one will appear.
    let shown = if list.input.is_some() {
        list.items.len()
    } else {
        list.items.len().max(1)
    };
    let item_rows = (shown as u16).min(inner.height - input_rows);
    let [rows_area, input_area, _] = Layout::vertical([
        Constraint::Length(item_rows),
        Constraint::Length(input_rows),
        Constraint::Min(0),
    ])
    .areas(inner);
    let height = rows_area.height as usize;
    let width = rows_area.width as usize;
    let editing = list.input.as_ref().and_then(|i| i.editing);
    let start = if list.items.len() > height && height > 0 {
        list.selected.saturating_sub(height - 1)
    } else {
        0
    };
    let mut lines = Vec::new();
    if list.items.is_empty() && list.input.is_none() {
        lines.push(Line::from(Span::styled(
            if focused {
                "  a adds an item"
            } else {
                "  (empty)"
            },
            THEME.muted,
        )));
    }
    for (i, item) in list.items.iter().enumerate().skip(start).take(height) {
        let selected = focused && i == list.selected && list.input.is_none();
        let style = if editing == Some(i) {
            THEME.muted
        } else if selected {
            THEME.selected
        } else {
            THEME.text
        };
        lines.push(item_line(item, width, style));
    }
    frame.render_widget(Paragraph::new(lines), rows_area);
    if let Some(input) = &list.input {
        let [text_row, date_row] = Layout::vertical([
            Constraint::Length(1.min(input_area.height)),
            Constraint::Min(0),
        ])
        .areas(input_area);
        let label = if input.editing.is_some() { "✎" } else { "+" };
        widgets::inline_field(frame, text_row, label, &input.text, !input.on_date);
        if let Some(d) = &input.date {
            widgets::inline_field(frame, date_row, " by", d, input.on_date);
        }
    }
}

/// One item: "• text" with its importance or date at the right.
fn item_line(item: &Item, width: usize, style: Style) -> Line<'static> {
    let tail = match (item.importance, item.date) {
        (Some(i), _) => format!(" [{}]", i.get()),
        (None, Some(d)) => format!(" {d}"),
        (None, None) => String::new(),
    };
    let room = width.saturating_sub(2 + tail.width());
    let text = widgets::truncate(&item.text.replace('\n', " "), room);
    let pad = room.saturating_sub(text.width());
    Line::from(vec![
        Span::styled(format!("• {text}{}", " ".repeat(pad)), style),
        Span::styled(
            tail,
            if style == THEME.text {
                THEME.accent
            } else {
                style
            },
        ),
    ])
}

/// A column of short labels, one per part of a form, the current one highlighted.
pub fn draw_nav(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    rows: &[(String, bool)],
    current: usize,
) {
    let block = widgets::panel(title, false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .take(inner.height as usize)
        .map(|(i, (label, done))| {
            let mark = if *done { "✓ " } else { "· " };
            let text = widgets::truncate(&format!("{mark}{label}"), width);
            let style = if i == current {
                THEME.selected
            } else {
                THEME.text
            };
            Line::from(Span::styled(format!("{text:<width$}"), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_words_and_breaks_only_long_ones() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(wrap("日本語テキスト", 4), ["日本", "語テ", "キス", "ト"]);
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(wrap("x", 0), ["x"]);
    }

    #[test]
    fn scroll_keeps_the_rows_in_view() {
        assert_eq!(scroll_for(0, 2, 10), 0);
        assert_eq!(scroll_for(12, 14, 10), 4);
        assert_eq!(
            scroll_for(3, 20, 10),
            3,
            "a block taller than the view shows its top"
        );
        assert_eq!(scroll_for(5, 6, 0), 0);
    }
}
