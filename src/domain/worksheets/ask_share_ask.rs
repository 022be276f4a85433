//! Ask-Share-Ask: what the specialist asked, shared, and asked again.

use serde::{Deserialize, Serialize};

/// What was offered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SharePurpose {
    #[default]
    ProvidingInformation,
    SharingResource,
    SharingRecoveryStory,
}

impl SharePurpose {
    pub const ALL: [SharePurpose; 3] = [
        SharePurpose::ProvidingInformation,
        SharePurpose::SharingResource,
        SharePurpose::SharingRecoveryStory,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SharePurpose::ProvidingInformation => "Providing information",
            SharePurpose::SharingResource => "Sharing a resource",
            SharePurpose::SharingRecoveryStory => "Sharing part of my recovery story",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AskShareAskSheet {
    #[serde(default)]
    pub purpose: SharePurpose,
    /// What the peer knows or wants, and whether they said yes to hearing more.
    #[serde(default)]
    pub ask: String,
    /// What was offered, briefly.
    #[serde(default)]
    pub share: String,
    /// What the peer made of it.
    #[serde(default)]
    pub ask_again: String,
}

impl AskShareAskSheet {
    pub fn is_empty(&self) -> bool {
        [&self.ask, &self.share, &self.ask_again]
            .iter()
            .all(|t| t.trim().is_empty())
    }
}
