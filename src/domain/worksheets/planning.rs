//! Planning: readiness signals noticed, a brainstormed list, a goal with steps and dates,
//! and the pathways the peer is considering.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::CheckItem;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanStep {
    pub what: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_when: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanningSheet {
    /// Signs of readiness to plan, ticked when noticed.
    #[serde(default)]
    pub signals: Vec<CheckItem>,
    /// Ideas, listed without judging.
    #[serde(default)]
    pub brainstorm: Vec<String>,
    /// The goal, in the peer's words.
    #[serde(default)]
    pub goal: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal_by: Option<NaiveDate>,
    #[serde(default)]
    pub steps: Vec<PlanStep>,
    /// Pathways and harm-reduction options the peer is considering.
    #[serde(default)]
    pub pathways: Vec<CheckItem>,
}

impl PlanningSheet {
    pub fn is_empty(&self) -> bool {
        !self.signals.iter().any(CheckItem::is_used)
            && self.brainstorm.is_empty()
            && self.goal.trim().is_empty()
            && self.goal_by.is_none()
            && self.steps.is_empty()
            && !self.pathways.iter().any(CheckItem::is_used)
    }

    /// The steps by date, those without a date last, otherwise in the order written.
    pub fn steps_in_order(&self) -> Vec<&PlanStep> {
        let mut steps: Vec<&PlanStep> = self.steps.iter().collect();
        steps.sort_by_key(|s| (s.by_when.is_none(), s.by_when));
        steps
    }

    /// Problems worth pointing out before saving: steps dated after the goal's date.
    pub fn warnings(&self) -> Vec<String> {
        let Some(goal_by) = self.goal_by else {
            return Vec::new();
        };
        self.steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.by_when.is_some_and(|d| d > goal_by))
            .map(|(i, _)| format!("Step {} is dated after the goal's date.", i + 1))
            .collect()
    }
}

/// The default date for a goal `months` ahead of `today` (the 3-month goal), or the last day
/// of that month when it is shorter.
pub fn default_goal_date(today: NaiveDate, months: u8) -> NaiveDate {
    today
        .checked_add_months(Months::new(u32::from(months)))
        .unwrap_or(today)
}
