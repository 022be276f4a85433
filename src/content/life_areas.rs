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
