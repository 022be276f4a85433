//! Role-play coding: the codes an observer gives a specialist's (and a peer's) turns, the
//! live tally with its timer, pins and global ratings, and the record that is saved.
//!
//! MITI 4.2.1 codes a 20-minute segment; the timer says when it is reached but coding may
//! go on. Summary scores come from [`summary_scores`] with the shipped thresholds, so a
//! tally and the engine's own coding are scored the same way.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::transcript::{CodedTurn, Speaker};
use crate::domain::Timestamp;
use crate::domain::utterance::{
    Depth, Feedback, Label, MiScores, Rating, Thresholds, summary_scores,
};

/// The length of the segment MITI codes, in seconds.
pub const SEGMENT_SECONDS: u32 = 20 * 60;

/// Longest note on a pinned moment, in characters.
pub const MAX_PIN_CHARS: usize = 200;

/// One behaviour as an observer codes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Code {
    OpenQuestion,
    ClosedQuestion,
    SimpleReflection,
    ComplexReflection,
    Affirmation,
    Summary,
    Information,
    AdviceWithPermission,
    AdviceWithoutPermission,
    Other,
    /// The peer's words for change (optional).
    ChangeTalk,
    /// The peer's words for keeping things as they are (optional).
    SustainTalk,
}

impl Code {
    pub const ALL: [Code; 12] = [
        Code::OpenQuestion,
        Code::ClosedQuestion,
        Code::SimpleReflection,
        Code::ComplexReflection,
        Code::Affirmation,
        Code::Summary,
        Code::Information,
        Code::AdviceWithPermission,
        Code::AdviceWithoutPermission,
        Code::Other,
        Code::ChangeTalk,
        Code::SustainTalk,
    ];

    /// The specialist's behaviours, without the peer's talk.
    pub const SPECIALIST: [Code; 10] = [
        Code::OpenQuestion,
        Code::ClosedQuestion,
        Code::SimpleReflection,
        Code::ComplexReflection,
        Code::Affirmation,
        Code::Summary,
        Code::Information,
        Code::AdviceWithPermission,
        Code::AdviceWithoutPermission,
        Code::Other,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Code::OpenQuestion => "open_question",
            Code::ClosedQuestion => "closed_question",
            Code::SimpleReflection => "simple_reflection",
            Code::ComplexReflection => "complex_reflection",
            Code::Affirmation => "affirmation",
            Code::Summary => "summary",
            Code::Information => "information",
            Code::AdviceWithPermission => "advice_with_permission",
            Code::AdviceWithoutPermission => "advice_without_permission",
            Code::Other => "other",
            Code::ChangeTalk => "change_talk",
            Code::SustainTalk => "sustain_talk",
        }
    }

    /// For people: "simple reflection".
    pub fn name(self) -> &'static str {
        match self {
            Code::OpenQuestion => "open question",
            Code::ClosedQuestion => "closed question",
            Code::SimpleReflection => "simple reflection",
            Code::ComplexReflection => "complex reflection",
            Code::Affirmation => "affirmation",
            Code::Summary => "summary",
            Code::Information => "information",
            Code::AdviceWithPermission => "advice with permission",
            Code::AdviceWithoutPermission => "advice without permission",
            Code::Other => "other",
            Code::ChangeTalk => "change talk (peer)",
            Code::SustainTalk => "sustain talk (peer)",
        }
    }

    pub fn is_specialist(self) -> bool {
        !matches!(self, Code::ChangeTalk | Code::SustainTalk)
    }

    /// The engine's label for this code; `None` for the peer's talk.
    pub fn label(self) -> Option<Label> {
        Some(match self {
            Code::OpenQuestion => Label::OpenQuestion,
            Code::ClosedQuestion => Label::ClosedQuestion,
            Code::SimpleReflection | Code::ComplexReflection => Label::Reflection,
            Code::Affirmation => Label::Affirmation,
            Code::Summary => Label::Summary,
            Code::Information => Label::Information,
            Code::AdviceWithPermission | Code::AdviceWithoutPermission => Label::Advice,
            Code::Other => Label::Other,
            Code::ChangeTalk | Code::SustainTalk => return None,
        })
    }

    pub fn depth(self) -> Option<Depth> {
        match self {
            Code::SimpleReflection => Some(Depth::Simple),
            Code::ComplexReflection => Some(Depth::Complex),
            _ => None,
        }
    }

    /// This code as an engine result, so tallies are scored like the engine's coding.
    pub fn feedback(self) -> Option<Feedback> {
        self.label()
            .map(|l| Feedback::new(l, self.depth(), Vec::new(), 1.0))
    }

    /// The code that matches an engine result. The engine does not tell advice given with
    /// permission from advice without it, so its advice is "without" until corrected.
    pub fn from_feedback(f: &Feedback) -> Code {
        match f.label {
            Label::OpenQuestion => Code::OpenQuestion,
            Label::ClosedQuestion => Code::ClosedQuestion,
            Label::Reflection if f.reflection_depth == Some(Depth::Complex) => {
                Code::ComplexReflection
            }
            Label::Reflection => Code::SimpleReflection,
            Label::Affirmation => Code::Affirmation,
            Label::Summary => Code::Summary,
            Label::Information => Code::Information,
            Label::Advice => Code::AdviceWithoutPermission,
            Label::Other => Code::Other,
        }
    }

    /// Whether this code says the same as an engine result (label, and depth for
    /// reflections).
    pub fn agrees_with(self, f: &Feedback) -> bool {
        self.label() == Some(f.label)
            && (f.label != Label::Reflection
                || self.depth() == Some(f.reflection_depth.unwrap_or(Depth::Simple)))
    }
}

