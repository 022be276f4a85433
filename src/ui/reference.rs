//! The quick reference overlay: a search box over a list (browse tabs or ranked results), or
//! one entry open for reading. Drawn over the whole body, so the screen underneath is
//! untouched and reappears as it was.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::theme::THEME;
use super::widgets::{self, panel};
use super::wrap::{hanging_indent, wrap};
use crate::app::App;
use crate::app::reference::{Reading, RefTab, ReferenceView, Row};
use crate::content::RefEntry;
use crate::content::search::body_lines;

/// Matched words, in lists and in the entry.
fn match_style() -> Style {
    THEME.key
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(view) = app.reference.as_deref() else {
        return;
    };
    frame.render_widget(Clear, area);
    match &view.reading {
        Some(reading) => draw_entry(frame, area, view, reading),
        None => draw_list(frame, area, view, app.reference_can_insert()),
    }
}

/// What kind of entry, and its stage when it has one: "Tool · Supporting". Browsing by
/// stage, the stage is already the heading above.
fn kind_line(e: &RefEntry, with_stage: bool) -> String {
    match e.stage {
        Some(s) if with_stage && e.kind != crate::content::RefKind::Stage => {
            format!("{} · {}", e.kind.label(), s.label())
        }
        _ => e.kind.label().to_string(),
    }
}

fn draw_list(frame: &mut Frame, area: Rect, view: &ReferenceView, in_session: bool) {
    let [search, tabs, list] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    let block = panel("Reference", true);
    let inner = block.inner(search);
    frame.render_widget(block, search);
    widgets::inline_field(frame, inner, "Search", &view.query, true);

    if view.searching() {
        let n = view.rows.len();
        let mut text = match n {
            0 => " No matches".to_string(),
            1 => " 1 match".to_string(),
            _ => format!(" {n} matches, best first"),
        };
        if view.partial {
            text.push_str(" (none has every word)");
        }
        let mut spans = vec![Span::styled(text, THEME.muted)];
        if in_session {
            spans.push(Span::styled(
                " · your notes are kept as they are",
                THEME.muted,
            ));
        }
        frame.render_widget(Line::from(spans), tabs);
    } else {
        frame.render_widget(tab_line(view.tab, tabs.width), tabs);
    }

    if view.rows.is_empty() {
        draw_no_matches(frame, list, view);
        return;
    }
    let item_height: u16 = if view.searching() { 2 } else { 1 };
    let visible = (list.height / item_height).max(1) as usize;
    let offset = (view.selected + 1).saturating_sub(visible);
    let mut lines = Vec::new();
    for (i, row) in view.rows.iter().enumerate().skip(offset).take(visible) {
        let Some(entry) = view.index.entry(row.entry) else {
            continue;
        };
        let selected = i == view.selected;
        if view.searching() {
            lines.extend(result_lines(view, row, entry, selected, list.width));
        } else {
            lines.push(browse_line(view, row, entry, selected, list.width));
        }
    }
    frame.render_widget(Paragraph::new(lines), list);
}

/// The browse tabs, the current one highlighted; tighter when the terminal is narrow so
/// every tab stays in view.
fn tab_line(current: RefTab, width: u16) -> Line<'static> {
    let layouts: [(&str, bool); 3] = [(" · ", false), ("", false), ("", true)];
    let mut line = Line::default();
    for (sep, short) in layouts {
        let mut spans = vec![Span::raw(" ")];
        for (i, tab) in RefTab::ALL.into_iter().enumerate() {
            if i > 0 && !sep.is_empty() {
                spans.push(Span::styled(sep, THEME.muted));
            }
            let style = if tab == current {
                THEME.selected
            } else {
                THEME.muted
            };
            let label = if short {
                tab.short_label()
            } else {
                tab.label()
            };
            spans.push(Span::styled(format!(" {label} "), style));
        }
        line = Line::from(spans);
        if line.width() <= width as usize {
            break;
        }
    }
    line
}

