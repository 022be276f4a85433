//! The specialist's own wellbeing: a gentle summary over time (a small Sparkline per
//! question, the latest answer, kind words where it is lower) and, while answering, the
//! week's questions as a form. Drawn only from state.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline, Wrap};

use super::theme::THEME;
use super::widgets::{self, panel};
use crate::app::App;
use crate::app::wellbeing::WellbeingForm;
use crate::content::life_areas::{Wellbeing, wellbeing};
use crate::domain::wellbeing::{MAX_ANSWER, WellbeingLog, lower_now};

/// Columns for the question labels.
const LABEL_WIDTH: u16 = 19;
/// Checks a chart shows at most (the latest ones).
const CHART_CHECKS: usize = 12;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let w = wellbeing();
    match &app.wellbeing.form {
        Some(form) => draw_form(frame, area, w, form),
        None => draw_summary(frame, area, app, w),
    }
}

fn draw_summary(frame: &mut Frame, area: Rect, app: &App, w: &Wellbeing) {
    let block = panel("My wellbeing · private: in no report or export", true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width < LABEL_WIDTH + 6 {
        return;
    }
    let width = inner.width as usize;
    let view = &app.wellbeing;
    let Some(log) = view.log.as_ref() else {
        let text = match &view.error {
            Some(e) => Span::styled(e.clone(), THEME.error),
            None => Span::styled("Reading your checks…", THEME.muted),
        };
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), inner);
        return;
    };
    let today = app.now.date_naive();
    let status = match log.checks.last() {
        None => "No checks yet. The first takes a few minutes: Enter.".to_string(),
        Some(_) if view.due(today) => "This week's check is open: Enter to answer.".to_string(),
        Some(last) => format!(
            "{} check(s) since {}; the next opens {}.",
            log.checks.len(),
            log.checks[0].at.date_naive(),
            last.at.date_naive() + chrono::Duration::days(w.every_days)
        ),
    };
    // On a short screen the charts come first; the intro and kind words give way.
    let rows = w.question.len() as u16;
    let roomy = inner.height >= rows + 5;
    let [intro, head, charts, rest] = Layout::vertical([
        Constraint::Length(u16::from(roomy)),
        Constraint::Length(1),
        Constraint::Length(rows.min(inner.height.saturating_sub(1))),
        Constraint::Min(0),
    ])
    .areas(inner);
    frame.render_widget(
        Span::styled(widgets::truncate(&w.intro, width), THEME.muted),
        intro,
    );
    frame.render_widget(
        Span::styled(widgets::truncate(&status, width), THEME.text),
        head,
    );
    draw_charts(frame, charts, w, log);
    let mut lines: Vec<Line> = Vec::new();
    if roomy {
        lines.push(Line::default());
    }
    for (label, word) in lower_now(log, &questions(w)) {
        lines.push(Line::from(vec![
            Span::styled(format!("{label}: "), THEME.accent),
            Span::styled(word.to_string(), THEME.text),
        ]));
    }
    if let Some(last) = log.checks.last().filter(|c| !c.note.is_empty()) {
        lines.push(Line::from(vec![
            Span::styled(
                format!("Your word, {}: ", last.at.date_naive()),
                THEME.muted,
            ),
            Span::styled(last.note.clone(), THEME.text),
        ]));
    }
    lines.push(Line::from(Span::styled(
        w.screen_pointer.clone(),
        THEME.muted,
    )));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), rest);
}

fn questions(w: &Wellbeing) -> Vec<crate::domain::wellbeing::Question<'_>> {
    w.question
        .iter()
        .map(|q| crate::domain::wellbeing::Question {
            id: &q.id,
            label: &q.label,
            low: &q.low,
        })
        .collect()
}

