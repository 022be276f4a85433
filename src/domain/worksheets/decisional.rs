//! The advantages and disadvantages worksheet (a decisional balance): four boxes of items in
//! the peer's words, each with an optional importance from 1 to 5.

use serde::{Deserialize, Serialize};

use super::{MAX_ITEM_CHARS, clean};

/// One of the four boxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Good things about things as they are.
    GoodAboutNow,
    /// Not-so-good things about things as they are.
    NotSoGoodAboutNow,
    /// Good things about a change.
    GoodAboutChange,
    /// Not-so-good things about a change.
    NotSoGoodAboutChange,
}

impl Side {
    pub const ALL: [Side; 4] = [
        Side::GoodAboutNow,
        Side::NotSoGoodAboutNow,
        Side::GoodAboutChange,
        Side::NotSoGoodAboutChange,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Side::GoodAboutNow => "Good things about things as they are",
            Side::NotSoGoodAboutNow => "Not-so-good things about things as they are",
            Side::GoodAboutChange => "Good things about a change",
            Side::NotSoGoodAboutChange => "Not-so-good things about a change",
        }
    }
}

/// How much an item matters to the peer, 1 (a little) to 5 (a great deal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Importance(u8);

impl Importance {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;

    pub fn new(value: u8) -> Option<Importance> {
        (Self::MIN..=Self::MAX)
            .contains(&value)
            .then_some(Importance(value))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Importance {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Importance::new(value).ok_or_else(|| format!("importance must be 1 to 5, not {value}"))
    }
}

impl From<Importance> for u8 {
    fn from(i: Importance) -> u8 {
        i.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BalanceItem {
    /// In the peer's words.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<Importance>,
}

/// Counts for one box.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SideTotals {
    pub items: usize,
    /// Items given an importance.
    pub rated: usize,
    /// The sum of the importances given.
    pub importance: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionalBalance {
    #[serde(default)]
    pub good_about_now: Vec<BalanceItem>,
    #[serde(default)]
    pub not_so_good_about_now: Vec<BalanceItem>,
    #[serde(default)]
    pub good_about_change: Vec<BalanceItem>,
    #[serde(default)]
    pub not_so_good_about_change: Vec<BalanceItem>,
    /// What stands out, looking at all four boxes.
    #[serde(default)]
    pub reflection: String,
}

impl DecisionalBalance {
    pub fn items(&self, side: Side) -> &[BalanceItem] {
        match side {
            Side::GoodAboutNow => &self.good_about_now,
            Side::NotSoGoodAboutNow => &self.not_so_good_about_now,
            Side::GoodAboutChange => &self.good_about_change,
            Side::NotSoGoodAboutChange => &self.not_so_good_about_change,
        }
    }

    pub fn items_mut(&mut self, side: Side) -> &mut Vec<BalanceItem> {
        match side {
            Side::GoodAboutNow => &mut self.good_about_now,
            Side::NotSoGoodAboutNow => &mut self.not_so_good_about_now,
            Side::GoodAboutChange => &mut self.good_about_change,
            Side::NotSoGoodAboutChange => &mut self.not_so_good_about_change,
        }
    }

    /// Adds an item in the peer's words. Blank text adds nothing; long text is cut.
    pub fn add(&mut self, side: Side, text: &str, importance: Option<Importance>) -> bool {
        let Some(text) = clean(text) else {
            return false;
        };
        let text: String = text.chars().take(MAX_ITEM_CHARS).collect();
        self.items_mut(side).push(BalanceItem { text, importance });
        true
    }

    /// Sets (or with `None` clears) the importance of an item. False if there is no such item.
    pub fn set_importance(
        &mut self,
        side: Side,
        index: usize,
        importance: Option<Importance>,
    ) -> bool {
        match self.items_mut(side).get_mut(index) {
            Some(item) => {
                item.importance = importance;
                true
            }
            None => false,
        }
    }

    pub fn totals(&self, side: Side) -> SideTotals {
        let items = self.items(side);
        SideTotals {
            items: items.len(),
            rated: items.iter().filter(|i| i.importance.is_some()).count(),
            importance: items
                .iter()
                .filter_map(|i| i.importance)
                .map(|i| u32::from(i.get()))
                .sum(),
        }
    }

    pub fn is_empty(&self) -> bool {
        Side::ALL.iter().all(|s| self.items(*s).is_empty()) && self.reflection.trim().is_empty()
    }
}
