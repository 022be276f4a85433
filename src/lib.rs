//! `alongside`: a calm, keyboard-driven companion for certified peer specialists.
//!
//! `main.rs` only parses the command line and reports errors; everything else lives here so
//! tests can drive it without a terminal.

pub mod app;
pub mod cli;
pub mod content;
pub mod domain;
pub mod storage;
pub mod tui;
pub mod ui;
