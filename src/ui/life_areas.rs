//! A peer's life areas over time on their page: one small chart (a ratatui Sparkline, 1 to
//! 10) per area, with the latest rating and how it moved since the check-in before.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Sparkline};

use super::theme::THEME;
use super::widgets::{self, panel};
use crate::content::life_areas::area_labels;
use crate::domain::check_in::{MAX_RATING, PeerCheckIn, areas_of, series};

/// Columns the panel takes beside the page on a wide screen.
pub const PANEL_WIDTH: u16 = 30;

/// Rows the panel wants: a title line and a chart line per area, in a box.
pub fn height(check_ins: &[PeerCheckIn]) -> u16 {
    let areas = areas_of(check_ins, &area_labels()).len() as u16;
    areas * 2 + 3
}

/// Splits `area` into the page and the life-area panel (beside it when wide enough, under
/// it otherwise), or leaves it whole when there is nothing to chart or no room.
pub fn split(area: Rect, check_ins: &[PeerCheckIn]) -> (Rect, Option<Rect>) {
    if check_ins.is_empty() {
        return (area, None);
    }
    if area.width >= PANEL_WIDTH + 40 {
        let [page, chart] =
            Layout::horizontal([Constraint::Min(40), Constraint::Length(PANEL_WIDTH)]).areas(area);
        return (page, Some(chart));
    }
    let wanted = height(check_ins).min(area.height / 2);
    if wanted < 5 {
        return (area, None);
    }
    let [page, chart] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(wanted)]).areas(area);
    (page, Some(chart))
}

pub fn draw(frame: &mut Frame, area: Rect, check_ins: &[PeerCheckIn]) {
    let title = format!("Life areas ({} check-ins)", check_ins.len());
    let block = panel(&title, false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut y = inner.y;
    for name in areas_of(check_ins, &area_labels()) {
        if y + 2 > inner.bottom() {
            break;
        }
        let values = series(check_ins, &name);
        let latest = values.last().copied().unwrap_or(0);
        let change = match values[..] {
            [.., a, b] if b > a => format!(" ↑{}", b - a),
            [.., a, b] if b < a => format!(" ↓{}", a - b),
            _ => String::new(),
        };
        let label = widgets::truncate(&name, inner.width.saturating_sub(8) as usize);
        frame.render_widget(
            Line::from(vec![
                Span::raw(label),
                Span::styled(format!(" {latest}/10{change}"), THEME.accent),
            ]),
            Rect {
                y,
                height: 1,
                ..inner
            },
        );
        // The newest ratings that fit, one column each.
        let keep = inner.width as usize;
        let shown: Vec<u64> = values
            .iter()
            .skip(values.len().saturating_sub(keep))
            .map(|v| u64::from(*v))
            .collect();
        frame.render_widget(
            Sparkline::default()
                .block(Block::default())
                .data(&shown)
                .max(u64::from(MAX_RATING))
                .style(THEME.accent),
            Rect {
                y: y + 1,
                height: 1,
                ..inner
            },
        );
        y += 2;
    }
}
