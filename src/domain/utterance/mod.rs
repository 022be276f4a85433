//! Utterance feedback: a fast, explainable, rule-based classifier for one thing a peer
//! specialist might say, coded the way motivational interviewing (MI) coders code it.
//!
//! `classify("It sounds like you're worried about the rent")` gives a label (`reflection`),
//! a depth for reflections (`simple` / `complex`) and short reasons a trainee can learn from.
//! All word lists, weights and reason texts live in `assets/utterance/rules.toml`; this code
//! only knows how to weigh them. [`summary_scores`] turns a set of results into MITI-style
//! summary scores (see `assets/utterance/thresholds.toml`).
//!
//! # Coding rules
//!
//! * **One label per turn: its main behaviour.** Every sentence that does something votes
//!   with its length, scaled by how clear its evidence is and by its role: a short trailing
//!   check question weighs little ("We suggest no more than two drinks a day; above that,
//!   blood pressure climbs. What do you make of that?" is information), questions in a row
//!   vote together and one open question makes them open. The learned model then weighs the
//!   whole turn (see `turn.rs`), and the reasons say when a turn mixed behaviours.
//! * **Summaries** gather several things said: a summary cue ("so far", "let me see if I have
//!   this", "you've mentioned") with enough material, or three or more reflective sentences.
//!   A summary may end with a short check ("Did I miss anything?") and stays a summary.
//! * **Questions** are found by form, not only by "?": wh-words ("what brings you here
//!   today"), auxiliary + subject ("do you", "is it"), invitations ("tell me", "help me
//!   understand"), and later clauses ("I'm curious, what made you call").
//!   "How many / how long / when / where / which / who" ask for a fact: closed.
//! * **Rising restatements.** A restatement that opens reflectively ("so you...", "sounds
//!   like...", "you're saying...") stays a reflection even with a "?" ("So the drinking helps
//!   you unwind after a shift?"), because coders keep it as one; a bare statement turned into a
//!   question ("You're moving next month?") and tag questions ("..., right?") are closed
//!   questions, and the reason tells the trainee to let their voice go down.
//! * **Permission** ("Would it be OK if I shared...") is a closed question, noted as the
//!   first step of Ask-Share-Ask. **Advice as a question** ("Have you thought about calling
//!   her?", "Why don't you...") is advice.
//! * **Reflections** are statements about the person's experience: reflective stems
//!   ("it sounds like", "so you", "you feel", "part of you") or a "you ..." statement with no
//!   stronger cue. A reflection is **complex** when its depth evidence (double-sided,
//!   metaphor, amplified, added meaning, a named feeling, continuing the paragraph with "and",
//!   length, several reflective sentences) reaches the threshold in the asset.
//! * **The peer's line.** With [`classify_in_context`] the learned model also sees what the
//!   answer takes from the peer's line before it (see `context.rs`): the peer's own words or
//!   image handed back is a simple reflection, a feeling or meaning they did not say is
//!   complex. Without a line the result is what [`classify`] gives.
//! * **Affirmation** names a strength or effort; **information** shares facts or the
//!   specialist's own experience (self-disclosure); **advice** tells what to do ("you
//!   should", "try", commands); everything else (greetings, backchannels, structuring,
//!   autonomy statements, permission offers) is **other**.

pub mod context;
mod engine;
mod evidence;
pub mod features;
pub mod model;
pub mod rules;
pub mod scores;
pub mod text;
pub mod train;
mod turn;
mod verdict;
pub mod vocab;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub use model::{Model, ModelError};
pub use rules::{Rules, RulesError};
pub use scores::{
    Applies, Metric, MiScores, Rating, Thresholds, summary_scores, summary_scores_for,
};

/// What an utterance does, in MI terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    OpenQuestion,
    ClosedQuestion,
    Reflection,
    Affirmation,
    Summary,
    Information,
    Advice,
    Other,
}

impl Label {
    pub const ALL: [Label; 8] = [
        Label::OpenQuestion,
        Label::ClosedQuestion,
        Label::Reflection,
        Label::Affirmation,
        Label::Summary,
        Label::Information,
        Label::Advice,
        Label::Other,
    ];

    /// The stable identifier used in JSON and data files.
    pub fn id(self) -> &'static str {
        match self {
            Label::OpenQuestion => "open_question",
            Label::ClosedQuestion => "closed_question",
            Label::Reflection => "reflection",
            Label::Affirmation => "affirmation",
            Label::Summary => "summary",
            Label::Information => "information",
            Label::Advice => "advice",
            Label::Other => "other",
        }
    }

    pub fn from_id(id: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.id() == id)
    }

    /// A label for people: "open question".
    pub fn name(self) -> &'static str {
        match self {
            Label::OpenQuestion => "open question",
            Label::ClosedQuestion => "closed question",
            Label::Reflection => "reflection",
            Label::Affirmation => "affirmation",
            Label::Summary => "summary",
            Label::Information => "information",
            Label::Advice => "advice",
            Label::Other => "other",
        }
    }

    pub fn is_question(self) -> bool {
        matches!(self, Label::OpenQuestion | Label::ClosedQuestion)
    }

    /// The four-way grouping used to compare with coarse MI annotations: questions,
    /// reflections (summaries are collections of reflections; MITI 4 codes them as complex
    /// reflections), input (information and advice), and other (affirmations join other,
    /// as in annotation schemes that have no separate affirmation code).
    pub fn group(self) -> Group {
        match self {
            Label::OpenQuestion | Label::ClosedQuestion => Group::Question,
            Label::Reflection | Label::Summary => Group::Reflection,
            Label::Information | Label::Advice => Group::Input,
            Label::Affirmation | Label::Other => Group::Other,
        }
    }
}

