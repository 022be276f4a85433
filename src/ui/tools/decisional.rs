//! The advantages and disadvantages worksheet: four boxes, their totals, and a closing
//! reflection.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::theme::THEME;
use super::super::widgets;
use super::{draw_items, wrapped};
use crate::app::tools::forms::DecisionalForm;
use crate::domain::worksheets::Side;

fn short(side: Side) -> &'static str {
    match side {
        Side::GoodAboutNow => "Good about now",
        Side::NotSoGoodAboutNow => "Not-so-good about now",
        Side::GoodAboutChange => "Good about a change",
        Side::NotSoGoodAboutChange => "Not-so-good about a change",
    }
}

pub fn draw(frame: &mut Frame, area: Rect, form: &DecisionalForm, focus: usize) {
    // On a short screen the boxes keep their rows: the prompt goes, the reflection shrinks.
    let cramped = area.height < 16;
    let [prompt, grid, reflection] = Layout::vertical([
        Constraint::Length(if cramped { 0 } else { 2 }),
        Constraint::Min(4),
        Constraint::Length(if cramped { 3 } else { 4 }),
    ])
    .areas(area);
    let sheet = form.sheet();
    // What the focused box asks, or what to look at when reflecting.
    let text = match Side::ALL.get(focus) {
        Some(side) => {
            let q = form
                .content
                .quadrants
                .iter()
                .find(|q| super::super::super::app::tools::forms::side_of(q.quadrant) == *side);
            match q {
                Some(q) => format!("{}: {}", q.title, q.prompt),
                None => side.label().to_string(),
            }
        }
        None => form
            .content
            .closing_prompts
            .first()
            .cloned()
            .unwrap_or_default(),
    };
    frame.render_widget(
        Paragraph::new(wrapped(&text, prompt.width, THEME.muted, " ", " ")),
        prompt,
    );
    let [top, bottom] =
        Layout::vertical([Constraint::Ratio(1, 2), Constraint::Ratio(1, 2)]).areas(grid);
    let [a, b] = Layout::horizontal([Constraint::Ratio(1, 2), Constraint::Ratio(1, 2)]).areas(top);
    let [c, d] =
        Layout::horizontal([Constraint::Ratio(1, 2), Constraint::Ratio(1, 2)]).areas(bottom);
    for (i, (side, rect)) in Side::ALL.into_iter().zip([a, b, c, d]).enumerate() {
        let t = sheet.totals(side);
        let items = if t.items == 1 {
            "1 item".to_string()
        } else {
            format!("{} items", t.items)
        };
        let totals = if t.rated > 0 {
            format!("{items} · importance {}", t.importance)
        } else {
            items
        };
        if let Some(list) = form.boxes.get(i) {
            draw_items(frame, rect, short(side), Some(&totals), list, focus == i);
        }
    }
    widgets::field(
        frame,
        reflection,
        "Looking at all four boxes",
        &form.reflection,
        focus == 4,
    );
    // Keep the totals visible even when a box is too small to show its title in full.
    if grid.height < 4 {
        frame.render_widget(
            Line::from(Span::styled(
                "Enlarge the terminal to see all four boxes.",
                THEME.muted,
            )),
            grid,
        );
    }
}
