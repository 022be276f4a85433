//! In-session tools. Each tool has common fields and a typed body, so the UI can render the
//! OARS prompts of a stage, the items of a checklist or the quadrants of a worksheet
//! directly, with no lookups by string.

mod ask_share_ask;
mod checklist;
mod decisional;
mod difficult;
mod guide;
mod listening;
mod oars;
mod planning;
mod safety;
mod values;

use std::collections::HashSet;
use std::fmt::Debug;
use std::hash::Hash;

use serde::{Deserialize, Serialize};

pub use ask_share_ask::{AsaPurpose, AsaStep, AsaUse, AskShareAsk};
pub use checklist::{Checklist, ChecklistItem};
pub use decisional::{AdvantagesDisadvantages, Quadrant, QuadrantInfo};
pub use difficult::{GentleRefusal, RefusalExample, RefusalStep, Worksheet, WorksheetSection};
pub use guide::{Guide, GuideSection};
pub use listening::{
    FeelingFamily, Intensity, ReflectionLevel, ReflectiveListening, Roadblock, WorkedExample,
};
pub use oars::{Oars, OarsCategory, OarsSet, ReflectionStarters, SummaryStarters};
pub use planning::{
    Brainstorming, ExampleStep, GoalExample, GoalSetting, Pathways, PitfallPossibility, Planning,
    PlanningPossibilities,
};
pub use safety::{SafetyPlan, SafetySection, SafetyStep};
pub use values::{ExploringValues, ValueItem};

use super::text::Text;
use crate::domain::Stage;

/// One in-session tool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tool {
    /// Stable id, also the asset file name and the id stored in a session's `tools_used`.
    pub id: String,
    pub name: String,
    /// One line: what the tool is for.
    pub summary: String,
    /// Stages where the tool fits.
    pub stages: Vec<Stage>,
    /// Extra words people might search for.
    pub keywords: Vec<String>,
    /// Set when this tool shows one part of a bigger tool (brainstorming is part of planning).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<SectionOf>,
    pub body: ToolBody,
}

/// The content of a tool, by kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ToolBody {
    /// Boxed, like `Planning`: much larger than the other kinds.
    Oars(Box<Oars>),
    AskShareAsk(AskShareAsk),
    ReflectiveListening(ReflectiveListening),
    AdvantagesDisadvantages(AdvantagesDisadvantages),
    Checklist(Checklist),
    Values(ExploringValues),
    Worksheet(Worksheet),
    GentleRefusal(GentleRefusal),
    Planning(Box<Planning>),
    Brainstorming(Brainstorming),
    PlanningPossibilities(PlanningPossibilities),
    SafetyPlan(SafetyPlan),
    Guide(Guide),
}

/// The kind of a [`ToolBody`], without its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ToolKind {
    Oars,
    AskShareAsk,
    ReflectiveListening,
    AdvantagesDisadvantages,
    Checklist,
    Values,
    Worksheet,
    GentleRefusal,
    Planning,
    Brainstorming,
    PlanningPossibilities,
    SafetyPlan,
    Guide,
}

impl ToolBody {
    pub fn kind(&self) -> ToolKind {
        match self {
            ToolBody::Oars(_) => ToolKind::Oars,
            ToolBody::AskShareAsk(_) => ToolKind::AskShareAsk,
            ToolBody::ReflectiveListening(_) => ToolKind::ReflectiveListening,
            ToolBody::AdvantagesDisadvantages(_) => ToolKind::AdvantagesDisadvantages,
            ToolBody::Checklist(_) => ToolKind::Checklist,
            ToolBody::Values(_) => ToolKind::Values,
            ToolBody::Worksheet(_) => ToolKind::Worksheet,
            ToolBody::GentleRefusal(_) => ToolKind::GentleRefusal,
            ToolBody::Planning(_) => ToolKind::Planning,
            ToolBody::Brainstorming(_) => ToolKind::Brainstorming,
            ToolBody::PlanningPossibilities(_) => ToolKind::PlanningPossibilities,
            ToolBody::SafetyPlan(_) => ToolKind::SafetyPlan,
            ToolBody::Guide(_) => ToolKind::Guide,
        }
    }

