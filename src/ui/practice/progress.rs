//! Progress over time: goals met per round as a bar chart, MI scores of every answer, and
//! the list of past rounds.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, List, ListItem, ListState, Paragraph, Wrap};

use super::scores;
use crate::app::App;
use crate::app::practice;
use crate::domain::practice::{Drill, progress};
use crate::ui::theme::THEME;
use crate::ui::widgets::{self, panel};

/// One letter per drill under its bars.
fn letter(d: Drill) -> &'static str {
    match d {
        Drill::OpenUp => "O",
        Drill::Reflect => "R",
        Drill::NameSkill => "N",
        Drill::AskShareAsk => "A",
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let view = &app.practice;
    let p = progress(&view.rounds);
    if p.points.is_empty() {
        let text = if view.loaded {
            "No rounds yet. Start one from the practice screen (Esc, then Enter)."
        } else {
            "Reading saved rounds…"
        };
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .block(panel("Progress", true)),
            area,
        );
        return;
    }
    let [chart, mi, list] = Layout::vertical([
        Constraint::Length(7),
        Constraint::Length(7),
        Constraint::Min(3),
    ])
    .areas(area);

    // Bars of 3 columns and a gap of 1: as many recent rounds as fit.
    let fit = (chart.width.saturating_sub(2) / 4).max(1) as usize;
    let shown = &p.points[p.points.len().saturating_sub(fit)..];
    let bars: Vec<Bar> = shown
        .iter()
        .map(|x| {
            let v = x.summary.percent().unwrap_or(0);
            Bar::default()
                .value(u64::from(v))
                .text_value(format!("{v}"))
                .label(Line::from(letter(x.drill)))
        })
        .collect();
    frame.render_widget(
        BarChart::default()
            .block(panel(
                &format!(
                    "% goals met, last {} round{} (O open up, R reflect, N name, A ask-share-ask)",
                    shown.len(),
                    if shown.len() == 1 { "" } else { "s" }
                ),
                false,
            ))
            .data(BarGroup::default().bars(&bars))
            .bar_width(3)
            .bar_gap(1)
            .max(100)
            .bar_style(THEME.accent)
            .value_style(THEME.selected),
        chart,
    );

    // Per drill, only the scores that drill can speak to.
    let mut lines = scores::per_drill(&p.overall.by_drill, |d| {
        practice::bank()
            .map(|b| b.drill(d).name.clone())
            .unwrap_or_else(|| d.id().to_string())
    });
    lines.push(scores::counts(&p.overall.scores));
    lines.push(scores::sources(&p.overall.scores));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(panel("MI scores of your answers, per drill", false)),
        mi,
    );

    let past = view.past();
    let items: Vec<ListItem> = past
        .iter()
        .map(|r| {
            let s = r.summary();
            let name = practice::bank()
                .map(|b| b.drill(r.drill).name.clone())
                .unwrap_or_else(|| r.drill.id().to_string());
            let pct = s.percent().map(|v| format!("{v:>3}%")).unwrap_or_default();
            ListItem::new(Line::from(vec![
                Span::raw(format!("{}  ", widgets::date_time(r.started_at))),
                Span::styled(format!("{name:<14}"), THEME.accent),
                Span::raw(format!(" {}/{} goals {pct}", s.goals_met, s.goals)),
                Span::styled(
                    if r.finished_at.is_some() {
                        ""
                    } else {
                        "  left early"
                    },
                    THEME.muted,
                ),
            ]))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(view.selected));
    frame.render_stateful_widget(
        List::new(items)
            .block(panel("Past rounds (Enter to review)", true))
            .highlight_symbol("› ")
            .highlight_style(THEME.selected),
        list,
        &mut state,
    );
}
