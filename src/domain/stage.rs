use serde::{Deserialize, Serialize};

/// The five stages of the fundamental process, in the order a session usually moves through
/// them. A specialist may go back to any stage: Connecting is task one in every meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Connecting,
    Exploring,
    Supporting,
    Planning,
    Advocating,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Connecting,
        Stage::Exploring,
        Stage::Supporting,
        Stage::Planning,
        Stage::Advocating,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Stage::Connecting => "Connecting",
            Stage::Exploring => "Exploring",
            Stage::Supporting => "Supporting",
            Stage::Planning => "Planning",
            Stage::Advocating => "Advocating",
        }
    }

    /// The stable identifier used in JSON and asset files.
    pub fn id(self) -> &'static str {
        match self {
            Stage::Connecting => "connecting",
            Stage::Exploring => "exploring",
            Stage::Supporting => "supporting",
            Stage::Planning => "planning",
            Stage::Advocating => "advocating",
        }
    }

    pub fn from_id(id: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.id() == id)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// The following stage; the last stage stays where it is.
    pub fn next(self) -> Stage {
        Stage::ALL
            .get(self.index() + 1)
            .copied()
            .unwrap_or(Stage::Advocating)
    }

    /// The previous stage; the first stage stays where it is.
    pub fn prev(self) -> Stage {
        self.index()
            .checked_sub(1)
            .and_then(|i| Stage::ALL.get(i).copied())
            .unwrap_or(Stage::Connecting)
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_and_prev_walk_the_order_and_stop_at_the_ends() {
        assert_eq!(Stage::Connecting.next(), Stage::Exploring);
        assert_eq!(Stage::Advocating.next(), Stage::Advocating);
        assert_eq!(Stage::Exploring.prev(), Stage::Connecting);
        assert_eq!(Stage::Connecting.prev(), Stage::Connecting);
    }

    #[test]
    fn ids_round_trip_and_match_serde() {
        for stage in Stage::ALL {
            assert_eq!(Stage::from_id(stage.id()), Some(stage));
            let json = serde_json::to_string(&stage).expect("serialize");
            assert_eq!(json, format!("\"{}\"", stage.id()));
        }
        assert_eq!(Stage::from_id("unknown"), None);
    }
}
