//! What a feature is and where it came from, and the words that name it for a trainee.

use super::hash::Hash;
use crate::domain::utterance::Label;
use crate::domain::utterance::context::ContextFeature;
use crate::domain::utterance::rules::Rules;
use crate::domain::utterance::text::Sentence;

/// Where a feature came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Origin {
    /// `len` words of sentence `sentence` from `start` (a bigram may start before the first
    /// word: `start == usize::MAX` stands for the sentence start).
    Words {
        sentence: usize,
        start: usize,
        len: usize,
    },
    /// A piece of a word: never named in reasons.
    Chars,
    Rule(RuleFeature),
}

/// A feature derived from what the rules found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleFeature {
    /// The rules' label for the whole turn.
    TurnLabel(Label),
    FirstLabel(Label),
    LastLabel(Label),
    /// Some sentence has this label.
    HasLabel(Label),
    /// A cue group (index into the rule asset's cues) matched somewhere.
    Cue(usize),
    /// A cue group matched in the first sentence.
    FirstCue(usize),
    /// A depth cue group (index into the asset's depth cues) matched.
    DepthCue(usize),
    Flag(Flag),
    /// How many sentences (1, 2, 3, 4 or more).
    Sentences(usize),
    /// Length of the turn in words, bucketed.
    Length(usize),
    /// Share of the words that are in sentences with a question form, in quarters.
    QuestionShare(usize),
    /// The answer against the peer's line before it (only when that line is known).
    Context(ContextFeature),
}

/// Yes/no facts about a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    EndsWithQuestionMark,
    FirstHasQuestionForm,
    LastHasQuestionForm,
    ShortTrailingQuestion,
    Permission,
    Backchannel,
    FeelingWord,
    StartsWithYou,
    StartsWithI,
    RisingStatement,
    Clean,
    NoCue,
    CutOff,
    Exclamation,
    Enumeration,
    TwoSided,
    Continuation,
    Appraisal,
    NoYou,
    Concrete,
    Reported,
    Effort,
    ShortItems,
    SharesAfterPermission,
    PastAct,
    Generic,
}

const FLAGS: [Flag; 26] = [
    Flag::EndsWithQuestionMark,
    Flag::FirstHasQuestionForm,
    Flag::LastHasQuestionForm,
    Flag::ShortTrailingQuestion,
    Flag::Permission,
    Flag::Backchannel,
    Flag::FeelingWord,
    Flag::StartsWithYou,
    Flag::StartsWithI,
    Flag::RisingStatement,
    Flag::Clean,
    Flag::NoCue,
    Flag::CutOff,
    Flag::Exclamation,
    Flag::Enumeration,
    Flag::TwoSided,
    Flag::Continuation,
    Flag::Appraisal,
    Flag::NoYou,
    Flag::Concrete,
    Flag::Reported,
    Flag::Effort,
    Flag::ShortItems,
    Flag::SharesAfterPermission,
    Flag::PastAct,
    Flag::Generic,
];

impl Flag {
    fn index(self) -> u64 {
        FLAGS.iter().position(|f| *f == self).unwrap_or(0) as u64
    }

    fn describe(self) -> &'static str {
        match self {
            Flag::EndsWithQuestionMark => "ends with a question mark",
            Flag::FirstHasQuestionForm => "opens with a question",
            Flag::LastHasQuestionForm => "ends with a question",
            Flag::ShortTrailingQuestion => "a short question at the end",
            Flag::Permission => "asks permission",
            Flag::SharesAfterPermission => "asks permission, then shares without waiting",
            Flag::Backchannel => "a backchannel",
            Flag::FeelingWord => "names a feeling",
            Flag::StartsWithYou => "starts with 'you'",
            Flag::StartsWithI => "starts with 'I'",
            Flag::RisingStatement => "a statement with a question mark",
            Flag::Clean => "written cleanly",
            Flag::NoCue => "no clear cue",
            Flag::CutOff => "breaks off mid-sentence",
            Flag::Exclamation => "an exclamation",
            Flag::Enumeration => "lists several things",
            Flag::TwoSided => "two feelings or sides joined",
            Flag::Continuation => "continues the person's paragraph",
            Flag::Appraisal => "a short appraisal after it ('that's ...')",
            Flag::NoYou => "does not speak of 'you'",
            Flag::Concrete => "names numbers, times or dates",
            Flag::Reported => "reports what someone said",
            Flag::Effort => "names an effort of theirs",
            Flag::ShortItems => "a list of short items",
            Flag::PastAct => "tells something they did ('you rang ...')",
            Flag::Generic => "speaks of things or people in general",
        }
    }
}