/// One code given during a live role-play, with when (seconds of running timer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TallyEntry {
    pub code: Code,
    pub at_seconds: u32,
}

/// A moment marked for the debrief, with a short note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pin {
    pub at_seconds: u32,
    pub note: String,
}

/// One of the four MITI global ratings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Global {
    Partnership,
    Empathy,
    CultivatingChangeTalk,
    SofteningSustainTalk,
}

impl Global {
    pub const ALL: [Global; 4] = [
        Global::Partnership,
        Global::Empathy,
        Global::CultivatingChangeTalk,
        Global::SofteningSustainTalk,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Global::Partnership => "Partnership",
            Global::Empathy => "Empathy",
            Global::CultivatingChangeTalk => "Cultivating change talk",
            Global::SofteningSustainTalk => "Softening sustain talk",
        }
    }
}

/// The four global ratings, each 1-5 once given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Globals {
    pub partnership: Option<u8>,
    pub empathy: Option<u8>,
    pub cultivating_change_talk: Option<u8>,
    pub softening_sustain_talk: Option<u8>,
}

impl Globals {
    pub fn get(&self, g: Global) -> Option<u8> {
        match g {
            Global::Partnership => self.partnership,
            Global::Empathy => self.empathy,
            Global::CultivatingChangeTalk => self.cultivating_change_talk,
            Global::SofteningSustainTalk => self.softening_sustain_talk,
        }
    }

    /// Sets a rating; values outside 1-5 clear it.
    pub fn set(&mut self, g: Global, value: u8) {
        let v = (1..=5).contains(&value).then_some(value);
        match g {
            Global::Partnership => self.partnership = v,
            Global::Empathy => self.empathy = v,
            Global::CultivatingChangeTalk => self.cultivating_change_talk = v,
            Global::SofteningSustainTalk => self.softening_sustain_talk = v,
        }
    }

    pub fn is_empty(&self) -> bool {
        Global::ALL.iter().all(|g| self.get(*g).is_none())
    }

    /// Mean of Partnership and Empathy, rated against the MITI thresholds.
    pub fn relational(&self, t: &Thresholds) -> GlobalScore {
        GlobalScore::of(
            self.partnership,
            self.empathy,
            t.relational.fair,
            t.relational.good,
        )
    }

    /// Mean of Cultivating Change Talk and Softening Sustain Talk.
    pub fn technical(&self, t: &Thresholds) -> GlobalScore {
        GlobalScore::of(
            self.cultivating_change_talk,
            self.softening_sustain_talk,
            t.technical.fair,
            t.technical.good,
        )
    }
}

