//! A peer's journey in the app: the end-of-session goal review, the Last time panel, the
//! Coming up list on Home, and the peer page.

use chrono::NaiveDate;
use uuid::Uuid;

use super::field::Field;
use super::{Action, App, Effect, Screen};
use crate::domain::goals::{
    DueItem, GoalAddressed, Journey, PeerGoal, Progress, StepStatus, apply_session, coming_up,
};
use crate::domain::{Session, StepReviewed};

/// Days ahead the Home list looks.
pub const HOME_WITHIN_DAYS: u32 = 7;

/// One row of the goal review: a goal, or one of its open next steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewRow {
    Goal(usize),
    Step(usize, usize),
}

/// The peer's active goals at the end of a session, and what this session did with them.
#[derive(Debug, Clone, Default)]
pub struct GoalReview {
    /// The peer's active goals when the form opened, with their open steps only.
    pub goals: Vec<PeerGoal>,
    /// Per goal: progress marked this session (`None`: not worked on).
    pub progress: Vec<Option<Progress>>,
    /// Per goal: what the peer said about it.
    pub words: Vec<String>,
    /// Per goal, per open step: its status after this session.
    pub steps: Vec<Vec<StepStatus>>,
    pub selected: usize,
    /// The goal whose words are being typed, and the field.
    pub editing_words: Option<(usize, Field)>,
}

impl GoalReview {
    /// The review for `peer`'s active goals, picking up what a resumed draft had marked.
    pub fn new(journey: &Journey, session: &Session) -> GoalReview {
        let goals: Vec<PeerGoal> = journey
            .goals
            .active_for(session.peer_id)
            .map(|g| {
                let mut g = g.clone();
                g.next_steps.retain(|s| s.is_open());
                g
            })
            .collect();
        let addressed = |id: Uuid| session.goals_addressed.iter().find(|a| a.goal_id == id);
        GoalReview {
            progress: goals
                .iter()
                .map(|g| addressed(g.id).and_then(|a| a.progress))
                .collect(),
            words: goals
                .iter()
                .map(|g| {
                    addressed(g.id)
                        .map(|a| a.their_words.clone())
                        .unwrap_or_default()
                })
                .collect(),
            steps: goals
                .iter()
                .map(|g| {
                    g.next_steps
                        .iter()
                        .map(|s| {
                            session
                                .steps_reviewed
                                .iter()
                                .find(|r| r.step_id == s.id)
                                .map_or(StepStatus::Open, |r| r.status)
                        })
                        .collect()
                })
                .collect(),
            goals,
            selected: 0,
            editing_words: None,
        }
    }

    /// Drops the goals that are no longer active in `journey` (their status was changed on
    /// the peer page meanwhile), keeping what was marked for the others.
    pub fn keep_active(&mut self, journey: &Journey) {
        let keep: Vec<bool> = self
            .goals
            .iter()
            .map(|g| journey.goals.get(g.id).is_none_or(|now| now.is_active()))
            .collect();
        fn keep_marked<T>(list: &mut Vec<T>, keep: &[bool]) {
            let mut i = 0;
            list.retain(|_| {
                i += 1;
                keep.get(i - 1).copied().unwrap_or(false)
            });
        }
        keep_marked(&mut self.goals, &keep);
        keep_marked(&mut self.progress, &keep);
        keep_marked(&mut self.words, &keep);
        keep_marked(&mut self.steps, &keep);
        self.editing_words = None;
        self.selected = self.selected.min(self.rows().len().saturating_sub(1));
    }

