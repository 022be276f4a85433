//! Application state, the `Action`s that change it, and the pure `update` function.
//!
//! `update` never touches the terminal or the disk: it returns `Effect`s that the run loop
//! carries out, and the results come back as actions. That keeps every behaviour testable by
//! stepping the app with actions and looking at the state (or drawing it to a test backend).

mod action;
pub mod check_in;
pub mod competencies;
pub mod field;
pub mod goal_edit;
pub mod group;
pub mod help;
pub mod history;
pub mod journey;
pub mod keymap;
pub mod live;
pub mod office;
mod outcomes;
pub mod peers;
pub mod practice;
pub mod privacy;
pub mod read_back;
pub mod reference;
mod refresh;
pub mod reports;
pub mod roleplay;
pub mod tools;
pub mod wellbeing;

use std::collections::{HashMap, VecDeque};

pub use action::{Action, Destination, Done, Effect, EffectKind};
use uuid::Uuid;

use crate::content::Content;
use crate::domain::listed::Listed;
use crate::domain::{Peer, Session, Timestamp};
use history::{HistoryView, NoteView};
use live::LiveSession;
use outcomes::{effect_done, effect_failed};
use peers::{NewSession, PeerForm, PeersView};

/// One saved session as the lists show it, without reading the note file: the store's
/// listing of it (shared, not copied) and where the search index holds its text.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryItem {
    pub listed: std::sync::Arc<Listed>,
    /// The note's number in the search index ([`App::search`]), a hint checked against
    /// the index; `None` until the store has read it, just after the first frame, and for
    /// a note without any text.
    pub text_number: Option<u32>,
}

impl HistoryItem {
    pub fn new(listed: std::sync::Arc<Listed>, text_number: Option<u32>) -> HistoryItem {
        HistoryItem {
            listed,
            text_number,
        }
    }
}

impl std::ops::Deref for HistoryItem {
    type Target = Listed;

    fn deref(&self) -> &Listed {
        &self.listed
    }
}

/// Last session and number of sessions for one peer.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PeerStats {
    pub last_session: Option<Timestamp>,
    pub sessions: usize,
}

impl PeerStats {
    /// Counts one more session.
    fn count(&mut self, item: &HistoryItem) {
        self.sessions += 1;
        if self.last_session.is_none_or(|t| item.started_at > t) {
            self.last_session = Some(item.started_at);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    /// Unfinished sessions were found at start; offer to resume them.
    DraftOffer,
    Peers,
    NewSession,
    Session,
    Summary,
    History,
    Note,
    /// Tools between meetings: fill a worksheet for a peer, save or discard it.
    Tools,
    /// Practice drills: setup, a round, its summary, progress.
    Practice,
    /// The competency record.
    Competencies,
    /// The log of indirect activities.
    Activity,
    /// Time reports.
    Reports,
    /// One peer: profile, goals, next steps, sessions, safety plan, worksheets.
    PeerPage,
    /// The specialist's own wellbeing check and its summary over time.
    Wellbeing,
}

/// A question that must be answered before going on.
#[derive(Debug, Clone, PartialEq)]
pub enum Confirm {
    /// Quit while a session is running: it is kept as a draft.
    QuitDuringSession,
    /// Throw away an unfinished session for good.
    DiscardDraft(Uuid),
    /// Leave a form with unsaved typing.
    DiscardForm,
    /// A question about a tool's worksheet.
    Tool(tools::ToolConfirm),
    /// Leave a practice round before its end (answers so far are kept).
    LeaveRound,
    /// Leave a role-play being coded (codes so far are kept).
    LeaveRolePlay,
    /// Remove a skill's demonstrated mark (and its sign-off).
    RemoveSkillMark(String),
    /// Remove an on-the-job hours entry.
    RemoveHours(Uuid),
    /// Leave a competency form with unsaved typing.
    DiscardCompetencyForm,
    /// Remove an activity log entry.
    RemoveActivity(Uuid),
    /// Save a note whose summary has nothing written in it.
    SaveEmptySummary,
    /// Leave a wellbeing check with answers not kept.
    DiscardWellbeing,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Error,
}

/// A one-line message at the bottom of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub kind: StatusKind,
    pub text: String,
}

/// Seconds of quiet typing before the draft is written again.
pub const AUTOSAVE_SECONDS: i64 = 3;

/// The built-in content, or the minimal fallback if it could not load (a test guards that
/// it always loads, so the fallback is a last resort, not a normal path).
pub fn default_content() -> &'static Content {
    static FALLBACK: std::sync::OnceLock<Content> = std::sync::OnceLock::new();
    match crate::content::builtin() {
        Ok(c) => c,
        Err(_) => FALLBACK.get_or_init(Content::fallback),
    }
}

