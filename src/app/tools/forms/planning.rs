//! The planning form: readiness signals, brainstorm, a dated goal, steps and pathways.

use chrono::NaiveDate;

use crate::app::field::Field;
use crate::app::tools::docs;
use crate::app::tools::parts::{CheckList, Item, ItemList, Lines};
use crate::content::tools::Planning;
use crate::domain::summary::parse_date;
use crate::domain::worksheets::{
    PlanStep, PlanningSheet, Worksheet, default_goal_date, merge_checks,
};

pub struct PlanningForm {
    pub content: &'static Planning,
    pub signals: CheckList,
    /// Testing the water, pitfalls and possibilities.
    pub reference: Lines,
    pub brainstorm: ItemList,
    pub goal: Field,
    pub goal_by: Field,
    pub steps: ItemList,
    pub pathways: CheckList,
    pub today: NaiveDate,
}

/// Pathway check items are marked so harm-reduction options read as such.
pub const HARM_REDUCTION: &str = "Harm reduction: ";

impl PlanningForm {
    pub const SIGNALS: usize = 0;
    pub const REFERENCE: usize = 1;
    pub const BRAINSTORM: usize = 2;
    pub const GOAL: usize = 3;
    pub const GOAL_BY: usize = 4;
    pub const STEPS: usize = 5;
    pub const PATHWAYS: usize = 6;
    pub const STOPS: usize = 7;

    pub(super) fn new(
        content: &'static Planning,
        saved: Option<&Worksheet>,
        today: NaiveDate,
    ) -> PlanningForm {
        let s = match saved {
            Some(Worksheet::Planning(s)) => s.clone(),
            _ => PlanningSheet::default(),
        };
        let signals: Vec<(&str, &str)> = content
            .possibilities
            .readiness_signals
            .iter()
            .map(|r| (r.name.as_str(), r.name.as_str()))
            .collect();
        let harm: Vec<String> = content
            .pathways
            .harm_reduction
            .iter()
            .map(|h| format!("{HARM_REDUCTION}{h}"))
            .collect();
        let mut pathways: Vec<(&str, &str)> = content
            .pathways
            .examples
            .iter()
            .map(|e| (e.name.as_str(), e.name.as_str()))
            .collect();
        pathways.extend(harm.iter().map(|h| (h.as_str(), h.as_str())));
        let horizon = default_goal_date(today, content.goal.horizon_months);
        PlanningForm {
            content,
            signals: CheckList::new(merge_checks(&signals, &s.signals)),
            reference: Lines::new(docs::possibilities(&content.possibilities)),
            brainstorm: ItemList::new("an idea, no judging", today)
                .with_items(s.brainstorm.iter().map(|b| Item::new(b)).collect()),
            goal: Field::single("the goal, in the peer's own words").with_text(&s.goal),
            goal_by: Field::single(&format!(
                "by when: {horizon} is {} months from today",
                content.goal.horizon_months
            ))
            .with_text(&s.goal_by.map(|d| d.to_string()).unwrap_or_default()),
            steps: ItemList::new("a small step", today).dated().with_items(
                s.steps
                    .iter()
                    .map(|st| Item {
                        text: st.what.clone(),
                        importance: None,
                        date: st.by_when,
                    })
                    .collect(),
            ),
            pathways: CheckList::new(merge_checks(&pathways, &s.pathways)),
            today,
        }
    }

    /// The goal's date, or why it cannot be read. Blank is no date.
    pub fn goal_date(&self) -> Result<Option<NaiveDate>, String> {
        parse_date(&self.goal_by.text(), self.today)
    }

    /// The sheet; a goal date that does not read yet is left out (the field keeps it).
    pub(super) fn sheet(&self) -> PlanningSheet {
        PlanningSheet {
            signals: self.signals.items_with_pending(),
            brainstorm: self
                .brainstorm
                .items
                .iter()
                .map(|i| i.text.clone())
                .collect(),
            goal: self.goal.text().trim().to_string(),
            goal_by: self.goal_date().unwrap_or(None),
            steps: self
                .steps
                .items_with_pending()
                .into_iter()
                .map(|i| PlanStep {
                    what: i.text,
                    by_when: i.date,
                })
                .collect(),
            pathways: self.pathways.items_with_pending(),
        }
    }
}
