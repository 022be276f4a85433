//! Keys of the documentation and office screens: settings, the activity log, reports,
//! writing a progress note and reading the note back with the peer. Typing modes bind only
//! Ctrl, Esc, Tab, Enter, arrows and F-keys, so every letter is typed.

use super::groups::*;
use super::{Group, Mode, bar, fin, more};
use crate::app::office::ActivityField;
use crate::app::{Action, App, Screen};

/// Every mode of these screens, for tests over all modes.
pub const MODES: [Mode; 8] = [
    Mode::SettingsForm,
    Mode::ActivityLog,
    Mode::ActivityForm,
    Mode::ActivityChoice,
    Mode::Reports,
    Mode::ReportRange,
    Mode::ReadBack,
    Mode::NoteExport,
];

/// The mode of a screen or form of this module, if one is showing.
pub(super) fn mode(app: &App) -> Option<Mode> {
    if app.settings_form.is_some() {
        return Some(Mode::SettingsForm);
    }
    match app.screen {
        Screen::Activity => Some(match app.activity.form.as_ref().map(|f| f.field()) {
            None => Mode::ActivityLog,
            Some(ActivityField::Activity) => Mode::ActivityChoice,
            Some(_) => Mode::ActivityForm,
        }),
        Screen::Reports if app.reports.as_ref().is_some_and(|r| r.custom.is_some()) => {
            Some(Mode::ReportRange)
        }
        Screen::Reports => Some(Mode::Reports),
        Screen::Summary if app.live.as_ref().is_some_and(|l| l.read_back.is_some()) => {
            Some(Mode::ReadBack)
        }
        Screen::Note if app.note.as_ref().is_some_and(|n| n.export.is_some()) => {
            Some(Mode::NoteExport)
        }
        _ => None,
    }
}

/// The groups of a mode of this module, or `None` for other modes.
pub(super) fn groups(mode: Mode) -> Option<&'static [Group]> {
    Some(match mode {
        Mode::SettingsForm => &[SETTINGS, HELP_TYPING],
        Mode::ActivityLog => &[ACTIVITY_LOG, LIST_MOVES, HELP, BACK],
        Mode::ActivityForm => &[ACTIVITY_FORM, CANCEL, HELP_TYPING],
        Mode::ActivityChoice => &[ACTIVITY_CHOICE, ACTIVITY_FORM, CANCEL, HELP_TYPING],
        Mode::Reports => &[REPORTS, HELP, BACK],
        Mode::ReportRange => &[REPORT_RANGE, CANCEL, HELP_TYPING],
        Mode::ReadBack => &[READ_BACK, HELP_TYPING],
        Mode::NoteExport => &[NOTE_EXPORT, CANCEL, HELP_TYPING],
        _ => return None,
    })
}

/// What help calls each mode of this module.
pub(super) fn title(mode: Mode) -> Option<&'static str> {
    Some(match mode {
        Mode::SettingsForm => "Settings",
        Mode::ActivityLog | Mode::ActivityForm | Mode::ActivityChoice => "Activity log",
        Mode::Reports | Mode::ReportRange => "Reports",
        Mode::ReadBack => "Reading the note back with the peer",
        Mode::NoteExport => "Writing a progress note",
        _ => return None,
    })
}

/// In the end-of-session form: read the note back with the peer.
pub const READ_BACK_KEY: Group = &[bar(&[ctrl('r')], "Ctrl+R", "read back", Action::ReadBack)];
/// In the activities of the end-of-session form: move minutes between activities.
pub const MINUTES: Group = &[
    more(
        &[ch('+'), ch('='), RIGHT],
        "+",
        "5 more minutes",
        Action::NextValue,
    ),
    more(&[ch('-'), LEFT], "-", "5 fewer minutes", Action::PrevValue),
];
/// In the note view: write it as a progress note.
pub const WRITE_PROGRESS: Group = &[bar(
    &[ch('w')],
    "w",
    "write progress note",
    Action::WriteProgress,
)];

const SETTINGS: Group = &[
    bar(&[TAB], "Tab", "next", Action::NextField),
    more(&[BACKTAB], "Shift+Tab", "previous", Action::PrevField),
    more(&[ENTER], "Enter", "next field", Action::Submit),
    fin(&[ctrl('s')], "Ctrl+S", "save", Action::Save),
    fin(&[ESC], "Esc", "close / skip", Action::Back),
];

const ACTIVITY_LOG: Group = &[
    bar(&[ch('a')], "a", "log activity", Action::AddItem),
    bar(&[ch('d')], "d", "remove", Action::RemoveItem),
];

const ACTIVITY_FORM: Group = &[
    bar(&[TAB], "Tab", "next", Action::NextField),
    more(&[BACKTAB], "Shift+Tab", "previous", Action::PrevField),
    more(&[ENTER], "Enter", "next field", Action::Submit),
    fin(&[ctrl('s')], "Ctrl+S", "save", Action::Save),
];

const ACTIVITY_CHOICE: Group = &[
    bar(&[UP, LEFT], "↑↓", "activity", Action::PrevValue),
    more(&[DOWN, RIGHT], "↓", "next activity", Action::NextValue),
];

const REPORTS: Group = &[
    bar(&[ch('w')], "w", "this week", Action::ShowWeek),
    bar(&[ch('m')], "m", "this month", Action::ShowMonth),
    bar(&[ch('r')], "r", "range", Action::EditItem),
    bar(&[LEFT, ch('[')], "←→", "earlier/later", Action::PrevValue),
    more(&[RIGHT, ch(']')], "→", "later", Action::NextValue),
    more(&[UP, ch('k')], "↑", "scroll up", Action::Up),
    more(&[DOWN, ch('j')], "↓", "scroll down", Action::Down),
];

const REPORT_RANGE: Group = &[
    bar(&[TAB], "Tab", "from/to", Action::NextField),
    more(&[BACKTAB], "Shift+Tab", "from/to", Action::PrevField),
    fin(&[ENTER], "Enter", "show", Action::Submit),
];

const READ_BACK: Group = &[
    fin(&[ctrl('s')], "Ctrl+S", "reviewed, save", Action::Save),
    bar(&[PGDN], "PgUp/PgDn", "scroll", Action::PageDown),
    more(&[PGUP], "PgUp", "scroll up", Action::PageUp),
    fin(&[ESC], "Esc", "to the form", Action::Back),
];

const NOTE_EXPORT: Group = &[fin(&[ENTER, ctrl('s')], "Enter", "write", Action::Submit)];
