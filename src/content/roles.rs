//! The areas of a peer specialist's role, and the competency areas of the apprenticeship.

use serde::{Deserialize, Serialize};

/// One area of the peer specialist role (groups, individual sessions, mentoring…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleArea {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub activities: Vec<String>,
}

/// One competency area of the work process schedule, with how many skills it lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompetencyArea {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub skill_count: u32,
    /// A few of the skills in the area, in plain words.
    pub examples: Vec<String>,
    /// Every skill of the area, in the schedule's order. The competency record names a skill
    /// `<area id>.<n>` by its 1-based position here.
    #[serde(default)]
    pub skills: Vec<String>,
}

/// The shape of `assets/roles.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RolesFile {
    pub roles: Vec<RoleArea>,
}

/// The shape of `assets/competencies.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CompetenciesFile {
    pub total_skills: u32,
    pub competencies: Vec<CompetencyArea>,
}
