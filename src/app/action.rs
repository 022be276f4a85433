//! Everything that can happen to the app, and everything the app asks the outside world to do.

use ratatui::crossterm::event::KeyEvent;
use uuid::Uuid;

use crate::domain::competency::CompetencyRecord;
use crate::domain::practice::{RoundRecord, SkillChoice};
use crate::domain::{Peer, Session, Stage};

use super::HistoryItem;

/// A change the user or the run loop asks for. `update` is the only place these are handled.
#[derive(Debug, Clone)]
pub enum Action {
    /// Time passed: refreshes the session timer and triggers autosave of drafts.
    Tick,
    /// Leave the app; asks first while a session is running (it is then kept as a draft).
    Quit,
    /// Ctrl+C: leave at once, keeping a running session as a draft.
    Interrupt,
    /// Show or hide the help overlay for the current screen.
    ToggleHelp,
    /// Go to a top-level screen.
    Open(Destination),
    /// Close the current screen, popup or mode, going back one level.
    Back,
    /// Move the selection in the focused list.
    Up,
    Down,
    PageUp,
    PageDown,
    /// A key typed into the focused text field.
    Input(KeyEvent),
    /// Confirm the focused item or form (usually Enter).
    Submit,
    /// Move focus between the fields of a form.
    NextField,
    PrevField,
    /// Peers: open the form for a new peer.
    AddPeer,
    /// Peers: edit the selected peer's alias, pronouns and preferences.
    EditPeer,
    /// Peers: archive or restore the selected peer.
    ToggleArchive,
    /// Peers: show or hide archived peers.
    ToggleShowArchived,
    /// Peers: start a session with the selected peer.
    StartWithSelectedPeer,
    /// Peers: open the selected peer's history.
    ShowPeerHistory,
    /// New session: choose the previous/next kind of session.
    PrevKind,
    NextKind,
    /// Session: put the cursor back in the notes.
    FocusNotes,
    /// Session: leave the notes for the session commands (typing no longer goes to notes).
    LeaveNotes,
    /// Session: move to the next or previous stage, or straight to one.
    NextStage,
    PrevStage,
    GoToStage(Stage),
    /// Session: raise or clear the "safety concern" flag.
    ToggleSafetyConcern,
    /// Session: raise or clear the "follow-up needed" flag.
    ToggleFollowUp,
    /// Session: stop the clock and open the summary form.
    EndSession,
    /// Summary: toggle the selected direct activity (or the item under the cursor).
    ToggleItem,
    /// Summary: add a goal / remove the selected goal.
    AddItem,
    RemoveItem,
    /// Goal editor: add a next step row.
    AddStep,
    /// Save the current form: the note on the summary screen, an amendment, a goal.
    Save,
    /// History: type to filter by text.
    StartFilter,
    /// History: cycle the peer filter through the peers that have sessions.
    CyclePeerFilter,
    /// History: clear every filter.
    ClearFilters,
    /// Note view: start writing an amendment.
    Amend,
    /// Draft offer: resume the kept session, or discard it (asks first).
    ResumeDraft,
    DiscardDraft,
    /// Answer a yes/no question.
    Confirm(bool),
    /// Open the quick reference over the current screen, or close it (Ctrl+G, home `g`).
    ToggleReference,
    /// Practice setup: the previous / next value of the focused setting.
    PrevValue,
    NextValue,
    /// Practice: start a round with the chosen drill, stage and level.
    StartRound,
    /// Practice: another round with the same settings.
    AnotherRound,
    /// Practice: leave the current item unanswered and go on.
    SkipItem,
    /// Practice ("Name the skill"): answer with this skill.
    NameSkill(SkillChoice),
    /// Practice: progress over time and past rounds.
    ShowProgress,
    /// Competencies: mark the selected skill as demonstrated, or edit its mark.
    MarkSkill,
    /// Competencies: add the supervisor's sign-off to the selected skill.
    SignOff,
    /// Competencies: log on-the-job hours for the selected area.
    LogHours,
    /// Competencies: remove the selected mark or hours entry (asks first).
    RemoveRecord,
    /// Competencies: move between the skills and the hours of an area.
    SwitchPane,
    /// The saved practice rounds, read when the practice screen opens; problems are
    /// sentences about files that could not be read.
    PracticeLoaded {
        rounds: Vec<RoundRecord>,
        problems: Vec<String>,
    },
    /// The competency record, read when the competencies screen opens.
    CompetenciesLoaded {
        record: CompetencyRecord,
        problems: Vec<String>,
    },
    /// The store's peers and session list, read again after a change.
    DataLoaded {
        peers: Vec<Peer>,
        history: Vec<HistoryItem>,
    },
    /// A saved note, read for viewing.
    NoteLoaded(Box<Session>),
    /// The outside world finished an effect.
    EffectDone(Done),
    /// An effect failed; the message says what happened and what to do, without note text.
    EffectFailed {
        effect: EffectKind,
        message: String,
    },
}

/// Top-level places the user can go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    Home,
    Peers,
    NewSession,
    History,
    /// The quick reference, over home.
    Reference,
    /// Practice drills for trainees.
    Practice,
    /// The trainee's competency record.
    Competencies,
}

/// What the app needs the run loop to do: all I/O lives there.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    SavePeer(Peer),
    /// Save an ended session's note (and then drop its draft).
    SaveSession(Session),
    /// Keep an in-progress session as a draft.
    SaveDraft(Session),
    DiscardDraft(Uuid),
    LoadNote(Uuid),
    /// Read the saved practice rounds.
    LoadPractice,
    /// Save a practice round as it stands (after every answer).
    SavePracticeRound(RoundRecord),
    /// Read the competency record.
    LoadCompetencies,
    /// Save the whole competency record.
    SaveCompetencies(CompetencyRecord),
    Quit,
}

/// Which kind of effect a result is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EffectKind {
    SavePeer,
    SaveSession,
    SaveDraft,
    DiscardDraft,
    LoadNote,
    LoadPractice,
    SavePracticeRound,
    LoadCompetencies,
    SaveCompetencies,
}

impl Effect {
    pub fn kind(&self) -> Option<EffectKind> {
        Some(match self {
            Effect::SavePeer(_) => EffectKind::SavePeer,
            Effect::SaveSession(_) => EffectKind::SaveSession,
            Effect::SaveDraft(_) => EffectKind::SaveDraft,
            Effect::DiscardDraft(_) => EffectKind::DiscardDraft,
            Effect::LoadNote(_) => EffectKind::LoadNote,
            Effect::LoadPractice => EffectKind::LoadPractice,
            Effect::SavePracticeRound(_) => EffectKind::SavePracticeRound,
            Effect::LoadCompetencies => EffectKind::LoadCompetencies,
            Effect::SaveCompetencies(_) => EffectKind::SaveCompetencies,
            Effect::Quit => return None,
        })
    }
}

/// A successful effect, reported back so the app can move on.
#[derive(Debug, Clone, PartialEq)]
pub enum Done {
    PeerSaved(Uuid),
    SessionSaved(Uuid),
    DraftSaved(Uuid),
    DraftDiscarded(Uuid),
    PracticeRoundSaved(Uuid),
    CompetenciesSaved,
}
