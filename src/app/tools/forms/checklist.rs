//! A checklist form: the content's items, ticked, with notes.

use crate::app::tools::parts::CheckList;
use crate::content::tools::Checklist;
use crate::domain::worksheets::{Worksheet, merge_checks};

pub struct ChecklistForm {
    pub content: &'static Checklist,
    pub list: CheckList,
}

impl ChecklistForm {
    pub(super) fn new(content: &'static Checklist, saved: Option<&Worksheet>) -> ChecklistForm {
        let saved_items = match saved {
            Some(Worksheet::Checklist(s)) => s.items.as_slice(),
            _ => &[],
        };
        let current: Vec<(&str, &str)> = content
            .items
            .iter()
            .map(|i| (i.id.as_str(), i.title.as_str()))
            .collect();
        ChecklistForm {
            content,
            list: CheckList::new(merge_checks(&current, saved_items)),
        }
    }
}
