//! The competency record: areas with progress, the skills of one area, and the forms to
//! mark a skill as demonstrated, add a supervisor's sign-off and log on-the-job hours.
//!
//! A change is built on a copy of the record and saved whole; the screen shows it only once
//! the store confirms, and a form stays open (with everything typed) until then.

use chrono::NaiveDate;
use uuid::Uuid;

use super::field::Field;
use super::{Action, App, Confirm, Effect, Screen};
use crate::content::CompetencyArea;
use crate::domain::Timestamp;
use crate::domain::competency::{
    CompetencyError, CompetencyRecord, MAX_CONTEXT_CHARS, MAX_EVIDENCE_CHARS, MAX_INITIALS_CHARS,
    MAX_NOTE_CHARS, MarkOutcome, SkillRef, parse_date, parse_hours, skill_id,
};

/// What a form records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    /// Mark skill `n` (1-based) of an area as demonstrated, or edit its mark.
    Mark { area: String, n: usize },
    /// The supervisor's initials and date for a demonstrated skill.
    SignOff { skill: String },
    /// Hours worked in an area.
    Hours { area: String },
}

#[derive(Debug, Clone)]
pub struct CompetencyForm {
    pub kind: FormKind,
    /// What the form is about: the skill or the area, in words.
    pub subject: String,
    pub labels: Vec<&'static str>,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
    /// The text the form opened with, to tell whether anything was typed.
    initial: Vec<String>,
}

impl CompetencyForm {
    fn new(kind: FormKind, subject: String, rows: Vec<(&'static str, Field)>) -> CompetencyForm {
        let initial = rows.iter().map(|(_, f)| f.text()).collect();
        let (labels, fields) = rows.into_iter().unzip();
        let mut form = CompetencyForm {
            kind,
            subject,
            labels,
            fields,
            focus: 0,
            error: None,
            initial,
        };
        form.refocus();
        form
    }

    fn refocus(&mut self) {
        let focus = self.focus;
        for (i, f) in self.fields.iter_mut().enumerate() {
            f.set_focused(i == focus);
        }
    }

    fn text(&self, i: usize) -> String {
        self.fields.get(i).map(Field::text).unwrap_or_default()
    }

    pub fn changed(&self) -> bool {
        self.fields
            .iter()
            .zip(&self.initial)
            .any(|(f, t)| f.text() != *t)
    }

    pub fn title(&self) -> &'static str {
        match self.kind {
            FormKind::Mark { .. } => "Skill demonstrated",
            FormKind::SignOff { .. } => "Supervisor sign-off",
            FormKind::Hours { .. } => "Log on-the-job hours",
        }
    }
}

/// Which list of an open area has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AreaPane {
    Skills,
    Hours,
}

pub struct CompetencyView {
    /// `None` until read from the store.
    pub record: Option<CompetencyRecord>,
    pub area: usize,
    /// Showing the skills of the selected area.
    pub area_open: bool,
    pub pane: AreaPane,
    pub skill: usize,
    pub hours: usize,
    pub form: Option<CompetencyForm>,
    /// A changed record waiting for the store, and what to say once it is saved.
    pub pending: Option<(CompetencyRecord, String)>,
}

impl Default for CompetencyView {
    fn default() -> Self {
        CompetencyView {
            record: None,
            area: 0,
            area_open: false,
            pane: AreaPane::Skills,
            skill: 0,
            hours: 0,
            form: None,
            pending: None,
        }
    }
}

fn today(app: &App) -> NaiveDate {
    app.now.date_naive()
}

/// The selected area.
pub fn selected_area(app: &App) -> Option<&'static CompetencyArea> {
    app.content.competencies().get(app.competencies.area)
}

/// Hours entries of the selected area, newest first, as the area view lists them.
pub fn area_hours(app: &App) -> Vec<&crate::domain::competency::HoursEntry> {
    let (Some(area), Some(record)) = (selected_area(app), app.competencies.record.as_ref()) else {
        return Vec::new();
    };
    let mut v: Vec<_> = record.hours_for(&area.id).collect();
    v.reverse();
    v
}

/// Called after `Open(Competencies)`: reads the record again.
pub fn opened(app: &mut App) -> Vec<Effect> {
    if app.screen != Screen::Competencies {
        return vec![];
    }
    app.competencies.form = None;
    app.competencies.area_open = false;
    vec![Effect::LoadCompetencies]
}

