//! The office side of the role: the settings form (asked once on first run, editable from
//! Home) and the activity log of indirect work.

use chrono::NaiveDate;
use uuid::Uuid;

use super::field::Field;
use super::{Action, App, Effect, Screen};
use crate::domain::Timestamp;
use crate::domain::activity_log::{ActivityEntry, ActivityLog, IndirectActivity, parse_minutes};
use crate::domain::settings::{SettingField, Settings};
use crate::domain::summary::parse_date;

/// The settings form, one field per [`SettingField`].
pub struct SettingsForm {
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Opened because no settings file exists yet; Esc then skips (and is not asked again).
    pub first_run: bool,
    pub error: Option<String>,
}

impl SettingsForm {
    pub fn new(settings: &Settings, first_run: bool) -> SettingsForm {
        let fields = SettingField::ALL
            .iter()
            .map(|f| {
                Field::single(match f {
                    SettingField::Name => "as it goes on a progress note",
                    SettingField::Credential => "e.g. CPS",
                    SettingField::CheckInDays => "1 to 365",
                    _ => "",
                })
                .with_max_chars(120)
                .with_text(&settings.get(*f))
            })
            .collect();
        let mut form = SettingsForm {
            fields,
            focus: 0,
            first_run,
            error: None,
        };
        form.refocus();
        form
    }

    fn refocus(&mut self) {
        for (i, f) in self.fields.iter_mut().enumerate() {
            f.set_focused(i == self.focus);
        }
    }

    fn to_settings(&self, base: &Settings) -> Result<Settings, String> {
        let mut s = base.clone();
        for (f, field) in SettingField::ALL.iter().zip(&self.fields) {
            s.set(*f, &field.text())?;
        }
        Ok(s)
    }
}

/// Opens the settings form from Home.
pub fn open_settings(app: &mut App) {
    app.settings_form = Some(SettingsForm::new(&app.settings, false));
}

pub fn update_settings(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(form) = app.settings_form.as_mut() else {
        return vec![];
    };
    let n = form.fields.len();
    match action {
        Action::Input(key) => {
            let i = form.focus;
            if let Some(f) = form.fields.get_mut(i) {
                f.input(key);
            }
            form.error = None;
        }
        Action::NextField | Action::Submit => {
            form.focus = (form.focus + 1) % n;
            form.refocus();
        }
        Action::PrevField => {
            form.focus = (form.focus + n - 1) % n;
            form.refocus();
        }
        Action::Save => match form.to_settings(&app.settings) {
            Ok(s) => return vec![Effect::SaveSettings(s)],
            Err(e) => form.error = Some(e),
        },
        Action::Back if form.first_run => {
            // Skipped: keep the defaults, so the question is not asked again.
            return vec![Effect::SaveSettings(app.settings.clone())];
        }
        Action::Back => app.settings_form = None,
        _ => {}
    }
    vec![]
}

pub fn settings_saved(app: &mut App, settings: Settings) {
    let first_run = app.settings_form.as_ref().is_some_and(|f| f.first_run);
    app.settings = settings;
    app.settings_form = None;
    app.info(if first_run {
        "Settings kept. Change them any time from Home with s."
    } else {
        "Settings saved."
    });
}

/// The activity log screen: the entries, and a form to add one.
#[derive(Default)]
pub struct ActivityView {
    /// `None` until read.
    pub log: Option<ActivityLog>,
    pub selected: usize,
    pub form: Option<ActivityForm>,
    /// The log that is being saved, until the store confirms.
    pending: Option<ActivityLog>,
}

/// Stops of the activity form, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityField {
    Date,
    Minutes,
    Activity,
    Peer,
    Note,
}

impl ActivityField {
    pub const ALL: [ActivityField; 5] = [
        ActivityField::Date,
        ActivityField::Minutes,
        ActivityField::Activity,
        ActivityField::Peer,
        ActivityField::Note,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ActivityField::Date => "Date",
            ActivityField::Minutes => "Minutes",
            ActivityField::Activity => "Activity",
            ActivityField::Peer => "Peer (optional)",
            ActivityField::Note => "Note (optional)",
        }
    }
}

pub struct ActivityForm {
    pub date: Field,
    pub minutes: Field,
    pub activity: usize,
    pub peer: Field,
    pub note: Field,
    pub focus: usize,
    pub error: Option<String>,
}

impl ActivityForm {
    fn new(today: NaiveDate) -> ActivityForm {
        let mut f = ActivityForm {
            date: Field::single("YYYY-MM-DD").with_text(&today.to_string()),
            minutes: Field::single("45, 90m, 1h30"),
            activity: 0,
            peer: Field::single("alias, or blank"),
            note: Field::single("a few words, no peer details needed").with_max_chars(500),
            focus: 1,
            error: None,
        };
        f.refocus();
        f
    }

    pub fn field(&self) -> ActivityField {
        ActivityField::ALL
            .get(self.focus)
            .copied()
            .unwrap_or(ActivityField::Date)
    }

    pub fn activity(&self) -> IndirectActivity {
        IndirectActivity::ALL
            .get(self.activity)
            .copied()
            .unwrap_or(IndirectActivity::TeamCommunication)
    }

    fn text_mut(&mut self, f: ActivityField) -> Option<&mut Field> {
        match f {
            ActivityField::Date => Some(&mut self.date),
            ActivityField::Minutes => Some(&mut self.minutes),
            ActivityField::Peer => Some(&mut self.peer),
            ActivityField::Note => Some(&mut self.note),
            ActivityField::Activity => None,
        }
    }

