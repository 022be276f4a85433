//! A group session's attendee list beside the notes, and the attendees at the end.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use super::theme::THEME;
use super::widgets::{self, panel};
use crate::app::group::AttendeeEditor;
use crate::app::live::{LiveSession, SessionFocus, SummaryForm};
use crate::domain::group::Attendee;

/// Columns the attendee list takes beside the notes on a wide screen.
pub const PANEL_WIDTH: u16 = 30;

/// One attendee on one line: alias, and when they came late or left early.
fn attendee_line(a: &Attendee, started: crate::domain::Timestamp, width: usize) -> String {
    let mut text = a.peer_alias.clone();
    if (a.joined_at - started).num_seconds() >= 60 {
        text.push_str(&format!(" +{}", widgets::time(a.joined_at)));
    }
    if let Some(left) = a.left_at {
        text.push_str(&format!(" left {}", widgets::time(left)));
    }
    if !a.noted.is_empty() {
        text.push_str(&format!(" ✎{}", a.noted.len()));
    }
    widgets::truncate(&text, width)
}

/// The attendee list (with the one-line box under it when open).
pub fn draw_panel(frame: &mut Frame, area: Rect, live: &LiveSession) {
    let s = &live.session;
    let focused = live.focus == SessionFocus::Commands;
    let title = format!("Attendees ({})", s.attendees.len());
    let (list_area, input_area) = match &live.group.input {
        Some(_) if area.height >= 6 => {
            let [l, i] = Layout::vertical([Constraint::Min(3), Constraint::Length(3)]).areas(area);
            (l, Some(i))
        }
        _ => (area, None),
    };
    let width = list_area.width.saturating_sub(4) as usize;
    let items: Vec<ListItem> = if s.attendees.is_empty() {
        vec![ListItem::new(Span::styled(
            "No one yet: a adds",
            THEME.muted,
        ))]
    } else {
        s.attendees
            .iter()
            .map(|a| {
                let style = if a.is_present() {
                    THEME.text
                } else {
                    THEME.muted
                };
                ListItem::new(Span::styled(attendee_line(a, s.started_at, width), style))
            })
            .collect()
    };
    let mut state = ListState::default()
        .with_selected((focused && !s.attendees.is_empty()).then_some(live.group.selected));
    frame.render_stateful_widget(
        List::new(items)
            .block(panel(&title, focused))
            .highlight_style(THEME.selected)
            .highlight_symbol("› "),
        list_area,
        &mut state,
    );
    if let (Some(input), Some(rect)) = (&live.group.input, input_area) {
        widgets::field(frame, rect, input.kind.label(), &input.field, true);
    } else if let Some(input) = &live.group.input {
        // Too short for a box: the line alone, over the bottom of the list.
        let rect = Rect {
            y: area.bottom().saturating_sub(1),
            height: 1.min(area.height),
            ..area
        };
        widgets::inline_field(frame, rect, "›", &input.field, true);
    }
}

/// The attendees at the end of a group: each one's words and next step.
pub fn draw_review(frame: &mut Frame, area: Rect, live: &LiveSession, form: &SummaryForm) {
    let Some(review) = &form.attendees else {
        return;
    };
    let [main, msg] = Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(area);
    let width = main.width.saturating_sub(6) as usize;
    let mut items = Vec::new();
    for a in &live.session.attendees {
        let mut lines = vec![Line::from(Span::styled(
            attendee_line(a, live.session.started_at, width),
            THEME.accent,
        ))];
        let words = if a.line.trim().is_empty() {
            Span::styled("  their words: (none yet)", THEME.muted)
        } else {
            Span::raw(format!("  “{}”", a.line))
        };
        lines.push(Line::from(widgets::truncate(&words.content, width + 2)).style(words.style));
        if let Some(step) = a.next_steps.first() {
            let by = step.by_when.map(|d| format!(" by {d}")).unwrap_or_default();
            lines.push(Line::from(widgets::truncate(
                &format!("  → {}{by}", step.what),
                width + 2,
            )));
        }
        items.push(ListItem::new(lines));
    }
    if items.is_empty() {
        items.push(ListItem::new(Span::styled(
            "No attendees: Esc back to the session, then a adds one.",
            THEME.warning,
        )));
    }
    let mut state = ListState::default()
        .with_selected((!live.session.attendees.is_empty()).then_some(review.selected));
    frame.render_stateful_widget(
        List::new(items)
            .block(panel("Each attendee: their words, next step", true))
            .highlight_style(THEME.selected)
            .highlight_symbol("› "),
        main,
        &mut state,
    );
    if let Some(e) = &form.error {
        frame.render_widget(Span::styled(e.clone(), THEME.error), msg);
    }
}

/// The popup for one attendee's words and next step, over the whole form.
pub fn draw_attendee_editor(frame: &mut Frame, area: Rect, live: &LiveSession, form: &SummaryForm) {
    let Some(editor) = form.attendees.as_ref().and_then(|r| r.editor.as_ref()) else {
        return;
    };
    let alias = live
        .session
        .attendees
        .get(editor.index)
        .map(|a| a.peer_alias.as_str())
        .unwrap_or("");
    draw_editor(frame, area, editor, alias);
}

fn draw_editor(frame: &mut Frame, area: Rect, editor: &AttendeeEditor, alias: &str) {
    let rect = widgets::centered(area, 64, 7);
    let inner = widgets::popup(frame, rect, alias);
    let rows = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .split(inner);
    for (i, field) in editor.fields.iter().enumerate() {
        widgets::inline_field(
            frame,
            rows[i],
            AttendeeEditor::LABELS[i],
            field,
            editor.focus == i,
        );
    }
    let note = editor
        .error
        .clone()
        .unwrap_or_else(|| "By when: a date, +7 or 2w.".to_string());
    let style = if editor.error.is_some() {
        THEME.error
    } else {
        THEME.muted
    };
    frame.render_widget(
        Paragraph::new(Span::styled(note, style)).wrap(Wrap { trim: true }),
        rows[3],
    );
}
