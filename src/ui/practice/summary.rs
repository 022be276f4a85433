//! The end of a round, and a past round read back.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{item_line, scores};
use crate::app::practice::RoundState;
use crate::domain::practice::{Bank, RoundRecord, SkillChoice};
use crate::domain::utterance::Label;
use crate::ui::theme::THEME;
use crate::ui::widgets::{self, panel};

/// Totals, one line per item, and the MI scores of the round's answers.
fn record_lines(record: &RoundRecord, bank: &Bank, full: bool) -> Vec<Line<'static>> {
    let s = record.summary();
    let mut lines = vec![Line::from(vec![
        Span::raw("Goals met: "),
        Span::styled(
            format!(
                "{} of {}{}",
                s.goals_met,
                s.goals,
                s.percent().map(|p| format!(" ({p}%)")).unwrap_or_default()
            ),
            THEME.accent,
        ),
        Span::styled(
            format!(
                "   items: {} answered, {} skipped",
                s.answered,
                s.skipped.min(s.items)
            ),
            THEME.muted,
        ),
    ])];
    lines.push(Line::from(""));
    for (i, item) in record.items.iter().enumerate() {
        let prompt = bank
            .item(&item.item_id)
            .map(item_line)
            .unwrap_or_else(|| "(no longer in the practice bank)".into());
        if item.responses.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("{:>2} –  skipped: {prompt}", i + 1),
                THEME.muted,
            )));
            continue;
        }
        if full {
            lines.push(Line::from(Span::styled(
                format!("{:>2}  {prompt}", i + 1),
                THEME.title,
            )));
        }
        for (j, r) in item.responses.iter().enumerate() {
            let (mark, style) = if r.goal_met {
                ("✓", THEME.ok)
            } else {
                ("✗", THEME.warning)
            };
            let what = match (SkillChoice::from_id(&r.text), r.expected) {
                (Some(c), Some(e)) => {
                    let chose = bank.choice(c).name.clone();
                    if c == e {
                        chose
                    } else {
                        format!("{chose} (it was {})", bank.choice(e).name)
                    }
                }
                _ => {
                    let depth = match (r.feedback.label, r.feedback.reflection_depth) {
                        (Label::Reflection, Some(d)) => format!("{} ", d.id()),
                        _ => String::new(),
                    };
                    format!(
                        "\u{201c}{}\u{201d}  ({depth}{})",
                        r.text,
                        r.feedback.label.name()
                    )
                }
            };
            let num = if j == 0 && !full {
                format!("{:>2} ", i + 1)
            } else {
                "   ".to_string()
            };
            lines.push(Line::from(vec![
                Span::styled(num, THEME.muted),
                Span::styled(format!("{mark}  "), style),
                Span::raw(what),
            ]));
        }
    }
    lines.push(Line::from(""));
    if s.scores.utterances > 0 {
        lines.push(Line::from(Span::styled(
            "MI scores of your answers",
            THEME.title,
        )));
        lines.extend(scores::lines(&s.scores));
        lines.push(scores::counts(&s.scores));
        lines.push(scores::sources(&s.scores));
    } else {
        lines.push(Line::from(Span::styled(
            "Naming skills has no MI scores of its own: the lines were not yours.",
            THEME.muted,
        )));
    }
    lines
}

pub fn draw_summary(frame: &mut Frame, area: Rect, state: &RoundState, bank: &Bank) {
    let record = &state.round.record;
    let name = bank.drill(record.drill).name.clone();
    let mut lines = Vec::new();
    if state.unsaved {
        lines.push(Line::from(vec![
            Span::styled("Not saved yet. ", THEME.error),
            Span::raw("Press "),
            widgets::key_span("s"),
            Span::raw(" to try again."),
        ]));
    }
    lines.extend(record_lines(record, bank, false));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(panel(&format!("Round complete: {name}"), true)),
        area,
    );
}

pub fn draw_review(frame: &mut Frame, area: Rect, record: &RoundRecord, bank: &Bank, scroll: u16) {
    let name = bank.drill(record.drill).name.clone();
    let when = widgets::date_time(record.started_at);
    let state = if record.finished_at.is_some() {
        ""
    } else {
        " (left early)"
    };
    frame.render_widget(
        Paragraph::new(record_lines(record, bank, true))
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0))
            .block(panel(&format!("{name} · {when}{state}"), true)),
        area,
    );
}
