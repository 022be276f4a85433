//! The terminal side: set-up and restore, the event loop, and carrying out effects.

mod effects;
mod event_loop;
mod terminal;

pub use effects::{NoteStore, execute};
pub use event_loop::run_app;
