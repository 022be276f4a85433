//! The blank screen, the lock screen and the crisis resources overlay. The blank and lock
//! screens draw nothing of the app underneath: no alias, note or list can show.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::theme::THEME;
use super::widgets;
use crate::app::App;
use crate::app::privacy::{LockPrompt, LockWhy};
use crate::content::Content;

/// Draws the blank or lock screen over the whole frame (and the crisis overlay if open).
pub fn draw_hidden(frame: &mut Frame, app: &App) {
    let area = frame.area();
    frame.render_widget(Clear, area);
    match &app.privacy.lock {
        Some(prompt) if !app.privacy.blank => draw_lock(frame, area, prompt, None),
        _ => draw_blank(frame, area),
    }
    if let Some(view) = app.privacy.crisis {
        draw_crisis(frame, area, app.content, view.scroll);
    }
}

/// A neutral, empty screen with one quiet line at the bottom.
pub fn draw_blank(frame: &mut Frame, area: Rect) {
    if area.height == 0 {
        return;
    }
    let bottom = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    frame.render_widget(
        Paragraph::new(Span::styled("Press any key to continue.", THEME.muted)),
        bottom,
    );
}

/// The passphrase prompt. `note` replaces the line saying why it is locked (used at start).
pub fn draw_lock(frame: &mut Frame, area: Rect, prompt: &LockPrompt, note: Option<&str>) {
    frame.render_widget(Clear, area);
    let [main, hints] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let rect = widgets::centered(main, 60, 9);
    let inner = widgets::popup(frame, rect, "Locked");
    let why = note.unwrap_or(match prompt.why {
        LockWhy::Blanked => "The screen was blanked.",
        LockWhy::Idle => "Locked after a while without a key press.",
    });
    let [text, field, error] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(why, THEME.muted)),
            Line::from("Type the passphrase and press Enter. Everything is kept as it was."),
        ])
        .wrap(Wrap { trim: true }),
        text,
    );
    widgets::inline_field(frame, field, "Passphrase", &prompt.field, true);
    if let Some(message) = &prompt.error {
        frame.render_widget(
            Paragraph::new(Span::styled(message.clone(), THEME.error)).wrap(Wrap { trim: true }),
            error,
        );
    }
    let keys = Line::from(vec![
        widgets::key_span("Enter"),
        Span::styled(" unlock  ", THEME.muted),
        widgets::key_span("Esc"),
        Span::styled(" clear  ", THEME.muted),
        widgets::key_span("F9"),
        Span::styled(" crisis lines  ", THEME.muted),
        widgets::key_span("Ctrl+C"),
        Span::styled(" quit (a session is kept)", THEME.muted),
    ]);
    frame.render_widget(keys, hints);
}

/// Crisis resources: an organisation's local ones first, then the national lines, each with
/// every way to reach it.
pub fn draw_crisis(frame: &mut Frame, area: Rect, content: &Content, scroll: u16) {
    let rect = widgets::centered(area, 74, 22);
    let inner = widgets::popup(frame, rect, "Crisis lines (F9)");
    let crisis = content.crisis();
    let mut lines = vec![Line::from(Span::raw(crisis.intro.clone())), Line::from("")];
    for r in crisis.all() {
        lines.push(Line::from(Span::styled(r.name.clone(), THEME.warning)));
        for c in &r.contacts {
            let mut spans = vec![
                Span::styled(format!("  {:<6}", c.method.label()), THEME.muted),
                Span::styled(c.value.clone(), THEME.key),
            ];
            if let Some(note) = &c.note {
                spans.push(Span::styled(format!("  ({note})"), THEME.muted));
            }
            lines.push(Line::from(spans));
        }
        if let Some(hours) = &r.hours {
            lines.push(Line::from(Span::styled(format!("  {hours}"), THEME.muted)));
        }
        lines.push(Line::from(Span::raw(format!("  {}", r.description))));
        lines.push(Line::from(""));
    }
    let last = u16::try_from(lines.len().saturating_sub(1)).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll.min(last), 0)),
        inner,
    );
}
