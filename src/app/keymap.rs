//! Keys are mapped to actions by mode. While a text field has the keyboard, every key that is
//! not bound in that mode goes to the field, so typing "q" in a note never quits. The hint
//! bar and the help screen are drawn from these same tables.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

pub mod journey;
pub mod trainee;

use super::live::{SessionFocus, SummaryField};
use super::{Action, App, Destination, Screen};
use crate::domain::Stage;

/// Which keys are live right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Help,
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
    /// Home: the Coming up list has the keyboard.
    HomeComingUp,
    /// The screen is blanked (Ctrl+B): any key ends it.
    Blank,
    /// The crisis resources overlay (F9).
    Crisis,
    /// Locked: the passphrase prompt has the keyboard.
    Unlock,
}

impl Mode {
    /// Modes where unbound keys are typed into a field.
    pub fn is_typing(self) -> bool {
        matches!(
            self,
            Mode::PeerForm
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
                | Mode::CompetencyForm
                | Mode::ReviewWords
                | Mode::Unlock
        )
    }
}

/// A key as written in a binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

/// One command: the keys that run it, how the hint shows them, and what it does.
#[derive(Debug, Clone)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub hint: &'static str,
    pub label: &'static str,
    pub action: Action,
    /// Shown in the bottom bar; everything is shown in help.
    pub in_bar: bool,
}

pub(super) fn b(keys: &[Key], hint: &'static str, label: &'static str, action: Action) -> Binding {
    Binding {
        keys: keys.to_vec(),
        hint,
        label,
        action,
        in_bar: true,
    }
}

/// The same, listed in help only, to keep the bar short.
pub(super) fn h(keys: &[Key], hint: &'static str, label: &'static str, action: Action) -> Binding {
    Binding {
        in_bar: false,
        ..b(keys, hint, label, action)
    }
}

use KeyCode::{BackTab, Down, Enter, Esc, Left, PageDown, PageUp, Right, Tab, Up};
const UP: Key = Key::Code(Up);
const DOWN: Key = Key::Code(Down);
const K_UP: Key = Key::Char('k');
const K_DOWN: Key = Key::Char('j');

fn list_moves() -> Vec<Binding> {
    vec![
        h(&[UP, K_UP], "↑/k", "move up", Action::Up),
        h(&[DOWN, K_DOWN], "↓/j", "move down", Action::Down),
        h(&[Key::Code(PageUp)], "PgUp", "page up", Action::PageUp),
        h(
            &[Key::Code(PageDown)],
            "PgDn",
            "page down",
            Action::PageDown,
        ),
    ]
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
        return Mode::Help;
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
    if let Some(mode) = journey::screen_mode(app) {
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
                Some(_) if journey::review_mode(app).is_some() => {
                    journey::review_mode(app).unwrap_or(Mode::SummaryText)
                }
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
        Screen::PeerPage => Mode::PeerPage,
    }
}

pub fn typing(app: &App) -> bool {
    mode(app).is_typing()
}

