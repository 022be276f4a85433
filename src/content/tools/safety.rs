//! The safety plan: seven sections, always in the same order.

use serde::{Deserialize, Serialize};

use super::{Body, in_order};
use crate::content::text::Text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyPlan {
    pub intro: String,
    /// Exactly one section per [`SafetyStep`], in [`SafetyStep::ALL`] order.
    pub sections: Vec<SafetySection>,
    pub reminders: Vec<String>,
}

impl SafetyPlan {
    pub fn section(&self, step: SafetyStep) -> Option<&SafetySection> {
        self.sections.iter().find(|s| s.step == step)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SafetyStep {
    WarningSigns,
    InternalCoping,
    SocialDistraction,
    PeopleToAsk,
    Professionals,
    SafeEnvironment,
    ReasonsForLiving,
}

impl SafetyStep {
    pub const ALL: [SafetyStep; 7] = [
        SafetyStep::WarningSigns,
        SafetyStep::InternalCoping,
        SafetyStep::SocialDistraction,
        SafetyStep::PeopleToAsk,
        SafetyStep::Professionals,
        SafetyStep::SafeEnvironment,
        SafetyStep::ReasonsForLiving,
    ];

    /// The stable identifier used in asset files and saved plans.
    pub fn id(self) -> &'static str {
        match self {
            SafetyStep::WarningSigns => "warning_signs",
            SafetyStep::InternalCoping => "internal_coping",
            SafetyStep::SocialDistraction => "social_distraction",
            SafetyStep::PeopleToAsk => "people_to_ask",
            SafetyStep::Professionals => "professionals",
            SafetyStep::SafeEnvironment => "safe_environment",
            SafetyStep::ReasonsForLiving => "reasons_for_living",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetySection {
    pub step: SafetyStep,
    pub title: String,
    pub prompt: String,
    pub hints: Vec<String>,
}

impl Body for SafetyPlan {
    fn check(&self, issues: &mut Vec<String>) {
        in_order(
            "safety plan section",
            &SafetyStep::ALL,
            self.sections.iter().map(|s| s.step),
            issues,
        );
    }

    fn write_text(&self, t: &mut Text) {
        t.para(&self.intro);
        for (n, s) in self.sections.iter().enumerate() {
            t.list(&format!("{}. {}: {}", n + 1, s.title, s.prompt), &s.hints);
        }
        t.list("Keep in mind", &self.reminders);
    }
}
