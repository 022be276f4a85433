//! Difficult moments: preparing a response to anger, and a gentle refusal in three steps.

use serde::{Deserialize, Serialize};

use super::Body;
use crate::content::text::Text;

/// A worksheet of titled sections, each with a question and hints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Worksheet {
    pub intro: String,
    pub sections: Vec<WorksheetSection>,
    pub reminders: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorksheetSection {
    pub title: String,
    pub prompt: String,
    pub hints: Vec<String>,
}

impl Body for Worksheet {
    fn write_text(&self, t: &mut Text) {
        t.para(&self.intro);
        for (n, s) in self.sections.iter().enumerate() {
            t.list(&format!("{}. {}: {}", n + 1, s.title, s.prompt), &s.hints);
        }
        t.list("Keep in mind", &self.reminders);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GentleRefusal {
    pub intro: String,
    /// Acknowledge, state the limit kindly, offer what you can.
    pub steps: Vec<RefusalStep>,
    pub examples: Vec<RefusalExample>,
    pub reminders: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefusalStep {
    pub name: String,
    pub guidance: String,
    pub phrasings: Vec<String>,
}

/// A request a peer might make, answered in the three steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefusalExample {
    pub request: String,
    pub acknowledge: String,
    pub limit: String,
    pub offer: String,
}

impl Body for GentleRefusal {
    fn check(&self, issues: &mut Vec<String>) {
        if self.steps.len() != 3 {
            issues.push(format!(
                "a gentle refusal has three steps, found {}",
                self.steps.len()
            ));
        }
    }

    fn write_text(&self, t: &mut Text) {
        t.para(&self.intro);
        for (n, s) in self.steps.iter().enumerate() {
            t.list(
                &format!("{}. {}: {}", n + 1, s.name, s.guidance),
                &s.phrasings,
            );
        }
        t.para("Examples:");
        for e in &self.examples {
            t.list(
                &format!("Request: {}", e.request),
                [
                    format!("Acknowledge: {}", e.acknowledge),
                    format!("Limit: {}", e.limit),
                    format!("Offer: {}", e.offer),
                ],
            );
        }
        t.list("Keep in mind", &self.reminders);
    }
}
