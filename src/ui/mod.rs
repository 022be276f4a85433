//! Screens, drawn only from state. Nothing here changes the app.

mod check_in;
mod competencies;
mod fit;
mod goal_edit;
mod group;
mod help;
mod history;
mod home;
mod journey;
mod life_areas;
mod new_session;
mod note;
mod office;
mod peer_page;
mod peers;
mod practice;
pub mod privacy;
mod read_back;
mod reference;
mod reports;
mod session;
mod summary;
pub mod theme;
mod tools;
mod wellbeing;
pub mod widgets;
pub use crate::domain::wrap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::keymap::{self, Mode};
use crate::app::{App, Confirm, Screen, StatusKind};
use theme::THEME;

/// Below this size the screens cannot be drawn usefully.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 14;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    // Blanked or locked: nothing of the app is drawn, at any size.
    if app.privacy.hides_screen() {
        privacy::draw_hidden(frame, app);
        return;
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    let [top, body, status, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    title_bar(frame, top, app);
    match app.screen {
        Screen::Home => home::draw(frame, body, app),
        Screen::DraftOffer => home::draw_drafts(frame, body, app),
        Screen::Peers => peers::draw(frame, body, app),
        Screen::NewSession => new_session::draw(frame, body, app),
        Screen::Session => session::draw(frame, body, app),
        Screen::Summary => summary::draw(frame, body, app),
        Screen::History => history::draw(frame, body, app),
        Screen::Note => note::draw(frame, body, app),
        Screen::Tools => tools::draw_home(frame, body, app),
        Screen::Practice => practice::draw(frame, body, app),
        Screen::Competencies => competencies::draw(frame, body, app),
        Screen::PeerPage => peer_page::draw(frame, body, app),
        Screen::Wellbeing => wellbeing::draw(frame, body, app),
        Screen::Activity => office::draw_activity(frame, body, app),
        Screen::Reports => reports::draw(frame, body, app),
    }
    if let Some(live) = app.live.as_ref().filter(|_| app.screen == Screen::Summary) {
        read_back::draw(frame, body, live);
    }
    if let Some(form) = &app.settings_form {
        office::draw_settings(frame, body, form);
    }
    tools::draw_overlays(frame, body, app);
    if let Some(form) = &app.peer_form {
        peers::draw_form(frame, body, form);
    }
    if app.reference_open() {
        reference::draw(frame, body, app);
    }
    status_line(frame, status, app);
    let mode = keymap::mode(app);
    frame.render_widget(
        widgets::hint_line(keymap::bindings(app, mode), hints.width),
        hints,
    );
    if let Some(question) = &app.confirm {
        confirm(frame, body, question, app.demo);
    }
    if mode == Mode::Help || app.help_open {
        help::draw(frame, body, app);
    }
    if let Some(view) = app.privacy.crisis {
        privacy::draw_crisis(frame, body, app.content, view.scroll);
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from(Span::styled("Please enlarge the terminal", THEME.warning)),
        Line::from(format!(
            "alongside needs {MIN_WIDTH}×{MIN_HEIGHT}; this is {}×{}.",
            area.width, area.height
        )),
        Line::from("Nothing is lost meanwhile."),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

fn screen_name(screen: Screen) -> &'static str {
    match screen {
        Screen::Home => "Home",
        Screen::DraftOffer => "Unfinished session",
        Screen::Peers => "Peers",
        Screen::NewSession => "New session",
        Screen::Session => "Session",
        Screen::Summary => "End of session",
        Screen::History => "History",
        Screen::Note => "Note",
        Screen::Tools => "Tools",
        Screen::Practice => "Practice",
        Screen::Competencies => "Competencies",
        Screen::Activity => "Activity log",
        Screen::Reports => "Reports",
        Screen::PeerPage => "Peer",
        Screen::Wellbeing => "My wellbeing",
    }
}

fn title_bar(frame: &mut Frame, area: Rect, app: &App) {
    let left = Line::from(vec![
        Span::styled(" alongside ", THEME.title),
        Span::styled(
            format!(
                "· {}",
                if app.reference_open() {
                    "Reference"
                } else {
                    screen_name(app.screen)
                }
            ),
            THEME.muted,
        ),
    ]);
    frame.render_widget(left, area);
    let clock = widgets::time(app.now);
    let w = clock.len() as u16 + 1;
    if area.width > w + 20 {
        let right = Rect {
            x: area.x + area.width - w,
            width: w,
            ..area
        };
        frame.render_widget(Span::styled(clock, THEME.muted), right);
    }
}

fn status_line(frame: &mut Frame, area: Rect, app: &App) {
    if let Some(status) = &app.status {
        let style = match status.kind {
            StatusKind::Info => THEME.ok,
            StatusKind::Error => THEME.error,
        };
        frame.render_widget(
            Paragraph::new(Span::styled(status.text.clone(), style)),
            area,
        );
    }
}

fn confirm(frame: &mut Frame, area: Rect, question: &Confirm, demo: bool) {
    let text = match question {
        // The demo folder is deleted on quit: no draft can be promised.
        Confirm::QuitDuringSession if demo => {
            "Quit the demo? Its folder, this session included, is deleted when it closes."
        }
        Confirm::QuitDuringSession => {
            "Quit now? This session is kept as a draft and offered when you come back."
        }
        Confirm::DiscardDraft(_) => {
            "Discard this unfinished session for good? Its notes cannot be recovered."
        }
        Confirm::DiscardForm => "Throw away what you typed in this form?",
        Confirm::DiscardWellbeing => "Leave this check without keeping your answers?",
        Confirm::Tool(q) => q.question(),
        Confirm::LeaveRound => {
            "Leave this round? Answers you already checked are kept; the one being typed is not."
        }
        Confirm::LeaveRolePlay => "Stop coding this role-play? The codes so far are kept.",
        Confirm::RemoveSkillMark(_) => {
            "Remove this skill's mark, with its evidence note and any sign-off?"
        }
        Confirm::RemoveHours(_) => "Remove this hours entry?",
        Confirm::DiscardCompetencyForm => "Throw away what you typed in this form?",
        Confirm::SaveEmptySummary => {
            "Nothing is written in the summary. Save the note without one? (n goes back)"
        }
        Confirm::RemoveActivity(_) => "Remove this activity from the log?",
    };
    let rect = widgets::centered(area, 56, 7);
    let inner = widgets::popup(frame, rect, "Please confirm");
    let lines = vec![
        Line::from(text),
        Line::from(""),
        Line::from(vec![
            widgets::key_span("y"),
            Span::styled(" yes   ", THEME.muted),
            widgets::key_span("n"),
            Span::styled(" no", THEME.muted),
        ]),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}
