//! The four drills, the parts of an answer, and which utterance labels meet each part's goal.

use serde::{Deserialize, Serialize};

use crate::domain::utterance::{Applies, Depth, Feedback, Label};

/// One kind of practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Drill {
    /// Rewrite a closed question as an open one.
    OpenUp,
    /// Write a reflection of a peer's statement, then a complex one.
    Reflect,
    /// Name the skill in a specialist's line.
    NameSkill,
    /// Write the three steps of Ask-Share-Ask for a situation.
    AskShareAsk,
}

impl Drill {
    pub const ALL: [Drill; 4] = [
        Drill::OpenUp,
        Drill::Reflect,
        Drill::NameSkill,
        Drill::AskShareAsk,
    ];

    /// The stable identifier used in JSON and asset files.
    pub fn id(self) -> &'static str {
        match self {
            Drill::OpenUp => "open_up",
            Drill::Reflect => "reflect",
            Drill::NameSkill => "name_skill",
            Drill::AskShareAsk => "ask_share_ask",
        }
    }

    pub fn from_id(id: &str) -> Option<Drill> {
        Drill::ALL.into_iter().find(|d| d.id() == id)
    }

    /// The parts one item of this drill asks for, in order. A reflect item's second part
    /// is skipped when the first answer was already complex.
    pub fn parts(self) -> &'static [Part] {
        match self {
            Drill::OpenUp => &[Part::Open],
            Drill::Reflect => &[Part::Reflection, Part::ComplexReflection],
            Drill::NameSkill => &[Part::Name],
            Drill::AskShareAsk => &[Part::Ask, Part::Share, Part::AskAgain],
        }
    }

    /// The MI summary scores this drill's answers can speak to. Open it up and the asks of
    /// Ask-Share-Ask ask for questions only: a share of open questions, never a
    /// reflection-to-question ratio. Reflect it asks for reflections only: a share of
    /// complex ones. Name the skill scores someone else's lines, not the trainee's words.
    pub fn measures(self) -> Applies {
        match self {
            Drill::OpenUp | Drill::AskShareAsk => Applies {
                open_questions: true,
                ..Applies::NONE
            },
            Drill::Reflect => Applies {
                complex_reflections: true,
                ..Applies::NONE
            },
            Drill::NameSkill => Applies::NONE,
        }
    }

    pub fn next(self) -> Drill {
        let i = Drill::ALL.iter().position(|d| *d == self).unwrap_or(0);
        Drill::ALL[(i + 1) % Drill::ALL.len()]
    }

    pub fn prev(self) -> Drill {
        let i = Drill::ALL.iter().position(|d| *d == self).unwrap_or(0);
        Drill::ALL[(i + Drill::ALL.len() - 1) % Drill::ALL.len()]
    }
}

/// One thing the trainee answers within an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// An open question (Open it up).
    Open,
    /// Any reflection (Reflect it, first try).
    Reflection,
    /// A complex reflection (Reflect it, second try).
    ComplexReflection,
    /// The skill named (Name the skill); the response's text is a [`SkillChoice`] id.
    Name,
    /// Ask-Share-Ask: the first ask.
    Ask,
    /// Ask-Share-Ask: the share.
    Share,
    /// Ask-Share-Ask: the closing ask.
    AskAgain,
}

impl Part {
    pub fn id(self) -> &'static str {
        match self {
            Part::Open => "open",
            Part::Reflection => "reflection",
            Part::ComplexReflection => "complex_reflection",
            Part::Name => "name",
            Part::Ask => "ask",
            Part::Share => "share",
            Part::AskAgain => "ask_again",
        }
    }

    pub fn from_id(id: &str) -> Option<Part> {
        [
            Part::Open,
            Part::Reflection,
            Part::ComplexReflection,
            Part::Name,
            Part::Ask,
            Part::Share,
            Part::AskAgain,
        ]
        .into_iter()
        .find(|p| p.id() == id)
    }

    /// True when the part is the trainee's own words, so it counts in the MI scores.
    pub fn is_utterance(self) -> bool {
        self != Part::Name
    }

    /// Whether a classified answer meets this part's goal. `Name` is scored by comparing
    /// choices, not by the engine, so it is never met here.
    pub fn met_by(self, feedback: &Feedback) -> bool {
        let label = feedback.label;
        match self {
            Part::Open | Part::AskAgain => label == Label::OpenQuestion,
            Part::Reflection => matches!(label, Label::Reflection | Label::Summary),
            Part::ComplexReflection => {
                label == Label::Summary
                    || (label == Label::Reflection
                        && feedback.reflection_depth == Some(Depth::Complex))
            }
            Part::Ask => label.is_question(),
            // The engine reads facts and self-disclosure with no clear cue as reflections,
            // so the share step asks only what matters here: an offer, not a question and
            // not an instruction.
            Part::Share => !label.is_question() && label != Label::Advice,
            Part::Name => false,
        }
    }
}

