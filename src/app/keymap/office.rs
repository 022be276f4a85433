//! Keys of the documentation and office screens: settings, the activity log, reports,
//! writing a progress note and reading the note back with the peer.

use ratatui::crossterm::event::KeyCode::{
    BackTab, Down, Enter, Esc, F, Left, PageDown, PageUp, Right, Tab, Up,
};

use super::{Binding, Key, Mode, b, h};
use crate::app::office::ActivityField;
use crate::app::{Action, App, Screen};

const UP: Key = Key::Code(Up);
const DOWN: Key = Key::Code(Down);

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
pub fn mode(app: &App) -> Option<Mode> {
    if app.settings_form.is_some() {
        return Some(Mode::SettingsForm);
    }
    match app.screen {
        Screen::Activity => Some(match app.activity.form.as_ref().map(|f| f.field()) {
            None => Mode::ActivityLog,
            Some(ActivityField::Activity) => Mode::ActivityChoice,
            Some(_) => Mode::ActivityForm,
        }),
        Screen::Reports => Some(
            match app.reports.as_ref().is_some_and(|r| r.custom.is_some()) {
                true => Mode::ReportRange,
                false => Mode::Reports,
            },
        ),
        Screen::Summary if app.live.as_ref().is_some_and(|l| l.read_back.is_some()) => {
            Some(Mode::ReadBack)
        }
        Screen::Note if app.note.as_ref().is_some_and(|n| n.export.is_some()) => {
            Some(Mode::NoteExport)
        }
        _ => None,
    }
}

fn help() -> Binding {
    h(
        &[Key::Char('?'), Key::Code(F(1))],
        "?",
        "help",
        Action::ToggleHelp,
    )
}

fn help_typing() -> Binding {
    h(&[Key::Code(F(1))], "F1", "help", Action::ToggleHelp)
}

fn form_moves() -> Vec<Binding> {
    vec![
        b(&[Key::Code(Tab)], "Tab", "next", Action::NextField),
        h(
            &[Key::Code(BackTab)],
            "Shift+Tab",
            "previous",
            Action::PrevField,
        ),
    ]
}

pub fn bindings(mode: Mode) -> Option<Vec<Binding>> {
    let v = match mode {
        Mode::SettingsForm => {
            let mut v = form_moves();
            v.extend([
                h(&[Key::Code(Enter)], "Enter", "next field", Action::Submit),
                b(&[Key::Ctrl('s')], "Ctrl+S", "save", Action::Save),
                b(&[Key::Code(Esc)], "Esc", "close / skip", Action::Back),
                help_typing(),
            ]);
            v
        }
        Mode::ActivityLog => vec![
            b(&[Key::Char('a')], "a", "log activity", Action::AddItem),
            b(&[Key::Char('d')], "d", "remove", Action::RemoveItem),
            b(&[UP, Key::Char('k')], "↑↓", "move", Action::Up),
            h(&[DOWN, Key::Char('j')], "↓", "move down", Action::Down),
            help(),
            b(
                &[Key::Code(Esc), Key::Char('q')],
                "Esc",
                "back",
                Action::Back,
            ),
        ],
        Mode::ActivityForm | Mode::ActivityChoice => {
            let mut v = form_moves();
            v.push(h(
                &[Key::Code(Enter)],
                "Enter",
                "next field",
                Action::Submit,
            ));
            if mode == Mode::ActivityChoice {
                v.push(b(
                    &[UP, Key::Code(Left)],
                    "↑↓",
                    "activity",
                    Action::PrevValue,
                ));
                v.push(h(
                    &[DOWN, Key::Code(Right)],
                    "↓",
                    "next activity",
                    Action::NextValue,
                ));
            }
            v.extend([
                b(&[Key::Ctrl('s')], "Ctrl+S", "save", Action::Save),
                b(&[Key::Code(Esc)], "Esc", "cancel", Action::Back),
                help_typing(),
            ]);
            v
        }
        Mode::Reports => vec![
            b(&[Key::Char('w')], "w", "this week", Action::ShowWeek),
            b(&[Key::Char('m')], "m", "this month", Action::ShowMonth),
            b(&[Key::Char('r')], "r", "range", Action::EditItem),
            b(
                &[Key::Code(Left), Key::Char('[')],
                "←→",
                "earlier/later",
                Action::PrevValue,
            ),
            h(
                &[Key::Code(Right), Key::Char(']')],
                "→",
                "later",
                Action::NextValue,
            ),
            h(&[UP, Key::Char('k')], "↑", "scroll up", Action::Up),
            h(&[DOWN, Key::Char('j')], "↓", "scroll down", Action::Down),
            help(),
            b(
                &[Key::Code(Esc), Key::Char('q')],
                "Esc",
                "back",
                Action::Back,
            ),
        ],
        Mode::ReportRange => {
            let mut v = form_moves();
            v.extend([
                b(&[Key::Code(Enter)], "Enter", "show", Action::Submit),
                b(&[Key::Code(Esc)], "Esc", "cancel", Action::Back),
                help_typing(),
            ]);
            v
        }
        Mode::ReadBack => vec![
            b(
                &[Key::Ctrl('s')],
                "Ctrl+S",
                "reviewed: save note",
                Action::Save,
            ),
            h(&[Key::Code(PageUp)], "PgUp", "scroll up", Action::PageUp),
            b(
                &[Key::Code(PageDown)],
                "PgUp/PgDn",
                "scroll",
                Action::PageDown,
            ),
            b(&[Key::Code(Esc)], "Esc", "back to the form", Action::Back),
            help_typing(),
        ],
        Mode::NoteExport => vec![
            b(
                &[Key::Code(Enter), Key::Ctrl('s')],
                "Enter",
                "write",
                Action::Submit,
            ),
            b(&[Key::Code(Esc)], "Esc", "cancel", Action::Back),
            help_typing(),
        ],
        _ => return None,
    };
    Some(v)
}
