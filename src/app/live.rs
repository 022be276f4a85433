//! A running session: notes, stages, flags, autosave, and the summary form that ends it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::field::Field;
use super::{AUTOSAVE_SECONDS, Action, App, Effect, Screen};
use crate::domain::session::split_evenly;
use crate::domain::summary::parse_date;
use crate::domain::{DirectActivity, Goal, NextStep, Session, Stage, Summary, Timestamp};

/// Where the keyboard goes on the session screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionFocus {
    /// Typing goes into the notes.
    Notes,
    /// Single keys run session commands (stage, flags, end).
    Commands,
}

pub struct LiveSession {
    pub session: Session,
    pub notes: Field,
    pub focus: SessionFocus,
    pub summary: Option<SummaryForm>,
    /// Something changed since the last draft was written.
    pub dirty: bool,
    pub last_draft_at: Option<Timestamp>,
    pub draft_error: bool,
    /// The palette and every tool opened in this session, kept until it ends.
    pub tools: super::tools::SessionTools,
    /// The note read back with the peer, when open.
    pub read_back: Option<super::read_back::ReadBackView>,
    /// The Last time panel is shown (when the peer has an earlier session).
    pub last_time_open: bool,
    /// A group session's attendee list.
    pub group: super::group::GroupPanel,
    /// The life-area check-in, while open.
    pub check_in: Option<Box<super::check_in::CheckInForm>>,
}

impl LiveSession {
    pub fn new(session: Session, _now: Timestamp) -> LiveSession {
        let mut notes = Field::multi("Type notes here. Esc for session commands.");
        notes.set_text(&session.notes);
        notes.set_focused(true);
        LiveSession {
            session,
            notes,
            focus: SessionFocus::Notes,
            summary: None,
            dirty: false,
            last_draft_at: None,
            draft_error: false,
            tools: super::tools::SessionTools::default(),
            read_back: None,
            last_time_open: true,
            group: Default::default(),
            check_in: None,
        }
    }

    /// Picks up a kept draft; its summary fields come back when the summary form opens.
    pub fn resume(draft: Session, now: Timestamp) -> LiveSession {
        let mut live = LiveSession::new(draft, now);
        live.last_draft_at = Some(now);
        live
    }

    /// The session as it stands, with everything typed so far: what a draft holds.
    pub fn snapshot(&self) -> Session {
        let mut s = self.session.clone();
        s.notes = self.notes.text();
        if let Some(form) = &self.summary {
            s.summary = form.to_summary_lenient();
            s.activity_minutes = form.activity_minutes.clone();
            s.goals_addressed = form.review.addressed();
            s.steps_reviewed = form.review.reviewed();
        }
        self.tools.put_into(&mut s);
        s
    }

    pub fn draft_saved(&mut self, now: Timestamp) {
        self.last_draft_at = Some(now);
        self.draft_error = false;
    }

    pub fn draft_failed(&mut self, now: Timestamp) {
        // Wait a little before trying again, and keep the change marked unsaved.
        self.last_draft_at = Some(now);
        self.dirty = true;
        self.draft_error = true;
    }

    fn set_focus(&mut self, focus: SessionFocus) {
        self.focus = focus;
        self.notes.set_focused(focus == SessionFocus::Notes);
    }
}

/// Writes the draft when something changed and a few seconds passed since the last write.
pub fn autosave(app: &mut App, now: Timestamp) -> Vec<Effect> {
    let Some(live) = app.live.as_mut() else {
        return vec![];
    };
    let due = live
        .last_draft_at
        .is_none_or(|t| (now - t).num_seconds() >= AUTOSAVE_SECONDS);
    if live.dirty && due {
        live.dirty = false;
        live.last_draft_at = Some(now);
        return vec![Effect::SaveDraft(live.snapshot())];
    }
    vec![]
}

