//! Planning: readiness, pitfalls and possibilities, brainstorming, a 3-month goal, pathways.

use serde::{Deserialize, Serialize};

use super::Body;
use crate::content::common::Explained;
use crate::content::text::Text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Planning {
    pub intro: String,
    /// Formal written plan, one informal talk, an ongoing conversation…
    pub ways_to_plan: Vec<Explained>,
    pub possibilities: PlanningPossibilities,
    pub brainstorming: Brainstorming,
    pub goal: GoalSetting,
    pub pathways: Pathways,
}

/// Readiness signals, "testing the water", and the pitfalls of planning each paired with
/// the possibility that answers it. Also offered on its own as the `planning_possibilities`
/// tool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanningPossibilities {
    pub intro: String,
    pub readiness_signals: Vec<Explained>,
    /// Light ways to check whether the peer wants to start planning.
    pub testing_the_water: Vec<String>,
    pub pairs: Vec<PitfallPossibility>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PitfallPossibility {
    pub pitfall: String,
    pub possibility: String,
}

/// Also offered on its own as the `brainstorming` tool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brainstorming {
    pub intro: String,
    pub steps: Vec<String>,
    pub ground_rules: Vec<String>,
    pub prompts: Vec<String>,
}

/// Setting a goal for the next few months, with steps and dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalSetting {
    pub intro: String,
    /// How far ahead the goal looks, in months.
    pub horizon_months: u8,
    pub goal_prompts: Vec<String>,
    pub step_prompts: Vec<String>,
    pub check_in_prompts: Vec<String>,
    pub example: GoalExample,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoalExample {
    pub goal: String,
    pub steps: Vec<ExampleStep>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleStep {
    pub what: String,
    pub by_when: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pathways {
    pub intro: String,
    pub examples: Vec<Explained>,
    pub harm_reduction: Vec<String>,
    pub prompts: Vec<String>,
}

impl PlanningPossibilities {
    pub(crate) fn write_text(&self, t: &mut Text) {
        t.para(&self.intro);
        t.pairs(
            "Signs a peer may be ready to plan",
            self.readiness_signals.iter().map(|s| (&*s.name, &*s.text)),
        );
        t.list("Testing the water", &self.testing_the_water);
        t.para("Pitfalls and possibilities:");
        for p in &self.pairs {
            t.list(
                "",
                [
                    format!("Pitfall: {}", p.pitfall),
                    format!("Possibility: {}", p.possibility),
                ],
            );
        }
    }
}

impl Brainstorming {
    pub(crate) fn write_text(&self, t: &mut Text) {
        t.para(&self.intro);
        t.list("Steps", &self.steps);
        t.list("Ground rules", &self.ground_rules);
        t.list("Prompts", &self.prompts);
    }
}

impl Body for Planning {
    fn check(&self, issues: &mut Vec<String>) {
        if self.goal.horizon_months == 0 {
            issues.push("the goal horizon must be at least one month".to_string());
        }
    }

    fn write_text(&self, t: &mut Text) {
        t.para(&self.intro);
        t.pairs(
            "Ways to plan",
            self.ways_to_plan.iter().map(|w| (&*w.name, &*w.text)),
        );
        self.possibilities.write_text(t);
        self.brainstorming.write_text(t);
        let g = &self.goal;
        t.para(&g.intro);
        t.list("The goal", &g.goal_prompts);
        t.list("Steps and dates", &g.step_prompts);
        t.list("Checking in", &g.check_in_prompts);
        t.list(
            &format!("Example goal: {}", g.example.goal),
            g.example
                .steps
                .iter()
                .map(|s| format!("{} (by {})", s.what, s.by_when)),
        );
        let p = &self.pathways;
        t.para(&p.intro);
        t.pairs("Pathways", p.examples.iter().map(|e| (&*e.name, &*e.text)));
        t.list("Harm reduction", &p.harm_reduction);
        t.list("Questions about pathways", &p.prompts);
    }
}
