//! The five qualities that peer support work should always have.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quality {
    pub id: String,
    pub name: String,
    /// What the quality means, in a sentence or two.
    pub meaning: String,
    /// What it looks like in a one-on-one session.
    pub in_practice: Vec<String>,
}

/// The shape of `assets/qualities.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QualitiesFile {
    pub qualities: Vec<Quality>,
}
