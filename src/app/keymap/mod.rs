//! Keys are mapped to actions by mode. Every mode's keys are declared once, as data, in the
//! tables of [`tables`], [`tools`] and [`trainee`], built from the shared groups in [`groups`].
//! The dispatch ([`map_key`]), the bottom bar ([`footer`]) and the help overlay all read
//! those same tables, so adding a binding is one line in one table.
//!
//! While a text field has the keyboard, every key that is not bound in that mode goes to the
//! field, so typing "q" in a note never quits.

use std::borrow::Cow;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use unicode_width::UnicodeWidthStr;

#[rustfmt::skip]
mod groups;
pub mod office;
#[rustfmt::skip]
mod tables;
mod group;
mod journey;
mod wellbeing;
#[rustfmt::skip]
pub mod roleplay;
pub mod tools;
pub mod trainee;
pub mod user;

use super::live::{SessionFocus, SummaryField};
use super::{Action, App, Screen};

pub use user::{KeyFileError, Keymap};

/// Which keys are live right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Help,
    /// Typing in help's find box.
    HelpFind,
    Confirm,
    Home,
    DraftOffer,
    Peers,
    PeerForm,
    PickPeer,
    PickKind,
    Notes,
    SessionCommands,
    SummaryText,
    SummaryGoals,
    SummaryActivities,
    GoalEditor,
    History,
    HistoryFilter,
    Note,
    Amend,
    /// Session: the tool palette (typing narrows it).
    Palette,
    /// A tool's text field.
    ToolText,
    /// A tool's one-item editor (a new item, a note).
    ToolInput,
    /// A tool's list of items.
    ToolList,
    /// A tool's list of items that take an importance (1-5).
    ToolRated,
    /// A tool's checklist.
    ToolChecks,
    /// Choosing values from a list.
    ToolPick,
    /// One option of a few.
    ToolChoice,
    /// A document to read, with lines to put into the notes.
    ToolLines,
    /// A document to read between meetings (no notes to put lines into).
    ToolRead,
    /// A saved version of a safety plan, read-only.
    ToolVersions,
    /// Tools between meetings: the list of tools (typing narrows it).
    ToolsHome,
    /// Tools between meetings: the saved worksheets.
    ToolsSaved,
    /// Tools between meetings: who the worksheet is for.
    ToolsPickPeer,
    /// Reference: the search box and the list of entries.
    RefSearch,
    /// Reference: reading one entry.
    RefRead,
    /// Reference: reading one entry during a session, so lines can go into the notes.
    RefReadNotes,
    PracticeSetup,
    /// Typing one answer (open it up, reflect it).
    PracticeAnswer,
    /// Typing the three Ask-Share-Ask steps.
    PracticeSteps,
    /// Naming the skill of a line.
    PracticeChoose,
    PracticeFeedback,
    PracticeSummary,
    PracticeProgress,
    PracticeReview,
    /// Coding a live role-play: one key per behaviour.
    PracticeObserve,
    /// Typing the note of a pinned moment.
    PracticePin,
    /// The four global ratings at the end of a role-play.
    PracticeGlobals,
    /// Typing, pasting or naming a transcript.
    PracticeTranscript,
    /// Stepping through a coded transcript.
    PracticeCoding,
    /// One coded role-play: counts, scores, pins, globals.
    PracticeDebrief,
    /// Progress: coded role-plays over time.
    PracticeRolePlays,
    Competencies,
    CompetencyArea,
    CompetencyHours,
    CompetencyForm,
    /// Summary: the peer's goals, reviewed for this session.
    SummaryReview,
    /// Summary: typing what the peer said about a goal.
    ReviewWords,
    /// One peer's page.
    PeerPage,
    /// Peer page: the goal list has the keyboard (status, target, life area).
    PeerGoals,
    /// Peer page: typing a goal's target date or life area.
    PeerGoalText,
    /// Home: the Coming up list has the keyboard.
    HomeComingUp,
    /// The screen is blanked (Ctrl+B): any key ends it.
    Blank,
    /// The crisis resources overlay (F9).
    Crisis,
    /// Locked: the passphrase prompt has the keyboard.
    Unlock,
    /// The settings form.
    SettingsForm,
    /// The activity log: the list.
    ActivityLog,
    /// The activity form: a text field.
    ActivityForm,
    /// The activity form: choosing the activity.
    ActivityChoice,
    /// Reports.
    Reports,
    /// Reports: typing a range.
    ReportRange,
    /// End of session: the note read back with the peer (typing their comments).
    ReadBack,
    /// Note view: typing the file a progress note goes to.
    NoteExport,
    /// A group session's commands (the attendee list has single keys).
    GroupCommands,
    /// A group session: typing an attendee, a line about one, or the group's name.
    GroupInput,
    /// End of a group: the attendee list.
    SummaryAttendees,
    /// End of a group: one attendee's words and next step.
    AttendeeEditor,
    /// Session: the life-area check-in (ratings and why are typed).
    CheckIn,
    /// The specialist's own wellbeing: the summary over time.
    Wellbeing,
    /// The wellbeing check being answered (digits answer the question).
    WellbeingCheck,
    /// The wellbeing check: typing a word for oneself.
    WellbeingWord,
}

