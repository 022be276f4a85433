//! Reports: the figures for the range, and hours by activity as a bar chart beside the
//! field averages for the same number of days.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::THEME;
use super::widgets::{self, panel};
use crate::app::App;
use crate::app::reports::Period;
use crate::domain::report::hours;
use crate::domain::report_text::{bar_text, bars};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(view) = &app.reports else {
        return;
    };
    let period = match view.period {
        Period::Week => "week",
        Period::Month => "month",
        Period::Custom => "range",
    };
    let title = format!(
        "Reports · {} to {} ({period})",
        view.range.from, view.range.to
    );
    let block = panel(&title, view.custom.is_none());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(r) = &view.report else {
        frame.render_widget(Paragraph::new("Adding up…"), inner);
        draw_range_form(frame, area, app);
        return;
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{}", r.sessions), THEME.accent),
            Span::raw(if r.sessions == 1 {
                " session · "
            } else {
                " sessions · "
            }),
            Span::styled(hours(r.session_minutes), THEME.accent),
            Span::raw(" h · peers seen "),
            Span::styled(format!("{}", r.peers_seen), THEME.accent),
            Span::raw(", new "),
            Span::styled(format!("{}", r.new_peers), THEME.accent),
        ]),
        Line::from(vec![
            Span::raw("Goals addressed "),
            Span::styled(format!("{}", r.goals_addressed), THEME.accent),
            Span::raw(", achieved "),
            Span::styled(format!("{}", r.goals_achieved), THEME.accent),
            Span::raw(" · next steps "),
            Span::styled(format!("{}", r.next_steps_agreed), THEME.accent),
            Span::raw(", done "),
            Span::styled(format!("{}", r.next_steps_done), THEME.accent),
        ]),
    ];
    let kinds: Vec<String> = r
        .sessions_by_kind
        .iter()
        .map(|(k, n)| format!("{} {n}", k.replace('_', " ")))
        .collect();
    lines.push(Line::from(Span::styled(
        if kinds.is_empty() {
            "No sessions in this range.".to_string()
        } else {
            format!("By kind: {}", kinds.join(", "))
        },
        THEME.muted,
    )));
    // Label, your bar, your hours, the field average's bar and hours.
    let w = inner.width as usize;
    let label_w = if w >= 70 { 24 } else { 14 };
    let num_w = 7;
    let bar_w = w.saturating_sub(label_w + 2 * num_w + 3) / 2;
    let all = bars(r);
    let max = all
        .iter()
        .map(|b| b.minutes.max(b.average))
        .max()
        .unwrap_or(0);
    lines.push(Line::from(Span::styled(
        format!(
            "{:<label_w$} {:<bar_w$}{:>num_w$} {:<bar_w$}{:>num_w$}",
            "Hours by activity", "you", "h:mm", "field average", "h:mm"
        ),
        THEME.muted,
    )));
    let mut kind = None;
    for b in &all {
        if kind != Some(b.direct) {
            kind = Some(b.direct);
            let total = if b.direct {
                r.direct_total
            } else {
                r.indirect_total
            };
            lines.push(Line::from(Span::styled(
                format!(
                    "{} · {}",
                    if b.direct { "Direct" } else { "Indirect" },
                    hours(total)
                ),
                THEME.title,
            )));
        }
        let mine = bar_text(b.minutes, max, bar_w);
        let avg = bar_text(b.average, max, bar_w);
        let pad = |s: &str| {
            let n = s.chars().count();
            format!("{s}{}", " ".repeat(bar_w.saturating_sub(n)))
        };
        lines.push(Line::from(vec![
            Span::raw(format!(
                "{:<label_w$} ",
                widgets::truncate(b.label, label_w)
            )),
            Span::styled(pad(&mine), THEME.accent),
            Span::raw(format!("{:>num_w$} ", hours(b.minutes))),
            Span::styled(pad(&avg), THEME.muted),
            Span::styled(format!("{:>num_w$}", hours(b.average)), THEME.muted),
        ]));
    }
    lines.push(Line::from(Span::styled(
        format!(
            "Field average: the hours a day peer specialists report for each activity, times the {} days shown.",
            r.days
        ),
        THEME.muted,
    )));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((view.scroll, 0)),
        inner,
    );
    draw_range_form(frame, area, app);
}

fn draw_range_form(frame: &mut Frame, area: Rect, app: &App) {
    let Some(view) = &app.reports else {
        return;
    };
    let Some((fields, focus)) = &view.custom else {
        return;
    };
    let rect = widgets::centered(area, 46, 6);
    let inner = widgets::popup(frame, rect, "Show a range of days");
    let [a, b, msg] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    widgets::inline_field(frame, a, "From", &fields[0], *focus == 0);
    widgets::inline_field(frame, b, "To  ", &fields[1], *focus == 1);
    if let Some(e) = &view.error {
        frame.render_widget(
            Paragraph::new(Span::styled(e.clone(), THEME.error)).wrap(Wrap { trim: true }),
            msg,
        );
    }
}
