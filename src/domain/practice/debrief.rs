//! The debrief of a coded role-play, as Markdown for a supervisor: counts, summary scores
//! against their thresholds, the global ratings, pinned moments, and for transcripts every
//! turn with its code and where the trainee and the engine disagreed.

use std::fmt::Write;

use super::tally::{Code, Global, GlobalScore, RolePlayKind, RolePlayRecord, clock};
use super::transcript::Speaker;
use crate::domain::utterance::{Metric, MiScores};

fn value(v: Option<f64>, pct: bool) -> String {
    match (v, pct) {
        (Some(v), true) => format!("{v:.0}%"),
        (Some(v), false) => format!("{v:.1}"),
        (None, _) => "–".into(),
    }
}

fn metric_row(out: &mut String, name: &str, m: &Metric, pct: bool, rq_no_questions: bool) {
    let shown = if rq_no_questions {
        "no questions".to_string()
    } else {
        value(m.value, pct)
    };
    let unit = if pct { "%" } else { ":1" };
    let _ = writeln!(
        out,
        "| {name} | {shown} | {} | {}{unit} / {}{unit} |",
        m.rating.name(),
        m.fair,
        m.good
    );
}

fn global_row(out: &mut String, name: &str, g: &GlobalScore) {
    let _ = writeln!(
        out,
        "| {name} | {} | {} | {} / {} |",
        value(g.value, false),
        g.rating.name(),
        g.fair,
        g.good
    );
}

/// The summary-score table (shared by transcripts without a saved record).
pub fn scores_table(out: &mut String, mi: &MiScores) {
    let _ = writeln!(out, "| Score | Value | Rating | Fair / good |");
    let _ = writeln!(out, "| --- | --- | --- | --- |");
    metric_row(
        out,
        "Reflection-to-question",
        &mi.reflection_to_question,
        false,
        mi.reflection_to_question.value.is_none() && mi.reflections > 0,
    );
    metric_row(
        out,
        "Complex reflections",
        &mi.percent_complex_reflections,
        true,
        false,
    );
    metric_row(
        out,
        "Open questions",
        &mi.percent_open_questions,
        true,
        false,
    );
}

