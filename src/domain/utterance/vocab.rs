//! The rule asset's words by number. Every word that a word list or a cue phrase of the
//! asset holds gets a number once, when the rules are compiled; each word of a turn is
//! looked up once, when its sentence is built. After that, "is this word a filler / a
//! feeling word / the start of a cue phrase" is a bit test or a comparison of numbers,
//! not a scan over a list of strings.

use std::collections::HashMap;

use crate::domain::quick_hash::QuickHash;

/// A word of the rule asset, by number.
pub type WordId = u32;

/// A word the asset never mentions: it matches no phrase and belongs to no list.
pub const UNKNOWN: WordId = u32::MAX;

/// The `<ing>` wildcard inside a cue phrase (any word ending in "ing").
pub const ING_ID: WordId = u32::MAX - 1;

/// The single-word lists of the asset's lexicon that are checked for many words of a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    Filler,
    DiscourseMarker,
    Auxiliary,
    QuestionSubject,
    SubjectPronoun,
    WhWord,
    Subordinator,
    ImperativeVerb,
    /// Words after which a question word stays inside the sentence ("I wonder what ...").
    NoSplitAfter,
    Feeling,
    Fact,
    ReportedSpeech,
    /// Backchannels of one word ("mm-hmm", "okay").
    Backchannel,
    /// Words too common to tell what an answer takes from the peer's line.
    ContextStopword,
    /// Words that name a person ("you", "she", "my").
    Person,
    /// Words of a general claim ("people", "usually").
    Generic,
}

impl WordClass {
    const fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// Numbers for the asset's words, and the lists each word belongs to.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    ids: HashMap<Box<str>, WordId, QuickHash>,
    /// Bits of [`WordClass`], by word id.
    classes: Vec<u32>,
}

impl Vocab {
    /// The number of `word`, given it one if it has none yet.
    pub fn add(&mut self, word: &str) -> WordId {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.classes.len() as WordId;
        self.ids.insert(word.into(), id);
        self.classes.push(0);
        id
    }

    /// Adds every word of `words` and marks it as one of `class`.
    pub fn add_class(&mut self, words: &[String], class: WordClass) {
        for w in words {
            let id = self.add(w);
            if let Some(c) = self.classes.get_mut(id as usize) {
                *c |= class.bit();
            }
        }
    }

    /// How many words have a number.
    pub fn len(&self) -> usize {
        self.classes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    /// The number of `word`, or [`UNKNOWN`].
    pub fn id(&self, word: &str) -> WordId {
        self.ids.get(word).copied().unwrap_or(UNKNOWN)
    }

    /// Whether the word numbered `id` is in the list `class`.
    #[inline]
    pub fn is(&self, id: WordId, class: WordClass) -> bool {
        self.classes
            .get(id as usize)
            .is_some_and(|c| c & class.bit() != 0)
    }

    /// Whether any of `ids` is in the list `class`.
    pub fn any(&self, ids: &[WordId], class: WordClass) -> bool {
        ids.iter().any(|&id| self.is(id, class))
    }

    /// Whether all of `ids` are in the list `class` (true for none).
    pub fn all(&self, ids: &[WordId], class: WordClass) -> bool {
        ids.iter().all(|&id| self.is(id, class))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_get_one_number_and_their_lists() {
        let mut v = Vocab::default();
        v.add_class(&["um".to_string(), "uh".to_string()], WordClass::Filler);
        v.add_class(
            &["so".to_string(), "um".to_string()],
            WordClass::DiscourseMarker,
        );
        let um = v.id("um");
        assert_ne!(um, UNKNOWN);
        assert_eq!(v.add("um"), um);
        assert!(v.is(um, WordClass::Filler) && v.is(um, WordClass::DiscourseMarker));
        assert!(!v.is(v.id("uh"), WordClass::DiscourseMarker));
        assert_eq!(v.id("hello"), UNKNOWN);
        assert!(!v.is(UNKNOWN, WordClass::Filler));
        assert!(!v.is(ING_ID, WordClass::Filler));
    }
}