/// `left` and `right` on one line of `width` columns, `left` cut to leave room for `right`.
fn two_sided(left: Vec<Span<'static>>, right: &str, width: u16, style: Style) -> Line<'static> {
    let width = width as usize;
    let right_w = right.width() + 1;
    // At least one space between the two.
    let room = width.saturating_sub(right_w + 1).max(1);
    let mut spans = fit_spans(left, room);
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    if used + right_w <= width {
        spans.push(Span::raw(" ".repeat(width - used - right_w)));
        // Muted, unless the row's own style (the selection) says otherwise.
        spans.push(Span::styled(format!("{right} "), THEME.muted.patch(style)));
    }
    Line::from(spans).style(style)
}

/// Cuts spans to `width` columns, ending with "…" when cut.
fn fit_spans(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(|s| s.content.width()).sum();
    if total <= width {
        return spans;
    }
    let mut out = Vec::new();
    let mut used = 0;
    for s in spans {
        let w = s.content.width();
        if used + w < width {
            used += w;
            out.push(s);
            continue;
        }
        let cut = widgets::truncate(&s.content, width.saturating_sub(used));
        out.push(Span::styled(cut, s.style));
        break;
    }
    out
}

fn browse_line(
    view: &ReferenceView,
    row: &Row,
    entry: &RefEntry,
    selected: bool,
    width: u16,
) -> Line<'static> {
    let indent = "  ".repeat(row.depth as usize);
    let title_style = if row.depth == 0 && view.tab != RefTab::Qualities {
        THEME.accent.add_modifier(Modifier::BOLD)
    } else {
        THEME.text
    };
    let title = vec![Span::styled(
        format!(" {indent}{}", entry.title),
        title_style,
    )];
    let kind = kind_line(entry, view.tab != RefTab::Stages);
    let style = if selected {
        THEME.selected
    } else {
        Style::default()
    };
    two_sided(title, &kind, width, style)
}

fn result_lines(
    view: &ReferenceView,
    row: &Row,
    entry: &RefEntry,
    selected: bool,
    width: u16,
) -> [Line<'static>; 2] {
    let (base, hit) = if selected {
        (
            THEME.selected,
            THEME.selected.add_modifier(Modifier::UNDERLINED),
        )
    } else {
        (Style::default(), match_style())
    };
    let mut title = vec![Span::styled(" ", base)];
    title.extend(highlighted(
        &entry.title,
        &view.index.highlights(&view.matches, &entry.title),
        base,
        hit,
    ));
    let first = two_sided(title, &kind_line(entry, true), width, base);

    let line = row
        .best_line
        .and_then(|l| body_lines(&entry.body).nth(l))
        .or_else(|| body_lines(&entry.body).next())
        .unwrap_or("");
    let ranges = view.index.highlights(&view.matches, line);
    let room = (width as usize).saturating_sub(4);
    let (text, ranges) = window(line, &ranges, room);
    let muted = if selected { base } else { THEME.muted };
    let mut snippet = vec![Span::styled("   ", muted)];
    snippet.extend(fit_spans(highlighted(&text, &ranges, muted, hit), room));
    [first, Line::from(snippet).style(muted)]
}

/// The part of `line` to show in `width` columns so the first match is in view.
fn window(line: &str, ranges: &[Range<usize>], width: usize) -> (String, Vec<Range<usize>>) {
    let start = match ranges.first() {
        Some(r) if line[..r.end].width() > width.saturating_sub(width / 3) => {
            // Begin a few words before the match.
            let lead = width / 4;
            let mut at = r.start;
            for (i, _) in line[..r.start].char_indices().rev() {
                if line[i..r.start].width() > lead {
                    break;
                }
                at = i;
            }
            // Start at a word.
            line[at..r.start]
                .find(' ')
                .map(|s| at + s + 1)
                .filter(|s| *s <= r.start)
                .unwrap_or(at)
        }
        _ => 0,
    };
    if start == 0 {
        return (line.to_string(), ranges.to_vec());
    }
    let prefix = "…";
    let shift = |r: &Range<usize>| r.start - start + prefix.len()..r.end - start + prefix.len();
    (
        format!("{prefix}{}", &line[start..]),
        ranges
            .iter()
            .filter(|r| r.start >= start)
            .map(shift)
            .collect(),
    )
}

/// `text` as spans, the byte `ranges` in `hit` style and the rest in `base`.
fn highlighted(text: &str, ranges: &[Range<usize>], base: Style, hit: Style) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start < at || r.end > text.len() {
            continue;
        }
        if r.start > at {
            out.push(Span::styled(text[at..r.start].to_string(), base));
        }
        out.push(Span::styled(text[r.clone()].to_string(), hit));
        at = r.end;
    }
    if at < text.len() {
        out.push(Span::styled(text[at..].to_string(), base));
    }
    out
}