impl Mode {
    /// Every mode, for the user key file and for tests over all modes.
    pub const ALL: [Mode; 80] = [
        Mode::Help,
        Mode::HelpFind,
        Mode::Confirm,
        Mode::Home,
        Mode::DraftOffer,
        Mode::Peers,
        Mode::PeerForm,
        Mode::PickPeer,
        Mode::PickKind,
        Mode::Notes,
        Mode::SessionCommands,
        Mode::SummaryText,
        Mode::SummaryGoals,
        Mode::SummaryActivities,
        Mode::GoalEditor,
        Mode::History,
        Mode::HistoryFilter,
        Mode::Note,
        Mode::Amend,
        Mode::Palette,
        Mode::ToolText,
        Mode::ToolInput,
        Mode::ToolList,
        Mode::ToolRated,
        Mode::ToolChecks,
        Mode::ToolPick,
        Mode::ToolChoice,
        Mode::ToolLines,
        Mode::ToolRead,
        Mode::ToolVersions,
        Mode::ToolsHome,
        Mode::ToolsSaved,
        Mode::ToolsPickPeer,
        Mode::RefSearch,
        Mode::RefRead,
        Mode::RefReadNotes,
        Mode::PracticeSetup,
        Mode::PracticeAnswer,
        Mode::PracticeSteps,
        Mode::PracticeChoose,
        Mode::PracticeFeedback,
        Mode::PracticeSummary,
        Mode::PracticeProgress,
        Mode::PracticeReview,
        Mode::PracticeObserve,
        Mode::PracticePin,
        Mode::PracticeGlobals,
        Mode::PracticeTranscript,
        Mode::PracticeCoding,
        Mode::PracticeDebrief,
        Mode::PracticeRolePlays,
        Mode::Competencies,
        Mode::CompetencyArea,
        Mode::CompetencyHours,
        Mode::CompetencyForm,
        Mode::SummaryReview,
        Mode::ReviewWords,
        Mode::PeerPage,
        Mode::PeerGoals,
        Mode::PeerGoalText,
        Mode::HomeComingUp,
        Mode::Blank,
        Mode::Crisis,
        Mode::Unlock,
        Mode::SettingsForm,
        Mode::ActivityLog,
        Mode::ActivityForm,
        Mode::ActivityChoice,
        Mode::Reports,
        Mode::ReportRange,
        Mode::ReadBack,
        Mode::NoteExport,
        Mode::GroupCommands,
        Mode::GroupInput,
        Mode::SummaryAttendees,
        Mode::AttendeeEditor,
        Mode::CheckIn,
        Mode::Wellbeing,
        Mode::WellbeingCheck,
        Mode::WellbeingWord,
    ];

