//! Command-line subcommands that work without the terminal UI.

pub mod generate;
pub mod notes;
