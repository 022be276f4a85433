//! Everything that can happen to the app, and everything the app asks the outside world to do.

use uuid::Uuid;

use crate::domain::activity_log::ActivityLog;
use crate::domain::competency::CompetencyRecord;
use crate::domain::practice::{Code, RolePlayRecord, RoundRecord, SkillChoice, Transcript};
use crate::domain::report::{DayRange, Report};
use crate::domain::settings::Settings;
use crate::domain::worksheets::{SafetyPlanHistory, StandaloneWorksheet};
use crate::domain::{Peer, Session, Stage};

use super::HistoryItem;
use super::field::Typed;
use super::tools::SafetyPlanSave;

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
    /// Jump to the first or last line (Home, End).
    Top,
    Bottom,
    /// The terminal's size, so scrolling knows how long a page is.
    Resize(u16, u16),
    /// A key typed, or text pasted, into the focused text field.
    Input(Typed),
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
    /// Session: open (or close) the tool palette: `t`, or Ctrl+T even while typing notes.
    OpenPalette,
    /// Session: open the peer's safety plan.
    OpenSafetyPlan,
    /// Tool: put the chosen starter, prompt or line into the session notes.
    InsertIntoNotes,
    /// Tool: move to the next starter or prompt.
    NextPrompt,
    /// Tool: jump to the previous or next section of a document, or change a choice.
    PrevSection,
    NextSection,
    /// Tool: give the selected item an importance from 1 to 5 (0 clears it).
    SetImportance(u8),
    /// Tool: move the selected item up or down the list (ranking).
    MoveItemUp,
    MoveItemDown,
    /// Tool: edit the selected item (or its note).
    EditItem,
    /// Safety plan: show the saved versions (F6), or go back to the plan.
    ShowVersions,
    /// The standalone worksheets, read for the tools screen.
    WorksheetsLoaded(Vec<StandaloneWorksheet>),
    /// A peer's safety plan, read (`None` when they have none yet).
    SafetyPlanLoaded {
        peer_id: Uuid,
        plan: Option<Box<SafetyPlanHistory>>,
    },
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
    /// Practice: start coding a live role-play (timer running).
    StartObserving,
    /// Practice: open the box for a role-play transcript.
    OpenTranscript,
    /// Transcript box: code what was typed or pasted, or read the file it names.
    CodeTranscript,
    /// Role-play: give this code (live), or correct the shown turn to it (transcript).
    Code(Code),
    /// Role-play: take back the last code (live), or go back to the engine's (transcript).
    Undo,
    /// Role-play: pin this moment with a short note.
    Pin,
    /// Role-play: pause or restart the timer.
    PauseTimer,
    /// Role-play: stop coding (then the global ratings, or the debrief).
    EndRolePlay,
    /// Global ratings, or a wellbeing question: rate the highlighted one 1-5.
    Rate(u8),
    /// Wellbeing: open the self-care tool.
    OpenSelfCare,
    /// The wellbeing checks were read.
    WellbeingLoaded(crate::domain::wellbeing::WellbeingLog),
    /// A transcript file was read (or why it could not be).
    TranscriptRead(Result<Transcript, String>),
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
        roleplays: Vec<RolePlayRecord>,
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
    /// One session's list row, read again after it was saved: the lists and peer counts
    /// are brought up to date around it, as [`Action::DataLoaded`] would leave them.
    /// `replaced` is the start of the row it replaces (`None` for a new session).
    HistoryRowLoaded {
        row: Box<HistoryItem>,
        replaced: Option<crate::domain::Timestamp>,
    },
    /// The store's peers, read again after one was saved (sessions are unchanged).
    PeersLoaded(Vec<Peer>),
    /// A saved note, read for viewing.
    NoteLoaded(Box<Session>),
    /// Ctrl+B: blank the screen at once (someone walked in). Works while typing.
    BlankScreen,
    /// Any key on the blank screen: show the app again (asking for the passphrase first
    /// when the data is encrypted).
    Unblank,
    /// F9: show or hide crisis resources over whatever is on screen.
    ToggleCrisis,
    /// End of session: read the note back with the peer (Ctrl+R).
    ReadBack,
    /// Reports: this week / this month.
    ShowWeek,
    ShowMonth,
    /// Note view: write the note as a progress note to a file.
    WriteProgress,
    /// The activity log, read for its screen.
    ActivityLogLoaded(ActivityLog),
    /// A report, added up by the store.
    ReportLoaded(Box<Report>),
    /// Session: show or hide the Last time panel.
    ToggleLastTime,
    /// End of session: show or hide the session notes beside the form (shown by default
    /// on a wide screen, behind this key on a narrow one).
    ToggleSessionNotes,
    /// Session: put a line about last time into the notes.
    InsertLastTime,
    /// Open the peer page of the selected peer (Peers, History, Home's Coming up) or of the
    /// session's peer.
    OpenPeerPage,
    /// Session: open the peer's life-area check-in (Esc in it skips it).
    OpenCheckIn,
    /// Group session: add an attendee (an existing peer or a new alias) who joins now.
    AddAttendee,
    /// Group session: the selected attendee leaves now (or, if they had left, is back).
    AttendeeLeaves,
    /// Group session: write a short line about the selected attendee.
    NoteAttendee,
    /// Group session: give the group its name or topic.
    NameGroup,
    /// Group session: select the next attendee.
    NextAttendee,
    /// Group session: select the previous attendee.
    PrevAttendee,
    /// Peer page: choose one of the peer's goals to change its status, target or life area.
    EditGoals,
    /// Peer page: give the chosen goal this status, dated today.
    SetGoalStatus(crate::domain::goals::GoalStatus),
    /// Peer page: type the chosen goal's target date.
    EditGoalTarget,
    /// Peer page: type the chosen goal's life area.
    EditGoalArea,
    /// Every peer's goals, latest sessions and safety plan dates, read after opening and
    /// after every save that changes them.
    JourneyLoaded(Box<crate::domain::goals::Journey>),
    /// The journey of a few peers, read again after a save that touched only them: their
    /// parts replace what the journey held for them (its goals stay).
    JourneyOfPeersLoaded {
        peers: Vec<Uuid>,
        part: Box<crate::domain::goals::Journey>,
    },
    /// Every peer's goals, read again after they were saved (the rest of the journey stays).
    GoalsLoaded(Box<crate::domain::goals::GoalBook>),
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
    /// The tools between meetings.
    Tools,
    /// The quick reference, over home.
    Reference,
    /// Practice drills for trainees.
    Practice,
    /// The trainee's competency record.
    Competencies,
    /// The log of indirect activities.
    Activity,
    /// Time reports.
    Reports,
    /// The specialist's settings (a form over Home).
    Settings,
    /// The specialist's own private wellbeing check.
    Wellbeing,
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
    /// Save a standalone worksheet (saved content and any changes kept apart).
    SaveWorksheet(StandaloneWorksheet),
    /// Delete a standalone worksheet that was discarded.
    DeleteWorksheet(Uuid),
    /// Read the standalone worksheets for the tools screen.
    LoadWorksheets,
    /// Read every version of a peer's safety plan.
    LoadSafetyPlan(Uuid),
    /// Save a new version of a peer's safety plan.
    SaveSafetyPlan(SafetyPlanSave),
    /// Read the saved practice rounds.
    LoadPractice,
    /// Save a practice round as it stands (after every answer).
    SavePracticeRound(RoundRecord),
    /// Save a coded role-play as it stands (after every code).
    SaveRolePlay(RolePlayRecord),
    /// Read a transcript file the trainee named (read only; nothing is written there).
    ReadTranscript(std::path::PathBuf),
    /// Read the competency record.
    LoadCompetencies,
    /// Save the whole competency record.
    SaveCompetencies(CompetencyRecord),
    /// Check a passphrase typed on the lock screen against the data folder's key.
    CheckPassphrase(crate::domain::secret::Passphrase),
    /// Write settings.toml.
    SaveSettings(Settings),
    /// Read the activity log.
    LoadActivityLog,
    /// Save the whole activity log.
    SaveActivityLog(ActivityLog),
    /// Add up a report over a range of days.
    LoadReport(DayRange),
    /// Write text to a new file outside the data folder (owner-only; never over a file).
    WriteFile {
        path: std::path::PathBuf,
        text: String,
    },
    /// Save every peer's goals (after a session that worked on them).
    SaveGoals(crate::domain::goals::GoalBook),
    /// Read the specialist's wellbeing checks.
    LoadWellbeing,
    /// Save every wellbeing check (with the new one).
    SaveWellbeing(crate::domain::wellbeing::WellbeingLog),
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
    SaveWorksheet,
    DeleteWorksheet,
    LoadWorksheets,
    LoadSafetyPlan,
    SaveSafetyPlan,
    LoadPractice,
    SavePracticeRound,
    SaveRolePlay,
    ReadTranscript,
    LoadCompetencies,
    SaveCompetencies,
    CheckPassphrase,
    SaveSettings,
    LoadActivityLog,
    SaveActivityLog,
    LoadReport,
    WriteFile,
    SaveGoals,
    LoadWellbeing,
    SaveWellbeing,
}

