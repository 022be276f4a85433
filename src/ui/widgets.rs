//! Pieces shared by the screens: key hints, popups clamped to the frame, formatting.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear};
use unicode_width::UnicodeWidthStr;

use super::theme::THEME;
use crate::app::field::Field;
use crate::app::keymap::{self, Binding};
use crate::domain::Timestamp;

/// The hint bar: the keys that finish the task always, then the most important that fit the
/// width, and `? more` when help holds more.
pub fn hint_line(bindings: &[Binding], width: u16) -> Line<'static> {
    let footer = keymap::footer(bindings, width);
    let mut spans = Vec::new();
    let pieces = footer
        .shown
        .iter()
        .map(|b| (b.hint.to_string(), b.label))
        .chain(footer.more.map(|h| (h.to_string(), "more")));
    for (hint, label) in pieces {
        spans.push(Span::styled(hint, THEME.key));
        spans.push(Span::styled(format!(" {label}  "), THEME.muted));
    }
    Line::from(spans)
}

/// A rectangle of at most `w`×`h` centred in `area`, never larger than it.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Clears `area` and draws a bordered popup in it; returns the inner area.
pub fn popup(frame: &mut Frame, area: Rect, title: &str) -> Rect {
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(THEME.border_focus)
        .title(Span::styled(format!(" {title} "), THEME.title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// A titled box, highlighted when it has the keyboard.
pub fn panel(title: &str, focused: bool) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(if focused {
            THEME.border_focus
        } else {
            THEME.border
        })
        .title(Span::styled(
            format!(" {title} "),
            if focused { THEME.title } else { THEME.muted },
        ))
}

/// Draws a text field inside a titled box.
pub fn field(frame: &mut Frame, area: Rect, title: &str, field: &Field, focused: bool) {
    let block = panel(title, focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(field.textarea(), inner);
}

/// Draws a one-line field with a label in front of it, no box.
pub fn inline_field(frame: &mut Frame, area: Rect, label: &str, field: &Field, focused: bool) {
    let label_w = (label.width() as u16 + 1).min(area.width);
    let style = if focused { THEME.accent } else { THEME.muted };
    frame.render_widget(
        Line::from(Span::styled(format!("{label} "), style)),
        Rect {
            width: label_w,
            ..area
        },
    );
    let rest = Rect {
        x: area.x + label_w,
        width: area.width - label_w,
        height: 1.min(area.height),
        ..area
    };
    frame.render_widget(field.textarea(), rest);
}

pub fn duration(seconds: i64) -> String {
    let s = seconds.max(0);
    let (h, m, sec) = (s / 3600, (s % 3600) / 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{sec:02}")
    } else {
        format!("{m:02}:{sec:02}")
    }
}

/// Minutes, for lists: "45 min", "1 h 05".
pub fn minutes(seconds: i64) -> String {
    let m = seconds.max(0) / 60;
    if m >= 60 {
        format!("{} h {:02}", m / 60, m % 60)
    } else {
        format!("{m} min")
    }
}

pub fn date(t: Timestamp) -> String {
    t.format("%Y-%m-%d").to_string()
}

pub fn date_time(t: Timestamp) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

pub fn time(t: Timestamp) -> String {
    t.format("%H:%M").to_string()
}

/// Cuts `text` to `width` columns, ending with "…" when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

pub fn key_span(k: &str) -> Span<'static> {
    Span::styled(k.to_string(), THEME.key)
}

pub fn styled(text: impl Into<String>, style: Style) -> Span<'static> {
    Span::styled(text.into(), style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centered_never_leaves_the_area() {
        let area = Rect::new(0, 0, 20, 5);
        let r = centered(area, 60, 20);
        assert_eq!(r, area);
        let r = centered(Rect::new(3, 2, 80, 24), 40, 10);
        assert!(r.x >= 3 && r.right() <= 83 && r.bottom() <= 26);
    }

    #[test]
    fn truncate_counts_columns() {
        assert_eq!(truncate("hello", 10), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("日本語テキスト", 5), "日本…");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(65), "01:05");
        assert_eq!(duration(3725), "1:02:05");
        assert_eq!(minutes(3900), "1 h 05");
        assert_eq!(minutes(-5), "0 min");
    }
}

/// Text shortened on purpose to `width` columns: whole when it fits, else cut at a word
/// where that keeps most of it, else at a character, and marked with `…`, so the edge of a
/// box never chops a word unseen.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut cut = String::new();
    for c in text.chars() {
        if cut.width() + c.to_string().width() + 1 > width {
            break;
        }
        cut.push(c);
    }
    if let Some(space) = cut.rfind(' ')
        && cut[..space].width() * 3 >= width * 2
    {
        cut.truncate(space);
    }
    let trimmed = cut.trim_end_matches([' ', ',', ';', ':', '·', '-', '—']);
    format!("{trimmed}…")
}

#[cfg(test)]
mod fit_tests {
    use super::fit;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn fit_keeps_short_text_and_marks_a_cut() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(
            fit("Planning for the family visit", 20),
            "Planning for the…"
        );
        assert_eq!(
            fit("Socializing / self-esteem building", 12),
            "Socializing…"
        );
        assert_eq!(fit("Unbreakablewordhere", 8), "Unbreak…");
        for w in 0..30 {
            assert!(fit("Talked about the new job, café ✓", w).width() <= w);
        }
    }
}
