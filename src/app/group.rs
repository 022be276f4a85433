//! A running group session: the attendee list beside the notes (add, leave, a line about
//! one), and at the end, each attendee's own words and next step.

use chrono::NaiveDate;

use super::field::Field;
use super::{Action, App, Effect};
use crate::domain::summary::parse_date;
use crate::domain::{NextStep, Peer, Timestamp};

/// What the one-line box under the attendee list is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupInputKind {
    /// An alias: an existing peer, or a new one.
    Attendee,
    /// A short line about the selected attendee.
    Line,
    /// The group's name or topic.
    Name,
}

impl GroupInputKind {
    pub fn label(self) -> &'static str {
        match self {
            GroupInputKind::Attendee => "Who joins (alias)",
            GroupInputKind::Line => "A line about them",
            GroupInputKind::Name => "Group name or topic",
        }
    }
}

pub struct GroupInput {
    pub kind: GroupInputKind,
    pub field: Field,
}

/// The attendee list of a running group session.
#[derive(Default)]
pub struct GroupPanel {
    pub selected: usize,
    /// Boxed: a text field is large, and the session is moved about whole.
    pub input: Option<Box<GroupInput>>,
}

/// Handles the group keys of a running group session; `None` when the action is not one.
pub fn update_session(app: &mut App, action: &Action, now: Timestamp) -> Option<Vec<Effect>> {
    let live = app.live.as_mut()?;
    if !live.session.is_group() {
        return None;
    }
    if let Some(input) = live.group.input.as_mut() {
        match action {
            Action::Input(key) => {
                input.field.input(key.clone());
            }
            Action::Back => live.group.input = None,
            Action::Submit | Action::Save => return Some(submit(app, now)),
            _ => {}
        }
        return Some(vec![]);
    }
    let count = live.session.attendees.len();
    let open = |kind: GroupInputKind, text: &str| {
        let mut field = Field::single(kind.label()).with_text(text);
        field.set_focused(true);
        Some(Box::new(GroupInput { kind, field }))
    };
    match action {
        Action::AddAttendee => live.group.input = open(GroupInputKind::Attendee, ""),
        Action::NameGroup => {
            let name = live.session.group_name.clone();
            live.group.input = open(GroupInputKind::Name, &name);
        }
        Action::NoteAttendee if count > 0 => live.group.input = open(GroupInputKind::Line, ""),
        Action::NoteAttendee => app.info("Add an attendee first (a)."),
        Action::NextAttendee => {
            live.group.selected = (live.group.selected + 1).min(count.max(1) - 1)
        }
        Action::PrevAttendee => live.group.selected = live.group.selected.saturating_sub(1),
        Action::AttendeeLeaves => {
            let i = live.group.selected;
            if live.session.toggle_left(i, now).is_ok() {
                live.dirty = true;
                let a = &live.session.attendees[i];
                let text = if a.is_present() {
                    format!("{} is back in the group.", a.peer_alias)
                } else {
                    format!("{} left at {}.", a.peer_alias, now.format("%H:%M"))
                };
                app.info(text);
            }
        }
        _ => return None,
    }
    Some(vec![])
}

/// Carries out what the one-line box asked for.
fn submit(app: &mut App, now: Timestamp) -> Vec<Effect> {
    let Some(live) = app.live.as_mut() else {
        return vec![];
    };
    let Some(input) = live.group.input.take() else {
        return vec![];
    };
    let text = input.field.text().trim().to_string();
    match input.kind {
        GroupInputKind::Name => {
            live.session.set_group_name(&text);
            live.dirty = true;
            vec![]
        }
        GroupInputKind::Line => {
            match live.session.note_attendee(live.group.selected, &text, now) {
                Ok(()) => live.dirty = true,
                Err(e) => app.error(capitalised(&e.to_string())),
            }
            vec![]
        }
        GroupInputKind::Attendee => add_attendee(app, &text, now),
    }
}

