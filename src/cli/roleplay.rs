//! `alongside practice code FILE`: a role-play transcript coded turn by turn with reasons
//! and MITI summary scores; `practice debrief` and `practice roleplays`: the coded
//! role-plays saved by the app.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use serde::Serialize;
use serde_json::{Map, Value, json};

use super::args::{CodeFormat, DebriefFormat};
use crate::domain::practice::debrief;
use crate::domain::practice::tally::{RolePlayKind, RolePlayRecord, clock};
use crate::domain::practice::transcript::{self, CodedTurn, Speaker};
use crate::domain::utterance::{Feedback, Label, Metric, MiScores};
use crate::storage::Store;

/// One turn as `--json` prints it.
#[derive(Serialize)]
struct TurnOut<'a> {
    speaker: Speaker,
    text: &'a str,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    coded: Option<CodeOut<'a>>,
}

#[derive(Serialize)]
struct CodeOut<'a> {
    label: Label,
    reflection_depth: Option<crate::domain::utterance::Depth>,
    reasons: &'a [String],
}

fn metric_json(m: &Metric) -> Value {
    json!({
        "value": m.value,
        "meets": m.rating,
        "fair": m.fair,
        "good": m.good,
        "source": m.source,
    })
}

/// `scores`: counts by label and the three summary scores, each with the threshold met.
pub fn scores_json(s: &MiScores, feedback: &[Feedback]) -> Value {
    let mut counts = Map::new();
    for l in Label::ALL {
        let n = feedback.iter().filter(|f| f.label == l).count();
        counts.insert(l.id().to_string(), json!(n));
    }
    json!({
        "counts": counts,
        "utterances": s.utterances,
        "reflections": s.reflections,
        "complex_reflections": s.complex_reflections,
        "reflection_to_question": metric_json(&s.reflection_to_question),
        "percent_complex_reflections": metric_json(&s.percent_complex_reflections),
        "percent_open_questions": metric_json(&s.percent_open_questions),
    })
}

fn score_line(
    out: &mut dyn Write,
    name: &str,
    m: &Metric,
    shown: String,
    unit: &str,
) -> anyhow::Result<()> {
    writeln!(
        out,
        "  {name:<24}{shown:>8}  {:<11} (fair {}{unit}, good {}{unit})",
        m.rating.name(),
        m.fair,
        m.good
    )?;
    Ok(())
}