    fn refocus(&mut self) {
        let current = self.field();
        for f in ActivityField::ALL {
            if let Some(field) = self.text_mut(f) {
                field.set_focused(f == current);
            }
        }
    }

    fn step(&mut self, forward: bool) {
        let n = ActivityField::ALL.len();
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
        self.refocus();
    }
}

/// Opening the activity log reads it.
pub fn opened(app: &mut App) -> Vec<Effect> {
    app.screen = Screen::Activity;
    vec![Effect::LoadActivityLog]
}

pub fn loaded(app: &mut App, log: ActivityLog) {
    app.activity.selected = 0;
    app.activity.log = Some(log);
}

/// Session minutes on `day`, from the history list.
fn session_minutes_on(app: &App, day: NaiveDate) -> u32 {
    app.history
        .iter()
        .filter(|h| h.started_at.date_naive() == day)
        .map(|h| u32::try_from((h.duration_seconds.max(0) + 30) / 60).unwrap_or(0))
        .sum()
}

pub fn update(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    if app.activity.form.is_some() {
        return update_form(app, action, now);
    }
    let len = app.activity.log.as_ref().map_or(0, |l| l.entries.len());
    let view = &mut app.activity;
    match action {
        Action::Up => view.selected = view.selected.saturating_sub(1),
        Action::Down => view.selected = (view.selected + 1).min(len.saturating_sub(1)),
        Action::AddItem if view.log.is_some() => {
            view.form = Some(ActivityForm::new(now.date_naive()));
        }
        Action::RemoveItem => {
            let Some(log) = view.log.as_ref() else {
                return vec![];
            };
            // Listed newest first.
            let Some(entry) = log.entries.iter().rev().nth(view.selected) else {
                return vec![];
            };
            let id = entry.id;
            app.confirm = Some(super::Confirm::RemoveActivity(id));
        }
        Action::Back => app.screen = Screen::Home,
        _ => {}
    }
    vec![]
}

/// Removes an entry after the question was answered yes.
pub fn remove(app: &mut App, id: Uuid) -> Vec<Effect> {
    let Some(mut log) = app.activity.log.clone() else {
        return vec![];
    };
    if !log.remove(id) {
        return vec![];
    }
    app.activity.pending = Some(log.clone());
    vec![Effect::SaveActivityLog(log)]
}

fn update_form(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let today = now.date_naive();
    let Some(form) = app.activity.form.as_mut() else {
        return vec![];
    };
    let field = form.field();
    match action {
        Action::Input(key) => {
            if let Some(f) = form.text_mut(field) {
                f.input(key);
            }
            form.error = None;
        }
        Action::NextField | Action::Submit => form.step(true),
        Action::PrevField => form.step(false),
        Action::Up | Action::PrevValue if field == ActivityField::Activity => {
            let n = IndirectActivity::ALL.len();
            form.activity = (form.activity + n - 1) % n;
        }
        Action::Down | Action::NextValue if field == ActivityField::Activity => {
            form.activity = (form.activity + 1) % IndirectActivity::ALL.len();
        }
        Action::Back => app.activity.form = None,
        Action::Save => return save_form(app, now, today),
        _ => {}
    }
    vec![]
}

fn save_form(app: &mut App, now: Timestamp, today: NaiveDate) -> Vec<Effect> {
    let Some(form) = app.activity.form.as_ref() else {
        return vec![];
    };
    let built = (|| -> Result<ActivityEntry, String> {
        let date = parse_date(&form.date.text(), today)?.ok_or("Give the date of the work.")?;
        let minutes = parse_minutes(&form.minutes.text())?;
        let alias = form.peer.text().trim().to_string();
        let peer = if alias.is_empty() {
            None
        } else {
            let p = app
                .peers
                .iter()
                .find(|p| p.alias.eq_ignore_ascii_case(&alias))
                .ok_or_else(|| {
                    format!("No peer is called {alias:?}; leave it blank or add them first.")
                })?;
            Some((p.id, p.alias.clone()))
        };
        Ok(ActivityEntry {
            id: Uuid::new_v4(),
            date,
            minutes,
            activity: form.activity(),
            peer_id: peer.as_ref().map(|p| p.0),
            peer_alias: peer.map(|p| p.1),
            note: form.note.text().trim().to_string(),
            logged_at: now,
        })
    })();
    let entry = match built {
        Ok(e) => e,
        Err(e) => {
            if let Some(form) = app.activity.form.as_mut() {
                form.error = Some(e);
            }
            return vec![];
        }
    };
    let sessions = session_minutes_on(app, entry.date);
    let mut log = app.activity.log.clone().unwrap_or_default();
    if let Err(e) = log.add(entry, sessions) {
        if let Some(form) = app.activity.form.as_mut() {
            form.error = Some(format!("{}.", first_upper(&e.to_string())));
        }
        return vec![];
    }
    app.activity.pending = Some(log.clone());
    vec![Effect::SaveActivityLog(log)]
}

fn first_upper(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

pub fn saved(app: &mut App) {
    if let Some(log) = app.activity.pending.take() {
        app.activity.log = Some(log);
    }
    let added = app.activity.form.take().is_some();
    app.info(if added {
        "Activity logged."
    } else {
        "Activity removed."
    });
}

pub fn save_failed(app: &mut App, message: &str) {
    app.activity.pending = None;
    app.error(format!(
        "{message} Nothing was changed; try again once fixed."
    ));
}