/// A global average and how it compares with its thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct GlobalScore {
    /// `None` until both ratings are given.
    pub value: Option<f64>,
    pub rating: Rating,
    pub fair: f64,
    pub good: f64,
}

impl GlobalScore {
    fn of(a: Option<u8>, b: Option<u8>, fair: f64, good: f64) -> GlobalScore {
        let value = a.zip(b).map(|(a, b)| f64::from(a + b) / 2.0);
        let rating = match value {
            None => Rating::NotRated,
            Some(v) if v >= good => Rating::Good,
            Some(v) if v >= fair => Rating::Fair,
            Some(_) => Rating::BelowFair,
        };
        GlobalScore {
            value,
            rating,
            fair,
            good,
        }
    }
}

/// How the codes of a record were made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RolePlayKind {
    /// Coded live by an observer with one key per behaviour.
    Observed,
    /// A transcript coded by the engine and corrected by the trainee.
    Transcript,
}

/// A coded role-play as it is saved: `practice/roleplays/<uuid>.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RolePlayRecord {
    pub id: Uuid,
    pub kind: RolePlayKind,
    pub started_at: Timestamp,
    pub finished_at: Option<Timestamp>,
    /// Seconds the timer ran (pauses left out).
    #[serde(default)]
    pub elapsed_seconds: u32,
    /// Live codes in the order given (observed role-plays).
    #[serde(default)]
    pub entries: Vec<TallyEntry>,
    #[serde(default)]
    pub pins: Vec<Pin>,
    #[serde(default)]
    pub globals: Globals,
    /// The coded turns (transcripts).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub turns: Vec<CodedTurn>,
}

/// Counts and scores of one record.
#[derive(Debug, Clone, PartialEq)]
pub struct RolePlayScores {
    /// How many of each code, in [`Code::ALL`] order.
    pub counts: Vec<(Code, usize)>,
    pub mi: MiScores,
    pub relational: GlobalScore,
    pub technical: GlobalScore,
    /// Change talk as a percentage of the peer's change and sustain talk.
    pub percent_change_talk: Option<f64>,
}

impl RolePlayScores {
    pub fn count(&self, code: Code) -> usize {
        self.counts
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    }
}

/// Scores of a list of codes, with given global ratings.
pub fn score_codes(codes: &[Code], globals: &Globals) -> RolePlayScores {
    let t = Thresholds::shipped();
    let counts: Vec<(Code, usize)> = Code::ALL
        .into_iter()
        .map(|c| (c, codes.iter().filter(|x| **x == c).count()))
        .collect();
    let said: Vec<Feedback> = codes.iter().filter_map(|c| c.feedback()).collect();
    let n = |c: Code| codes.iter().filter(|x| **x == c).count();
    let (change, sustain) = (n(Code::ChangeTalk), n(Code::SustainTalk));
    RolePlayScores {
        counts,
        mi: summary_scores(&said),
        relational: globals.relational(t),
        technical: globals.technical(t),
        percent_change_talk: (change + sustain > 0)
            .then(|| 100.0 * change as f64 / (change + sustain) as f64),
    }
}

/// The trainee's agreement with the engine over a transcript's specialist turns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Agreement {
    pub turns: usize,
    pub agreed: usize,
}

impl Agreement {
    pub fn percent(&self) -> Option<u8> {
        (self.turns > 0).then(|| ((100 * self.agreed + self.turns / 2) / self.turns) as u8)
    }
}

impl RolePlayRecord {
    pub fn new(id: Uuid, kind: RolePlayKind, started_at: Timestamp) -> RolePlayRecord {
        RolePlayRecord {
            id,
            kind,
            started_at,
            finished_at: None,
            elapsed_seconds: 0,
            entries: Vec::new(),
            pins: Vec::new(),
            globals: Globals::default(),
            turns: Vec::new(),
        }
    }

    /// The codes that count: live codes, or the trainee's code of each specialist turn
    /// (the engine's when the trainee kept it).
    pub fn codes(&self) -> Vec<Code> {
        match self.kind {
            RolePlayKind::Observed => self.entries.iter().map(|e| e.code).collect(),
            RolePlayKind::Transcript => self.turns.iter().filter_map(CodedTurn::code).collect(),
        }
    }