pub struct App {
    /// Stages, tools and crisis lines: the built-in assets plus any organisation overrides.
    pub content: &'static Content,
    /// Every mode's keys: the built-in tables, or as remapped in `keys.toml`.
    pub keys: &'static keymap::Keymap,
    pub screen: Screen,
    pub peers: Vec<Peer>,
    /// Newest first (by start, then id). A deque, so a new session goes in front in constant
    /// time however long the history.
    pub history: VecDeque<HistoryItem>,
    pub peer_stats: HashMap<Uuid, PeerStats>,
    /// Problems found when the data was opened (quarantined or newer files), shown on home.
    pub notices: Vec<String>,
    pub status: Option<Status>,
    pub help_open: bool,
    /// Where help is scrolled to, and what is being found in it.
    pub help: help::HelpView,
    /// Columns and rows of the terminal, for page lengths.
    pub viewport: (u16, u16),
    pub confirm: Option<Confirm>,
    pub home_selected: usize,
    pub peers_view: PeersView,
    pub peer_form: Option<PeerForm>,
    pub new_session: NewSession,
    pub live: Option<LiveSession>,
    pub history_view: HistoryView,
    pub note: Option<NoteView>,
    /// Unfinished sessions found at start.
    pub drafts: Vec<Session>,
    pub draft_selected: usize,
    /// Practice drills.
    pub practice: practice::PracticeView,
    /// The competency record and its forms.
    pub competencies: competencies::CompetencyView,
    /// The time of the latest update, so drawing needs no clock.
    pub now: Timestamp,
    /// The quick reference overlay, once opened (kept, hidden, when closed).
    pub reference: Option<Box<reference::ReferenceView>>,
    /// Set once the user asked to quit and everything that had to be kept was kept.
    pub quitting: bool,
    /// A quit was stopped because keeping the draft failed; a second Ctrl+C quits anyway.
    pub quit_blocked: bool,
    /// Running on the throwaway demo folder, which is deleted on quit.
    pub demo: bool,
    /// The tools between meetings, and safety plans read for them.
    pub tools: tools::ToolsApp,
    /// Blank screen, lock and crisis overlays.
    pub privacy: privacy::Privacy,
    /// The specialist's settings (defaults until read).
    pub settings: crate::domain::settings::Settings,
    /// The settings form, when open (over Home).
    pub settings_form: Option<office::SettingsForm>,
    /// The activity log screen.
    pub activity: office::ActivityView,
    /// The reports screen, once opened.
    pub reports: Option<reports::ReportsView>,
    /// Where files the person writes (progress notes) go by default: their home folder.
    pub export_dir: Option<std::path::PathBuf>,
    /// Every peer's goals, latest sessions and safety plans, for the journey views.
    pub journey: crate::domain::goals::Journey,
    /// Every saved note's search text, shared with the store, once read (just after the
    /// first frame).
    pub search: Option<crate::domain::text_index::SharedTextIndex>,
    /// The journey is read just after the first frame (it opens a file per peer): until
    /// then Home says so rather than showing nothing due.
    pub journey_pending: bool,
    /// The open peer page.
    pub peer_page: Option<journey::PeerPage>,
    /// The selected line of Coming up on Home, when that list has the keyboard.
    pub home_due_selected: Option<usize>,
    /// The specialist's own wellbeing screen.
    pub wellbeing: wellbeing::WellbeingView,
}

