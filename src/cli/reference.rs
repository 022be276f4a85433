//! `alongside ref`: the quick reference from the shell. The same entries and the same search
//! as the reference screen.

use std::io::{IsTerminal, Write};

use anyhow::{Result, bail};
use ratatui::crossterm::terminal;
use serde::Serialize;

use crate::content::search::{SearchIndex, body_lines};
use crate::content::{Content, RefEntry};
use crate::ui::wrap::wrap_lines;

/// Width used when standard output is not a terminal (a pipe, a file).
pub const DEFAULT_WIDTH: usize = 80;

/// What the command line asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The words to look for, joined by spaces; empty for none.
    pub query: String,
    pub list: bool,
    pub all: bool,
    pub json: bool,
    /// Columns to wrap text to.
    pub width: usize,
}

/// The terminal's width when standard output is one, else [`DEFAULT_WIDTH`].
pub fn output_width() -> usize {
    if !std::io::stdout().is_terminal() {
        return DEFAULT_WIDTH;
    }
    match terminal::size() {
        Ok((w, _)) if w > 0 => w as usize,
        _ => DEFAULT_WIDTH,
    }
}

#[derive(Serialize)]
struct ListedEntry<'a> {
    id: &'a str,
    title: &'a str,
    kind: crate::content::RefKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    stage: Option<&'static str>,
}

impl<'a> ListedEntry<'a> {
    fn new(e: &'a RefEntry) -> ListedEntry<'a> {
        ListedEntry {
            id: &e.id,
            title: &e.title,
            kind: e.kind,
            stage: e.stage.map(|s| s.id()),
        }
    }
}

#[derive(Serialize)]
struct Match<'a> {
    #[serde(flatten)]
    entry: ListedEntry<'a>,
    score: u32,
    /// How many of the query's words the entry matched.
    matched_terms: usize,
    /// The line of the body that matched best.
    #[serde(skip_serializing_if = "Option::is_none")]
    best_line: Option<&'a str>,
}

#[derive(Serialize)]
struct Found<'a> {
    query: &'a str,
    /// The query's words that were searched for (common words like "the" are left out).
    terms: &'a [String],
    matches: Vec<Match<'a>>,
    /// Nearest titles, when nothing matched.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suggestions: Vec<&'a str>,
}

/// Runs `ref`. Nothing matching is an error (a non-zero exit) that names the nearest titles.
/// Output cut short by the reader (`alongside ref --list | head`) is not an error.
pub fn run(content: &Content, req: &Request, out: &mut dyn Write) -> Result<()> {
    match run_inner(content, req, out) {
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            Ok(())
        }
        other => other,
    }
}

fn run_inner(content: &Content, req: &Request, out: &mut dyn Write) -> Result<()> {
    let mut index = SearchIndex::new(content.reference_entries());
    if req.list {
        return list(&index, req.json, out);
    }
    let query = req.query.trim();
    if query.is_empty() {
        bail!(
            "say what to look up, e.g. `alongside ref gentle refusal`, or list every entry with `alongside ref --list`"
        );
    }
    // An exact entry id, as --list prints them, opens that entry.
    if !req.all
        && !req.json
        && let Some(i) = index.position(query)
        && let Some(e) = index.entry(i)
    {
        print_entry(e, req.width, out)?;
        return Ok(());
    }
    let results = index.search(query);
    let suggestions: Vec<&str> = if results.hits.is_empty() {
        index
            .suggest(query, 3)
            .into_iter()
            .filter_map(|i| index.entry(i).map(|e| e.title.as_str()))
            .collect()
    } else {
        Vec::new()
    };
    if req.json {
        let found = Found {
            query,
            terms: &results.matches.terms,
            matches: results
                .hits
                .iter()
                .filter_map(|h| {
                    let e = index.entry(h.entry)?;
                    Some(Match {
                        entry: ListedEntry::new(e),
                        score: h.score,
                        matched_terms: h.matched_terms,
                        best_line: h.best_line.and_then(|l| body_lines(&e.body).nth(l)),
                    })
                })
                .collect(),
            suggestions: suggestions.clone(),
        };
        serde_json::to_writer_pretty(&mut *out, &found)?;
        writeln!(out)?;
        out.flush()?;
    }
    if results.hits.is_empty() {
        bail!("{}", no_match_message(query, &suggestions));
    }
    if req.json {
        return Ok(());
    }
    if req.all {
        let rows: Vec<&RefEntry> = results
            .hits
            .iter()
            .filter_map(|h| index.entry(h.entry))
            .collect();
        print_ids(&rows, out)?;
    } else if let Some(e) = results.hits.first().and_then(|h| index.entry(h.entry)) {
        print_entry(e, req.width, out)?;
    }
    out.flush()?;
    Ok(())
}

fn no_match_message(query: &str, suggestions: &[&str]) -> String {
    let mut msg = format!(
        "nothing in the reference matches \"{}\"",
        super::shown(query)
    );
    match suggestions {
        [] => msg.push_str("; try fewer or different words"),
        [one] => msg.push_str(&format!("; did you mean \"{one}\"?")),
        more => {
            let quoted: Vec<String> = more.iter().map(|s| format!("\"{s}\"")).collect();
            msg.push_str(&format!("; did you mean {}?", quoted.join(", ")));
        }
    }
    msg.push_str(" (`alongside ref --list` shows every entry)");
    msg
}

fn list(index: &SearchIndex, json: bool, out: &mut dyn Write) -> Result<()> {
    if json {
        let all: Vec<ListedEntry> = index.entries().iter().map(ListedEntry::new).collect();
        serde_json::to_writer_pretty(&mut *out, &all)?;
        writeln!(out)?;
    } else {
        let rows: Vec<&RefEntry> = index.entries().iter().collect();
        print_ids(&rows, out)?;
    }
    out.flush()?;
    Ok(())
}

/// One entry a line: the id, padded so titles line up, then the title.
fn print_ids(rows: &[&RefEntry], out: &mut dyn Write) -> Result<()> {
    let w = rows.iter().map(|e| e.id.len()).max().unwrap_or(0);
    for e in rows {
        writeln!(out, "{:<w$}  {}", e.id, e.title)?;
    }
    Ok(())
}

/// The entry as plain text: title, what it is, then the body wrapped to `width`.
pub fn print_entry(e: &RefEntry, width: usize, out: &mut dyn Write) -> Result<()> {
    let width = width.max(20);
    for line in wrap_lines(&e.title, width) {
        writeln!(out, "{line}")?;
    }
    let mut meta = e.kind.label().to_string();
    if let Some(s) = e.stage {
        meta.push_str(&format!(" · {}", s.label()));
    }
    meta.push_str(&format!(" · {}", e.id));
    for line in wrap_lines(&meta, width) {
        writeln!(out, "{line}")?;
    }
    writeln!(out)?;
    for line in e.body.lines() {
        if line.trim().is_empty() {
            writeln!(out)?;
            continue;
        }
        for row in wrap_lines(line, width) {
            writeln!(out, "{row}")?;
        }
    }
    Ok(())
}
