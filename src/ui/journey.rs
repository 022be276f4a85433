//! A peer's journey on screen: Coming up on Home, the Last time panel, the goal review of
//! the summary form, and the peer page.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::fit::fit_words;
use super::theme::THEME;
use super::widgets::{self, panel};
use crate::app::App;
use crate::app::journey::{GoalReview, ReviewRow, home_items, today};
use crate::domain::goals::journey::due_words;
use crate::domain::goals::{DueItem, DueKind, StepStatus};

/// Coming up: a count line, then one short line per item, soonest first.
pub fn draw_coming_up(frame: &mut Frame, area: Rect, app: &App) {
    let items = home_items(app);
    let focused = app.home_due_selected.is_some();
    let width = area.width.saturating_sub(2) as usize;
    let mut lines = Vec::new();
    if app.journey_pending {
        lines.push(Line::from(Span::styled(
            "Looking over goals and plans…",
            THEME.muted,
        )));
    } else if items.is_empty() {
        lines.push(Line::from(Span::styled(
            "Nothing due in the next 7 days.",
            THEME.muted,
        )));
    } else {
        let overdue = items.iter().filter(|i| i.overdue).count();
        // Longest first: the first count line and hint that fit whole, so no word is cut.
        const COUNTS: [(&str, &str); 3] = [
            ("in the next 7 days", "overdue"),
            ("this week", "overdue"),
            ("due", "late"),
        ];
        let hints: &[&str] = if focused {
            &[""]
        } else {
            &[" · Tab to choose", " · Tab", ""]
        };
        let (head, hint) = COUNTS
            .iter()
            .map(|(when, late)| match overdue {
                0 => format!("{} {when}", items.len()),
                n => format!("{} {when}, {n} {late}", items.len()),
            })
            .flat_map(|h| hints.iter().map(move |t| (h.clone(), *t)))
            .find(|(h, t)| h.chars().count() + t.chars().count() <= width)
            .unwrap_or_else(|| (String::new(), ""));
        lines.push(Line::from(vec![
            Span::styled(head, THEME.accent),
            Span::styled(hint, THEME.muted),
        ]));
        let room = area.height.saturating_sub(3) as usize;
        let selected = app.home_due_selected.unwrap_or(0);
        let start = if focused && selected >= room {
            selected + 1 - room
        } else {
            0
        };
        let today = today(app);
        for (i, item) in items.iter().enumerate().skip(start).take(room) {
            // One column goes to the selection mark.
            let text = if width < 40 {
                fit_words(&compact_due_line(item, today), width.saturating_sub(1))
            } else {
                fit_due_line(item, today, width.saturating_sub(1))
            };
            let style = if focused && i == selected {
                THEME.selected
            } else if item.overdue {
                THEME.warning
            } else {
                THEME.text
            };
            let mark = if focused && i == selected { "▶" } else { " " };
            lines.push(Line::from(Span::styled(format!("{mark}{text}"), style)));
        }
    }
    frame.render_widget(
        Paragraph::new(lines).block(panel("Coming up", focused)),
        area,
    );
}

/// One line of Coming up: alias, kind, text, and when in words.
pub fn due_line(item: &DueItem, today: chrono::NaiveDate) -> String {
    let head = format!(
        "{:<15} {} · {}",
        due_words(item.due, today),
        item.peer_alias,
        item.kind.label()
    );
    // A follow-up's text only repeats its kind.
    match item.kind {
        DueKind::FollowUp => head,
        _ => format!("{head}: {}", item.text),
    }
}

/// [`due_line`] in `width` columns. When it does not fit whole, the item's own text is
/// kept only where it is the substance (a next step, a goal), shortened at a word; the
/// kind says enough for a follow-up, a check-in or a safety plan review.
fn fit_due_line(item: &DueItem, today: chrono::NaiveDate, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let full = due_line(item, today);
    if full.width() <= width {
        return full;
    }
    let head = format!(
        "{:<15} {} · {}",
        due_words(item.due, today),
        item.peer_alias,
        item.kind.label()
    );
    let room = width.saturating_sub(head.width() + 2);
    let substance = matches!(item.kind, DueKind::NextStep | DueKind::GoalTarget);
    if substance && room >= 8 {
        format!("{head}: {}", fit_words(&item.text, room))
    } else {
        fit_words(&head, width)
    }
}

/// Coming up in a narrow column: alias, kind and days (negative when overdue).
fn compact_due_line(item: &DueItem, today: chrono::NaiveDate) -> String {
    let days = (item.due - today).num_days();
    let when = match days {
        0 => "today".to_string(),
        d if d < 0 => format!("{}d late", -d),
        d => format!("in {d}d"),
    };
    format!("{when} {} {}", item.peer_alias, item.kind.label())
}

