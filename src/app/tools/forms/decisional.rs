//! The advantages and disadvantages form: four rated boxes and a reflection.

use chrono::NaiveDate;

use crate::app::field::Field;
use crate::app::tools::parts::{Item, ItemList};
use crate::content::tools::{AdvantagesDisadvantages, Quadrant};
use crate::domain::worksheets::{BalanceItem, DecisionalBalance, Side, Worksheet};

pub struct DecisionalForm {
    pub content: &'static AdvantagesDisadvantages,
    /// In [`Side::ALL`] order.
    pub boxes: [ItemList; 4],
    pub reflection: Field,
}

/// The domain's box for the content's quadrant.
pub fn side_of(q: Quadrant) -> Side {
    match q {
        Quadrant::GoodAboutNow => Side::GoodAboutNow,
        Quadrant::NotSoGoodAboutNow => Side::NotSoGoodAboutNow,
        Quadrant::GoodAboutChange => Side::GoodAboutChange,
        Quadrant::NotSoGoodAboutChange => Side::NotSoGoodAboutChange,
    }
}

impl DecisionalForm {
    pub(super) fn new(
        content: &'static AdvantagesDisadvantages,
        saved: Option<&Worksheet>,
        today: NaiveDate,
    ) -> DecisionalForm {
        let s = match saved {
            Some(Worksheet::AdvantagesDisadvantages(s)) => s.clone(),
            _ => DecisionalBalance::default(),
        };
        let list = |side: Side| {
            ItemList::new("in the peer's words", today)
                .rated()
                .with_items(
                    s.items(side)
                        .iter()
                        .map(|i| Item {
                            text: i.text.clone(),
                            importance: i.importance,
                            date: None,
                        })
                        .collect(),
                )
        };
        DecisionalForm {
            content,
            boxes: Side::ALL.map(list),
            reflection: Field::multi("what stands out? what matters most? in the peer's words")
                .with_text(&s.reflection),
        }
    }

    pub fn sheet(&self) -> DecisionalBalance {
        let mut d = DecisionalBalance {
            reflection: self.reflection.text().trim().to_string(),
            ..DecisionalBalance::default()
        };
        for (side, list) in Side::ALL.into_iter().zip(&self.boxes) {
            *d.items_mut(side) = list
                .items_with_pending()
                .into_iter()
                .map(|i| BalanceItem {
                    text: i.text,
                    importance: i.importance,
                })
                .collect();
        }
        d
    }
}
