//! Scoring and ranking a query's matches across entries, and highlighting what matched.

use std::collections::HashSet;
use std::ops::Range;

use serde::Serialize;

use super::index::SearchIndex;
use super::tokens::words;
use crate::content::reference::RefKind;

/// Weights of a match in each part of an entry.
const W_TITLE: f32 = 3.0;
const W_KEYWORD: f32 = 2.0;
const W_BODY: f32 = 1.0;
/// Words matched at least this well are highlighted.
const MIN_HIGHLIGHT: f32 = 0.6;

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Index into [`SearchIndex::entries`].
    pub entry: usize,
    /// Higher is better; only comparable within one search.
    pub score: u32,
    /// How many of the query's words the entry matched.
    pub matched_terms: usize,
    /// The body line (by index among the body's lines) that best matches, if any.
    pub best_line: Option<usize>,
}

/// What a query matched, kept to highlight results without searching again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matches {
    /// The query's words, after dropping stopwords.
    pub terms: Vec<String>,
    words: HashSet<u32>,
}

impl Matches {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// The result of one search.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    pub hits: Vec<Hit>,
    pub matches: Matches,
}

fn kind_prior(kind: RefKind) -> f32 {
    // Tie-breakers only: among equal matches, the entries people reach for most come first.
    match kind {
        RefKind::Tool => 0.30,
        RefKind::Stage | RefKind::Concept | RefKind::Quality | RefKind::Crisis => 0.20,
        RefKind::Competency | RefKind::Role => 0.10,
        RefKind::Skill => 0.0,
    }
}

impl SearchIndex {
    /// Searches every entry. Hits come best first; entries that match none of the query's
    /// words are left out. An empty query gives no hits.
    pub fn search(&mut self, query: &str) -> Results {
        let terms = self.terms(query);
        if terms.is_empty() {
            return Results::default();
        }
        let sims: Vec<Vec<f32>> = terms.iter().map(|t| self.term_similarities(t)).collect();
        self.cache = terms.iter().cloned().zip(sims.iter().cloned()).collect();
        let mut matched_words = HashSet::new();
        for s in &sims {
            for (v, q) in s.iter().enumerate() {
                if *q >= MIN_HIGHLIGHT {
                    matched_words.insert(v as u32);
                }
            }
        }
        let n = terms.len();
        let best_in = |s: &[f32], ids: &[u32]| -> f32 {
            ids.iter().map(|v| s[*v as usize]).fold(0.0, f32::max)
        };

        // Per term and entry: the best match in each part.
        let per_doc: Vec<Vec<(f32, f32, f32)>> = self
            .docs
            .iter()
            .map(|d| {
                sims.iter()
                    .map(|s| {
                        (
                            best_in(s, &d.title),
                            best_in(s, &d.keywords),
                            best_in(s, &d.body),
                        )
                    })
                    .collect()
            })
            .collect();

        // Rarer words weigh more (inverse document frequency).
        let total = self.docs.len() as f32;
        let weights: Vec<f32> = (0..n)
            .map(|i| {
                let df = per_doc
                    .iter()
                    .filter(|p| p[i].0 > 0.0 || p[i].1 > 0.0 || p[i].2 > 0.0)
                    .count() as f32;
                ((total + 1.0) / (df + 0.5)).ln().max(0.2)
            })
            .collect();
        let weight_sum: f32 = weights.iter().sum();
        let phrase = terms.join(" ");

        let mut hits = Vec::new();
        for (i, (doc, parts)) in self.docs.iter().zip(&per_doc).enumerate() {
            let mut score = 0.0;
            let mut matched = 0;
            let mut presence = 0.0;
            let mut title_hits = 0;
            for (t, (title, kw, body)) in parts.iter().enumerate() {
                let best = (W_TITLE * title).max(W_KEYWORD * kw).max(W_BODY * body);
                if best > 0.0 {
                    matched += 1;
                    score += weights[t] * best;
                    // A weak match (letters picked out of a word) only half counts as present.
                    presence += (title.max(*kw).max(*body) / 0.8).min(1.0);
                }
                if *title > 0.0 {
                    title_hits += 1;
                }
            }
            if matched == 0 {
                continue;
            }
            // Several query words on one line of the body: they belong together there.
            let mut best_line = None;
            let mut best_line_score = 0.0;
            for (l, line) in doc.lines.iter().enumerate() {
                let mut line_score = 0.0;
                let mut count = 0;
                for (t, s) in sims.iter().enumerate() {
                    let q = best_in(s, line);
                    if q > 0.0 {
                        count += 1;
                        line_score += weights[t] * q;
                    }
                }
                if contains_words(&doc.line_norms[l], &phrase) {
                    line_score += weight_sum * 0.5;
                }
                if line_score > best_line_score {
                    best_line_score = line_score;
                    best_line = Some((l, count));
                }
            }
            if let Some((_, count)) = best_line
                && count >= 2
            {
                score += 0.5 * best_line_score * (count as f32 - 1.0) / (n as f32 - 1.0).max(1.0);
            }
            // The whole query as a phrase.
            if n >= 1 && phrase.len() >= 3 {
                if doc.title_norm == phrase {
                    score += 2.0 * weight_sum;
                } else if contains_words(&doc.title_norm, &phrase) {
                    score += 1.0 * weight_sum;
                } else if doc.keyword_norms.iter().any(|k| contains_words(k, &phrase)) {
                    score += 0.7 * weight_sum;
                }
            }
            // A title the query covers closely beats one it only touches.
            score += 0.5 * weight_sum * (title_hits as f32 / doc.title_content as f32).min(1.0)
                / n as f32;
            score += kind_prior(self.entries[i].kind);
            // Each missing word costs a lot: a query's words are all meant.
            let coverage = presence / n as f32;
            score *= coverage * coverage;
            hits.push(Hit {
                entry: i,
                score: (score * 100.0).round() as u32,
                matched_terms: matched,
                best_line: best_line.map(|(l, _)| l),
            });
        }
        // A question about someone's safety finds the safety plan and the crisis lines first,
        // whatever else it matches.
        let safety = terms
            .iter()
            .any(|t| self.safety_words.iter().any(|w| t.starts_with(w.as_str())));
        if safety {
            let top = hits.iter().map(|h| h.score).max().unwrap_or(0);
            let count = self.safety_entries.len() as u32;
            for (rank, id) in self.safety_entries.iter().enumerate() {
                let Some(entry) = self.position(id) else {
                    continue;
                };
                let lift = top + 1 + count - rank as u32;
                match hits.iter_mut().find(|h| h.entry == entry) {
                    Some(h) => h.score = h.score.max(lift),
                    None => hits.push(Hit {
                        entry,
                        score: lift,
                        matched_terms: 0,
                        best_line: None,
                    }),
                }
            }
        }
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.entry.cmp(&b.entry)));
        // Weak matches are noise under a natural question: keep those near the best.
        if let Some(best) = hits.first().map(|h| h.score) {
            let floor = (best as f32 * self.weak_cut) as u32;
            hits.retain(|h| h.score >= floor);
        }
        Results {
            hits,
            matches: Matches {
                terms,
                words: matched_words,
            },
        }
    }

    /// Byte ranges of the words in `text` that the query matched, for highlighting.
    pub fn highlights(&self, matches: &Matches, text: &str) -> Vec<Range<usize>> {
        if matches.words.is_empty() {
            return Vec::new();
        }
        words(text)
            .filter(|(_, w)| {
                self.ids
                    .get(w.as_str())
                    .is_some_and(|id| matches.words.contains(id))
            })
            .map(|(r, _)| r)
            .collect()
    }
}

