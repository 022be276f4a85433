//! The help overlay: every key of the current mode, and where to find help in a crisis.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::THEME;
use super::widgets;
use crate::app::App;
use crate::app::keymap;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let rect = widgets::centered(area, 70, 22);
    let inner = widgets::popup(frame, rect, "Help");
    // The mode under the overlay: help lists that mode's keys, not its own.
    let mode = keymap::mode_under_help(app);
    // Crisis lines first, so they are on screen whatever the size.
    let mut lines = crisis_lines(app);
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled("Keys here", THEME.title)));
    let mut last_label = "";
    for b in keymap::bindings(app, mode) {
        // Keys that share a line in the bar (1-5) share one line here too.
        if b.label == last_label {
            continue;
        }
        last_label = b.label;
        lines.push(Line::from(vec![
            Span::styled(format!("{:>10}  ", b.hint), THEME.key),
            Span::raw(b.label),
        ]));
    }
    if mode.is_typing() {
        lines.push(Line::from(Span::styled(
            "Other keys type into the field; shortcuts use Ctrl, Esc, Tab or F-keys.",
            THEME.muted,
        )));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// Crisis resources, always on the help screen.
pub fn crisis_lines(app: &App) -> Vec<Line<'static>> {
    let mut lines = vec![Line::from(Span::styled(
        "If someone is in crisis",
        THEME.warning,
    ))];
    lines.extend(
        app.content
            .crisis()
            .all()
            .map(|r| Line::from(Span::styled(format!("  {}", r.one_line()), THEME.warning))),
    );
    lines
}
