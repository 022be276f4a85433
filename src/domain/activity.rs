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
}