/// Adds the peer called `alias` (any case), or a new peer by that alias, to the group.
fn add_attendee(app: &mut App, alias: &str, now: Timestamp) -> Vec<Effect> {
    if alias.is_empty() {
        return vec![];
    }
    let known = app
        .peers
        .iter()
        .find(|p| p.alias.to_lowercase() == alias.to_lowercase())
        .cloned();
    let (peer, effects) = match known {
        Some(p) => (p, vec![]),
        None => match Peer::new(alias, now) {
            Ok(p) => {
                app.peers.push(p.clone());
                (p.clone(), vec![Effect::SavePeer(p)])
            }
            Err(e) => {
                app.error(capitalised(&e.to_string()));
                return vec![];
            }
        },
    };
    let Some(live) = app.live.as_mut() else {
        return vec![];
    };
    match live.session.join(&peer, now) {
        Ok(()) => {
            live.dirty = true;
            if let Some(i) = live
                .session
                .attendees
                .iter()
                .position(|a| a.peer_id == peer.id)
            {
                live.group.selected = i;
            }
            app.info(format!("{} joined at {}.", peer.alias, now.format("%H:%M")));
        }
        Err(e) => app.error(capitalised(&e.to_string())),
    }
    effects
}

fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), c.as_str()),
        None => String::new(),
    }
}

// ----- End of session: each attendee -----

/// The attendee part of the end-of-session form of a group.
#[derive(Default)]
pub struct AttendeeReview {
    pub selected: usize,
    /// Boxed: three text fields are large, and the form is moved about whole.
    pub editor: Option<Box<AttendeeEditor>>,
}

/// One attendee's words and next step, edited in a popup.
pub struct AttendeeEditor {
    pub index: usize,
    /// Their words, the next step, by when.
    pub fields: [Field; 3],
    pub focus: usize,
    pub error: Option<String>,
}

impl AttendeeEditor {
    pub const LABELS: [&'static str; 3] = ["In their words", "Next step", "By when"];

    fn refocus(&mut self) {
        for (i, f) in self.fields.iter_mut().enumerate() {
            f.set_focused(i == self.focus);
        }
    }
}

/// Handles the attendee part of a group's summary form; `None` when the action is not one.
pub fn update_review(app: &mut App, action: &Action, today: NaiveDate) -> Option<Vec<Effect>> {
    let live = app.live.as_mut()?;
    let form = live.summary.as_mut()?;
    if form.field() != super::live::SummaryField::Review {
        return None;
    }
    let review = form.attendees.as_mut()?;
    let count = live.session.attendees.len();
    if let Some(editor) = review.editor.as_mut() {
        match action {
            Action::Input(key) => {
                let i = editor.focus;
                editor.fields[i].input(key.clone());
                editor.error = None;
            }
            Action::NextField | Action::Submit if editor.focus < 2 => {
                editor.focus += 1;
                editor.refocus();
            }
            Action::PrevField => {
                editor.focus = editor.focus.saturating_sub(1);
                editor.refocus();
            }
            Action::NextField | Action::Submit | Action::Save => {
                let by_when = match parse_date(&editor.fields[2].text(), today) {
                    Ok(d) => d,
                    Err(e) => {
                        editor.error = Some(e);
                        return Some(vec![]);
                    }
                };
                let what = editor.fields[1].text().trim().to_string();
                if let Some(a) = live.session.attendees.get_mut(editor.index) {
                    a.line = editor.fields[0].text().trim().to_string();
                    a.next_steps = if what.is_empty() {
                        Vec::new()
                    } else {
                        vec![NextStep {
                            what,
                            by_when,
                            ..NextStep::default()
                        }]
                    };
                }
                review.editor = None;
                live.dirty = true;
            }
            Action::Back => review.editor = None,
            _ => {}
        }
        return Some(vec![]);
    }
    match action {
        Action::Up => review.selected = review.selected.saturating_sub(1),
        Action::Down => review.selected = (review.selected + 1).min(count.max(1) - 1),
        Action::Submit => {
            let a = live.session.attendees.get(review.selected)?;
            let step = a.next_steps.first();
            let mut editor = AttendeeEditor {
                index: review.selected,
                fields: [
                    Field::single("what they said, as they said it").with_text(&a.line),
                    Field::single("their next step, if any")
                        .with_text(step.map(|s| s.what.as_str()).unwrap_or("")),
                    Field::single("YYYY-MM-DD, or +7, 2w").with_text(
                        &step
                            .and_then(|s| s.by_when)
                            .map(|d| d.to_string())
                            .unwrap_or_default(),
                    ),
                ],
                focus: 0,
                error: None,
            };
            editor.refocus();
            review.editor = Some(Box::new(editor));
        }
        _ => return None,
    }
    Some(vec![])
}