impl App {
    pub fn new(
        peers: Vec<Peer>,
        history: Vec<HistoryItem>,
        drafts: Vec<Session>,
        notices: Vec<String>,
        now: Timestamp,
    ) -> App {
        let mut app = App {
            content: default_content(),
            keys: keymap::Keymap::defaults(),
            screen: if drafts.is_empty() {
                Screen::Home
            } else {
                Screen::DraftOffer
            },
            peers: Vec::new(),
            history: VecDeque::new(),
            peer_stats: HashMap::new(),
            notices,
            status: None,
            help_open: false,
            help: help::HelpView::default(),
            viewport: (80, 24),
            confirm: None,
            home_selected: 0,
            peers_view: PeersView::default(),
            peer_form: None,
            new_session: NewSession::default(),
            live: None,
            history_view: HistoryView::default(),
            note: None,
            drafts,
            draft_selected: 0,
            practice: practice::PracticeView::default(),
            competencies: competencies::CompetencyView::default(),
            now,
            reference: None,
            quitting: false,
            quit_blocked: false,
            demo: false,
            tools: tools::ToolsApp::default(),
            privacy: privacy::Privacy::new(now),
            settings: crate::domain::settings::Settings::default(),
            settings_form: None,
            activity: office::ActivityView::default(),
            reports: None,
            export_dir: None,
            journey: Default::default(),
            search: None,
            journey_pending: false,
            peer_page: None,
            home_due_selected: None,
            wellbeing: wellbeing::WellbeingView::default(),
        };
        app.set_data(peers, history);
        app
    }

    /// Uses `content` (e.g. with an organisation's overrides) instead of the built-in one.
    /// Uses remapped keys (from `keys.toml`).
    pub fn with_keys(mut self, keys: &'static keymap::Keymap) -> App {
        self.keys = keys;
        self
    }

    pub fn with_content(mut self, content: &'static Content) -> App {
        self.content = content;
        self
    }

    /// Replaces the lists with what the store holds now.
    pub fn set_data(&mut self, peers: Vec<Peer>, mut history: Vec<HistoryItem>) {
        history.sort_by_key(|h| std::cmp::Reverse(h.started_at));
        let mut stats: HashMap<Uuid, PeerStats> = HashMap::with_capacity(peers.len());
        for item in &history {
            for peer in item.served() {
                stats.entry(peer).or_default().count(item);
            }
        }
        self.history = history.into();
        self.peer_stats = stats;
        self.set_peers(peers);
        self.clamp_history();
    }

    /// Keeps the history selection within the rows shown.
    fn clamp_history(&mut self) {
        // Unfiltered (as at start) every row counts: no list of 100,000 rows just to count.
        let unfiltered =
            self.history_view.peer.is_none() && self.history_view.filter.text().trim().is_empty();
        let shown = if unfiltered {
            self.history.len()
        } else {
            self.filtered_history().len()
        };
        self.history_view.clamp(shown);
    }

    pub fn peer(&self, id: Uuid) -> Option<&Peer> {
        self.peers.iter().find(|p| p.id == id)
    }

    pub fn stats(&self, id: Uuid) -> PeerStats {
        self.peer_stats.get(&id).copied().unwrap_or_default()
    }

    /// Peers the peers screen lists: archived ones only when asked for.
    pub fn visible_peers(&self) -> Vec<&Peer> {
        self.peers
            .iter()
            .filter(|p| self.peers_view.show_archived || !p.archived)
            .collect()
    }

    /// Gives the app the store's search index, which the first history list was built
    /// without.
    pub fn attach_search_index(&mut self, index: crate::domain::text_index::SharedTextIndex) {
        {
            let read = index
                .read()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            for h in &mut self.history {
                h.text_number = read.number_hinted(h.id, h.text_number);
            }
        }
        self.search = Some(index);
    }

    /// History entries that pass the peer and text filters, newest first.
    pub fn filtered_history(&self) -> Vec<&HistoryItem> {
        let needle = self.history_view.filter.text().trim().to_lowercase();
        let words: Vec<&str> = needle.split_whitespace().collect();
        let index = self
            .search
            .as_ref()
            .map(|i| i.read().unwrap_or_else(std::sync::PoisonError::into_inner));
        let found = index.as_ref().and_then(|i| i.notes_with_all(&words));
        // The search text starts with the alias; the alias alone is looked at only while
        // the search texts are still being read (and for a note without any text).
        let matches = |h: &HistoryItem| {
            if words.is_empty() {
                return true;
            }
            let number = index
                .as_ref()
                .and_then(|i| i.number_hinted(h.id, h.text_number));
            match (number, &found) {
                (Some(n), Some(found)) => found.contains(n),
                _ => {
                    let alias = h.peer_alias.to_lowercase();
                    words.iter().all(|w| alias.contains(w))
                }
            }
        };
        let items: Vec<&HistoryItem> = self
            .history
            .iter()
            .filter(|h| self.history_view.peer.is_none_or(|p| h.involves(p)))
            .filter(|h| matches(h))
            .collect();
        // `history` is kept newest first, so the filtered list is too.
        items
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            kind: StatusKind::Info,
            text: text.into(),
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            kind: StatusKind::Error,
            text: text.into(),
        });
    }

    /// Whether a text field has the keyboard, so printable keys must go to it.
    pub fn typing(&self) -> bool {
        keymap::typing(self)
    }
}

