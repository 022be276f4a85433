//! Keys of role-play coding: the live tally, pins, global ratings, transcripts, the debrief
//! and the list of coded role-plays. One table of code keys serves the tally, transcript
//! coding, the hint beside each counter and help.

use ratatui::crossterm::event::KeyCode::{
    Backspace, Down, Enter, Esc, F, PageDown, PageUp, Tab, Up,
};

use super::{Binding, Key, Mode, b, h};
use crate::app::practice::PracticePane;
use crate::app::{Action, App};
use crate::domain::practice::Code;

const UP: Key = Key::Code(Up);
const DOWN: Key = Key::Code(Down);

/// One key per code, in [`Code::ALL`] order: the key, and extra keys that do the same.
pub const CODE_KEYS: [(Code, char, &[char]); 12] = [
    (Code::OpenQuestion, 'o', &[]),
    (Code::ClosedQuestion, 'c', &[]),
    (Code::SimpleReflection, 's', &[]),
    (Code::ComplexReflection, 'x', &[]),
    (Code::Affirmation, 'a', &[]),
    (Code::Summary, 'm', &[]),
    (Code::Information, 'i', &[]),
    (Code::AdviceWithPermission, 'p', &[]),
    (Code::AdviceWithoutPermission, 'w', &[]),
    (Code::Other, 'n', &[]),
    // '=' is '+' without Shift on most keyboards.
    (Code::ChangeTalk, '+', &['=']),
    (Code::SustainTalk, '-', &[]),
];

/// The key of a code, as shown beside its counter.
pub fn key_of(code: Code) -> char {
    CODE_KEYS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, k, _)| *k)
        .unwrap_or(' ')
}

const HINTS: [&str; 12] = ["o", "c", "s", "x", "a", "m", "i", "p", "w", "n", "+", "-"];

fn code_bindings() -> Vec<Binding> {
    CODE_KEYS
        .iter()
        .zip(HINTS)
        .map(|((code, key, more), hint)| {
            let keys: Vec<Key> = std::iter::once(*key)
                .chain(more.iter().copied())
                .map(Key::Char)
                .collect();
            h(&keys, hint, code.name(), Action::Code(*code))
        })
        .collect()
}

fn help() -> Binding {
    h(
        &[Key::Char('?'), Key::Code(F(1))],
        "?",
        "help",
        Action::ToggleHelp,
    )
}

fn help_typing() -> Binding {
    h(&[Key::Code(F(1))], "F1", "help", Action::ToggleHelp)
}

fn scroll(label: &'static str) -> Vec<Binding> {
    vec![
        b(&[UP, Key::Char('k')], "↑↓", label, Action::Up),
        h(&[DOWN, Key::Char('j')], "↓", "down", Action::Down),
        h(&[Key::Code(PageUp)], "PgUp", "page up", Action::PageUp),
        h(
            &[Key::Code(PageDown)],
            "PgDn",
            "page down",
            Action::PageDown,
        ),
    ]
}

fn back(label: &'static str) -> Binding {
    b(
        &[Key::Code(Esc), Key::Char('q')],
        "Esc",
        label,
        Action::Back,
    )
}

/// The mode of a role-play pane, or `None` for the drill panes.
pub(super) fn mode(app: &App) -> Option<Mode> {
    let view = &app.practice;
    Some(match view.pane {
        PracticePane::Observe if view.roleplay.pin.is_some() => Mode::PracticePin,
        PracticePane::Observe => Mode::PracticeObserve,
        PracticePane::Globals => Mode::PracticeGlobals,
        PracticePane::TranscriptInput => Mode::PracticeTranscript,
        PracticePane::Coding => Mode::PracticeCoding,
        PracticePane::Debrief => Mode::PracticeDebrief,
        PracticePane::RolePlays => Mode::PracticeRolePlays,
        _ => return None,
    })
}

