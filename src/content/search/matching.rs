//! How well one query word matches one word of the content: exact, stem, prefix, inside,
//! fuzzy subsequence, or a typing slip.

use nucleo_matcher::Utf32String;

use super::index::SearchIndex;
use super::tokens::stem;

/// Word matches weaker than this are ignored.
const MIN_SIM: f32 = 0.45;

/// One query word, prepared once per search.
struct Term {
    text: String,
    chars: Vec<char>,
    stem: String,
    utf32: Utf32String,
    /// Its nucleo score against itself, to turn scores into a 0..1 ratio.
    perfect: f32,
}

/// Optimal string alignment distance (Levenshtein plus swapping two neighbours), giving up
/// once it is certain to exceed `max`. `rows` is scratch space, reused to avoid allocating.
pub(super) fn typo_distance(
    a: &[char],
    b: &[char],
    max: usize,
    rows: &mut [Vec<usize>; 3],
) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let n = b.len();
    let [prev2, prev, cur] = rows;
    prev2.clear();
    prev2.resize(n + 1, 0);
    prev.clear();
    prev.extend(0..=n);
    cur.clear();
    cur.resize(n + 1, 0);
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(prev2, prev);
        std::mem::swap(prev, cur);
    }
    let d = prev[n];
    (d <= max).then_some(d)
}

impl SearchIndex {
    /// How well query word `t` matches vocabulary word `v`, from 0 (not at all) to 1.
    fn similarity(&mut self, t: &Term, v: usize) -> f32 {
        let word = &self.vocab[v];
        if word.text == t.text {
            return 1.0;
        }
        let tl = t.chars.len();
        let vl = word.chars.len();
        let mut best: f32 = 0.0;
        if tl >= 3 && word.stem == t.stem {
            best = 0.95;
        }
        if word.text.starts_with(&t.text) {
            // What has been typed so far: the shorter the rest, the closer.
            best = best.max(0.82 + 0.1 * (tl as f32 / vl as f32));
        } else if tl >= 3 && word.text.contains(&t.text) {
            best = best.max(0.55 + 0.1 * (tl as f32 / vl as f32));
        } else if tl >= 4
            && vl > tl
            && let Some(score) = self
                .matcher
                .fuzzy_match(word.utf32.slice(..), t.utf32.slice(..))
        {
            // Letters spread through a word are a weak sign; only close ones count.
            best = best.max(0.75 * f32::from(score) / t.perfect);
        }
        if tl >= 4 && best < 0.8 {
            let max = if tl >= 8 { 2 } else { 1 };
            if let Some(d) = typo_distance(&t.chars, &word.chars, max, &mut self.rows) {
                best = best.max(0.8 - 0.1 * d as f32);
            } else if tl >= 5
                && vl > tl
                && typo_distance(&t.chars, &word.chars[..tl], 1, &mut self.rows).is_some()
            {
                // A slip in what has been typed so far.
                best = best.max(0.65);
            }
        }
        best
    }

    /// Every vocabulary word's similarity to `t`, dense, zero below [`MIN_SIM`]. The last
    /// search's terms are kept, so typing one more letter only scores the word being typed.
    pub(super) fn term_similarities(&mut self, t: &str) -> Vec<f32> {
        if let Some((_, sims)) = self.cache.iter().find(|(w, _)| w == t) {
            return sims.clone();
        }
        let utf32 = Utf32String::from(t);
        let perfect = self
            .matcher
            .fuzzy_match(utf32.slice(..), utf32.slice(..))
            .unwrap_or(1)
            .max(1);
        let term = Term {
            text: t.to_string(),
            chars: t.chars().collect(),
            stem: stem(t),
            utf32,
            perfect: f32::from(perfect),
        };
        (0..self.vocab.len())
            .map(|v| {
                let s = self.similarity(&term, v);
                if s >= MIN_SIM { s } else { 0.0 }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::search::{Tuning, entry};

    #[test]
    fn typo_distance_counts_swaps_as_one() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        let mut rows = Default::default();
        let mut d = |a: &str, b: &str| typo_distance(&c(a), &c(b), 2, &mut rows);
        assert_eq!(d("refelctive", "reflective"), Some(1));
        assert_eq!(d("listning", "listening"), Some(1));
        assert_eq!(d("ab", "ba"), Some(1));
        assert_eq!(d("kitten", "sitting"), None);
        assert_eq!(d("abc", "xyz"), None);
        assert_eq!(d("", "ab"), Some(2));
    }

    #[test]
    fn prefixes_typos_and_subsequences_match() {
        let mut idx = SearchIndex::with_tuning(
            vec![
                entry("rl", "Reflective listening", "Say back what you heard."),
                entry("x", "Other", "Nothing to see."),
            ],
            Tuning::default(),
        );
        for q in [
            "refl",
            "refelctive",
            "lstn",
            "Reflective   LISTENING",
            "listning",
        ] {
            let r = idx.search(q);
            assert_eq!(r.hits.first().map(|h| h.entry), Some(0), "query {q:?}");
        }
        assert!(idx.search("zzzz").hits.is_empty());
        assert!(idx.search("").hits.is_empty());
        assert!(idx.search("   ").hits.is_empty());
    }
}
