//! The index: the vocabulary of distinct words and each entry's words as ids into it.

use std::collections::{HashMap, HashSet};

use nucleo_matcher::{Config, Matcher, Utf32String};

use super::tokens::{body_lines, stem, words};
use super::tuning::Tuning;
use crate::content::reference::RefEntry;

/// At most this many query words are used (a pasted paragraph would only slow typing down);
/// enough for the longest skill titles, whose last words tell them apart.
const MAX_TERMS: usize = 16;

/// One distinct word of the content.
#[derive(Debug)]
pub(super) struct Word {
    pub(super) text: String,
    pub(super) chars: Vec<char>,
    pub(super) utf32: Utf32String,
    pub(super) stem: String,
}

/// The words of one entry, as ids into the vocabulary.
#[derive(Debug, Default)]
pub(super) struct Doc {
    /// Title words in order.
    pub(super) title: Vec<u32>,
    /// Title words that are not stopwords, for how much of the title a query covers.
    pub(super) title_content: usize,
    pub(super) keywords: Vec<u32>,
    /// Every distinct body word.
    pub(super) body: Vec<u32>,
    /// Each body line's distinct words, for matches that meet on one line.
    pub(super) lines: Vec<Vec<u32>>,
    /// Lowercased words without stopwords, joined by single spaces, for phrase matches.
    pub(super) title_norm: String,
    pub(super) keyword_norms: Vec<String>,
    pub(super) line_norms: Vec<String>,
}

/// The search index over a fixed list of entries. Build it once; each search reuses it.
pub struct SearchIndex {
    pub(super) entries: Vec<RefEntry>,
    pub(super) docs: Vec<Doc>,
    pub(super) vocab: Vec<Word>,
    pub(super) ids: HashMap<String, u32>,
    stopwords: HashSet<String>,
    pub(super) matcher: Matcher,
    /// Scratch rows for [`typo_distance`](super::matching::typo_distance), reused across calls.
    pub(super) rows: [Vec<usize>; 3],
    /// The previous search's terms and their similarities.
    pub(super) cache: Vec<(String, Vec<f32>)>,
    pub(super) safety_words: Vec<String>,
    pub(super) safety_entries: Vec<String>,
    pub(super) weak_cut: f32,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.entries.len())
            .field("words", &self.vocab.len())
            .finish()
    }
}

impl SearchIndex {
    /// Builds the index with the built-in tuning.
    pub fn new(entries: Vec<RefEntry>) -> SearchIndex {
        SearchIndex::with_tuning(entries, Tuning::builtin())
    }

    pub fn with_tuning(entries: Vec<RefEntry>, tuning: Tuning) -> SearchIndex {
        let stopwords: HashSet<String> = tuning.stopwords.into_iter().collect();
        let mut index = SearchIndex {
            entries: Vec::new(),
            docs: Vec::with_capacity(entries.len()),
            vocab: Vec::new(),
            ids: HashMap::new(),
            stopwords,
            matcher: Matcher::new(Config::DEFAULT),
            rows: Default::default(),
            cache: Vec::new(),
            safety_words: tuning.safety_words,
            safety_entries: tuning.safety_entries,
            weak_cut: tuning.weak_cut,
        };
        for e in &entries {
            let mut doc = Doc::default();
            let title: Vec<String> = words(&e.title).map(|(_, w)| w).collect();
            doc.title_content = title
                .iter()
                .filter(|w| !index.stopwords.contains(*w))
                .count()
                .max(1);
            doc.title = title.iter().map(|w| index.intern(w)).collect();
            doc.title_norm = index.norm(&title);
            let aliases = tuning.aliases.get(&e.id).map(Vec::as_slice).unwrap_or(&[]);
            let mut kw = HashSet::new();
            for k in e.keywords.iter().chain(aliases) {
                let ws: Vec<String> = words(k).map(|(_, w)| w).collect();
                for w in &ws {
                    kw.insert(index.intern(w));
                }
                doc.keyword_norms.push(index.norm(&ws));
            }
            doc.keywords = kw.into_iter().collect();
            doc.keywords.sort_unstable();
            let mut body = HashSet::new();
            for line in body_lines(&e.body) {
                let ws: Vec<String> = words(line).map(|(_, w)| w).collect();
                let mut ids: Vec<u32> = ws.iter().map(|w| index.intern(w)).collect();
                ids.sort_unstable();
                ids.dedup();
                body.extend(ids.iter().copied());
                doc.lines.push(ids);
                doc.line_norms.push(index.norm(&ws));
            }
            doc.body = body.into_iter().collect();
            doc.body.sort_unstable();
            index.docs.push(doc);
        }
        index.entries = entries;
        index
    }

    /// Words joined by single spaces, stopwords left out, to compare phrases the way query
    /// terms are compared.
    fn norm(&self, words: &[String]) -> String {
        let kept: Vec<&str> = words
            .iter()
            .filter(|w| !self.stopwords.contains(*w))
            .map(String::as_str)
            .collect();
        kept.join(" ")
    }

    fn intern(&mut self, w: &str) -> u32 {
        if let Some(id) = self.ids.get(w) {
            return *id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.push(Word {
            text: w.to_string(),
            chars: w.chars().collect(),
            utf32: Utf32String::from(w),
            stem: stem(w),
        });
        self.ids.insert(w.to_string(), id);
        id
    }

    pub fn entries(&self) -> &[RefEntry] {
        &self.entries
    }

    pub fn entry(&self, i: usize) -> Option<&RefEntry> {
        self.entries.get(i)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.id == id)
    }

    /// The number of distinct words indexed.
    pub fn vocabulary_size(&self) -> usize {
        self.vocab.len()
    }

    /// The query's words, without stopwords unless that would leave none.
    pub fn terms(&self, query: &str) -> Vec<String> {
        let all: Vec<String> = words(query).map(|(_, w)| w).collect();
        let mut kept: Vec<String> = all
            .iter()
            .filter(|w| !self.stopwords.contains(*w))
            .cloned()
            .collect();
        if kept.is_empty() {
            kept = all;
        }
        let mut seen = HashSet::new();
        kept.retain(|w| seen.insert(w.clone()));
        kept.truncate(MAX_TERMS);
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_dropped_unless_nothing_else_is_left() {
        let idx = SearchIndex::with_tuning(
            Vec::new(),
            Tuning {
                stopwords: vec!["the".into(), "a".into()],
                ..Tuning::default()
            },
        );
        assert_eq!(idx.terms("the signs of a plan"), ["signs", "of", "plan"]);
        assert_eq!(idx.terms("the a"), ["the", "a"]);
        assert_eq!(idx.terms("plan plan"), ["plan"]);
    }
}
