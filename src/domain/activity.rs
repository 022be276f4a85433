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

/// Minutes per direct activity, as a session's facts keep them: one 16-bit slot per
/// activity, so a hundred thousand indexed sessions need no allocation each for a map of two
/// entries (and 16 bytes, not 32: 65,534 minutes, over 45 days, is more than any session).
/// Written and read as the JSON map `{"advocacy": 30}`; an activity given 0 minutes stays
/// apart from one not given at all.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct ActivityMinutes([u16; DirectActivity::ALL.len()]);

/// A slot with no minutes given.
const ABSENT: u16 = u16::MAX;

impl Default for ActivityMinutes {
    fn default() -> Self {
        ActivityMinutes([ABSENT; DirectActivity::ALL.len()])
    }
}

impl ActivityMinutes {
    /// Sets the minutes of one activity (the largest count kept is one below `u16::MAX`).
    pub fn insert(&mut self, activity: DirectActivity, minutes: u32) {
        self.0[activity as usize] = u16::try_from(minutes).unwrap_or(ABSENT).min(ABSENT - 1);
    }

    /// The activities given minutes, in [`DirectActivity::ALL`] order, with their minutes.
    pub fn iter(&self) -> impl Iterator<Item = (DirectActivity, u32)> + '_ {
        DirectActivity::ALL
            .iter()
            .zip(self.0)
            .filter(|&(_, m)| m != ABSENT)
            .map(|(a, m)| (*a, u32::from(m)))
    }

    pub fn len(&self) -> usize {
        self.0.iter().filter(|&&m| m != ABSENT).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl FromIterator<(DirectActivity, u32)> for ActivityMinutes {
    fn from_iter<I: IntoIterator<Item = (DirectActivity, u32)>>(items: I) -> Self {
        let mut out = ActivityMinutes::default();
        for (a, m) in items {
            out.insert(a, m);
        }
        out
    }
}

impl From<std::collections::BTreeMap<DirectActivity, u32>> for ActivityMinutes {
    fn from(map: std::collections::BTreeMap<DirectActivity, u32>) -> Self {
        map.into_iter().collect()
    }
}

impl std::fmt::Debug for ActivityMinutes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for ActivityMinutes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for ActivityMinutes {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        std::collections::BTreeMap::<DirectActivity, u32>::deserialize(d).map(Into::into)
    }
}

#[cfg(test)]
mod minutes_tests {
    use super::*;

    #[test]
    fn minutes_read_and_write_as_the_map_they_replace() {
        let map = std::collections::BTreeMap::from([
            (DirectActivity::Advocacy, 30),
            (DirectActivity::ExperientialSharing, 0),
        ]);
        let m = ActivityMinutes::from(map.clone());
        assert_eq!(
            serde_json::to_string(&m).expect("encode"),
            serde_json::to_string(&map).expect("encode")
        );
        let back: ActivityMinutes =
            serde_json::from_str(&serde_json::to_string(&map).expect("encode")).expect("decode");
        assert_eq!(back, m);
        assert_eq!(
            m.iter().collect::<Vec<_>>(),
            map.into_iter().collect::<Vec<_>>(),
            "a 0 is kept apart from nothing"
        );
        assert_eq!(m.len(), 2);
        assert!(ActivityMinutes::default().is_empty());
    }
}
