//! Role-play coding screens: the live tally, the global ratings, the transcript box and
//! coding, the debrief with its small chart, and the list of coded role-plays.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, List, ListItem, ListState, Paragraph, Wrap};

use crate::app::App;
use crate::app::keymap::roleplay::key_of;
use crate::domain::practice::tally::{GlobalScore, SEGMENT_SECONDS, clock};
use crate::domain::practice::{
    Code, Global, RolePlayKind, RolePlayRecord, RolePlayScores, Speaker, Tally,
};
use crate::domain::utterance::{Metric, Rating};
use crate::ui::theme::THEME;
use crate::ui::widgets::{self, panel};

fn rating_style(r: Rating) -> Style {
    match r {
        Rating::Good => THEME.ok,
        Rating::Fair => THEME.accent,
        Rating::BelowFair => THEME.warning,
        Rating::NotRated => THEME.muted,
    }
}

/// A bar from 0 to `max` with marks at the fair (│) and good (┃) thresholds, then the
/// value and its rating: the small chart of scores against thresholds.
struct Gauge {
    value: Option<f64>,
    shown: String,
    rating: Rating,
    fair: f64,
    good: f64,
    max: f64,
}

fn gauge(name: &str, g: Gauge, width: u16) -> Line<'static> {
    let Gauge {
        value,
        shown,
        rating,
        fair,
        good,
        max,
    } = g;
    let name_w = 14;
    let tail_w = 18;
    let bar_w = (width as usize)
        .saturating_sub(name_w + tail_w)
        .clamp(4, 30);
    let pos = |v: f64| (((v / max).clamp(0.0, 1.0)) * (bar_w as f64 - 1.0)).round() as usize;
    let filled = value.map(|v| pos(v) + usize::from(v > 0.0)).unwrap_or(0);
    let (f, g) = (pos(fair), pos(good));
    let mut spans = vec![Span::raw(format!("{name:<name_w$}"))];
    for i in 0..bar_w {
        let mark = if i == g {
            "┃"
        } else if i == f {
            "│"
        } else if i < filled {
            "█"
        } else {
            "·"
        };
        let style = if i < filled {
            rating_style(rating)
        } else {
            THEME.muted
        };
        spans.push(Span::styled(mark, style));
    }
    spans.push(Span::styled(format!(" {shown:>5} "), THEME.accent));
    spans.push(Span::styled(
        rating.name().to_string(),
        rating_style(rating),
    ));
    Line::from(spans)
}

fn pct(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.0}%")).unwrap_or_else(|| "–".into())
}

fn rq_text(s: &RolePlayScores) -> String {
    match s.mi.reflection_to_question.value {
        Some(v) => format!("{v:.1}"),
        None if s.mi.reflections > 0 => "no Q".into(),
        None => "–".into(),
    }
}

fn metric_gauge(name: &str, m: &Metric, shown: String, max: f64, width: u16) -> Line<'static> {
    let g = Gauge {
        value: m.value,
        shown,
        rating: m.rating,
        fair: m.fair,
        good: m.good,
        max,
    };
    gauge(name, g, width)
}

fn global_gauge(name: &str, g: &GlobalScore, width: u16) -> Line<'static> {
    let shown = g.value.map(|v| format!("{v:.1}")).unwrap_or("–".into());
    let g = Gauge {
        value: g.value,
        shown,
        rating: g.rating,
        fair: g.fair,
        good: g.good,
        max: 5.0,
    };
    gauge(name, g, width)
}

/// The scores chart: R:Q, % complex reflections, % open questions, and the globals when
/// given. The legend says what the marks are.
fn chart(s: &RolePlayScores, width: u16, globals: bool) -> Vec<Line<'static>> {
    let mi = &s.mi;
    let rq = &mi.reflection_to_question;
    let rq_max = rq.good * 1.5;
    let mut lines = vec![
        metric_gauge("R:Q", rq, rq_text(s), rq_max, width),
        metric_gauge(
            "% complex",
            &mi.percent_complex_reflections,
            pct(mi.percent_complex_reflections.value),
            100.0,
            width,
        ),
        metric_gauge(
            "% open Q",
            &mi.percent_open_questions,
            pct(mi.percent_open_questions.value),
            100.0,
            width,
        ),
    ];
    if globals {
        lines.push(global_gauge("Relational", &s.relational, width));
        lines.push(global_gauge("Technical", &s.technical, width));
    }
    lines.push(Line::from(Span::styled(
        "│ fair  ┃ good   (MITI thresholds)",
        THEME.muted,
    )));
    lines
}