pub fn update(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    if app.screen == Screen::Summary {
        return update_summary(app, action, now);
    }
    if let Some(effects) = super::check_in::update(app, &action, now) {
        return effects;
    }
    if let Some(effects) = super::group::update_session(app, &action, now) {
        return effects;
    }
    if let Some(effects) = super::tools::in_session(app, &action, now) {
        return effects;
    }
    if super::journey::last_time(app, &action) {
        return vec![];
    }
    if matches!(action, Action::OpenPeerPage) {
        // In a group, the selected attendee's page.
        let peer = app.live.as_ref().and_then(|l| match l.session.is_group() {
            true => l.session.attendees.get(l.group.selected).map(|a| a.peer_id),
            false => Some(l.session.peer_id),
        });
        return peer.map_or_else(Vec::new, |p| super::journey::open_peer_page(app, p));
    }
    let Some(live) = app.live.as_mut() else {
        app.screen = Screen::Home;
        return vec![];
    };
    let mut changed = true;
    match (live.focus, action) {
        (SessionFocus::Notes, Action::Input(key)) => changed = live.notes.input(key),
        (SessionFocus::Notes, Action::LeaveNotes | Action::Back) => {
            live.set_focus(SessionFocus::Commands);
            changed = false;
        }
        (SessionFocus::Commands, Action::FocusNotes | Action::Submit) => {
            live.set_focus(SessionFocus::Notes);
            changed = false;
        }
        (_, Action::NextStage) => {
            let next = live.session.current_stage().next();
            changed = live.session.enter_stage(next, now).is_ok();
        }
        (_, Action::PrevStage) => {
            let prev = live.session.current_stage().prev();
            changed = live.session.enter_stage(prev, now).is_ok();
        }
        (_, Action::GoToStage(stage)) => {
            changed = live.session.enter_stage(stage, now).is_ok();
        }
        (_, Action::ToggleSafetyConcern) => {
            live.session.flags.safety_concern = !live.session.flags.safety_concern;
        }
        (_, Action::ToggleFollowUp) => {
            live.session.flags.follow_up_needed = !live.session.flags.follow_up_needed;
        }
        (_, Action::EndSession) => {
            let mut form = SummaryForm::new(&live.session.summary, now);
            form.activity_minutes = live.session.activity_minutes.clone();
            form.duration_minutes = minutes_between(live.session.started_at, now);
            form.review = super::journey::GoalReview::new(&app.journey, &live.session);
            if live.session.is_group() {
                form.attendees = Some(Default::default());
            }
            live.summary = Some(form);
            app.screen = Screen::Summary;
            // Typing may have happened since the last autosave: keep it now.
            live.dirty = false;
            live.last_draft_at = Some(now);
            return vec![Effect::SaveDraft(live.snapshot())];
        }
        _ => changed = false,
    }
    if changed {
        live.dirty = true;
    }
    vec![]
}

/// Stops in the summary form, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryField {
    WhatMatters,
    Discussed,
    Strengths,
    /// The peer's goals so far: worked on, progress, their words; next steps done or not.
    Review,
    Goals,
    FollowUp,
    Activities,
}

impl SummaryField {
    pub const ALL: [SummaryField; 7] = [
        SummaryField::WhatMatters,
        SummaryField::Discussed,
        SummaryField::Strengths,
        SummaryField::Review,
        SummaryField::Goals,
        SummaryField::FollowUp,
        SummaryField::Activities,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SummaryField::WhatMatters => "What matters to them (their words)",
            SummaryField::Discussed => "What was discussed",
            SummaryField::Strengths => "Strengths noticed",
            SummaryField::Review => "Their goals: this session",
            SummaryField::Goals => "New goals and next steps",
            SummaryField::FollowUp => "Follow-up date",
            SummaryField::Activities => "Direct activities",
        }
    }

    pub fn is_text(self) -> bool {
        matches!(
            self,
            SummaryField::WhatMatters
                | SummaryField::Discussed
                | SummaryField::Strengths
                | SummaryField::FollowUp
        )
    }
}

pub struct SummaryForm {
    /// The moment "end" was pressed: the session's end time if it is saved.
    pub ended_at: Timestamp,
    pub focus: usize,
    pub what_matters: Field,
    pub discussed: Field,
    pub strengths: Field,
    pub goals: Vec<Goal>,
    pub goal_selected: usize,
    pub goal_editor: Option<GoalEditor>,
    pub follow_up: Field,
    pub activities: Vec<DirectActivity>,
    pub activity_selected: usize,
    /// Minutes set by hand per activity; empty means the even split of the duration.
    pub activity_minutes: BTreeMap<DirectActivity, u32>,
    /// The session's length when "end" was pressed, for the default split.
    pub duration_minutes: u32,
    pub error: Option<String>,
    /// The peer's active goals and what this session did with them.
    pub review: super::journey::GoalReview,
    /// The session notes beside the form: shown by default when the screen is wide enough
    /// ([`NOTES_BESIDE_WIDTH`]), behind a key when it is not; this flips the default.
    pub notes_toggled: bool,
    /// How far the session notes beside the form are scrolled, in lines.
    pub notes_scroll: u16,
    /// A group's attendees, reviewed one by one in place of the goals (`None` for one peer).
    pub attendees: Option<super::group::AttendeeReview>,
}