/// Rows the Last time panel needs at `width` (borders included), roughly: each line
/// wrapped at the inner width.
pub fn last_time_height(app: &App, peer_id: uuid::Uuid, width: u16) -> u16 {
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = app
        .journey
        .last_time_lines(peer_id, today(app))
        .unwrap_or_default()
        .iter()
        .map(|l| {
            unicode_width::UnicodeWidthStr::width(l.as_str())
                .div_ceil(inner)
                .max(1)
        })
        .sum();
    u16::try_from(rows + 2).unwrap_or(u16::MAX)
}

/// The Last time panel of a running session.
pub fn draw_last_time(frame: &mut Frame, area: Rect, app: &App, peer_id: uuid::Uuid) {
    let block = panel("Last time (v hides, V to notes)", false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width).max(1);
    let room = usize::from(inner.height);
    let mut rows: Vec<Line> = Vec::new();
    match app.journey.last_time_lines(peer_id, today(app)) {
        Some(lines) => {
            for l in lines {
                let style = if l.contains("overdue") || l.starts_with("Safety concern") {
                    THEME.warning
                } else if l.starts_with("Goal:") {
                    THEME.accent
                } else {
                    THEME.text
                };
                rows.extend(
                    crate::domain::wrap::wrap_lines(&l, width)
                        .into_iter()
                        .map(|r| Line::from(Span::styled(r, style))),
                );
            }
        }
        None => rows.push(Line::from(Span::styled(
            "First saved session with this peer.",
            THEME.muted,
        ))),
    }
    // What does not fit is on the peer page: say so rather than stop mid-sentence.
    if rows.len() > room && room > 3 {
        rows.truncate(room - 1);
        rows.push(Line::from(Span::styled(
            fit_words("… more on the peer page (P)", width),
            THEME.muted,
        )));
    }
    frame.render_widget(Paragraph::new(rows), inner);
}

/// The goal review of the summary form.
pub fn draw_review(frame: &mut Frame, area: Rect, review: &GoalReview, title: &str) {
    let block = panel(title, true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if review.is_empty() {
        frame.render_widget(
            Paragraph::new(vec![
                Line::from("No active goals yet for this peer."),
                Line::from(Span::styled(
                    "Add goals in their words in the next part (Tab).",
                    THEME.muted,
                )),
            ])
            .wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let width = inner.width as usize;
    let mut lines = vec![Line::from(Span::styled(
        fit_words("Space: progress · Enter: words · P: peer page", width),
        THEME.muted,
    ))];
    let rows = review.rows();
    let room = inner.height.saturating_sub(1) as usize;
    // Each goal or step wraps at words under its marker; the chosen one stays in view.
    let mut wrapped: Vec<(bool, Vec<String>)> = Vec::new();
    for (n, row) in rows.iter().enumerate() {
        let selected = n == review.selected;
        let (indent, text) = match *row {
            ReviewRow::Goal(i) => {
                let g = &review.goals[i];
                let progress = match review.progress.get(i).copied().flatten() {
                    Some(p) => format!("[{}]", p.label()),
                    None => "[not worked on]".into(),
                };
                let words = review
                    .words
                    .get(i)
                    .filter(|w| !w.is_empty())
                    .map(|w| format!(" \"{w}\""))
                    .unwrap_or_default();
                (2, format!("{progress} {}{words}", g.text))
            }
            ReviewRow::Step(i, j) => {
                let step = &review.goals[i].next_steps[j];
                let status = review
                    .steps
                    .get(i)
                    .and_then(|s| s.get(j))
                    .copied()
                    .unwrap_or(StepStatus::Open);
                let by = step
                    .by_when
                    .map(|d| format!(" by {d}:"))
                    .unwrap_or_default();
                (6, format!("step [{}]{by} {}", status.label(), step.what))
            }
        };
        let mark = match (selected, indent) {
            (true, 2) => "▶ ".to_string(),
            (true, _) => format!("▶{}", " ".repeat(indent - 1)),
            (false, _) => " ".repeat(indent),
        };
        let body = crate::domain::wrap::wrap_lines(&text, width.saturating_sub(indent).max(1));
        let rows: Vec<String> = body
            .into_iter()
            .enumerate()
            .map(|(k, r)| {
                let lead = if k == 0 {
                    mark.clone()
                } else {
                    " ".repeat(indent)
                };
                fit_words(&format!("{lead}{r}"), width)
            })
            .collect();
        wrapped.push((selected, rows));
    }
    let before: usize = wrapped
        .iter()
        .take(review.selected + 1)
        .map(|(_, r)| r.len())
        .sum();
    let skip = before.saturating_sub(room);
    let all = wrapped.into_iter().flat_map(|(selected, rows)| {
        let style = if selected { THEME.selected } else { THEME.text };
        rows.into_iter()
            .map(move |r| Line::from(Span::styled(r, style)))
    });
    lines.extend(all.skip(skip).take(room));
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((i, field)) = &review.editing_words {
        let rect = widgets::centered(area, area.width.min(60), 5);
        let title = review
            .goals
            .get(*i)
            .map(|g| fit_words(&g.text, 40))
            .unwrap_or_default();
        let inner = widgets::popup(frame, rect, &title);
        widgets::field(frame, inner, "Their words", field, true);
    }
}
