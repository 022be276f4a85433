//! The practice screen: choosing a drill, a round's items and feedback, the round
//! summary, and progress over time.

mod progress;
mod roleplay;
mod round;
mod scores;
mod summary;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline, Wrap};

use super::theme::THEME;
use super::widgets::{self, panel};
use crate::app::App;
use crate::app::practice::{self, PracticePane, SetupRow};
use crate::domain::practice::{Bank, Item, progress as progress_of};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(bank) = practice::bank() else {
        frame.render_widget(
            Paragraph::new(
                "The practice items could not be loaded; this build is broken. Press Esc to go back.",
            )
            .wrap(Wrap { trim: true })
            .style(THEME.error),
            area,
        );
        return;
    };
    match app.practice.pane {
        PracticePane::Setup => setup(frame, area, app, bank),
        PracticePane::Round => match &app.practice.round {
            Some(state) => round::draw(frame, area, state, bank),
            None => setup(frame, area, app, bank),
        },
        PracticePane::Summary => match &app.practice.round {
            Some(state) => summary::draw_summary(frame, area, state, bank),
            None => setup(frame, area, app, bank),
        },
        PracticePane::Progress => progress::draw(frame, area, app),
        PracticePane::Review => match app.practice.reviewed() {
            Some(record) => {
                summary::draw_review(frame, area, record, bank, app.practice.review_scroll)
            }
            None => progress::draw(frame, area, app),
        },
        PracticePane::Observe => roleplay::draw_observe(frame, area, app),
        PracticePane::Globals => roleplay::draw_globals(frame, area, app),
        PracticePane::TranscriptInput => roleplay::draw_transcript_input(frame, area, app),
        PracticePane::Coding => roleplay::draw_coding(frame, area, app),
        PracticePane::Debrief => roleplay::draw_debrief(frame, area, app),
        PracticePane::RolePlays => roleplay::draw_list(frame, area, app),
    }
}

fn setup(frame: &mut Frame, area: Rect, app: &App, bank: &Bank) {
    let view = &app.practice;
    let [top, bottom] = Layout::vertical([Constraint::Length(10), Constraint::Min(3)]).areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Length(36), Constraint::Min(20)]).areas(top);

    let value = |row: SetupRow| -> String {
        match row {
            SetupRow::Drill => bank.drill(view.drill).name.clone(),
            SetupRow::Stage => view
                .stage
                .map(|s| s.label().to_string())
                .unwrap_or_else(|| "Any stage".into()),
            SetupRow::Level => view
                .difficulty
                .map(|d| d.label().to_string())
                .unwrap_or_else(|| "Any level".into()),
        }
    };
    let mut lines = Vec::new();
    for row in SetupRow::ALL {
        let name = match row {
            SetupRow::Drill => "Drill",
            SetupRow::Stage => "Stage",
            SetupRow::Level => "Level",
        };
        let focused = row == view.row;
        lines.push(Line::from(vec![
            Span::styled(
                format!("{} {name:<6}", if focused { "›" } else { " " }),
                if focused { THEME.accent } else { THEME.muted },
            ),
            Span::styled(
                format!("‹ {} ›", value(row)),
                if focused { THEME.selected } else { THEME.text },
            ),
        ]));
    }
    let matching = view.config().matching(bank).len();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        format!(
            "{matching} item{} match · {} per round",
            if matching == 1 { "" } else { "s" },
            view.config().size.min(matching)
        ),
        if matching == 0 {
            THEME.warning
        } else {
            THEME.muted
        },
    )));
    lines.push(Line::from(vec![
        widgets::key_span("Enter"),
        Span::styled(" start  ", THEME.muted),
        widgets::key_span("←→"),
        Span::styled(" change", THEME.muted),
    ]));
    lines.push(Line::from(vec![
        Span::styled("Role-play: ", THEME.muted),
        widgets::key_span("o"),
        Span::styled(" observe  ", THEME.muted),
        widgets::key_span("t"),
        Span::styled(" transcript", THEME.muted),
    ]));
    frame.render_widget(Paragraph::new(lines).block(panel("Practice", true)), left);

    let text = bank.drill(view.drill);
    let about = vec![
        Line::from(Span::styled(text.summary.clone(), THEME.accent)),
        Line::from(text.about.clone()),
    ];
    frame.render_widget(
        Paragraph::new(about)
            .wrap(Wrap { trim: true })
            .block(panel(&text.name, false)),
        right,
    );

    progress_brief(frame, bottom, app);
}

/// Rounds so far, goals met per round as a sparkline, and the MI scores of every answer.
fn progress_brief(frame: &mut Frame, area: Rect, app: &App) {
    let view = &app.practice;
    let block = panel("Your progress (p for more)", false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if !view.loaded {
        frame.render_widget(Span::styled("Reading saved rounds…", THEME.muted), inner);
        return;
    }
    let p = progress_of(&view.rounds);
    if p.points.is_empty() {
        frame.render_widget(
            Paragraph::new(
                "No rounds yet. Each answer gets feedback at once, and your rounds are kept here so you can see progress over time.",
            )
            .wrap(Wrap { trim: true })
            .style(THEME.muted),
            inner,
        );
        return;
    }
    let [head, spark, rest] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Min(0),
    ])
    .areas(inner);
    let o = &p.overall;
    frame.render_widget(
        Line::from(vec![
            Span::raw(format!(
                "{} round{}, {} answers, goals met: ",
                p.points.len(),
                if p.points.len() == 1 { "" } else { "s" },
                o.goals
            )),
            Span::styled(
                o.percent()
                    .map(|v| format!("{v}%"))
                    .unwrap_or_else(|| "–".into()),
                THEME.accent,
            ),
            Span::styled("  (one bar per round, latest on the right)", THEME.muted),
        ]),
        head,
    );
    let data: Vec<u64> = p
        .points
        .iter()
        .map(|x| u64::from(x.summary.percent().unwrap_or(0)))
        .collect();
    let shown = data.len().saturating_sub(spark.width as usize);
    frame.render_widget(
        Sparkline::default()
            .data(&data[shown..])
            .max(100)
            .style(THEME.accent),
        spark,
    );
    let mut lines = scores::lines(&o.scores);
    lines.push(scores::counts(&o.scores));
    lines.push(scores::sources(&o.scores));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), rest);
}

/// The text an item shows, in one line, for lists.
pub fn item_line(item: Item<'_>) -> String {
    match item {
        Item::OpenUp(i) => i.closed.clone(),
        Item::Reflect(i) => i.statement.clone(),
        Item::NameSkill(i) => i.line.clone(),
        Item::AskShareAsk(i) => i.situation.clone(),
    }
}

/// "Exploring · medium · housing".
pub fn tags(item: Item<'_>) -> String {
    format!(
        "{} · {} · {}",
        item.stage().label(),
        item.difficulty().id(),
        item.area().label()
    )
}
