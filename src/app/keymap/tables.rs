//! Every mode's keys, one binding a line. `fin` keys finish the task and are never hidden
//! from the bar, `bar` keys show when they fit, `more` keys are listed in help only.
//! A mode is one line in `groups`; a binding is one line in its mode's table.

use super::groups::*;
use super::office::{MINUTES, READ_BACK_KEY, WRITE_PROGRESS};
use super::{Group, Mode, bar, fin, journey, more, office, roleplay, tools, trainee};
use crate::app::{Action, Destination};

/// The groups of a mode, in the order the bar and help show them.
pub fn groups(mode: Mode) -> &'static [Group] {
    match mode {
        Mode::Help => &[HELP_OVERLAY],
        Mode::HelpFind => &[HELP_FIND, ARROW_MOVES],
        Mode::Confirm => &[CONFIRM],
        Mode::Home => &[HOME_KEYS, super::wellbeing::HOME_KEY, LIST_MOVES, HELP, QUIT],
        Mode::DraftOffer => &[DRAFT_OFFER, LIST_MOVES, HELP],
        Mode::Peers => &[PEERS, LIST_MOVES, HELP, BACK],
        Mode::PeerForm => &[PEER_FORM, CANCEL, HELP_TYPING],
        Mode::PickPeer => &[PICK_PEER, BACK_TYPING, HELP_TYPING],
        Mode::PickKind => &[PICK_KIND, BACK_TYPING, HELP],
        Mode::Notes => &[NOTES, HELP_TYPING],
        Mode::SessionCommands => {
            &[SESSION, super::group::CHECK_IN_KEY, STAGE_DIGITS, SESSION_END, HELP, SESSION_QUIT]
        }
        Mode::SummaryText => {
            &[SUMMARY_FIELDS, SUMMARY_SAVE, SUMMARY_NOTES, READ_BACK_KEY, HELP_TYPING]
        }
        Mode::SummaryGoals => {
            &[SUMMARY_GOALS, SUMMARY_FIELDS, SUMMARY_SAVE, SUMMARY_NOTES, READ_BACK_KEY, HELP]
        }
        Mode::SummaryActivities => &[
            SUMMARY_TICKS,
            MINUTES,
            SUMMARY_FIELDS,
            SUMMARY_NEXT,
            SUMMARY_SAVE,
            SUMMARY_NOTES,
            READ_BACK_KEY,
            HELP,
        ],
        Mode::GoalEditor => &[GOAL_EDITOR, CANCEL, HELP_TYPING],
        Mode::History => &[HISTORY, LIST_MOVES, HELP, BACK],
        Mode::HistoryFilter => &[HISTORY_FILTER, HELP_TYPING],
        Mode::Note => &[NOTE, WRITE_PROGRESS, HELP, BACK],
        Mode::Amend => &[AMEND, CANCEL, HELP_TYPING],
        Mode::RefSearch => &[REF_SEARCH, HELP_TYPING],
        Mode::RefRead => &[REF_READ, HELP],
        Mode::RefReadNotes => &[REF_INSERT, REF_READ, HELP],
        Mode::Blank => &[BLANK],
        Mode::Crisis => &[CRISIS],
        Mode::Unlock => &[UNLOCK],
        _ => tools::groups(mode)
            .or_else(|| trainee::groups(mode))
            .or_else(|| office::groups(mode))
            .or_else(|| journey::groups(mode))
            .or_else(|| super::group::groups(mode))
            .or_else(|| super::wellbeing::groups(mode))
            .or_else(|| roleplay::groups(mode))
            .unwrap_or(&[]),
    }
}

/// The keys that follow every mode's own: the reference, quitting at once, privacy.
pub fn tail(mode: Mode) -> &'static [Group] {
    match mode {
        // A question is answered first: the reference does not open over it.
        Mode::Confirm => &[ALWAYS],
        Mode::RefSearch | Mode::RefRead | Mode::RefReadNotes => &[REFERENCE_CLOSE, ALWAYS],
        Mode::Notes => &[REFERENCE_BAR, ALWAYS],
        Mode::Home | Mode::Unlock => &[REFERENCE, ALWAYS_CRISIS_BAR],
        _ => &[REFERENCE, ALWAYS],
    }
}

