//! The peer page's goal list: each goal with its status, target date and life area, the
//! chosen one marked, and the field for a target date or life area being typed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::fit::fit_words;
use super::theme::THEME;
use super::widgets;
use crate::app::App;
use crate::app::goal_edit::{GoalEdit, GoalPart};
use crate::app::journey::today;
use crate::domain::goals::journey::due_words;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, peer_id: uuid::Uuid, edit: &GoalEdit) {
    let inner = widgets::popup(frame, area, "Their goals");
    if inner.width < 8 || inner.height < 2 {
        return;
    }
    let width = usize::from(inner.width);
    let today = today(app);
    let goals = app.journey.goals.for_peer(peer_id);
    let typing_rows = if edit.typing.is_some() { 4 } else { 0 };
    let room = usize::from(inner.height.saturating_sub(typing_rows)) / 2;
    let selected = goals
        .iter()
        .position(|g| Some(g.id) == edit.selected)
        .unwrap_or(0);
    let start = (selected + 1).saturating_sub(room.max(1));
    let mut lines = Vec::new();
    for (i, g) in goals.iter().enumerate().skip(start).take(room.max(1)) {
        let chosen = i == selected;
        let mark = if chosen { "▶ " } else { "  " };
        let style = if chosen { THEME.selected } else { THEME.text };
        lines.push(Line::from(Span::styled(
            fit_words(&format!("{mark}{}", g.text), width),
            style,
        )));
        let mut facts = format!("    {} since {}", g.status.label(), g.status_date);
        match g.target {
            Some(d) if g.is_active() => {
                facts.push_str(&format!(" · target {d} ({})", due_words(d, today)))
            }
            Some(d) => facts.push_str(&format!(" · target {d}")),
            None => facts.push_str(" · no target date"),
        }
        if !g.life_area.is_empty() {
            facts.push_str(&format!(" · {}", g.life_area));
        }
        lines.push(Line::from(Span::styled(
            fit_words(&facts, width),
            THEME.muted,
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);

    if let Some((part, field, problem)) = &edit.typing {
        let h = typing_rows.min(inner.height);
        let field_area = Rect {
            y: inner.y + inner.height - h,
            height: h.min(3),
            ..inner
        };
        let title = match part {
            GoalPart::Target => "Target date",
            GoalPart::LifeArea => "Life area",
        };
        widgets::field(frame, field_area, title, field, true);
        if let Some(problem) = problem
            && h > 3
        {
            frame.render_widget(
                Line::from(Span::styled(fit_words(problem, width), THEME.warning)),
                Rect {
                    y: field_area.y + 3,
                    height: 1,
                    ..inner
                },
            );
        }
    }
}
