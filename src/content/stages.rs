//! The five stages of the fundamental process, as the reference describes them.

use serde::{Deserialize, Serialize};

use crate::domain::Stage;

/// What the reference says about one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageInfo {
    pub id: Stage,
    pub name: String,
    /// Two or three sentences on what this stage is for.
    pub purpose: String,
    pub key_concepts: Vec<KeyConcept>,
    /// Ids of the tools suggested at this stage, in the order to offer them.
    pub tools: Vec<String>,
}

/// A key concept of a stage, short enough to show beside a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyConcept {
    /// Unique within its stage; the same idea may appear at more than one stage.
    pub id: String,
    pub name: String,
    pub explanation: String,
}

/// The shape of `assets/stages.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StagesFile {
    pub stages: Vec<StageInfo>,
}
