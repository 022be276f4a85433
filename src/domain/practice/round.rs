//! A round of practice: a handful of items, each answered and given feedback at once.
//!
//! ```text
//! start ─► Answering{item, step} ──submit──► Feedback{item, step} ──next──┐
//!              │  ▲                                                        │
//!              │  └──────────── next step of the item, or the next item ◄──┘
//!              └──skip──► next item ...                 after the last item: Done
//! ```
//!
//! Every answer is classified by the utterance engine and checked against the goal of its
//! part. The [`RoundRecord`] holds everything worth keeping and is what gets saved, after
//! each answer, so nothing answered is lost if the round is left half way.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::bank::{Bank, Difficulty, Item};
use super::drill::{Drill, Part, SkillChoice};
use super::rng::SplitMix64;
use crate::domain::utterance::{
    self, Applies, Depth, Feedback, Label, MiScores, summary_scores_for,
};
use crate::domain::{Stage, Timestamp};

/// Longest answer accepted, in characters: one utterance, not an essay.
pub const MAX_ANSWER_CHARS: usize = 600;

/// Items in a round unless asked otherwise.
pub const DEFAULT_ROUND_SIZE: usize = 5;

/// What a round is drawn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundConfig {
    pub drill: Drill,
    /// Only items of this stage; `None` for any.
    pub stage: Option<Stage>,
    /// Only items of this difficulty; `None` for any.
    pub difficulty: Option<Difficulty>,
    pub size: usize,
}

impl RoundConfig {
    pub fn new(drill: Drill) -> RoundConfig {
        RoundConfig {
            drill,
            stage: None,
            difficulty: None,
            size: DEFAULT_ROUND_SIZE,
        }
    }

    /// The bank's items that pass the filters, in file order.
    pub fn matching<'a>(&self, bank: &'a Bank) -> Vec<Item<'a>> {
        bank.items(self.drill)
            .into_iter()
            .filter(|i| self.stage.is_none_or(|s| i.stage() == s))
            .filter(|i| self.difficulty.is_none_or(|d| i.difficulty() == d))
            .collect()
    }

    /// The item ids of a round: shuffled by `seed`, items not in `recent` first, at most
    /// `size` of them. The same bank, filters, seed and `recent` always give the same round.
    pub fn choose(&self, bank: &Bank, seed: u64, recent: &[String]) -> Vec<String> {
        let mut ids: Vec<&str> = self.matching(bank).into_iter().map(|i| i.id()).collect();
        SplitMix64::new(seed).shuffle(&mut ids);
        // A stable sort keeps the shuffled order within "fresh" and "seen lately".
        ids.sort_by_key(|id| recent.iter().any(|r| r == id));
        ids.into_iter()
            .take(self.size.max(1))
            .map(str::to_string)
            .collect()
    }
}

/// One answer to one part, with the engine's feedback on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    pub part: Part,
    /// What the trainee wrote; for `name`, the id of the skill they chose.
    pub text: String,
    /// The engine's reading of the trainee's words; for `name`, of the specialist's line.
    #[serde(flatten)]
    pub feedback: Feedback,
    pub goal_met: bool,
    /// For `name`: the right answer, kept so the round reads the same if the bank changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<SkillChoice>,
}

/// One item of a round and what was answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemRecord {
    pub item_id: String,
    /// Moved past without finishing.
    #[serde(default)]
    pub skipped: bool,
    #[serde(default)]
    pub responses: Vec<Response>,
}

/// A round as it is saved: `practice/rounds/<uuid>.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundRecord {
    pub id: Uuid,
    pub drill: Drill,
    /// The filters it was drawn with; `null` for any.
    pub stage: Option<Stage>,
    pub difficulty: Option<Difficulty>,
    pub seed: u64,
    pub started_at: Timestamp,
    /// Set once every item was answered or skipped.
    pub finished_at: Option<Timestamp>,
    pub items: Vec<ItemRecord>,
}

/// Counts and scores of one round (or of several).
#[derive(Debug, Clone, PartialEq)]
pub struct RoundSummary {
    pub items: usize,
    /// Items with at least one answer.
    pub answered: usize,
    pub skipped: usize,
    /// Answers given, and how many met their goal.
    pub goals: usize,
    pub goals_met: usize,
    /// MI summary scores of the trainee's own words (not of "name the skill" lines), only
    /// those the drills answered can speak to (see [`Drill::measures`]).
    pub scores: MiScores,
    /// The same per drill, in [`Drill::ALL`] order, for the drills with answers.
    pub by_drill: Vec<(Drill, MiScores)>,
}

