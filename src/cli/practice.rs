//! `alongside practice classify`: feedback on one utterance, or on a whole transcript read one
//! utterance per line.

use std::io::{BufRead, Write};

use serde::Serialize;

use crate::domain::utterance::{self, Depth, Feedback, Label};

/// One output object: the input text and its feedback.
#[derive(Debug, Serialize)]
struct Classified<'a> {
    /// The peer's line before, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<&'a str>,
    text: &'a str,
    #[serde(flatten)]
    feedback: &'a Feedback,
}

fn write_json(
    out: &mut dyn Write,
    context: Option<&str>,
    text: &str,
    feedback: &Feedback,
) -> anyhow::Result<()> {
    serde_json::to_writer(
        &mut *out,
        &Classified {
            context,
            text,
            feedback,
        },
    )?;
    out.write_all(b"\n")?;
    Ok(())
}

fn write_human(
    out: &mut dyn Write,
    context: Option<&str>,
    text: &str,
    feedback: &Feedback,
) -> anyhow::Result<()> {
    if let Some(c) = context {
        writeln!(out, "peer:   {c}")?;
    }
    writeln!(out, "text:   {text}")?;
    writeln!(out, "label:  {}", feedback.label.name())?;
    let depth = match (feedback.label, feedback.reflection_depth) {
        (Label::Reflection, Some(Depth::Complex)) => "complex",
        (Label::Reflection, Some(Depth::Simple)) => "simple",
        _ => "-",
    };
    writeln!(out, "depth:  {depth}")?;
    writeln!(out, "why:")?;
    for reason in &feedback.reasons {
        writeln!(out, "  - {reason}")?;
    }
    Ok(())
}

/// What to classify and how to print it.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClassifyInput<'a> {
    /// One utterance; `None`: read them from the input, one a line.
    pub text: Option<&'a str>,
    /// The peer's line before the utterance (before every line read, when reading).
    pub context: Option<&'a str>,
    /// Lines read are `peer line <TAB> utterance`.
    pub paired: bool,
    pub json: bool,
}

