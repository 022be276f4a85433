//! Loads the embedded `assets/` data into typed structures.
//!
//! The built-in content is compiled into the binary with `include_str!`, parsed with serde
//! and checked by [`validate`]. An organization can replace or add content by dropping
//! `.toml` files in a directory ([`Content::with_overrides`]); a bad file is reported with its
//! name and line and skipped, and never stops the app.
//!
//! The UI usually starts from [`builtin()`] (cached) or [`Content::with_overrides`], then
//! reads [`Content::stage`], [`Content::tools_for`], [`Content::tool`] and matches on
//! [`ToolBody`] to render each kind of tool.

mod common;
mod crisis;
mod error;
mod language;
pub mod life_areas;
mod overrides;
mod qualities;
mod reference;
mod roles;
pub mod search;
mod stages;
mod text;
pub mod tools;
mod validate;

use std::sync::OnceLock;

use serde::Serialize;
use serde::de::DeserializeOwned;

pub use common::{Explained, PerStage};
pub use crisis::{Contact, ContactMethod, CrisisResource, CrisisResources};
pub use error::{ContentError, ContentProblem};
pub use qualities::Quality;
pub use reference::{RefEntry, RefKind};
pub use roles::{CompetencyArea, RoleArea};
pub use search::{Hit, SearchIndex};
pub use stages::{KeyConcept, StageInfo};
pub use tools::{Tool, ToolBody, ToolKind};

use crate::domain::Stage;
use crate::domain::language::LanguageRule;
use crate::domain::progress::ProgressLayout;
use crate::domain::report::FieldAverages;

/// The asset files, embedded at compile time.
pub(crate) mod assets {
    pub const STAGES: (&str, &str) = (
        "assets/stages.toml",
        include_str!("../../assets/stages.toml"),
    );
    pub const QUALITIES: (&str, &str) = (
        "assets/qualities.toml",
        include_str!("../../assets/qualities.toml"),
    );
    pub const ROLES: (&str, &str) = ("assets/roles.toml", include_str!("../../assets/roles.toml"));
    pub const COMPETENCIES: (&str, &str) = (
        "assets/competencies.toml",
        include_str!("../../assets/competencies.toml"),
    );
    pub const CRISIS: (&str, &str) = (
        "assets/crisis.toml",
        include_str!("../../assets/crisis.toml"),
    );
    pub const LANGUAGE: (&str, &str) = (
        "assets/language.toml",
        include_str!("../../assets/language.toml"),
    );
    pub const LAYOUTS: (&str, &str) = (
        "assets/progress_layouts.toml",
        include_str!("../../assets/progress_layouts.toml"),
    );
    pub const ACTIVITIES: (&str, &str) = (
        "assets/activities.toml",
        include_str!("../../assets/activities.toml"),
    );

    macro_rules! tools {
        ($($id:literal),* $(,)?) => {
            &[$(($id, include_str!(concat!("../../assets/tools/", $id, ".toml")))),*]
        };
    }

    /// Tool id (also the file name under `assets/tools/`) and file text, in display order.
    pub const TOOLS: &[(&str, &str)] = tools![
        "oars",
        "reflective_listening",
        "initial_meeting",
        "self_care",
        "advantages_disadvantages",
        "exploring_values",
        "ask_share_ask",
        "response_to_anger",
        "gentle_refusal",
        "safety_plan",
        "concluding_relationship",
        "advocacy",
        "planning",
        "planning_possibilities",
        "brainstorming",
    ];
}

/// Names of the embedded tool files (without `.toml`), for tests that compare them with
/// the `assets/tools/` directory.
pub fn builtin_tool_files() -> Vec<&'static str> {
    assets::TOOLS.iter().map(|(id, _)| *id).collect()
}

/// Everything the reference and the in-session tools show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Content {
    /// Always the five stages, in [`Stage::ALL`] order.
    stages: [StageInfo; 5],
    tools: Vec<Tool>,
    qualities: Vec<Quality>,
    roles: Vec<RoleArea>,
    competencies: Vec<CompetencyArea>,
    total_skills: u32,
    crisis: CrisisResources,
    /// The peer-language word list.
    language: Vec<LanguageRule>,
    /// Progress note layouts; the first is the default.
    progress_layouts: Vec<ProgressLayout>,
    /// Field averages of hours per day by activity id.
    field_averages: FieldAverages,
}

static BUILTIN: OnceLock<Result<Content, ContentError>> = OnceLock::new();

/// The built-in content, loaded once and shared. An error here means the shipped assets are
/// broken; show it to the user and carry on with [`Content::fallback`].
pub fn builtin() -> Result<&'static Content, &'static ContentError> {
    BUILTIN.get_or_init(Content::builtin).as_ref()
}

fn parse<T: DeserializeOwned>((file, src): (&str, &str)) -> Result<T, ContentError> {
    toml::from_str(src).map_err(|e| ContentError::from_toml(file, src, &e))
}