    pub fn scores(&self) -> RolePlayScores {
        score_codes(&self.codes(), &self.globals)
    }

    /// The engine's own scores of a transcript's specialist turns.
    pub fn engine_scores(&self) -> Option<MiScores> {
        (self.kind == RolePlayKind::Transcript).then(|| {
            let said: Vec<Feedback> = self.turns.iter().filter_map(|t| t.engine.clone()).collect();
            summary_scores(&said)
        })
    }

    pub fn agreement(&self) -> Agreement {
        let mut a = Agreement {
            turns: 0,
            agreed: 0,
        };
        for t in self
            .turns
            .iter()
            .filter(|t| t.speaker == Speaker::Specialist)
        {
            if let (Some(engine), Some(code)) = (&t.engine, t.code()) {
                a.turns += 1;
                if code.agrees_with(engine) {
                    a.agreed += 1;
                }
            }
        }
        a
    }

    /// True when nothing was coded or rated: not worth keeping.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
            && self.pins.is_empty()
            && self.globals.is_empty()
            && self.turns.is_empty()
    }
}

/// A live role-play being coded: the record and a timer that can be paused.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    pub record: RolePlayRecord,
    /// When the timer last started; `None` while paused.
    running_since: Option<Timestamp>,
    /// Seconds run before `running_since`.
    elapsed_before: u32,
}

fn seconds_between(from: Timestamp, to: Timestamp) -> u32 {
    u32::try_from((to - from).num_seconds().max(0)).unwrap_or(u32::MAX)
}

impl Tally {
    /// Starts coding with the timer running.
    pub fn start(id: Uuid, now: Timestamp) -> Tally {
        Tally {
            record: RolePlayRecord::new(id, RolePlayKind::Observed, now),
            running_since: Some(now),
            elapsed_before: 0,
        }
    }

    pub fn elapsed(&self, now: Timestamp) -> u32 {
        self.elapsed_before.saturating_add(
            self.running_since
                .map(|s| seconds_between(s, now))
                .unwrap_or(0),
        )
    }

    pub fn running(&self) -> bool {
        self.running_since.is_some()
    }

    /// True once the 20-minute MITI segment has been coded.
    pub fn segment_reached(&self, now: Timestamp) -> bool {
        self.elapsed(now) >= SEGMENT_SECONDS
    }

    /// Pauses a running timer, or starts a paused one.
    pub fn toggle_pause(&mut self, now: Timestamp) {
        match self.running_since.take() {
            Some(since) => {
                self.elapsed_before = self
                    .elapsed_before
                    .saturating_add(seconds_between(since, now))
            }
            None => self.running_since = Some(now),
        }
        self.record.elapsed_seconds = self.elapsed(now);
    }

    pub fn code(&mut self, code: Code, now: Timestamp) {
        let at_seconds = self.elapsed(now);
        self.record.entries.push(TallyEntry { code, at_seconds });
        self.record.elapsed_seconds = at_seconds;
    }

    /// Takes back the last code given, and says which it was.
    pub fn undo(&mut self) -> Option<Code> {
        self.record.entries.pop().map(|e| e.code)
    }

    /// Pins this moment with a note (trimmed and cut to [`MAX_PIN_CHARS`]).
    pub fn pin(&mut self, note: &str, now: Timestamp) {
        let note: String = note.trim().chars().take(MAX_PIN_CHARS).collect();
        let at_seconds = self.elapsed(now);
        self.record.pins.push(Pin { at_seconds, note });
        self.record.elapsed_seconds = at_seconds;
    }

    /// Stops the timer for good; the record says when.
    pub fn finish(&mut self, now: Timestamp) {
        if self.running() {
            self.toggle_pause(now);
        }
        self.record.elapsed_seconds = self.elapsed(now);
        self.record.finished_at = Some(now);
    }

    pub fn scores(&self) -> RolePlayScores {
        self.record.scores()
    }
}

/// "12:05" for a number of seconds.
pub fn clock(seconds: u32) -> String {
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests;
