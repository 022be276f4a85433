//! Ask-Share-Ask: offering information, a resource, or part of one's story with permission.

use serde::{Deserialize, Serialize};

use super::{Body, once_each};
use crate::content::common::Explained;
use crate::content::text::Text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AskShareAsk {
    pub intro: String,
    /// The three steps in general terms: ask, share, ask.
    pub steps: Vec<Explained>,
    /// The same three steps worked through for each purpose.
    pub uses: Vec<AsaUse>,
    pub reminders: Vec<String>,
}

impl AskShareAsk {
    pub fn for_purpose(&self, purpose: AsaPurpose) -> Option<&AsaUse> {
        self.uses.iter().find(|u| u.purpose == purpose)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AsaPurpose {
    ProvidingInformation,
    SharingResource,
    SharingRecoveryStory,
}

impl AsaPurpose {
    pub const ALL: [AsaPurpose; 3] = [
        AsaPurpose::ProvidingInformation,
        AsaPurpose::SharingResource,
        AsaPurpose::SharingRecoveryStory,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AsaUse {
    pub purpose: AsaPurpose,
    pub title: String,
    /// When this use fits.
    pub when: String,
    pub ask: AsaStep,
    pub share: AsaStep,
    pub ask_again: AsaStep,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AsaStep {
    pub guidance: String,
    pub examples: Vec<String>,
}

impl Body for AskShareAsk {
    fn check(&self, issues: &mut Vec<String>) {
        if self.steps.len() != 3 {
            issues.push(format!(
                "Ask-Share-Ask has three steps, found {}",
                self.steps.len()
            ));
        }
        once_each(
            "use",
            &AsaPurpose::ALL,
            self.uses.iter().map(|u| u.purpose),
            issues,
        );
    }

    fn write_text(&self, t: &mut Text) {
        t.para(&self.intro);
        t.pairs("The steps", self.steps.iter().map(|s| (&*s.name, &*s.text)));
        for u in &self.uses {
            t.para(&format!("{}. {}", u.title, u.when));
            for (label, step) in [
                ("Ask", &u.ask),
                ("Share", &u.share),
                ("Ask again", &u.ask_again),
            ] {
                t.list(&format!("{label}: {}", step.guidance), &step.examples);
            }
        }
        t.list("Keep in mind", &self.reminders);
    }
}
