//! MITI-style summary scores for a set of classified utterances.
//!
//! Thresholds and their sources live in `assets/utterance/thresholds.toml`. Summaries count
//! as complex reflections, as in MITI 4.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::{Depth, Feedback, Label};

pub const THRESHOLDS_TOML: &str = include_str!("../../../assets/utterance/thresholds.toml");

/// How a metric compares with its thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    BelowFair,
    Fair,
    Good,
    /// Nothing to rate: no questions or no reflections at all.
    NotRated,
}

impl Rating {
    pub fn name(self) -> &'static str {
        match self {
            Rating::BelowFair => "below fair",
            Rating::Fair => "fair",
            Rating::Good => "good",
            Rating::NotRated => "not rated",
        }
    }
}

/// One threshold pair with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Threshold {
    pub source: String,
    pub fair: f64,
    pub good: f64,
}

impl Threshold {
    pub fn rate(&self, value: f64) -> Rating {
        if value >= self.good {
            Rating::Good
        } else if value >= self.fair {
            Rating::Fair
        } else {
            Rating::BelowFair
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    pub reflection_to_question: Threshold,
    pub percent_complex_reflections: Threshold,
    pub percent_open_questions: Threshold,
    /// Mean of the Partnership and Empathy global ratings (1-5).
    pub relational: Threshold,
    /// Mean of the Cultivating Change Talk and Softening Sustain Talk global ratings (1-5).
    pub technical: Threshold,
}

impl Thresholds {
    pub fn from_toml(text: &str) -> Result<Thresholds, toml::de::Error> {
        toml::from_str(text)
    }

    /// The shipped thresholds (MITI 4.2.1 and 3.1.1), parsed once.
    pub fn shipped() -> &'static Thresholds {
        static SHIPPED: OnceLock<Thresholds> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            Thresholds::from_toml(THRESHOLDS_TOML).unwrap_or_else(|_| Thresholds {
                // Same numbers as the asset; used only if the embedded file were broken,
                // which the tests rule out.
                reflection_to_question: Threshold {
                    source: "MITI 4.2.1".into(),
                    fair: 1.0,
                    good: 2.0,
                },
                percent_complex_reflections: Threshold {
                    source: "MITI 4.2.1".into(),
                    fair: 40.0,
                    good: 50.0,
                },
                percent_open_questions: Threshold {
                    source: "MITI 3.1.1".into(),
                    fair: 50.0,
                    good: 70.0,
                },
                relational: Threshold {
                    source: "MITI 4.2.1".into(),
                    fair: 3.5,
                    good: 4.0,
                },
                technical: Threshold {
                    source: "MITI 4.2.1".into(),
                    fair: 3.0,
                    good: 4.0,
                },
            })
        })
    }
}

/// One summary metric.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    /// `None` when the denominator is zero.
    pub value: Option<f64>,
    pub rating: Rating,
    pub fair: f64,
    pub good: f64,
    pub source: String,
}

impl Metric {
    fn rated(value: Option<f64>, threshold: &Threshold) -> Metric {
        Metric {
            value,
            rating: value.map(|v| threshold.rate(v)).unwrap_or(Rating::NotRated),
            fair: threshold.fair,
            good: threshold.good,
            source: threshold.source.clone(),
        }
    }
}

/// Which summary scores a set of utterances can speak to. A drill that only asks for
/// questions says nothing about reflections: its reflection-to-question ratio would be
/// an artefact of the drill, so it is not reported at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applies {
    pub reflection_to_question: bool,
    pub open_questions: bool,
    pub complex_reflections: bool,
}

impl Applies {
    /// A conversation: every score applies.
    pub const ALL: Applies = Applies {
        reflection_to_question: true,
        open_questions: true,
        complex_reflections: true,
    };
    pub const NONE: Applies = Applies {
        reflection_to_question: false,
        open_questions: false,
        complex_reflections: false,
    };

    /// The scores that apply to either set.
    pub fn union(self, other: Applies) -> Applies {
        Applies {
            reflection_to_question: self.reflection_to_question || other.reflection_to_question,
            open_questions: self.open_questions || other.open_questions,
            complex_reflections: self.complex_reflections || other.complex_reflections,
        }
    }

    fn all() -> Applies {
        Applies::ALL
    }
}

