//! Features for the learned model: hashed word and character n-grams of the normalised
//! text, plus what the rules found (each sentence's verdict, the cue groups that matched,
//! the turn's shape). Every feature remembers where it came from, so the strongest ones
//! can be named in the reasons a trainee reads.

mod extract;
mod hash;
mod kinds;

pub(super) use extract::extract;
pub(super) use hash::new_word_bucket;
pub use hash::{BUCKET_BITS, BUCKETS};
pub use kinds::{Feature, Flag, Origin, RuleFeature, describe_words};