    pub fn rows(&self) -> Vec<ReviewRow> {
        let mut out = Vec::new();
        for (i, g) in self.goals.iter().enumerate() {
            out.push(ReviewRow::Goal(i));
            out.extend((0..g.next_steps.len()).map(|j| ReviewRow::Step(i, j)));
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.goals.is_empty()
    }

    /// True when anything was marked.
    pub fn touched(&self) -> bool {
        self.progress.iter().any(Option::is_some)
            || self.words.iter().any(|w| !w.trim().is_empty())
            || self.steps.iter().flatten().any(|s| *s != StepStatus::Open)
    }

    /// The goals this session worked on: those with progress marked or words written.
    pub fn addressed(&self) -> Vec<GoalAddressed> {
        self.goals
            .iter()
            .enumerate()
            .filter_map(|(i, g)| {
                let progress = self.progress.get(i).copied().flatten();
                let words = self.words.get(i).map(|w| w.trim()).unwrap_or("");
                (progress.is_some() || !words.is_empty()).then(|| GoalAddressed {
                    goal_id: g.id,
                    text: g.text.clone(),
                    progress,
                    their_words: words.to_string(),
                })
            })
            .collect()
    }

    /// The next steps whose status this session changed.
    pub fn reviewed(&self) -> Vec<StepReviewed> {
        let mut out = Vec::new();
        for (i, g) in self.goals.iter().enumerate() {
            for (j, step) in g.next_steps.iter().enumerate() {
                let status = self
                    .steps
                    .get(i)
                    .and_then(|s| s.get(j))
                    .copied()
                    .unwrap_or_default();
                if status != StepStatus::Open {
                    out.push(StepReviewed {
                        goal_id: g.id,
                        step_id: step.id,
                        what: step.what.clone(),
                        status,
                    });
                }
            }
        }
        out
    }

    /// Handles a key on the review; returns true when something changed.
    pub fn update(&mut self, action: &Action) -> bool {
        if let Some((i, field)) = self.editing_words.as_mut() {
            match action {
                Action::Input(key) => {
                    field.input(key.clone());
                }
                Action::Submit | Action::Save => {
                    let i = *i;
                    let text = field.text().trim().to_string();
                    if let Some(w) = self.words.get_mut(i) {
                        *w = text;
                    }
                    self.editing_words = None;
                    return true;
                }
                Action::Back => self.editing_words = None,
                _ => {}
            }
            return false;
        }
        let rows = self.rows();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(rows.len().saturating_sub(1)),
            Action::ToggleItem => match rows.get(self.selected) {
                Some(ReviewRow::Goal(i)) => {
                    if let Some(p) = self.progress.get_mut(*i) {
                        *p = Progress::cycle(*p);
                        return true;
                    }
                }
                Some(ReviewRow::Step(i, j)) => {
                    if let Some(s) = self.steps.get_mut(*i).and_then(|s| s.get_mut(*j)) {
                        *s = s.cycle();
                        return true;
                    }
                }
                None => {}
            },
            Action::Submit => {
                let i = match rows.get(self.selected) {
                    Some(ReviewRow::Goal(i) | ReviewRow::Step(i, _)) => *i,
                    None => return false,
                };
                let mut field = Field::single("what they said about it, in their words")
                    .with_text(self.words.get(i).map(String::as_str).unwrap_or(""));
                field.set_focused(true);
                self.editing_words = Some((i, field));
            }
            _ => {}
        }
        false
    }
}

/// Completes a session about to be saved: the goals it addressed and the steps it
/// reviewed, ids for the goals its summary adds; returns the peer goals with it applied.
pub fn finish_goals(journey: &Journey, review: &GoalReview, session: &mut Session) -> Effect {
    session.goals_addressed = review.addressed();
    session.steps_reviewed = review.reviewed();
    for g in &mut session.summary.goals {
        if g.goal_id.is_none() {
            let known = journey
                .goals
                .find_by_words(session.peer_id, &g.in_their_words)
                .map(|g| g.id);
            g.goal_id = Some(known.unwrap_or_else(Uuid::new_v4));
        }
    }
    let mut book = journey.goals.clone();
    apply_session(&mut book, session);
    Effect::SaveGoals(book)
}

// ----- Last time -----

