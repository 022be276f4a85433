//! Role-play coding from the practice screen: the observer's live tally (timer, one key per
//! behaviour, undo, pins), the global ratings at the end, transcript coding turn by turn,
//! and the debrief.
//!
//! Like practice rounds, the record is saved after every change, so a crash loses at most
//! the pin note being typed.

use std::path::PathBuf;

use uuid::Uuid;

use super::field::Field;
use super::practice::PracticePane;
use super::{Action, App, Confirm, Effect};
use crate::domain::Timestamp;
use crate::domain::practice::tally::MAX_PIN_CHARS;
use crate::domain::practice::transcript::{self, Speaker, Transcript};
use crate::domain::practice::{Global, RolePlayKind, RolePlayRecord, Tally};

/// Longest transcript typed or pasted into the app, in characters.
pub const MAX_TYPED_TRANSCRIPT: usize = 200_000;

/// A transcript being stepped through and corrected.
#[derive(Debug, Clone)]
pub struct Coding {
    pub record: RolePlayRecord,
    /// The turn shown.
    pub turn: usize,
}

/// Where the debrief goes back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DebriefFrom {
    Setup,
    Progress,
}

/// The role-play part of the practice screen.
#[derive(Debug, Clone)]
pub struct RolePlayView {
    /// The live tally, while observing (and while rating, after it ends).
    pub tally: Option<Tally>,
    /// The note of a pin being typed.
    pub pin: Option<Field>,
    /// The highlighted global rating.
    pub global_row: usize,
    /// The transcript being typed or pasted, or a path to one.
    pub input: Field,
    pub coding: Option<Coding>,
    /// The record the debrief shows.
    pub debrief: Option<RolePlayRecord>,
    pub debrief_from: DebriefFrom,
    pub debrief_scroll: u16,
    /// Saved role-plays, oldest first.
    pub saved: Vec<RolePlayRecord>,
    /// Selected role-play in the progress list (0 = newest).
    pub selected: usize,
    /// The latest save failed; the next change tries again.
    pub unsaved: bool,
}

impl Default for RolePlayView {
    fn default() -> Self {
        RolePlayView {
            tally: None,
            pin: None,
            global_row: 0,
            input: transcript_field(),
            coding: None,
            debrief: None,
            debrief_from: DebriefFrom::Setup,
            debrief_scroll: 0,
            saved: Vec::new(),
            selected: 0,
            unsaved: false,
        }
    }
}

fn transcript_field() -> Field {
    let mut f = Field::multi("paste or type the transcript (S: ... / P: ...), or a file path")
        .with_max_chars(MAX_TYPED_TRANSCRIPT);
    f.set_focused(true);
    f
}

impl RolePlayView {
    /// Saved role-plays with something in them, newest first.
    pub fn past(&self) -> Vec<&RolePlayRecord> {
        self.saved.iter().rev().filter(|r| !r.is_empty()).collect()
    }

    /// The record being worked on: the live tally's or the transcript's.
    fn current(&self) -> Option<&RolePlayRecord> {
        self.tally
            .as_ref()
            .map(|t| &t.record)
            .or(self.coding.as_ref().map(|c| &c.record))
    }
}

fn save(record: &RolePlayRecord) -> Vec<Effect> {
    if record.is_empty() {
        vec![]
    } else {
        vec![Effect::SaveRolePlay(record.clone())]
    }
}

/// Keeps the saved list in step with a record just saved.
pub fn saved(app: &mut App, id: Uuid) {
    let view = &mut app.practice.roleplay;
    let record = view
        .current()
        .filter(|r| r.id == id)
        .or(view.debrief.as_ref().filter(|r| r.id == id))
        .cloned();
    if let Some(record) = record {
        view.unsaved = false;
        match view.saved.iter_mut().find(|r| r.id == id) {
            Some(slot) => *slot = record,
            None => {
                view.saved.push(record);
                view.saved.sort_by_key(|r| (r.started_at, r.id));
            }
        }
    }
}

pub fn save_failed(app: &mut App, message: &str) {
    app.practice.roleplay.unsaved = true;
    app.error(format!(
        "Could not save the role-play codes: {message} They are still here; they are saved again with your next key."
    ));
}

pub fn loaded(app: &mut App, list: Vec<RolePlayRecord>) {
    let view = &mut app.practice.roleplay;
    view.saved = list;
    view.selected = view.selected.min(view.past().len().saturating_sub(1));
}

/// Setup `o`: starts a live tally with the timer running.
pub fn start_observing(app: &mut App, now: Timestamp) {
    let view = &mut app.practice.roleplay;
    view.tally = Some(Tally::start(Uuid::new_v4(), now));
    view.pin = None;
    view.global_row = 0;
    app.practice.pane = PracticePane::Observe;
}

/// Setup `t`: the transcript box.
pub fn open_transcript(app: &mut App) {
    app.practice.roleplay.input = transcript_field();
    app.practice.pane = PracticePane::TranscriptInput;
}