/// From this many columns the end-of-session form shows the session notes beside it.
pub const NOTES_BESIDE_WIDTH: u16 = 120;

impl SummaryForm {
    pub fn new(summary: &Summary, ended_at: Timestamp) -> SummaryForm {
        let mut f = SummaryForm {
            ended_at,
            focus: 0,
            what_matters: Field::multi("What matters to the peer, as they said it")
                .with_text(&summary.what_matters),
            discussed: Field::multi("Topics, concerns, what was explored")
                .with_text(&summary.discussed),
            strengths: Field::multi("Strengths and resources you noticed")
                .with_text(&summary.strengths),
            goals: summary.goals.clone(),
            goal_selected: 0,
            goal_editor: None,
            follow_up: Field::single("YYYY-MM-DD, or +7, 2w")
                .with_text(&summary.follow_up.map(|d| d.to_string()).unwrap_or_default()),
            activities: summary.activities.clone(),
            activity_selected: 0,
            activity_minutes: BTreeMap::new(),
            duration_minutes: 0,
            error: None,
            review: Default::default(),
            notes_toggled: false,
            notes_scroll: 0,
            attendees: None,
        };
        f.refocus();
        f
    }

    /// True when nothing is written in the summary: no text, no goal, no date, no goal
    /// reviewed. Saving such a note is asked about first.
    pub fn nothing_written(&self) -> bool {
        self.what_matters.is_blank()
            && self.discussed.is_blank()
            && self.strengths.is_blank()
            && self.follow_up.is_blank()
            && self.goals.is_empty()
            && !self.review.touched()
    }

    /// Whether the session notes show beside the form in a frame this wide.
    pub fn notes_shown(&self, width: u16) -> bool {
        (width >= NOTES_BESIDE_WIDTH) != self.notes_toggled
    }

    pub fn field(&self) -> SummaryField {
        SummaryField::ALL
            .get(self.focus)
            .copied()
            .unwrap_or(SummaryField::WhatMatters)
    }

    fn text_field_mut(&mut self, f: SummaryField) -> Option<&mut Field> {
        match f {
            SummaryField::WhatMatters => Some(&mut self.what_matters),
            SummaryField::Discussed => Some(&mut self.discussed),
            SummaryField::Strengths => Some(&mut self.strengths),
            SummaryField::FollowUp => Some(&mut self.follow_up),
            _ => None,
        }
    }

    fn refocus(&mut self) {
        let current = self.field();
        for f in SummaryField::ALL {
            if let Some(field) = self.text_field_mut(f) {
                field.set_focused(f == current);
            }
        }
    }

    fn move_focus(&mut self, forward: bool) {
        let n = SummaryField::ALL.len();
        let step = |f: usize| {
            if forward {
                (f + 1) % n
            } else {
                (f + n - 1) % n
            }
        };
        self.focus = step(self.focus);
        // A group's goals and steps are each attendee's, set in the attendee list.
        if self.attendees.is_some() && self.field() == SummaryField::Goals {
            self.focus = step(self.focus);
        }
        self.refocus();
    }

    /// Minutes per chosen activity as they stand: set by hand, or the even split.
    pub fn minutes(&self) -> BTreeMap<DirectActivity, u32> {
        if self.activity_minutes.is_empty() {
            split_evenly(self.duration_minutes, &self.activities)
        } else {
            self.activity_minutes.clone()
        }
    }

    /// Moves five minutes to or from the selected activity, if it is chosen.
    fn adjust_minutes(&mut self, more: bool) -> bool {
        let Some(a) = DirectActivity::ALL.get(self.activity_selected).copied() else {
            return false;
        };
        if !self.activities.contains(&a) {
            return false;
        }
        let mut m = self.minutes();
        let slot = m.entry(a).or_insert(0);
        *slot = if more {
            slot.saturating_add(5)
                .min(crate::domain::activity_log::DAY_MINUTES)
        } else {
            slot.saturating_sub(5)
        };
        self.activity_minutes = m;
        true
    }

    fn follow_up_date(&self) -> Result<Option<NaiveDate>, String> {
        parse_date(&self.follow_up.text(), self.ended_at.date_naive())
    }

