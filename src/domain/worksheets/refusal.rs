//! A gentle refusal, prepared in three steps.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GentleRefusalSheet {
    /// What was asked for.
    #[serde(default)]
    pub request: String,
    /// Step 1: show the request and the need behind it were heard.
    #[serde(default)]
    pub acknowledge: String,
    /// Step 2: the limit, stated kindly.
    #[serde(default)]
    pub limit: String,
    /// Step 3: what can be offered instead.
    #[serde(default)]
    pub offer: String,
}

impl GentleRefusalSheet {
    pub fn is_empty(&self) -> bool {
        [&self.request, &self.acknowledge, &self.limit, &self.offer]
            .iter()
            .all(|t| t.trim().is_empty())
    }
}