    /// Rules beyond "nothing empty": required parts present, once, in order.
    pub(crate) fn check(&self, issues: &mut Vec<String>) {
        match self {
            ToolBody::Oars(b) => b.check(issues),
            ToolBody::AskShareAsk(b) => b.check(issues),
            ToolBody::ReflectiveListening(b) => b.check(issues),
            ToolBody::AdvantagesDisadvantages(b) => b.check(issues),
            ToolBody::Checklist(b) => b.check(issues),
            ToolBody::Values(b) => b.check(issues),
            ToolBody::Worksheet(b) => b.check(issues),
            ToolBody::GentleRefusal(b) => b.check(issues),
            ToolBody::Planning(b) => b.check(issues),
            ToolBody::SafetyPlan(b) => b.check(issues),
            ToolBody::Guide(b) => b.check(issues),
            ToolBody::Brainstorming(_) | ToolBody::PlanningPossibilities(_) => {}
        }
    }

    /// The whole body as plain text (see [`super::RefEntry::body`] for the format).
    pub(crate) fn write_text(&self, t: &mut Text) {
        match self {
            ToolBody::Oars(b) => b.write_text(t),
            ToolBody::AskShareAsk(b) => b.write_text(t),
            ToolBody::ReflectiveListening(b) => b.write_text(t),
            ToolBody::AdvantagesDisadvantages(b) => b.write_text(t),
            ToolBody::Checklist(b) => b.write_text(t),
            ToolBody::Values(b) => b.write_text(t),
            ToolBody::Worksheet(b) => b.write_text(t),
            ToolBody::GentleRefusal(b) => b.write_text(t),
            ToolBody::Planning(b) => b.write_text(t),
            ToolBody::Brainstorming(b) => b.write_text(t),
            ToolBody::PlanningPossibilities(b) => b.write_text(t),
            ToolBody::SafetyPlan(b) => b.write_text(t),
            ToolBody::Guide(b) => b.write_text(t),
        }
    }
}

impl Tool {
    /// The tool as readable plain text: its summary, then its whole body.
    pub fn to_text(&self) -> String {
        let mut t = Text::new();
        t.para(&self.summary);
        self.body.write_text(&mut t);
        t.finish()
    }

    pub fn fits(&self, stage: Stage) -> bool {
        self.stages.contains(&stage)
    }
}

/// A tool that shows one section of a larger tool instead of having its own body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionOf {
    /// Id of the tool that holds the section; it must be a planning tool.
    pub tool: String,
    pub section: SharedSection,
}

/// Sections of the planning tool that are also offered as tools of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SharedSection {
    Brainstorming,
    Possibilities,
}

/// The shape of a tool file. The body is exactly one table named after its kind,
/// e.g. `[oars]` or `[checklist]`, or a `[section_of]` table pointing into another tool.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTool {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub stages: Vec<Stage>,
    pub keywords: Vec<String>,
    #[serde(default)]
    oars: Option<Oars>,
    #[serde(default)]
    ask_share_ask: Option<AskShareAsk>,
    #[serde(default)]
    reflective_listening: Option<ReflectiveListening>,
    #[serde(default)]
    advantages_disadvantages: Option<AdvantagesDisadvantages>,
    #[serde(default)]
    checklist: Option<Checklist>,
    #[serde(default)]
    values: Option<ExploringValues>,
    #[serde(default)]
    worksheet: Option<Worksheet>,
    #[serde(default)]
    gentle_refusal: Option<GentleRefusal>,
    #[serde(default)]
    planning: Option<Planning>,
    #[serde(default)]
    brainstorming: Option<Brainstorming>,
    #[serde(default)]
    planning_possibilities: Option<PlanningPossibilities>,
    #[serde(default)]
    safety_plan: Option<SafetyPlan>,
    #[serde(default)]
    guide: Option<Guide>,
    #[serde(default)]
    section_of: Option<SectionOf>,
}

