//! Ranked fuzzy search over the reference entries: pure, no UI, index built once.
//!
//! Matching is done word by word, with `nucleo-matcher` scoring each query word against each
//! distinct word of the content. Matching a word against whole paragraphs instead lets its
//! letters be picked out of many different words ("plan" in "peer looks at new"), which
//! floods long entries with false matches. Per word, a query word can match:
//! - exactly, or the same word with a plural or -ing/-ed ending;
//! - as the start of a word (what is typed so far: "refl" finds "reflective");
//! - inside a word, or as a nucleo fuzzy subsequence ("lstn" finds "listening");
//! - with one or two typing slips (Damerau-Levenshtein distance: "refelctive").
//!
//! An entry's score adds, for every query word, its best match in the title (weighted most),
//! the keywords, or the body (least), each weighted by how rare the word is across entries,
//! so "peer" counts for little and "refusal" for a lot. Entries get a bonus when several
//! query words meet on one body line or the whole query appears as a phrase, and lose score
//! for every query word they lack.

mod index;
mod matching;
mod rank;
mod suggest;
mod tokens;
mod tuning;

pub use index::SearchIndex;
pub use rank::{Hit, Matches, Results};
pub use tokens::{body_lines, words};
pub use tuning::Tuning;

/// A tool entry with no stage or keywords, for the tests of each part.
#[cfg(test)]
fn entry(id: &str, title: &str, body: &str) -> super::reference::RefEntry {
    super::reference::RefEntry {
        id: id.to_string(),
        title: title.to_string(),
        kind: super::reference::RefKind::Tool,
        body: body.to_string(),
        stage: None,
        keywords: Vec::new(),
    }
}