/// The commands of a role-play mode, or `None` for other modes.
pub(super) fn bindings(mode: Mode) -> Option<Vec<Binding>> {
    Some(match mode {
        Mode::PracticeObserve => {
            let mut v = vec![
                b(
                    &[Key::Char('u'), Key::Code(Backspace)],
                    "u",
                    "undo",
                    Action::Undo,
                ),
                b(&[Key::Code(Enter)], "Enter", "pin", Action::Pin),
                b(&[Key::Char(' ')], "Space", "pause", Action::PauseTimer),
                b(&[Key::Char('e')], "e", "end", Action::EndRolePlay),
            ];
            v.extend(code_bindings());
            v.push(help());
            v.push(b(&[Key::Code(Esc)], "Esc", "leave", Action::Back));
            v
        }
        Mode::PracticePin => vec![
            b(&[Key::Code(Enter)], "Enter", "pin it", Action::Submit),
            h(&[Key::Ctrl('s')], "Ctrl+S", "pin it", Action::Save),
            b(&[Key::Code(Esc)], "Esc", "cancel", Action::Back),
            help_typing(),
        ],
        Mode::PracticeGlobals => {
            let mut v = vec![b(&[UP, Key::Char('k')], "↑↓", "rating", Action::Up)];
            v.push(h(&[DOWN, Key::Char('j')], "↓", "next rating", Action::Down));
            for (i, d) in ['1', '2', '3', '4', '5'].into_iter().enumerate() {
                let hint = ["1", "2", "3", "4", "5"][i];
                let rate = h(&[Key::Char(d)], hint, "rate", Action::Rate(i as u8 + 1));
                v.push(if i == 0 {
                    Binding {
                        in_bar: true,
                        hint: "1-5",
                        ..rate
                    }
                } else {
                    rate
                });
            }
            v.push(b(&[Key::Code(Enter)], "Enter", "debrief", Action::Submit));
            v.push(help());
            v.push(b(&[Key::Code(Esc)], "Esc", "skip", Action::Back));
            v
        }
        Mode::PracticeTranscript => vec![
            b(
                &[Key::Ctrl('s')],
                "Ctrl+S",
                "code it",
                Action::CodeTranscript,
            ),
            b(&[Key::Code(Esc)], "Esc", "back", Action::Back),
            help_typing(),
        ],
        Mode::PracticeCoding => {
            let mut v = vec![
                b(&[Key::Code(Enter)], "Enter", "keep, next", Action::Submit),
                b(&[UP, Key::Char('k')], "↑↓", "turn", Action::Up),
                h(
                    &[DOWN, Key::Char('j'), Key::Code(Tab)],
                    "↓",
                    "next turn",
                    Action::Down,
                ),
                h(&[Key::Code(PageUp)], "PgUp", "8 turns back", Action::PageUp),
                h(
                    &[Key::Code(PageDown)],
                    "PgDn",
                    "8 turns on",
                    Action::PageDown,
                ),
                b(
                    &[Key::Char('u'), Key::Code(Backspace)],
                    "u",
                    "engine's code",
                    Action::Undo,
                ),
                b(&[Key::Char('e')], "e", "finish", Action::EndRolePlay),
            ];
            v.extend(code_bindings());
            v.push(help());
            v.push(b(&[Key::Code(Esc)], "Esc", "leave", Action::Back));
            v
        }
        Mode::PracticeDebrief => {
            let mut v = scroll("scroll");
            v.push(h(
                &[Key::Char('s')],
                "s",
                "save again (if saving failed)",
                Action::Save,
            ));
            v.push(help());
            v.push(back("back"));
            v
        }
        Mode::PracticeRolePlays => {
            let mut v = vec![b(&[Key::Code(Enter)], "Enter", "debrief", Action::Submit)];
            v.extend(scroll("role-play"));
            v.push(b(&[Key::Code(Tab)], "Tab", "drills", Action::SwitchPane));
            v.push(help());
            v.push(back("back"));
            v
        }
        _ => return None,
    })
}

/// Every role-play mode, for tests.
pub const MODES: [Mode; 7] = [
    Mode::PracticeObserve,
    Mode::PracticePin,
    Mode::PracticeGlobals,
    Mode::PracticeTranscript,
    Mode::PracticeCoding,
    Mode::PracticeDebrief,
    Mode::PracticeRolePlays,
];

#[cfg(test)]
mod tests {
    use super::super::bindings as all_bindings;
    use super::*;

    #[test]
    fn role_play_modes_have_ctrl_c_and_ctrl_g_and_no_key_bound_twice() {
        for mode in MODES {
            let all = all_bindings(mode);
            let keys: Vec<Key> = all.iter().flat_map(|b| b.keys.clone()).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{mode:?}: {k:?} bound twice");
            }
            assert!(keys.contains(&Key::Ctrl('c')), "{mode:?} lacks Ctrl+C");
            assert!(keys.contains(&Key::Ctrl('g')), "{mode:?} lacks Ctrl+G");
        }
    }

    #[test]
    fn typing_modes_bind_no_plain_printable_keys() {
        assert!(Mode::PracticePin.is_typing());
        assert!(Mode::PracticeTranscript.is_typing());
        for mode in MODES.into_iter().filter(|m| m.is_typing()) {
            for binding in all_bindings(mode) {
                for k in binding.keys {
                    assert!(!matches!(k, Key::Char(_)), "{mode:?} steals {k:?}");
                }
            }
        }
    }

    #[test]
    fn every_code_has_one_key_in_the_tally_and_in_coding() {
        for mode in [Mode::PracticeObserve, Mode::PracticeCoding] {
            let all = all_bindings(mode);
            for code in Code::ALL {
                let n = all
                    .iter()
                    .filter(|b| matches!(b.action, Action::Code(c) if c == code))
                    .count();
                assert_eq!(n, 1, "{mode:?} {code:?}");
                assert_ne!(key_of(code), ' ');
            }
        }
    }
}