impl RoundSummary {
    /// Goals met as a whole percentage; `None` before any answer.
    pub fn percent(&self) -> Option<u8> {
        (self.goals > 0).then(|| ((100 * self.goals_met + self.goals / 2) / self.goals) as u8)
    }
}

/// Sums up responses from any number of records.
pub fn summarize<'a>(records: impl IntoIterator<Item = &'a RoundRecord>) -> RoundSummary {
    let mut s = RoundSummary {
        items: 0,
        answered: 0,
        skipped: 0,
        goals: 0,
        goals_met: 0,
        scores: summary_scores_for(&[], Applies::NONE),
        by_drill: Vec::new(),
    };
    let mut said: Vec<(Drill, Feedback)> = Vec::new();
    let mut applies = Applies::NONE;
    for r in records {
        applies = applies.union(r.drill.measures());
        for item in &r.items {
            s.items += 1;
            if !item.responses.is_empty() {
                s.answered += 1;
            }
            if item.skipped {
                s.skipped += 1;
            }
            for resp in &item.responses {
                s.goals += 1;
                if resp.goal_met {
                    s.goals_met += 1;
                }
                if resp.part.is_utterance() {
                    said.push((r.drill, resp.feedback.clone()));
                }
            }
        }
    }
    let of = |d: Option<Drill>| -> Vec<Feedback> {
        said.iter()
            .filter(|(x, _)| d.is_none_or(|d| d == *x))
            .map(|(_, f)| f.clone())
            .collect()
    };
    s.scores = summary_scores_for(&of(None), applies);
    s.by_drill = Drill::ALL
        .into_iter()
        .filter(|d| said.iter().any(|(x, _)| x == d))
        .map(|d| (d, summary_scores_for(&of(Some(d)), d.measures())))
        .collect();
    s
}

impl RoundRecord {
    pub fn summary(&self) -> RoundSummary {
        summarize([self])
    }

    /// True when nothing was answered: such a round is not worth keeping.
    pub fn is_empty(&self) -> bool {
        self.items.iter().all(|i| i.responses.is_empty())
    }
}

/// An answer as typed or chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// One text per part of the step (one, or three for Ask-Share-Ask).
    Texts(Vec<String>),
    Choice(SkillChoice),
}

/// Why an answer does not fit its item, beyond its form: a judging "why" in Open it up, a
/// reflection about something the peer did not say, a first ask that neither asks
/// permission nor what they know.
fn judge_fit(part: Part, item: &Item<'_>, text: &str) -> Option<String> {
    let rules = super::fit::shipped()?;
    match (part, item) {
        (Part::Open, _) => rules.judging_why(text),
        (Part::Ask, _) => (!rules.ask_fits(text)).then(|| rules.ask_reason.clone()),
        (Part::Reflection | Part::ComplexReflection, Item::Reflect(r)) => {
            (!rules.reflection_fits(&r.statement, text)).then(|| rules.off_topic_reason.clone())
        }
        _ => None,
    }
}

/// Where a round is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Waiting for the answer to `step` of item `item`.
    Answering {
        item: usize,
        step: usize,
    },
    /// Showing the feedback on what was just answered.
    Feedback {
        item: usize,
        step: usize,
    },
    Done,
}

/// Something that cannot be done right now, in words for the trainee.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoundError {
    #[error("No items match these filters. Choose another stage or level (or \"any\").")]
    NoItems,
    #[error("Write your answer first, then press Enter.")]
    Blank,
    #[error("Write all three steps first: the {0} step is empty.")]
    BlankStep(&'static str),
    #[error(
        "That answer is longer than {MAX_ANSWER_CHARS} characters; keep it to one thing you would say."
    )]
    TooLong,
    #[error("This item was already answered; press Enter to go on.")]
    NotAnswering,
    #[error("This item is no longer in the practice bank.")]
    UnknownItem,
    #[error("That kind of answer does not fit this drill.")]
    WrongKind,
}

