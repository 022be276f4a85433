//! Keys of the tool modes. Typing modes bind only Ctrl, Esc, Tab, Enter, arrows and F-keys,
//! so every letter is typed.

use super::groups::*;
use super::{Group, Mode, bar, fin, more};
use crate::app::Action;
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

/// The groups of a tool mode, or `None` for other modes.
pub(super) fn groups(mode: Mode) -> Option<&'static [Group]> {
    Some(match mode {
        Mode::Palette => &[PALETTE, ARROW_MOVES, HELP_TYPING],
        Mode::ToolText => &[TOOL_COMMON, TOOL_TYPING, VERSIONS_KEY],
        Mode::ToolVersions => &[VERSIONS, HELP],
        Mode::ToolInput => &[INPUT, HELP_TYPING],
        Mode::ToolList => &[
            LIST_ORDER,
            TOOL_COMMON,
            TOOL_KEYS,
            LIST_EDIT,
            LIST_MOVE_DOWN,
            LIST_MOVES,
        ],
        Mode::ToolRated => &[
            RATED,
            TOOL_COMMON,
            TOOL_KEYS,
            LIST_EDIT,
            RATED_ORDER,
            LIST_MOVES,
        ],
        Mode::ToolChecks => &[CHECKS, LIST_MOVES, TOOL_COMMON, TOOL_KEYS],
        Mode::ToolPick => &[PICK, LIST_MOVES, TOOL_COMMON, TOOL_KEYS],
        Mode::ToolChoice => &[CHOICE, TOOL_COMMON, TOOL_KEYS],
        Mode::ToolLines => &[
            LINES,
            READING,
            LINES_COMMON,
            TOOL_KEYS,
            LIST_MOVES,
            OARS_DIGITS,
        ],
        Mode::ToolRead => &[
            READING,
            READ_CLOSE,
            READ_PARTS,
            LIST_MOVES,
            OARS_DIGITS,
            HELP,
        ],
        Mode::ToolsHome => &[TOOLS_HOME, ARROW_MOVES, HELP_TYPING],
        Mode::ToolsSaved => &[TOOLS_SAVED, LIST_MOVES, HELP, BACK],
        Mode::ToolsPickPeer => &[TOOLS_PICK_PEER, ARROW_MOVES, HELP_TYPING],
        _ => return None,
    })
}

/// Keys every open tool shares: move between its parts, save, close.
const TOOL_COMMON: Group = &[
    bar(&[TAB], "Tab", "next part", Action::NextField),
    more(&[BACKTAB], "Shift+Tab", "previous part", Action::PrevField),
    fin(&[ctrl('s')], "Ctrl+S", "save", Action::Save),
    fin(&[ESC], "Esc", "close", Action::Back),
];
/// A reading tool keeps Tab and Ctrl+S out of the bar: they rarely apply there.
const LINES_COMMON: Group = &[
    more(&[TAB], "Tab", "next part", Action::NextField),
    more(&[BACKTAB], "Shift+Tab", "previous part", Action::PrevField),
    more(&[ctrl('s')], "Ctrl+S", "save", Action::Save),
    fin(&[ESC], "Esc", "close", Action::Back),
];
/// The palette and help of a tool that is not typing.
const TOOL_KEYS: Group = &[
    bar(&[ch('t'), ctrl('t')], "t", "tools", Action::OpenPalette),
    more(&[ch('?'), F1], "?", "help", Action::ToggleHelp),
];
/// The same while typing.
const TOOL_TYPING: Group = &[
    more(&[ctrl('t')], "Ctrl+T", "other tools", Action::OpenPalette),
    more(&[F1], "F1", "help", Action::ToggleHelp),
];
const VERSIONS_KEY: Group = &[more(
    &[F6],
    "F6",
    "safety plan: saved versions",
    Action::ShowVersions,
)];

const PALETTE: Group = &[
    fin(&[ENTER], "Enter", "open", Action::Submit),
    fin(&[ESC], "Esc", "close", Action::Back),
    more(&[ctrl('t')], "Ctrl+T", "close", Action::OpenPalette),
];

const VERSIONS: Group = &[
    bar(&[UP, LEFT, ch('k')], "←→", "older/newer", Action::Up),
    more(&[DOWN, RIGHT, ch('j')], "→", "newer version", Action::Down),
    bar(&[ENTER], "Enter", "use this version", Action::Submit),
    fin(&[ESC, F6, ch('q')], "Esc", "back to the plan", Action::Back),
];

const INPUT: Group = &[
    fin(&[ENTER], "Enter", "done", Action::Submit),
    bar(&[TAB], "Tab", "next", Action::NextField),
    more(&[BACKTAB], "Shift+Tab", "previous", Action::PrevField),
    bar(&[ESC], "Esc", "done", Action::Back),
    fin(&[ctrl('s')], "Ctrl+S", "save", Action::Save),
    more(&[ctrl('t')], "Ctrl+T", "other tools", Action::OpenPalette),
];

