//! The exploring values form: pick values (the content's or the peer's own), then rank them
//! and note how each shows up now.

use crate::app::Action;
use crate::app::field::Field;
use crate::app::tools::parts::{Outcome, PartMode};
use crate::content::tools::ExploringValues;
use crate::domain::worksheets::{MAX_VALUE_CHARS, ValuesSheet, Worksheet};

/// What the one-line input of the values form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValuesInput {
    /// A value in the peer's own words.
    Own,
    /// How the chosen value at this rank shows up now.
    Note(usize),
}

pub struct ValuesForm {
    pub content: &'static ExploringValues,
    pub sheet: ValuesSheet,
    /// Selected row of the list of values (the content's, then the peer's own).
    pub pick: usize,
    /// Selected row of the ranking.
    pub rank: usize,
    pub input: Option<(ValuesInput, Field)>,
}

impl ValuesForm {
    pub const PICK: usize = 0;
    pub const RANK: usize = 1;

    pub(super) fn new(content: &'static ExploringValues, saved: Option<&Worksheet>) -> ValuesForm {
        ValuesForm {
            content,
            sheet: match saved {
                Some(Worksheet::Values(s)) => s.clone(),
                _ => ValuesSheet::default(),
            },
            pick: 0,
            rank: 0,
            input: None,
        }
    }

    /// The rows of the list: every listed value, then the peer's own.
    pub fn rows(&self) -> Vec<(&str, Option<&str>)> {
        let mut rows: Vec<(&str, Option<&str>)> = self
            .content
            .values
            .iter()
            .map(|v| (v.name.as_str(), Some(v.meaning.as_str())))
            .collect();
        rows.extend(
            self.sheet
                .chosen
                .iter()
                .filter(|c| c.own)
                .map(|c| (c.name.as_str(), None)),
        );
        rows
    }

    /// The sheet with whatever is half-typed (a value of their own, a note), as a draft
    /// should keep it.
    pub fn sheet_with_pending(&self) -> ValuesSheet {
        let mut sheet = self.sheet.clone();
        match &self.input {
            Some((ValuesInput::Own, field)) => {
                let _ = sheet.add_own(&field.text(), &self.listed());
            }
            Some((ValuesInput::Note(i), field)) => {
                sheet.set_note(*i, &field.text());
            }
            None => {}
        }
        sheet
    }

    fn listed(&self) -> Vec<&'static str> {
        self.content
            .values
            .iter()
            .map(|v| v.name.as_str())
            .collect()
    }

    pub(super) fn mode(&self, stop: usize) -> PartMode {
        match (self.input.is_some(), stop) {
            (true, _) => PartMode::Input,
            (false, ValuesForm::PICK) => PartMode::Checks,
            (false, _) => PartMode::List,
        }
    }

    fn open_input(&mut self, what: ValuesInput) {
        let mut field = match what {
            ValuesInput::Own => {
                Field::single("a value in the peer's own words").with_max_chars(MAX_VALUE_CHARS)
            }
            ValuesInput::Note(i) => Field::single("how it shows up in their life now").with_text(
                self.sheet
                    .chosen
                    .get(i)
                    .map(|v| v.how_it_shows.as_str())
                    .unwrap_or(""),
            ),
        };
        field.set_focused(true);
        self.input = Some((what, field));
    }

    pub(super) fn finish_input(&mut self) -> Outcome {
        let Some((what, field)) = self.input.take() else {
            return Outcome::Nothing;
        };
        let text = field.text();
        match what {
            ValuesInput::Own if text.trim().is_empty() => Outcome::Nothing,
            ValuesInput::Own => match self.sheet.add_own(&text, &self.listed()) {
                Ok(i) => {
                    self.rank = i;
                    self.pick = self
                        .rows()
                        .iter()
                        .position(|(n, _)| self.sheet.chosen.get(i).is_some_and(|c| c.name == *n))
                        .unwrap_or(self.pick);
                    Outcome::Changed
                }
                Err(e) => {
                    // Keep the typing so it can be fixed.
                    self.input = Some((what, field));
                    Outcome::Error(e)
                }
            },
            ValuesInput::Note(i) => {
                let before = self.sheet.chosen.get(i).map(|v| v.how_it_shows.clone());
                self.sheet.set_note(i, &text);
                let after = self.sheet.chosen.get(i).map(|v| v.how_it_shows.clone());
                Outcome::changed(before != after)
            }
        }
    }

    pub(super) fn handle(&mut self, stop: usize, action: &Action) -> Outcome {
        if let Some((_, field)) = self.input.as_mut() {
            return match action {
                Action::Input(key) => Outcome::changed(field.input(key)),
                Action::Submit | Action::NextField | Action::PrevField => self.finish_input(),
                Action::Back => match self.finish_input() {
                    // Esc gives up on a value that cannot be added; nothing written is lost.
                    Outcome::Error(e) => {
                        self.input = None;
                        Outcome::Info(format!("Not added: {e}"))
                    }
                    other => other,
                },
                _ => Outcome::Nothing,
            };
        }
        if stop == ValuesForm::PICK {
            let len = self.rows().len();
            match action {
                Action::Up => self.pick = self.pick.saturating_sub(1),
                Action::Down => self.pick = (self.pick + 1).min(len.saturating_sub(1)),
                Action::PageUp => self.pick = self.pick.saturating_sub(8),
                Action::PageDown => self.pick = (self.pick + 8).min(len.saturating_sub(1)),
                Action::ToggleItem | Action::Submit => {
                    let Some(name) = self.rows().get(self.pick).map(|(n, _)| n.to_string()) else {
                        return Outcome::Nothing;
                    };
                    self.sheet.toggle(&name);
                    // An own value un-chosen leaves the list: keep the cursor in range.
                    self.pick = self.pick.min(self.rows().len().saturating_sub(1));
                    self.rank = self.rank.min(self.sheet.chosen.len().saturating_sub(1));
                    return Outcome::Changed;
                }
                Action::AddItem => self.open_input(ValuesInput::Own),
                _ => {}
            }
            return Outcome::Nothing;
        }
        let len = self.sheet.chosen.len();
        match action {
            Action::Up => self.rank = self.rank.saturating_sub(1),
            Action::Down => self.rank = (self.rank + 1).min(len.saturating_sub(1)),
            Action::MoveItemUp if self.rank < len => {
                let before = self.rank;
                self.rank = self.sheet.move_up(self.rank);
                return Outcome::changed(before != self.rank);
            }
            Action::MoveItemDown if self.rank < len => {
                let before = self.rank;
                self.rank = self.sheet.move_down(self.rank);
                return Outcome::changed(before != self.rank);
            }
            Action::EditItem | Action::Submit if self.rank < len => {
                self.open_input(ValuesInput::Note(self.rank))
            }
            Action::RemoveItem if self.rank < len => {
                self.sheet.chosen.remove(self.rank);
                self.rank = self.rank.min(self.sheet.chosen.len().saturating_sub(1));
                self.pick = self.pick.min(self.rows().len().saturating_sub(1));
                return Outcome::Changed;
            }
            Action::AddItem => self.open_input(ValuesInput::Own),
            Action::Submit | Action::EditItem => {
                return Outcome::Info("Choose values in the list first (Space).".into());
            }
            _ => {}
        }
        Outcome::Nothing
    }
}