/// Counts and MITI-style summary scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MiScores {
    /// The scores that mean something for these utterances; the others are not rated and
    /// have no value.
    #[serde(default = "Applies::all")]
    pub applies: Applies,
    pub utterances: usize,
    pub open_questions: usize,
    pub closed_questions: usize,
    /// Reflections and summaries.
    pub reflections: usize,
    /// Complex reflections and summaries.
    pub complex_reflections: usize,
    pub affirmations: usize,
    pub information: usize,
    pub advice: usize,
    pub other: usize,
    /// Reflections per question. With no questions and at least one reflection the value is
    /// `None` and the rating good (more reflections than questions can get); with neither,
    /// not rated.
    pub reflection_to_question: Metric,
    /// Open questions as a percentage of all questions.
    pub percent_open_questions: Metric,
    /// Complex reflections as a percentage of all reflections.
    pub percent_complex_reflections: Metric,
}

/// Summary scores with the shipped thresholds.
pub fn summary_scores(feedback: &[Feedback]) -> MiScores {
    summary_scores_with(feedback, Thresholds::shipped())
}

fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| 100.0 * part as f64 / whole as f64)
}

/// Summary scores of a set that only some scores apply to (see [`Applies`]).
pub fn summary_scores_for(feedback: &[Feedback], applies: Applies) -> MiScores {
    let mut s = summary_scores(feedback);
    let drop = |m: &mut Metric| {
        m.value = None;
        m.rating = Rating::NotRated;
    };
    if !applies.reflection_to_question {
        drop(&mut s.reflection_to_question);
    }
    if !applies.open_questions {
        drop(&mut s.percent_open_questions);
    }
    if !applies.complex_reflections {
        drop(&mut s.percent_complex_reflections);
    }
    s.applies = applies;
    s
}