    /// Modes where unbound keys are typed into a field.
    pub fn is_typing(self) -> bool {
        matches!(
            self,
            Mode::HelpFind
                | Mode::PeerForm
                | Mode::PickPeer
                | Mode::Notes
                | Mode::SummaryText
                | Mode::GoalEditor
                | Mode::HistoryFilter
                | Mode::Amend
                | Mode::Palette
                | Mode::ToolText
                | Mode::ToolInput
                | Mode::ToolsHome
                | Mode::ToolsPickPeer
                | Mode::RefSearch
                | Mode::PracticeAnswer
                | Mode::PracticeSteps
                | Mode::PracticePin
                | Mode::PracticeTranscript
                | Mode::CompetencyForm
                | Mode::ReviewWords
                | Mode::PeerGoalText
                | Mode::Unlock
                | Mode::SettingsForm
                | Mode::ActivityForm
                | Mode::ReportRange
                | Mode::ReadBack
                | Mode::NoteExport
                | Mode::GroupInput
                | Mode::AttendeeEditor
                | Mode::CheckIn
                | Mode::WellbeingWord
        )
    }

    /// The name of the mode in `keys.toml` (`[session]`, `[notes]`…): its words, kebab-case.
    pub fn name(self) -> String {
        kebab(&format!("{self:?}"))
    }

    /// What the help overlay calls this mode.
    pub fn title(self) -> &'static str {
        tables::title(self)
    }
}

/// A key as written in a binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
}

impl Key {
    fn matches(self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        match self {
            // Shift is part of the character itself ('?', 'A').
            Key::Char(c) => !ctrl && !alt && ev.code == KeyCode::Char(c),
            Key::Ctrl(c) => ctrl && !alt && ev.code == KeyCode::Char(c),
            Key::Code(code) => !ctrl && !alt && ev.code == code,
        }
    }

    /// How the key is shown on screen and written in `keys.toml`.
    pub fn display(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl+{}", c.to_ascii_uppercase()),
            Key::Code(code) => match code {
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::BackTab => "Shift+Tab".into(),
                KeyCode::F(n) => format!("F{n}"),
                other => format!("{other}"),
            },
        }
    }
}

/// How much a binding matters in the bottom bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Prio {
    /// Finishes the task at hand (save, end session, back, quit): never hidden.
    Finish,
    /// Shown in the bar when it fits, in table order.
    Bar,
    /// Listed in help only.
    More,
}

/// One command as declared in a table.
#[derive(Debug)]
pub struct Bind {
    pub keys: &'static [Key],
    pub hint: &'static str,
    pub label: &'static str,
    pub action: Action,
    pub prio: Prio,
}

/// A group of bindings shared by several modes.
pub type Group = &'static [Bind];

/// A binding that finishes the task: always in the bar.
pub const fn fin(keys: &'static [Key], hint: &'static str, label: &'static str, a: Action) -> Bind {
    Bind {
        keys,
        hint,
        label,
        action: a,
        prio: Prio::Finish,
    }
}

/// A binding shown in the bar when there is room.
pub const fn bar(keys: &'static [Key], hint: &'static str, label: &'static str, a: Action) -> Bind {
    Bind {
        keys,
        hint,
        label,
        action: a,
        prio: Prio::Bar,
    }
}

/// A binding listed in help only, to keep the bar short.
pub const fn more(
    keys: &'static [Key],
    hint: &'static str,
    label: &'static str,
    a: Action,
) -> Bind {
    Bind {
        keys,
        hint,
        label,
        action: a,
        prio: Prio::More,
    }
}

/// One command as it is live: the table's binding with any remapping from `keys.toml`.
#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub hint: Cow<'static, str>,
    pub label: &'static str,
    pub action: Action,
    pub prio: Prio,
}

impl Binding {
    fn from_table(b: &Bind) -> Binding {
        Binding {
            keys: b.keys.to_vec(),
            hint: Cow::Borrowed(b.hint),
            label: b.label,
            action: b.action.clone(),
            prio: b.prio,
        }
    }