pub fn loaded(app: &mut App, record: CompetencyRecord, problems: Vec<String>) {
    app.competencies.record = Some(record);
    if !problems.is_empty() {
        app.error(problems.join(" "));
    }
}

pub fn load_failed(app: &mut App, message: String) {
    app.competencies.record = None;
    app.screen = Screen::Home;
    app.error(format!(
        "The competency record could not be opened: {message}"
    ));
}

pub fn saved(app: &mut App) {
    if let Some((record, message)) = app.competencies.pending.take() {
        app.competencies.record = Some(record);
        app.competencies.form = None;
        clamp(app);
        app.info(message);
    }
}

pub fn save_failed(app: &mut App, message: &str) {
    app.competencies.pending = None;
    let what = if app.competencies.form.is_some() {
        "What you typed is still in the form; press Ctrl+S to try again."
    } else {
        "Nothing was changed."
    };
    app.error(format!("{message} {what}"));
}

fn clamp(app: &mut App) {
    let skills = selected_area(app)
        .map(|a| a.skill_count as usize)
        .unwrap_or(0);
    let hours = area_hours(app).len();
    let v = &mut app.competencies;
    v.skill = v.skill.min(skills.saturating_sub(1));
    v.hours = v.hours.min(hours.saturating_sub(1));
}

pub fn update(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    if app.competencies.record.is_none() {
        if matches!(action, Action::Back) {
            app.screen = Screen::Home;
        }
        return vec![];
    }
    if app.competencies.form.is_some() {
        return update_form(app, action, now);
    }
    if app.competencies.area_open {
        return update_area(app, action);
    }
    let areas = app.content.competencies().len();
    let v = &mut app.competencies;
    match action {
        Action::Up => v.area = v.area.saturating_sub(1),
        Action::Down => v.area = (v.area + 1).min(areas.saturating_sub(1)),
        Action::PageUp => v.area = v.area.saturating_sub(8),
        Action::PageDown => v.area = (v.area + 8).min(areas.saturating_sub(1)),
        Action::Submit if areas > 0 => {
            v.area_open = true;
            v.pane = AreaPane::Skills;
            v.skill = 0;
            v.hours = 0;
        }
        Action::LogHours => open_hours_form(app),
        Action::Back => app.screen = Screen::Home,
        _ => {}
    }
    vec![]
}

fn update_area(app: &mut App, action: Action) -> Vec<Effect> {
    let skills = selected_area(app)
        .map(|a| a.skill_count as usize)
        .unwrap_or(0);
    let hours = area_hours(app).len();
    let v = &mut app.competencies;
    let (sel, len) = match v.pane {
        AreaPane::Skills => (&mut v.skill, skills),
        AreaPane::Hours => (&mut v.hours, hours),
    };
    match action {
        Action::Up => *sel = sel.saturating_sub(1),
        Action::Down => *sel = (*sel + 1).min(len.saturating_sub(1)),
        Action::PageUp => *sel = sel.saturating_sub(8),
        Action::PageDown => *sel = (*sel + 8).min(len.saturating_sub(1)),
        Action::SwitchPane => {
            v.pane = match v.pane {
                AreaPane::Skills if hours > 0 => AreaPane::Hours,
                _ => AreaPane::Skills,
            };
        }
        Action::Submit | Action::MarkSkill if v.pane == AreaPane::Skills => open_mark_form(app),
        Action::SignOff if v.pane == AreaPane::Skills => open_sign_off_form(app),
        Action::LogHours => open_hours_form(app),
        Action::RemoveRecord => ask_remove(app),
        Action::Back => {
            v.area_open = false;
            v.pane = AreaPane::Skills;
        }
        _ => {}
    }
    vec![]
}

fn single(placeholder: &str, max: usize, text: &str) -> Field {
    Field::single(placeholder)
        .with_max_chars(max)
        .with_text(text)
}

/// "Skill 2: Listens closely to ..." for a form's heading.
fn skill_subject(area: &CompetencyArea, n: usize) -> String {
    match area.skills.get(n - 1) {
        Some(text) => format!("Skill {n}: {text}"),
        None => format!("Skill {n} of {}", area.name),
    }
}

