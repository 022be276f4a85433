//! Pure types and rules of a peer support session. No terminal, no files.

pub mod activity;
pub mod activity_log;
pub mod check_in;
pub mod competency;
pub mod goals;
pub mod group;
pub mod language;
pub mod listed;
pub mod note_goals;
pub mod note_markdown;
pub mod peer;
pub mod practice;
pub mod progress;
pub mod quick_hash;
pub mod report;
pub mod report_text;
pub mod secret;
pub mod session;
pub mod settings;
pub mod shared_str;
pub mod stage;
pub mod summary;
pub mod text_index;
pub mod utterance;
pub mod wellbeing;
pub mod worksheets;
pub mod wrap;

pub use activity::{ActivityMinutes, DirectActivity};
pub use peer::{Peer, PeerError};
pub use session::{
    Amendment, Flags, Measured, PeerComment, ReadBack, Session, SessionKind, StageVisit,
    StepReviewed, ToolUse,
};
pub use stage::Stage;
pub use summary::{Goal, NextStep, Summary};

/// Every stored time carries its UTC offset, so a note read elsewhere still says when it happened.
pub type Timestamp = chrono::DateTime<chrono::FixedOffset>;

/// The current local time with its offset. The only clock call in the domain; everything
/// else takes `now` as an argument so rules stay testable.
pub fn now() -> Timestamp {
    chrono::Local::now().fixed_offset()
}