/// A round in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    pub record: RoundRecord,
    pub phase: Phase,
}

/// The parts answered together at each step of a drill's item.
pub fn steps(drill: Drill) -> Vec<&'static [Part]> {
    let parts = drill.parts();
    match drill {
        // The three steps are written together, as one plan.
        Drill::AskShareAsk => vec![parts],
        _ => parts.chunks(1).collect(),
    }
}

fn step_name(part: Part) -> &'static str {
    match part {
        Part::Ask => "first ask",
        Part::Share => "share",
        Part::AskAgain => "ask again",
        _ => "answer",
    }
}

impl Round {
    /// Draws a round from the bank. Fails with [`RoundError::NoItems`] when nothing matches.
    pub fn start(
        bank: &Bank,
        config: RoundConfig,
        id: Uuid,
        seed: u64,
        recent: &[String],
        now: Timestamp,
    ) -> Result<Round, RoundError> {
        let ids = config.choose(bank, seed, recent);
        if ids.is_empty() {
            return Err(RoundError::NoItems);
        }
        Ok(Round {
            record: RoundRecord {
                id,
                drill: config.drill,
                stage: config.stage,
                difficulty: config.difficulty,
                seed,
                started_at: now,
                finished_at: None,
                items: ids
                    .into_iter()
                    .map(|item_id| ItemRecord {
                        item_id,
                        skipped: false,
                        responses: Vec::new(),
                    })
                    .collect(),
            },
            phase: Phase::Answering { item: 0, step: 0 },
        })
    }

    pub fn drill(&self) -> Drill {
        self.record.drill
    }

    /// The item being answered or reviewed (none once done).
    pub fn position(&self) -> Option<(usize, usize)> {
        match self.phase {
            Phase::Answering { item, step } | Phase::Feedback { item, step } => Some((item, step)),
            Phase::Done => None,
        }
    }

