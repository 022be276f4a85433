//! Writing and reading index.json quickly.
//!
//! The file is ordinary JSON of the documented shape, laid out one entry per line:
//!
//! ```text
//! {"schema_version":1,"sessions":[
//! {...entry...},
//! {...entry...}
//! ]}
//! ```
//!
//! JSON strings never hold a raw line break, so each line is one whole entry and the lines
//! can be parsed on several threads at once: parsing is most of the time it takes to open a
//! store with thousands of sessions. Any file not laid out exactly like this (edited by
//! hand, or damaged) is read by the ordinary parser instead, which gives the usual checks
//! and content-free reasons.

use std::path::Path;

use super::index::IndexEntry;
use super::read::{Loaded, load, read_with_stamp};
use super::schema::{CURRENT_VERSION, IndexFile};

/// Below this many entries, one thread parses faster than several start.
const PARALLEL_FROM: usize = 2_000;

fn header() -> String {
    format!("{{\"schema_version\":{CURRENT_VERSION},\"sessions\":[\n")
}

const FOOTER: &[u8] = b"]}\n";

/// Encodes the index, one entry per line.
pub(crate) fn encode_index(entries: &[IndexEntry]) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(entries.len() * 1200 + 64);
    out.extend_from_slice(header().as_bytes());
    for (i, e) in entries.iter().enumerate() {
        serde_json::to_writer(&mut out, e)?;
        if i + 1 < entries.len() {
            out.push(b',');
        }
        out.push(b'\n');
    }
    out.extend_from_slice(FOOTER);
    Ok(out)
}

/// Reads index.json: the line-by-line fast path when the layout is exactly ours, otherwise
/// the ordinary decoder (which also handles other versions and damage).
pub(crate) fn load_index(path: &Path) -> Loaded<IndexFile> {
    if let Ok((bytes, stamp)) = read_with_stamp(path)
        && let Some(sessions) = parse_lines(&bytes)
    {
        return Loaded::Found {
            value: IndexFile {
                schema_version: CURRENT_VERSION,
                sessions,
            },
            stamp,
            migrated_from: None,
        };
    }
    load::<IndexFile>(path)
}

/// The entries of an index in our exact layout, or `None` if it is laid out any other way
/// or any line fails to parse.
fn parse_lines(bytes: &[u8]) -> Option<Vec<IndexEntry>> {
    let body = bytes
        .strip_prefix(header().as_bytes())?
        .strip_suffix(FOOTER)?;
    if body.is_empty() {
        return Some(Vec::new());
    }
    let body = body.strip_suffix(b"\n")?;
    let lines: Vec<&[u8]> = body.split(|b| *b == b'\n').collect();
    let last = lines.len() - 1;
    // Every line but the last ends with the comma that separates entries.
    let mut items = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let item = if i == last {
            *line
        } else {
            line.strip_suffix(b",")?
        };
        items.push(item);
    }
    let parse = |part: &[&[u8]]| -> Option<Vec<IndexEntry>> {
        part.iter()
            .map(|item| serde_json::from_slice::<IndexEntry>(item).ok())
            .collect()
    };
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(4);
    if items.len() < PARALLEL_FROM || threads < 2 {
        return parse(&items);
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                let h = std::thread::Builder::new().spawn_scoped(scope, move || parse(part));
                (h, part)
            })
            .collect();
        let mut out = Vec::with_capacity(items.len());
        for (h, part) in handles {
            let parsed = match h.map(|h| h.join()) {
                Ok(Ok(v)) => v,
                // No thread could be started (or it failed): parse that part here.
                _ => parse(part),
            };
            out.extend(parsed?);
        }
        Some(out)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Peer, Session, SessionKind, Timestamp};
    use crate::storage::FileStamp;
    use crate::storage::schema::{Decoded, decode};

    fn t(min: i64) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-01-05T10:00:00-05:00").expect("time")
            + chrono::Duration::minutes(min)
    }

    fn entries(n: usize) -> Vec<IndexEntry> {
        let peer = Peer::new("JD", t(0)).expect("peer");
        (0..n)
            .map(|i| {
                let mut s = Session::start(&peer, SessionKind::Phone, t(i as i64));
                s.notes = format!("line one\nline \"two\" for {i}");
                IndexEntry::from_session(&s, FileStamp::default())
            })
            .collect()
    }

    #[test]
    fn the_fast_layout_is_ordinary_json_and_parses_the_same_both_ways() {
        for n in [0, 1, 2, 3, PARALLEL_FROM + 7] {
            let es = entries(n);
            let bytes = encode_index(&es).expect("encode");
            assert_eq!(parse_lines(&bytes).expect("fast path"), es, "{n}");
            match decode::<IndexFile>(&bytes) {
                Decoded::Current(f) => assert_eq!(f.sessions, es, "{n}"),
                other => panic!("{n}: {other:?}"),
            }
        }
    }

    #[test]
    fn anything_else_falls_back_to_the_ordinary_parser() {
        let es = entries(3);
        let good = encode_index(&es).expect("encode");
        let compact = serde_json::to_vec(&serde_json::json!({
            "schema_version": 1,
            "sessions": es,
        }))
        .expect("json");
        assert!(parse_lines(&compact).is_none());
        let mut damaged = good.clone();
        let mid = damaged.len() / 2;
        damaged[mid] = b'#';
        assert!(parse_lines(&damaged).is_none());
        let no_comma = String::from_utf8(good.clone())
            .expect("utf8")
            .replacen("},\n", "}\n", 1);
        assert!(parse_lines(no_comma.as_bytes()).is_none());
        let newer = String::from_utf8(good).expect("utf8").replacen(
            "\"schema_version\":1",
            "\"schema_version\":2",
            1,
        );
        assert!(parse_lines(newer.as_bytes()).is_none());
    }
}