/// "o open question   3" rows for every code.
fn count_lines(s: &RolePlayScores, codes: &[Code], name_w: usize) -> Vec<Line<'static>> {
    codes
        .iter()
        .map(|c| {
            Line::from(vec![
                widgets::key_span(key_of(*c)),
                Span::raw(format!(" {:<name_w$}", widgets::truncate(c.name(), name_w))),
                Span::styled(format!("{:>3}", s.count(*c)), THEME.accent),
            ])
        })
        .collect()
}

pub fn draw_observe(frame: &mut Frame, area: Rect, app: &App) {
    let view = &app.practice.roleplay;
    let Some(tally) = &view.tally else {
        return;
    };
    let now = app.now;
    let [top, body, pin_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(if view.pin.is_some() { 3 } else { 0 }),
    ])
    .areas(area);
    frame.render_widget(timer_line(tally, now, top.width), top);

    let s = tally.scores();
    let narrow = body.width < 66;
    let [left, right] = if narrow {
        Layout::horizontal([Constraint::Min(10), Constraint::Length(0)]).areas(body)
    } else {
        Layout::horizontal([Constraint::Length(34), Constraint::Min(30)]).areas(body)
    };
    let mut counts = if narrow {
        // Two columns, so every counter shows on a small terminal.
        let name_w = (left.width.saturating_sub(2) as usize / 2).saturating_sub(7);
        let cells = count_lines(&s, &Code::ALL, name_w);
        cells
            .chunks(2)
            .map(|pair| {
                let mut spans = pair[0].spans.clone();
                if let Some(second) = pair.get(1) {
                    spans.push(Span::raw(" "));
                    spans.extend(second.spans.clone());
                }
                Line::from(spans)
            })
            .collect()
    } else {
        count_lines(&s, &Code::ALL, 26)
    };
    if narrow {
        counts.push(Line::from(Span::styled(
            format!(
                "R:Q {}  %CR {}  %OQ {}",
                rq_text(&s),
                pct(s.mi.percent_complex_reflections.value),
                pct(s.mi.percent_open_questions.value)
            ),
            THEME.accent,
        )));
    }
    frame.render_widget(
        Paragraph::new(counts).block(panel("Codes (one key each)", true)),
        left,
    );
    if !narrow {
        let inner_w = right.width.saturating_sub(2);
        let mut lines = chart(&s, inner_w, false);
        lines.push(Line::from(""));
        lines.push(Line::from(vec![
            Span::raw("Change talk: "),
            Span::styled(pct(s.percent_change_talk), THEME.accent),
            Span::styled(
                format!(
                    " ({} change, {} sustain)",
                    s.count(Code::ChangeTalk),
                    s.count(Code::SustainTalk)
                ),
                THEME.muted,
            ),
        ]));
        let last = tally.record.entries.last().map(|e| {
            format!(
                "Last: {} at {} (u takes it back)",
                e.code.name(),
                clock(e.at_seconds)
            )
        });
        lines.push(Line::from(Span::styled(
            last.unwrap_or_else(|| "Press a code key each time the specialist speaks.".into()),
            THEME.muted,
        )));
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            format!("Pinned moments: {}", tally.record.pins.len()),
            THEME.text,
        )));
        for p in tally.record.pins.iter().rev().take(3) {
            lines.push(Line::from(Span::styled(
                format!("  {} {}", clock(p.at_seconds), p.note),
                THEME.muted,
            )));
        }
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .block(panel("Scores so far", false)),
            right,
        );
    }
    if let Some(field) = &view.pin {
        widgets::field(
            frame,
            pin_area,
            "Pin this moment: a short note",
            field,
            true,
        );
    }
}

fn timer_line(tally: &Tally, now: crate::domain::Timestamp, width: u16) -> Line<'static> {
    let elapsed = tally.elapsed(now);
    let state = if tally.running() { "" } else { "  PAUSED" };
    let mut spans = vec![
        Span::raw(" Timer "),
        Span::styled(clock(elapsed), THEME.title),
        Span::styled(format!(" / {}", clock(SEGMENT_SECONDS)), THEME.muted),
        Span::styled(state, THEME.warning),
    ];
    if tally.segment_reached(now) {
        spans.push(Span::styled("  ✓ 20-minute MITI segment reached", THEME.ok));
    } else if width >= 60 {
        let bar_w = 20usize;
        let done = (elapsed as usize * bar_w) / SEGMENT_SECONDS as usize;
        spans.push(Span::raw("  "));
        spans.push(Span::styled("█".repeat(done), THEME.accent));
        spans.push(Span::styled("·".repeat(bar_w - done), THEME.muted));
    }
    Line::from(spans)
}

