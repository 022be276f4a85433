//! Exploring values: a card-sort style list and prompts for a top five.

use serde::{Deserialize, Serialize};

use super::{Body, unique};
use crate::content::text::Text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExploringValues {
    pub intro: String,
    pub values: Vec<ValueItem>,
    /// For choosing and ordering a top five.
    pub ranking_prompts: Vec<String>,
    /// For how each chosen value shows up in daily life now.
    pub living_prompts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueItem {
    pub name: String,
    pub meaning: String,
}

impl Body for ExploringValues {
    fn check(&self, issues: &mut Vec<String>) {
        unique(
            "value",
            self.values.iter().map(|v| v.name.to_lowercase()),
            issues,
        );
    }

    fn write_text(&self, t: &mut Text) {
        t.para(&self.intro);
        t.pairs(
            "Values",
            self.values.iter().map(|v| (&*v.name, &*v.meaning)),
        );
        t.list("Choosing a top five", &self.ranking_prompts);
        t.list("How each one shows up now", &self.living_prompts);
    }
}
