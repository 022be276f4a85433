//! The peers list, the add/edit peer form, and choosing who a new session is with.

use uuid::Uuid;

use super::field::Field;
use super::live::LiveSession;
use super::{Action, App, Confirm, Effect, Screen};
use crate::domain::peer::{self, MAX_ALIAS_CHARS, MAX_PREFERENCES_CHARS, MAX_PRONOUNS_CHARS};
use crate::domain::{Peer, Session, SessionKind, Timestamp};

#[derive(Debug, Clone, Default)]
pub struct PeersView {
    pub selected: usize,
    pub show_archived: bool,
}

impl PeersView {
    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }
}

/// Where the peer form was opened from, so saving can carry on there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeerFormOrigin {
    Peers,
    NewSession,
}

#[derive(Debug, Clone)]
pub struct PeerForm {
    /// `None` for a new peer.
    pub editing: Option<Uuid>,
    pub alias: Field,
    pub pronouns: Field,
    pub preferences: Field,
    /// Days between contacts before Coming up lists a check-in; blank for the default.
    pub check_in: Field,
    pub focus: usize,
    pub error: Option<String>,
    pub origin: PeerFormOrigin,
}

pub const PEER_FORM_FIELDS: usize = 4;

impl PeerForm {
    pub fn new(origin: PeerFormOrigin, alias: &str) -> PeerForm {
        let mut f = PeerForm {
            editing: None,
            alias: Field::single("initials or a nickname").with_max_chars(MAX_ALIAS_CHARS),
            pronouns: Field::single("optional, e.g. she/her").with_max_chars(MAX_PRONOUNS_CHARS),
            preferences: Field::multi("optional: how they like to meet and be supported")
                .with_max_chars(MAX_PREFERENCES_CHARS),
            check_in: Field::single("days between contacts, e.g. 14 or 2w (blank: 7)")
                .with_max_chars(8),
            focus: 0,
            error: None,
            origin,
        };
        f.alias.set_text(alias);
        f.refocus();
        f
    }

    pub fn edit(peer: &Peer) -> PeerForm {
        let mut f = PeerForm::new(PeerFormOrigin::Peers, &peer.alias);
        f.editing = Some(peer.id);
        f.pronouns.set_text(peer.pronouns.as_deref().unwrap_or(""));
        f.preferences.set_text(&peer.preferences);
        f.check_in.set_text(
            &peer
                .check_in_days
                .map(|d| d.to_string())
                .unwrap_or_default(),
        );
        f
    }

    pub fn field_mut(&mut self, i: usize) -> &mut Field {
        match i {
            0 => &mut self.alias,
            1 => &mut self.pronouns,
            2 => &mut self.check_in,
            _ => &mut self.preferences,
        }
    }

    fn refocus(&mut self) {
        for i in 0..PEER_FORM_FIELDS {
            let focus = i == self.focus;
            self.field_mut(i).set_focused(focus);
        }
    }

    fn move_focus(&mut self, forward: bool) {
        self.focus = if forward {
            (self.focus + 1) % PEER_FORM_FIELDS
        } else {
            (self.focus + PEER_FORM_FIELDS - 1) % PEER_FORM_FIELDS
        };
        self.refocus();
    }

    /// A gentle nudge when the alias reads like a full name.
    pub fn alias_warning(&self) -> Option<&'static str> {
        peer::looks_like_full_name(&self.alias.text())
            .then_some("This looks like a full name. Initials or a nickname keep notes private.")
    }

    fn has_typing(&self) -> bool {
        self.editing.is_none()
            && !(self.alias.is_blank()
                && self.pronouns.is_blank()
                && self.preferences.is_blank()
                && self.check_in.is_blank())
    }
}

fn selected_peer(app: &App) -> Option<Peer> {
    app.visible_peers()
        .get(app.peers_view.selected)
        .map(|p| (*p).clone())
}

