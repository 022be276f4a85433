//! Compiled cues and phrases, the index that finds candidate phrases at a word, and the
//! word-list and phrase matching the engine calls for every word of a turn.

use std::collections::HashMap;

use super::format::{Position, Target};
use crate::domain::quick_hash::QuickHash;
use crate::domain::utterance::text::Sentence;
use crate::domain::utterance::vocab::{ING_ID, UNKNOWN, WordId};

/// A compiled phrase: its words, their numbers, and the source text for reasons.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub words: Vec<String>,
    /// The words' numbers in [`Rules::vocab`](super::Rules::vocab) ([`ING_ID`] for the
    /// `<ing>` wildcard).
    pub ids: Vec<WordId>,
    pub text: String,
}

impl Phrase {
    /// True when the phrase matches the sentence's words starting at `at`; the same as
    /// [`matches_at`], comparing numbers instead of strings.
    pub fn matches_in(&self, s: &Sentence, at: usize) -> bool {
        let (Some(ids), Some(words)) = (s.ids.get(at..), s.words.get(at..)) else {
            return false;
        };
        ids.len() >= self.ids.len()
            && self
                .ids
                .iter()
                .zip(ids.iter().zip(words))
                .all(|(&p, (&id, w))| {
                    if p == ING_ID {
                        w.len() > 4 && w.ends_with("ing")
                    } else {
                        p == id
                    }
                })
    }
}

/// A compiled group of cues.
#[derive(Debug, Clone)]
pub struct Cue {
    pub name: String,
    pub target: Target,
    pub at: Position,
    pub weight: f32,
    pub reason: String,
    pub phrases: Vec<Phrase>,
    pub unless_followed_by: Vec<String>,
    /// Words that cancel the cue when they come right before it.
    pub unless_preceded_by: Vec<String>,
    /// Words that cancel the cue when "you" and one of them come earlier in the sentence:
    /// "you feel like you have to..." says what the person feels they must do (a
    /// reflection), not what the speaker tells them to do.
    pub unless_after_you: Vec<String>,
    /// How many different phrases of this group may add their weight in one sentence.
    pub max_matches: usize,
}

/// A word that stands for any word ending in "ing".
pub const ING: &str = "<ing>";

/// Where to look for phrases at a position: by the numbers of the first two words, so a
/// common first word ("you", "i") does not make every phrase that starts with it a
/// candidate.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordIndex {
    /// Phrases of one word, or whose second word is a wildcard: by the first word's number.
    one: Vec<Vec<(usize, usize)>>,
    /// Longer phrases: by the numbers of the first two words.
    two: HashMap<u64, Vec<(usize, usize)>, QuickHash>,
}

fn pair_key(first: WordId, second: WordId) -> u64 {
    (u64::from(first) << 32) | u64::from(second)
}

impl WordIndex {
    /// (cue index, phrase index) of the phrases that may start at `pos` of a sentence whose
    /// word numbers are `ids`, in cue order; `Phrase::matches_in` still checks every word.
    /// `out` is cleared first.
    pub(crate) fn candidates(&self, ids: &[WordId], pos: usize, out: &mut Vec<(usize, usize)>) {
        out.clear();
        // No phrase starts with a word the asset never mentions.
        let Some(&first) = ids.get(pos).filter(|&&id| id != UNKNOWN) else {
            return;
        };
        if let Some(e) = self.one.get(first as usize) {
            out.extend_from_slice(e);
        }
        if let Some(&second) = ids.get(pos + 1)
            && second != UNKNOWN
            && let Some(e) = self.two.get(&pair_key(first, second))
        {
            out.extend_from_slice(e);
            out.sort_unstable();
        }
    }
}

/// Whether a sorted list holds `word` (binary search: the longer feature lists are checked
/// for every word of a turn).
pub fn in_sorted(list: &[String], word: &str) -> bool {
    list.binary_search_by(|w| w.as_str().cmp(word)).is_ok()
}

/// `list` holds `word`. Words are short: comparing the length and first byte before the
/// bytes skips most calls into `memcmp`.
#[inline]
pub fn in_list(list: &[String], word: &str) -> bool {
    let first = word.as_bytes().first();
    list.iter()
        .any(|w| w.len() == word.len() && w.as_bytes().first() == first && w == word)
}

pub(super) fn build_index(cues: &[Cue], words: usize) -> WordIndex {
    let mut index = WordIndex {
        one: vec![Vec::new(); words],
        two: HashMap::default(),
    };
    for (ci, cue) in cues.iter().enumerate() {
        for (pi, phrase) in cue.phrases.iter().enumerate() {
            let Some(&first) = phrase.ids.first() else {
                continue;
            };
            match phrase.ids.get(1) {
                Some(&second) if second != ING_ID => index
                    .two
                    .entry(pair_key(first, second))
                    .or_default()
                    .push((ci, pi)),
                _ => {
                    if let Some(e) = index.one.get_mut(first as usize) {
                        e.push((ci, pi));
                    }
                }
            }
        }
    }
    index
}

/// True when `phrase` matches `words` starting at `at`.
pub fn matches_at(words: &[String], at: usize, phrase: &[String]) -> bool {
    let Some(rest) = words.get(at..) else {
        return false;
    };
    rest.len() >= phrase.len()
        && phrase.iter().zip(rest).all(|(p, w)| {
            if p == ING {
                w.len() > 4 && w.ends_with("ing")
            } else {
                p.len() == w.len() && p.as_bytes().first() == w.as_bytes().first() && p == w
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ing_wildcard() {
        let words: Vec<String> = ["how", "about", "setting", "a", "date"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let phrase: Vec<String> = ["how", "about", ING]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(matches_at(&words, 0, &phrase));
        let words: Vec<String> = ["how", "about", "you"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(!matches_at(&words, 0, &phrase));
    }
}