/// The six answers of "Name the skill".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkillChoice {
    OpenQuestion,
    Affirmation,
    Reflection,
    Summary,
    ClosedQuestion,
    AdviceInformation,
}

impl SkillChoice {
    /// In the order they are offered: O, A, R, S, then closed questions and advice.
    pub const ALL: [SkillChoice; 6] = [
        SkillChoice::OpenQuestion,
        SkillChoice::Affirmation,
        SkillChoice::Reflection,
        SkillChoice::Summary,
        SkillChoice::ClosedQuestion,
        SkillChoice::AdviceInformation,
    ];

    pub fn id(self) -> &'static str {
        match self {
            SkillChoice::OpenQuestion => "open_question",
            SkillChoice::Affirmation => "affirmation",
            SkillChoice::Reflection => "reflection",
            SkillChoice::Summary => "summary",
            SkillChoice::ClosedQuestion => "closed_question",
            SkillChoice::AdviceInformation => "advice_information",
        }
    }

    pub fn from_id(id: &str) -> Option<SkillChoice> {
        SkillChoice::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The choice an engine label corresponds to; `other` has none.
    pub fn of_label(label: Label) -> Option<SkillChoice> {
        Some(match label {
            Label::OpenQuestion => SkillChoice::OpenQuestion,
            Label::ClosedQuestion => SkillChoice::ClosedQuestion,
            Label::Reflection => SkillChoice::Reflection,
            Label::Affirmation => SkillChoice::Affirmation,
            Label::Summary => SkillChoice::Summary,
            Label::Information | Label::Advice => SkillChoice::AdviceInformation,
            Label::Other => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fb(label: Label, depth: Option<Depth>) -> Feedback {
        Feedback::new(label, depth, Vec::new(), 0.9)
    }

    #[test]
    fn goals() {
        assert!(Part::Open.met_by(&fb(Label::OpenQuestion, None)));
        assert!(!Part::Open.met_by(&fb(Label::ClosedQuestion, None)));
        assert!(Part::Reflection.met_by(&fb(Label::Reflection, Some(Depth::Simple))));
        assert!(Part::Reflection.met_by(&fb(Label::Summary, None)));
        assert!(!Part::ComplexReflection.met_by(&fb(Label::Reflection, Some(Depth::Simple))));
        assert!(Part::ComplexReflection.met_by(&fb(Label::Reflection, Some(Depth::Complex))));
        assert!(Part::Ask.met_by(&fb(Label::ClosedQuestion, None)));
        assert!(!Part::Ask.met_by(&fb(Label::Information, None)));
        assert!(Part::Share.met_by(&fb(Label::Information, None)));
        assert!(Part::Share.met_by(&fb(Label::Other, None)));
        assert!(!Part::Share.met_by(&fb(Label::Advice, None)));
        assert!(!Part::Share.met_by(&fb(Label::OpenQuestion, None)));
        assert!(!Part::AskAgain.met_by(&fb(Label::ClosedQuestion, None)));
        assert!(!Part::Name.met_by(&fb(Label::OpenQuestion, None)));
    }

    #[test]
    fn ids_round_trip_and_drills_cycle() {
        for d in Drill::ALL {
            assert_eq!(Drill::from_id(d.id()), Some(d));
            assert_eq!(d.next().prev(), d);
            for p in d.parts() {
                assert_eq!(Part::from_id(p.id()), Some(*p));
            }
        }
        for c in SkillChoice::ALL {
            assert_eq!(SkillChoice::from_id(c.id()), Some(c));
        }
        assert_eq!(
            SkillChoice::of_label(Label::Advice),
            Some(SkillChoice::AdviceInformation)
        );
        assert_eq!(SkillChoice::of_label(Label::Other), None);
    }
}