pub fn update(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    if app.peer_form.is_some() {
        return update_form(app, action, now);
    }
    let len = app.visible_peers().len();
    match action {
        Action::Up => app.peers_view.selected = app.peers_view.selected.saturating_sub(1),
        Action::Down => {
            app.peers_view.selected = (app.peers_view.selected + 1).min(len.saturating_sub(1))
        }
        Action::PageUp => app.peers_view.selected = app.peers_view.selected.saturating_sub(10),
        Action::PageDown => {
            app.peers_view.selected = (app.peers_view.selected + 10).min(len.saturating_sub(1))
        }
        Action::AddPeer => app.peer_form = Some(PeerForm::new(PeerFormOrigin::Peers, "")),
        Action::EditPeer => {
            if let Some(p) = selected_peer(app) {
                app.peer_form = Some(PeerForm::edit(&p));
            }
        }
        Action::ToggleArchive => {
            if let Some(mut p) = selected_peer(app) {
                p.archived = !p.archived;
                let msg = if p.archived {
                    format!("{} archived. Press A to show archived peers.", p.alias)
                } else {
                    format!("{} restored.", p.alias)
                };
                upsert(app, p.clone());
                app.info(msg);
                return vec![Effect::SavePeer(p)];
            }
        }
        Action::ToggleShowArchived => {
            app.peers_view.show_archived = !app.peers_view.show_archived;
            app.peers_view.clamp(app.visible_peers().len());
        }
        Action::StartWithSelectedPeer => {
            if let Some(p) = selected_peer(app) {
                if p.archived {
                    app.info("Restore this peer (x) before starting a session.");
                } else {
                    app.new_session = NewSession::default();
                    app.new_session.peer = Some(p.id);
                    app.screen = Screen::NewSession;
                }
            }
        }
        Action::OpenPeerPage => {
            if let Some(p) = selected_peer(app) {
                return super::journey::open_peer_page(app, p.id);
            }
        }
        Action::Submit | Action::ShowPeerHistory => {
            if let Some(p) = selected_peer(app) {
                app.history_view = Default::default();
                app.history_view.peer = Some(p.id);
                app.screen = Screen::History;
            }
        }
        Action::Back => app.screen = Screen::Home,
        _ => {}
    }
    vec![]
}

fn upsert(app: &mut App, peer: Peer) {
    let mut peers = app.peers.clone();
    match peers.iter_mut().find(|p| p.id == peer.id) {
        Some(existing) => *existing = peer,
        None => peers.push(peer),
    }
    // Sessions keep the alias they were saved with: only the peer list changes.
    app.set_peers(peers);
}

fn update_form(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let Some(form) = app.peer_form.as_mut() else {
        return vec![];
    };
    match action {
        Action::Input(key) => {
            form.field_mut(form.focus).input(key);
            form.error = None;
        }
        Action::NextField => form.move_focus(true),
        Action::PrevField => form.move_focus(false),
        Action::Submit if form.focus + 1 < PEER_FORM_FIELDS => form.move_focus(true),
        Action::Submit | Action::Save => return save_form(app, now),
        Action::Back => {
            if form.has_typing() {
                app.confirm = Some(Confirm::DiscardForm);
            } else {
                app.peer_form = None;
            }
        }
        _ => {}
    }
    vec![]
}

fn save_form(app: &mut App, now: Timestamp) -> Vec<Effect> {
    let Some(form) = app.peer_form.as_mut() else {
        return vec![];
    };
    let result = build_peer(form, &app.peers, now);
    match result {
        Ok(peer) => {
            let origin = form.origin;
            let is_new = form.editing.is_none();
            app.peer_form = None;
            upsert(app, peer.clone());
            if origin == PeerFormOrigin::NewSession {
                app.new_session.peer = Some(peer.id);
            } else if is_new {
                // Select the new peer so the next key acts on it.
                if let Some(i) = app.visible_peers().iter().position(|p| p.id == peer.id) {
                    app.peers_view.selected = i;
                }
            }
            vec![Effect::SavePeer(peer)]
        }
        Err(e) => {
            form.error = Some(e);
            vec![]
        }
    }
}

fn build_peer(form: &PeerForm, peers: &[Peer], now: Timestamp) -> Result<Peer, String> {
    let alias = form.alias.text();
    peer::check_unique_alias(&alias, peers, form.editing).map_err(|e| e.to_string())?;
    let mut p = match form
        .editing
        .and_then(|id| peers.iter().find(|p| p.id == id))
    {
        Some(existing) => {
            let mut p = existing.clone();
            p.rename(&alias).map_err(|e| e.to_string())?;
            p
        }
        None => Peer::new(&alias, now).map_err(|e| e.to_string())?,
    };
    p.set_pronouns(&form.pronouns.text())
        .map_err(|e| e.to_string())?;
    p.set_preferences(&form.preferences.text())
        .map_err(|e| e.to_string())?;
    p.set_check_in_days(&form.check_in.text())
        .map_err(|e| e.to_string())?;
    Ok(p)
}