pub fn draw_globals(frame: &mut Frame, area: Rect, app: &App) {
    let view = &app.practice.roleplay;
    let Some(tally) = &view.tally else {
        return;
    };
    let record = &tally.record;
    let mut lines = vec![
        Line::from(Span::styled(
            "Rate the whole role-play, 1 (low) to 5 (high). Enter shows the debrief.",
            THEME.muted,
        )),
        Line::from(""),
    ];
    for (i, g) in Global::ALL.into_iter().enumerate() {
        let focused = i == view.global_row;
        let value = record.globals.get(g);
        let mut spans = vec![Span::styled(
            format!("{} {:<26}", if focused { "›" } else { " " }, g.name()),
            if focused { THEME.accent } else { THEME.text },
        )];
        for v in 1..=5u8 {
            // Brackets as well as colour, so the choice shows without colour too.
            let (text, style) = if value == Some(v) {
                (format!("[{v}]"), THEME.selected)
            } else {
                (format!(" {v} "), THEME.muted)
            };
            spans.push(Span::styled(text, style));
        }
        lines.push(Line::from(spans));
    }
    let s = record.scores();
    lines.push(Line::from(""));
    lines.extend(chart(&s, area.width.saturating_sub(2), true));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(panel("Global ratings (MITI 4.2.1)", true)),
        area,
    );
}

pub fn draw_transcript_input(frame: &mut Frame, area: Rect, app: &App) {
    let [help, field] = Layout::vertical([Constraint::Length(3), Constraint::Min(3)]).areas(area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::from("One turn a line: S: for the specialist, P: for the peer."),
            Line::from(Span::styled(
                "Or type the path of a text file on one line. Ctrl+S codes it; nothing is saved until you step through it.",
                THEME.muted,
            )),
        ])
        .wrap(Wrap { trim: true }),
        help,
    );
    widgets::field(
        frame,
        field,
        "Transcript",
        &app.practice.roleplay.input,
        true,
    );
}

pub fn draw_coding(frame: &mut Frame, area: Rect, app: &App) {
    let Some(c) = &app.practice.roleplay.coding else {
        return;
    };
    let r = &c.record;
    let a = r.agreement();
    let [top, turns, engine] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(4),
        Constraint::Length(7),
    ])
    .areas(area);
    frame.render_widget(
        Line::from(vec![
            Span::raw(format!(" Turn {}/{}  ", c.turn + 1, r.turns.len())),
            Span::raw("agreement with the engine: "),
            Span::styled(
                format!(
                    "{}/{} ({})",
                    a.agreed,
                    a.turns,
                    a.percent().map(|p| format!("{p}%")).unwrap_or("–".into())
                ),
                THEME.accent,
            ),
        ]),
        top,
    );
    // The turns around the current one, the current one highlighted.
    let inner_w = turns.width.saturating_sub(4) as usize;
    let before = (turns.height.saturating_sub(2) / 3) as usize;
    let start = c.turn.saturating_sub(before);
    let mut lines = Vec::new();
    for (i, t) in r.turns.iter().enumerate().skip(start) {
        let current = i == c.turn;
        let code = t
            .code()
            .map(|code| {
                let mark = if t.trainee.is_some() { "*" } else { "" };
                format!(" [{}{mark}]", code.name())
            })
            .unwrap_or_default();
        let style = if current { THEME.text } else { THEME.muted };
        let head = Span::styled(
            format!(
                "{} {}: ",
                if current { "›" } else { " " },
                t.speaker.letter()
            ),
            if current { THEME.accent } else { THEME.muted },
        );
        let text = if current {
            t.text.clone()
        } else {
            widgets::truncate(&t.text, inner_w.saturating_sub(code.len() + 4))
        };
        lines.push(Line::from(vec![
            head,
            Span::styled(text, style),
            Span::styled(code, THEME.accent),
        ]));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(panel("Transcript (* your correction)", true)),
        turns,
    );

    let mut lines = Vec::new();
    match r.turns.get(c.turn) {
        Some(t) if t.speaker == Speaker::Specialist => {
            if let Some(f) = &t.engine {
                let engine_code = Code::from_feedback(f);
                let yours = t.code().unwrap_or(engine_code);
                let agree = yours.agrees_with(f);
                lines.push(Line::from(vec![
                    Span::raw("Engine: "),
                    Span::styled(engine_code.name(), THEME.accent),
                    Span::raw("   Yours: "),
                    Span::styled(yours.name(), if agree { THEME.ok } else { THEME.warning }),
                    Span::styled(
                        if agree {
                            "  (agree)"
                        } else {
                            "  (disagree: why?)"
                        },
                        THEME.muted,
                    ),
                ]));
                for why in &f.reasons {
                    lines.push(Line::from(Span::styled(format!("· {why}"), THEME.muted)));
                }
            }
        }
        Some(_) => lines.push(Line::from(Span::styled(
            "The peer's turn: + change talk, - sustain talk, Enter for neither.",
            THEME.muted,
        ))),
        None => {}
    }
    let keys: Vec<Span> = Code::SPECIALIST
        .iter()
        .flat_map(|c| {
            [
                widgets::key_span(key_of(*c)),
                Span::styled(format!(" {}  ", short(*c)), THEME.muted),
            ]
        })
        .collect();
    let mut all = vec![Line::from(keys)];
    all.extend(lines);
    frame.render_widget(
        Paragraph::new(all)
            .wrap(Wrap { trim: false })
            .block(panel("Code", false)),
        engine,
    );
}

