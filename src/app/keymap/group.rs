//! Keys of a group session: the attendee list beside the notes, its one-line box, and the
//! attendees at the end of the session.

use super::groups::*;
use super::tables::{SESSION, SESSION_END, SESSION_QUIT, SUMMARY_FIELDS, SUMMARY_SAVE};
use super::{Group, Mode, bar, fin, more};
use crate::app::live::{SessionFocus, SummaryField};
use crate::app::{Action, App, Screen};

/// The group or check-in mode of the screen, if one has the keyboard.
pub(super) fn mode(app: &App) -> Option<Mode> {
    if app.screen == Screen::Session && app.live.as_ref()?.check_in.is_some() {
        return Some(Mode::CheckIn);
    }
    let live = app.live.as_ref().filter(|l| l.session.is_group())?;
    match app.screen {
        Screen::Session if live.group.input.is_some() => Some(Mode::GroupInput),
        Screen::Session if live.focus == SessionFocus::Commands => Some(Mode::GroupCommands),
        Screen::Summary => {
            let form = live.summary.as_ref()?;
            let review = form.attendees.as_ref()?;
            if form.field() != SummaryField::Review || form.goal_editor.is_some() {
                return None;
            }
            Some(match review.editor {
                Some(_) => Mode::AttendeeEditor,
                None => Mode::SummaryAttendees,
            })
        }
        _ => None,
    }
}

pub(super) fn groups(mode: Mode) -> Option<&'static [Group]> {
    Some(match mode {
        Mode::GroupCommands => &[
            GROUP_SESSION,
            SESSION,
            STAGE_DIGITS,
            SESSION_END,
            HELP,
            SESSION_QUIT,
        ],
        Mode::GroupInput => &[GROUP_INPUT, HELP_TYPING],
        Mode::SummaryAttendees => &[ATTENDEES, SUMMARY_FIELDS, SUMMARY_SAVE, HELP],
        Mode::AttendeeEditor => &[ATTENDEE_EDITOR, HELP_TYPING],
        Mode::CheckIn => &[CHECK_IN, HELP_TYPING],
        _ => return None,
    })
}

pub(super) fn title(mode: Mode) -> Option<&'static str> {
    Some(match mode {
        Mode::GroupCommands => "Group session",
        Mode::GroupInput => "Group session: typing a line",
        Mode::SummaryAttendees => "End of group: each attendee",
        Mode::AttendeeEditor => "End of group: one attendee",
        Mode::CheckIn => "Session: life-area check-in",
        _ => return None,
    })
}

#[rustfmt::skip]
const GROUP_SESSION: Group = &[
    bar(&[ch('a')], "a", "add attendee", Action::AddAttendee),
    bar(&[ch('w')], "w", "line about them", Action::NoteAttendee),
    bar(&[ch('x')], "x", "leaves / back", Action::AttendeeLeaves),
    more(&[ch('n')], "n", "name or topic of the group", Action::NameGroup),
    more(&[ch('.'), DOWN, ch('j')], ".", "next attendee", Action::NextAttendee),
    more(&[ch(','), UP, ch('k')], ",", "previous attendee", Action::PrevAttendee),
];
#[rustfmt::skip]
const GROUP_INPUT: Group = &[
    fin(&[ENTER], "Enter", "done", Action::Submit),
    fin(&[ESC], "Esc", "cancel", Action::Back),
];
#[rustfmt::skip]
const ATTENDEES: Group = &[
    bar(&[ENTER], "Enter", "their words & next step", Action::Submit),
    more(&[UP, ch('k')], "↑", "previous attendee", Action::Up),
    more(&[DOWN, ch('j')], "↓", "next attendee", Action::Down),
];
#[rustfmt::skip]
const ATTENDEE_EDITOR: Group = &[
    bar(&[TAB, ENTER], "Tab", "next", Action::NextField),
    more(&[BACKTAB], "Shift+Tab", "previous", Action::PrevField),
    fin(&[ctrl('s')], "Ctrl+S", "done", Action::Save),
    fin(&[ESC], "Esc", "cancel", Action::Back),
];
/// In a one-on-one session's commands: the check-in.
#[rustfmt::skip]
pub(super) const CHECK_IN_KEY: Group = &[
    bar(&[ch('c')], "c", "check-in", Action::OpenCheckIn),
];
#[rustfmt::skip]
const CHECK_IN: Group = &[
    fin(&[ctrl('s')], "Ctrl+S", "done", Action::Save),
    fin(&[ESC], "Esc", "skip", Action::Back),
    bar(&[TAB, ENTER], "Tab", "next", Action::NextField),
    more(&[BACKTAB], "Shift+Tab", "previous", Action::PrevField),
    more(&[UP], "↑", "area above", Action::Up),
    more(&[DOWN], "↓", "area below", Action::Down),
    bar(&[ctrl('n')], "Ctrl+N", "their own area", Action::AddItem),
];
