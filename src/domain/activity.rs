use serde::{Deserialize, Serialize};

/// Direct peer support activities, as a program counts them when it reports how a
/// specialist's time is spent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DirectActivity {
    ExperientialSharing,
    RelationshipBuilding,
    SocializingSelfEsteemBuilding,
    BuildingCommunity,
    SkillBuildingMentoringGoalSetting,
    ConnectingToResources,
    Advocacy,
    GroupFacilitation,
}

impl DirectActivity {
    pub const ALL: [DirectActivity; 8] = [
        DirectActivity::ExperientialSharing,
        DirectActivity::RelationshipBuilding,
        DirectActivity::SocializingSelfEsteemBuilding,
        DirectActivity::BuildingCommunity,
        DirectActivity::SkillBuildingMentoringGoalSetting,
        DirectActivity::ConnectingToResources,
        DirectActivity::Advocacy,
        DirectActivity::GroupFacilitation,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DirectActivity::ExperientialSharing => "Experiential sharing",
            DirectActivity::RelationshipBuilding => "Relationship building",
            DirectActivity::SocializingSelfEsteemBuilding => "Socializing / self-esteem building",
            DirectActivity::BuildingCommunity => "Building community",
            DirectActivity::SkillBuildingMentoringGoalSetting => {
                "Skill building / mentoring / goal setting"
            }
            DirectActivity::ConnectingToResources => "Connecting to resources",
            DirectActivity::Advocacy => "Advocacy",
            DirectActivity::GroupFacilitation => "Group facilitation",
        }
    }

    /// The id used in files, reports and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            DirectActivity::ExperientialSharing => "experiential_sharing",
            DirectActivity::RelationshipBuilding => "relationship_building",
            DirectActivity::SocializingSelfEsteemBuilding => "socializing_self_esteem_building",
            DirectActivity::BuildingCommunity => "building_community",
            DirectActivity::SkillBuildingMentoringGoalSetting => {
                "skill_building_mentoring_goal_setting"
            }
            DirectActivity::ConnectingToResources => "connecting_to_resources",
            DirectActivity::Advocacy => "advocacy",
            DirectActivity::GroupFacilitation => "group_facilitation",
        }
    }

    pub fn from_id(id: &str) -> Option<DirectActivity> {
        DirectActivity::ALL.into_iter().find(|a| a.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_stored_names() {
        for a in DirectActivity::ALL {
            assert_eq!(
                serde_json::to_string(&a).expect("json"),
                format!("\"{}\"", a.id())
            );
            assert_eq!(DirectActivity::from_id(a.id()), Some(a));
        }
    }
}
