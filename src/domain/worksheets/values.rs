//! Exploring values: the values a peer chose (from the list or their own), in the order they
//! ranked them. The first five are their top five, each with a note on how it shows up now.

use serde::{Deserialize, Serialize};

use super::clean;

/// How many chosen values count as the top.
pub const TOP_VALUES: usize = 5;
/// Longest value name, in characters.
pub const MAX_VALUE_CHARS: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChosenValue {
    pub name: String,
    /// Added by the peer rather than picked from the list.
    #[serde(default)]
    pub own: bool,
    /// How the value shows up in the peer's life now.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub how_it_shows: String,
}

/// Chosen values, most important first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValuesSheet {
    #[serde(default)]
    pub chosen: Vec<ChosenValue>,
}

fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

impl ValuesSheet {
    pub fn is_empty(&self) -> bool {
        self.chosen.is_empty()
    }

    pub fn position(&self, name: &str) -> Option<usize> {
        self.chosen.iter().position(|v| same(&v.name, name))
    }

    pub fn is_chosen(&self, name: &str) -> bool {
        self.position(name).is_some()
    }

    /// Chooses a value from the list, or un-chooses it. A newly chosen value goes last.
    /// Returns whether it is now chosen.
    pub fn toggle(&mut self, name: &str) -> bool {
        match self.position(name) {
            Some(i) => {
                self.chosen.remove(i);
                false
            }
            None => {
                self.chosen.push(ChosenValue {
                    name: name.trim().to_string(),
                    own: false,
                    how_it_shows: String::new(),
                });
                true
            }
        }
    }

    /// Adds a value in the peer's own words. `listed` are the list's names, so a value that
    /// is already on the list is chosen from it instead of duplicated.
    pub fn add_own(&mut self, name: &str, listed: &[&str]) -> Result<usize, String> {
        let Some(name) = clean(name) else {
            return Err("Type the value first.".into());
        };
        if name.chars().count() > MAX_VALUE_CHARS {
            return Err(format!(
                "Keep a value to {MAX_VALUE_CHARS} characters; add detail in its note."
            ));
        }
        if let Some(i) = self.position(&name) {
            return Err(format!("That value is already chosen (number {}).", i + 1));
        }
        let own = !listed.iter().any(|l| same(l, &name));
        let name = match listed.iter().find(|l| same(l, &name)) {
            Some(l) => l.to_string(),
            None => name,
        };
        self.chosen.push(ChosenValue {
            name,
            own,
            how_it_shows: String::new(),
        });
        Ok(self.chosen.len() - 1)
    }

    /// Moves the value at `index` one place up the ranking. Returns its new index.
    pub fn move_up(&mut self, index: usize) -> usize {
        if index > 0 && index < self.chosen.len() {
            self.chosen.swap(index, index - 1);
            index - 1
        } else {
            index
        }
    }

    /// Moves the value at `index` one place down the ranking. Returns its new index.
    pub fn move_down(&mut self, index: usize) -> usize {
        if index + 1 < self.chosen.len() {
            self.chosen.swap(index, index + 1);
            index + 1
        } else {
            index
        }
    }

    pub fn top(&self) -> &[ChosenValue] {
        &self.chosen[..self.chosen.len().min(TOP_VALUES)]
    }

    pub fn set_note(&mut self, index: usize, text: &str) -> bool {
        match self.chosen.get_mut(index) {
            Some(v) => {
                v.how_it_shows = text.trim().to_string();
                true
            }
            None => false,
        }
    }
}
