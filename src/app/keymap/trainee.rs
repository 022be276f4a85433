//! Keys of the trainee screens: practice drills and the competency record.

use ratatui::crossterm::event::KeyCode::{
    BackTab, Down, Enter, Esc, F, Left, PageDown, PageUp, Right, Tab, Up,
};

use super::{Binding, Key, Mode, b, h};
use crate::app::competencies::AreaPane;
use crate::app::practice::PracticePane;
use crate::app::{Action, App};
use crate::domain::practice::{Drill, Phase, SkillChoice};

const UP: Key = Key::Code(Up);
const DOWN: Key = Key::Code(Down);

fn scroll() -> Vec<Binding> {
    vec![
        b(&[UP, Key::Char('k')], "↑↓", "scroll", Action::Up),
        h(&[DOWN, Key::Char('j')], "↓", "scroll down", Action::Down),
        h(&[Key::Code(PageUp)], "PgUp", "page up", Action::PageUp),
        h(
            &[Key::Code(PageDown)],
            "PgDn",
            "page down",
            Action::PageDown,
        ),
    ]
}

fn moves(label: &'static str) -> Vec<Binding> {
    vec![
        b(&[UP, Key::Char('k')], "↑↓", label, Action::Up),
        h(&[DOWN, Key::Char('j')], "↓", "move down", Action::Down),
        h(&[Key::Code(PageUp)], "PgUp", "page up", Action::PageUp),
        h(
            &[Key::Code(PageDown)],
            "PgDn",
            "page down",
            Action::PageDown,
        ),
    ]
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

fn skip() -> Binding {
    b(&[Key::Ctrl('n')], "Ctrl+N", "skip item", Action::SkipItem)
}

fn leave() -> Binding {
    b(&[Key::Code(Esc)], "Esc", "leave round", Action::Back)
}

/// The mode of the practice screen.
pub(super) fn practice_mode(app: &App) -> Mode {
    if let Some(mode) = super::roleplay::mode(app) {
        return mode;
    }
    let view = &app.practice;
    match view.pane {
        PracticePane::Setup => Mode::PracticeSetup,
        PracticePane::Summary => Mode::PracticeSummary,
        PracticePane::Progress => Mode::PracticeProgress,
        PracticePane::Review => Mode::PracticeReview,
        // Handled above.
        PracticePane::Observe
        | PracticePane::Globals
        | PracticePane::TranscriptInput
        | PracticePane::Coding
        | PracticePane::Debrief
        | PracticePane::RolePlays => Mode::PracticeSetup,
        PracticePane::Round => match view
            .round
            .as_ref()
            .map(|r| (r.round.phase, r.round.drill()))
        {
            Some((Phase::Answering { .. }, Drill::NameSkill)) => Mode::PracticeChoose,
            Some((Phase::Answering { .. }, Drill::AskShareAsk)) => Mode::PracticeSteps,
            Some((Phase::Answering { .. }, _)) => Mode::PracticeAnswer,
            Some((Phase::Feedback { .. }, _)) => Mode::PracticeFeedback,
            _ => Mode::PracticeSummary,
        },
    }
}

/// The mode of the competencies screen.
pub(super) fn competencies_mode(app: &App) -> Mode {
    let view = &app.competencies;
    if view.form.is_some() {
        Mode::CompetencyForm
    } else if view.area_open && view.pane == AreaPane::Hours {
        Mode::CompetencyHours
    } else if view.area_open {
        Mode::CompetencyArea
    } else {
        Mode::Competencies
    }
}

/// The commands of a trainee mode, or `None` for other modes.
pub(super) fn bindings(mode: Mode) -> Option<Vec<Binding>> {
    Some(match mode {
        Mode::PracticeSetup => {
            let mut v = vec![
                b(
                    &[Key::Code(Enter)],
                    "Enter",
                    "start round",
                    Action::StartRound,
                ),
                b(&[UP, Key::Char('k')], "↑↓", "setting", Action::Up),
                h(&[DOWN, Key::Char('j')], "↓", "next setting", Action::Down),
                b(
                    &[Key::Code(Left), Key::Char('h')],
                    "←→",
                    "change",
                    Action::PrevValue,
                ),
                h(
                    &[Key::Code(Right), Key::Char('l')],
                    "→",
                    "next value",
                    Action::NextValue,
                ),
                b(&[Key::Char('p')], "p", "progress", Action::ShowProgress),
                // Shown on the setup panel itself, to keep the bar short.
                h(
                    &[Key::Char('o')],
                    "o",
                    "observe and code a live role-play",
                    Action::StartObserving,
                ),
                h(
                    &[Key::Char('t')],
                    "t",
                    "code a role-play transcript",
                    Action::OpenTranscript,
                ),
                help(),
            ];
            v.push(b(
                &[Key::Code(Esc), Key::Char('q')],
                "Esc",
                "back",
                Action::Back,
            ));
            v
        }
        Mode::PracticeAnswer => vec![
            b(&[Key::Code(Enter)], "Enter", "check answer", Action::Submit),
            h(&[Key::Ctrl('s')], "Ctrl+S", "check answer", Action::Save),
            skip(),
            leave(),
            help_typing(),
        ],
        Mode::PracticeSteps => vec![
            b(&[Key::Code(Tab)], "Tab", "next step", Action::NextField),
            h(
                &[Key::Code(BackTab)],
                "Shift+Tab",
                "previous step",
                Action::PrevField,
            ),
            b(&[Key::Code(Enter)], "Enter", "next / check", Action::Submit),
            b(&[Key::Ctrl('s')], "Ctrl+S", "check all three", Action::Save),
            skip(),
            leave(),
            help_typing(),
        ],
        Mode::PracticeChoose => {
            let mut v = vec![
                b(&[UP, Key::Char('k')], "↑↓", "choose", Action::Up),
                h(&[DOWN, Key::Char('j')], "↓", "next choice", Action::Down),
                b(&[Key::Code(Enter)], "Enter", "answer", Action::Submit),
            ];
            for (key, label, choice) in CHOICE_KEYS {
                v.push(h(
                    &[Key::Char(key)],
                    KEY_HINTS[choice_index(choice)],
                    label,
                    Action::NameSkill(choice),
                ));
            }
            v.extend([skip(), leave(), help()]);
            v
        }
        Mode::PracticeFeedback => {
            let mut v = vec![b(
                &[Key::Code(Enter), Key::Char(' '), Key::Char('n')],
                "Enter",
                "next",
                Action::Submit,
            )];
            v.extend(scroll());
            v.extend([leave(), help()]);
            v
        }
        Mode::PracticeSummary => vec![
            b(
                &[Key::Code(Enter), Key::Char('r')],
                "Enter",
                "another round",
                Action::AnotherRound,
            ),
            b(&[Key::Char('p')], "p", "progress", Action::ShowProgress),
            h(
                &[Key::Char('s')],
                "s",
                "save again (if saving failed)",
                Action::Save,
            ),
            help(),
            b(
                &[Key::Code(Esc), Key::Char('q')],
                "Esc",
                "back",
                Action::Back,
            ),
        ],
        Mode::PracticeProgress => {
            let mut v = vec![b(
                &[Key::Code(Enter)],
                "Enter",
                "review round",
                Action::Submit,
            )];
            v.extend(moves("round"));
            v.push(b(
                &[Key::Code(Tab)],
                "Tab",
                "role-plays",
                Action::SwitchPane,
            ));
            v.push(help());
            v.push(b(
                &[Key::Code(Esc), Key::Char('q')],
                "Esc",
                "back",
                Action::Back,
            ));
            v
        }
        Mode::PracticeReview => {
            let mut v = scroll();
            v.push(help());
            v.push(b(
                &[Key::Code(Esc), Key::Char('q')],
                "Esc",
                "back",
                Action::Back,
            ));
            v
        }
        Mode::Competencies => {
            let mut v = vec![
                b(&[Key::Code(Enter)], "Enter", "open area", Action::Submit),
                b(&[Key::Char('h')], "h", "log hours", Action::LogHours),
            ];
            v.extend(moves("area"));
            v.push(help());
            v.push(b(
                &[Key::Code(Esc), Key::Char('q')],
                "Esc",
                "back",
                Action::Back,
            ));
            v
        }
        Mode::CompetencyArea => {
            let mut v = vec![
                b(
                    &[Key::Code(Enter), Key::Char('m')],
                    "Enter",
                    "mark/edit",
                    Action::MarkSkill,
                ),
                b(&[Key::Char('s')], "s", "sign-off", Action::SignOff),
                b(&[Key::Char('h')], "h", "hours", Action::LogHours),
                b(&[Key::Char('x')], "x", "unmark", Action::RemoveRecord),
                b(&[Key::Code(Tab)], "Tab", "hours list", Action::SwitchPane),
            ];
            v.extend(moves("skill"));
            v.push(help());
            v.push(b(
                &[Key::Code(Esc), Key::Char('q')],
                "Esc",
                "areas",
                Action::Back,
            ));
            v
        }
        Mode::CompetencyHours => {
            let mut v = vec![
                b(&[Key::Char('h')], "h", "log hours", Action::LogHours),
                b(&[Key::Char('x')], "x", "remove entry", Action::RemoveRecord),
                b(&[Key::Code(Tab)], "Tab", "skills", Action::SwitchPane),
            ];
            v.extend(moves("entry"));
            v.push(help());
            v.push(b(
                &[Key::Code(Esc), Key::Char('q')],
                "Esc",
                "areas",
                Action::Back,
            ));
            v
        }
        Mode::CompetencyForm => vec![
            b(&[Key::Code(Tab)], "Tab", "next field", Action::NextField),
            h(
                &[Key::Code(BackTab)],
                "Shift+Tab",
                "previous field",
                Action::PrevField,
            ),
            b(&[Key::Code(Enter)], "Enter", "next / save", Action::Submit),
            b(&[Key::Ctrl('s')], "Ctrl+S", "save", Action::Save),
            b(&[Key::Code(Esc)], "Esc", "cancel", Action::Back),
            help_typing(),
        ],
        _ => return None,
    })
}

/// The keys of "Name the skill", in the order of [`SkillChoice::ALL`].
pub const CHOICE_KEYS: [(char, &str, SkillChoice); 6] = [
    ('o', "open question", SkillChoice::OpenQuestion),
    ('a', "affirmation", SkillChoice::Affirmation),
    ('r', "reflection", SkillChoice::Reflection),
    ('s', "summary", SkillChoice::Summary),
    ('c', "closed question", SkillChoice::ClosedQuestion),
    ('i', "advice or information", SkillChoice::AdviceInformation),
];

const KEY_HINTS: [&str; 6] = ["o", "a", "r", "s", "c", "i"];

fn choice_index(choice: SkillChoice) -> usize {
    SkillChoice::ALL
        .iter()
        .position(|c| *c == choice)
        .unwrap_or(0)
}

/// Every trainee mode, for tests.
pub const MODES: [Mode; 12] = [
    Mode::PracticeSetup,
    Mode::PracticeAnswer,
    Mode::PracticeSteps,
    Mode::PracticeChoose,
    Mode::PracticeFeedback,
    Mode::PracticeSummary,
    Mode::PracticeProgress,
    Mode::PracticeReview,
    Mode::Competencies,
    Mode::CompetencyArea,
    Mode::CompetencyHours,
    Mode::CompetencyForm,
];

#[cfg(test)]
mod tests {
    use super::super::bindings as all_bindings;
    use super::*;
    use crate::domain::practice::Bank;

    #[test]
    fn trainee_modes_have_ctrl_c_and_no_key_bound_twice() {
        for mode in MODES {
            let all = all_bindings(mode);
            let keys: Vec<Key> = all.iter().flat_map(|b| b.keys.clone()).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{mode:?}: {k:?} bound twice");
            }
            assert!(keys.contains(&Key::Ctrl('c')), "{mode:?} lacks Ctrl+C");
        }
    }

    #[test]
    fn typing_modes_bind_no_plain_printable_keys() {
        for mode in MODES.into_iter().filter(|m| m.is_typing()) {
            for binding in all_bindings(mode) {
                for k in binding.keys {
                    assert!(
                        !matches!(k, Key::Char(_)),
                        "{mode:?} steals {k:?} from typing"
                    );
                }
            }
        }
        assert!(Mode::PracticeAnswer.is_typing());
        assert!(Mode::PracticeSteps.is_typing());
        assert!(Mode::CompetencyForm.is_typing());
        assert!(!Mode::PracticeChoose.is_typing());
    }

    #[test]
    fn choice_keys_agree_with_the_bank() {
        let bank = Bank::shipped().expect("bank");
        for (key, _, choice) in CHOICE_KEYS {
            assert_eq!(bank.choice(choice).key, key);
        }
    }
}