impl RawTool {
    /// Turns the file shape into a tool. A `[section_of]` tool gets a placeholder body that
    /// [`resolve_sections`] fills in once every tool is known.
    pub(crate) fn into_tool(self) -> Result<Tool, String> {
        let RawTool {
            id,
            name,
            summary,
            stages,
            keywords,
            oars,
            ask_share_ask,
            reflective_listening,
            advantages_disadvantages,
            checklist,
            values,
            worksheet,
            gentle_refusal,
            planning,
            brainstorming,
            planning_possibilities,
            safety_plan,
            guide,
            section_of,
        } = self;
        let mut bodies: Vec<ToolBody> = [
            oars.map(|o| ToolBody::Oars(Box::new(o))),
            ask_share_ask.map(ToolBody::AskShareAsk),
            reflective_listening.map(ToolBody::ReflectiveListening),
            advantages_disadvantages.map(ToolBody::AdvantagesDisadvantages),
            checklist.map(ToolBody::Checklist),
            values.map(ToolBody::Values),
            worksheet.map(ToolBody::Worksheet),
            gentle_refusal.map(ToolBody::GentleRefusal),
            planning.map(|p| ToolBody::Planning(Box::new(p))),
            brainstorming.map(ToolBody::Brainstorming),
            planning_possibilities.map(ToolBody::PlanningPossibilities),
            safety_plan.map(ToolBody::SafetyPlan),
            guide.map(ToolBody::Guide),
        ]
        .into_iter()
        .flatten()
        .collect();
        let body = match (bodies.len(), &section_of) {
            (1, None) => bodies.pop(),
            (0, Some(_)) => None,
            (0, None) => {
                return Err(format!(
                    "tool `{id}` has no body: add one table such as [oars], [checklist] or [section_of]"
                ));
            }
            _ => {
                return Err(format!(
                    "tool `{id}` has more than one body table; keep exactly one"
                ));
            }
        };
        Ok(Tool {
            id,
            name,
            summary,
            stages,
            keywords,
            part_of: section_of,
            // Placeholder until `resolve_sections` runs; an unresolved one fails validation.
            body: body.unwrap_or(ToolBody::Brainstorming(Brainstorming {
                intro: String::new(),
                steps: Vec::new(),
                ground_rules: Vec::new(),
                prompts: Vec::new(),
            })),
        })
    }
}

/// Fills in the body of every tool that shows a section of another tool. Run after any
/// change to the tool list, so an organization's new planning tool flows into brainstorming.
pub(crate) fn resolve_sections(tools: &mut [Tool]) -> Vec<String> {
    let mut issues = Vec::new();
    let mut resolved = Vec::new();
    for (i, tool) in tools.iter().enumerate() {
        let Some(of) = &tool.part_of else { continue };
        let target = tools.iter().find(|t| t.id == of.tool);
        match target.map(|t| &t.body) {
            Some(ToolBody::Planning(p)) if target.is_some_and(|t| t.part_of.is_none()) => {
                let body = match of.section {
                    SharedSection::Brainstorming => {
                        ToolBody::Brainstorming(p.brainstorming.clone())
                    }
                    SharedSection::Possibilities => {
                        ToolBody::PlanningPossibilities(p.possibilities.clone())
                    }
                };
                resolved.push((i, body));
            }
            Some(_) => issues.push(format!(
                "tool `{}` takes a section of `{}`, which is not a planning tool",
                tool.id, of.tool
            )),
            None => issues.push(format!(
                "tool `{}` takes a section of `{}`, which does not exist",
                tool.id, of.tool
            )),
        }
    }
    for (i, body) in resolved {
        if let Some(t) = tools.get_mut(i) {
            t.body = body;
        }
    }
    issues
}

/// The rules every body kind can have beyond "nothing empty".
pub(crate) trait Body {
    fn check(&self, _issues: &mut Vec<String>) {}
    fn write_text(&self, t: &mut Text);
}

/// Each of `expected` appears exactly once in `found`.
pub(crate) fn once_each<T: PartialEq + Copy + Debug>(
    what: &str,
    expected: &[T],
    found: impl Iterator<Item = T>,
    issues: &mut Vec<String>,
) {
    let found: Vec<T> = found.collect();
    for e in expected {
        let n = found.iter().filter(|f| *f == e).count();
        if n != 1 {
            issues.push(format!(
                "{what} {e:?} appears {n} times; it must appear once"
            ));
        }
    }
}

/// `found` is exactly `expected`, in that order.
pub(crate) fn in_order<T: PartialEq + Copy + Debug>(
    what: &str,
    expected: &[T],
    found: impl Iterator<Item = T>,
    issues: &mut Vec<String>,
) {
    let found: Vec<T> = found.collect();
    if found != expected {
        issues.push(format!(
            "each {what} must appear once, in this order: {expected:?} (found {found:?})"
        ));
    }
}

/// No value appears twice.
pub(crate) fn unique<T: Eq + Hash + Debug>(
    what: &str,
    items: impl Iterator<Item = T>,
    issues: &mut Vec<String>,
) {
    let mut seen = HashSet::new();
    for item in items {
        if seen.contains(&item) {
            issues.push(format!("{what} {item:?} appears more than once"));
        } else {
            seen.insert(item);
        }
    }
}
