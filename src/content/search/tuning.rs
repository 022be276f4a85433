//! The built-in search tuning: stopwords, aliases and the safety rules, from `assets/search.toml`.

use std::collections::HashMap;

use serde::Deserialize;

const TUNING: &str = include_str!("../../../assets/search.toml");

/// The shape of `assets/search.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tuning {
    #[serde(default)]
    pub stopwords: Vec<String>,
    /// Extra search words by entry id.
    #[serde(default)]
    pub aliases: HashMap<String, Vec<String>>,
    /// Starts of words that make a query about someone's safety.
    #[serde(default)]
    pub safety_words: Vec<String>,
    /// Entries that answer any safety question first, in this order.
    #[serde(default)]
    pub safety_entries: Vec<String>,
    /// Matches scoring under this share of the best are left out.
    #[serde(default)]
    pub weak_cut: f32,
}

impl Tuning {
    /// The built-in tuning. A test checks that it parses; if it somehow did not, search
    /// still works, only without stopwords and aliases.
    pub fn builtin() -> Tuning {
        toml::from_str(TUNING).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_tuning_parses() {
        let t: Tuning = toml::from_str(TUNING).expect("assets/search.toml parses");
        assert!(t.stopwords.contains(&"the".to_string()));
        assert!(!t.aliases.is_empty());
    }
}
