//! The specialist's own weekly wellbeing check, from Home: a gentle summary over time and,
//! when a check is due (or asked for), the questions as a form answered 1-5 with an optional
//! word. Private: saved only to `wellbeing.json`; nothing else in the app reads it.

use super::field::Field;
use super::{Action, App, Confirm, Effect, Screen};
use crate::content::life_areas::{Wellbeing, wellbeing};
use crate::domain::Timestamp;
use crate::domain::wellbeing::{Answer, MAX_ANSWER, MIN_ANSWER, WellbeingCheck, WellbeingLog};

/// The check being answered: one value per question, then a word for oneself.
pub struct WellbeingForm {
    pub values: Vec<Option<u8>>,
    /// The selected row: a question, or `values.len()` for the word.
    pub row: usize,
    pub note: Field,
    pub error: Option<String>,
}

impl WellbeingForm {
    pub fn new(questions: usize) -> WellbeingForm {
        WellbeingForm {
            values: vec![None; questions],
            row: 0,
            note: Field::single("a word for yourself (optional)").with_max_chars(200),
            error: None,
        }
    }

    /// True on the word's row, where keys are typed.
    pub fn on_note(&self) -> bool {
        self.row >= self.values.len()
    }

    /// Anything typed or answered, so leaving asks first.
    pub fn touched(&self) -> bool {
        self.values.iter().any(Option::is_some) || !self.note.is_blank()
    }

    fn select(&mut self, row: usize) {
        self.row = row.min(self.values.len());
        let on_note = self.on_note();
        self.note.set_focused(on_note);
    }

    /// Answers the selected question and moves on to the next.
    fn answer(&mut self, value: u8) {
        if let Some(v) = self.values.get_mut(self.row) {
            *v = Some(value.clamp(MIN_ANSWER, MAX_ANSWER));
            self.error = None;
            self.select(self.row + 1);
        }
    }

    fn step(&mut self, up: bool) {
        if let Some(v) = self.values.get_mut(self.row) {
            let now = v.unwrap_or(3);
            *v = Some(if up {
                (now + 1).min(MAX_ANSWER)
            } else {
                now.saturating_sub(1).max(MIN_ANSWER)
            });
            self.error = None;
        }
    }

    /// The check as answered; unanswered questions are left out.
    pub fn to_check(&self, w: &Wellbeing, at: Timestamp) -> Result<WellbeingCheck, String> {
        let answers = w
            .question
            .iter()
            .zip(&self.values)
            .filter_map(|(q, v)| {
                v.map(|value| Answer {
                    id: q.id.clone(),
                    value,
                })
            })
            .collect();
        WellbeingCheck::new(at, answers, &self.note.text()).map_err(|e| match e {
            crate::domain::wellbeing::WellbeingError::Empty => {
                "Answer at least one question (1-5), or Esc to leave.".to_string()
            }
            other => other.to_string(),
        })
    }
}

/// The wellbeing screen: the checks once read, and the form while answering.
#[derive(Default)]
pub struct WellbeingView {
    /// `None` until the file has been read.
    pub log: Option<WellbeingLog>,
    pub form: Option<WellbeingForm>,
    /// The check waiting for its save to finish.
    pub saving: Option<WellbeingLog>,
    /// Why the checks could not be read or kept.
    pub error: Option<String>,
}

impl WellbeingView {
    /// True when no check was kept in the last week (or the checks are not read yet).
    pub fn due(&self, today: chrono::NaiveDate) -> bool {
        self.log
            .as_ref()
            .is_some_and(|l| l.due(today, wellbeing().every_days))
    }
}

/// Home `w`: the screen, and the checks read fresh.
pub fn opened(app: &mut App) -> Vec<Effect> {
    if app.screen != Screen::Wellbeing {
        return vec![];
    }
    app.wellbeing = WellbeingView::default();
    vec![Effect::LoadWellbeing]
}

