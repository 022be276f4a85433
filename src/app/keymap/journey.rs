//! Keys of a peer's journey: Coming up on Home, the goal review at the end of a session,
//! and the peer page.

use super::groups::*;
use super::{Group, Mode, bar, fin, more};
use crate::app::{Action, App, Screen};
use crate::domain::goals::GoalStatus;

/// The mode of the review field of the summary form (or `None` when not there).
pub(super) fn review_mode(app: &App) -> Option<Mode> {
    let form = app.live.as_ref()?.summary.as_ref()?;
    if form.goal_editor.is_some() || form.field() != crate::app::live::SummaryField::Review {
        return None;
    }
    Some(if form.review.editing_words.is_some() {
        Mode::ReviewWords
    } else {
        Mode::SummaryReview
    })
}

/// The journey mode of a screen, if any.
pub(super) fn screen_mode(app: &App) -> Option<Mode> {
    match app.screen {
        Screen::PeerPage => Some(
            match app.peer_page.as_ref().and_then(|p| p.goals.as_ref()) {
                Some(edit) if edit.typing.is_some() => Mode::PeerGoalText,
                Some(_) => Mode::PeerGoals,
                None => Mode::PeerPage,
            },
        ),
        Screen::Home if app.home_due_selected.is_some() => Some(Mode::HomeComingUp),
        _ => None,
    }
}

pub(super) fn groups(mode: Mode) -> Option<&'static [Group]> {
    Some(match mode {
        Mode::SummaryReview => &[REVIEW, SUMMARY_MOVE, SAVE_NOTE, SUMMARY_NOTES, HELP],
        Mode::ReviewWords => &[REVIEW_WORDS, HELP_TYPING],
        Mode::PeerPage => &[PEER_PAGE, HELP, PAGE_BACK],
        Mode::PeerGoals => &[PEER_GOALS, HELP, GOALS_DONE],
        Mode::PeerGoalText => &[GOAL_TEXT, HELP_TYPING],
        Mode::HomeComingUp => &[COMING_UP, HELP, QUIT_HOME],
        _ => return None,
    })
}

pub(super) fn title(mode: Mode) -> Option<&'static str> {
    Some(match mode {
        Mode::SummaryReview | Mode::ReviewWords => "End of session: their goals",
        Mode::PeerPage => "Peer page",
        Mode::PeerGoals => "Peer page: their goals",
        Mode::PeerGoalText => "Peer page: a goal's target date or life area",
        Mode::HomeComingUp => "Home: coming up",
        _ => return None,
    })
}

#[rustfmt::skip]
const REVIEW: Group = &[
    bar(&[ch(' '), ch('x')], "Space", "progress / step status", Action::ToggleItem),
    bar(&[ENTER], "Enter", "their words", Action::Submit),
    more(&[ch('P')], "P", "peer page: a goal's status, target, life area", Action::OpenPeerPage),
    more(&[UP, ch('k')], "↑", "move up", Action::Up),
    more(&[DOWN, ch('j')], "↓", "move down", Action::Down),
];
#[rustfmt::skip]
const SUMMARY_MOVE: Group = &[
    bar(&[TAB], "Tab", "next", Action::NextField),
    more(&[BACKTAB], "Shift+Tab", "previous", Action::PrevField),
];
#[rustfmt::skip]
const SAVE_NOTE: Group = &[
    fin(&[ctrl('s')], "Ctrl+S", "save note", Action::Save),
    fin(&[ESC], "Esc", "back to session", Action::Back),
];
#[rustfmt::skip]
const REVIEW_WORDS: Group = &[
    fin(&[ENTER, ctrl('s')], "Enter", "done", Action::Submit),
    fin(&[ESC], "Esc", "cancel", Action::Back),
];
#[rustfmt::skip]
const PEER_PAGE: Group = &[
    bar(&[UP, ch('k')], "↑↓", "scroll", Action::Up),
    more(&[DOWN, ch('j')], "↓", "scroll down", Action::Down),
    more(&[PGUP], "PgUp", "page up", Action::PageUp),
    more(&[PGDN, ch(' ')], "PgDn", "page down", Action::PageDown),
    bar(&[ch('s')], "s", "start session", Action::StartWithSelectedPeer),
    bar(&[ch('h')], "h", "history", Action::ShowPeerHistory),
    bar(&[ch('g')], "g", "edit goals", Action::EditGoals),
];
#[rustfmt::skip]
const PEER_GOALS: Group = &[
    bar(&[ch('a')], "a", "achieved", Action::SetGoalStatus(GoalStatus::Achieved)),
    bar(&[ch('c')], "c", "changed", Action::SetGoalStatus(GoalStatus::Changed)),
    bar(&[ch('x')], "x", "set aside", Action::SetGoalStatus(GoalStatus::SetAside)),
    more(&[ch('r')], "r", "active again", Action::SetGoalStatus(GoalStatus::Active)),
    bar(&[ch('t')], "t", "target date", Action::EditGoalTarget),
    bar(&[ch('l')], "l", "life area", Action::EditGoalArea),
    bar(&[UP, ch('k')], "↑↓", "choose", Action::Up),
    more(&[DOWN, ch('j')], "↓", "next goal", Action::Down),
];
#[rustfmt::skip]
const GOALS_DONE: Group = &[fin(&[ESC, ch('q')], "Esc", "done", Action::Back)];
#[rustfmt::skip]
const GOAL_TEXT: Group = &[
    fin(&[ENTER, ctrl('s')], "Enter", "save", Action::Submit),
    fin(&[ESC], "Esc", "cancel", Action::Back),
];
#[rustfmt::skip]
const PAGE_BACK: Group = &[fin(&[ESC, ch('q')], "Esc", "back", Action::Back)];
#[rustfmt::skip]
const COMING_UP: Group = &[
    fin(&[ENTER], "Enter", "peer page", Action::Submit),
    bar(&[UP, ch('k')], "↑↓", "choose", Action::Up),
    more(&[DOWN, ch('j')], "↓", "move down", Action::Down),
    bar(&[TAB, BACKTAB, ESC], "Tab", "menu", Action::NextField),
];
#[rustfmt::skip]
const QUIT_HOME: Group = &[fin(&[ch('q')], "q", "quit", Action::Quit)];