    /// The name of the command in `keys.toml`: its action in kebab-case (`end-session`,
    /// `go-to-stage-exploring`, `set-importance-3`).
    pub fn command(&self) -> String {
        command_name(&self.action)
    }
}

/// The `keys.toml` name of a bound action.
pub fn command_name(action: &Action) -> String {
    kebab(&format!("{action:?}"))
}

/// `GoToStage(Exploring)` → `go-to-stage-exploring`.
fn kebab(debug: &str) -> String {
    let mut out = String::new();
    for c in debug.chars() {
        if c.is_ascii_uppercase() {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Every command of a mode as the tables declare it, in the order the bar and help show them.
pub fn default_bindings(mode: Mode) -> Vec<Binding> {
    tables::groups(mode)
        .iter()
        .chain(tables::tail(mode))
        .flat_map(|g| g.iter())
        .map(Binding::from_table)
        .collect()
}

/// How many bindings at the end of a mode's list are the keys that work anywhere.
pub fn tail_len(mode: Mode) -> usize {
    tables::tail(mode).iter().map(|g| g.len()).sum()
}

/// The live commands of a mode (defaults, or as remapped by the user).
pub fn bindings(app: &App, mode: Mode) -> &[Binding] {
    app.keys.bindings(mode)
}

pub fn mode(app: &App) -> Mode {
    // Privacy overlays cover everything, help included.
    if app.privacy.crisis.is_some() {
        return Mode::Crisis;
    }
    if app.privacy.blank {
        return Mode::Blank;
    }
    if app.privacy.lock.is_some() {
        return Mode::Unlock;
    }
    if app.help_open {
        return super::help::mode(app);
    }
    mode_under_help(app)
}

/// The mode the help overlay is about: what the keys do once help is closed.
pub fn mode_under_help(app: &App) -> Mode {
    if app.confirm.is_some() {
        return Mode::Confirm;
    }
    // The reference is an overlay above every screen, tools included.
    if let Some(view) = app.reference.as_deref().filter(|r| r.visible) {
        return match view.reading {
            Some(_) if app.reference_can_insert() => Mode::RefReadNotes,
            Some(_) => Mode::RefRead,
            None => Mode::RefSearch,
        };
    }
    if let Some(mode) = super::tools::mode(app) {
        return mode;
    }
    if let Some(mode) = office::mode(app)
        .or_else(|| wellbeing::mode(app))
        .or_else(|| group::mode(app))
        .or_else(|| journey::screen_mode(app))
        .or_else(|| journey::review_mode(app))
    {
        return mode;
    }
    match app.screen {
        Screen::Home => Mode::Home,
        Screen::DraftOffer => Mode::DraftOffer,
        Screen::Peers if app.peer_form.is_some() => Mode::PeerForm,
        Screen::Peers => Mode::Peers,
        Screen::NewSession if app.peer_form.is_some() => Mode::PeerForm,
        Screen::NewSession if app.new_session.peer.is_some() => Mode::PickKind,
        Screen::NewSession => Mode::PickPeer,
        Screen::Session => match app.live.as_ref().map(|l| l.focus) {
            Some(SessionFocus::Notes) => Mode::Notes,
            _ => Mode::SessionCommands,
        },
        Screen::Summary => {
            let form = app.live.as_ref().and_then(|l| l.summary.as_ref());
            match form {
                Some(f) if f.goal_editor.is_some() => Mode::GoalEditor,
                Some(f) => match f.field() {
                    SummaryField::Goals => Mode::SummaryGoals,
                    SummaryField::Activities => Mode::SummaryActivities,
                    _ => Mode::SummaryText,
                },
                None => Mode::SummaryText,
            }
        }
        Screen::History if app.history_view.filtering => Mode::HistoryFilter,
        Screen::History => Mode::History,
        Screen::Note if app.note.as_ref().is_some_and(|n| n.amend.is_some()) => Mode::Amend,
        Screen::Note => Mode::Note,
        Screen::Tools => Mode::ToolsHome,
        Screen::Practice => trainee::practice_mode(app),
        Screen::Competencies => trainee::competencies_mode(app),
        // Always answered by `office::mode` above.
        Screen::Activity => Mode::ActivityLog,
        Screen::Reports => Mode::Reports,
        Screen::PeerPage => Mode::PeerPage,
        // Always answered by `wellbeing::mode` above.
        Screen::Wellbeing => Mode::Wellbeing,
    }
}

pub fn typing(app: &App) -> bool {
    mode(app).is_typing()
}

/// Turns a key press into an action for the current mode. Key releases and repeats of
/// other kinds are ignored so no key counts twice.
pub fn map_key(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let mode = mode(app);
    if let Some(binding) = bindings(app, mode)
        .iter()
        .find(|b| b.keys.iter().any(|k| k.matches(&key)))
    {
        return Some(binding.action.clone());
    }
    if mode == Mode::Blank {
        return Some(Action::Unblank);
    }
    mode.is_typing().then_some(Action::Input(key.into()))
}

/// Turns pasted text into input for the focused field. Outside a text field a paste does
/// nothing: it is never read as keys, so it cannot fire a shortcut.
pub fn map_paste(app: &App, text: &str) -> Option<Action> {
    let mode = mode(app);
    if !mode.is_typing() {
        return None;
    }
    Some(Action::Input(super::field::Typed::Paste(
        super::field::clean_paste(text),
    )))
}

/// The bottom bar of a mode at a width: the bindings shown, in table order, and the hint
/// that opens help when some are hidden (`? more`, or `F1 more` while typing).
pub struct Footer<'a> {
    pub shown: Vec<&'a Binding>,
    pub more: Option<Cow<'static, str>>,
}

/// Width of one `key label` piece in the bar, with its two spaces of gap.
pub fn piece_width(hint: &str, label: &str) -> usize {
    hint.width() + 1 + label.width() + 2
}

/// Chooses the bar: every finishing key first, then the others by table order while they
/// fit, keeping room for `? more` when anything is left out.
pub fn footer(bindings: &[Binding], width: u16) -> Footer<'_> {
    let width = usize::from(width);
    let help = bindings
        .iter()
        .find(|b| matches!(b.action, Action::ToggleHelp))
        .filter(|b| b.prio == Prio::More);
    let more_hint = help.map(|b| b.hint.clone());
    let more_width = more_hint.as_ref().map_or(0, |h| piece_width(h, "more"));
    let mut chosen = vec![false; bindings.len()];
    let mut used = 0;
    for (i, b) in bindings.iter().enumerate() {
        if b.prio == Prio::Finish {
            chosen[i] = true;
            used += piece_width(&b.hint, b.label);
        }
    }
    let candidates: Vec<usize> = (0..bindings.len())
        .filter(|&i| bindings[i].prio == Prio::Bar)
        .collect();
    let hidden_anyway = bindings.iter().any(|b| b.prio == Prio::More);
    for (n, &i) in candidates.iter().enumerate() {
        let piece = piece_width(&bindings[i].hint, bindings[i].label);
        let last = n + 1 == candidates.len();
        // Room for `? more` is kept unless this is the last key and nothing else is hidden.
        let reserve = if last && !hidden_anyway {
            0
        } else {
            more_width
        };
        if used + piece + reserve <= width {
            chosen[i] = true;
            used += piece;
        } else {
            break;
        }
    }
    let shown: Vec<&Binding> = bindings
        .iter()
        .zip(&chosen)
        .filter(|(_, c)| **c)
        .map(|(b, _)| b)
        .collect();
    let all_shown = shown.len() == bindings.len();
    Footer {
        shown,
        more: if all_shown { None } else { more_hint },
    }
}

#[cfg(test)]
mod tests;