pub fn observe(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let view = &mut app.practice.roleplay;
    let Some(tally) = view.tally.as_mut() else {
        app.practice.pane = PracticePane::Setup;
        return vec![];
    };
    if let Some(field) = view.pin.as_mut() {
        match action {
            Action::Input(key) => {
                field.input(key);
            }
            Action::Submit | Action::Save => {
                let note = field.text();
                view.pin = None;
                tally.pin(&note, now);
                let effects = save(&tally.record);
                app.info("Moment pinned for the debrief.");
                return effects;
            }
            Action::Back => view.pin = None,
            _ => {}
        }
        return vec![];
    }
    match action {
        Action::Code(code) => {
            tally.code(code, now);
            save(&tally.record)
        }
        Action::Undo => match tally.undo() {
            Some(code) => {
                let effects = save(&tally.record);
                app.info(format!("Took back: {}.", code.name()));
                effects
            }
            None => {
                app.info("Nothing to take back.");
                vec![]
            }
        },
        Action::PauseTimer => {
            tally.toggle_pause(now);
            vec![]
        }
        Action::Pin => {
            let mut f =
                Field::single("what happened, for the debrief").with_max_chars(MAX_PIN_CHARS);
            f.set_focused(true);
            view.pin = Some(f);
            vec![]
        }
        Action::EndRolePlay => {
            tally.finish(now);
            view.global_row = 0;
            app.practice.pane = PracticePane::Globals;
            save(&tally.record)
        }
        Action::Back => {
            if tally.record.is_empty() {
                view.tally = None;
                app.practice.pane = PracticePane::Setup;
            } else {
                app.confirm = Some(Confirm::LeaveRolePlay);
            }
            vec![]
        }
        _ => vec![],
    }
}

/// Leaves a live tally or a transcript half way: what was coded is kept.
pub fn leave(app: &mut App) -> Vec<Effect> {
    let view = &mut app.practice.roleplay;
    let record = view
        .tally
        .take()
        .map(|t| t.record)
        .or(view.coding.take().map(|c| c.record));
    view.pin = None;
    app.practice.pane = PracticePane::Setup;
    let unsaved = view.unsaved;
    match record {
        Some(r) if !r.is_empty() => {
            app.info("Left. The codes so far are kept: press p, then Tab, to see them.");
            if unsaved { save(&r) } else { vec![] }
        }
        _ => vec![],
    }
}

pub fn globals(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let view = &mut app.practice.roleplay;
    let Some(tally) = view.tally.as_mut() else {
        app.practice.pane = PracticePane::Setup;
        return vec![];
    };
    let last = Global::ALL.len() - 1;
    match action {
        Action::Up => view.global_row = view.global_row.saturating_sub(1),
        Action::Down => view.global_row = (view.global_row + 1).min(last),
        Action::Rate(v) => {
            if let Some(g) = Global::ALL.get(view.global_row) {
                tally.record.globals.set(*g, v);
            }
            view.global_row = (view.global_row + 1).min(last);
            return save(&tally.record);
        }
        Action::Submit | Action::Save | Action::Back => {
            let record = tally.record.clone();
            if record.finished_at.is_none() {
                tally.finish(now);
            }
            view.tally = None;
            let effects = save(&record);
            show_debrief(app, record, DebriefFrom::Setup);
            return effects;
        }
        _ => {}
    }
    vec![]
}

fn show_debrief(app: &mut App, record: RolePlayRecord, from: DebriefFrom) {
    let view = &mut app.practice.roleplay;
    view.debrief = Some(record);
    view.debrief_from = from;
    view.debrief_scroll = 0;
    app.practice.pane = PracticePane::Debrief;
}

/// What the transcript box holds: a path to read, or the transcript itself.
fn path_in(text: &str) -> Option<PathBuf> {
    let line = text.trim();
    if line.contains('\n') || line.is_empty() {
        return None;
    }
    let line = line.trim_matches(|c| c == '"' || c == '\'');
    (!transcript::is_turn(line)).then(|| PathBuf::from(line))
}

pub fn transcript_input(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let view = &mut app.practice.roleplay;
    match action {
        Action::Input(key) => {
            view.input.input(key);
        }
        Action::Save | Action::CodeTranscript => {
            let text = view.input.text();
            if let Some(path) = path_in(&text) {
                return vec![Effect::ReadTranscript(path)];
            }
            let parsed = transcript::parse(&text).map_err(|e| format!("Cannot code it: {e}."));
            transcript_ready(app, parsed, now);
        }
        Action::Back => app.practice.pane = PracticePane::Setup,
        _ => {}
    }
    vec![]
}

