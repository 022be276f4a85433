//! Practice drills for trainees: choosing a drill, answering a round item by item with
//! instant feedback, the round summary, and progress over time.
//!
//! The round itself is the pure state machine in `domain::practice`; this module holds the
//! text fields and the screen state around it. Every answer saves the round as it stands,
//! so leaving half way (or a crash) loses at most the answer being typed.

use uuid::Uuid;

use super::field::Field;
use super::roleplay;
use super::{Action, App, Confirm, Effect, Screen};
use crate::domain::practice::round::MAX_ANSWER_CHARS;
use crate::domain::practice::{
    Answer, Bank, Difficulty, Drill, Phase, Round, RoundConfig, RoundRecord, SkillChoice,
};
use crate::domain::{Stage, Timestamp};

/// Which part of the practice screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PracticePane {
    /// Choose a drill, stage and level.
    Setup,
    /// Answering items, or reading feedback.
    Round,
    /// The round is over: scores.
    Summary,
    /// Progress over time and the list of past rounds.
    Progress,
    /// One past round, read-only.
    Review,
    /// A live role-play being coded by an observer.
    Observe,
    /// The four global ratings at the end of a live role-play.
    Globals,
    /// Typing, pasting or naming a transcript.
    TranscriptInput,
    /// Stepping through a transcript's turns, correcting codes.
    Coding,
    /// One coded role-play: counts, scores, pins, globals.
    Debrief,
    /// Progress: coded role-plays over time.
    RolePlays,
}

/// The settings rows of the setup pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupRow {
    Drill,
    Stage,
    Level,
}

impl SetupRow {
    pub const ALL: [SetupRow; 3] = [SetupRow::Drill, SetupRow::Stage, SetupRow::Level];
}

/// A round being played, with the fields for its answers.
#[derive(Debug, Clone)]
pub struct RoundState {
    pub round: Round,
    /// One field per part of the current step (three for Ask-Share-Ask).
    pub fields: Vec<Field>,
    pub focus: usize,
    /// The highlighted answer in "Name the skill".
    pub choice: usize,
    /// Feedback scroll.
    pub scroll: u16,
    /// The latest save failed; the next answer (or `s` on the summary) tries again.
    pub unsaved: bool,
}

impl RoundState {
    fn new(round: Round) -> RoundState {
        let mut s = RoundState {
            round,
            fields: Vec::new(),
            focus: 0,
            choice: 0,
            scroll: 0,
            unsaved: false,
        };
        s.reset_fields();
        s
    }

    /// Fresh, empty fields for the current step.
    fn reset_fields(&mut self) {
        let parts = self.round.current_parts();
        self.fields = if self.round.drill() == Drill::NameSkill {
            Vec::new()
        } else {
            parts
                .iter()
                .map(|_| {
                    Field::multi("type here; Enter checks it").with_max_chars(MAX_ANSWER_CHARS)
                })
                .collect()
        };
        self.focus = 0;
        self.choice = 0;
        self.scroll = 0;
        self.refocus();
    }

    fn refocus(&mut self) {
        let focus = self.focus;
        for (i, f) in self.fields.iter_mut().enumerate() {
            f.set_focused(i == focus);
        }
    }

    /// Something typed and not yet checked.
    pub fn has_typing(&self) -> bool {
        matches!(self.round.phase, Phase::Answering { .. })
            && self.fields.iter().any(|f| !f.is_blank())
    }

    pub fn answering(&self) -> bool {
        matches!(self.round.phase, Phase::Answering { .. })
    }
}

pub struct PracticeView {
    pub pane: PracticePane,
    pub drill: Drill,
    pub stage: Option<Stage>,
    pub difficulty: Option<Difficulty>,
    pub row: SetupRow,
    pub round: Option<RoundState>,
    /// Saved rounds, oldest first, as last read (and kept up to date as rounds are saved).
    pub rounds: Vec<RoundRecord>,
    /// True once the saved rounds have been read.
    pub loaded: bool,
    /// Selected past round in the progress list (0 = newest).
    pub selected: usize,
    /// Scroll of the round review.
    pub review_scroll: u16,
    /// Role-play coding: live tally, transcripts, debrief.
    pub roleplay: super::roleplay::RolePlayView,
}

