//! Near titles to offer when a query matched nothing.

use std::collections::HashSet;

use super::index::SearchIndex;
use super::matching::typo_distance;
use super::tokens::words;
use crate::content::reference::RefKind;

impl SearchIndex {
    /// Entries whose titles are nearest to a query that matched nothing, best first.
    pub fn suggest(&self, query: &str, limit: usize) -> Vec<usize> {
        let q: Vec<Vec<char>> = words(query).map(|(_, w)| w.chars().collect()).collect();
        if q.is_empty() {
            return Vec::new();
        }
        let q_grams = trigrams(&query.to_lowercase());
        let mut rows = Default::default();
        let mut scored: Vec<(f32, usize)> = self
            .entries
            .iter()
            .zip(&self.docs)
            .enumerate()
            .filter(|(_, (e, _))| e.kind != RefKind::Skill)
            .map(|(i, (e, doc))| {
                // Each query word's closest word in the title or keywords, by the share of
                // letters that differ.
                let mut word_sim = 0.0;
                for qw in &q {
                    let best = doc
                        .title
                        .iter()
                        .chain(&doc.keywords)
                        .map(|v| {
                            let tw = &self.vocab[*v as usize].chars;
                            let len = qw.len().max(tw.len()).max(1);
                            let d = typo_distance(qw, tw, len, &mut rows).unwrap_or(len);
                            1.0 - d as f32 / len as f32
                        })
                        .fold(0.0, f32::max);
                    word_sim += best;
                }
                word_sim /= q.len() as f32;
                let t_grams = trigrams(&e.title.to_lowercase());
                let shared = q_grams.intersection(&t_grams).count() as f32;
                let dice = 2.0 * shared / (q_grams.len() + t_grams.len()).max(1) as f32;
                (word_sim + dice, i)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let best = scored.first().map_or(0.0, |s| s.0);
        // Below these, a "nearest" title shares next to nothing with the query, or is much
        // further from it than the nearest.
        scored
            .into_iter()
            .filter(|(s, _)| *s >= 0.45 && *s >= 0.8 * best)
            .take(limit)
            .map(|(_, i)| i)
            .collect()
    }
}

fn trigrams(s: &str) -> HashSet<[char; 3]> {
    let chars: Vec<char> = format!("  {s} ").chars().collect();
    chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::search::{Tuning, entry};

    #[test]
    fn suggestions_are_close_titles() {
        let idx = SearchIndex::with_tuning(
            vec![
                entry("a", "Gentle refusal", "x"),
                entry("b", "Safety plan", "x"),
                entry("c", "Brainstorming", "x"),
            ],
            Tuning::default(),
        );
        assert_eq!(idx.suggest("saftey plna", 1), [1]);
        assert_eq!(idx.suggest("brianstrom", 1), [2]);
    }
}