/// Every command of a mode, in the order the bar and help show them.
pub fn bindings(mode: Mode) -> Vec<Binding> {
    let help = || {
        h(
            &[Key::Char('?'), Key::Code(KeyCode::F(1))],
            "?",
            "help",
            Action::ToggleHelp,
        )
    };
    let help_typing = || {
        h(
            &[Key::Code(KeyCode::F(1))],
            "F1",
            "help",
            Action::ToggleHelp,
        )
    };
    let mut v = match mode {
        Mode::Help => vec![b(
            &[
                Key::Code(Esc),
                Key::Char('?'),
                Key::Char('q'),
                Key::Code(Enter),
                Key::Code(KeyCode::F(1)),
            ],
            "Esc",
            "close help",
            Action::ToggleHelp,
        )],
        Mode::Confirm => vec![
            b(
                &[Key::Char('y'), Key::Char('Y')],
                "y",
                "yes",
                Action::Confirm(true),
            ),
            b(
                &[Key::Char('n'), Key::Char('N'), Key::Code(Esc)],
                "n/Esc",
                "no",
                Action::Confirm(false),
            ),
        ],
        Mode::Home => {
            let mut v = vec![
                b(
                    &[Key::Char('n')],
                    "n",
                    "new session",
                    Action::Open(Destination::NewSession),
                ),
                b(
                    &[Key::Char('p')],
                    "p",
                    "peers",
                    Action::Open(Destination::Peers),
                ),
                b(
                    &[Key::Char('h')],
                    "h",
                    "history",
                    Action::Open(Destination::History),
                ),
                b(
                    &[Key::Char('t')],
                    "t",
                    "tools",
                    Action::Open(Destination::Tools),
                ),
                b(
                    &[Key::Char('g')],
                    "g",
                    "reference",
                    Action::Open(Destination::Reference),
                ),
                b(
                    &[Key::Char('r')],
                    "r",
                    "resume unfinished",
                    Action::ResumeDraft,
                ),
                h(
                    &[Key::Char('d')],
                    "d",
                    "practice drills",
                    Action::Open(Destination::Practice),
                ),
                h(
                    &[Key::Char('c')],
                    "c",
                    "competency record",
                    Action::Open(Destination::Competencies),
                ),
                h(&[Key::Code(Enter)], "Enter", "open", Action::Submit),
                b(&[Key::Code(Tab)], "Tab", "coming up", Action::NextField),
            ];
            v.extend(list_moves());
            v.push(help());
            v.push(b(
                &[Key::Char('q'), Key::Code(Esc)],
                "q",
                "quit",
                Action::Quit,
            ));
            v
        }
        Mode::DraftOffer => {
            let mut v = vec![
                b(
                    &[Key::Char('r'), Key::Code(Enter)],
                    "Enter",
                    "resume",
                    Action::ResumeDraft,
                ),
                b(&[Key::Char('d')], "d", "discard", Action::DiscardDraft),
                b(
                    &[Key::Code(Esc), Key::Char('l')],
                    "Esc",
                    "later",
                    Action::Back,
                ),
            ];
            v.extend(list_moves());
            v.push(help());
            v
        }
        Mode::Peers => {
            let mut v = vec![
                b(&[Key::Char('a')], "a", "add", Action::AddPeer),
                b(&[Key::Char('e')], "e", "edit", Action::EditPeer),
                b(
                    &[Key::Char('s')],
                    "s",
                    "start session",
                    Action::StartWithSelectedPeer,
                ),
                b(
                    &[Key::Code(Enter)],
                    "Enter",
                    "peer page",
                    Action::OpenPeerPage,
                ),
                b(&[Key::Char('h')], "h", "history", Action::ShowPeerHistory),
                b(
                    &[Key::Char('x')],
                    "x",
                    "archive/restore",
                    Action::ToggleArchive,
                ),
                b(
                    &[Key::Char('A')],
                    "A",
                    "show archived",
                    Action::ToggleShowArchived,
                ),
            ];
            v.extend(list_moves());
            v.push(help());
            v.push(b(
                &[Key::Code(Esc), Key::Char('q')],
                "Esc",
                "back",
                Action::Back,
            ));
            v
        }
        Mode::PeerForm => vec![
            b(&[Key::Code(Tab)], "Tab", "next field", Action::NextField),
            h(
                &[Key::Code(BackTab)],
                "Shift+Tab",
                "previous field",
                Action::PrevField,
            ),
            b(&[Key::Code(Enter)], "Enter", "next / save", Action::Submit),
            b(&[Key::Ctrl('s')], "Ctrl+S", "save", Action::Save),
            b(&[Key::Code(Esc)], "Esc", "cancel", Action::Back),
            help_typing(),
        ],
        Mode::PickPeer => vec![
            h(&[UP], "↑", "move up", Action::Up),
            h(&[DOWN], "↓", "move down", Action::Down),
            b(&[Key::Code(Enter)], "Enter", "choose", Action::Submit),
            b(&[Key::Ctrl('n')], "Ctrl+N", "new peer", Action::AddPeer),
            b(&[Key::Code(Esc)], "Esc", "back", Action::Back),
            help_typing(),
        ],
        Mode::PickKind => vec![
            b(&[UP, Key::Code(Left), K_UP], "↑↓", "kind", Action::PrevKind),
            h(
                &[DOWN, Key::Code(Right), K_DOWN],
                "↓",
                "next kind",
                Action::NextKind,
            ),
            b(&[Key::Code(Enter)], "Enter", "start", Action::Submit),
            b(&[Key::Code(Esc)], "Esc", "back", Action::Back),
            help(),
        ],
        Mode::Notes => vec![
            b(
                &[Key::Code(Esc)],
                "Esc",
                "session commands",
                Action::LeaveNotes,
            ),
            b(&[Key::Ctrl('t')], "Ctrl+T", "tools", Action::OpenPalette),
            h(
                &[Key::Code(KeyCode::F(2))],
                "F2",
                "previous stage",
                Action::PrevStage,
            ),
            h(
                &[Key::Code(KeyCode::F(3))],
                "F3",
                "next stage",
                Action::NextStage,
            ),
            help_typing(),
        ],
        Mode::SessionCommands => {
            let mut v = vec![
                b(
                    &[Key::Char('i'), Key::Code(Enter), Key::Code(Tab)],
                    "i",
                    "write notes",
                    Action::FocusNotes,
                ),
                b(
                    &[Key::Char('t'), Key::Ctrl('t')],
                    "t",
                    "tools",
                    Action::OpenPalette,
                ),
                b(
                    &[Key::Code(Right), Key::Char(']'), Key::Code(KeyCode::F(3))],
                    "→",
                    "next stage",
                    Action::NextStage,
                ),
                b(
                    &[Key::Code(Left), Key::Char('['), Key::Code(KeyCode::F(2))],
                    "←",
                    "previous stage",
                    Action::PrevStage,
                ),
            ];
            for (i, stage) in Stage::ALL.into_iter().enumerate() {
                let c = char::from(b'1' + i as u8);
                v.push(h(
                    &[Key::Char(c)],
                    DIGITS[i],
                    stage_label(stage),
                    Action::GoToStage(stage),
                ));
            }
            v.extend([
                b(
                    &[Key::Char('!')],
                    "!",
                    "safety concern",
                    Action::ToggleSafetyConcern,
                ),
                b(&[Key::Char('f')], "f", "follow-up", Action::ToggleFollowUp),
                h(
                    &[Key::Char('s')],
                    "s",
                    "safety plan",
                    Action::OpenSafetyPlan,
                ),
                b(&[Key::Char('l')], "l", "last time", Action::ToggleLastTime),
                h(
                    &[Key::Char('L')],
                    "L",
                    "put last time into the notes",
                    Action::InsertLastTime,
                ),
                h(&[Key::Char('P')], "P", "peer page", Action::OpenPeerPage),
                b(&[Key::Char('e')], "e", "end session", Action::EndSession),
                help(),
                b(&[Key::Char('q')], "q", "quit", Action::Quit),
            ]);
            v
        }
        Mode::SummaryText => vec![
            b(&[Key::Code(Tab)], "Tab", "next", Action::NextField),
            h(
                &[Key::Code(BackTab)],
                "Shift+Tab",
                "previous",
                Action::PrevField,
            ),
            b(&[Key::Ctrl('s')], "Ctrl+S", "save note", Action::Save),
            b(&[Key::Code(Esc)], "Esc", "back to session", Action::Back),
            help_typing(),
        ],
        Mode::SummaryGoals => vec![
            b(&[Key::Char('a')], "a", "add goal", Action::AddItem),
            b(&[Key::Code(Enter)], "Enter", "edit", Action::Submit),
            b(&[Key::Char('d')], "d", "remove", Action::RemoveItem),
            h(&[UP, K_UP], "↑", "move up", Action::Up),
            h(&[DOWN, K_DOWN], "↓", "move down", Action::Down),
            b(&[Key::Code(Tab)], "Tab", "next", Action::NextField),
            h(
                &[Key::Code(BackTab)],
                "Shift+Tab",
                "previous",
                Action::PrevField,
            ),
            b(&[Key::Ctrl('s')], "Ctrl+S", "save note", Action::Save),
            b(&[Key::Code(Esc)], "Esc", "back", Action::Back),
            help(),
        ],
        Mode::SummaryActivities => vec![
            b(
                &[Key::Char(' '), Key::Char('x')],
                "Space",
                "tick",
                Action::ToggleItem,
            ),
            h(&[UP, K_UP], "↑", "move up", Action::Up),
            h(&[DOWN, K_DOWN], "↓", "move down", Action::Down),
            b(&[Key::Code(Tab)], "Tab", "next", Action::NextField),
            h(
                &[Key::Code(BackTab)],
                "Shift+Tab",
                "previous",
                Action::PrevField,
            ),
            h(&[Key::Code(Enter)], "Enter", "next", Action::NextField),
            b(&[Key::Ctrl('s')], "Ctrl+S", "save note", Action::Save),
            b(&[Key::Code(Esc)], "Esc", "back", Action::Back),
            help(),
        ],
        Mode::GoalEditor => vec![
            b(
                &[Key::Code(Tab), Key::Code(Enter)],
                "Tab",
                "next",
                Action::NextField,
            ),
            h(
                &[Key::Code(BackTab)],
                "Shift+Tab",
                "previous",
                Action::PrevField,
            ),
            b(&[Key::Ctrl('n')], "Ctrl+N", "add step", Action::AddStep),
            b(&[Key::Ctrl('s')], "Ctrl+S", "done", Action::Save),
            b(&[Key::Code(Esc)], "Esc", "cancel", Action::Back),
            help_typing(),
        ],
        Mode::History => {
            let mut v = vec![
                b(&[Key::Code(Enter)], "Enter", "open", Action::Submit),
                b(&[Key::Char('/')], "/", "find", Action::StartFilter),
                b(&[Key::Char('p')], "p", "peer", Action::CyclePeerFilter),
                b(&[Key::Char('c')], "c", "clear", Action::ClearFilters),
                h(&[Key::Char('P')], "P", "peer page", Action::OpenPeerPage),
            ];
            v.extend(list_moves());
            v.push(help());
            v.push(b(
                &[Key::Code(Esc), Key::Char('q')],
                "Esc",
                "back",
                Action::Back,
            ));
            v
        }
        Mode::HistoryFilter => vec![
            b(
                &[Key::Code(Enter), Key::Code(Esc), DOWN],
                "Enter",
                "done",
                Action::Submit,
            ),
            help_typing(),
        ],
        Mode::Note => vec![
            b(&[UP, K_UP], "↑↓", "scroll", Action::Up),
            h(&[DOWN, K_DOWN], "↓", "scroll down", Action::Down),
            h(&[Key::Code(PageUp)], "PgUp", "page up", Action::PageUp),
            h(
                &[Key::Code(PageDown), Key::Char(' ')],
                "PgDn",
                "page down",
                Action::PageDown,
            ),
            b(&[Key::Char('a')], "a", "amend", Action::Amend),
            help(),
            b(
                &[Key::Code(Esc), Key::Char('q')],
                "Esc",
                "back",
                Action::Back,
            ),
        ],
        Mode::Amend => vec![
            b(&[Key::Ctrl('s')], "Ctrl+S", "save amendment", Action::Save),
            b(&[Key::Code(Esc)], "Esc", "cancel", Action::Back),
            help_typing(),
        ],
        Mode::Palette
        | Mode::ToolText
        | Mode::ToolInput
        | Mode::ToolList
        | Mode::ToolRated
        | Mode::ToolChecks
        | Mode::ToolPick
        | Mode::ToolChoice
        | Mode::ToolLines
        | Mode::ToolRead
        | Mode::ToolVersions
        | Mode::ToolsHome
        | Mode::ToolsSaved
        | Mode::ToolsPickPeer => super::tools::keys::bindings(mode),
        Mode::RefSearch => vec![
            b(&[Key::Code(Enter)], "Enter", "open", Action::Submit),
            b(&[UP], "↑↓", "choose", Action::Up),
            h(&[DOWN], "↓", "move down", Action::Down),
            h(&[Key::Code(PageUp)], "PgUp", "page up", Action::PageUp),
            h(
                &[Key::Code(PageDown)],
                "PgDn",
                "page down",
                Action::PageDown,
            ),
            b(&[Key::Code(Tab)], "Tab", "browse by", Action::NextField),
            h(
                &[Key::Code(BackTab)],
                "Shift+Tab",
                "browse by (back)",
                Action::PrevField,
            ),
            b(&[Key::Code(Esc)], "Esc", "close", Action::Back),
            help_typing(),
        ],
        Mode::RefRead | Mode::RefReadNotes => {
            let mut v = Vec::new();
            if mode == Mode::RefReadNotes {
                v.push(b(
                    &[Key::Code(Enter)],
                    "Enter",
                    "add line to notes",
                    Action::Submit,
                ));
                v.push(b(&[Key::Char('a')], "a", "add all", Action::AddItem));
            }
            v.extend([
                b(&[UP, K_UP], "↑↓", "line", Action::Up),
                h(&[DOWN, K_DOWN], "↓", "next line", Action::Down),
                h(&[Key::Code(PageUp)], "PgUp", "page up", Action::PageUp),
                h(
                    &[Key::Code(PageDown), Key::Char(' ')],
                    "PgDn",
                    "page down",
                    Action::PageDown,
                ),
                b(
                    &[
                        Key::Code(Esc),
                        Key::Code(KeyCode::Backspace),
                        Key::Char('q'),
                    ],
                    "Esc",
                    "back",
                    Action::Back,
                ),
                b(&[Key::Char('/')], "/", "search", Action::StartFilter),
                help(),
            ]);
            v
        }
        Mode::PracticeSetup
        | Mode::PracticeAnswer
        | Mode::PracticeSteps
        | Mode::PracticeChoose
        | Mode::PracticeFeedback
        | Mode::PracticeSummary
        | Mode::PracticeProgress
        | Mode::PracticeReview
        | Mode::Competencies
        | Mode::CompetencyArea
        | Mode::CompetencyHours
        | Mode::CompetencyForm => trainee::bindings(mode).unwrap_or_default(),
        Mode::SummaryReview | Mode::ReviewWords | Mode::PeerPage | Mode::HomeComingUp => {
            journey::bindings(mode)
        }
        // Every other key ends the blank screen (see `map_key`).
        Mode::Blank => vec![b(&[], "any key", "show the app", Action::Unblank)],
        Mode::Crisis => {
            let mut v = vec![b(
                &[Key::Code(Esc), Key::Char('q'), Key::Code(Enter)],
                "Esc",
                "close",
                Action::ToggleCrisis,
            )];
            let mut moves = list_moves();
            if let Some(up) = moves.first_mut() {
                up.in_bar = true;
                up.hint = "↑↓";
                up.label = "scroll";
            }
            v.extend(moves);
            v
        }
        Mode::Unlock => vec![
            b(&[Key::Code(Enter)], "Enter", "unlock", Action::Submit),
            b(&[Key::Code(Esc)], "Esc", "clear", Action::Back),
        ],
    };
    // The reference opens from anywhere, typing or not, except over a question.
    match mode {
        Mode::Confirm => {}
        Mode::RefSearch | Mode::RefRead | Mode::RefReadNotes => v.push(b(
            &[Key::Ctrl('g')],
            "Ctrl+G",
            "close",
            Action::ToggleReference,
        )),
        Mode::Notes => v.push(b(
            &[Key::Ctrl('g')],
            "Ctrl+G",
            "reference",
            Action::ToggleReference,
        )),
        _ => v.push(h(
            &[Key::Ctrl('g')],
            "Ctrl+G",
            "reference",
            Action::ToggleReference,
        )),
    }
    v.push(h(
        &[Key::Ctrl('c')],
        "Ctrl+C",
        "quit now (a running session is kept)",
        Action::Interrupt,
    ));
    // Privacy keys work in every mode, typing ones included: they use Ctrl or an F-key.
    v.push(Binding {
        in_bar: matches!(mode, Mode::Home | Mode::Unlock),
        ..h(
            &[Key::Code(KeyCode::F(9))],
            "F9",
            "crisis lines",
            Action::ToggleCrisis,
        )
    });
    v.push(h(
        &[Key::Ctrl('b')],
        "Ctrl+B",
        "blank the screen (someone walked in)",
        Action::BlankScreen,
    ));
    v
}