/// Whether `phrase` occurs in `text` on word boundaries (both are space-joined words).
fn contains_words(text: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    text.match_indices(phrase).any(|(at, _)| {
        let end = at + phrase.len();
        (at == 0 || text.as_bytes()[at - 1] == b' ')
            && (end == text.len() || text.as_bytes()[end] == b' ')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::search::{Tuning, entry};

    #[test]
    fn title_beats_body_and_rare_words_beat_common_ones() {
        let mut idx = SearchIndex::with_tuning(
            vec![
                entry("a", "Planning", "The peer decides on steps."),
                entry("b", "Brainstorming", "Ideas first, then planning together."),
                entry("c", "Peer role", "What a peer does."),
            ],
            Tuning::default(),
        );
        let r = idx.search("planning");
        let order: Vec<&str> = r
            .hits
            .iter()
            .map(|h| idx.entries()[h.entry].id.as_str())
            .collect();
        assert_eq!(order, ["a", "b"]);
        // "peer" is in two entries, "decides" in one: the rarer word counts for more.
        let r = idx.search("peer decides");
        assert_eq!(idx.entries()[r.hits[0].entry].id, "a");
        let r = idx.search("peer ideas");
        assert!(r.hits.iter().all(|h| h.matched_terms == 1));
        assert_eq!(idx.entries()[r.hits[1].entry].id, "b");
    }

    #[test]
    fn every_word_is_wanted() {
        let mut idx = SearchIndex::with_tuning(
            vec![
                entry("one", "Open questions", "Ask what and how."),
                entry("both", "Values", "Open questions about what matters."),
            ],
            Tuning::default(),
        );
        let r = idx.search("open questions values");
        assert_eq!(r.hits[0].entry, 1);
        assert_eq!(r.hits[0].matched_terms, 3);
        assert_eq!(r.hits[1].matched_terms, 2);
    }

    #[test]
    fn highlights_cover_matched_words() {
        let mut idx = SearchIndex::with_tuning(
            vec![entry("g", "Gentle refusal", "Say no kindly.")],
            Tuning::default(),
        );
        let r = idx.search("gentle refus");
        let text = "A gentle, kind refusal.";
        let parts: Vec<&str> = idx
            .highlights(&r.matches, text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(parts, ["gentle", "refusal"]);
    }

    #[test]
    fn phrases_match_whole_words() {
        assert!(contains_words("pros and cons", "pros and cons"));
        assert!(contains_words("the pros cons list", "pros cons"));
        assert!(!contains_words("prose cons", "pros cons"));
        assert!(!contains_words("a xpros cons", "pros cons"));
        assert!(!contains_words("anything", ""));
    }
}