/// The whole debrief in Markdown.
pub fn markdown(record: &RolePlayRecord) -> String {
    let scores = record.scores();
    let mut out = String::new();
    let kind = match record.kind {
        RolePlayKind::Observed => "observed live",
        RolePlayKind::Transcript => "coded from a transcript",
    };
    let _ = writeln!(
        out,
        "# Role-play debrief, {}\n",
        record.started_at.format("%Y-%m-%d %H:%M")
    );
    let _ = writeln!(out, "- Coding: {kind}");
    if record.kind == RolePlayKind::Observed {
        let reached = if record.elapsed_seconds >= super::tally::SEGMENT_SECONDS {
            "the 20-minute MITI segment was reached"
        } else {
            "shorter than the 20-minute MITI segment"
        };
        let _ = writeln!(
            out,
            "- Time coded: {} ({reached})",
            clock(record.elapsed_seconds)
        );
    } else if record.turns.iter().all(|t| t.trainee.is_none()) {
        let _ = writeln!(out, "- Codes: the engine's, not corrected");
    } else {
        let a = record.agreement();
        let _ = writeln!(
            out,
            "- Agreement with the engine: {} of {} specialist turns ({})",
            a.agreed,
            a.turns,
            a.percent().map(|p| format!("{p}%")).unwrap_or("–".into())
        );
    }
    let _ = writeln!(out, "\n## Counts\n");
    let _ = writeln!(out, "| Code | Count |");
    let _ = writeln!(out, "| --- | --- |");
    for (code, n) in &scores.counts {
        let _ = writeln!(out, "| {} | {n} |", code.name());
    }
    let _ = writeln!(out, "\n## Summary scores\n");
    scores_table(&mut out, &scores.mi);
    if let Some(p) = scores.percent_change_talk {
        let _ = writeln!(
            out,
            "\nChange talk was {p:.0}% of the peer's change and sustain talk."
        );
    }
    let _ = writeln!(out, "\n## Global ratings (1-5)\n");
    if record.globals.is_empty() {
        let _ = writeln!(out, "Not rated.");
    } else {
        for g in Global::ALL {
            let v = record
                .globals
                .get(g)
                .map(|v| v.to_string())
                .unwrap_or("–".into());
            let _ = writeln!(out, "- {}: {v}", g.name());
        }
        let _ = writeln!(out, "\n| Average | Value | Rating | Fair / good |");
        let _ = writeln!(out, "| --- | --- | --- | --- |");
        global_row(&mut out, "Relational", &scores.relational);
        global_row(&mut out, "Technical", &scores.technical);
    }
    if !record.pins.is_empty() {
        let _ = writeln!(out, "\n## Pinned moments\n");
        for p in &record.pins {
            let note = if p.note.is_empty() {
                "(no note)"
            } else {
                &p.note
            };
            let _ = writeln!(out, "- {}: {note}", clock(p.at_seconds));
        }
    }
    if !record.turns.is_empty() {
        let _ = writeln!(out, "\n## Turns\n");
        for t in &record.turns {
            let _ = write!(out, "- **{}:** {}", t.speaker.letter(), t.text);
            match (t.speaker, &t.engine, t.code()) {
                (Speaker::Specialist, Some(engine), Some(code)) => {
                    let engine_code = Code::from_feedback(engine);
                    if code.agrees_with(engine) {
                        let _ = write!(out, " *({})*", code.name());
                    } else {
                        let _ = write!(
                            out,
                            " *(trainee: {}; engine: {})*",
                            code.name(),
                            engine_code.name()
                        );
                    }
                    if let Some(why) = engine.reasons.first() {
                        let _ = write!(out, " Engine: {why}");
                    }
                }
                (Speaker::Peer, _, Some(code)) => {
                    let _ = write!(out, " *({})*", code.name());
                }
                _ => {}
            }
            let _ = writeln!(out);
        }
    }
    let t = crate::domain::utterance::Thresholds::shipped();
    let _ = writeln!(
        out,
        "\nThresholds: {} (ratio, complex reflections, global averages); {} (open questions).",
        t.reflection_to_question.source, t.percent_open_questions.source
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Timestamp;
    use crate::domain::practice::{Tally, transcript};
    use uuid::Uuid;

    fn t(secs: i64) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-03-02T09:30:00-05:00").expect("time")
            + chrono::Duration::seconds(secs)
    }

    #[test]
    fn observed_debrief_has_counts_scores_globals_and_pins() {
        let mut tally = Tally::start(Uuid::from_u128(1), t(0));
        tally.code(Code::OpenQuestion, t(10));
        tally.code(Code::ComplexReflection, t(20));
        tally.code(Code::SimpleReflection, t(30));
        tally.pin("lovely double-sided reflection", t(25));
        tally.record.globals.set(Global::Partnership, 4);
        tally.record.globals.set(Global::Empathy, 4);
        tally.finish(t(1300));
        let md = markdown(&tally.record);
        assert!(md.contains("| open question | 1 |"));
        assert!(md.contains("| Reflection-to-question | 2.0 | good | 1:1 / 2:1 |"));
        assert!(md.contains("| Complex reflections | 50% | good |"));
        assert!(md.contains("| Relational | 4.0 | good | 3.5 / 4 |"));
        assert!(md.contains("| Technical | – | not rated |"));
        assert!(md.contains("- 00:25: lovely double-sided reflection"));
        assert!(md.contains("segment was reached"));
        assert!(md.contains("MITI 4.2.1"));
    }

    #[test]
    fn transcript_debrief_shows_disagreements() {
        let parsed = transcript::parse("S: What brings you here today?\nP: I want to stop.")
            .expect("parses");
        let mut r = RolePlayRecord::new(Uuid::from_u128(2), RolePlayKind::Transcript, t(0));
        r.turns = transcript::code(&parsed);
        r.turns[0].trainee = Some(Code::ClosedQuestion);
        r.turns[1].trainee = Some(Code::ChangeTalk);
        let md = markdown(&r);
        assert!(md.contains("0 of 1 specialist turns (0%)"));
        assert!(md.contains("trainee: closed question; engine: open question"));
        assert!(md.contains("*(change talk (peer))*"));
        assert!(md.contains("Not rated."));
    }
}