fn draw_no_matches(frame: &mut Frame, area: Rect, view: &ReferenceView) {
    let mut lines = vec![
        Line::from(""),
        Line::from(Span::styled(
            format!(
                "Nothing matches \u{201c}{}\u{201d}.",
                view.query.text().trim()
            ),
            THEME.warning,
        )),
    ];
    if !view.suggestions.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from("Did you mean:"));
        for i in &view.suggestions {
            if let Some(e) = view.index.entry(*i) {
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(e.title.clone(), THEME.accent),
                ]));
            }
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "Check the spelling or use fewer words. Tab shows everything by stage, tool, \
         competency and quality.",
        THEME.muted,
    )));
    let inset = Rect {
        x: area.x.saturating_add(1).min(area.right()),
        width: area.width.saturating_sub(2),
        ..area
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inset);
}

/// One screen row of an entry: which body line it belongs to, and its spans.
struct BodyRow {
    line: Option<usize>,
    spans: Vec<Span<'static>>,
}

/// Whether a body line reads as a heading: short, not a list item, and introducing a list
/// or ending with a colon.
fn is_heading(lines: &[crate::app::reference::ReadingLine], i: usize) -> bool {
    let text = &lines[i].text;
    let next_is_item = lines
        .get(i + 1)
        .is_some_and(|n| !n.gap_before && n.text.starts_with("- "));
    !text.starts_with("- ")
        && text.width() <= 60
        && (next_is_item || text.ends_with(':'))
        && !text.ends_with('.')
}

fn draw_entry(frame: &mut Frame, area: Rect, view: &ReferenceView, reading: &Reading) {
    let Some(entry) = view.index.entry(reading.entry) else {
        return;
    };
    let position = format!(
        " line {} of {} ",
        (reading.cursor + 1).min(reading.lines.len()),
        reading.lines.len()
    );
    let block = panel(&widgets::truncate(&entry.title, 60), true)
        .title_top(
            Line::from(Span::styled(
                format!(" {} ", kind_line(entry, true)),
                THEME.muted,
            ))
            .right_aligned(),
        )
        .title_bottom(Line::from(Span::styled(position, THEME.muted)).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    // Two columns of gutter: the cursor mark and a space.
    let width = (inner.width - 2) as usize;
    let mut rows: Vec<BodyRow> = Vec::new();
    for (i, line) in reading.lines.iter().enumerate() {
        if line.gap_before {
            rows.push(BodyRow {
                line: None,
                spans: Vec::new(),
            });
        }
        let heading = is_heading(&reading.lines, i);
        let base = if heading { THEME.accent } else { THEME.text };
        let hang = hanging_indent(&line.text);
        let ranges = view.index.highlights(&view.matches, &line.text);
        for segment in wrap(&line.text, width, hang) {
            let mut spans = Vec::new();
            if segment.indent > 0 {
                spans.push(Span::raw(" ".repeat(segment.indent)));
            }
            let local: Vec<Range<usize>> = ranges
                .iter()
                .filter(|r| r.start >= segment.range.start && r.end <= segment.range.end)
                .map(|r| r.start - segment.range.start..r.end - segment.range.start)
                .collect();
            spans.extend(highlighted(
                &line.text[segment.range.clone()],
                &local,
                base,
                match_style(),
            ));
            rows.push(BodyRow {
                line: Some(i),
                spans,
            });
        }
    }
    let height = inner.height as usize;
    let first = rows.iter().position(|r| r.line == Some(reading.cursor));
    let last = rows.iter().rposition(|r| r.line == Some(reading.cursor));
    let offset = match (first, last) {
        (Some(first), Some(last)) => {
            // Keep the cursor a third of the way down, with what follows in view.
            let mut o = first.saturating_sub(height / 3);
            if last >= o + height {
                o = first;
            }
            o.min(rows.len().saturating_sub(height))
        }
        _ => 0,
    };
    let lines: Vec<Line> = rows
        .into_iter()
        .skip(offset)
        .take(height)
        .map(|r| {
            let on_cursor = r.line == Some(reading.cursor);
            let mut spans = vec![if on_cursor {
                Span::styled("▌ ", THEME.accent)
            } else {
                Span::raw("  ")
            }];
            spans.extend(r.spans);
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_keeps_the_first_match_in_view() {
        let line = "one two three four five six seven eight nine ten match here";
        let at = line.find("match").unwrap_or(0);
        let found: Vec<Range<usize>> = std::iter::once(at..at + 5).collect();
        let (text, ranges) = window(line, &found, 20);
        assert!(text.starts_with('…'));
        assert_eq!(&text[ranges[0].clone()], "match");
        let early: Vec<Range<usize>> = std::iter::once(0..5).collect();
        let (same, _) = window("match early", &early, 20);
        assert_eq!(same, "match early");
    }
}