impl Default for PracticeView {
    fn default() -> Self {
        PracticeView {
            pane: PracticePane::Setup,
            drill: Drill::OpenUp,
            stage: None,
            difficulty: None,
            row: SetupRow::Drill,
            round: None,
            rounds: Vec::new(),
            loaded: false,
            selected: 0,
            review_scroll: 0,
            roleplay: super::roleplay::RolePlayView::default(),
        }
    }
}

impl PracticeView {
    pub fn config(&self) -> RoundConfig {
        RoundConfig {
            stage: self.stage,
            difficulty: self.difficulty,
            ..RoundConfig::new(self.drill)
        }
    }

    /// Past rounds with answers, newest first: the progress list.
    pub fn past(&self) -> Vec<&RoundRecord> {
        let mut v: Vec<&RoundRecord> = self.rounds.iter().filter(|r| !r.is_empty()).collect();
        v.reverse();
        v
    }

    /// The round the review pane shows.
    pub fn reviewed(&self) -> Option<&RoundRecord> {
        self.past().get(self.selected).copied()
    }
}

/// The shipped practice bank, or `None` if it failed to load (tests rule that out).
pub fn bank() -> Option<&'static Bank> {
    Bank::shipped().ok()
}

/// Called after `Open(Practice)`: reads the saved rounds again.
pub fn opened(app: &mut App) -> Vec<Effect> {
    if app.screen != Screen::Practice {
        return vec![];
    }
    app.practice.pane = PracticePane::Setup;
    vec![Effect::LoadPractice]
}

pub fn loaded(app: &mut App, rounds: Vec<RoundRecord>, problems: Vec<String>) {
    app.practice.rounds = rounds;
    app.practice.loaded = true;
    let len = app.practice.past().len();
    app.practice.selected = app.practice.selected.min(len.saturating_sub(1));
    if !problems.is_empty() {
        app.error(problems.join(" "));
    }
}

/// A saved round: keep the list in step without reading the folder again.
pub fn saved(app: &mut App, id: Uuid) {
    let Some(state) = app.practice.round.as_mut() else {
        return;
    };
    if state.round.record.id != id {
        return;
    }
    state.unsaved = false;
    let record = state.round.record.clone();
    upsert(&mut app.practice.rounds, record);
}

pub fn save_failed(app: &mut App, message: &str) {
    if let Some(state) = app.practice.round.as_mut() {
        state.unsaved = true;
    }
    app.error(format!(
        "Could not save your practice answers: {message} They are still here; they are saved again with your next answer."
    ));
}

fn upsert(list: &mut Vec<RoundRecord>, record: RoundRecord) {
    match list.iter_mut().find(|r| r.id == record.id) {
        Some(slot) => *slot = record,
        None => {
            list.push(record);
            list.sort_by_key(|r| (r.started_at, r.id));
        }
    }
}

pub fn update(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    match app.practice.pane {
        PracticePane::Setup => setup(app, action, now),
        PracticePane::Round => round(app, action, now),
        PracticePane::Summary => summary(app, action, now),
        PracticePane::Progress => progress(app, action),
        PracticePane::Review => review(app, action),
        PracticePane::Observe => roleplay::observe(app, action, now),
        PracticePane::Globals => roleplay::globals(app, action, now),
        PracticePane::TranscriptInput => roleplay::transcript_input(app, action, now),
        PracticePane::Coding => roleplay::coding(app, action, now),
        PracticePane::Debrief => roleplay::debrief(app, action),
        PracticePane::RolePlays => roleplay::list(app, action),
    }
}

fn cycle<T: Copy + PartialEq>(all: &[T], current: Option<T>, forward: bool) -> Option<T> {
    // `None` ("any") sits before the first value.
    let pos = current.and_then(|c| all.iter().position(|x| *x == c));
    let n = all.len() + 1;
    let i = pos.map(|p| p + 1).unwrap_or(0);
    let next = if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    };
    next.checked_sub(1).and_then(|j| all.get(j).copied())
}

