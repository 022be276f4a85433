//! Keys of the trainee screens: practice drills and the competency record.

use super::groups::*;
use super::{Group, Mode, bar, fin, more};
use crate::app::competencies::AreaPane;
use crate::app::practice::PracticePane;
use crate::app::{Action, App};
use crate::domain::practice::{Drill, Phase, SkillChoice};

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

/// The groups of a trainee mode, or `None` for other modes.
pub(super) fn groups(mode: Mode) -> Option<&'static [Group]> {
    Some(match mode {
        Mode::PracticeSetup => &[SETUP, HELP, BACK],
        Mode::PracticeAnswer => &[ANSWER, SKIP, LEAVE, HELP_TYPING],
        Mode::PracticeSteps => &[STEPS, SKIP, LEAVE, HELP_TYPING],
        Mode::PracticeChoose => &[CHOOSE, SKILL_KEYS, SKIP, LEAVE, HELP],
        Mode::PracticeFeedback => &[FEEDBACK, SCROLL, LEAVE, HELP],
        Mode::PracticeSummary => &[ROUND_SUMMARY, HELP, BACK],
        Mode::PracticeProgress => &[PROGRESS, ROUND_MOVES, HELP, BACK],
        Mode::PracticeReview => &[SCROLL, HELP, BACK],
        Mode::Competencies => &[AREAS, AREA_MOVES, HELP, BACK],
        Mode::CompetencyArea => &[AREA, SKILL_MOVES, HELP, TO_AREAS],
        Mode::CompetencyHours => &[HOURS, ENTRY_MOVES, HELP, TO_AREAS],
        Mode::CompetencyForm => &[COMPETENCY_FORM, CANCEL, HELP_TYPING],
        _ => return None,
    })
}

const SKIP: Group = &[bar(&[ctrl('n')], "Ctrl+N", "skip item", Action::SkipItem)];
const LEAVE: Group = &[fin(&[ESC], "Esc", "leave round", Action::Back)];
const TO_AREAS: Group = &[fin(&[ESC, ch('q')], "Esc", "areas", Action::Back)];
const ROUND_MOVES: Group = &moves("round");
const AREA_MOVES: Group = &moves("area");
const SKILL_MOVES: Group = &moves("skill");
const ENTRY_MOVES: Group = &moves("entry");

const SETUP: Group = &[
    fin(&[ENTER], "Enter", "start round", Action::StartRound),
    bar(&[UP, ch('k')], "↑↓", "setting", Action::Up),
    more(&[DOWN, ch('j')], "↓", "next setting", Action::Down),
    bar(&[LEFT, ch('h')], "←→", "change", Action::PrevValue),
    more(&[RIGHT, ch('l')], "→", "next value", Action::NextValue),
    bar(&[ch('p')], "p", "progress", Action::ShowProgress),
    // Shown on the setup panel itself, to keep the bar short.
    more(
        &[ch('o')],
        "o",
        "observe and code a live role-play",
        Action::StartObserving,
    ),
    more(
        &[ch('t')],
        "t",
        "code a role-play transcript",
        Action::OpenTranscript,
    ),
];

const ANSWER: Group = &[
    fin(&[ENTER], "Enter", "check answer", Action::Submit),
    more(&[ctrl('s')], "Ctrl+S", "check answer", Action::Save),
];

const STEPS: Group = &[
    bar(&[TAB], "Tab", "next step", Action::NextField),
    more(&[BACKTAB], "Shift+Tab", "previous step", Action::PrevField),
    bar(&[ENTER], "Enter", "next / check", Action::Submit),
    fin(&[ctrl('s')], "Ctrl+S", "check all three", Action::Save),
];

