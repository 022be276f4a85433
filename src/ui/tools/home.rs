//! The tools between meetings: the list of tools, the saved worksheets, choosing who a
//! worksheet is for, and an open worksheet.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::theme::THEME;
use super::super::widgets;
use super::{draw_tool, scroll_for};
use crate::app::App;
use crate::app::tools::forms::ToolForm;
use crate::app::tools::palette::entries;
use crate::app::tools::{PeerPick, StandaloneTool};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let tools = &app.tools;
    if let Some(open) = &tools.open {
        draw_open(frame, area, app, open);
        return;
    }
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let block = widgets::panel("Choose a tool", !tools.focus_saved);
    let inner = block.inner(left);
    frame.render_widget(block, left);
    let list = entries(app.content, None, &tools.list.filter.text());
    super::palette::draw_list(frame, inner, &list, &tools.list, None);
    draw_saved(frame, right, app);
    if let Some(pick) = &tools.pick {
        draw_pick(frame, area, app, pick);
    }
}

fn draw_saved(frame: &mut Frame, area: Rect, app: &App) {
    let tools = &app.tools;
    let block = widgets::panel("Saved worksheets", tools.focus_saved);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let height = inner.height as usize;
    let mut lines: Vec<Line> = Vec::new();
    if tools.saved.is_empty() {
        lines.extend(super::wrapped(
            "None yet. Choose a tool on the left, then who it is for; fill it in and save it with Ctrl+S.",
            inner.width,
            THEME.muted,
            "",
            "",
        ));
    }
    // Two rows per worksheet: what and for whom, then when.
    let start = scroll_for(
        tools.saved_selected * 2,
        tools.saved_selected * 2 + 2,
        height,
    ) / 2;
    for (i, w) in tools.saved.iter().enumerate().skip(start) {
        if lines.len() + 2 > height {
            break;
        }
        let selected = tools.focus_saved && i == tools.saved_selected;
        let who = w.peer_alias.as_deref().unwrap_or("no peer");
        let head = widgets::truncate(&format!("{} · {who}", w.tool_name), width);
        let when = match (w.saved_at, w.has_unsaved()) {
            (_, true) => format!("  changed {} · not saved", widgets::date_time(w.updated_at)),
            (Some(at), false) => format!("  saved {}", widgets::date_time(at)),
            (None, false) => format!("  started {}", widgets::date_time(w.created_at)),
        };
        let style = if selected { THEME.selected } else { THEME.text };
        lines.push(Line::from(Span::styled(format!("{head:<width$}"), style)));
        let when_style = if w.has_unsaved() {
            THEME.warning
        } else {
            THEME.muted
        };
        lines.push(Line::from(Span::styled(
            widgets::truncate(&when, width),
            when_style,
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_pick(frame: &mut Frame, area: Rect, app: &App, pick: &PeerPick) {
    let rect = widgets::centered(area, 56, 16);
    let inner = widgets::popup(frame, rect, &format!("{}: who is it for?", pick.tool.name));
    let [filter, rows] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    widgets::inline_field(frame, filter, "Find:", &pick.filter, true);
    let choices = crate::app::tools::pick_choices(&app.peers, &pick.filter.text());
    let width = rows.width as usize;
    let height = rows.height as usize;
    let no_peer = if crate::app::tools::needs_a_peer(pick.tool) {
        "  (a safety plan needs a peer)"
    } else {
        "  No peer: a general or practice worksheet"
    };
    let mut all: Vec<(String, bool)> = vec![(no_peer.to_string(), true)];
    all.extend(
        choices
            .iter()
            .map(|p| (format!("  {}", widgets::truncate(&p.alias, 40)), false)),
    );
    let start = scroll_for(pick.selected, pick.selected + 1, height);
    let lines: Vec<Line> = all
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(i, (text, muted))| {
            let text = widgets::truncate(text, width);
            let style = if i == pick.selected {
                THEME.selected
            } else if *muted {
                THEME.muted
            } else {
                THEME.text
            };
            Line::from(Span::styled(format!("{text:<width$}"), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rows);
}

fn draw_open(frame: &mut Frame, area: Rect, app: &App, open: &StandaloneTool) {
    let r = &open.record;
    let who = match &r.peer_alias {
        Some(a) => format!("for {a}"),
        None if open.tool.form.keeps_a_sheet() => "no peer".to_string(),
        None => "to read".to_string(),
    };
    let state = if !open.tool.form.keeps_a_sheet() {
        String::new()
    } else if open.saving {
        " · saving…".to_string()
    } else if open.tool.changed {
        " · not saved".to_string()
    } else if let (ToolForm::SafetyPlan(_), Some((v, at))) =
        (&open.tool.form, open.tool.base_version)
    {
        format!(" · saved as version {v} at {}", widgets::time(at))
    } else if let Some(at) = r.saved_at {
        format!(" · saved {}", widgets::time(at))
    } else {
        " · not saved yet".to_string()
    };
    draw_tool(frame, area, app, &open.tool, &format!("{who}{state}"));
}
