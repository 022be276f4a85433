//! The advantages and disadvantages worksheet (a decisional balance).

use serde::{Deserialize, Serialize};

use super::{Body, in_order};
use crate::content::text::Text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdvantagesDisadvantages {
    pub intro: String,
    /// Exactly the four quadrants, in [`Quadrant::ALL`] order.
    pub quadrants: Vec<QuadrantInfo>,
    /// Questions for after the four boxes are filled.
    pub closing_prompts: Vec<String>,
    /// How to use the worksheet without steering the peer.
    pub without_pushing: Vec<String>,
}

impl AdvantagesDisadvantages {
    pub fn quadrant(&self, q: Quadrant) -> Option<&QuadrantInfo> {
        self.quadrants.iter().find(|i| i.quadrant == q)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// Good things about things as they are.
    GoodAboutNow,
    /// Not-so-good things about things as they are.
    NotSoGoodAboutNow,
    /// Good things about a change.
    GoodAboutChange,
    /// Not-so-good things about a change.
    NotSoGoodAboutChange,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [
        Quadrant::GoodAboutNow,
        Quadrant::NotSoGoodAboutNow,
        Quadrant::GoodAboutChange,
        Quadrant::NotSoGoodAboutChange,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuadrantInfo {
    pub quadrant: Quadrant,
    pub title: String,
    pub prompt: String,
    pub hints: Vec<String>,
}

impl Body for AdvantagesDisadvantages {
    fn check(&self, issues: &mut Vec<String>) {
        in_order(
            "quadrant",
            &Quadrant::ALL,
            self.quadrants.iter().map(|q| q.quadrant),
            issues,
        );
    }

    fn write_text(&self, t: &mut Text) {
        t.para(&self.intro);
        for q in &self.quadrants {
            t.list(&format!("{}. {}", q.title, q.prompt), &q.hints);
        }
        t.list("Afterwards", &self.closing_prompts);
        t.list("Without pushing", &self.without_pushing);
    }
}
