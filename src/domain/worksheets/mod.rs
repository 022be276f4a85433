//! What the in-session tools hold once filled in: typed worksheet state, with the rules that
//! keep it sound (importance 1 to 5, a ranked top five, one version per safety-plan save).
//!
//! A filled tool is kept in two ways. Inside a session it is a [`SessionWorksheet`] in the
//! session's note. Between meetings it is a [`StandaloneWorksheet`], saved on its own for a
//! peer (or for no one), with unsaved changes kept apart from the saved content so that
//! discarding them never loses what was saved. Safety plans are also kept per peer, every
//! save a new version ([`SafetyPlanHistory`]).
//!
//! Every sheet stores the labels it was filled against (checklist titles, prompts), so a
//! saved note still reads the same after the content changes.

mod ask_share_ask;
mod checklist;
mod decisional;
mod markdown;
mod planning;
mod prompts;
mod refusal;
mod safety;
mod values;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use ask_share_ask::{AskShareAskSheet, SharePurpose};
pub use checklist::{CheckItem, ChecklistSheet, merge_checks};
pub use decisional::{BalanceItem, DecisionalBalance, Importance, Side, SideTotals};
pub use planning::{PlanStep, PlanningSheet, default_goal_date};
pub use prompts::{PromptAnswer, PromptAnswers};
pub use refusal::GentleRefusalSheet;
pub use safety::{
    SafetyPlanError, SafetyPlanHistory, SafetyPlanSheet, SafetyPlanVersion, SafetySection,
};
pub use values::{ChosenValue, MAX_VALUE_CHARS, TOP_VALUES, ValuesSheet};

use super::Timestamp;

/// Longest item a list holds (a quadrant entry, a brainstormed idea, a value), in characters.
pub const MAX_ITEM_CHARS: usize = 300;

/// What a filled tool holds, by kind. Tagged with `kind` in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Worksheet {
    AskShareAsk(AskShareAskSheet),
    AdvantagesDisadvantages(DecisionalBalance),
    Checklist(ChecklistSheet),
    Values(ValuesSheet),
    /// A worksheet of answered prompts, such as preparing a response to anger.
    Prompts(PromptAnswers),
    GentleRefusal(GentleRefusalSheet),
    Planning(PlanningSheet),
    SafetyPlan(SafetyPlanSheet),
}

impl Worksheet {
    /// Nothing was filled in: such a sheet is not worth keeping in a note.
    pub fn is_empty(&self) -> bool {
        match self {
            Worksheet::AskShareAsk(s) => s.is_empty(),
            Worksheet::AdvantagesDisadvantages(s) => s.is_empty(),
            Worksheet::Checklist(s) => s.is_empty(),
            Worksheet::Values(s) => s.is_empty(),
            Worksheet::Prompts(s) => s.is_empty(),
            Worksheet::GentleRefusal(s) => s.is_empty(),
            Worksheet::Planning(s) => s.is_empty(),
            Worksheet::SafetyPlan(s) => s.is_empty(),
        }
    }

    /// Every piece of free text, for search.
    pub fn texts(&self) -> Vec<&str> {
        let mut out = Vec::new();
        match self {
            Worksheet::AskShareAsk(s) => out.extend([&*s.ask, &*s.share, &*s.ask_again]),
            Worksheet::AdvantagesDisadvantages(s) => {
                for side in Side::ALL {
                    out.extend(s.items(side).iter().map(|i| i.text.as_str()));
                }
                out.push(&s.reflection);
            }
            Worksheet::Checklist(s) => out.extend(s.items.iter().map(|i| i.note.as_str())),
            Worksheet::Values(s) => {
                for v in &s.chosen {
                    out.extend([&*v.name, &*v.how_it_shows]);
                }
            }
            Worksheet::Prompts(s) => out.extend(s.answers.iter().map(|a| a.answer.as_str())),
            Worksheet::GentleRefusal(s) => {
                out.extend([&*s.request, &*s.acknowledge, &*s.limit, &*s.offer])
            }
            Worksheet::Planning(s) => {
                out.extend(s.signals.iter().map(|i| i.note.as_str()));
                out.extend(s.brainstorm.iter().map(String::as_str));
                out.push(&s.goal);
                out.extend(s.steps.iter().map(|st| st.what.as_str()));
                out.extend(s.pathways.iter().map(|i| i.note.as_str()));
            }
            Worksheet::SafetyPlan(s) => {
                for section in SafetySection::ALL {
                    out.extend(s.items(section).iter().map(String::as_str));
                }
            }
        }
        out.retain(|t| !t.trim().is_empty());
        out
    }