/// A transcript read (from the box or a file): step through it.
pub fn transcript_ready(app: &mut App, parsed: Result<Transcript, String>, now: Timestamp) {
    let transcript = match parsed {
        Ok(t) => t,
        Err(message) => {
            app.error(message);
            return;
        }
    };
    let mut record = RolePlayRecord::new(Uuid::new_v4(), RolePlayKind::Transcript, now);
    record.turns = transcript::code(&transcript);
    let specialist = record
        .turns
        .iter()
        .filter(|t| t.speaker == Speaker::Specialist)
        .count();
    let first = record
        .turns
        .iter()
        .position(|t| t.speaker == Speaker::Specialist)
        .unwrap_or(0);
    let mut note = format!(
        "{} turns ({specialist} specialist) coded by the engine.",
        record.turns.len()
    );
    if transcript.lines_left_out > 0 {
        note.push_str(&format!(
            " Left out {} line(s) before the first speaker.",
            transcript.lines_left_out
        ));
    } else {
        note.push_str(" Correct a code with its key.");
    }
    app.info(note);
    app.practice.roleplay.coding = Some(Coding {
        record,
        turn: first,
    });
    app.practice.pane = PracticePane::Coding;
}

pub fn coding(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let view = &mut app.practice.roleplay;
    let Some(c) = view.coding.as_mut() else {
        app.practice.pane = PracticePane::Setup;
        return vec![];
    };
    let last = c.record.turns.len().saturating_sub(1);
    match action {
        Action::Up | Action::PrevField => c.turn = c.turn.saturating_sub(1),
        Action::Down | Action::NextField => c.turn = (c.turn + 1).min(last),
        Action::PageUp => c.turn = c.turn.saturating_sub(8),
        Action::PageDown => c.turn = (c.turn + 8).min(last),
        Action::Code(code) => {
            let Some(turn) = c.record.turns.get_mut(c.turn) else {
                return vec![];
            };
            let fits = (turn.speaker == Speaker::Specialist) == code.is_specialist();
            if !fits {
                let speaker = turn.speaker;
                app.info(match speaker {
                    Speaker::Specialist => "Change and sustain talk are for the peer's turns.",
                    Speaker::Peer => {
                        "The peer's turns take change talk (+) or sustain talk (-) only."
                    }
                });
                return vec![];
            }
            turn.trainee = Some(code);
            c.turn = (c.turn + 1).min(last);
            return save(&c.record);
        }
        Action::Submit => {
            // Keep the engine's code (or no mark on a peer turn) and go on.
            c.turn = (c.turn + 1).min(last);
            return save(&c.record);
        }
        Action::Undo => {
            if let Some(turn) = c.record.turns.get_mut(c.turn) {
                turn.trainee = None;
            }
            return save(&c.record);
        }
        Action::EndRolePlay => {
            c.record.finished_at = Some(now);
            let record = c.record.clone();
            view.coding = None;
            let effects = save(&record);
            show_debrief(app, record, DebriefFrom::Setup);
            return effects;
        }
        Action::Back => app.confirm = Some(Confirm::LeaveRolePlay),
        _ => {}
    }
    vec![]
}

pub fn debrief(app: &mut App, action: Action) -> Vec<Effect> {
    let view = &mut app.practice.roleplay;
    match action {
        Action::Up => view.debrief_scroll = view.debrief_scroll.saturating_sub(1),
        Action::Down => view.debrief_scroll = view.debrief_scroll.saturating_add(1),
        Action::PageUp => view.debrief_scroll = view.debrief_scroll.saturating_sub(8),
        Action::PageDown => view.debrief_scroll = view.debrief_scroll.saturating_add(8),
        Action::Save if view.unsaved => {
            if let Some(r) = &view.debrief {
                return save(r);
            }
        }
        Action::Back => {
            app.practice.pane = match view.debrief_from {
                DebriefFrom::Setup => PracticePane::Setup,
                DebriefFrom::Progress => PracticePane::RolePlays,
            }
        }
        _ => {}
    }
    vec![]
}

/// The list of past role-plays in the progress view.
pub fn list(app: &mut App, action: Action) -> Vec<Effect> {
    let len = app.practice.roleplay.past().len();
    let view = &mut app.practice.roleplay;
    match action {
        Action::Up => view.selected = view.selected.saturating_sub(1),
        Action::Down => view.selected = (view.selected + 1).min(len.saturating_sub(1)),
        Action::PageUp => view.selected = view.selected.saturating_sub(10),
        Action::PageDown => view.selected = (view.selected + 10).min(len.saturating_sub(1)),
        Action::Submit => {
            if let Some(r) = view.past().get(view.selected).copied().cloned() {
                show_debrief(app, r, DebriefFrom::Progress);
            }
        }
        Action::SwitchPane => app.practice.pane = PracticePane::Progress,
        Action::Back => app.practice.pane = PracticePane::Setup,
        _ => {}
    }
    vec![]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_line_without_a_speaker_is_a_path() {
        assert_eq!(
            path_in("  /home/me/roleplay.txt \n"),
            Some(PathBuf::from("/home/me/roleplay.txt"))
        );
        assert_eq!(path_in("'rp 1.txt'"), Some(PathBuf::from("rp 1.txt")));
        assert_eq!(path_in("S: What brings you here?"), None);
        assert_eq!(path_in("S: hi\nP: hello"), None);
        assert_eq!(path_in(""), None);
        assert_eq!(
            path_in("C:/Users/me/rp.txt"),
            Some(PathBuf::from("C:/Users/me/rp.txt"))
        );
    }
}
