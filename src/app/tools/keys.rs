//! Keys of the tool modes, in the same tables the hint bar and help are drawn from. Typing
//! modes bind only Ctrl, Esc, Tab, Enter, arrows and F-keys, so every letter is typed.

use ratatui::crossterm::event::KeyCode::{
    self, BackTab, Down, Enter, Esc, Left, PageDown, PageUp, Right, Tab, Up,
};

use super::super::Action;
use super::super::keymap::{Binding, Key, Mode, b, h};
use crate::domain::Stage;

/// Every tool mode, for tests that check all modes.
pub const MODES: [Mode; 14] = [
    Mode::Palette,
    Mode::ToolText,
    Mode::ToolInput,
    Mode::ToolList,
    Mode::ToolRated,
    Mode::ToolChecks,
    Mode::ToolPick,
    Mode::ToolChoice,
    Mode::ToolLines,
    Mode::ToolRead,
    Mode::ToolVersions,
    Mode::ToolsHome,
    Mode::ToolsSaved,
    Mode::ToolsPickPeer,
];

const UP: Key = Key::Code(Up);
const DOWN: Key = Key::Code(Down);

fn help() -> Binding {
    h(
        &[Key::Char('?'), Key::Code(KeyCode::F(1))],
        "?",
        "help",
        Action::ToggleHelp,
    )
}

fn help_typing() -> Binding {
    h(
        &[Key::Code(KeyCode::F(1))],
        "F1",
        "help",
        Action::ToggleHelp,
    )
}

fn moves(letters: bool) -> Vec<Binding> {
    let (up, down): (&[Key], &[Key]) = if letters {
        (&[UP, Key::Char('k')], &[DOWN, Key::Char('j')])
    } else {
        (&[UP], &[DOWN])
    };
    vec![
        h(up, "↑", "move up", Action::Up),
        h(down, "↓", "move down", Action::Down),
        h(&[Key::Code(PageUp)], "PgUp", "page up", Action::PageUp),
        h(
            &[Key::Code(PageDown)],
            "PgDn",
            "page down",
            Action::PageDown,
        ),
    ]
}

/// Keys every open tool shares: move between its parts, save, close, the palette. A
/// reading tool (`lines`) keeps Tab and Ctrl+S out of the bar: they rarely apply there.
fn tool_common(typing: bool, lines: bool) -> Vec<Binding> {
    let bar = if lines { h } else { b };
    let mut v = vec![
        bar(&[Key::Code(Tab)], "Tab", "next part", Action::NextField),
        h(
            &[Key::Code(BackTab)],
            "Shift+Tab",
            "previous part",
            Action::PrevField,
        ),
        bar(&[Key::Ctrl('s')], "Ctrl+S", "save", Action::Save),
        b(&[Key::Code(Esc)], "Esc", "close", Action::Back),
    ];
    if typing {
        v.push(h(
            &[Key::Ctrl('t')],
            "Ctrl+T",
            "other tools",
            Action::OpenPalette,
        ));
        v.push(help_typing());
    } else {
        v.push(b(
            &[Key::Char('t'), Key::Ctrl('t')],
            "t",
            "tools",
            Action::OpenPalette,
        ));
        v.push(help());
    }
    v
}

/// The keys of a list, the most used first: what the bar shows when space runs out.
fn list_keys(rated: bool) -> Vec<Binding> {
    let mut v = vec![b(&[Key::Char('a')], "a", "add", Action::AddItem)];
    if rated {
        v.push(b(
            &[Key::Char('1')],
            "1-5",
            "importance",
            Action::SetImportance(1),
        ));
        for n in 2..=5u8 {
            v.push(h(
                &[Key::Char(char::from(b'0' + n))],
                DIGITS[usize::from(n - 1)],
                "importance",
                Action::SetImportance(n),
            ));
        }
        v.push(h(
            &[Key::Char('0')],
            "0",
            "clear importance",
            Action::SetImportance(0),
        ));
    } else {
        v.push(b(&[Key::Char('K')], "K/J", "move", Action::MoveItemUp));
    }
    v.extend(tool_common(false, false));
    v.extend([
        b(
            &[Key::Char('e'), Key::Code(Enter)],
            "e",
            "edit",
            Action::EditItem,
        ),
        b(&[Key::Char('d')], "d", "remove", Action::RemoveItem),
    ]);
    if rated {
        v.push(h(&[Key::Char('K')], "K", "move up", Action::MoveItemUp));
    }
    v.push(h(&[Key::Char('J')], "J", "move down", Action::MoveItemDown));
    v.extend(moves(true));
    v
}

