//! Keys and groups of bindings that several modes share: help, list moves, form fields,
//! going back, and the keys that work everywhere.

use ratatui::crossterm::event::KeyCode;

use super::{Bind, Group, Key, bar, fin, more};
use crate::app::Action;
use crate::domain::Stage;

pub const UP: Key = Key::Code(KeyCode::Up);
pub const DOWN: Key = Key::Code(KeyCode::Down);
pub const LEFT: Key = Key::Code(KeyCode::Left);
pub const RIGHT: Key = Key::Code(KeyCode::Right);
pub const ENTER: Key = Key::Code(KeyCode::Enter);
pub const ESC: Key = Key::Code(KeyCode::Esc);
pub const TAB: Key = Key::Code(KeyCode::Tab);
pub const BACKTAB: Key = Key::Code(KeyCode::BackTab);
pub const PGUP: Key = Key::Code(KeyCode::PageUp);
pub const PGDN: Key = Key::Code(KeyCode::PageDown);
pub const HOME: Key = Key::Code(KeyCode::Home);
pub const END: Key = Key::Code(KeyCode::End);
pub const BACKSPACE: Key = Key::Code(KeyCode::Backspace);
pub const F1: Key = Key::Code(KeyCode::F(1));
pub const F2: Key = Key::Code(KeyCode::F(2));
pub const F3: Key = Key::Code(KeyCode::F(3));
pub const F6: Key = Key::Code(KeyCode::F(6));
pub const F9: Key = Key::Code(KeyCode::F(9));

/// A plain character key.
pub const fn ch(c: char) -> Key {
    Key::Char(c)
}

/// A Ctrl+letter key.
pub const fn ctrl(c: char) -> Key {
    Key::Ctrl(c)
}

pub const HELP: Group = &[more(&[ch('?'), F1], "?", "help", Action::ToggleHelp)];
/// While typing, `?` is a character: help is on F1.
pub const HELP_TYPING: Group = &[more(&[F1], "F1", "help", Action::ToggleHelp)];

/// Moving through a list, with vi letters.
pub const LIST_MOVES: Group = &[
    more(&[UP, ch('k')], "↑/k", "move up", Action::Up),
    more(&[DOWN, ch('j')], "↓/j", "move down", Action::Down),
    more(&[PGUP], "PgUp", "page up", Action::PageUp),
    more(&[PGDN], "PgDn", "page down", Action::PageDown),
];

/// Moving through a list while letters are typed.
pub const ARROW_MOVES: Group = &[
    more(&[UP], "↑", "move up", Action::Up),
    more(&[DOWN], "↓", "move down", Action::Down),
    more(&[PGUP], "PgUp", "page up", Action::PageUp),
    more(&[PGDN], "PgDn", "page down", Action::PageDown),
];

/// Moving through a list, the bar saying what is chosen (`↑↓ round`).
pub const fn moves(label: &'static str) -> [Bind; 4] {
    [
        bar(&[UP, Key::Char('k')], "↑↓", label, Action::Up),
        more(&[DOWN, Key::Char('j')], "↓", "move down", Action::Down),
        more(&[PGUP], "PgUp", "page up", Action::PageUp),
        more(&[PGDN], "PgDn", "page down", Action::PageDown),
    ]
}

/// Scrolling a text.
pub const SCROLL: Group = &[
    bar(&[UP, ch('k')], "↑↓", "scroll", Action::Up),
    more(&[DOWN, ch('j')], "↓", "scroll down", Action::Down),
    more(&[PGUP], "PgUp", "page up", Action::PageUp),
    more(&[PGDN], "PgDn", "page down", Action::PageDown),
];

/// Tab and Shift+Tab between the fields of a form, Tab in the bar.
pub const fn fields(next: &'static str, prev: &'static str) -> [Bind; 2] {
    [
        bar(&[TAB], "Tab", next, Action::NextField),
        more(&[BACKTAB], "Shift+Tab", prev, Action::PrevField),
    ]
}

/// Leaving a screen that holds nothing unsaved: Esc, or `q`.
pub const BACK: Group = &[fin(&[ESC, ch('q')], "Esc", "back", Action::Back)];
/// Leaving while typing: Esc only.
pub const BACK_TYPING: Group = &[fin(&[ESC], "Esc", "back", Action::Back)];
pub const CANCEL: Group = &[fin(&[ESC], "Esc", "cancel", Action::Back)];

/// The digits that jump to a stage of the session.
pub const STAGE_DIGITS: Group = &[
    more(&[ch('1')], "1", "go to Connecting", Action::GoToStage(Stage::Connecting)),
    more(&[ch('2')], "2", "go to Exploring", Action::GoToStage(Stage::Exploring)),
    more(&[ch('3')], "3", "go to Supporting", Action::GoToStage(Stage::Supporting)),
    more(&[ch('4')], "4", "go to Planning", Action::GoToStage(Stage::Planning)),
    more(&[ch('5')], "5", "go to Advocating", Action::GoToStage(Stage::Advocating)),
];

/// Opening the reference from anywhere (Ctrl+G works while typing too).
pub const REFERENCE: Group = &[more(&[ctrl('g')], "Ctrl+G", "reference", Action::ToggleReference)];
pub const REFERENCE_BAR: Group = &[bar(&[ctrl('g')], "Ctrl+G", "reference", Action::ToggleReference)];
pub const REFERENCE_CLOSE: Group = &[bar(&[ctrl('g')], "Ctrl+G", "close", Action::ToggleReference)];

/// The end-of-session form: the session notes beside it (a key away on a narrow screen).
pub const SUMMARY_NOTES: Group = &[
    bar(&[ctrl('o')], "Ctrl+O", "session notes", Action::ToggleSessionNotes),
    more(&[PGUP], "PgUp", "session notes: page up", Action::PageUp),
    more(&[PGDN], "PgDn", "session notes: page down", Action::PageDown),
];

/// Quitting at once, and the privacy keys: Ctrl or an F-key, so they work while typing.
pub const ALWAYS: Group = &[
    more(&[ctrl('c')], "Ctrl+C", "quit now (a running session is kept)", Action::Interrupt),
    more(&[F9], "F9", "crisis lines", Action::ToggleCrisis),
    more(&[ctrl('b')], "Ctrl+B", "blank the screen (someone walked in)", Action::BlankScreen),
];
/// The same, with the crisis lines in the bar (home and the lock screen).
pub const ALWAYS_CRISIS_BAR: Group = &[
    more(&[ctrl('c')], "Ctrl+C", "quit now (a running session is kept)", Action::Interrupt),
    bar(&[F9], "F9", "crisis lines", Action::ToggleCrisis),
    more(&[ctrl('b')], "Ctrl+B", "blank the screen (someone walked in)", Action::BlankScreen),
];