/// With `text`: prints the feedback for it (human-readable, or one JSON object with `json`).
/// Without: reads `input` one utterance per line and writes exactly one JSON object per line,
/// in order. Empty lines give label "other" with reason "empty line"; invalid UTF-8 is
/// decoded lossily; a trailing "\r" is dropped. The peer's line before an utterance (given
/// with `context`, or before a tab on each `paired` line) is used when known.
pub fn classify_command(
    how: &ClassifyInput,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let context = how.context.filter(|c| !c.trim().is_empty());
    if let Some(text) = how.text {
        let feedback = utterance::classify_in_context(text, context);
        if how.json {
            write_json(out, context, text, &feedback)?;
        } else {
            write_human(out, context, text, &feedback)?;
        }
        out.flush()?;
        return Ok(());
    }
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = input.read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        if buf.last() == Some(&b'\n') {
            buf.pop();
        }
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        let line = String::from_utf8_lossy(&buf);
        let (peer, text) = match line.split_once('\t') {
            Some((peer, text)) if how.paired => (Some(peer).filter(|p| !p.trim().is_empty()), text),
            _ => (context, line.as_ref()),
        };
        let feedback = utterance::classify_in_context(text, peer);
        write_json(out, peer, text, &feedback)?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &[u8]) -> Vec<serde_json::Value> {
        let mut reader = input;
        let mut out = Vec::new();
        let how = ClassifyInput {
            json: true,
            ..ClassifyInput::default()
        };
        classify_command(&how, &mut reader, &mut out).expect("runs");
        let text = String::from_utf8(out).expect("utf-8 output");
        text.lines()
            .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
            .collect()
    }

    #[test]
    fn one_object_per_line_in_order() {
        let rows = run(b"What brings you here today?\nDo you drink every day?\nIt sounds like you're worried.\n");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0]["text"], "What brings you here today?");
        assert_eq!(rows[0]["label"], "open_question");
        assert_eq!(rows[1]["label"], "closed_question");
        assert_eq!(rows[2]["label"], "reflection");
        assert!(rows[2]["reflection_depth"].is_string());
        assert!(rows[0]["reflection_depth"].is_null());
        assert!(rows[0]["reasons"].as_array().is_some_and(|r| !r.is_empty()));
    }

    #[test]
    fn empty_and_blank_lines_are_other() {
        let rows = run(b"\n   \nokay\r\n\t\n");
        assert_eq!(rows.len(), 4);
        for i in [0, 1, 3] {
            assert_eq!(rows[i]["label"], "other");
            assert_eq!(rows[i]["reasons"][0], "empty line");
        }
        assert_eq!(rows[2]["text"], "okay");
    }

    #[test]
    fn last_line_without_newline_is_read() {
        let rows = run(b"tell me more\nhow are you feeling");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1]["label"], "open_question");
    }

    #[test]
    fn long_lines_are_handled() {
        let long = "you feel stuck and ".repeat(6_000); // about 114 KB
        let mut input = long.clone().into_bytes();
        input.extend_from_slice(b"\nwhat else\n");
        let rows = run(&input);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["text"].as_str().map(str::len), Some(long.len()));
        assert_eq!(rows[1]["label"], "open_question");
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily() {
        let rows = run(b"do you \xff\xfe drink\nok\n");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["label"], "closed_question");
        assert!(
            rows[0]["text"]
                .as_str()
                .is_some_and(|t| t.contains('\u{FFFD}'))
        );
    }

    #[test]
    fn single_text_human_and_json() {
        let mut empty: &[u8] = b"";
        let mut out = Vec::new();
        let mut how = ClassifyInput {
            text: Some("You should call your sponsor."),
            ..ClassifyInput::default()
        };
        classify_command(&how, &mut empty, &mut out).expect("runs");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.contains("label:  advice"));
        assert!(text.contains("depth:  -"));
        assert!(text.contains("Ask-Share-Ask"));

        let mut out = Vec::new();
        how.json = true;
        classify_command(&how, &mut empty, &mut out).expect("runs");
        let text = String::from_utf8(out).expect("utf-8");
        assert_eq!(text.lines().count(), 1);
        let v: serde_json::Value = serde_json::from_str(text.trim()).expect("json");
        assert_eq!(v["label"], "advice");
        assert_eq!(v["text"], "You should call your sponsor.");
    }

    #[test]
    fn peer_lines_are_read_from_a_flag_or_before_a_tab() {
        let peer = "I keep skipping meals so the kids can eat.";
        let answer = "You're skipping meals so the kids can eat.";
        let mut out = Vec::new();
        let mut empty: &[u8] = b"";
        let how = ClassifyInput {
            text: Some(answer),
            context: Some(peer),
            json: true,
            ..ClassifyInput::default()
        };
        classify_command(&how, &mut empty, &mut out).expect("runs");
        let v: serde_json::Value =
            serde_json::from_str(String::from_utf8(out).expect("utf-8").trim()).expect("json");
        assert_eq!(v["context"], peer);
        assert_eq!(v["text"], answer);
        let expected = utterance::classify_in_context(answer, Some(peer));
        assert_eq!(v["label"], expected.label.id());

        // Paired lines: the peer's line, a tab, the answer; a line without a tab has none.
        let input = format!("{peer}\t{answer}\nWhat brings you in?\n");
        let mut reader = input.as_bytes();
        let mut out = Vec::new();
        let how = ClassifyInput {
            paired: true,
            json: true,
            ..ClassifyInput::default()
        };
        classify_command(&how, &mut reader, &mut out).expect("runs");
        let rows: Vec<serde_json::Value> = String::from_utf8(out)
            .expect("utf-8")
            .lines()
            .map(|l| serde_json::from_str(l).expect("json"))
            .collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["context"], peer);
        assert_eq!(rows[0]["text"], answer);
        assert!(rows[1].get("context").is_none());
        assert_eq!(rows[1]["label"], "open_question");
        // Without --paired a tab is part of the utterance, as before.
        assert_eq!(run(input.as_bytes()).len(), 2);
        assert!(
            run(input.as_bytes())[0]["text"]
                .as_str()
                .is_some_and(|t| t.contains('\t'))
        );
    }
}