/// Summary scores with given thresholds.
pub fn summary_scores_with(feedback: &[Feedback], t: &Thresholds) -> MiScores {
    let count = |l: Label| feedback.iter().filter(|f| f.label == l).count();
    let open = count(Label::OpenQuestion);
    let closed = count(Label::ClosedQuestion);
    let summaries = count(Label::Summary);
    let reflections = count(Label::Reflection) + summaries;
    let complex = feedback
        .iter()
        .filter(|f| f.label == Label::Reflection && f.reflection_depth == Some(Depth::Complex))
        .count()
        + summaries;
    let questions = open + closed;
    let rq = if questions > 0 {
        Metric::rated(
            Some(reflections as f64 / questions as f64),
            &t.reflection_to_question,
        )
    } else {
        let mut m = Metric::rated(None, &t.reflection_to_question);
        if reflections > 0 {
            m.rating = Rating::Good;
        }
        m
    };
    MiScores {
        applies: Applies::ALL,
        utterances: feedback.len(),
        open_questions: open,
        closed_questions: closed,
        reflections,
        complex_reflections: complex,
        affirmations: count(Label::Affirmation),
        information: count(Label::Information),
        advice: count(Label::Advice),
        other: count(Label::Other),
        reflection_to_question: rq,
        percent_open_questions: Metric::rated(percent(open, questions), &t.percent_open_questions),
        percent_complex_reflections: Metric::rated(
            percent(complex, reflections),
            &t.percent_complex_reflections,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fb(label: Label, depth: Option<Depth>) -> Feedback {
        Feedback::new(label, depth, Vec::new(), 1.0)
    }

    #[test]
    fn shipped_thresholds_parse_and_cite_sources() {
        let t = Thresholds::from_toml(THRESHOLDS_TOML).expect("thresholds parse");
        assert_eq!(t.reflection_to_question.fair, 1.0);
        assert_eq!(t.reflection_to_question.good, 2.0);
        assert_eq!(t.percent_complex_reflections.fair, 40.0);
        assert_eq!(t.percent_complex_reflections.good, 50.0);
        assert_eq!(t.percent_open_questions.fair, 50.0);
        assert_eq!(t.percent_open_questions.good, 70.0);
        assert!(t.reflection_to_question.source.contains("MITI 4.2.1"));
        assert!(t.percent_open_questions.source.contains("MITI 3.1.1"));
        assert_eq!((t.relational.fair, t.relational.good), (3.5, 4.0));
        assert_eq!((t.technical.fair, t.technical.good), (3.0, 4.0));
        assert!(t.relational.source.contains("MITI 4.2.1"));
        assert!(t.technical.source.contains("MITI 4.2.1"));
        assert!(THRESHOLDS_TOML.contains("Moyers"));
    }

    #[test]
    fn empty_set_is_not_rated() {
        let s = summary_scores(&[]);
        assert_eq!(s.utterances, 0);
        assert_eq!(s.reflection_to_question.rating, Rating::NotRated);
        assert_eq!(s.reflection_to_question.value, None);
        assert_eq!(s.percent_open_questions.rating, Rating::NotRated);
        assert_eq!(s.percent_complex_reflections.rating, Rating::NotRated);
    }

    #[test]
    fn reflections_without_questions_rate_good() {
        let s = summary_scores(&[fb(Label::Reflection, Some(Depth::Simple))]);
        assert_eq!(s.reflection_to_question.value, None);
        assert_eq!(s.reflection_to_question.rating, Rating::Good);
        assert_eq!(s.percent_open_questions.rating, Rating::NotRated);
        assert_eq!(s.percent_complex_reflections.value, Some(0.0));
        assert_eq!(s.percent_complex_reflections.rating, Rating::BelowFair);
    }

    #[test]
    fn ratios_and_ratings() {
        let set = vec![
            fb(Label::OpenQuestion, None),
            fb(Label::ClosedQuestion, None),
            fb(Label::Reflection, Some(Depth::Complex)),
            fb(Label::Reflection, Some(Depth::Simple)),
            fb(Label::Summary, None),
            fb(Label::Reflection, Some(Depth::Simple)),
            fb(Label::Advice, None),
        ];
        let s = summary_scores(&set);
        assert_eq!(s.reflections, 4);
        assert_eq!(s.complex_reflections, 2);
        assert_eq!(s.reflection_to_question.value, Some(2.0));
        assert_eq!(s.reflection_to_question.rating, Rating::Good);
        assert_eq!(s.percent_open_questions.value, Some(50.0));
        assert_eq!(s.percent_open_questions.rating, Rating::Fair);
        assert_eq!(s.percent_complex_reflections.value, Some(50.0));
        assert_eq!(s.percent_complex_reflections.rating, Rating::Good);
        assert_eq!(s.advice, 1);
    }

    #[test]
    fn below_fair() {
        let set = vec![
            fb(Label::ClosedQuestion, None),
            fb(Label::ClosedQuestion, None),
            fb(Label::OpenQuestion, None),
            fb(Label::Reflection, Some(Depth::Simple)),
            fb(Label::Reflection, Some(Depth::Simple)),
            fb(Label::Reflection, Some(Depth::Complex)),
        ];
        let s = summary_scores(&set);
        assert_eq!(s.reflection_to_question.rating, Rating::Fair);
        assert_eq!(s.percent_open_questions.rating, Rating::BelowFair);
        assert_eq!(s.percent_complex_reflections.rating, Rating::BelowFair);
    }

    #[test]
    fn scores_that_do_not_apply_are_neither_valued_nor_rated() {
        let set = vec![
            fb(Label::OpenQuestion, None),
            fb(Label::ClosedQuestion, None),
            fb(Label::Reflection, Some(Depth::Simple)),
        ];
        let only_questions = Applies {
            open_questions: true,
            ..Applies::NONE
        };
        let s = summary_scores_for(&set, only_questions);
        assert_eq!(s.applies, only_questions);
        assert_eq!(s.reflection_to_question.value, None);
        assert_eq!(s.reflection_to_question.rating, Rating::NotRated);
        assert_eq!(s.percent_complex_reflections.rating, Rating::NotRated);
        assert_eq!(s.percent_open_questions.value, Some(50.0));
        assert_eq!(s.reflections, 1, "counts stay");
        let all = summary_scores_for(&set, Applies::ALL);
        assert_eq!(all, summary_scores(&set));
        let old = serde_json::to_string(&summary_scores(&set)).expect("json");
        let old = old.replace(r#""applies":{"reflection_to_question":true,"open_questions":true,"complex_reflections":true},"#, "");
        let back: MiScores = serde_json::from_str(&old).expect("older json without applies");
        assert_eq!(back.applies, Applies::ALL);
    }

    #[test]
    fn serialises_snake_case() {
        let s = summary_scores(&[fb(Label::OpenQuestion, None)]);
        let json = serde_json::to_string(&s).expect("json");
        assert!(json.contains("\"not_rated\""));
        assert!(json.contains("\"good\""));
    }
}