fn write_text(out: &mut dyn Write, turns: &[CodedTurn], s: &MiScores) -> anyhow::Result<()> {
    for t in turns {
        writeln!(out, "{}: {}", t.speaker.letter(), t.text)?;
        if let Some(f) = &t.engine {
            let depth = f
                .reflection_depth
                .map(|d| format!(" ({})", d.id()))
                .unwrap_or_default();
            writeln!(out, "   => {}{depth}", f.label.name())?;
            for why in &f.reasons {
                writeln!(out, "      - {why}")?;
            }
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "Scores over {} specialist turns: {} open and {} closed questions, {} reflections ({} complex).",
        s.utterances, s.open_questions, s.closed_questions, s.reflections, s.complex_reflections
    )?;
    let pct = |v: Option<f64>| v.map(|v| format!("{v:.0}%")).unwrap_or("-".into());
    let rq = &s.reflection_to_question;
    let rq_shown = match rq.value {
        Some(v) => format!("{v:.2}"),
        None if s.reflections > 0 => "no Q".into(),
        None => "-".into(),
    };
    score_line(out, "Reflection-to-question", rq, rq_shown, ":1")?;
    score_line(
        out,
        "Complex reflections",
        &s.percent_complex_reflections,
        pct(s.percent_complex_reflections.value),
        "%",
    )?;
    score_line(
        out,
        "Open questions",
        &s.percent_open_questions,
        pct(s.percent_open_questions.value),
        "%",
    )?;
    writeln!(
        out,
        "Thresholds: {}; open questions {}.",
        rq.source, s.percent_open_questions.source
    )?;
    Ok(())
}

/// Codes the transcript in `file` and prints it. Returns notes for standard error (lines
/// left out). Reads only: nothing is written anywhere.
pub fn code_command(
    file: &Path,
    format: CodeFormat,
    out: &mut dyn Write,
) -> anyhow::Result<Vec<String>> {
    let parsed = crate::tui::read_transcript(file).map_err(anyhow::Error::msg)?;
    let mut notes = Vec::new();
    if parsed.lines_left_out > 0 {
        notes.push(format!(
            "{}: {} line(s) before the first speaker prefix were left out",
            file.display(),
            parsed.lines_left_out
        ));
    }
    let turns = transcript::code(&parsed);
    let feedback: Vec<Feedback> = turns.iter().filter_map(|t| t.engine.clone()).collect();
    let scores = crate::domain::utterance::summary_scores(&feedback);
    match format {
        CodeFormat::Json => {
            let turns_out: Vec<TurnOut> = turns
                .iter()
                .map(|t| TurnOut {
                    speaker: t.speaker,
                    text: &t.text,
                    coded: t.engine.as_ref().map(|f| CodeOut {
                        label: f.label,
                        reflection_depth: f.reflection_depth,
                        reasons: &f.reasons,
                    }),
                })
                .collect();
            #[derive(Serialize)]
            struct Report<'a> {
                turns: Vec<TurnOut<'a>>,
                scores: Value,
            }
            let report = Report {
                turns: turns_out,
                scores: scores_json(&scores, &feedback),
            };
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
        CodeFormat::Md => {
            let mut record = RolePlayRecord::new(
                uuid::Uuid::nil(),
                RolePlayKind::Transcript,
                crate::domain::now(),
            );
            record.turns = turns;
            out.write_all(debrief::markdown(&record).as_bytes())?;
        }
        CodeFormat::Text => write_text(out, &turns, &scores)?,
    }
    out.flush()?;
    Ok(notes)
}

fn saved(store: &Store) -> Vec<RolePlayRecord> {
    let (list, problems) = store.practice_roleplays();
    for p in problems {
        eprintln!("alongside: {p}");
    }
    list.into_iter().filter(|r| !r.is_empty()).collect()
}

/// Prints one saved role-play's debrief: the newest, or the one whose id starts with `id`.
pub fn debrief_command(
    store: &Store,
    id: Option<&str>,
    format: DebriefFormat,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let list = saved(store);
    let record = match id {
        None => list
            .last()
            .context("no coded role-plays yet; code one from Practice in the app")?,
        Some(prefix) => {
            let found: Vec<&RolePlayRecord> = list
                .iter()
                .filter(|r| r.id.to_string().starts_with(&prefix.to_lowercase()))
                .collect();
            match found.as_slice() {
                [one] => *one,
                [] => anyhow::bail!(
                    "no coded role-play with an id starting {prefix}; `alongside practice roleplays` lists them"
                ),
                _ => anyhow::bail!("{prefix} matches several role-plays; give more of the id"),
            }
        }
    };
    match format {
        DebriefFormat::Md => out.write_all(debrief::markdown(record).as_bytes())?,
        DebriefFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, record)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// One line per saved role-play, newest first.
pub fn list_command(store: &Store, out: &mut dyn Write) -> anyhow::Result<()> {
    let list = saved(store);
    if list.is_empty() {
        writeln!(out, "No coded role-plays yet.")?;
    }
    for r in list.iter().rev() {
        let s = r.scores();
        let pct = |v: Option<f64>| v.map(|v| format!("{v:.0}%")).unwrap_or("-".into());
        let kind = match r.kind {
            RolePlayKind::Observed => format!("live {}", clock(r.elapsed_seconds)),
            RolePlayKind::Transcript => format!("transcript {} turns", r.turns.len()),
        };
        writeln!(
            out,
            "{}  {}  {kind:<20} R:Q {}  complex {}  open {}",
            &r.id.to_string()[..8],
            r.started_at.format("%Y-%m-%d %H:%M"),
            s.mi.reflection_to_question
                .value
                .map(|v| format!("{v:.1}"))
                .unwrap_or("-".into()),
            pct(s.mi.percent_complex_reflections.value),
            pct(s.mi.percent_open_questions.value),
        )?;
    }
    out.flush()?;
    Ok(())
}