const CHOOSE: Group = &[
    bar(&[UP, ch('k')], "↑↓", "choose", Action::Up),
    more(&[DOWN, ch('j')], "↓", "next choice", Action::Down),
    fin(&[ENTER], "Enter", "answer", Action::Submit),
];
/// The letters of "Name the skill", as [`CHOICE_KEYS`] lists them.
const SKILL_KEYS: Group = &[
    more(
        &[ch('o')],
        "o",
        "open question",
        Action::NameSkill(SkillChoice::OpenQuestion),
    ),
    more(
        &[ch('a')],
        "a",
        "affirmation",
        Action::NameSkill(SkillChoice::Affirmation),
    ),
    more(
        &[ch('r')],
        "r",
        "reflection",
        Action::NameSkill(SkillChoice::Reflection),
    ),
    more(
        &[ch('s')],
        "s",
        "summary",
        Action::NameSkill(SkillChoice::Summary),
    ),
    more(
        &[ch('c')],
        "c",
        "closed question",
        Action::NameSkill(SkillChoice::ClosedQuestion),
    ),
    more(
        &[ch('i')],
        "i",
        "advice or information",
        Action::NameSkill(SkillChoice::AdviceInformation),
    ),
];

const FEEDBACK: Group = &[fin(
    &[ENTER, ch(' '), ch('n')],
    "Enter",
    "next",
    Action::Submit,
)];

const ROUND_SUMMARY: Group = &[
    bar(
        &[ENTER, ch('r')],
        "Enter",
        "another round",
        Action::AnotherRound,
    ),
    bar(&[ch('p')], "p", "progress", Action::ShowProgress),
    more(
        &[ch('s')],
        "s",
        "save again (if saving failed)",
        Action::Save,
    ),
];

const PROGRESS: Group = &[
    bar(&[ENTER], "Enter", "review round", Action::Submit),
    bar(&[TAB], "Tab", "role-plays", Action::SwitchPane),
];

const AREAS: Group = &[
    bar(&[ENTER], "Enter", "open area", Action::Submit),
    bar(&[ch('h')], "h", "log hours", Action::LogHours),
];

const AREA: Group = &[
    bar(&[ENTER, ch('m')], "Enter", "mark/edit", Action::MarkSkill),
    bar(&[ch('s')], "s", "sign-off", Action::SignOff),
    bar(&[ch('h')], "h", "hours", Action::LogHours),
    bar(&[ch('x')], "x", "unmark", Action::RemoveRecord),
    bar(&[TAB], "Tab", "hours list", Action::SwitchPane),
];

const HOURS: Group = &[
    bar(&[ch('h')], "h", "log hours", Action::LogHours),
    bar(&[ch('x')], "x", "remove entry", Action::RemoveRecord),
    bar(&[TAB], "Tab", "skills", Action::SwitchPane),
];

const COMPETENCY_FORM: Group = &[
    bar(&[TAB], "Tab", "next field", Action::NextField),
    more(&[BACKTAB], "Shift+Tab", "previous field", Action::PrevField),
    bar(&[ENTER], "Enter", "next / save", Action::Submit),
    fin(&[ctrl('s')], "Ctrl+S", "save", Action::Save),
];

/// The keys of "Name the skill", in the order of [`SkillChoice::ALL`].
pub const CHOICE_KEYS: [(char, &str, SkillChoice); 6] = [
    ('o', "open question", SkillChoice::OpenQuestion),
    ('a', "affirmation", SkillChoice::Affirmation),
    ('r', "reflection", SkillChoice::Reflection),
    ('s', "summary", SkillChoice::Summary),
    ('c', "closed question", SkillChoice::ClosedQuestion),
    ('i', "advice or information", SkillChoice::AdviceInformation),
];

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
    use super::super::{Key, default_bindings as all_bindings};
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
    fn skill_keys_agree_with_choice_keys() {
        for ((key, label, choice), bind) in CHOICE_KEYS.iter().zip(SKILL_KEYS) {
            assert_eq!(bind.keys, &[Key::Char(*key)]);
            assert_eq!(bind.label, *label);
            assert!(matches!(bind.action, Action::NameSkill(c) if c == *choice));
        }
        assert_eq!(CHOICE_KEYS.len(), SKILL_KEYS.len());
    }

    #[test]
    fn choice_keys_agree_with_the_bank() {
        let bank = Bank::shipped().expect("bank");
        for (key, _, choice) in CHOICE_KEYS {
            assert_eq!(bank.choice(choice).key, key);
        }
    }
}