    /// The summary for a draft: a date that does not parse yet is simply left out.
    pub fn to_summary_lenient(&self) -> Summary {
        self.summary_with(self.follow_up_date().unwrap_or(None))
    }

    /// The summary for saving: a date that does not parse is an error to fix first.
    pub fn to_summary(&self) -> Result<Summary, String> {
        Ok(self.summary_with(self.follow_up_date()?))
    }

    fn summary_with(&self, follow_up: Option<NaiveDate>) -> Summary {
        Summary {
            what_matters: self.what_matters.text().trim().to_string(),
            discussed: self.discussed.text().trim().to_string(),
            strengths: self.strengths.text().trim().to_string(),
            goals: self.goals.clone(),
            follow_up,
            activities: self.activities.clone(),
        }
    }
}

/// A popup for one goal and its next steps.
pub struct GoalEditor {
    /// Which goal is being edited; `None` adds a new one.
    pub index: Option<usize>,
    pub goal: Field,
    /// Each step: what, who, by when.
    pub steps: Vec<[Field; 3]>,
    pub focus: usize,
    pub error: Option<String>,
}

impl GoalEditor {
    pub fn new(index: Option<usize>, goal: Option<&Goal>) -> GoalEditor {
        let mut steps: Vec<[Field; 3]> = goal
            .map(|g| g.next_steps.iter().map(step_fields).collect())
            .unwrap_or_default();
        if steps.is_empty() {
            steps.push(step_fields(&NextStep::default()));
        }
        let mut e = GoalEditor {
            index,
            goal: Field::single("the goal, in the peer's own words")
                .with_text(goal.map(|g| g.in_their_words.as_str()).unwrap_or("")),
            steps,
            focus: 0,
            error: None,
        };
        e.refocus();
        e
    }

    fn field_count(&self) -> usize {
        1 + self.steps.len() * 3
    }

    fn field_mut(&mut self, i: usize) -> Option<&mut Field> {
        if i == 0 {
            return Some(&mut self.goal);
        }
        let (row, col) = ((i - 1) / 3, (i - 1) % 3);
        self.steps.get_mut(row).and_then(|r| r.get_mut(col))
    }

    fn refocus(&mut self) {
        for i in 0..self.field_count() {
            let focus = i == self.focus;
            if let Some(f) = self.field_mut(i) {
                f.set_focused(focus);
            }
        }
    }

    fn move_focus(&mut self, forward: bool) {
        let n = self.field_count();
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
        self.refocus();
    }

    fn add_step(&mut self) {
        self.steps.push(step_fields(&NextStep::default()));
        self.focus = self.field_count() - 3;
        self.refocus();
    }

    fn to_goal(&self, today: NaiveDate) -> Result<Goal, String> {
        let text = self.goal.text().trim().to_string();
        if text.is_empty() {
            return Err("Write the goal in the peer's words first.".into());
        }
        let mut next_steps = Vec::new();
        for [what, who, when] in &self.steps {
            let what_text = what.text().trim().to_string();
            if what_text.is_empty() && who.is_blank() && when.is_blank() {
                continue;
            }
            if what_text.is_empty() {
                return Err("Each next step needs a 'what'.".into());
            }
            next_steps.push(NextStep {
                what: what_text,
                who: who.text().trim().to_string(),
                by_when: parse_date(&when.text(), today)?,
                done: false,
            });
        }
        Ok(Goal {
            in_their_words: text,
            goal_id: None,
            next_steps,
        })
    }
}

fn step_fields(step: &NextStep) -> [Field; 3] {
    [
        Field::single("next step").with_text(&step.what),
        Field::single("").with_text(&step.who),
        Field::single("date").with_text(&step.by_when.map(|d| d.to_string()).unwrap_or_default()),
    ]
}