fn open_mark_form(app: &mut App) {
    let Some(area) = selected_area(app) else {
        return;
    };
    let n = app.competencies.skill + 1;
    if n > area.skill_count as usize {
        return;
    }
    let id = skill_id(&area.id, n);
    let existing = app.competencies.record.as_ref().and_then(|r| r.mark(&id));
    let date = existing
        .map(|m| m.date)
        .unwrap_or_else(|| today(app))
        .to_string();
    let context = existing.map(|m| m.context.clone()).unwrap_or_default();
    let evidence = existing.map(|m| m.evidence.clone()).unwrap_or_default();
    let kind = FormKind::Mark {
        area: area.id.clone(),
        n,
    };
    let subject = skill_subject(area, n);
    app.competencies.form = Some(CompetencyForm::new(
        kind,
        subject,
        vec![
            ("Date", single("YYYY-MM-DD", 10, &date)),
            (
                "Context",
                single(
                    "where or in what situation, e.g. weekly check-in (no names)",
                    MAX_CONTEXT_CHARS,
                    &context,
                ),
            ),
            (
                "Evidence",
                Field::multi("what you did, in a sentence or two")
                    .with_max_chars(MAX_EVIDENCE_CHARS)
                    .with_text(&evidence),
            ),
        ],
    ));
}

fn open_sign_off_form(app: &mut App) {
    let Some(area) = selected_area(app) else {
        return;
    };
    let id = skill_id(&area.id, app.competencies.skill + 1);
    let Some(mark) = app.competencies.record.as_ref().and_then(|r| r.mark(&id)) else {
        app.info("Mark this skill as demonstrated first (Enter), then add the sign-off.");
        return;
    };
    let (initials, date) = match &mark.sign_off {
        Some(s) => (s.initials.clone(), s.date.to_string()),
        None => (String::new(), today(app).to_string()),
    };
    let subject = skill_subject(area, app.competencies.skill + 1);
    app.competencies.form = Some(CompetencyForm::new(
        FormKind::SignOff { skill: id },
        subject,
        vec![
            (
                "Initials",
                single("supervisor's initials", MAX_INITIALS_CHARS, &initials),
            ),
            ("Date", single("YYYY-MM-DD", 10, &date)),
        ],
    ));
}

fn open_hours_form(app: &mut App) {
    let Some(area) = selected_area(app) else {
        return;
    };
    let kind = FormKind::Hours {
        area: area.id.clone(),
    };
    let date = today(app).to_string();
    let subject = format!("Area: {}", area.name);
    app.competencies.form = Some(CompetencyForm::new(
        kind,
        subject,
        vec![
            ("Date", single("YYYY-MM-DD", 10, &date)),
            ("Hours", single("e.g. 1.5, 1:30 or 90m", 12, "")),
            (
                "Note",
                single("optional: what the time was spent on", MAX_NOTE_CHARS, ""),
            ),
        ],
    ));
}

fn ask_remove(app: &mut App) {
    let v = &app.competencies;
    let Some(area) = selected_area(app) else {
        return;
    };
    let Some(record) = v.record.as_ref() else {
        return;
    };
    match v.pane {
        AreaPane::Skills => {
            let id = skill_id(&area.id, v.skill + 1);
            if record.mark(&id).is_some() {
                app.confirm = Some(Confirm::RemoveSkillMark(id));
            } else {
                app.info("This skill is not marked; there is nothing to remove.");
            }
        }
        AreaPane::Hours => {
            if let Some(h) = area_hours(app).get(app.competencies.hours) {
                app.confirm = Some(Confirm::RemoveHours(h.id));
            }
        }
    }
}

/// After "yes": removes a mark (with its sign-off).
pub fn remove_mark(app: &mut App, skill: &str) -> Vec<Effect> {
    let Some(mut record) = app.competencies.record.clone() else {
        return vec![];
    };
    if !record.unmark(skill) {
        return vec![];
    }
    app.competencies.pending = Some((record.clone(), "Mark removed.".to_string()));
    vec![Effect::SaveCompetencies(record)]
}

/// After "yes": removes an hours entry.
pub fn remove_hours(app: &mut App, id: Uuid) -> Vec<Effect> {
    let Some(mut record) = app.competencies.record.clone() else {
        return vec![];
    };
    if !record.remove_hours(id) {
        return vec![];
    }
    app.competencies.pending = Some((record.clone(), "Hours entry removed.".to_string()));
    vec![Effect::SaveCompetencies(record)]
}

