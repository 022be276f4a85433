//! MI summary scores against their MITI thresholds, as lines.

use ratatui::text::{Line, Span};

use crate::domain::practice::Drill;
use crate::domain::utterance::{Metric, MiScores, Rating};
use crate::ui::theme::THEME;

fn rating_style(r: Rating) -> ratatui::style::Style {
    match r {
        Rating::Good => THEME.ok,
        Rating::Fair => THEME.accent,
        Rating::BelowFair => THEME.warning,
        Rating::NotRated => THEME.muted,
    }
}

fn line(name: &str, value: String, m: &Metric, limits: String) -> Line<'static> {
    Line::from(vec![
        Span::raw(format!("{name:<24}")),
        Span::styled(format!("{value:>6}  "), THEME.accent),
        Span::styled(format!("{:<12}", m.rating.name()), rating_style(m.rating)),
        Span::styled(limits, THEME.muted),
    ])
}

fn pct(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.0}%")).unwrap_or_else(|| "–".into())
}

/// Up to three lines: reflection-to-question ratio, % open questions, % complex
/// reflections, each with its value, rating ("below fair", "fair", "good") and thresholds.
/// Only the scores that apply are shown: a question-only drill has no ratio.
pub fn lines(s: &MiScores) -> Vec<Line<'static>> {
    named_lines(s, "")
}

/// The same, each name after a prefix (a drill's name).
fn named_lines(s: &MiScores, prefix: &str) -> Vec<Line<'static>> {
    let rq = &s.reflection_to_question;
    let rq_value = match rq.value {
        Some(v) => format!("{v:.1}"),
        None if s.reflections > 0 => "no Q".into(),
        None => "–".into(),
    };
    let oq = &s.percent_open_questions;
    let cr = &s.percent_complex_reflections;
    let mut out = Vec::new();
    if s.applies.reflection_to_question {
        out.push(line(
            &format!("{prefix}Reflection-to-question"),
            rq_value,
            rq,
            format!("(fair {:.0}:1, good {:.0}:1)", rq.fair, rq.good),
        ));
    }
    if s.applies.open_questions {
        out.push(line(
            &format!("{prefix}Open questions"),
            pct(oq.value),
            oq,
            format!("(fair {:.0}%, good {:.0}%)", oq.fair, oq.good),
        ));
    }
    if s.applies.complex_reflections {
        out.push(line(
            &format!("{prefix}Complex reflections"),
            pct(cr.value),
            cr,
            format!("(fair {:.0}%, good {:.0}%)", cr.fair, cr.good),
        ));
    }
    out
}

/// The scores of each drill, only those that apply to it ("Reflect it: complex
/// reflections"); drills with nothing to score are left out.
pub fn per_drill(
    by_drill: &[(Drill, MiScores)],
    name: impl Fn(Drill) -> String,
) -> Vec<Line<'static>> {
    by_drill
        .iter()
        .flat_map(|(d, s)| named_lines(s, &format!("{}: ", name(*d))))
        .collect()
}

/// How many of each were counted, in one line.
pub fn counts(s: &MiScores) -> Line<'static> {
    Line::from(Span::styled(
        format!(
            "Counted: {} open and {} closed questions, {} reflections ({} complex).",
            s.open_questions, s.closed_questions, s.reflections, s.complex_reflections
        ),
        THEME.muted,
    ))
}

/// Where the thresholds come from, in one line.
pub fn sources(s: &MiScores) -> Line<'static> {
    let cite = |m: &Metric| m.source.split(" (").next().unwrap_or(&m.source).to_string();
    Line::from(Span::styled(
        format!(
            "Thresholds: {} (ratio, complex), {} (open).",
            cite(&s.reflection_to_question),
            cite(&s.percent_open_questions)
        ),
        THEME.muted,
    ))
}
