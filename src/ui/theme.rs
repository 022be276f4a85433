//! One calm palette for every screen, and a monochrome one when `NO_COLOR` is set
//! (no-color.org). Meaning never rests on colour alone: selections and the current stage
//! also show by reverse video or a marker, warnings by bold and their words.

use std::sync::LazyLock;

use ratatui::style::{Color, Modifier, Style};

pub struct Theme {
    pub title: Style,
    pub text: Style,
    pub muted: Style,
    pub accent: Style,
    pub selected: Style,
    pub key: Style,
    pub border: Style,
    pub border_focus: Style,
    pub stage_current: Style,
    pub stage_visited: Style,
    pub stage_ahead: Style,
    pub warning: Style,
    pub danger: Style,
    pub ok: Style,
    pub error: Style,
}

/// The palette for this run: chosen once, from `NO_COLOR`.
pub static THEME: LazyLock<Theme> = LazyLock::new(|| if no_color() { MONO } else { COLOUR });

/// True when `NO_COLOR` is set to anything but an empty string.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);
const REVERSED: Style = Style::new().add_modifier(Modifier::REVERSED.union(Modifier::BOLD));

/// No colour at all: bold, reverse video and markers carry every meaning.
pub const MONO: Theme = Theme {
    title: BOLD,
    text: Style::new(),
    muted: Style::new(),
    accent: Style::new(),
    selected: REVERSED,
    key: BOLD,
    border: Style::new(),
    border_focus: BOLD,
    stage_current: REVERSED,
    stage_visited: Style::new(),
    stage_ahead: Style::new(),
    warning: BOLD,
    danger: REVERSED,
    ok: Style::new(),
    error: BOLD,
};

pub const COLOUR: Theme = Theme {
    title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    text: Style::new(),
    muted: Style::new().fg(Color::DarkGray),
    accent: Style::new().fg(Color::Cyan),
    // Reverse video, not only a background: a selection shows on any terminal.
    selected: Style::new()
        .fg(Color::Cyan)
        .add_modifier(Modifier::REVERSED.union(Modifier::BOLD)),
    key: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    border: Style::new().fg(Color::DarkGray),
    border_focus: Style::new().fg(Color::Cyan),
    stage_current: Style::new()
        .fg(Color::Cyan)
        .add_modifier(Modifier::REVERSED.union(Modifier::BOLD)),
    stage_visited: Style::new().fg(Color::Cyan),
    stage_ahead: Style::new().fg(Color::DarkGray),
    warning: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    danger: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD),
    ok: Style::new().fg(Color::Green),
    error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
};