/// What help calls each mode.
pub fn title(mode: Mode) -> &'static str {
    match mode {
        Mode::Help | Mode::HelpFind => "Help",
        Mode::Confirm => "A question",
        Mode::Home => "Home",
        Mode::DraftOffer => "Unfinished sessions",
        Mode::Peers => "Peers",
        Mode::PeerForm => "Peer form",
        Mode::PickPeer => "New session: choose a peer",
        Mode::PickKind => "New session: kind of meeting",
        Mode::Notes => "Session: writing notes",
        Mode::SessionCommands => "Session",
        Mode::SummaryText | Mode::SummaryGoals | Mode::SummaryActivities => "End of session",
        Mode::GoalEditor => "End of session: a goal",
        Mode::History | Mode::HistoryFilter => "History",
        Mode::Note => "Reading a note",
        Mode::Amend => "Amending a note",
        Mode::RefSearch => "Reference",
        Mode::RefRead | Mode::RefReadNotes => "Reference: an entry",
        Mode::Blank => "Blank screen",
        Mode::Crisis => "Crisis lines",
        Mode::Unlock => "Locked",
        Mode::Palette => "Session: choosing a tool",
        Mode::ToolsHome | Mode::ToolsSaved | Mode::ToolsPickPeer => "Tools",
        Mode::ToolVersions => "Safety plan: saved versions",
        Mode::ToolText | Mode::ToolInput | Mode::ToolList | Mode::ToolRated | Mode::ToolChecks
        | Mode::ToolPick | Mode::ToolChoice | Mode::ToolLines | Mode::ToolRead => "A tool",
        Mode::PracticeSetup | Mode::PracticeSummary | Mode::PracticeProgress
        | Mode::PracticeReview => "Practice",
        Mode::PracticeAnswer | Mode::PracticeSteps | Mode::PracticeChoose
        | Mode::PracticeFeedback => "Practice round",
        Mode::PracticeObserve | Mode::PracticePin => "Observing a role-play",
        Mode::PracticeGlobals => "Role-play: global ratings",
        Mode::PracticeTranscript => "Role-play transcript",
        Mode::PracticeCoding => "Coding a transcript",
        Mode::PracticeDebrief => "Role-play debrief",
        Mode::PracticeRolePlays => "Practice: role-plays",
        Mode::Competencies | Mode::CompetencyArea | Mode::CompetencyHours
        | Mode::CompetencyForm => "Competency record",
        Mode::SummaryReview | Mode::ReviewWords | Mode::PeerPage | Mode::PeerGoals
        | Mode::PeerGoalText | Mode::HomeComingUp => journey::title(mode).unwrap_or("Peer"),
        other => office::title(other)
            .or_else(|| super::group::title(other))
            .or_else(|| super::wellbeing::title(other))
            .unwrap_or("Keys"),
    }
}

const HELP_OVERLAY: Group = &[
    fin(&[ESC, ch('?'), ch('q'), ENTER, F1], "Esc", "close help", Action::ToggleHelp),
    bar(&[UP, ch('k')], "↑↓", "scroll", Action::Up),
    more(&[DOWN, ch('j')], "↓", "scroll down", Action::Down),
    bar(&[PGDN, ch(' ')], "PgDn", "page down", Action::PageDown),
    more(&[PGUP], "PgUp", "page up", Action::PageUp),
    more(&[HOME, ch('g')], "Home", "first line", Action::Top),
    more(&[END, ch('G')], "End", "last line", Action::Bottom),
    bar(&[ch('/')], "/", "find a key", Action::StartFilter),
];
const HELP_FIND: Group = &[
    fin(&[ENTER], "Enter", "done", Action::Submit),
    fin(&[ESC], "Esc", "clear", Action::Back),
    more(&[F1], "F1", "close help", Action::ToggleHelp),
];

const CONFIRM: Group = &[
    fin(&[ch('y'), ch('Y')], "y", "yes", Action::Confirm(true)),
    fin(&[ch('n'), ch('N'), ESC], "n/Esc", "no", Action::Confirm(false)),
];

const HOME_KEYS: Group = &[
    bar(&[ch('n')], "n", "new session", Action::Open(Destination::NewSession)),
    bar(&[ch('p')], "p", "peers", Action::Open(Destination::Peers)),
    bar(&[ch('h')], "h", "history", Action::Open(Destination::History)),
    bar(&[ch('t')], "t", "tools", Action::Open(Destination::Tools)),
    bar(&[ch('g')], "g", "reference", Action::Open(Destination::Reference)),
    bar(&[ch('r')], "r", "resume unfinished", Action::ResumeDraft),
    more(&[ch('d')], "d", "practice drills", Action::Open(Destination::Practice)),
    more(&[ch('c')], "c", "competency record", Action::Open(Destination::Competencies)),
    more(&[ch('a')], "a", "activity log", Action::Open(Destination::Activity)),
    more(&[ch('m')], "m", "reports: my time", Action::Open(Destination::Reports)),
    more(&[ch('s')], "s", "settings", Action::Open(Destination::Settings)),
    more(&[ENTER], "Enter", "open", Action::Submit),
    bar(&[TAB], "Tab", "coming up", Action::NextField),
];
/// Esc never quits: pressed a few times to go back, it must not leave the app.
const QUIT: Group = &[fin(&[ch('q')], "q", "quit", Action::Quit)];

