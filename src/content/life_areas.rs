//! The life areas a check-in offers (`assets/life_areas.toml`), and the private wellbeing
//! check's questions (`assets/wellbeing.toml`).

use std::sync::OnceLock;

use serde::Deserialize;

/// One built-in life area.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LifeArea {
    pub id: String,
    /// Shown, and stored with each rating.
    pub label: String,
    pub prompt: String,
}

#[derive(Deserialize)]
struct AreasFile {
    area: Vec<LifeArea>,
}

const AREAS: (&str, &str) = (
    "assets/life_areas.toml",
    include_str!("../../assets/life_areas.toml"),
);

/// The built-in life areas, in order. The file is embedded and tested to parse; were it ever
/// not to, the check-in offers only the areas the peer adds.
pub fn life_areas() -> &'static [LifeArea] {
    static CELL: OnceLock<Vec<LifeArea>> = OnceLock::new();
    CELL.get_or_init(|| {
        super::parse::<AreasFile>(AREAS)
            .map(|f| f.area)
            .unwrap_or_default()
    })
}

/// The labels of the built-in areas, for ordering charts.
pub fn area_labels() -> Vec<&'static str> {
    life_areas().iter().map(|a| a.label.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_areas_load() {
        let labels = area_labels();
        assert_eq!(
            labels,
            [
                "Home",
                "Work or school",
                "Community",
                "Health",
                "Relationships"
            ]
        );
        assert!(life_areas().iter().all(|a| !a.prompt.is_empty()));
    }
}

/// One question of the wellbeing check.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WellbeingQuestion {
    pub id: String,
    pub label: String,
    pub text: String,
    /// What the summary says, kindly, when the answer is low or falling.
    pub low: String,
}

/// The wellbeing check's questions and words.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wellbeing {
    pub intro: String,
    pub every_days: i64,
    /// Where the self-care tool and the reference are.
    pub tools: String,
    /// The same pointers on the wellbeing screen, with its own keys.
    #[serde(default)]
    pub screen_pointer: String,
    pub question: Vec<WellbeingQuestion>,
}

const WELLBEING: (&str, &str) = (
    "assets/wellbeing.toml",
    include_str!("../../assets/wellbeing.toml"),
);

/// The built-in wellbeing check (tested to parse).
pub fn wellbeing() -> &'static Wellbeing {
    static CELL: OnceLock<Wellbeing> = OnceLock::new();
    CELL.get_or_init(|| super::parse::<Wellbeing>(WELLBEING).unwrap_or_default())
}

#[cfg(test)]
mod wellbeing_tests {
    #[test]
    fn the_wellbeing_check_loads_with_the_risk_and_protective_factors() {
        let w = super::wellbeing();
        let ids: Vec<&str> = w.question.iter().map(|q| q.id.as_str()).collect();
        for id in [
            "workload",
            "boundaries",
            "own_recovery",
            "supervision",
            "self_care",
        ] {
            assert!(ids.contains(&id), "{id}");
        }
        assert_eq!(w.every_days, 7);
    }
}
