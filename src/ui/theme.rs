//! One calm palette for every screen.

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

pub const THEME: Theme = Theme {
    title: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    text: Style::new(),
    muted: Style::new().fg(Color::DarkGray),
    accent: Style::new().fg(Color::Cyan),
    selected: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD),
    key: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    border: Style::new().fg(Color::DarkGray),
    border_focus: Style::new().fg(Color::Cyan),
    stage_current: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD),
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