/// After "yes" to leaving a form with typing in it.
pub fn discard_form(app: &mut App) {
    app.competencies.form = None;
}

fn update_form(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let Some(form) = app.competencies.form.as_mut() else {
        return vec![];
    };
    let n = form.fields.len();
    match action {
        Action::Input(key) => {
            if let Some(f) = form.fields.get_mut(form.focus) {
                f.input(key);
            }
            form.error = None;
        }
        Action::NextField => {
            form.focus = (form.focus + 1) % n.max(1);
            form.refocus();
        }
        Action::PrevField => {
            form.focus = (form.focus + n.max(1) - 1) % n.max(1);
            form.refocus();
        }
        Action::Submit if form.focus + 1 < n => {
            form.focus += 1;
            form.refocus();
        }
        Action::Submit | Action::Save => return save_form(app, now),
        Action::Back => {
            if form.changed() {
                app.confirm = Some(Confirm::DiscardCompetencyForm);
            } else {
                app.competencies.form = None;
            }
        }
        _ => {}
    }
    vec![]
}

fn save_form(app: &mut App, now: Timestamp) -> Vec<Effect> {
    if app.competencies.pending.is_some() {
        // One save at a time; the store answers before the next key is read.
        return vec![];
    }
    let Some(form) = app.competencies.form.as_ref() else {
        return vec![];
    };
    let Some(mut record) = app.competencies.record.clone() else {
        return vec![];
    };
    let count = |area: &str| {
        app.content
            .competencies()
            .iter()
            .find(|a| a.id == area)
            .map(|a| a.skill_count as usize)
            .unwrap_or(0)
    };
    let result: Result<String, (usize, CompetencyError)> = match &form.kind {
        FormKind::Mark { area, n } => parse_date(&form.text(0))
            .map_err(|e| (0, e))
            .and_then(|date| {
                record
                    .set_mark(
                        SkillRef {
                            area,
                            n: *n,
                            count: count(area),
                        },
                        date,
                        &form.text(1),
                        &form.text(2),
                        now,
                    )
                    .map_err(|e| {
                        let field = match e {
                            CompetencyError::FutureDate => 0,
                            CompetencyError::NoContext => 1,
                            CompetencyError::TooLong { field, .. } if field.contains("context") => {
                                1
                            }
                            _ => 2,
                        };
                        (field, e)
                    })
            })
            .map(|outcome| match outcome {
                MarkOutcome::SignOffRemoved => {
                    "Saved. The change removed the supervisor's sign-off: ask them to sign again (s)."
                        .to_string()
                }
                MarkOutcome::Unchanged => "Nothing changed.".to_string(),
                MarkOutcome::Saved => "Skill marked as demonstrated.".to_string(),
            }),
        FormKind::SignOff { skill } => parse_date(&form.text(1))
            .map_err(|e| (1, e))
            .and_then(|date| {
                record
                    .sign_off(skill, &form.text(0), date, now)
                    .map_err(|e| {
                        let field = if e == CompetencyError::BadInitials { 0 } else { 1 };
                        (field, e)
                    })
            })
            .map(|()| "Sign-off saved.".to_string()),
        FormKind::Hours { area } => parse_date(&form.text(0))
            .map_err(|e| (0, e))
            .and_then(|date| {
                let minutes = parse_hours(&form.text(1)).map_err(|e| (1, e))?;
                record
                    .log_hours(
                        Uuid::new_v4(),
                        area,
                        date,
                        minutes,
                        &form.text(2),
                        now,
                    )
                    .map_err(|e| {
                        let field = match e {
                            CompetencyError::FutureDate => 0,
                            CompetencyError::HoursOutOfRange => 1,
                            _ => 2,
                        };
                        (field, e)
                    })
            })
            .map(|()| "Hours logged.".to_string()),
    };
    match result {
        Ok(message) => {
            if app.competencies.record.as_ref() == Some(&record) {
                app.competencies.form = None;
                app.info(message);
                return vec![];
            }
            app.competencies.pending = Some((record.clone(), message));
            vec![Effect::SaveCompetencies(record)]
        }
        Err((field, e)) => {
            if let Some(form) = app.competencies.form.as_mut() {
                form.focus = field.min(form.fields.len().saturating_sub(1));
                form.refocus();
                form.error = Some(e.to_string());
            }
            vec![]
        }
    }
}
