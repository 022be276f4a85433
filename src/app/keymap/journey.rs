//! Keys of a peer's journey: the goal review at the end of a session, and the peer page.

use ratatui::crossterm::event::KeyCode::{BackTab, Down, Enter, Esc, PageDown, PageUp, Tab, Up};

use super::{Binding, Key, Mode, b, h};
use crate::app::journey::ReviewRow;
use crate::app::{Action, App, Screen};

const UP: Key = Key::Code(Up);
const DOWN: Key = Key::Code(Down);

/// The modes declared here.
pub const MODES: [Mode; 4] = [
    Mode::SummaryReview,
    Mode::ReviewWords,
    Mode::PeerPage,
    Mode::HomeComingUp,
];

/// The mode of the review field of the summary form (or `None` when not there).
pub fn review_mode(app: &App) -> Option<Mode> {
    let form = app.live.as_ref()?.summary.as_ref()?;
    if form.field() != crate::app::live::SummaryField::Review {
        return None;
    }
    Some(if form.review.editing_words.is_some() {
        Mode::ReviewWords
    } else {
        Mode::SummaryReview
    })
}

/// The journey modes of a screen, if any.
pub fn screen_mode(app: &App) -> Option<Mode> {
    match app.screen {
        Screen::PeerPage => Some(Mode::PeerPage),
        Screen::Home if app.home_due_selected.is_some() => Some(Mode::HomeComingUp),
        _ => None,
    }
}

/// What Space does on the selected review row, for the hint.
pub fn review_row(app: &App) -> Option<ReviewRow> {
    let review = &app.live.as_ref()?.summary.as_ref()?.review;
    review.rows().get(review.selected).copied()
}

pub fn bindings(mode: Mode) -> Vec<Binding> {
    match mode {
        Mode::SummaryReview => vec![
            b(
                &[Key::Char(' '), Key::Char('x')],
                "Space",
                "progress / step status",
                Action::ToggleItem,
            ),
            b(&[Key::Code(Enter)], "Enter", "their words", Action::Submit),
            h(&[UP, Key::Char('k')], "↑", "move up", Action::Up),
            h(&[DOWN, Key::Char('j')], "↓", "move down", Action::Down),
            b(&[Key::Code(Tab)], "Tab", "next", Action::NextField),
            h(
                &[Key::Code(BackTab)],
                "Shift+Tab",
                "previous",
                Action::PrevField,
            ),
            b(&[Key::Ctrl('s')], "Ctrl+S", "save note", Action::Save),
            b(&[Key::Code(Esc)], "Esc", "back", Action::Back),
            h(
                &[
                    Key::Char('?'),
                    Key::Code(ratatui::crossterm::event::KeyCode::F(1)),
                ],
                "?",
                "help",
                Action::ToggleHelp,
            ),
        ],
        Mode::ReviewWords => vec![
            b(
                &[Key::Code(Enter), Key::Ctrl('s')],
                "Enter",
                "done",
                Action::Submit,
            ),
            b(&[Key::Code(Esc)], "Esc", "cancel", Action::Back),
            h(
                &[Key::Code(ratatui::crossterm::event::KeyCode::F(1))],
                "F1",
                "help",
                Action::ToggleHelp,
            ),
        ],
        Mode::PeerPage => vec![
            b(&[UP, Key::Char('k')], "↑↓", "scroll", Action::Up),
            h(&[DOWN, Key::Char('j')], "↓", "scroll down", Action::Down),
            h(&[Key::Code(PageUp)], "PgUp", "page up", Action::PageUp),
            h(
                &[Key::Code(PageDown), Key::Char(' ')],
                "PgDn",
                "page down",
                Action::PageDown,
            ),
            b(
                &[Key::Char('s')],
                "s",
                "start session",
                Action::StartWithSelectedPeer,
            ),
            b(&[Key::Char('h')], "h", "history", Action::ShowPeerHistory),
            h(
                &[
                    Key::Char('?'),
                    Key::Code(ratatui::crossterm::event::KeyCode::F(1)),
                ],
                "?",
                "help",
                Action::ToggleHelp,
            ),
            b(
                &[Key::Code(Esc), Key::Char('q')],
                "Esc",
                "back",
                Action::Back,
            ),
        ],
        Mode::HomeComingUp => vec![
            b(&[Key::Code(Enter)], "Enter", "peer page", Action::Submit),
            b(&[UP, Key::Char('k')], "↑↓", "choose", Action::Up),
            h(&[DOWN, Key::Char('j')], "↓", "move down", Action::Down),
            b(
                &[Key::Code(Tab), Key::Code(BackTab), Key::Code(Esc)],
                "Tab",
                "menu",
                Action::NextField,
            ),
            h(
                &[
                    Key::Char('?'),
                    Key::Code(ratatui::crossterm::event::KeyCode::F(1)),
                ],
                "?",
                "help",
                Action::ToggleHelp,
            ),
            b(&[Key::Char('q')], "q", "quit", Action::Quit),
        ],
        _ => Vec::new(),
    }
}