/// The checks were read: a due check opens its form at once.
pub fn loaded(app: &mut App, log: WellbeingLog) {
    let today = app.now.date_naive();
    let view = &mut app.wellbeing;
    view.error = None;
    let due = log.due(today, wellbeing().every_days);
    view.log = Some(log);
    if due && view.form.is_none() && app.screen == Screen::Wellbeing {
        view.form = Some(WellbeingForm::new(wellbeing().question.len()));
    }
}

pub fn load_failed(app: &mut App, message: String) {
    app.wellbeing.error = Some(message);
}

pub fn saved(app: &mut App) {
    let view = &mut app.wellbeing;
    if let Some(log) = view.saving.take() {
        view.log = Some(log);
    }
    view.form = None;
    app.info("Kept. Only you can see this.");
}

pub fn save_failed(app: &mut App, message: &str) {
    app.wellbeing.saving = None;
    app.error(format!(
        "{message} Your answers are still here; Ctrl+S to try again."
    ));
}

/// Leaves the form without keeping it (after the question, when something was typed).
pub fn discard(app: &mut App) {
    app.wellbeing.form = None;
}

pub fn update(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let w = wellbeing();
    let view = &mut app.wellbeing;
    let Some(form) = view.form.as_mut() else {
        match action {
            Action::Submit | Action::AddItem => {
                if view.log.is_none() {
                    app.info("Your checks are still being read.");
                } else {
                    let mut form = WellbeingForm::new(w.question.len());
                    form.select(0);
                    view.form = Some(form);
                }
            }
            Action::OpenSelfCare => {
                return super::tools::open_standalone(app, "self_care", now);
            }
            Action::Back => {
                // Nothing of it stays in memory once the screen is left.
                app.wellbeing = WellbeingView::default();
                app.screen = Screen::Home;
            }
            _ => {}
        }
        return vec![];
    };
    if view.saving.is_some() {
        return vec![];
    }
    match action {
        Action::Rate(n) if !form.on_note() => form.answer(n),
        Action::Input(key) if form.on_note() => {
            form.note.input(key);
        }
        Action::Input(_) => {
            form.error = Some("Answer with a number from 1 (hardly) to 5 (very much).".into());
        }
        Action::Up => form.select(form.row.saturating_sub(1)),
        Action::Down | Action::NextField | Action::Submit => form.select(form.row + 1),
        Action::PrevField => form.select(form.row.saturating_sub(1)),
        Action::PrevValue if !form.on_note() => form.step(false),
        Action::NextValue if !form.on_note() => form.step(true),
        Action::Save => match form.to_check(w, now) {
            Ok(check) => {
                let mut log = view.log.clone().unwrap_or_default();
                log.add(check);
                view.saving = Some(log.clone());
                return vec![Effect::SaveWellbeing(log)];
            }
            Err(e) => form.error = Some(e),
        },
        Action::Back => {
            if form.touched() {
                app.confirm = Some(Confirm::DiscardWellbeing);
            } else {
                view.form = None;
            }
        }
        _ => {}
    }
    vec![]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339(&format!("2026-03-{day:02}T18:00:00-05:00"))
            .expect("time")
    }

    #[test]
    fn the_form_moves_on_after_each_answer_and_keeps_only_answered_questions() {
        let w = wellbeing();
        let mut form = WellbeingForm::new(w.question.len());
        assert!(!form.touched());
        assert_eq!(
            form.to_check(w, at(1)).map(|_| ()),
            Err("Answer at least one question (1-5), or Esc to leave.".to_string())
        );
        form.answer(4);
        form.step(false);
        assert_eq!(form.values[0], Some(4));
        assert_eq!(form.row, 1);
        form.step(true);
        form.step(true);
        assert_eq!(form.values[1], Some(4));
        form.select(99);
        assert!(form.on_note());
        form.note.set_text(" tired but ok ");
        let check = form.to_check(w, at(1)).expect("valid");
        assert_eq!(check.answers.len(), 2);
        assert_eq!(check.answer(&w.question[0].id), Some(4));
        assert_eq!(check.note, "tired but ok");
    }
}