const DIGITS: [&str; 5] = ["1", "2", "3", "4", "5"];

pub fn bindings(mode: Mode) -> Vec<Binding> {
    match mode {
        Mode::Palette => {
            let mut v = vec![
                b(&[Key::Code(Enter)], "Enter", "open", Action::Submit),
                b(&[Key::Code(Esc)], "Esc", "close", Action::Back),
                h(&[Key::Ctrl('t')], "Ctrl+T", "close", Action::OpenPalette),
            ];
            v.extend(moves(false));
            v.push(help_typing());
            v
        }
        Mode::ToolText => {
            let mut v = tool_common(true, false);
            v.push(h(
                &[Key::Code(KeyCode::F(6))],
                "F6",
                "safety plan: saved versions",
                Action::ShowVersions,
            ));
            v
        }
        Mode::ToolVersions => vec![
            b(
                &[UP, Key::Code(Left), Key::Char('k')],
                "←→",
                "older/newer",
                Action::Up,
            ),
            h(
                &[DOWN, Key::Code(Right), Key::Char('j')],
                "→",
                "newer version",
                Action::Down,
            ),
            b(
                &[Key::Code(Enter)],
                "Enter",
                "use this version",
                Action::Submit,
            ),
            b(
                &[Key::Code(Esc), Key::Code(KeyCode::F(6)), Key::Char('q')],
                "Esc",
                "back to the plan",
                Action::Back,
            ),
            help(),
        ],
        Mode::ToolInput => {
            let mut v = vec![
                b(&[Key::Code(Enter)], "Enter", "done", Action::Submit),
                b(&[Key::Code(Tab)], "Tab", "next", Action::NextField),
                h(
                    &[Key::Code(BackTab)],
                    "Shift+Tab",
                    "previous",
                    Action::PrevField,
                ),
                b(&[Key::Code(Esc)], "Esc", "done", Action::Back),
                b(&[Key::Ctrl('s')], "Ctrl+S", "save", Action::Save),
                h(
                    &[Key::Ctrl('t')],
                    "Ctrl+T",
                    "other tools",
                    Action::OpenPalette,
                ),
                help_typing(),
            ];
            v.shrink_to_fit();
            v
        }
        Mode::ToolList | Mode::ToolRated => list_keys(mode == Mode::ToolRated),
        Mode::ToolChecks => {
            let mut v = vec![
                b(
                    &[Key::Char(' '), Key::Char('x')],
                    "Space",
                    "tick",
                    Action::ToggleItem,
                ),
                b(
                    &[Key::Code(Enter), Key::Char('n')],
                    "Enter",
                    "note",
                    Action::Submit,
                ),
            ];
            v.extend(moves(true));
            v.extend(tool_common(false, false));
            v
        }
        Mode::ToolPick => {
            let mut v = vec![
                b(
                    &[Key::Char(' '), Key::Char('x'), Key::Code(Enter)],
                    "Space",
                    "choose",
                    Action::ToggleItem,
                ),
                b(&[Key::Char('a')], "a", "add your own", Action::AddItem),
            ];
            v.extend(moves(true));
            v.extend(tool_common(false, false));
            v
        }
        Mode::ToolChoice => {
            let mut v = vec![
                b(
                    &[UP, Key::Code(Left), Key::Char('k')],
                    "↑↓",
                    "choose",
                    Action::Up,
                ),
                h(
                    &[DOWN, Key::Code(Right), Key::Char('j'), Key::Char(' ')],
                    "↓",
                    "next option",
                    Action::Down,
                ),
                h(&[Key::Code(Enter)], "Enter", "next part", Action::NextField),
            ];
            v.extend(tool_common(false, false));
            v
        }
        Mode::ToolLines => {
            let mut v = vec![
                b(
                    &[Key::Code(Enter), Key::Char('i')],
                    "Enter",
                    "into notes",
                    Action::InsertIntoNotes,
                ),
                b(
                    &[Key::Char('n'), Key::Char(' ')],
                    "n",
                    "next prompt",
                    Action::NextPrompt,
                ),
                b(
                    &[Key::Code(Right), Key::Char(']')],
                    "←→",
                    "section",
                    Action::NextSection,
                ),
                h(
                    &[Key::Code(Left), Key::Char('[')],
                    "←",
                    "previous section",
                    Action::PrevSection,
                ),
            ];
            v.extend(tool_common(false, true));
            v.extend(moves(true));
            for (i, stage) in Stage::ALL.into_iter().enumerate() {
                v.push(h(
                    &[Key::Char(char::from(b'1' + i as u8))],
                    DIGITS[i],
                    stage_label(stage),
                    Action::GoToStage(stage),
                ));
            }
            v
        }
        Mode::ToolRead => {
            let mut v = vec![
                b(
                    &[Key::Char('n'), Key::Char(' ')],
                    "n",
                    "next prompt",
                    Action::NextPrompt,
                ),
                b(
                    &[Key::Code(Right), Key::Char(']')],
                    "←→",
                    "section",
                    Action::NextSection,
                ),
                h(
                    &[Key::Code(Left), Key::Char('[')],
                    "←",
                    "previous section",
                    Action::PrevSection,
                ),
                b(
                    &[Key::Code(Esc), Key::Char('q')],
                    "Esc",
                    "close",
                    Action::Back,
                ),
                h(&[Key::Code(Tab)], "Tab", "next part", Action::NextField),
                h(
                    &[Key::Code(BackTab)],
                    "Shift+Tab",
                    "previous part",
                    Action::PrevField,
                ),
                h(&[Key::Ctrl('s')], "Ctrl+S", "save", Action::Save),
            ];
            v.extend(moves(true));
            for (i, stage) in Stage::ALL.into_iter().enumerate() {
                v.push(h(
                    &[Key::Char(char::from(b'1' + i as u8))],
                    DIGITS[i],
                    stage_label(stage),
                    Action::GoToStage(stage),
                ));
            }
            v.push(help());
            v
        }
        Mode::ToolsHome => {
            let mut v = vec![
                b(&[Key::Code(Enter)], "Enter", "open", Action::Submit),
                b(
                    &[Key::Code(Tab)],
                    "Tab",
                    "saved worksheets",
                    Action::NextField,
                ),
                h(
                    &[Key::Code(BackTab)],
                    "Shift+Tab",
                    "saved worksheets",
                    Action::PrevField,
                ),
                b(&[Key::Code(Esc)], "Esc", "back", Action::Back),
            ];
            v.extend(moves(false));
            v.push(help_typing());
            v
        }
        Mode::ToolsSaved => {
            let mut v = vec![
                b(&[Key::Code(Enter)], "Enter", "open", Action::Submit),
                b(&[Key::Char('d')], "d", "delete", Action::RemoveItem),
                b(
                    &[Key::Code(Tab), Key::Code(BackTab)],
                    "Tab",
                    "tools",
                    Action::NextField,
                ),
            ];
            v.extend(moves(true));
            v.push(help());
            v.push(b(
                &[Key::Code(Esc), Key::Char('q')],
                "Esc",
                "back",
                Action::Back,
            ));
            v
        }
        Mode::ToolsPickPeer => {
            let mut v = vec![
                b(&[Key::Code(Enter)], "Enter", "choose", Action::Submit),
                b(&[Key::Code(Esc)], "Esc", "back", Action::Back),
            ];
            v.extend(moves(false));
            v.push(help_typing());
            v
        }
        _ => Vec::new(),
    }
}

fn stage_label(stage: Stage) -> &'static str {
    match stage {
        Stage::Connecting => "OARS starters for Connecting",
        Stage::Exploring => "OARS starters for Exploring",
        Stage::Supporting => "OARS starters for Supporting",
        Stage::Planning => "OARS starters for Planning",
        Stage::Advocating => "OARS starters for Advocating",
    }
}