    pub fn current_item<'b>(&self, bank: &'b Bank) -> Option<Item<'b>> {
        let (item, _) = self.position()?;
        bank.item(&self.record.items.get(item)?.item_id)
    }

    /// The parts of the current step.
    pub fn current_parts(&self) -> &'static [Part] {
        let step = self.position().map(|(_, s)| s).unwrap_or(0);
        steps(self.drill()).get(step).copied().unwrap_or(&[])
    }

    /// The responses given at the current step (shown as feedback).
    pub fn current_responses(&self) -> Vec<&Response> {
        let Some((item, _)) = self.position() else {
            return Vec::new();
        };
        let parts = self.current_parts();
        self.record
            .items
            .get(item)
            .map(|i| {
                i.responses
                    .iter()
                    .filter(|r| parts.contains(&r.part))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Checks and classifies an answer and moves to its feedback.
    pub fn submit(&mut self, bank: &Bank, answer: Answer) -> Result<(), RoundError> {
        let Phase::Answering { item, step } = self.phase else {
            return Err(RoundError::NotAnswering);
        };
        let parts = self.current_parts();
        let bank_item = self.current_item(bank).ok_or(RoundError::UnknownItem)?;
        let responses = match (answer, bank_item) {
            (Answer::Choice(choice), Item::NameSkill(ns)) => {
                vec![Response {
                    part: Part::Name,
                    text: choice.id().to_string(),
                    feedback: utterance::classify_in_context(&ns.line, bank_item.peer_line()),
                    goal_met: choice == ns.answer,
                    expected: Some(ns.answer),
                }]
            }
            (Answer::Texts(texts), item) if !matches!(item, Item::NameSkill(_)) => {
                if texts.len() != parts.len() {
                    return Err(RoundError::WrongKind);
                }
                for (text, part) in texts.iter().zip(parts) {
                    if text.trim().is_empty() {
                        return Err(if parts.len() > 1 {
                            RoundError::BlankStep(step_name(*part))
                        } else {
                            RoundError::Blank
                        });
                    }
                    if text.chars().count() > MAX_ANSWER_CHARS {
                        return Err(RoundError::TooLong);
                    }
                }
                texts
                    .into_iter()
                    .zip(parts)
                    .map(|(text, part)| {
                        let text = text.trim().to_string();
                        let mut feedback = utterance::classify_in_context(&text, item.peer_line());
                        let mut goal_met = part.met_by(&feedback);
                        if let Some(why) = judge_fit(*part, &item, &text) {
                            goal_met = false;
                            feedback.reasons.push(why);
                        }
                        Response {
                            part: *part,
                            goal_met,
                            text,
                            feedback,
                            expected: None,
                        }
                    })
                    .collect()
            }
            _ => return Err(RoundError::WrongKind),
        };
        if let Some(rec) = self.record.items.get_mut(item) {
            rec.responses.extend(responses);
        }
        self.phase = Phase::Feedback { item, step };
        Ok(())
    }

    /// From feedback to the next step, the next item, or the end.
    pub fn next(&mut self, now: Timestamp) {
        let Phase::Feedback { item, step } = self.phase else {
            return;
        };
        let more_steps = step + 1 < steps(self.drill()).len() && !self.already_complex(item);
        if more_steps {
            self.phase = Phase::Answering {
                item,
                step: step + 1,
            };
        } else {
            self.advance(item, now);
        }
    }

    /// Leaves the current item unfinished and goes on.
    pub fn skip(&mut self, now: Timestamp) {
        let Phase::Answering { item, .. } = self.phase else {
            return;
        };
        if let Some(rec) = self.record.items.get_mut(item) {
            rec.skipped = true;
        }
        self.advance(item, now);
    }

    fn advance(&mut self, item: usize, now: Timestamp) {
        if item + 1 < self.record.items.len() {
            self.phase = Phase::Answering {
                item: item + 1,
                step: 0,
            };
        } else {
            self.phase = Phase::Done;
            self.record.finished_at = Some(now);
        }
    }

    /// A first reflection that was already complex meets the second step's goal too.
    fn already_complex(&self, item: usize) -> bool {
        self.record.items.get(item).is_some_and(|i| {
            i.responses.iter().any(|r| {
                r.part == Part::Reflection
                    && (r.feedback.label == Label::Summary
                        || r.feedback.reflection_depth == Some(Depth::Complex))
            })
        })
    }

    /// True when the feedback shown is a first reflection that was already complex, so the
    /// second step will be skipped.
    pub fn skips_complex_step(&self) -> bool {
        match self.phase {
            Phase::Feedback { item, step: 0 } => {
                self.drill() == Drill::Reflect && self.already_complex(item)
            }
            _ => false,
        }
    }

    pub fn is_done(&self) -> bool {
        self.phase == Phase::Done
    }

    /// 1-based number of the current item and the total, for "Item 2 of 5".
    pub fn progress(&self) -> (usize, usize) {
        let total = self.record.items.len();
        match self.position() {
            Some((item, _)) => (item + 1, total),
            None => (total, total),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t() -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-03-02T09:30:00-05:00").expect("time")
    }

    fn bank() -> &'static Bank {
        Bank::shipped().expect("bank")
    }

    fn round(drill: Drill, seed: u64) -> Round {
        Round::start(
            bank(),
            RoundConfig::new(drill),
            Uuid::from_u128(1),
            seed,
            &[],
            t(),
        )
        .expect("round")
    }

    fn text(s: &str) -> Answer {
        Answer::Texts(vec![s.to_string()])
    }

    #[test]
    fn the_same_seed_draws_the_same_items() {
        let a = round(Drill::Reflect, 7);
        let b = round(Drill::Reflect, 7);
        let c = round(Drill::Reflect, 8);
        let ids = |r: &Round| {
            r.record
                .items
                .iter()
                .map(|i| i.item_id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&a), ids(&b));
        assert_ne!(ids(&a), ids(&c));
        assert_eq!(a.record.items.len(), DEFAULT_ROUND_SIZE);
        let mut unique = ids(&a);
        unique.dedup();
        assert_eq!(unique.len(), DEFAULT_ROUND_SIZE);
    }

    #[test]
    fn filters_and_recent_items() {
        let mut cfg = RoundConfig::new(Drill::OpenUp);
        cfg.stage = Some(Stage::Connecting);
        cfg.difficulty = Some(Difficulty::Easy);
        let chosen = cfg.choose(bank(), 1, &[]);
        assert!(!chosen.is_empty());
        for id in &chosen {
            let item = bank().item(id).expect("item");
            assert_eq!(item.stage(), Stage::Connecting);
            assert_eq!(item.difficulty(), Difficulty::Easy);
        }
        // Items seen lately come last.
        let all = RoundConfig {
            size: 100,
            ..RoundConfig::new(Drill::OpenUp)
        };
        let first = all.choose(bank(), 3, &[]);
        let recent: Vec<String> = first.iter().take(5).cloned().collect();
        let again = all.choose(bank(), 3, &recent);
        assert_eq!(again.len(), first.len());
        assert!(
            again[..again.len() - 5]
                .iter()
                .all(|id| !recent.contains(id))
        );

        cfg.stage = Some(Stage::Advocating);
        cfg.difficulty = Some(Difficulty::Easy);
        cfg.drill = Drill::OpenUp;
        let none = Round::start(bank(), cfg, Uuid::nil(), 1, &[], t());
        assert_eq!(none, Err(RoundError::NoItems));
    }

    #[test]
    fn open_up_round_from_start_to_done() {
        let mut r = round(Drill::OpenUp, 11);
        assert_eq!(r.phase, Phase::Answering { item: 0, step: 0 });
        assert_eq!(r.submit(bank(), text("   ")), Err(RoundError::Blank));
        r.submit(bank(), text("What has this week been like for you?"))
            .expect("submit");
        assert_eq!(r.phase, Phase::Feedback { item: 0, step: 0 });
        let fb = r.current_responses();
        assert_eq!(fb.len(), 1);
        assert!(fb[0].goal_met);
        assert_eq!(fb[0].feedback.label, Label::OpenQuestion);
        // Submitting again while feedback shows is refused.
        assert_eq!(
            r.submit(bank(), text("Again?")),
            Err(RoundError::NotAnswering)
        );
        r.next(t());
        assert_eq!(r.phase, Phase::Answering { item: 1, step: 0 });
        r.submit(bank(), text("Do you sleep well?"))
            .expect("submit");
        assert!(!r.current_responses()[0].goal_met);
        r.next(t());
        r.skip(t());
        assert!(r.record.items[2].skipped);
        for _ in 3..5 {
            r.submit(bank(), text("How are things at home?"))
                .expect("submit");
            r.next(t());
        }
        assert!(r.is_done());
        assert_eq!(r.record.finished_at, Some(t()));
        let s = r.record.summary();
        assert_eq!((s.items, s.answered, s.skipped), (5, 4, 1));
        assert_eq!((s.goals, s.goals_met), (4, 3));
        assert_eq!(s.percent(), Some(75));
        assert_eq!(s.scores.open_questions, 3);
        assert_eq!(s.scores.closed_questions, 1);
        // A question-only drill never reports a reflection-to-question ratio.
        assert_eq!(s.scores.reflection_to_question.value, None);
        assert_eq!(
            s.scores.reflection_to_question.rating,
            utterance::Rating::NotRated
        );
        assert!(!s.scores.applies.reflection_to_question);
        assert_eq!(s.scores.percent_open_questions.value, Some(75.0));
        assert_eq!(s.by_drill.len(), 1);
        assert_eq!(s.by_drill[0].0, Drill::OpenUp);
        assert_eq!(s.by_drill[0].1, s.scores);
        // Nothing moves once done.
        r.next(t());
        r.skip(t());
        assert!(r.is_done());
    }

    #[test]
    fn reflect_asks_for_a_complex_reflection_unless_the_first_was_complex() {
        let mut r = round(Drill::Reflect, 5);
        r.submit(bank(), text("You're worried about it."))
            .expect("submit");
        assert!(!r.skips_complex_step());
        r.next(t());
        assert_eq!(r.phase, Phase::Answering { item: 0, step: 1 });
        assert_eq!(r.current_parts(), &[Part::ComplexReflection]);
        let said = match r.current_item(bank()) {
            Some(Item::Reflect(i)) => i.statement.clone(),
            other => panic!("expected a reflect item, got {other:?}"),
        };
        // A complex reflection that picks up what the peer said meets the goal.
        let said = said.trim_end_matches(['.', '!', '?']).to_lowercase();
        r.submit(
            bank(),
            text(&format!(
                "Part of you wants things to change, and part of you is afraid of what that \
                 would mean, because {said}."
            )),
        )
        .expect("submit");
        let fb = r.current_responses();
        assert_eq!(fb.len(), 1);
        assert_eq!(fb[0].part, Part::ComplexReflection);
        assert_eq!(fb[0].feedback.reflection_depth, Some(Depth::Complex));
        assert!(fb[0].goal_met, "{:?}", fb[0].feedback.reasons);
        r.next(t());
        assert_eq!(r.phase, Phase::Answering { item: 1, step: 0 });
        // Complex at the first try: the second step is skipped.
        r.submit(
            bank(),
            text("On one hand you want to go, and on the other hand it scares you."),
        )
        .expect("submit");
        assert!(r.skips_complex_step());
        r.next(t());
        assert_eq!(r.phase, Phase::Answering { item: 2, step: 0 });
        assert_eq!(r.record.items[1].responses.len(), 1);
    }

    #[test]
    fn name_the_skill_is_scored_against_the_bank() {
        let mut r = round(Drill::NameSkill, 2);
        let item = match r.current_item(bank()) {
            Some(Item::NameSkill(i)) => i.clone(),
            other => panic!("expected a name-skill item, got {other:?}"),
        };
        assert_eq!(
            r.submit(bank(), text("reflection")),
            Err(RoundError::WrongKind)
        );
        r.submit(bank(), Answer::Choice(item.answer))
            .expect("submit");
        let resp = r.current_responses()[0].clone();
        assert!(resp.goal_met);
        assert_eq!(resp.expected, Some(item.answer));
        assert_eq!(resp.text, item.answer.id());
        r.next(t());
        let wrong = SkillChoice::ALL
            .into_iter()
            .find(|c| {
                Some(*c)
                    != r.current_item(bank()).and_then(|i| match i {
                        Item::NameSkill(n) => Some(n.answer),
                        _ => None,
                    })
            })
            .expect("a wrong choice");
        r.submit(bank(), Answer::Choice(wrong)).expect("submit");
        assert!(!r.current_responses()[0].goal_met);
        // Lines named are not the trainee's words: no MI scores from them.
        assert_eq!(r.record.summary().scores.utterances, 0);
    }

    #[test]
    fn ask_share_ask_takes_three_steps_at_once() {
        let mut r = round(Drill::AskShareAsk, 9);
        assert_eq!(
            r.submit(bank(), text("only one")),
            Err(RoundError::WrongKind)
        );
        let blank = Answer::Texts(vec![
            "Would it help if I shared something?".into(),
            " ".into(),
            "What do you make of that?".into(),
        ]);
        assert_eq!(r.submit(bank(), blank), Err(RoundError::BlankStep("share")));
        r.submit(
            bank(),
            Answer::Texts(vec![
                "Would it help if I shared something other people have found useful?".into(),
                "You should go to the group on Thursday.".into(),
                "Does that make sense?".into(),
            ]),
        )
        .expect("submit");
        let fb = r.current_responses();
        assert_eq!(
            fb.iter().map(|r| (r.part, r.goal_met)).collect::<Vec<_>>(),
            [
                (Part::Ask, true),
                (Part::Share, false),
                (Part::AskAgain, false)
            ]
        );
        assert_eq!(fb[1].feedback.label, Label::Advice);
    }

    #[test]
    fn too_long_answers_are_refused() {
        let mut r = round(Drill::OpenUp, 1);
        let long = "What ".repeat(200);
        assert_eq!(r.submit(bank(), text(&long)), Err(RoundError::TooLong));
        assert_eq!(r.phase, Phase::Answering { item: 0, step: 0 });
    }

    #[test]
    fn records_round_trip_through_json() {
        let mut r = round(Drill::Reflect, 4);
        let said = match r.current_item(bank()) {
            Some(Item::Reflect(i)) => i.statement.trim_end_matches(['.', '!', '?']).to_lowercase(),
            other => panic!("expected a reflect item, got {other:?}"),
        };
        r.submit(bank(), text(&format!("It sounds like {said}.")))
            .expect("submit");
        let json = serde_json::to_string(&r.record).expect("json");
        assert!(json.contains("\"drill\":\"reflect\""));
        assert!(json.contains("\"label\":\"reflection\""));
        assert!(json.contains("\"goal_met\":true"), "{json}");
        let back: RoundRecord = serde_json::from_str(&json).expect("parse");
        assert_eq!(back, r.record);
    }
}
