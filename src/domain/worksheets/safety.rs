//! The safety plan: seven sections in the peer's own words, kept per peer, and versioned so
//! every save is kept.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::super::Timestamp;

/// The seven sections, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SafetySection {
    WarningSigns,
    InternalCoping,
    SocialDistraction,
    PeopleToAsk,
    Professionals,
    SafeEnvironment,
    ReasonsForLiving,
}

impl SafetySection {
    pub const ALL: [SafetySection; 7] = [
        SafetySection::WarningSigns,
        SafetySection::InternalCoping,
        SafetySection::SocialDistraction,
        SafetySection::PeopleToAsk,
        SafetySection::Professionals,
        SafetySection::SafeEnvironment,
        SafetySection::ReasonsForLiving,
    ];

    /// A plain heading, used when the content's own title is not at hand.
    pub fn label(self) -> &'static str {
        match self {
            SafetySection::WarningSigns => "Warning signs",
            SafetySection::InternalCoping => "Things I can do on my own",
            SafetySection::SocialDistraction => "People and places that help me feel better",
            SafetySection::PeopleToAsk => "People I can ask for help",
            SafetySection::Professionals => "Professionals and services to contact",
            SafetySection::SafeEnvironment => "Making my surroundings safer",
            SafetySection::ReasonsForLiving => "What matters most to me",
        }
    }
}

/// One safety plan. Each section is a list of lines, in the peer's words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafetyPlanSheet {
    #[serde(default)]
    pub warning_signs: Vec<String>,
    #[serde(default)]
    pub internal_coping: Vec<String>,
    #[serde(default)]
    pub social_distraction: Vec<String>,
    #[serde(default)]
    pub people_to_ask: Vec<String>,
    #[serde(default)]
    pub professionals: Vec<String>,
    #[serde(default)]
    pub safe_environment: Vec<String>,
    #[serde(default)]
    pub reasons_for_living: Vec<String>,
}

impl SafetyPlanSheet {
    pub fn items(&self, section: SafetySection) -> &[String] {
        match section {
            SafetySection::WarningSigns => &self.warning_signs,
            SafetySection::InternalCoping => &self.internal_coping,
            SafetySection::SocialDistraction => &self.social_distraction,
            SafetySection::PeopleToAsk => &self.people_to_ask,
            SafetySection::Professionals => &self.professionals,
            SafetySection::SafeEnvironment => &self.safe_environment,
            SafetySection::ReasonsForLiving => &self.reasons_for_living,
        }
    }

    pub fn items_mut(&mut self, section: SafetySection) -> &mut Vec<String> {
        match section {
            SafetySection::WarningSigns => &mut self.warning_signs,
            SafetySection::InternalCoping => &mut self.internal_coping,
            SafetySection::SocialDistraction => &mut self.social_distraction,
            SafetySection::PeopleToAsk => &mut self.people_to_ask,
            SafetySection::Professionals => &mut self.professionals,
            SafetySection::SafeEnvironment => &mut self.safe_environment,
            SafetySection::ReasonsForLiving => &mut self.reasons_for_living,
        }
    }

    pub fn is_empty(&self) -> bool {
        SafetySection::ALL.iter().all(|s| self.items(*s).is_empty())
    }

    /// Sections with something written in them.
    pub fn filled_sections(&self) -> usize {
        SafetySection::ALL
            .iter()
            .filter(|s| !self.items(**s).is_empty())
            .count()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SafetyPlanError {
    #[error("the safety plan is empty: write at least one line in one section")]
    Empty,
    #[error("nothing changed since the last saved version")]
    Unchanged,
    #[error("this safety plan belongs to another peer")]
    WrongPeer,
}

/// One saved version of a peer's plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafetyPlanVersion {
    /// 1 for the first save, then one more each time.
    pub version: u32,
    pub saved_at: Timestamp,
    /// The session it was saved in, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_id: Option<Uuid>,
    pub plan: SafetyPlanSheet,
}

/// Every version of one peer's safety plan, oldest first. Versions are never changed or
/// removed; a save adds one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafetyPlanHistory {
    pub peer_id: Uuid,
    #[serde(default)]
    pub versions: Vec<SafetyPlanVersion>,
}

impl SafetyPlanHistory {
    pub fn new(peer_id: Uuid) -> SafetyPlanHistory {
        SafetyPlanHistory {
            peer_id,
            versions: Vec::new(),
        }
    }

    pub fn latest(&self) -> Option<&SafetyPlanVersion> {
        self.versions.iter().max_by_key(|v| v.version)
    }

    /// Adds `plan` as the next version. Refuses an empty plan and one identical to the
    /// latest version (so saving twice does not pile up copies).
    pub fn add_version(
        &mut self,
        plan: SafetyPlanSheet,
        saved_at: Timestamp,
        session_id: Option<Uuid>,
    ) -> Result<u32, SafetyPlanError> {
        if plan.is_empty() {
            return Err(SafetyPlanError::Empty);
        }
        if self.latest().is_some_and(|v| v.plan == plan) {
            return Err(SafetyPlanError::Unchanged);
        }
        let version = self.latest().map_or(1, |v| v.version.saturating_add(1));
        self.versions.push(SafetyPlanVersion {
            version,
            saved_at,
            session_id,
            plan,
        });
        Ok(version)
    }

    /// Checks that the history is `peer_id`'s, e.g. after reading it from a file named for them.
    pub fn check_peer(&self, peer_id: Uuid) -> Result<(), SafetyPlanError> {
        if self.peer_id == peer_id {
            Ok(())
        } else {
            Err(SafetyPlanError::WrongPeer)
        }
    }
}