/// Home menu entries, in order.
pub const HOME_MENU: &[(char, &str, Destination)] = &[
    ('n', "New session", Destination::NewSession),
    ('p', "Peers", Destination::Peers),
    ('h', "History", Destination::History),
    ('t', "Tools and worksheets", Destination::Tools),
    ('g', "Reference", Destination::Reference),
    ('d', "Practice drills", Destination::Practice),
    ('c', "Competencies", Destination::Competencies),
    ('a', "Activity log", Destination::Activity),
    ('m', "Reports: my time", Destination::Reports),
    ('s', "Settings", Destination::Settings),
    ('w', "My wellbeing (private)", Destination::Wellbeing),
];

/// The only way state changes. `now` is passed in so the function stays pure.
pub fn update(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    app.now = now;
    if !matches!(
        action,
        Action::Tick
            | Action::Resize(..)
            | Action::DataLoaded { .. }
            | Action::HistoryRowLoaded { .. }
            | Action::PeersLoaded(_)
            | Action::JourneyLoaded(_)
            | Action::JourneyOfPeersLoaded { .. }
            | Action::GoalsLoaded(_)
            | Action::EffectDone(_)
    ) {
        // A key press clears an old message: it has been seen.
        if !matches!(action, Action::EffectFailed { .. }) {
            app.status = None;
        }
        if !matches!(action, Action::EffectFailed { .. } | Action::NoteLoaded(_)) {
            app.privacy.last_input = now;
        }
    }
    match action {
        Action::Tick => {
            let mut effects = privacy::tick(app, now);
            let autosave = live::autosave(app, now);
            // One effect at a time: a failed draft must not hold up reading a safety plan.
            if autosave.is_empty() {
                effects.extend(tools::tick(app, now));
            } else {
                effects.extend(autosave);
            }
            effects
        }
        Action::BlankScreen => privacy::blank(app),
        Action::Unblank => privacy::unblank(app),
        Action::ToggleCrisis => privacy::toggle_crisis(app),
        Action::Quit => request_quit(app),
        Action::Interrupt => interrupt(app),
        Action::ToggleHelp => {
            app.help_open = !app.help_open;
            app.help = help::HelpView::default();
            vec![]
        }
        Action::Resize(w, h) => {
            app.viewport = (w, h);
            vec![]
        }
        Action::Confirm(yes) => answer(app, yes),
        Action::DataLoaded { peers, history } => {
            app.set_data(peers, history);
            vec![]
        }
        Action::JourneyLoaded(journey) => {
            app.journey = *journey;
            vec![]
        }
        Action::HistoryRowLoaded { row, replaced } => {
            app.put_history_row(*row, replaced);
            vec![]
        }
        Action::PeersLoaded(peers) => {
            app.set_peers(peers);
            vec![]
        }
        Action::JourneyOfPeersLoaded { peers, part } => {
            app.journey.replace_peers(&peers, *part);
            vec![]
        }
        Action::GoalsLoaded(goals) => {
            app.journey.goals = *goals;
            vec![]
        }
        Action::NoteLoaded(session) => {
            let mut view = NoteView::new(*session);
            view.advice = history::advice_lines(&view.session, app.content.language());
            view.removed_goals =
                crate::domain::note_goals::removed_goals(&view.session, &app.journey.goals);
            app.note = Some(view);
            app.screen = Screen::Note;
            vec![]
        }
        Action::EffectDone(done) => effect_done(app, done),
        Action::EffectFailed { effect, message } => effect_failed(app, effect, message),
        Action::WorksheetsLoaded(list) => {
            app.tools.saved = list;
            app.tools.saved_selected = 0;
            vec![]
        }
        Action::SafetyPlanLoaded { peer_id, plan } => {
            tools::plan_loaded(app, peer_id, plan.map(|b| *b));
            vec![]
        }
        Action::Open(dest) => open_and_load(app, dest),
        Action::PracticeLoaded {
            rounds,
            roleplays,
            problems,
        } => {
            practice::loaded(app, rounds, problems);
            roleplay::loaded(app, roleplays);
            vec![]
        }
        Action::TranscriptRead(parsed) => {
            roleplay::transcript_ready(app, parsed, now);
            vec![]
        }
        Action::CompetenciesLoaded { record, problems } => {
            competencies::loaded(app, record, problems);
            vec![]
        }
        Action::ActivityLogLoaded(log) => {
            office::loaded(app, log);
            vec![]
        }
        Action::WellbeingLoaded(log) => {
            wellbeing::loaded(app, log);
            vec![]
        }
        Action::ReportLoaded(report) => {
            reports::loaded(app, *report);
            vec![]
        }
        other if app.privacy.crisis.is_some() || app.privacy.lock.is_some() => {
            privacy::intercept(app, &other).unwrap_or_default()
        }
        Action::ToggleReference => {
            reference::toggle(app);
            vec![]
        }
        other if app.help_open => {
            help::update(app, other);
            vec![]
        }
        other if app.reference_open() => reference::update(app, other, now),
        other if app.settings_form.is_some() => office::update_settings(app, other),
        other => match app.screen {
            Screen::Home => home(app, other),
            Screen::DraftOffer => draft_offer(app, other, now),
            Screen::Peers => peers::update(app, other, now),
            Screen::NewSession => peers::update_new_session(app, other, now),
            Screen::Session | Screen::Summary => live::update(app, other, now),
            Screen::History | Screen::Note => history::update(app, other, now),
            Screen::Tools => tools::update_standalone(app, other, now),
            Screen::Practice => practice::update(app, other, now),
            Screen::Competencies => competencies::update(app, other, now),
            Screen::Activity => office::update(app, other, now),
            Screen::Reports => reports::update(app, other, now),
            Screen::PeerPage => journey::update_peer_page(app, other),
            Screen::Wellbeing => wellbeing::update(app, other, now),
        },
    }
}