/// Coarse grouping of labels; see [`Label::group`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Question,
    Reflection,
    Input,
    Other,
}

/// How far a reflection goes beyond what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Depth {
    Simple,
    Complex,
}

impl Depth {
    pub fn id(self) -> &'static str {
        match self {
            Depth::Simple => "simple",
            Depth::Complex => "complex",
        }
    }

    pub fn from_id(id: &str) -> Option<Depth> {
        match id {
            "simple" => Some(Depth::Simple),
            "complex" => Some(Depth::Complex),
            _ => None,
        }
    }
}

/// The result for one utterance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    pub label: Label,
    /// Only for reflections; `null` otherwise.
    pub reflection_depth: Option<Depth>,
    /// Short, stable explanations taken from the rule asset.
    pub reasons: Vec<String>,
    /// A rough 0.3-0.99 indication of how clear the evidence was.
    pub confidence: f32,
}

impl Feedback {
    pub fn new(
        label: Label,
        reflection_depth: Option<Depth>,
        reasons: Vec<String>,
        confidence: f32,
    ) -> Feedback {
        let reflection_depth = if label == Label::Reflection {
            reflection_depth
        } else {
            None
        };
        Feedback {
            label,
            reflection_depth,
            reasons,
            confidence,
        }
    }
}

/// A classifier built from rule assets and the learned model. Build once and reuse;
/// [`classify`] uses a shared one.
#[derive(Debug, Clone)]
pub struct Classifier {
    rules: Rules,
    /// `None`: rules alone (used to train the model, and as a fallback).
    model: Option<Model>,
}

impl Classifier {
    /// The classifier with the rules shipped in `assets/utterance/rules.toml` and the model
    /// in `assets/utterance/model.bin`.
    pub fn shipped() -> Result<Classifier, RulesError> {
        let mut c = Classifier::from_toml(rules::RULES_TOML)?;
        c.model = Some(
            Model::from_bytes(model::MODEL_BIN).map_err(|e| RulesError::Invalid(e.to_string()))?,
        );
        Ok(c)
    }

    /// Rules alone, from rule text in the same format as the shipped asset.
    pub fn from_toml(text: &str) -> Result<Classifier, RulesError> {
        Ok(Classifier {
            rules: Rules::from_toml(text)?,
            model: None,
        })
    }

    /// The same rules with another model (or none).
    pub fn with_model(mut self, model: Option<Model>) -> Classifier {
        self.model = model;
        self
    }

    pub fn classify(&self, text: &str) -> Feedback {
        turn::classify_turn(&self.rules, self.model.as_ref(), text, None)
    }

    /// Classifies a turn knowing what the peer said just before (`None`: the same as
    /// [`Classifier::classify`]). The peer's line helps tell a restatement from new
    /// information and the peer's own image handed back (simple) from a new one (complex).
    pub fn classify_in_context(&self, text: &str, peer_line: Option<&str>) -> Feedback {
        turn::classify_turn(&self.rules, self.model.as_ref(), text, peer_line)
    }

    /// What the rules alone make of a turn.
    pub fn classify_by_rules(&self, text: &str) -> Feedback {
        engine::rule_turn(&self.rules, text).feedback
    }

    /// The model's features for a turn (for training).
    pub fn features(&self, text: &str) -> Vec<features::Feature> {
        turn::turn_features(&self.rules, text, None).1
    }

    /// The model's features for a turn after the peer's line `peer_line` (for training).
    pub fn features_in_context(
        &self,
        text: &str,
        peer_line: Option<&str>,
    ) -> Vec<features::Feature> {
        turn::turn_features(&self.rules, text, peer_line).1
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }
}

static SHIPPED: OnceLock<Option<Classifier>> = OnceLock::new();

/// The shared classifier with the shipped rules, compiled on first use.
pub fn shipped_classifier() -> Option<&'static Classifier> {
    SHIPPED.get_or_init(|| Classifier::shipped().ok()).as_ref()
}

/// Classifies one utterance with the shipped rules.
pub fn classify(text: &str) -> Feedback {
    classify_in_context(text, None)
}

/// Classifies one utterance with the shipped rules, knowing the peer's line before it when
/// there is one (a drill's prompt statement).
pub fn classify_in_context(text: &str, peer_line: Option<&str>) -> Feedback {
    match shipped_classifier() {
        Some(c) => c.classify_in_context(text, peer_line),
        // The shipped asset is checked by tests; this only guards against a broken build.
        None => Feedback::new(
            Label::Other,
            None,
            vec!["utterance rules failed to load".to_string()],
            0.3,
        ),
    }
}

#[cfg(test)]
mod tests;
