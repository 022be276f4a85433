//! Training the learned model from the labelled corpus, and measuring how far two coders
//! agree. Pure: the caller reads the files (see `examples/train_utterance_model.rs`).
//!
//! Reproducible bit for bit: examples are visited in an order drawn from a fixed seed,
//! arithmetic is plain `f64` in a fixed order, and the weights are rounded to 16 bits.

mod agreement;
mod corpus;
mod evaluation;
mod fit;

pub use agreement::{Agreement, CoderAgreement, agreement, coder_agreement};
pub use corpus::{CorpusRow, SecondCoding, agreed_training_rows, parse_corpus, parse_second};
pub use evaluation::{Evaluation, group_index};
pub use fit::{ContextUse, SECOND_CODING_FILE, TRAIN_FILES, TrainConfig, train, train_shipped};
