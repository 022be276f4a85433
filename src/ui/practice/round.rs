//! One item of a round: what to respond to, the answer field(s), and the feedback.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use super::tags;
use crate::app::keymap::trainee::CHOICE_KEYS;
use crate::app::practice::RoundState;
use crate::domain::practice::{Bank, Drill, Item, Part, Phase, Response, SkillChoice};
use crate::domain::utterance::{Depth, Label};
use crate::ui::theme::THEME;
use crate::ui::widgets::{self, panel};

pub fn draw(frame: &mut Frame, area: Rect, state: &RoundState, bank: &Bank) {
    let round = &state.round;
    let Some(item) = round.current_item(bank) else {
        frame.render_widget(
            Paragraph::new("This item is no longer in the practice bank. Press Ctrl+N to skip it.")
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    };
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let (n, total) = round.progress();
    let drill = bank.drill(round.drill());
    let mut spans = vec![
        Span::styled(format!(" {}", drill.name), THEME.title),
        Span::styled(
            format!(" · item {n} of {total} · {}", tags(item)),
            THEME.muted,
        ),
    ];
    if state.unsaved {
        spans.push(Span::styled("  not saved", THEME.error));
    }
    frame.render_widget(Line::from(spans), head);
    match round.phase {
        Phase::Answering { step, .. } => answering(frame, body, state, bank, item, step),
        Phase::Feedback { .. } => feedback(frame, body, state, bank, item),
        Phase::Done => {}
    }
}

/// A short titled paragraph that takes only the height its text needs (within `max`).
fn prompt_block(title: &str, text: &str, width: u16, max: u16) -> (Paragraph<'static>, u16) {
    let inner = width.saturating_sub(2).max(1) as usize;
    let rows: usize = text
        .lines()
        .map(|l| {
            unicode_width::UnicodeWidthStr::width(l)
                .div_ceil(inner)
                .max(1)
        })
        .sum();
    let h = (rows as u16 + 2).min(max).max(3);
    (
        Paragraph::new(text.to_string())
            .wrap(Wrap { trim: true })
            .block(panel(title, false)),
        h,
    )
}

/// The item's prompt boxes: what was said, or the situation.
fn prompts(item: Item<'_>) -> Vec<(&'static str, String)> {
    match item {
        Item::OpenUp(i) => vec![
            ("The peer says", format!("\u{201c}{}\u{201d}", i.context)),
            ("A closed question", i.closed.clone()),
        ],
        Item::Reflect(i) => vec![("The peer says", format!("\u{201c}{}\u{201d}", i.statement))],
        Item::NameSkill(i) => {
            let mut v = Vec::new();
            if let Some(c) = &i.context {
                v.push(("The peer says", format!("\u{201c}{c}\u{201d}")));
            }
            v.push(("The specialist says", format!("\u{201c}{}\u{201d}", i.line)));
            v
        }
        Item::AskShareAsk(i) => vec![("The situation", i.situation.clone())],
    }
}

/// Draws the prompts from the top of `area`; returns what is left below them.
fn draw_prompts(frame: &mut Frame, area: Rect, item: Item<'_>, max_each: u16) -> Rect {
    let mut rest = area;
    for (title, text) in prompts(item) {
        let (p, h) = prompt_block(title, &text, rest.width, max_each);
        let h = h.min(rest.height);
        let [top, below] =
            Layout::vertical([Constraint::Length(h), Constraint::Min(0)]).areas(rest);
        frame.render_widget(p, top);
        rest = below;
    }
    rest
}

fn answering(
    frame: &mut Frame,
    area: Rect,
    state: &RoundState,
    bank: &Bank,
    item: Item<'_>,
    step: usize,
) {
    let drill = bank.drill(state.round.drill());
    let parts = state.round.current_parts();
    let rest = draw_prompts(frame, area, item, 5);
    match state.round.drill() {
        Drill::NameSkill => choices(frame, rest, state, bank),
        Drill::AskShareAsk => {
            let rows = Layout::vertical(parts.iter().map(|_| Constraint::Ratio(1, 3))).split(rest);
            for (i, part) in parts.iter().enumerate() {
                let title = drill
                    .part(*part)
                    .map(|p| p.prompt.as_str())
                    .unwrap_or("Answer");
                if let (Some(r), Some(f)) = (rows.get(i), state.fields.get(i)) {
                    widgets::field(frame, *r, title, f, i == state.focus);
                }
            }
        }
        _ => {
            let mut rest = rest;
            if step > 0 {
                // Second try at a reflection: the first one stays in view.
                let first = state
                    .round
                    .record
                    .items
                    .get(state.round.position().map(|p| p.0).unwrap_or(0))
                    .and_then(|i| i.responses.iter().find(|r| r.part == Part::Reflection))
                    .map(|r| r.text.clone())
                    .unwrap_or_default();
                let (p, h) = prompt_block("Your first reflection", &first, rest.width, 4);
                let [top, below] =
                    Layout::vertical([Constraint::Length(h.min(rest.height)), Constraint::Min(0)])
                        .areas(rest);
                frame.render_widget(p, top);
                rest = below;
            }
            let title = parts
                .first()
                .and_then(|p| drill.part(*p))
                .map(|p| p.prompt.as_str())
                .unwrap_or("Your answer");
            let h = rest.height.min(6);
            let [field_area, below] =
                Layout::vertical([Constraint::Length(h), Constraint::Min(0)]).areas(rest);
            if let Some(f) = state.fields.first() {
                widgets::field(frame, field_area, title, f, true);
            }
            // The goal and what the drill is about, as a reminder under the field.
            let goal = parts
                .first()
                .and_then(|p| drill.part(*p))
                .map(|p| p.goal.clone())
                .unwrap_or_default();
            let reminder = vec![
                Line::from(vec![
                    Span::styled(" Goal: ", THEME.muted),
                    Span::styled(goal, THEME.accent),
                ]),
                Line::from(Span::styled(format!(" {}", drill.about), THEME.muted)),
            ];
            frame.render_widget(Paragraph::new(reminder).wrap(Wrap { trim: true }), below);
        }
    }
}

fn choices(frame: &mut Frame, area: Rect, state: &RoundState, bank: &Bank) {
    let items: Vec<ListItem> = CHOICE_KEYS
        .iter()
        .map(|(key, _, choice)| {
            ListItem::new(Line::from(vec![
                Span::styled(format!(" {key}  "), THEME.key),
                Span::raw(bank.choice(*choice).name.clone()),
            ]))
        })
        .collect();
    let mut list_state = ListState::default().with_selected(Some(state.choice));
    frame.render_stateful_widget(
        List::new(items)
            .block(panel("Which skill is this? (press its key)", true))
            .highlight_symbol("› ")
            .highlight_style(THEME.selected),
        area,
        &mut list_state,
    );
}

fn label_text(label: Label, depth: Option<Depth>) -> String {
    match (label, depth) {
        (Label::Reflection, Some(d)) => format!("{} reflection", d.id()),
        (l, _) => l.name().to_string(),
    }
}

/// The name of a part as the feedback shows it: "Ask", "Share", "Ask again".
fn part_name(bank: &Bank, drill: Drill, part: Part) -> String {
    bank.drill(drill)
        .part(part)
        .map(|p| p.prompt.split(':').next().unwrap_or("").trim().to_string())
        .unwrap_or_default()
}

/// Feedback on one response: what was written, whether it met the goal (with a tip), and
/// how the engine reads it and why.
fn response_lines(
    out: &mut Vec<Line<'static>>,
    bank: &Bank,
    drill: Drill,
    r: &Response,
    name: &str,
) {
    let text = bank.drill(drill);
    let part = text.part(r.part);
    let (mark, style) = if r.goal_met {
        ("✓", THEME.ok)
    } else {
        ("✗", THEME.warning)
    };
    out.push(Line::from(vec![
        Span::styled(format!("{mark} "), style),
        Span::styled(format!("{name}: "), THEME.muted),
        Span::raw(quoted(&r.text)),
    ]));
    let goal = part.map(|p| p.goal.clone()).unwrap_or_default();
    let tip = match part {
        Some(p) if r.goal_met => p.met.clone(),
        Some(p) => p.missed_for(r.feedback.label).to_string(),
        None => String::new(),
    };
    out.push(Line::from(vec![
        Span::styled(
            if r.goal_met {
                format!("  Goal met ({goal}). ")
            } else {
                format!("  Goal not met yet ({goal}). ")
            },
            style,
        ),
        Span::raw(tip),
    ]));
    out.push(Line::from(vec![
        Span::styled("  Reads as ", THEME.muted),
        Span::styled(
            label_text(r.feedback.label, r.feedback.reflection_depth),
            THEME.accent,
        ),
        Span::styled(format!(": {}", r.feedback.reasons.join("; ")), THEME.muted),
    ]));
}

fn quoted(text: &str) -> String {
    format!("\u{201c}{text}\u{201d}")
}

/// Every feedback line for the current step, models included.
pub fn feedback_lines(state: &RoundState, bank: &Bank, item: Item<'_>) -> Vec<Line<'static>> {
    let drill = state.round.drill();
    let responses = state.round.current_responses();
    let mut out: Vec<Line<'static>> = Vec::new();
    if let Item::NameSkill(ns) = item {
        let Some(r) = responses.first() else {
            return out;
        };
        let chosen = SkillChoice::from_id(&r.text)
            .map(|c| bank.choice(c).name.clone())
            .unwrap_or_else(|| r.text.clone());
        let right = bank.choice(ns.answer).name.clone();
        if r.goal_met {
            out.push(Line::from(Span::styled(
                format!("✓ Right: {chosen}."),
                THEME.ok,
            )));
        } else {
            out.push(Line::from(vec![
                Span::styled(format!("✗ You chose {chosen}. "), THEME.warning),
                Span::raw(format!("It is: {right}.")),
            ]));
        }
        out.push(Line::from(format!("  Why: {}", ns.why)));
        out.push(Line::from(vec![
            Span::styled("  The engine reads it as ", THEME.muted),
            Span::styled(
                label_text(r.feedback.label, r.feedback.reflection_depth),
                THEME.accent,
            ),
            Span::styled(format!(": {}", r.feedback.reasons.join("; ")), THEME.muted),
        ]));
        if let Some(note) = &ns.engine_differs {
            out.push(Line::from(Span::styled(
                format!("  Where it differs: {note}"),
                THEME.muted,
            )));
        }
        return out;
    }
    for r in &responses {
        let name = if responses.len() > 1 {
            part_name(bank, drill, r.part)
        } else {
            "You wrote".to_string()
        };
        response_lines(&mut out, bank, drill, r, &name);
    }
    if state.round.skips_complex_step() {
        out.push(Line::from(Span::styled(
            "Already a complex reflection, so the second try is skipped.",
            THEME.ok,
        )));
    } else if drill == Drill::Reflect
        && responses
            .first()
            .is_some_and(|r| r.part == Part::Reflection)
    {
        out.push(Line::from(Span::styled(
            "Next: a complex reflection of the same statement.",
            THEME.accent,
        )));
    }
    out.push(Line::from(Span::styled("Compare with", THEME.title)));
    for r in &responses {
        let prefix = if drill == Drill::AskShareAsk {
            format!("{}: ", part_name(bank, drill, r.part))
        } else {
            String::new()
        };
        for m in item.models(r.part) {
            out.push(Line::from(format!("  • {prefix}{m}")));
        }
    }
    out
}

/// Rows `lines` take when wrapped at `width` (an estimate: word wrapping can add a few).
pub fn wrapped_rows(lines: &[Line<'_>], width: u16) -> usize {
    let w = usize::from(width.max(1));
    lines.iter().map(|l| l.width().div_ceil(w).max(1)).sum()
}

fn feedback(frame: &mut Frame, area: Rect, state: &RoundState, bank: &Bank, item: Item<'_>) {
    // The prompts stay in view, shorter, so the answer can be read against them.
    let rest = draw_prompts(frame, area, item, 4);
    let lines = feedback_lines(state, bank, item);
    let rows = wrapped_rows(&lines, rest.width.saturating_sub(2));
    let visible = usize::from(rest.height.saturating_sub(2));
    let title = if rows > visible + usize::from(state.scroll) {
        "Feedback (↓ more · Enter: next)"
    } else {
        "Feedback (Enter: next)"
    };
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((state.scroll, 0))
            .block(panel(title, true)),
        rest,
    );
}