/// One feature of one turn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Feature {
    pub bucket: u32,
    pub value: f32,
    pub origin: Origin,
}

impl Feature {
    /// Features the depth model leaves out, in training and when it reads a turn: how many
    /// parts of the peer's line an answer gathers tells a summary from a reflection, not
    /// depth (a two-sided reflection picks up both halves and may still add meaning).
    pub fn depth_ignores(&self) -> bool {
        matches!(
            self.origin,
            Origin::Rule(RuleFeature::Context(
                ContextFeature::PartsPicked(_) | ContextFeature::PeerGathers
            ))
        )
    }
}

fn label_index(l: Label) -> u64 {
    Label::ALL.iter().position(|x| *x == l).unwrap_or(7) as u64
}

impl RuleFeature {
    pub(super) fn hash(self) -> Hash {
        let h = Hash::new(b'r');
        match self {
            RuleFeature::TurnLabel(l) => h.byte(1).num(label_index(l)),
            RuleFeature::FirstLabel(l) => h.byte(2).num(label_index(l)),
            RuleFeature::LastLabel(l) => h.byte(3).num(label_index(l)),
            RuleFeature::HasLabel(l) => h.byte(4).num(label_index(l)),
            RuleFeature::Cue(c) => h.byte(5).num(c as u64),
            RuleFeature::FirstCue(c) => h.byte(6).num(c as u64),
            RuleFeature::DepthCue(c) => h.byte(7).num(c as u64),
            RuleFeature::Flag(f) => h.byte(8).num(f.index()),
            RuleFeature::Sentences(n) => h.byte(9).num(n as u64),
            RuleFeature::Length(n) => h.byte(10).num(n as u64),
            RuleFeature::QuestionShare(n) => h.byte(11).num(n as u64),
            RuleFeature::Context(c) => {
                let [a, b, l] = c.key();
                h.byte(12).num(a).num(b).num(l)
            }
        }
    }

    pub(in crate::domain::utterance) fn bucket(self) -> u32 {
        self.hash().bucket()
    }

    /// Words for a trainee, or `None` for features too technical to show.
    pub fn describe(self, rules: &Rules) -> Option<String> {
        Some(match self {
            RuleFeature::TurnLabel(l) => format!("the rules read it as {}", l.name()),
            RuleFeature::FirstLabel(l) => format!("opens with {}", article(l)),
            RuleFeature::LastLabel(l) => format!("ends with {}", article(l)),
            RuleFeature::HasLabel(l) => format!("has {}", article(l)),
            RuleFeature::Cue(c) | RuleFeature::FirstCue(c) => {
                rules.cues.get(c)?.name.replace('_', " ")
            }
            RuleFeature::DepthCue(c) => rules.depth_cues.get(c)?.name.replace('_', " "),
            RuleFeature::Flag(f) => f.describe().to_string(),
            RuleFeature::Context(c) => c.describe()?.to_string(),
            RuleFeature::Sentences(_) | RuleFeature::Length(_) | RuleFeature::QuestionShare(_) => {
                return None;
            }
        })
    }
}

fn article(l: Label) -> String {
    let name = l.name();
    let an = matches!(
        name.as_bytes().first(),
        Some(b'a' | b'e' | b'i' | b'o' | b'u')
    );
    format!("{} {name}", if an { "an" } else { "a" })
}

/// Words for a word feature: "'sounds like'".
pub fn describe_words(sentences: &[Sentence], origin: Origin) -> Option<String> {
    let Origin::Words {
        sentence,
        start,
        len,
    } = origin
    else {
        return None;
    };
    let s = sentences.get(sentence)?;
    if start == usize::MAX {
        let first = s.words.first()?;
        return Some(format!("'{first}' first"));
    }
    let words = s.words.get(start..start + len)?;
    Some(format!("'{}'", words.join(" ")))
}
