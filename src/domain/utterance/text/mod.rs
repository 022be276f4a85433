//! Turning raw transcript text into normalised words, clauses and sentences.
//!
//! Everything here is plain character and token work: no regular expressions, one pass over
//! the input, so a 100 KB line costs a few milliseconds. The same normalisation is applied to
//! the phrases in the rule assets, so an asset author writes "you're" and it also matches
//! "you are", "You’re" and "YOU'RE".

mod lists;
mod sentence;
mod split;
mod tokens;
mod words;

pub use lists::{gathers_matters, list_items, short_items};
pub use sentence::{Lexicon, Sentence};
pub use split::sentences;
pub use words::{collapse_repeats, collapse_stutter, expand_word, phrase_words};