const DRAFT_OFFER: Group = &[
    fin(&[ch('r'), ENTER], "Enter", "resume", Action::ResumeDraft),
    bar(&[ch('d')], "d", "discard", Action::DiscardDraft),
    fin(&[ESC, ch('l')], "Esc", "later", Action::Back),
];

const PEERS: Group = &[
    bar(&[ch('a')], "a", "add", Action::AddPeer),
    bar(&[ch('e')], "e", "edit", Action::EditPeer),
    bar(&[ch('s')], "s", "start session", Action::StartWithSelectedPeer),
    bar(&[ENTER], "Enter", "peer page", Action::OpenPeerPage),
    bar(&[ch('h')], "h", "history", Action::ShowPeerHistory),
    bar(&[ch('x')], "x", "archive/restore", Action::ToggleArchive),
    bar(&[ch('A')], "A", "show archived", Action::ToggleShowArchived),
];

const PEER_FORM: Group = &[
    bar(&[TAB], "Tab", "next field", Action::NextField),
    more(&[BACKTAB], "Shift+Tab", "previous field", Action::PrevField),
    bar(&[ENTER], "Enter", "next / save", Action::Submit),
    fin(&[ctrl('s')], "Ctrl+S", "save", Action::Save),
];

const PICK_PEER: Group = &[
    more(&[UP], "↑", "move up", Action::Up),
    more(&[DOWN], "↓", "move down", Action::Down),
    fin(&[ENTER], "Enter", "choose", Action::Submit),
    bar(&[ctrl('n')], "Ctrl+N", "new peer", Action::AddPeer),
];

const PICK_KIND: Group = &[
    bar(&[UP, LEFT, ch('k')], "↑↓", "kind", Action::PrevKind),
    more(&[DOWN, RIGHT, ch('j')], "↓", "next kind", Action::NextKind),
    fin(&[ENTER], "Enter", "start", Action::Submit),
];

const NOTES: Group = &[
    fin(&[ESC], "Esc", "session commands", Action::LeaveNotes),
    bar(&[ctrl('t')], "Ctrl+T", "tools", Action::OpenPalette),
    more(&[F2], "F2", "previous stage", Action::PrevStage),
    more(&[F3], "F3", "next stage", Action::NextStage),
];

pub(super) const SESSION: Group = &[
    bar(&[ch('i'), ENTER, TAB], "i", "write notes", Action::FocusNotes),
    bar(&[ch('t'), ctrl('t')], "t", "tools", Action::OpenPalette),
    bar(&[RIGHT, ch(']'), F3], "→", "next stage", Action::NextStage),
    bar(&[LEFT, ch('['), F2], "←", "previous stage", Action::PrevStage),
];
pub(super) const SESSION_END: Group = &[
    bar(&[ch('!')], "!", "safety concern", Action::ToggleSafetyConcern),
    bar(&[ch('f')], "f", "follow-up", Action::ToggleFollowUp),
    more(&[ch('s')], "s", "safety plan", Action::OpenSafetyPlan),
    bar(&[ch('v')], "v", "last time", Action::ToggleLastTime),
    more(&[ch('V')], "V", "put last time into the notes", Action::InsertLastTime),
    more(&[ch('P')], "P", "peer page", Action::OpenPeerPage),
    fin(&[ch('e')], "e", "end session", Action::EndSession),
];
pub(super) const SESSION_QUIT: Group = &[fin(&[ch('q')], "q", "quit", Action::Quit)];