/// Puts the five stages in order, or says which are missing or repeated.
pub(crate) fn order_stages(list: Vec<StageInfo>) -> Result<[StageInfo; 5], Vec<String>> {
    let mut slots: [Option<StageInfo>; 5] = Default::default();
    let mut problems = Vec::new();
    for info in list {
        let i = info.id.index();
        match slots.get_mut(i) {
            Some(slot @ None) => *slot = Some(info),
            _ => problems.push(format!("stage `{}` appears more than once", info.id.id())),
        }
    }
    for (stage, slot) in Stage::ALL.iter().zip(&slots) {
        if slot.is_none() {
            problems.push(format!("stage `{}` is missing", stage.id()));
        }
    }
    match slots {
        [Some(a), Some(b), Some(c), Some(d), Some(e)] if problems.is_empty() => Ok([a, b, c, d, e]),
        _ => Err(problems),
    }
}

impl Content {
    /// Parses and checks the embedded assets. Prefer the cached [`builtin()`].
    pub fn builtin() -> Result<Content, ContentError> {
        let stages: stages::StagesFile = parse(assets::STAGES)?;
        let qualities: qualities::QualitiesFile = parse(assets::QUALITIES)?;
        let roles: roles::RolesFile = parse(assets::ROLES)?;
        let competencies: roles::CompetenciesFile = parse(assets::COMPETENCIES)?;
        let crisis: crisis::CrisisFile = parse(assets::CRISIS)?;
        let language: language::LanguageFile = parse(assets::LANGUAGE)?;
        let layouts: language::LayoutsFile = parse(assets::LAYOUTS)?;
        let averages: language::AveragesFile = parse(assets::ACTIVITIES)?;

        let mut problems = Vec::new();
        let field_averages = averages.into_averages().unwrap_or_else(|mut p| {
            problems.append(&mut p);
            FieldAverages::new()
        });
        let mut tools = Vec::new();
        for (id, src) in assets::TOOLS {
            let file = format!("assets/tools/{id}.toml");
            let raw: tools::RawTool = parse((&file, src))?;
            if raw.id != *id {
                problems.push(format!("{file}: id is `{}`, expected `{id}`", raw.id));
            }
            match raw.into_tool() {
                Ok(t) => tools.push(t),
                Err(e) => problems.push(format!("{file}: {e}")),
            }
        }
        let stages = match order_stages(stages.stages) {
            Ok(s) => s,
            Err(mut p) => {
                problems.append(&mut p);
                return Err(ContentError::Invalid { problems });
            }
        };
        let mut content = Content {
            stages,
            tools,
            qualities: qualities.qualities,
            roles: roles.roles,
            competencies: competencies.competencies,
            total_skills: competencies.total_skills,
            crisis: crisis.crisis,
            language: language.language,
            progress_layouts: layouts.progress_layouts,
            field_averages,
        };
        problems.extend(tools::resolve_sections(&mut content.tools));
        problems.extend(validate::validate(&content).into_iter().map(|i| i.message));
        if problems.is_empty() {
            Ok(content)
        } else {
            Err(ContentError::Invalid { problems })
        }
    }

    /// A bare minimum used only if the built-in assets cannot load: stage names, and the
    /// national crisis lines written into the code so they are never missing.
    pub fn fallback() -> Content {
        let stage = |s: Stage| StageInfo {
            id: s,
            name: s.label().to_string(),
            purpose: "The reference text for this stage could not be loaded.".to_string(),
            key_concepts: Vec::new(),
            tools: Vec::new(),
        };
        let line =
            |id: &str, name: &str, description: &str, contacts: Vec<Contact>| CrisisResource {
                id: id.to_string(),
                name: name.to_string(),
                description: description.to_string(),
                contacts,
                hours: None,
            };
        let contact = |method, value: &str| Contact {
            method,
            value: value.to_string(),
            note: None,
        };
        Content {
            stages: Stage::ALL.map(stage),
            tools: Vec::new(),
            qualities: Vec::new(),
            roles: Vec::new(),
            competencies: Vec::new(),
            total_skills: 0,
            crisis: CrisisResources {
                intro: "If someone may be in danger, reach out now.".to_string(),
                national: vec![
                    line(
                        "988",
                        "988 Suicide & Crisis Lifeline",
                        "Free and confidential, any time, in the US.",
                        vec![
                            contact(ContactMethod::Call, "988"),
                            contact(ContactMethod::Text, "988"),
                            contact(ContactMethod::Chat, "988lifeline.org"),
                        ],
                    ),
                    line(
                        "veterans",
                        "Veterans Crisis Line",
                        "For veterans, service members and the people who care about them.",
                        vec![
                            contact(ContactMethod::Call, "988, then press 1"),
                            contact(ContactMethod::Text, "838255"),
                        ],
                    ),
                    line(
                        "samhsa",
                        "SAMHSA National Helpline",
                        "Mental health and substance use referrals, any time, in the US.",
                        vec![contact(ContactMethod::Call, "1-800-662-4357")],
                    ),
                    line(
                        "crisis-text-line",
                        "Crisis Text Line",
                        "For anyone in crisis who would rather write than talk.",
                        vec![contact(ContactMethod::Text, "HOME to 741741")],
                    ),
                    line(
                        "emergency",
                        "Emergency services",
                        "When a life is in danger right now.",
                        vec![contact(ContactMethod::Call, "911")],
                    ),
                ],
                local: Vec::new(),
            },
            language: Vec::new(),
            progress_layouts: Vec::new(),
            field_averages: FieldAverages::new(),
        }
    }