/// Shows or hides the Last time panel, or puts a line of it into the notes.
pub fn last_time(app: &mut App, action: &Action) -> bool {
    let Some(live) = app.live.as_mut() else {
        return false;
    };
    match action {
        Action::ToggleLastTime => {
            live.last_time_open = !live.last_time_open;
            if live.last_time_open && !app.journey.last.contains_key(&live.session.peer_id) {
                app.info("This is the first saved session with this peer: nothing from last time.");
            }
            true
        }
        Action::InsertLastTime => {
            match app.journey.last_time_note(live.session.peer_id) {
                Some(line) => {
                    let mut text = live.notes.text();
                    if !text.is_empty() && !text.ends_with('\n') {
                        text.push('\n');
                    }
                    text.push_str(&line);
                    text.push('\n');
                    live.notes.set_text(&text);
                    live.dirty = true;
                    app.info("Last time's summary is in the notes.");
                }
                None => app.info("Nothing from last time to put into the notes."),
            }
            true
        }
        _ => false,
    }
}

// ----- Coming up and the peer page -----

/// The Coming up list as Home shows it.
pub fn home_items(app: &App) -> Vec<DueItem> {
    coming_up(&app.peers, &app.journey, today(app), HOME_WITHIN_DAYS)
}

pub fn today(app: &App) -> NaiveDate {
    app.now.date_naive()
}

/// The peer page: which peer, how far it is scrolled, and where Esc goes back to.
#[derive(Debug, Clone)]
pub struct PeerPage {
    pub peer_id: Uuid,
    pub scroll: u16,
    pub back: Screen,
    /// The goal list, while it has the keyboard.
    /// Boxed: a text field is large, and the page lives inside `App`.
    pub goals: Option<Box<super::goal_edit::GoalEdit>>,
}

/// Opens a peer's page over the current screen.
pub fn open_peer_page(app: &mut App, peer_id: Uuid) -> Vec<Effect> {
    if app.peer(peer_id).is_none() {
        return vec![];
    }
    let back = if app.screen == Screen::PeerPage {
        app.peer_page.as_ref().map_or(Screen::Home, |p| p.back)
    } else {
        app.screen
    };
    app.peer_page = Some(PeerPage {
        peer_id,
        scroll: 0,
        back,
        goals: None,
    });
    app.screen = Screen::PeerPage;
    vec![Effect::LoadWorksheets]
}

pub fn update_peer_page(app: &mut App, action: Action) -> Vec<Effect> {
    if app.peer_page.as_ref().is_some_and(|p| p.goals.is_some()) {
        return super::goal_edit::update(app, action);
    }
    if matches!(action, Action::EditGoals) {
        return super::goal_edit::open(app);
    }
    let Some(page) = app.peer_page.as_mut() else {
        app.screen = Screen::Home;
        return vec![];
    };
    match action {
        Action::Up => page.scroll = page.scroll.saturating_sub(1),
        Action::Down => page.scroll = page.scroll.saturating_add(1),
        Action::PageUp => page.scroll = page.scroll.saturating_sub(10),
        Action::PageDown => page.scroll = page.scroll.saturating_add(10),
        Action::Back => {
            let back = page.back;
            app.peer_page = None;
            // A running session is where the page was opened from: go back to it.
            app.screen = if app.live.is_some() && back != Screen::Summary {
                Screen::Session
            } else {
                back
            };
            // A goal set aside or changed on the page leaves the end-of-session review.
            if let Some(form) = app.live.as_mut().and_then(|l| l.summary.as_mut()) {
                form.review.keep_active(&app.journey);
            }
        }
        Action::ShowPeerHistory if app.live.is_none() => {
            let id = page.peer_id;
            app.peer_page = None;
            app.history_view = Default::default();
            app.history_view.peer = Some(id);
            app.screen = Screen::History;
        }
        Action::StartWithSelectedPeer if app.live.is_none() => {
            let id = page.peer_id;
            if app.peer(id).is_some_and(|p| p.archived) {
                app.info("Restore this peer (Peers, x) before starting a session.");
            } else {
                app.peer_page = None;
                app.new_session = super::peers::NewSession::default();
                app.new_session.peer = Some(id);
                app.screen = Screen::NewSession;
            }
        }
        _ => {}
    }
    vec![]
}