/// Choosing the peer and the kind of a new session.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// Typing narrows the peer list.
    pub filter: Field,
    pub selected: usize,
    /// Chosen peer; once set, the kind is chosen next.
    pub peer: Option<Uuid>,
    pub kind: usize,
}

impl Default for NewSession {
    fn default() -> Self {
        NewSession {
            filter: Field::single("type to find a peer, or a new alias"),
            selected: 0,
            peer: None,
            kind: 0,
        }
    }
}

impl NewSession {
    pub fn focus_filter(&mut self) {
        self.filter.set_focused(true);
    }

    pub fn kind(&self) -> SessionKind {
        SessionKind::ALL
            .get(self.kind)
            .copied()
            .unwrap_or(SessionKind::InPerson)
    }
}

/// Entries of the peer picker: matching live peers, then "add a new peer".
pub fn peer_choices(app: &App) -> Vec<&Peer> {
    let needle = app.new_session.filter.text().trim().to_lowercase();
    let mut peers: Vec<&Peer> = app
        .peers
        .iter()
        .filter(|p| !p.archived && p.alias.to_lowercase().contains(&needle))
        .collect();
    // Most recently seen first: the peer you are meeting is usually a regular.
    peers.sort_by(|a, b| {
        app.stats(b.id)
            .last_session
            .cmp(&app.stats(a.id).last_session)
            .then_with(|| a.alias.to_lowercase().cmp(&b.alias.to_lowercase()))
    });
    peers
}

pub fn update_new_session(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    if app.peer_form.is_some() {
        return update_form(app, action, now);
    }
    if let Some(peer_id) = app.new_session.peer {
        match action {
            Action::Up | Action::PrevKind => {
                app.new_session.kind = app.new_session.kind.saturating_sub(1)
            }
            Action::Down | Action::NextKind => {
                app.new_session.kind = (app.new_session.kind + 1).min(SessionKind::ALL.len() - 1)
            }
            Action::Submit => {
                if let Some(peer) = app.peer(peer_id).cloned() {
                    let kind = app.new_session.kind();
                    // A group starts with this peer; the others join from the session.
                    let session = if kind == SessionKind::Group {
                        app.info("Group session: a adds who joins, n names the group, w notes a line about one.");
                        Session::start_group("", &[&peer], now)
                    } else {
                        Session::start(&peer, kind, now)
                    };
                    let live = LiveSession::new(session, now);
                    let draft = live.snapshot();
                    app.live = Some(live);
                    app.screen = Screen::Session;
                    // Keep a draft from the first second: the session exists now.
                    return vec![Effect::SaveDraft(draft)];
                }
            }
            Action::Back => {
                app.new_session.peer = None;
                app.new_session.focus_filter();
            }
            _ => {}
        }
        return vec![];
    }
    let count = peer_choices(app).len();
    match action {
        Action::Input(key) => {
            app.new_session.filter.input(key);
            app.new_session.selected = 0;
        }
        Action::Up => app.new_session.selected = app.new_session.selected.saturating_sub(1),
        // The last row (index == count) is "add a new peer".
        Action::Down => app.new_session.selected = (app.new_session.selected + 1).min(count),
        Action::Submit => {
            let choice = peer_choices(app)
                .get(app.new_session.selected)
                .map(|p| p.id);
            match choice {
                Some(id) => app.new_session.peer = Some(id),
                None => {
                    let typed = app.new_session.filter.text();
                    app.peer_form = Some(PeerForm::new(PeerFormOrigin::NewSession, typed.trim()));
                }
            }
        }
        Action::AddPeer => {
            let typed = app.new_session.filter.text();
            app.peer_form = Some(PeerForm::new(PeerFormOrigin::NewSession, typed.trim()));
        }
        Action::Back => app.screen = Screen::Home,
        _ => {}
    }
    vec![]
}