fn setup(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let view = &mut app.practice;
    let row_index = SetupRow::ALL
        .iter()
        .position(|r| *r == view.row)
        .unwrap_or(0);
    match action {
        Action::Up => view.row = SetupRow::ALL[row_index.saturating_sub(1)],
        Action::Down => view.row = SetupRow::ALL[(row_index + 1).min(SetupRow::ALL.len() - 1)],
        Action::PrevValue | Action::NextValue => {
            let forward = matches!(action, Action::NextValue);
            match view.row {
                SetupRow::Drill => {
                    view.drill = if forward {
                        view.drill.next()
                    } else {
                        view.drill.prev()
                    }
                }
                SetupRow::Stage => view.stage = cycle(&Stage::ALL, view.stage, forward),
                SetupRow::Level => {
                    view.difficulty = cycle(&Difficulty::ALL, view.difficulty, forward)
                }
            }
        }
        Action::Submit | Action::StartRound => return start_round(app, now),
        Action::ShowProgress => open_progress(app),
        Action::StartObserving => roleplay::start_observing(app, now),
        Action::OpenTranscript => roleplay::open_transcript(app),
        Action::Back => app.screen = Screen::Home,
        _ => {}
    }
    vec![]
}

/// A seed from the clock, so rounds differ from one another but tests with a fixed time
/// draw the same items.
fn seed_for(now: Timestamp, rounds: usize) -> u64 {
    let secs = now.timestamp() as u64;
    let nanos = u64::from(now.timestamp_subsec_nanos());
    secs.rotate_left(21) ^ nanos ^ (rounds as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

fn start_round(app: &mut App, now: Timestamp) -> Vec<Effect> {
    let Some(bank) = bank() else {
        app.error(
            "The practice items could not be loaded; this build is broken. Please report it.",
        );
        return vec![];
    };
    let config = app.practice.config();
    // Items from the last two rounds of this drill come last, so practice stays varied.
    let recent: Vec<String> = app
        .practice
        .rounds
        .iter()
        .rev()
        .filter(|r| r.drill == config.drill)
        .take(2)
        .flat_map(|r| r.items.iter().map(|i| i.item_id.clone()))
        .collect();
    let seed = seed_for(now, app.practice.rounds.len());
    match Round::start(bank, config, Uuid::new_v4(), seed, &recent, now) {
        Ok(round) => {
            app.practice.round = Some(RoundState::new(round));
            app.practice.pane = PracticePane::Round;
        }
        Err(e) => app.error(e.to_string()),
    }
    vec![]
}

fn open_progress(app: &mut App) {
    app.practice.pane = PracticePane::Progress;
    app.practice.selected = 0;
}

/// The effect that saves the round as it stands, if anything in it is worth keeping.
fn save(state: &RoundState) -> Vec<Effect> {
    if state.round.record.is_empty() {
        vec![]
    } else {
        vec![Effect::SavePracticeRound(state.round.record.clone())]
    }
}

fn round(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let Some(bank) = bank() else {
        app.practice.pane = PracticePane::Setup;
        return vec![];
    };
    let Some(state) = app.practice.round.as_mut() else {
        app.practice.pane = PracticePane::Setup;
        return vec![];
    };
    if matches!(action, Action::Back) {
        if state.has_typing() || !state.round.record.is_empty() {
            app.confirm = Some(Confirm::LeaveRound);
            return vec![];
        }
        return leave_round(app);
    }
    match state.round.phase {
        Phase::Answering { .. } => answering(app, bank, action, now),
        Phase::Feedback { .. } => feedback(app, action, now),
        Phase::Done => {
            app.practice.pane = PracticePane::Summary;
            vec![]
        }
    }
}

fn answering(app: &mut App, bank: &Bank, action: Action, now: Timestamp) -> Vec<Effect> {
    let Some(state) = app.practice.round.as_mut() else {
        return vec![];
    };
    let choose = state.round.drill() == Drill::NameSkill;
    let answer = match action {
        Action::Input(key) if !choose => {
            if let Some(f) = state.fields.get_mut(state.focus) {
                f.input(key);
            }
            None
        }
        Action::NextField | Action::PrevField if state.fields.len() > 1 => {
            let n = state.fields.len();
            state.focus = if matches!(action, Action::NextField) {
                (state.focus + 1) % n
            } else {
                (state.focus + n - 1) % n
            };
            state.refocus();
            None
        }
        Action::Up if choose => {
            state.choice = state.choice.saturating_sub(1);
            None
        }
        Action::Down if choose => {
            state.choice = (state.choice + 1).min(SkillChoice::ALL.len() - 1);
            None
        }
        Action::NameSkill(c) if choose => Some(Answer::Choice(c)),
        Action::Submit if choose => SkillChoice::ALL
            .get(state.choice)
            .copied()
            .map(Answer::Choice),
        // Enter moves through the three Ask-Share-Ask steps before checking them.
        Action::Submit if state.focus + 1 < state.fields.len() => {
            state.focus += 1;
            state.refocus();
            None
        }
        Action::Submit | Action::Save if !choose => Some(Answer::Texts(
            state.fields.iter().map(Field::text).collect(),
        )),
        Action::SkipItem => {
            state.round.skip(now);
            state.reset_fields();
            if state.round.is_done() {
                app.practice.pane = PracticePane::Summary;
            }
            return save(state);
        }
        _ => None,
    };
    let Some(answer) = answer else {
        return vec![];
    };
    match state.round.submit(bank, answer) {
        Ok(()) => {
            state.scroll = 0;
            save(state)
        }
        Err(e) => {
            app.error(e.to_string());
            vec![]
        }
    }
}

fn feedback(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let Some(state) = app.practice.round.as_mut() else {
        return vec![];
    };
    match action {
        Action::Up => state.scroll = state.scroll.saturating_sub(1),
        Action::Down => state.scroll = state.scroll.saturating_add(1),
        Action::PageUp => state.scroll = state.scroll.saturating_sub(8),
        Action::PageDown => state.scroll = state.scroll.saturating_add(8),
        Action::Submit => {
            state.round.next(now);
            state.reset_fields();
            if state.round.is_done() {
                app.practice.pane = PracticePane::Summary;
                // Saved again so the record says it was finished.
                return save(state);
            }
        }
        _ => {}
    }
    vec![]
}

fn summary(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    match action {
        Action::AnotherRound | Action::Submit => {
            let retry = app
                .practice
                .round
                .as_ref()
                .filter(|s| s.unsaved)
                .map(save)
                .unwrap_or_default();
            let mut effects = retry;
            effects.extend(start_round(app, now));
            effects
        }
        Action::Save => app
            .practice
            .round
            .as_ref()
            .filter(|s| s.unsaved)
            .map(save)
            .unwrap_or_default(),
        Action::ShowProgress => {
            open_progress(app);
            vec![]
        }
        Action::Back => {
            app.practice.pane = PracticePane::Setup;
            vec![]
        }
        _ => vec![],
    }
}

fn progress(app: &mut App, action: Action) -> Vec<Effect> {
    let len = app.practice.past().len();
    let view = &mut app.practice;
    match action {
        Action::Up => view.selected = view.selected.saturating_sub(1),
        Action::Down => view.selected = (view.selected + 1).min(len.saturating_sub(1)),
        Action::PageUp => view.selected = view.selected.saturating_sub(10),
        Action::PageDown => view.selected = (view.selected + 10).min(len.saturating_sub(1)),
        Action::Submit if len > 0 => {
            view.pane = PracticePane::Review;
            view.review_scroll = 0;
        }
        Action::SwitchPane => view.pane = PracticePane::RolePlays,
        Action::Back => view.pane = PracticePane::Setup,
        _ => {}
    }
    vec![]
}

fn review(app: &mut App, action: Action) -> Vec<Effect> {
    let view = &mut app.practice;
    match action {
        Action::Up => view.review_scroll = view.review_scroll.saturating_sub(1),
        Action::Down => view.review_scroll = view.review_scroll.saturating_add(1),
        Action::PageUp => view.review_scroll = view.review_scroll.saturating_sub(8),
        Action::PageDown => view.review_scroll = view.review_scroll.saturating_add(8),
        Action::Back => view.pane = PracticePane::Progress,
        _ => {}
    }
    vec![]
}

/// Leaves a round half way. Answers so far were saved as they were given; if the latest
/// save failed, it is tried once more.
pub fn leave_round(app: &mut App) -> Vec<Effect> {
    let Some(state) = app.practice.round.take() else {
        app.practice.pane = PracticePane::Setup;
        return vec![];
    };
    app.practice.pane = PracticePane::Setup;
    if state.round.record.is_empty() {
        app.info("Round left.");
        return vec![];
    }
    app.info("Round left. Your answers so far are kept: press p for progress.");
    if state.unsaved {
        // Keep the state until the save is confirmed, so a second failure loses nothing.
        let effects = save(&state);
        app.practice.round = Some(state);
        return effects;
    }
    vec![]
}