fn update_summary(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    if let Some(effects) = super::read_back::update(app, &action, now) {
        return effects;
    }
    if let Some(effects) = super::group::update_review(app, &action, now.date_naive()) {
        return effects;
    }
    if matches!(action, Action::OpenPeerPage) {
        // In a group, the selected attendee's page.
        let peer = app.live.as_ref().and_then(|l| match l.session.is_group() {
            true => l
                .summary
                .as_ref()
                .and_then(|f| f.attendees.as_ref())
                .and_then(|r| l.session.attendees.get(r.selected))
                .map(|a| a.peer_id),
            false => Some(l.session.peer_id),
        });
        return peer.map_or_else(Vec::new, |p| super::journey::open_peer_page(app, p));
    }
    let Some(live) = app.live.as_mut() else {
        app.screen = Screen::Home;
        return vec![];
    };
    let Some(form) = live.summary.as_mut() else {
        app.screen = Screen::Session;
        return vec![];
    };
    let today = form.ended_at.date_naive();
    if let Some(editor) = form.goal_editor.as_mut() {
        match action {
            Action::Input(key) => {
                let focus = editor.focus;
                if let Some(f) = editor.field_mut(focus) {
                    f.input(key);
                }
                editor.error = None;
            }
            Action::NextField | Action::Submit => editor.move_focus(true),
            Action::PrevField => editor.move_focus(false),
            Action::AddStep => editor.add_step(),
            Action::Save => match editor.to_goal(today) {
                Ok(goal) => {
                    match editor.index.and_then(|i| form.goals.get_mut(i)) {
                        Some(existing) => *existing = goal,
                        None => {
                            form.goals.push(goal);
                            form.goal_selected = form.goals.len() - 1;
                        }
                    }
                    form.goal_editor = None;
                    live.dirty = true;
                }
                Err(e) => editor.error = Some(e),
            },
            Action::Back => form.goal_editor = None,
            _ => {}
        }
        return vec![];
    }
    let field = form.field();
    if field == SummaryField::Review
        && (form.review.editing_words.is_some()
            || !form.review.is_empty()
                && matches!(
                    action,
                    Action::Up | Action::Down | Action::ToggleItem | Action::Submit
                ))
    {
        if form.review.update(&action) {
            live.dirty = true;
        }
        return vec![];
    }
    match action {
        Action::Input(key) => {
            if let Some(f) = form.text_field_mut(field) {
                if f.input(key) {
                    live.dirty = true;
                }
                form.error = None;
            }
        }
        Action::NextField => form.move_focus(true),
        Action::PrevField => form.move_focus(false),
        Action::Up if field == SummaryField::Goals => {
            form.goal_selected = form.goal_selected.saturating_sub(1)
        }
        Action::Down if field == SummaryField::Goals => {
            form.goal_selected = (form.goal_selected + 1).min(form.goals.len().saturating_sub(1))
        }
        Action::Up if field == SummaryField::Activities => {
            form.activity_selected = form.activity_selected.saturating_sub(1)
        }
        Action::Down if field == SummaryField::Activities => {
            form.activity_selected = (form.activity_selected + 1).min(DirectActivity::ALL.len() - 1)
        }
        Action::PrevValue | Action::NextValue
            if field == SummaryField::Activities
                && form.adjust_minutes(matches!(action, Action::NextValue)) =>
        {
            live.dirty = true;
        }
        Action::ReadBack => {
            super::read_back::open(app);
            return vec![];
        }
        Action::ToggleItem if field == SummaryField::Activities => {
            if let Some(a) = DirectActivity::ALL.get(form.activity_selected) {
                let mut s = Summary {
                    activities: std::mem::take(&mut form.activities),
                    ..Summary::default()
                };
                s.toggle_activity(*a);
                form.activities = s.activities;
                // A change of activities goes back to the even split.
                form.activity_minutes.clear();
                live.dirty = true;
            }
        }
        Action::AddItem if field == SummaryField::Goals => {
            form.goal_editor = Some(GoalEditor::new(None, None));
        }
        Action::Submit if field == SummaryField::Goals => {
            let i = form.goal_selected;
            form.goal_editor = Some(match form.goals.get(i) {
                Some(g) => GoalEditor::new(Some(i), Some(g)),
                None => GoalEditor::new(None, None),
            });
        }
        Action::RemoveItem
            if field == SummaryField::Goals && form.goal_selected < form.goals.len() =>
        {
            form.goals.remove(form.goal_selected);
            form.goal_selected = form.goal_selected.min(form.goals.len().saturating_sub(1));
            live.dirty = true;
        }
        Action::Submit
            if !matches!(
                field,
                SummaryField::WhatMatters | SummaryField::Discussed | SummaryField::Strengths
            ) =>
        {
            form.move_focus(true)
        }
        Action::Save => return save_note(app, now),
        Action::ToggleSessionNotes => {
            form.notes_toggled = !form.notes_toggled;
            form.notes_scroll = 0;
        }
        Action::PageDown if form.notes_shown(app.viewport.0) => {
            // Stops where the last line shows, so PgUp answers at once; the drawing clamps
            // again for lines that wrap.
            let lines = u16::try_from(live.notes.text().split('\n').count()).unwrap_or(u16::MAX);
            let last = lines.saturating_sub(notes_rows(app.viewport));
            form.notes_scroll = form.notes_scroll.saturating_add(NOTES_PAGE).min(last);
        }
        Action::PageUp if form.notes_shown(app.viewport.0) => {
            form.notes_scroll = form.notes_scroll.saturating_sub(NOTES_PAGE);
        }
        // Notes hidden: the keys page through the field being typed, as they would unbound.
        Action::PageUp | Action::PageDown => {
            let code = if matches!(action, Action::PageUp) {
                KeyCode::PageUp
            } else {
                KeyCode::PageDown
            };
            if let Some(f) = form.text_field_mut(field) {
                f.input(KeyEvent::new(code, KeyModifiers::NONE));
            }
        }
        Action::Back => {
            // Back to the session: the clock runs on, nothing typed is lost.
            let summary = form.to_summary_lenient();
            live.session.summary = summary;
            live.session.activity_minutes = form.activity_minutes.clone();
            live.summary = None;
            live.dirty = true;
            app.screen = Screen::Session;
        }
        _ => {}
    }
    vec![]
}

