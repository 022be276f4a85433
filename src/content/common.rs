//! Small shapes shared by several kinds of content.

use serde::{Deserialize, Serialize};

use crate::domain::Stage;

/// A named idea with a sentence or two about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Explained {
    pub name: String,
    pub text: String,
}

/// One value for each of the five stages. The type makes a missing stage impossible: a file
/// that leaves one out fails to parse, with the line of the enclosing table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerStage<T> {
    pub connecting: T,
    pub exploring: T,
    pub supporting: T,
    pub planning: T,
    pub advocating: T,
}

impl<T> PerStage<T> {
    pub fn get(&self, stage: Stage) -> &T {
        match stage {
            Stage::Connecting => &self.connecting,
            Stage::Exploring => &self.exploring,
            Stage::Supporting => &self.supporting,
            Stage::Planning => &self.planning,
            Stage::Advocating => &self.advocating,
        }
    }

    /// The five values in stage order.
    pub fn iter(&self) -> impl Iterator<Item = (Stage, &T)> {
        Stage::ALL.into_iter().map(move |s| (s, self.get(s)))
    }
}
