//! Checklists: the initial meeting, and concluding the relationship.

use serde::{Deserialize, Serialize};

use super::{Body, unique};
use crate::content::text::Text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub intro: String,
    pub items: Vec<ChecklistItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Stable within the checklist, so a session can record which items were covered.
    pub id: String,
    pub title: String,
    /// Why the item matters.
    pub why: String,
    /// One way to say it to a peer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub say_it: Option<String>,
}

impl Body for Checklist {
    fn check(&self, issues: &mut Vec<String>) {
        unique(
            "checklist item id",
            self.items.iter().map(|i| &*i.id),
            issues,
        );
    }

    fn write_text(&self, t: &mut Text) {
        t.para(&self.intro);
        for item in &self.items {
            let mut lines = vec![item.why.clone()];
            if let Some(say) = &item.say_it {
                lines.push(format!("You might say: {say}"));
            }
            t.list(&format!("[ ] {}", item.title), lines);
        }
        if let Some(c) = &self.closing {
            t.para(c);
        }
    }
}
