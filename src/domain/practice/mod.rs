//! Practice for trainees: OARS drills with instant feedback from the utterance engine.
//!
//! * [`bank`]: the drill texts and items from `assets/practice/*.toml`.
//! * [`drill`]: the four drills, the parts of an answer and which labels meet each goal.
//! * [`round`]: a round's state machine (round → item → answer → feedback → next →
//!   summary) and the record that is saved.
//! * [`progress`]: goals met and MI scores over many rounds.
//! * [`tally`]: role-play coding: the observer's codes, timer, pins, global ratings and
//!   the record that is saved.
//! * [`transcript`]: reading a role-play transcript and coding it with the engine.
//!
//! Everything here is pure: no clock (times are passed in), no files, no randomness beyond
//! a seed.

pub mod bank;
pub mod debrief;
pub mod drill;
pub mod fit;
pub mod progress;
pub mod rng;
pub mod round;
pub mod tally;
pub mod transcript;

pub use bank::{Bank, BankError, Difficulty, Item, LifeArea};
pub use drill::{Drill, Part, SkillChoice};
pub use progress::{Progress, RoundPoint, progress};
pub use round::{
    Answer, ItemRecord, Phase, Response, Round, RoundConfig, RoundError, RoundRecord, RoundSummary,
    summarize,
};
pub use tally::{
    Code, Global, Globals, RolePlayKind, RolePlayRecord, RolePlayScores, Tally, score_codes,
};
pub use transcript::{CodedTurn, Speaker, Transcript, TranscriptError};