    /// The sheet as Markdown lines (no heading), for notes and exports.
    pub fn to_markdown(&self) -> String {
        markdown::render(self)
    }
}

/// A tool filled in during a session, kept in the session's note. One per tool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionWorksheet {
    /// The tool's id, as in `tools_used`.
    pub tool_id: String,
    /// The tool's name when it was filled, so the note reads the same if content changes.
    pub tool_name: String,
    pub opened_at: Timestamp,
    pub updated_at: Timestamp,
    pub sheet: Worksheet,
}

/// A worksheet filled between meetings and kept on its own, for a peer or for no one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandaloneWorksheet {
    pub id: Uuid,
    pub tool_id: String,
    pub tool_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_id: Option<Uuid>,
    /// The alias when the worksheet was started; a later rename does not rewrite it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_alias: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved_at: Option<Timestamp>,
    /// The content as last saved; `None` until the first save.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved: Option<Worksheet>,
    /// Changes not saved yet, kept automatically so a crash loses nothing. `None` when
    /// there are none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unsaved: Option<Worksheet>,
}

/// What discarding a standalone worksheet's unsaved changes leaves behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Discarded {
    /// It was never saved: the whole worksheet goes.
    Deleted,
    /// The saved content stays as it was.
    Reverted,
}

impl StandaloneWorksheet {
    pub fn new(
        tool_id: &str,
        tool_name: &str,
        peer: Option<(Uuid, &str)>,
        now: Timestamp,
    ) -> StandaloneWorksheet {
        StandaloneWorksheet {
            id: Uuid::new_v4(),
            tool_id: tool_id.to_string(),
            tool_name: tool_name.to_string(),
            peer_id: peer.map(|(id, _)| id),
            peer_alias: peer.map(|(_, alias)| alias.to_string()),
            created_at: now,
            updated_at: now,
            saved_at: None,
            saved: None,
            unsaved: None,
        }
    }

    /// What to show when it is opened: the unsaved changes if any, else the saved content.
    pub fn current(&self) -> Option<&Worksheet> {
        self.unsaved.as_ref().or(self.saved.as_ref())
    }

    pub fn has_unsaved(&self) -> bool {
        self.unsaved.is_some()
    }

    /// Keeps changes without saving them (autosave, or quitting in a hurry).
    pub fn keep_unsaved(&mut self, sheet: Worksheet, now: Timestamp) {
        if self.saved.as_ref() == Some(&sheet) {
            self.unsaved = None;
        } else {
            self.unsaved = Some(sheet);
        }
        self.updated_at = now;
    }

    /// Saves `sheet` as the worksheet's content; no unsaved changes remain.
    pub fn save(&mut self, sheet: Worksheet, now: Timestamp) {
        self.saved = Some(sheet);
        self.unsaved = None;
        self.saved_at = Some(now);
        self.updated_at = now;
    }

    /// Throws away unsaved changes. A worksheet that was never saved is gone entirely.
    pub fn discard_unsaved(&mut self) -> Discarded {
        self.unsaved = None;
        if self.saved.is_some() {
            Discarded::Reverted
        } else {
            Discarded::Deleted
        }
    }
}

/// Trims `text` and drops blank results: what a list keeps of a typed item.
pub(crate) fn clean(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Splits typed text into one item per non-blank line.
pub fn lines_of(text: &str) -> Vec<String> {
    text.lines().filter_map(clean).collect()
}

#[cfg(test)]
mod tests;