fn open(app: &mut App, dest: Destination) {
    if dest == Destination::Reference {
        if !app.reference_open() {
            reference::toggle(app);
        }
        return;
    }
    if app.live.is_some() {
        app.info("A session is running: end it (e) or quit (q) to keep it as a draft.");
        return;
    }
    app.help_open = false;
    app.screen = match dest {
        Destination::Home => Screen::Home,
        Destination::Peers => Screen::Peers,
        Destination::NewSession => {
            app.new_session = NewSession::default();
            app.new_session.focus_filter();
            Screen::NewSession
        }
        Destination::History => Screen::History,
        Destination::Tools => Screen::Tools,
        Destination::Reference => app.screen,
        Destination::Practice => Screen::Practice,
        Destination::Competencies => Screen::Competencies,
        Destination::Activity => Screen::Activity,
        Destination::Reports => Screen::Reports,
        Destination::Wellbeing => Screen::Wellbeing,
        Destination::Settings => {
            office::open_settings(app);
            app.screen
        }
    };
}

/// Opens a destination and asks for the data it reads only when shown.
fn open_and_load(app: &mut App, dest: Destination) -> Vec<Effect> {
    open(app, dest);
    match dest {
        Destination::Practice => practice::opened(app),
        Destination::Competencies => competencies::opened(app),
        Destination::Tools => tools::opened(app),
        Destination::Activity if app.screen == Screen::Activity => office::opened(app),
        Destination::Wellbeing => wellbeing::opened(app),
        Destination::Reports if app.screen == Screen::Reports => {
            let now = app.now;
            reports::opened(app, now)
        }
        _ => vec![],
    }
}