const DIGITS: [&str; 5] = ["1", "2", "3", "4", "5"];

fn stage_label(stage: Stage) -> &'static str {
    match stage {
        Stage::Connecting => "go to Connecting",
        Stage::Exploring => "go to Exploring",
        Stage::Supporting => "go to Supporting",
        Stage::Planning => "go to Planning",
        Stage::Advocating => "go to Advocating",
    }
}

/// Turns a key press into an action for the current mode. Key releases and repeats of
/// other kinds are ignored so no key counts twice.
pub fn map_key(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let mode = mode(app);
    if let Some(binding) = bindings(mode)
        .into_iter()
        .find(|b| b.keys.iter().any(|k| k.matches(&key)))
    {
        return Some(binding.action);
    }
    if mode == Mode::Blank {
        return Some(Action::Unblank);
    }
    mode.is_typing().then_some(Action::Input(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mode_has_ctrl_c_and_no_key_bound_twice() {
        let modes = [
            Mode::Help,
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
            Mode::Blank,
            Mode::Crisis,
            Mode::Unlock,
            Mode::RefSearch,
            Mode::RefRead,
            Mode::RefReadNotes,
        ];
        let modes = modes
            .into_iter()
            .chain(super::super::tools::keys::MODES)
            .chain(journey::MODES);
        for mode in modes {
            let all = bindings(mode);
            let keys: Vec<Key> = all.iter().flat_map(|b| b.keys.clone()).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{mode:?}: {k:?} bound twice");
            }
            assert!(keys.contains(&Key::Ctrl('c')), "{mode:?} lacks Ctrl+C");
        }
    }

    #[test]
    fn ctrl_g_opens_the_reference_everywhere_but_a_question() {
        for mode in [
            Mode::Help,
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
            Mode::RefSearch,
            Mode::RefRead,
            Mode::RefReadNotes,
        ]
        .into_iter()
        .chain(trainee::MODES)
        {
            let toggles = bindings(mode).iter().any(|b| {
                b.keys.contains(&Key::Ctrl('g')) && matches!(b.action, Action::ToggleReference)
            });
            assert!(toggles, "{mode:?} lacks Ctrl+G");
        }
        assert!(
            !bindings(Mode::Confirm)
                .iter()
                .any(|b| b.keys.contains(&Key::Ctrl('g')))
        );
    }

    #[test]
    fn typing_modes_bind_no_plain_printable_keys() {
        for mode in [
            Mode::PeerForm,
            Mode::PickPeer,
            Mode::Notes,
            Mode::SummaryText,
            Mode::GoalEditor,
            Mode::HistoryFilter,
            Mode::Amend,
            Mode::Palette,
            Mode::ToolText,
            Mode::ToolInput,
            Mode::ToolsHome,
            Mode::ToolsPickPeer,
            Mode::Unlock,
            Mode::RefSearch,
            Mode::ReviewWords,
        ] {
            for binding in bindings(mode) {
                for k in binding.keys {
                    assert!(
                        !matches!(k, Key::Char(_)),
                        "{mode:?} steals {k:?} from typing"
                    );
                }
            }
        }
    }
}