    /// The five stages in order.
    pub fn stages(&self) -> &[StageInfo; 5] {
        &self.stages
    }

    pub fn stage(&self, stage: Stage) -> &StageInfo {
        // In range: `Stage::index` is 0..5 and the array always holds five, in order.
        &self.stages[stage.index()]
    }

    /// Every tool, in display order.
    pub fn tools(&self) -> &[Tool] {
        &self.tools
    }

    pub fn tool(&self, id: &str) -> Option<&Tool> {
        self.tools.iter().find(|t| t.id == id)
    }

    /// The tools suggested at a stage, in the stage's order, then any other tool that says
    /// it fits the stage (for example one an organization added).
    pub fn tools_for(&self, stage: Stage) -> Vec<&Tool> {
        let listed = &self.stage(stage).tools;
        let mut out: Vec<&Tool> = listed.iter().filter_map(|id| self.tool(id)).collect();
        out.extend(
            self.tools
                .iter()
                .filter(|t| t.fits(stage) && !listed.contains(&t.id)),
        );
        out
    }

    /// The OARS prompts for a stage, if an OARS tool is present.
    pub fn oars_for(&self, stage: Stage) -> Option<&tools::OarsSet> {
        self.tools.iter().find_map(|t| match &t.body {
            ToolBody::Oars(o) => Some(o.for_stage(stage)),
            _ => None,
        })
    }

    pub fn qualities(&self) -> &[Quality] {
        &self.qualities
    }

    pub fn roles(&self) -> &[RoleArea] {
        &self.roles
    }

    pub fn competencies(&self) -> &[CompetencyArea] {
        &self.competencies
    }

    /// The number of skills the work process schedule lists in all.
    pub fn total_skills(&self) -> u32 {
        self.total_skills
    }

    pub fn crisis(&self) -> &CrisisResources {
        &self.crisis
    }

    /// The peer-language word list.
    pub fn language(&self) -> &[LanguageRule] {
        &self.language
    }

    /// Every progress note layout; the first is the built-in default.
    pub fn progress_layouts(&self) -> &[ProgressLayout] {
        &self.progress_layouts
    }

    /// The layout with this id, or the first one.
    pub fn progress_layout(&self, id: &str) -> Option<&ProgressLayout> {
        self.progress_layouts
            .iter()
            .find(|l| l.id == id)
            .or_else(|| self.progress_layouts.first())
    }

    /// Field averages of hours per day, by activity id.
    pub fn field_averages(&self) -> &FieldAverages {
        &self.field_averages
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(stage: Stage) -> StageInfo {
        StageInfo {
            id: stage,
            name: stage.label().to_string(),
            purpose: "p".to_string(),
            key_concepts: Vec::new(),
            tools: Vec::new(),
        }
    }

    #[test]
    fn order_stages_sorts_and_reports_missing_and_repeated() {
        let mut list: Vec<StageInfo> = Stage::ALL.iter().rev().map(|s| info(*s)).collect();
        let ordered = order_stages(list.clone()).expect("all five");
        assert_eq!(ordered.map(|s| s.id), Stage::ALL);

        list.retain(|s| s.id != Stage::Exploring);
        list.push(info(Stage::Planning));
        let problems = order_stages(list).expect_err("one missing, one repeated");
        assert!(
            problems
                .iter()
                .any(|p| p.contains("`exploring` is missing"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("`planning` appears more than once"))
        );
    }

    #[test]
    fn parse_errors_name_the_file_and_line() {
        let err = parse::<stages::StagesFile>(("assets/x.toml", "\n\n[[stages]]\nid = 4\n"))
            .expect_err("bad id type");
        let ContentError::Parse { file, line, .. } = &err else {
            panic!("expected a parse error, got {err:?}")
        };
        assert_eq!(file, "assets/x.toml");
        assert_eq!(*line, Some(4));
        assert!(err.to_string().starts_with("assets/x.toml:4:"));
    }

    #[test]
    fn ids_are_plain() {
        assert!(validate::valid_id("oars"));
        assert!(validate::valid_id("county-mobile_2"));
        assert!(!validate::valid_id(""));
        assert!(!validate::valid_id("Has Space"));
        assert!(!validate::valid_id("../escape"));
    }

    #[test]
    fn builtin_content_passes_every_rule() {
        let c = Content::builtin().expect("built-in content loads");
        assert!(validate::validate(&c).is_empty());
    }
}
