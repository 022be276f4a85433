//! The rule asset (`assets/utterance/rules.toml`): its file format and the compiled,
//! ready-to-match form. Compiled once; matching never allocates per phrase.

mod compile;
mod format;
mod phrase;

pub use compile::{Lexicon, Rules, RulesError};
pub use format::{Position, RULES_TOML, Reasons, Target, Weights};
pub use phrase::{Cue, ING, Phrase, in_list, in_sorted, matches_at};