/// Lines the session notes beside the form move on PgUp/PgDn.
const NOTES_PAGE: u16 = 8;

/// About how many lines of session notes show beside the form in a terminal this size
/// (the layout of `ui::summary`: a column when wide, 45% of the right side when not).
fn notes_rows((width, height): (u16, u16)) -> u16 {
    let body = height.saturating_sub(3);
    let panel = if width >= NOTES_BESIDE_WIDTH {
        body
    } else {
        body * 45 / 100
    };
    panel.saturating_sub(2).max(1)
}

/// Saves the note, asking first when nothing is written in its summary.
pub(crate) fn save_note(app: &mut App, _now: Timestamp) -> Vec<Effect> {
    // A group's lines about each attendee count as written too. A group left with no
    // attendee cannot be saved at all: that is said first, with no question before it.
    let empty = app.live.as_ref().is_some_and(|l| {
        l.summary.as_ref().is_some_and(SummaryForm::nothing_written)
            && l.session.attendees.iter().all(|a| a.line.trim().is_empty())
            && !(l.session.is_group() && l.session.attendees.is_empty())
    });
    if empty {
        app.confirm = Some(super::Confirm::SaveEmptySummary);
        return vec![];
    }
    save_note_confirmed(app)
}

/// Saves the note as the form stands.
pub(crate) fn save_note_confirmed(app: &mut App) -> Vec<Effect> {
    let Some(live) = app.live.as_mut() else {
        return vec![];
    };
    let Some(form) = live.summary.as_mut() else {
        return vec![];
    };
    let summary = match form.to_summary() {
        Ok(s) => s,
        Err(e) => {
            form.error = Some(e);
            form.focus = SummaryField::ALL
                .iter()
                .position(|f| *f == SummaryField::FollowUp)
                .unwrap_or(0);
            form.refocus();
            return vec![];
        }
    };
    if let Err(e) = live.session.check_group() {
        let mut text = e.to_string();
        text[..1].make_ascii_uppercase();
        form.error = Some(format!("{text}."));
        return vec![];
    }
    let ended_at = form.ended_at;
    let mut session = live.snapshot();
    session.summary = summary;
    if let Err(e) = session.finish(ended_at) {
        if let Some(form) = live.summary.as_mut() {
            form.error = Some(e.to_string());
        }
        return vec![];
    }
    let save_goals = match live.summary.as_ref() {
        Some(form) => super::journey::finish_goals(&app.journey, &form.review, &mut session),
        None => return vec![],
    };
    // The note first: it is the record; the goals follow from it.
    vec![Effect::SaveSession(session), save_goals]
}

fn minutes_between(from: Timestamp, to: Timestamp) -> u32 {
    u32::try_from(((to - from).num_seconds().max(0) + 30) / 60).unwrap_or(u32::MAX)
}

/// The stage a live session is in, for the panel.
pub fn current_stage(app: &App) -> Stage {
    app.live
        .as_ref()
        .map(|l| l.session.current_stage())
        .unwrap_or(Stage::Connecting)
}
