//! Checklists with a note per item: the initial meeting, concluding the relationship, and
//! the checkable parts of planning (readiness signals noticed, pathways considered).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckItem {
    /// The content's stable id for the item (or a made-up one for an item added by hand).
    pub id: String,
    /// The item as it was shown.
    pub title: String,
    #[serde(default)]
    pub done: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl CheckItem {
    pub fn new(id: &str, title: &str) -> CheckItem {
        CheckItem {
            id: id.to_string(),
            title: title.to_string(),
            done: false,
            note: String::new(),
        }
    }

    /// Ticked or written about.
    pub fn is_used(&self) -> bool {
        self.done || !self.note.trim().is_empty()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistSheet {
    pub items: Vec<CheckItem>,
}

impl ChecklistSheet {
    pub fn is_empty(&self) -> bool {
        !self.items.iter().any(CheckItem::is_used)
    }

    pub fn done_count(&self) -> usize {
        self.items.iter().filter(|i| i.done).count()
    }
}

/// The items of `current` (id and title, in the content's order) with what `saved` says
/// about them. Saved items the content no longer has are kept at the end, so nothing
/// written is ever dropped; their saved titles are kept too.
pub fn merge_checks(current: &[(&str, &str)], saved: &[CheckItem]) -> Vec<CheckItem> {
    let mut out: Vec<CheckItem> = current
        .iter()
        .map(|(id, title)| match saved.iter().find(|s| s.id == *id) {
            Some(s) => CheckItem {
                title: title.to_string(),
                ..s.clone()
            },
            None => CheckItem::new(id, title),
        })
        .collect();
    for s in saved {
        if !current.iter().any(|(id, _)| *id == s.id) && s.is_used() {
            out.push(s.clone());
        }
    }
    out
}