/// A few letters per code for the key legend.
fn short(c: Code) -> &'static str {
    match c {
        Code::OpenQuestion => "open",
        Code::ClosedQuestion => "closed",
        Code::SimpleReflection => "simple",
        Code::ComplexReflection => "complex",
        Code::Affirmation => "affirm",
        Code::Summary => "summary",
        Code::Information => "info",
        Code::AdviceWithPermission => "adv+perm",
        Code::AdviceWithoutPermission => "adv",
        Code::Other => "other",
        Code::ChangeTalk => "change",
        Code::SustainTalk => "sustain",
    }
}

/// Every line of a debrief, for the scrolled view.
fn debrief_lines(r: &RolePlayRecord, width: u16) -> Vec<Line<'static>> {
    let s = r.scores();
    let mut lines = Vec::new();
    let what = match r.kind {
        RolePlayKind::Observed => format!(
            "Observed live · {} coded{}",
            clock(r.elapsed_seconds),
            if r.elapsed_seconds >= SEGMENT_SECONDS {
                " · 20-minute segment reached"
            } else {
                ""
            }
        ),
        RolePlayKind::Transcript => {
            let a = r.agreement();
            format!(
                "Transcript · {} turns · agreement with the engine {}/{} ({})",
                r.turns.len(),
                a.agreed,
                a.turns,
                a.percent().map(|p| format!("{p}%")).unwrap_or("–".into())
            )
        }
    };
    lines.push(Line::from(vec![
        Span::styled(widgets::date_time(r.started_at), THEME.accent),
        Span::raw(format!("  {what}")),
    ]));
    lines.push(Line::from(""));
    lines.extend(chart(&s, width, !r.globals.is_empty()));
    if !r.pins.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled("Pinned moments", THEME.title)));
        for p in &r.pins {
            lines.push(Line::from(vec![
                Span::styled(format!("{}  ", clock(p.at_seconds)), THEME.accent),
                Span::raw(p.note.clone()),
            ]));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled("Counts", THEME.title)));
    // Two columns of counts.
    let col = (width as usize / 2).clamp(16, 30);
    let pairs: Vec<&(Code, usize)> = s.counts.iter().collect();
    for chunk in pairs.chunks(2) {
        let cell = |p: &(Code, usize)| format!("{:<w$}{:>3}", p.0.name(), p.1, w = col - 5);
        let mut text = cell(chunk[0]);
        if let Some(p) = chunk.get(1) {
            text.push_str("  ");
            text.push_str(&cell(p));
        }
        lines.push(Line::from(text));
    }
    if let Some(p) = s.percent_change_talk {
        lines.push(Line::from(Span::styled(
            format!("Change talk: {p:.0}% of the peer's change and sustain talk."),
            THEME.muted,
        )));
    }
    if !r.globals.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled("Global ratings", THEME.title)));
        for g in Global::ALL {
            let v = r
                .globals
                .get(g)
                .map(|v| v.to_string())
                .unwrap_or("–".into());
            lines.push(Line::from(format!("{:<26}{v}", g.name())));
        }
    }
    let disagreements: Vec<_> = r
        .turns
        .iter()
        .filter_map(|t| {
            let f = t.engine.as_ref()?;
            let code = t.code()?;
            (!code.agrees_with(f)).then_some((t, f, code))
        })
        .collect();
    if !disagreements.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            "Where you and the engine differ",
            THEME.title,
        )));
        for (t, f, code) in disagreements {
            lines.push(Line::from(format!("S: {}", t.text)));
            lines.push(Line::from(Span::styled(
                format!(
                    "   you: {} · engine: {}{}",
                    code.name(),
                    Code::from_feedback(f).name(),
                    f.reasons
                        .first()
                        .map(|w| format!(" ({w})"))
                        .unwrap_or_default()
                ),
                THEME.muted,
            )));
        }
    }
    lines
}