/// One row per question: its label, a small chart of its answers, the latest one.
fn draw_charts(frame: &mut Frame, area: Rect, w: &Wellbeing, log: &WellbeingLog) {
    let lower: Vec<&str> = lower_now(log, &questions(w))
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    for (i, q) in w.question.iter().enumerate().take(area.height as usize) {
        let line = Rect {
            y: area.y + i as u16,
            height: 1,
            ..area
        };
        let [label, chart, latest] = Layout::horizontal([
            Constraint::Length(LABEL_WIDTH),
            Constraint::Length(CHART_CHECKS as u16 + 1),
            Constraint::Min(1),
        ])
        .areas(line);
        frame.render_widget(
            Span::styled(
                widgets::truncate(&q.label, LABEL_WIDTH as usize - 1),
                THEME.text,
            ),
            label,
        );
        let values: Vec<u64> = log
            .checks
            .iter()
            .filter_map(|c| c.answer(&q.id))
            .map(u64::from)
            .collect();
        let shown = &values[values.len().saturating_sub(CHART_CHECKS)..];
        frame.render_widget(
            Sparkline::default()
                .data(shown)
                .max(u64::from(MAX_ANSWER))
                .style(THEME.accent),
            Rect {
                width: chart.width.saturating_sub(1),
                ..chart
            },
        );
        let text = match values.last() {
            None => Span::styled("–", THEME.muted),
            Some(v) if lower.contains(&q.label.as_str()) => {
                Span::styled(format!("{v}/5 lower"), THEME.warning)
            }
            Some(v) => Span::styled(format!("{v}/5"), THEME.text),
        };
        frame.render_widget(text, latest);
    }
}

fn draw_form(frame: &mut Frame, area: Rect, w: &Wellbeing, form: &WellbeingForm) {
    let block = panel("This week's check · 1 hardly … 5 very much", true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 3 || inner.width < LABEL_WIDTH + 6 {
        return;
    }
    let rows = w.question.len() as u16 + 1;
    let ask = if inner.height >= rows + 4 { 2 } else { 1 };
    let [question, list, msg] = Layout::vertical([
        Constraint::Length(ask),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let asked = match w.question.get(form.row) {
        Some(q) => Span::styled(q.text.clone(), THEME.accent),
        None => Span::styled(
            "Anything to note for yourself? Only you will see it.",
            THEME.accent,
        ),
    };
    frame.render_widget(Paragraph::new(asked).wrap(Wrap { trim: true }), question);
    // Keep the selected row in view on a short screen.
    let visible = list.height as usize;
    let first = form.row.saturating_sub(visible.saturating_sub(1));
    for i in (first..=w.question.len()).take(visible) {
        let line = Rect {
            y: list.y + (i - first) as u16,
            height: 1,
            ..list
        };
        let selected = i == form.row;
        let marker = if selected { "› " } else { "  " };
        let Some(q) = w.question.get(i) else {
            let label = if selected { "› Word:" } else { "  Word:" };
            widgets::inline_field(frame, line, label, &form.note, selected);
            continue;
        };
        let value = form.values.get(i).copied().flatten();
        let dots: String = (1..=MAX_ANSWER)
            .map(|n| {
                if value.is_some_and(|v| n <= v) {
                    "● "
                } else {
                    "○ "
                }
            })
            .collect();
        let style = if selected { THEME.accent } else { THEME.text };
        let label = widgets::truncate(&q.label, LABEL_WIDTH as usize - 1);
        frame.render_widget(
            Line::from(vec![
                Span::raw(marker),
                Span::styled(format!("{label:<w$} ", w = LABEL_WIDTH as usize - 1), style),
                Span::styled(dots, style),
                Span::styled(value.map_or(String::new(), |v| format!(" {v}")), THEME.text),
            ]),
            line,
        );
    }
    let note = match &form.error {
        Some(e) => Span::styled(e.clone(), THEME.error),
        None => Span::styled(
            "Ctrl+S keeps it; Esc leaves without keeping. Any question can stay blank.",
            THEME.muted,
        ),
    };
    let text = widgets::truncate(&note.content, msg.width as usize);
    frame.render_widget(Paragraph::new(Span::styled(text, note.style)), msg);
}
