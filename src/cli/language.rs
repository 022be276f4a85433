//! `alongside language`: the peer-language check from the shell, on a line of text, on
//! every line of stdin (JSON lines), or on a saved note.

use std::io::{BufRead, Write};

use serde::Serialize;

use crate::domain::Session;
use crate::domain::language::{Finding, LanguageRule, check};

/// One finding as printed: character offsets into the checked text.
#[derive(Debug, Serialize)]
struct Found<'a> {
    term: &'a str,
    rule: &'a str,
    matched: &'a str,
    start: usize,
    end: usize,
    suggestions: &'a [String],
    why: &'a str,
}

#[derive(Debug, Serialize)]
struct Checked<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    text: &'a str,
    findings: Vec<Found<'a>>,
}

fn found<'a>(text: &'a str, findings: &'a [Finding]) -> Vec<Found<'a>> {
    findings
        .iter()
        .map(|f| {
            let (start, end) = f.char_range(text);
            Found {
                term: &f.term,
                rule: &f.rule,
                matched: f.matched(text),
                start,
                end,
                suggestions: &f.suggestions,
                why: &f.why,
            }
        })
        .collect()
}

fn write_json(
    out: &mut dyn Write,
    field: Option<&str>,
    text: &str,
    findings: &[Finding],
) -> anyhow::Result<()> {
    serde_json::to_writer(
        &mut *out,
        &Checked {
            field,
            text,
            findings: found(text, findings),
        },
    )?;
    out.write_all(b"\n")?;
    Ok(())
}

fn write_human(
    out: &mut dyn Write,
    field: Option<&str>,
    text: &str,
    findings: &[Finding],
) -> anyhow::Result<()> {
    let prefix = field.map(|f| format!("{f}: ")).unwrap_or_default();
    if findings.is_empty() {
        if field.is_none() {
            writeln!(out, "No words to reconsider.")?;
        }
        return Ok(());
    }
    for f in found(text, findings) {
        writeln!(
            out,
            "{prefix}\"{}\" ({}, characters {}-{})",
            f.matched, f.term, f.start, f.end
        )?;
        writeln!(out, "  try: {}", f.suggestions.join("; "))?;
        writeln!(out, "  why: {}", f.why)?;
    }
    Ok(())
}

/// With `text`: checks it (human-readable, or one JSON object with `json`). Without: reads
/// `input` one line at a time and writes exactly one JSON object per line, in order.
pub fn check_command(
    rules: &[LanguageRule],
    text: Option<&str>,
    json: bool,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    if let Some(text) = text {
        let findings = check(text, rules);
        if json {
            write_json(out, None, text, &findings)?;
        } else {
            write_human(out, None, text, &findings)?;
        }
        out.flush()?;
        return Ok(());
    }
    let mut buf = Vec::new();
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        if buf.last() == Some(&b'\n') {
            buf.pop();
        }
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        let line = String::from_utf8_lossy(&buf);
        write_json(out, None, &line, &check(&line, rules))?;
    }
    out.flush()?;
    Ok(())
}

pub use crate::domain::language::note_fields;

/// Checks every free-text field of a saved note.
pub fn check_note(
    rules: &[LanguageRule],
    session: &Session,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut total = 0;
    for (field, text) in note_fields(session) {
        let findings = check(&text, rules);
        total += findings.len();
        if json {
            write_json(out, Some(&field), &text, &findings)?;
        } else {
            write_human(out, Some(&field), &text, &findings)?;
        }
    }
    if !json && total == 0 {
        writeln!(out, "No words to reconsider in this note.")?;
    }
    out.flush()?;
    Ok(())
}
