//! OARS: open questions, affirmations, reflections and summaries, with starters per stage.

use serde::{Deserialize, Serialize};

use super::Body;
use crate::content::common::{Explained, PerStage};
use crate::content::text::Text;
use crate::domain::Stage;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Oars {
    pub intro: String,
    /// What each skill (and each kind of reflection and summary) is, briefly.
    pub skills: Vec<Explained>,
    pub stages: PerStage<OarsSet>,
}

impl Oars {
    pub fn for_stage(&self, stage: Stage) -> &OarsSet {
        self.stages.get(stage)
    }
}

/// The prompts for one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OarsSet {
    pub open_questions: Vec<String>,
    pub affirmations: Vec<String>,
    pub reflections: ReflectionStarters,
    pub summaries: SummaryStarters,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReflectionStarters {
    /// Stays close to the peer's words.
    pub simple: Vec<String>,
    /// Names the feeling under the words.
    pub feeling: Vec<String>,
    /// Names what it means to the peer, or what matters underneath.
    pub meaning: Vec<String>,
    /// Holds both sides of mixed feelings, joined with "and".
    pub double_sided: Vec<String>,
    /// Says the peer's view a little more strongly than they did, without sarcasm.
    pub amplified: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryStarters {
    /// Gathers several things the peer said.
    pub collecting: Vec<String>,
    /// Connects what the peer says now with something said earlier.
    pub linking: Vec<String>,
    /// Wraps up and moves to something new.
    pub transitional: Vec<String>,
}

/// The ten kinds of prompt in an [`OarsSet`], in the order to show them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OarsCategory {
    OpenQuestions,
    Affirmations,
    SimpleReflections,
    FeelingReflections,
    MeaningReflections,
    DoubleSidedReflections,
    AmplifiedReflections,
    CollectingSummaries,
    LinkingSummaries,
    TransitionalSummaries,
}

impl OarsCategory {
    pub const ALL: [OarsCategory; 10] = [
        OarsCategory::OpenQuestions,
        OarsCategory::Affirmations,
        OarsCategory::SimpleReflections,
        OarsCategory::FeelingReflections,
        OarsCategory::MeaningReflections,
        OarsCategory::DoubleSidedReflections,
        OarsCategory::AmplifiedReflections,
        OarsCategory::CollectingSummaries,
        OarsCategory::LinkingSummaries,
        OarsCategory::TransitionalSummaries,
    ];

    pub fn label(self) -> &'static str {
        match self {
            OarsCategory::OpenQuestions => "Open questions",
            OarsCategory::Affirmations => "Affirmations",
            OarsCategory::SimpleReflections => "Simple reflections",
            OarsCategory::FeelingReflections => "Reflecting feeling",
            OarsCategory::MeaningReflections => "Reflecting meaning",
            OarsCategory::DoubleSidedReflections => "Double-sided reflections",
            OarsCategory::AmplifiedReflections => "Amplified reflections",
            OarsCategory::CollectingSummaries => "Collecting summaries",
            OarsCategory::LinkingSummaries => "Linking summaries",
            OarsCategory::TransitionalSummaries => "Transitional summaries",
        }
    }

    /// The OARS letter the category belongs to.
    pub fn letter(self) -> char {
        match self {
            OarsCategory::OpenQuestions => 'O',
            OarsCategory::Affirmations => 'A',
            OarsCategory::SimpleReflections
            | OarsCategory::FeelingReflections
            | OarsCategory::MeaningReflections
            | OarsCategory::DoubleSidedReflections
            | OarsCategory::AmplifiedReflections => 'R',
            OarsCategory::CollectingSummaries
            | OarsCategory::LinkingSummaries
            | OarsCategory::TransitionalSummaries => 'S',
        }
    }
}

impl OarsSet {
    pub fn prompts(&self, category: OarsCategory) -> &[String] {
        match category {
            OarsCategory::OpenQuestions => &self.open_questions,
            OarsCategory::Affirmations => &self.affirmations,
            OarsCategory::SimpleReflections => &self.reflections.simple,
            OarsCategory::FeelingReflections => &self.reflections.feeling,
            OarsCategory::MeaningReflections => &self.reflections.meaning,
            OarsCategory::DoubleSidedReflections => &self.reflections.double_sided,
            OarsCategory::AmplifiedReflections => &self.reflections.amplified,
            OarsCategory::CollectingSummaries => &self.summaries.collecting,
            OarsCategory::LinkingSummaries => &self.summaries.linking,
            OarsCategory::TransitionalSummaries => &self.summaries.transitional,
        }
    }

    /// Every category with its prompts, in display order.
    pub fn categories(&self) -> impl Iterator<Item = (OarsCategory, &[String])> {
        OarsCategory::ALL.into_iter().map(|c| (c, self.prompts(c)))
    }

    pub(crate) fn write_text(&self, t: &mut Text) {
        for (category, prompts) in self.categories() {
            t.list(category.label(), prompts);
        }
    }
}

impl Body for Oars {
    fn write_text(&self, t: &mut Text) {
        t.para(&self.intro);
        t.pairs(
            "The skills",
            self.skills.iter().map(|s| (&*s.name, &*s.text)),
        );
        for (stage, set) in self.stages.iter() {
            t.para(&format!("{}:", stage.label()));
            set.write_text(t);
        }
    }
}
