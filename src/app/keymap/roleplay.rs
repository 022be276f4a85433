//! Keys of role-play coding: the live tally, pins, global ratings, transcripts, the debrief
//! and the list of coded role-plays. The [`CODES`] table serves the tally, transcript
//! coding, the key shown beside each counter, and help.

use super::groups::*;
use super::{Group, Mode, bar, fin, more};
use crate::app::practice::PracticePane;
use crate::app::{Action, App};
use crate::domain::practice::Code;

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

/// The groups of a role-play mode, or `None` for other modes. The code keys come last:
/// they are listed beside the counters on screen, and help shows the other keys first.
pub(super) fn groups(mode: Mode) -> Option<&'static [Group]> {
    Some(match mode {
        Mode::PracticeObserve => &[OBSERVE, HELP, LEAVE, CODES],
        Mode::PracticePin => &[PIN, CANCEL, HELP_TYPING],
        Mode::PracticeGlobals => &[GLOBALS, HELP, SKIP_RATINGS],
        Mode::PracticeTranscript => &[TRANSCRIPT, BACK_TYPING, HELP_TYPING],
        Mode::PracticeCoding => &[CODING, HELP, LEAVE, CODES],
        Mode::PracticeDebrief => &[SCROLL, DEBRIEF, HELP, BACK],
        Mode::PracticeRolePlays => &[ROLE_PLAYS, ROLE_PLAY_MOVES, HELP, BACK],
        _ => return None,
    })
}

/// One key per code, in [`Code::ALL`] order.
pub const CODES: Group = &[
    more(&[ch('o')], "o", "open question", Action::Code(Code::OpenQuestion)),
    more(&[ch('c')], "c", "closed question", Action::Code(Code::ClosedQuestion)),
    more(&[ch('s')], "s", "simple reflection", Action::Code(Code::SimpleReflection)),
    more(&[ch('x')], "x", "complex reflection", Action::Code(Code::ComplexReflection)),
    more(&[ch('a')], "a", "affirmation", Action::Code(Code::Affirmation)),
    more(&[ch('m')], "m", "summary", Action::Code(Code::Summary)),
    more(&[ch('i')], "i", "information", Action::Code(Code::Information)),
    more(&[ch('p')], "p", "advice with permission", Action::Code(Code::AdviceWithPermission)),
    more(&[ch('w')], "w", "advice without permission", Action::Code(Code::AdviceWithoutPermission)),
    more(&[ch('n')], "n", "other", Action::Code(Code::Other)),
    // '=' is '+' without Shift on most keyboards.
    more(&[ch('+'), ch('=')], "+", "change talk (peer)", Action::Code(Code::ChangeTalk)),
    more(&[ch('-')], "-", "sustain talk (peer)", Action::Code(Code::SustainTalk)),
];

/// The key of a code, as shown beside its counter.
pub fn key_of(code: Code) -> &'static str {
    CODES
        .iter()
        .find(|b| matches!(b.action, Action::Code(c) if c == code))
        .map(|b| b.hint)
        .unwrap_or(" ")
}

const OBSERVE: Group = &[
    bar(&[ch('u'), BACKSPACE], "u", "undo", Action::Undo),
    bar(&[ENTER], "Enter", "pin", Action::Pin),
    bar(&[ch(' ')], "Space", "pause", Action::PauseTimer),
    fin(&[ch('e')], "e", "end", Action::EndRolePlay),
];
const LEAVE: Group = &[fin(&[ESC], "Esc", "leave", Action::Back)];

const PIN: Group = &[
    fin(&[ENTER], "Enter", "pin it", Action::Submit),
    more(&[ctrl('s')], "Ctrl+S", "pin it", Action::Save),
];

const GLOBALS: Group = &[
    bar(&[UP, ch('k')], "↑↓", "rating", Action::Up),
    more(&[DOWN, ch('j')], "↓", "next rating", Action::Down),
    bar(&[ch('1')], "1-5", "rate", Action::Rate(1)),
    more(&[ch('2')], "2", "rate 2", Action::Rate(2)),
    more(&[ch('3')], "3", "rate 3", Action::Rate(3)),
    more(&[ch('4')], "4", "rate 4", Action::Rate(4)),
    more(&[ch('5')], "5", "rate 5", Action::Rate(5)),
    fin(&[ENTER], "Enter", "debrief", Action::Submit),
];
const SKIP_RATINGS: Group = &[fin(&[ESC], "Esc", "skip", Action::Back)];

const TRANSCRIPT: Group = &[fin(&[ctrl('s')], "Ctrl+S", "code it", Action::CodeTranscript)];

const CODING: Group = &[
    bar(&[ENTER], "Enter", "keep, next", Action::Submit),
    bar(&[UP, ch('k')], "↑↓", "turn", Action::Up),
    more(&[DOWN, ch('j'), TAB], "↓", "next turn", Action::Down),
    more(&[PGUP], "PgUp", "8 turns back", Action::PageUp),
    more(&[PGDN], "PgDn", "8 turns on", Action::PageDown),
    bar(&[ch('u'), BACKSPACE], "u", "engine's code", Action::Undo),
    fin(&[ch('e')], "e", "finish", Action::EndRolePlay),
];

const DEBRIEF: Group = &[more(&[ch('s')], "s", "save again (if saving failed)", Action::Save)];

const ROLE_PLAYS: Group = &[
    bar(&[ENTER], "Enter", "debrief", Action::Submit),
    bar(&[TAB], "Tab", "drills", Action::SwitchPane),
];
const ROLE_PLAY_MOVES: Group = &moves("role-play");

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
    use super::super::{Key, default_bindings as all_bindings};
    use super::*;

    #[test]
    fn role_play_modes_have_ctrl_c_and_ctrl_g_and_no_key_bound_twice() {
        for mode in MODES {
            assert!(Mode::ALL.contains(&mode));
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
                assert_ne!(key_of(code), " ");
            }
        }
        // The table is in the order of the codes, with their names.
        for (b, code) in CODES.iter().zip(Code::ALL) {
            assert!(matches!(b.action, Action::Code(c) if c == code));
            assert_eq!(b.label, code.name());
        }
        assert_eq!(CODES.len(), Code::ALL.len());
    }
}