/// The keys of a list, the most used first: what the bar shows when space runs out.
const LIST_ORDER: Group = &[
    bar(&[ch('a')], "a", "add", Action::AddItem),
    bar(&[ch('K')], "K/J", "move", Action::MoveItemUp),
];
const RATED: Group = &[
    bar(&[ch('a')], "a", "add", Action::AddItem),
    bar(&[ch('1')], "1-5", "importance", Action::SetImportance(1)),
    more(&[ch('2')], "2", "importance", Action::SetImportance(2)),
    more(&[ch('3')], "3", "importance", Action::SetImportance(3)),
    more(&[ch('4')], "4", "importance", Action::SetImportance(4)),
    more(&[ch('5')], "5", "importance", Action::SetImportance(5)),
    more(
        &[ch('0')],
        "0",
        "clear importance",
        Action::SetImportance(0),
    ),
];
const LIST_EDIT: Group = &[
    bar(&[ch('e'), ENTER], "e", "edit", Action::EditItem),
    bar(&[ch('d')], "d", "remove", Action::RemoveItem),
];
const RATED_ORDER: Group = &[
    more(&[ch('K')], "K", "move up", Action::MoveItemUp),
    more(&[ch('J')], "J", "move down", Action::MoveItemDown),
];
const LIST_MOVE_DOWN: Group = &[more(&[ch('J')], "J", "move down", Action::MoveItemDown)];

const CHECKS: Group = &[
    bar(&[ch(' '), ch('x')], "Space", "tick", Action::ToggleItem),
    bar(&[ENTER, ch('n')], "Enter", "note", Action::Submit),
];

const PICK: Group = &[
    bar(
        &[ch(' '), ch('x'), ENTER],
        "Space",
        "choose",
        Action::ToggleItem,
    ),
    bar(&[ch('a')], "a", "add your own", Action::AddItem),
];

const CHOICE: Group = &[
    bar(&[UP, LEFT, ch('k')], "↑↓", "choose", Action::Up),
    more(
        &[DOWN, RIGHT, ch('j'), ch(' ')],
        "↓",
        "next option",
        Action::Down,
    ),
    more(&[ENTER], "Enter", "next part", Action::NextField),
];

const LINES: Group = &[bar(
    &[ENTER, ch('i')],
    "Enter",
    "into notes",
    Action::InsertIntoNotes,
)];
const READING: Group = &[
    bar(&[ch('n'), ch(' ')], "n", "next prompt", Action::NextPrompt),
    bar(&[RIGHT, ch(']')], "←→", "section", Action::NextSection),
    more(
        &[LEFT, ch('[')],
        "←",
        "previous section",
        Action::PrevSection,
    ),
];
const READ_CLOSE: Group = &[fin(&[ESC, ch('q')], "Esc", "close", Action::Back)];
const READ_PARTS: Group = &[
    more(&[TAB], "Tab", "next part", Action::NextField),
    more(&[BACKTAB], "Shift+Tab", "previous part", Action::PrevField),
    more(&[ctrl('s')], "Ctrl+S", "save", Action::Save),
];
const OARS_DIGITS: Group = &[
    more(
        &[ch('1')],
        "1",
        "OARS starters for Connecting",
        Action::GoToStage(Stage::Connecting),
    ),
    more(
        &[ch('2')],
        "2",
        "OARS starters for Exploring",
        Action::GoToStage(Stage::Exploring),
    ),
    more(
        &[ch('3')],
        "3",
        "OARS starters for Supporting",
        Action::GoToStage(Stage::Supporting),
    ),
    more(
        &[ch('4')],
        "4",
        "OARS starters for Planning",
        Action::GoToStage(Stage::Planning),
    ),
    more(
        &[ch('5')],
        "5",
        "OARS starters for Advocating",
        Action::GoToStage(Stage::Advocating),
    ),
];

const TOOLS_HOME: Group = &[
    fin(&[ENTER], "Enter", "open", Action::Submit),
    bar(&[TAB], "Tab", "saved worksheets", Action::NextField),
    more(
        &[BACKTAB],
        "Shift+Tab",
        "saved worksheets",
        Action::PrevField,
    ),
    fin(&[ESC], "Esc", "back", Action::Back),
];
const TOOLS_SAVED: Group = &[
    bar(&[ENTER], "Enter", "open", Action::Submit),
    bar(&[ch('d')], "d", "delete", Action::RemoveItem),
    bar(&[TAB, BACKTAB], "Tab", "tools", Action::NextField),
];
const TOOLS_PICK_PEER: Group = &[
    fin(&[ENTER], "Enter", "choose", Action::Submit),
    fin(&[ESC], "Esc", "back", Action::Back),
];
