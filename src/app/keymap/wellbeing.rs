//! Keys of the specialist's own wellbeing screen: the summary, and the check being answered
//! (digits answer a question; on the word's row every key is typed).

use super::groups::*;
use super::{Group, Mode, bar, fin, more};
use crate::app::{Action, App, Destination, Screen};

pub(super) fn mode(app: &App) -> Option<Mode> {
    if app.screen != Screen::Wellbeing {
        return None;
    }
    Some(match &app.wellbeing.form {
        None => Mode::Wellbeing,
        Some(f) if f.on_note() => Mode::WellbeingWord,
        Some(_) => Mode::WellbeingCheck,
    })
}

pub(super) fn groups(mode: Mode) -> Option<&'static [Group]> {
    Some(match mode {
        Mode::Wellbeing => &[WELLBEING, SCROLLS, HELP, BACK],
        Mode::WellbeingCheck => &[CHECK_SAVE, CHECK, CHECK_MOVES, HELP],
        Mode::WellbeingWord => &[CHECK_SAVE, WORD_MOVES, HELP_TYPING],
        _ => return None,
    })
}

pub(super) fn title(mode: Mode) -> Option<&'static str> {
    Some(match mode {
        Mode::Wellbeing => "My wellbeing",
        Mode::WellbeingCheck => "My wellbeing: this week's check",
        Mode::WellbeingWord => "My wellbeing: a word for yourself",
        _ => return None,
    })
}

/// On Home: the private check.
pub(super) const HOME_KEY: Group = &[more(
    &[ch('w')],
    "w",
    "my wellbeing (private)",
    Action::Open(Destination::Wellbeing),
)];

#[rustfmt::skip]
const WELLBEING: Group = &[
    bar(&[ENTER, ch('c')], "Enter", "check in now", Action::Submit),
    bar(&[ch('t')], "t", "self-care tool", Action::OpenSelfCare),
    bar(&[ch('g')], "g", "reference", Action::Open(Destination::Reference)),
];
#[rustfmt::skip]
const SCROLLS: Group = &[
    more(&[UP, ch('k')], "↑", "scroll up", Action::Up),
    more(&[DOWN, ch('j')], "↓", "scroll down", Action::Down),
];
#[rustfmt::skip]
const CHECK_SAVE: Group = &[
    fin(&[ctrl('s')], "Ctrl+S", "keep", Action::Save),
    fin(&[ESC], "Esc", "leave", Action::Back),
];
#[rustfmt::skip]
const CHECK: Group = &[
    bar(&[ch('1')], "1-5", "answer", Action::Rate(1)),
    more(&[ch('2')], "2", "answer 2", Action::Rate(2)),
    more(&[ch('3')], "3", "answer 3", Action::Rate(3)),
    more(&[ch('4')], "4", "answer 4", Action::Rate(4)),
    more(&[ch('5')], "5", "answer 5 (very much)", Action::Rate(5)),
];
#[rustfmt::skip]
const CHECK_MOVES: Group = &[
    bar(&[DOWN, ch('j'), TAB, ENTER], "↓", "next", Action::Down),
    more(&[UP, ch('k'), BACKTAB], "↑", "question above", Action::Up),
    more(&[LEFT, ch('-')], "←", "one less", Action::PrevValue),
    more(&[RIGHT, ch('+')], "→", "one more", Action::NextValue),
];
#[rustfmt::skip]
const WORD_MOVES: Group = &[
    more(&[UP, BACKTAB], "↑", "back to the questions", Action::Up),
];
