//! The list of saved sessions and the read-only view of one note, with amendments.

use uuid::Uuid;

use super::field::Field;
use super::{Action, App, Confirm, Effect, Screen};
use crate::domain::{Session, Timestamp};

#[derive(Debug, Clone)]
pub struct HistoryView {
    pub filter: Field,
    /// True while typing into the text filter.
    pub filtering: bool,
    pub peer: Option<Uuid>,
    pub selected: usize,
}

impl Default for HistoryView {
    fn default() -> Self {
        HistoryView {
            filter: Field::single("words to find in notes"),
            filtering: false,
            peer: None,
            selected: 0,
        }
    }
}

impl HistoryView {
    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }

    fn set_filtering(&mut self, on: bool) {
        self.filtering = on;
        self.filter.set_focused(on);
    }
}

pub struct NoteView {
    pub session: Session,
    pub scroll: u16,
    /// An amendment being written.
    pub amend: Option<Field>,
    /// The note with the new amendment, until the store confirms it is saved.
    pub pending: Option<Session>,
}

impl NoteView {
    pub fn new(session: Session) -> NoteView {
        NoteView {
            session,
            scroll: 0,
            amend: None,
            pending: None,
        }
    }
}

pub fn update(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    if app.screen == Screen::Note {
        return update_note(app, action, now);
    }
    let view = &mut app.history_view;
    if view.filtering {
        match action {
            Action::Input(key) => {
                view.filter.input(key);
                view.selected = 0;
            }
            Action::Submit | Action::Back | Action::Down => view.set_filtering(false),
            _ => {}
        }
        return vec![];
    }
    let len = app.filtered_history().len();
    let view = &mut app.history_view;
    match action {
        Action::Up => view.selected = view.selected.saturating_sub(1),
        Action::Down => view.selected = (view.selected + 1).min(len.saturating_sub(1)),
        Action::PageUp => view.selected = view.selected.saturating_sub(10),
        Action::PageDown => view.selected = (view.selected + 10).min(len.saturating_sub(1)),
        Action::StartFilter => view.set_filtering(true),
        Action::CyclePeerFilter => {
            let mut ids: Vec<(String, Uuid)> = app
                .peers
                .iter()
                .filter(|p| app.peer_stats.get(&p.id).is_some_and(|s| s.sessions > 0))
                .map(|p| (p.alias.to_lowercase(), p.id))
                .collect();
            ids.sort();
            let view = &mut app.history_view;
            let pos = view
                .peer
                .and_then(|cur| ids.iter().position(|(_, id)| *id == cur));
            view.peer = match pos {
                None => ids.first().map(|(_, id)| *id),
                Some(i) => ids.get(i + 1).map(|(_, id)| *id),
            };
            view.selected = 0;
        }
        Action::ClearFilters => {
            view.peer = None;
            view.filter.set_text("");
            view.selected = 0;
        }
        Action::Submit => {
            if let Some(item) = app.filtered_history().get(app.history_view.selected) {
                return vec![Effect::LoadNote(item.id)];
            }
        }
        Action::OpenPeerPage => {
            let peer = app
                .filtered_history()
                .get(app.history_view.selected)
                .map(|h| h.peer_id);
            if let Some(p) = peer {
                return super::journey::open_peer_page(app, p);
            }
        }
        Action::Back => app.screen = Screen::Home,
        _ => {}
    }
    vec![]
}

fn update_note(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let Some(note) = app.note.as_mut() else {
        app.screen = Screen::History;
        return vec![];
    };
    if let Some(field) = note.amend.as_mut() {
        match action {
            Action::Input(key) => {
                field.input(key);
            }
            Action::Save => {
                let text = field.text();
                let mut updated = note.session.clone();
                match updated.amend(&text, now) {
                    Ok(()) => {
                        // The field stays open until the save is confirmed, so a failed
                        // save loses nothing.
                        note.pending = Some(updated.clone());
                        return vec![Effect::SaveSession(updated)];
                    }
                    Err(e) => app.error(e.to_string()),
                }
            }
            Action::Back => {
                if field.is_blank() {
                    note.amend = None;
                } else {
                    app.confirm = Some(Confirm::DiscardForm);
                }
            }
            _ => {}
        }
        return vec![];
    }
    match action {
        Action::Up => note.scroll = note.scroll.saturating_sub(1),
        Action::Down => note.scroll = note.scroll.saturating_add(1),
        Action::PageUp => note.scroll = note.scroll.saturating_sub(10),
        Action::PageDown => note.scroll = note.scroll.saturating_add(10),
        Action::Amend => {
            let mut f = Field::multi("What to add. The original note stays as it was.");
            f.set_focused(true);
            note.amend = Some(f);
        }
        Action::Back => {
            app.note = None;
            app.screen = Screen::History;
        }
        _ => {}
    }
    vec![]
}

/// The store kept the amendment: show it as part of the note and close the field.
pub fn amendment_saved(app: &mut App, id: Uuid) -> bool {
    let Some(note) = app.note.as_mut() else {
        return false;
    };
    match note.pending.take() {
        Some(saved) if saved.id == id => {
            note.session = saved;
            note.amend = None;
            true
        }
        other => {
            note.pending = other;
            false
        }
    }
}