impl Effect {
    pub fn kind(&self) -> Option<EffectKind> {
        Some(match self {
            Effect::SavePeer(_) => EffectKind::SavePeer,
            Effect::SaveSession(_) => EffectKind::SaveSession,
            Effect::SaveDraft(_) => EffectKind::SaveDraft,
            Effect::DiscardDraft(_) => EffectKind::DiscardDraft,
            Effect::LoadNote(_) => EffectKind::LoadNote,
            Effect::SaveWorksheet(_) => EffectKind::SaveWorksheet,
            Effect::DeleteWorksheet(_) => EffectKind::DeleteWorksheet,
            Effect::LoadWorksheets => EffectKind::LoadWorksheets,
            Effect::LoadSafetyPlan(_) => EffectKind::LoadSafetyPlan,
            Effect::SaveSafetyPlan(_) => EffectKind::SaveSafetyPlan,
            Effect::LoadPractice => EffectKind::LoadPractice,
            Effect::SavePracticeRound(_) => EffectKind::SavePracticeRound,
            Effect::SaveRolePlay(_) => EffectKind::SaveRolePlay,
            Effect::ReadTranscript(_) => EffectKind::ReadTranscript,
            Effect::LoadCompetencies => EffectKind::LoadCompetencies,
            Effect::SaveCompetencies(_) => EffectKind::SaveCompetencies,
            Effect::CheckPassphrase(_) => EffectKind::CheckPassphrase,
            Effect::SaveSettings(_) => EffectKind::SaveSettings,
            Effect::LoadActivityLog => EffectKind::LoadActivityLog,
            Effect::SaveActivityLog(_) => EffectKind::SaveActivityLog,
            Effect::LoadReport(_) => EffectKind::LoadReport,
            Effect::WriteFile { .. } => EffectKind::WriteFile,
            Effect::SaveGoals(_) => EffectKind::SaveGoals,
            Effect::LoadWellbeing => EffectKind::LoadWellbeing,
            Effect::SaveWellbeing(_) => EffectKind::SaveWellbeing,
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
    WorksheetSaved(Uuid),
    WorksheetDeleted(Uuid),
    /// A safety plan's history after a save; `version` is `None` when nothing changed.
    SafetyPlanSaved {
        history: Box<SafetyPlanHistory>,
        version: Option<u32>,
    },
    PracticeRoundSaved(Uuid),
    RolePlaySaved(Uuid),
    CompetenciesSaved,
    /// The passphrase typed on the lock screen was right.
    Unlocked,
    SettingsSaved(Settings),
    ActivityLogSaved,
    FileWritten(std::path::PathBuf),
    GoalsSaved,
    WellbeingSaved,
}
