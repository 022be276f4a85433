//! A normalised sentence, and what normalisation needs from the rule asset.

use crate::domain::utterance::vocab::{Vocab, WordId};
// Named in the docs below.
#[cfg(doc)]
use crate::domain::utterance::vocab::WordClass;

/// One sentence of an utterance, normalised.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    /// Lowercase words with contractions expanded ("you're" -> "you", "are") and
    /// filler words ("um", "uh") removed.
    pub words: Vec<String>,
    /// `ids[i]` is the rule asset's number for `words[i]` (see [`Vocab`]): the rules compare
    /// and look up words by these.
    pub ids: Vec<WordId>,
    /// `clause_start[i]` is true when `words[i]` begins a clause: the first word, or the first
    /// word after a comma, colon, dash or similar break.
    pub clause_start: Vec<bool>,
    /// The sentence ended with a question mark (after dropping a trailing "you know?").
    pub question_mark: bool,
    /// Index of the first word after leading discourse markers ("so", "and", "well", ...).
    pub core: usize,
    /// Fillers, filler phrases, stutters or repeated words were removed: spoken style.
    pub disfluent: bool,
    /// The sentence ended with an exclamation mark.
    pub exclamation: bool,
    /// The sentence ended with a full stop (or ";", "..."): written as a statement. Speech
    /// transcribed without punctuation has none, so a question may still hide in it.
    pub full_stop: bool,
    /// The sentence breaks off at a dash with nothing after it ("And then the—").
    pub cut_off: bool,
}

impl Sentence {
    /// Whether `words[i]` begins a clause (false past the end).
    pub fn starts_clause(&self, i: usize) -> bool {
        self.clause_start.get(i).copied().unwrap_or(false)
    }

    /// The words after leading discourse markers.
    pub fn core_words(&self) -> &[String] {
        self.words.get(self.core..).unwrap_or(&[])
    }

    /// The discourse markers that were skipped at the start ("so", "and").
    pub fn lead_words(&self) -> &[String] {
        self.words.get(..self.core).unwrap_or(&[])
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// What normalisation needs from the rule asset.
pub struct Lexicon<'a> {
    /// The asset's words by number, with the word lists each belongs to. Fillers
    /// ([`WordClass::Filler`]) are removed wherever they appear; discourse markers are
    /// skipped at the start of a sentence. Run-on speech is split where a question word
    /// is followed by an auxiliary and a question subject (or by "happened"), or an
    /// auxiliary by "you", unless the word before is in [`WordClass::NoSplitAfter`]; a run
    /// that opens with a subordinator ("if you could change one thing what would it be")
    /// is one sentence: the question is its main clause.
    pub vocab: &'a Vocab,
    /// Multi-word phrases that are fillers when they form a whole clause ("you know", "i mean").
    pub filler_clauses: &'a [Vec<String>],
}

/// A word of the input with its number in the asset.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Word {
    pub(super) text: String,
    pub(super) id: WordId,
}