fn home(app: &mut App, action: Action) -> Vec<Effect> {
    if let Some(sel) = app.home_due_selected {
        let items = journey::home_items(app);
        match action {
            Action::Up => app.home_due_selected = Some(sel.saturating_sub(1)),
            Action::Down => {
                app.home_due_selected = Some((sel + 1).min(items.len().saturating_sub(1)))
            }
            Action::Submit | Action::OpenPeerPage => {
                if let Some(item) = items.get(sel) {
                    return journey::open_peer_page(app, item.peer_id);
                }
            }
            Action::NextField | Action::PrevField | Action::Back => app.home_due_selected = None,
            _ => {}
        }
        return vec![];
    }
    match action {
        Action::NextField | Action::PrevField => {
            if journey::home_items(app).is_empty() {
                app.info("Nothing is coming up in the next 7 days.");
            } else {
                app.home_due_selected = Some(0);
            }
        }
        Action::Up => app.home_selected = app.home_selected.saturating_sub(1),
        Action::Down => app.home_selected = (app.home_selected + 1).min(HOME_MENU.len() - 1),
        Action::Submit => {
            if let Some((_, _, dest)) = HOME_MENU.get(app.home_selected) {
                return open_and_load(app, *dest);
            }
        }
        Action::ResumeDraft if !app.drafts.is_empty() => app.screen = Screen::DraftOffer,
        _ => {}
    }
    vec![]
}

fn draft_offer(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    match action {
        Action::Up => app.draft_selected = app.draft_selected.saturating_sub(1),
        Action::Down => {
            app.draft_selected = (app.draft_selected + 1).min(app.drafts.len().saturating_sub(1))
        }
        Action::ResumeDraft | Action::Submit if app.draft_selected < app.drafts.len() => {
            let draft = app.drafts.remove(app.draft_selected);
            app.draft_selected = 0;
            app.live = Some(LiveSession::resume(draft, now));
            app.screen = Screen::Session;
            app.info(
                "Session resumed where it was left. The timer counts from the original start.",
            );
        }
        Action::DiscardDraft => {
            if let Some(d) = app.drafts.get(app.draft_selected) {
                app.confirm = Some(Confirm::DiscardDraft(d.id));
            }
        }
        Action::Back => app.screen = Screen::Home,
        _ => {}
    }
    vec![]
}

fn request_quit(app: &mut App) -> Vec<Effect> {
    if app.live.is_some() {
        app.confirm = Some(Confirm::QuitDuringSession);
        return vec![];
    }
    app.quitting = true;
    vec![Effect::Quit]
}

/// Ctrl+C: quit at once, keeping a running session as a draft. If keeping it failed, a
/// second Ctrl+C quits anyway: the user has been told.
pub fn interrupt(app: &mut App) -> Vec<Effect> {
    if app.quit_blocked {
        app.quitting = true;
        return vec![Effect::Quit];
    }
    let mut effects = Vec::new();
    if let Some(live) = &app.live {
        effects.push(Effect::SaveDraft(live.snapshot()));
    }
    effects.extend(tools::on_interrupt(app));
    app.quitting = true;
    effects.push(Effect::Quit);
    effects
}

fn answer(app: &mut App, yes: bool) -> Vec<Effect> {
    let Some(question) = app.confirm.take() else {
        return vec![];
    };
    if !yes {
        return vec![];
    }
    match question {
        Confirm::QuitDuringSession => interrupt(app),
        Confirm::DiscardDraft(id) => {
            app.drafts.retain(|d| d.id != id);
            app.draft_selected = app.draft_selected.min(app.drafts.len().saturating_sub(1));
            if app.drafts.is_empty() {
                app.screen = Screen::Home;
            }
            vec![Effect::DiscardDraft(id)]
        }
        Confirm::DiscardForm => {
            app.peer_form = None;
            if let Some(note) = &mut app.note {
                note.amend = None;
            }
            vec![]
        }
        Confirm::Tool(q) => tools::answer(app, q),
        Confirm::LeaveRound => practice::leave_round(app),
        Confirm::LeaveRolePlay => roleplay::leave(app),
        Confirm::RemoveSkillMark(skill) => competencies::remove_mark(app, &skill),
        Confirm::RemoveHours(id) => competencies::remove_hours(app, id),
        Confirm::DiscardCompetencyForm => {
            competencies::discard_form(app);
            vec![]
        }
        Confirm::RemoveActivity(id) => office::remove(app, id),
        Confirm::SaveEmptySummary => live::save_note_confirmed(app),
        Confirm::DiscardWellbeing => {
            wellbeing::discard(app);
            vec![]
        }
    }
}