pub fn draw_debrief(frame: &mut Frame, area: Rect, app: &App) {
    let view = &app.practice.roleplay;
    let Some(r) = &view.debrief else {
        return;
    };
    let lines = debrief_lines(r, area.width.saturating_sub(2));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((view.debrief_scroll, 0))
            .block(panel("Role-play debrief", true)),
        area,
    );
}

/// Progress: R:Q per role-play as bars, then the list.
pub fn draw_list(frame: &mut Frame, area: Rect, app: &App) {
    let view = &app.practice.roleplay;
    let past = view.past();
    if past.is_empty() {
        frame.render_widget(
            Paragraph::new(
                "No coded role-plays yet. From the practice screen, o codes a live role-play and t codes a transcript. Tab shows the drills.",
            )
            .wrap(Wrap { trim: true })
            .block(panel("Progress: role-plays", true)),
            area,
        );
        return;
    }
    let chart_h = if area.height >= 14 { 7 } else { 0 };
    let [chart, list] =
        Layout::vertical([Constraint::Length(chart_h), Constraint::Min(3)]).areas(area);
    if chart_h > 0 {
        let fit = (chart.width.saturating_sub(2) / 5).max(1) as usize;
        let oldest_first: Vec<&RolePlayRecord> = past.iter().rev().copied().collect();
        let shown = &oldest_first[oldest_first.len().saturating_sub(fit)..];
        let bars: Vec<Bar> = shown
            .iter()
            .map(|r| {
                let s = r.scores();
                let v = s.mi.reflection_to_question.value.unwrap_or(0.0);
                Bar::default()
                    .value((v * 10.0).round() as u64)
                    .text_value(rq_text(&s))
                    .label(Line::from(match r.kind {
                        RolePlayKind::Observed => "L",
                        RolePlayKind::Transcript => "T",
                    }))
            })
            .collect();
        frame.render_widget(
            BarChart::default()
                .block(panel(
                    "Reflection-to-question per role-play (good at 2; L live, T transcript)",
                    false,
                ))
                .data(BarGroup::default().bars(&bars))
                .bar_width(4)
                .bar_gap(1)
                .max(30)
                .bar_style(THEME.accent)
                .value_style(THEME.selected),
            chart,
        );
    }
    let items: Vec<ListItem> = past
        .iter()
        .map(|r| {
            let s = r.scores();
            let kind = match r.kind {
                RolePlayKind::Observed => "live",
                RolePlayKind::Transcript => "transcript",
            };
            let globals = match (s.relational.value, s.technical.value) {
                (Some(a), Some(b)) => format!("  rel {a:.1} tech {b:.1}"),
                _ => String::new(),
            };
            ListItem::new(Line::from(vec![
                Span::raw(format!("{}  ", widgets::date_time(r.started_at))),
                Span::styled(format!("{kind:<10}"), THEME.accent),
                Span::raw(format!(
                    " R:Q {:>4}  CR {:>4}  OQ {:>4}{globals}",
                    rq_text(&s),
                    pct(s.mi.percent_complex_reflections.value),
                    pct(s.mi.percent_open_questions.value)
                )),
            ]))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(view.selected));
    frame.render_stateful_widget(
        List::new(items)
            .block(panel(
                "Progress: role-plays (Enter debrief, Tab drills)",
                true,
            ))
            .highlight_symbol("› ")
            .highlight_style(THEME.selected),
        list,
        &mut state,
    );
}
