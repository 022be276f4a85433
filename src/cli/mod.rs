//! Command-line subcommands that work without the terminal UI.

pub mod practice;