pub(super) const SUMMARY_FIELDS: Group = &fields("next", "previous");
pub(super) const SUMMARY_SAVE: Group = &[
    fin(&[ctrl('s')], "Ctrl+S", "save note", Action::Save),
    fin(&[ESC], "Esc", "back to session", Action::Back),
];
const SUMMARY_GOALS: Group = &[
    bar(&[ch('a')], "a", "add goal", Action::AddItem),
    bar(&[ENTER], "Enter", "edit", Action::Submit),
    bar(&[ch('d')], "d", "remove", Action::RemoveItem),
    more(&[UP, ch('k')], "↑", "move up", Action::Up),
    more(&[DOWN, ch('j')], "↓", "move down", Action::Down),
];
const SUMMARY_TICKS: Group = &[
    bar(&[ch(' '), ch('x')], "Space", "tick", Action::ToggleItem),
    more(&[UP, ch('k')], "↑", "move up", Action::Up),
    more(&[DOWN, ch('j')], "↓", "move down", Action::Down),
];
const SUMMARY_NEXT: Group = &[more(&[ENTER], "Enter", "next", Action::NextField)];

const GOAL_EDITOR: Group = &[
    bar(&[TAB, ENTER], "Tab", "next", Action::NextField),
    more(&[BACKTAB], "Shift+Tab", "previous", Action::PrevField),
    bar(&[ctrl('n')], "Ctrl+N", "add step", Action::AddStep),
    fin(&[ctrl('s')], "Ctrl+S", "done", Action::Save),
];

const HISTORY: Group = &[
    bar(&[ENTER], "Enter", "open", Action::Submit),
    bar(&[ch('/')], "/", "find", Action::StartFilter),
    bar(&[ch('p')], "p", "peer", Action::CyclePeerFilter),
    bar(&[ch('c')], "c", "clear", Action::ClearFilters),
    more(&[ch('P')], "P", "peer page", Action::OpenPeerPage),
];
const HISTORY_FILTER: Group = &[fin(&[ENTER, ESC, DOWN], "Enter", "done", Action::Submit)];

const NOTE: Group = &[
    bar(&[UP, ch('k')], "↑↓", "scroll", Action::Up),
    more(&[DOWN, ch('j')], "↓", "scroll down", Action::Down),
    more(&[PGUP], "PgUp", "page up", Action::PageUp),
    more(&[PGDN, ch(' ')], "PgDn", "page down", Action::PageDown),
    more(&[HOME, ch('g')], "Home", "top", Action::Top),
    more(&[END, ch('G')], "End", "end", Action::Bottom),
    bar(&[ch('a')], "a", "amend", Action::Amend),
];
const AMEND: Group = &[fin(&[ctrl('s')], "Ctrl+S", "save amendment", Action::Save)];

const REF_SEARCH: Group = &[
    bar(&[ENTER], "Enter", "open", Action::Submit),
    bar(&[UP], "↑↓", "choose", Action::Up),
    more(&[DOWN], "↓", "move down", Action::Down),
    more(&[PGUP], "PgUp", "page up", Action::PageUp),
    more(&[PGDN], "PgDn", "page down", Action::PageDown),
    bar(&[TAB], "Tab", "browse by", Action::NextField),
    more(&[BACKTAB], "Shift+Tab", "browse by (back)", Action::PrevField),
    fin(&[ESC], "Esc", "close", Action::Back),
];
const REF_INSERT: Group = &[
    bar(&[ENTER], "Enter", "add line to notes", Action::Submit),
    bar(&[ch('a')], "a", "add all", Action::AddItem),
];
const REF_READ: Group = &[
    bar(&[UP, ch('k')], "↑↓", "line", Action::Up),
    more(&[DOWN, ch('j')], "↓", "next line", Action::Down),
    more(&[PGUP], "PgUp", "page up", Action::PageUp),
    more(&[PGDN, ch(' ')], "PgDn", "page down", Action::PageDown),
    fin(&[ESC, BACKSPACE, ch('q')], "Esc", "back", Action::Back),
    bar(&[ch('/')], "/", "search", Action::StartFilter),
];

/// Every other key ends the blank screen (see `map_key`).
const BLANK: Group = &[fin(&[], "any key", "show the app", Action::Unblank)];

const CRISIS: Group = &[
    fin(&[ESC, ch('q'), ENTER], "Esc", "close", Action::ToggleCrisis),
    bar(&[UP, ch('k')], "↑↓", "scroll", Action::Up),
    more(&[DOWN, ch('j')], "↓/j", "move down", Action::Down),
    more(&[PGUP], "PgUp", "page up", Action::PageUp),
    more(&[PGDN], "PgDn", "page down", Action::PageDown),
];

const UNLOCK: Group = &[
    fin(&[ENTER], "Enter", "unlock", Action::Submit),
    bar(&[ESC], "Esc", "clear", Action::Back),
];
