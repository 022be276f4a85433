//! The running session: who, how long, which stage, the notes, and the stage guide.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::theme::THEME;
use super::widgets::{self, panel};
use crate::app::App;
use crate::app::live::{LiveSession, SessionFocus};
use crate::domain::{Session, Stage};

/// Narrower than this, the stage guide is hidden so the notes keep room.
const PANEL_MIN_TOTAL: u16 = 72;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(live) = &app.live else {
        return;
    };
    let [header, bar, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
    ])
    .areas(area);
    header_line(frame, header, live, app);
    stage_bar(frame, bar, &live.session);
    if super::tools::draw_in_session(frame, body, app) {
        return;
    }
    let body = match super::tools::plan_banner(app) {
        Some(banner) => {
            let [line, rest] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(body);
            frame.render_widget(banner, line);
            rest
        }
        None => body,
    };
    let notes_focused = live.focus == SessionFocus::Notes;
    if let Some(form) = &live.check_in {
        super::check_in::draw(frame, body, form);
        return;
    }
    if live.session.is_group() {
        // The attendee list takes the guide's place beside the notes, or the bottom on a
        // narrow screen.
        if body.width >= super::group::PANEL_WIDTH + 30 {
            let [notes, list] = Layout::horizontal([
                Constraint::Min(30),
                Constraint::Length(super::group::PANEL_WIDTH),
            ])
            .areas(body);
            widgets::field(frame, notes, "Notes", &live.notes, notes_focused);
            super::group::draw_panel(frame, list, live);
        } else {
            let list_rows = (live.session.attendees.len() as u16 + 2)
                .clamp(3, 6)
                .min(body.height / 2);
            let [notes, list] =
                Layout::vertical([Constraint::Min(3), Constraint::Length(list_rows)]).areas(body);
            widgets::field(frame, notes, "Notes", &live.notes, notes_focused);
            super::group::draw_panel(frame, list, live);
        }
        return;
    }
    let last_time = live.last_time_open && app.journey.last.contains_key(&live.session.peer_id);
    if body.width >= PANEL_MIN_TOTAL {
        let [notes, guide] =
            Layout::horizontal([Constraint::Min(36), Constraint::Length(34)]).areas(body);
        widgets::field(frame, notes, "Notes", &live.notes, notes_focused);
        if last_time {
            // Last time shares the guide's column, taking most of it.
            let wanted = super::journey::last_time_height(app, live.session.peer_id, guide.width);
            // Most of the column; all of it when last time needs more (the guide is a
            // key away in help and the reference).
            let most = if wanted > guide.height.saturating_mul(2) / 3 {
                guide.height
            } else {
                guide.height.saturating_mul(2) / 3
            };
            let [last, rest] =
                Layout::vertical([Constraint::Length(wanted.min(most)), Constraint::Min(0)])
                    .areas(guide);
            super::journey::draw_last_time(frame, last, app, live.session.peer_id);
            if rest.height >= 3 {
                stage_guide(frame, rest, app, live.session.current_stage());
            }
        } else {
            stage_guide(frame, guide, app, live.session.current_stage());
        }
    } else if last_time && body.height >= 8 {
        let [last, notes] =
            Layout::vertical([Constraint::Length(4), Constraint::Min(3)]).areas(body);
        super::journey::draw_last_time(frame, last, app, live.session.peer_id);
        widgets::field(frame, notes, "Notes", &live.notes, notes_focused);
    } else {
        widgets::field(frame, body, "Notes", &live.notes, notes_focused);
    }
}

fn header_line(frame: &mut Frame, area: Rect, live: &LiveSession, app: &App) {
    let s = &live.session;
    let pronouns = app
        .peer(s.peer_id)
        .and_then(|p| p.pronouns.clone())
        .map(|p| format!(" ({p})"))
        .unwrap_or_default();
    let kept = !live.draft_error && live.last_draft_at.is_some() && !live.dirty;
    // Fuller first; each later form gives up something less important, so nothing is ever
    // cut mid-word: the kind of meeting, then the words of the marks, then the pronouns.
    // The safety flag and an unsaved draft always keep their words.
    let line = (0..5)
        .map(|step| {
            let mut spans = vec![
                Span::styled(
                    format!(
                        " {}{}",
                        s.peer_alias,
                        if step < 4 { pronouns.as_str() } else { "" }
                    ),
                    THEME.title,
                ),
                Span::styled(
                    if step < 2 {
                        format!(" · {} · ", s.kind.label())
                    } else {
                        " · ".to_string()
                    },
                    THEME.muted,
                ),
                Span::styled(widgets::duration(s.elapsed_seconds(app.now)), THEME.accent),
            ];
            if s.flags.safety_concern {
                spans.push(Span::raw("  "));
                spans.push(Span::styled(" SAFETY CONCERN ", THEME.danger));
            }
            if s.flags.follow_up_needed {
                spans.push(Span::raw("  "));
                let words = if step < 1 {
                    "[follow-up needed]"
                } else {
                    "[follow-up]"
                };
                spans.push(Span::styled(words, THEME.warning));
            }
            if live.draft_error {
                spans.push(Span::styled("  draft not saved", THEME.error));
            } else if kept && step < 3 {
                spans.push(Span::styled(
                    if step < 1 { "  ✓ kept" } else { "  ✓" },
                    THEME.muted,
                ));
            }
            Line::from(spans)
        })
        .reduce(|fits, next| {
            if fits.width() <= usize::from(area.width) {
                fits
            } else {
                next
            }
        })
        .unwrap_or_default();
    frame.render_widget(line, area);
}

/// The five stages in a row, the current one in brackets, visited ones ticked.
pub fn stage_bar(frame: &mut Frame, area: Rect, session: &Session) {
    let current = session.current_stage();
    let visited = |st: Stage| session.stage_log.iter().any(|v| v.stage == st);
    let full: usize = Stage::ALL.iter().map(|s| s.label().width() + 5).sum();
    let short = full > area.width as usize;
    let mut spans = vec![Span::raw(" ")];
    for (i, stage) in Stage::ALL.into_iter().enumerate() {
        let name = if short && stage != current {
            stage.label().chars().take(3).collect::<String>()
        } else {
            stage.label().to_string()
        };
        let style = if stage == current {
            THEME.stage_current
        } else if visited(stage) {
            THEME.stage_visited
        } else {
            THEME.stage_ahead
        };
        // Marked in words as well as colour: [current], ✓ visited.
        let text = if stage == current {
            format!("[{} {}]", i + 1, name)
        } else if visited(stage) {
            format!(" {} {}✓", i + 1, name)
        } else {
            format!(" {} {} ", i + 1, name)
        };
        spans.push(Span::styled(text, style));
        if i + 1 < Stage::ALL.len() {
            spans.push(Span::styled("›", THEME.muted));
        }
    }
    frame.render_widget(Line::from(spans), area);
}

/// What the current stage is for, its key concepts and the tools that fit it.
fn stage_guide(frame: &mut Frame, area: Rect, app: &App, stage: Stage) {
    let lines = guide_lines(app, stage);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(panel(stage.label(), false)),
        area,
    );
}

fn guide_lines(app: &App, stage: Stage) -> Vec<Line<'static>> {
    let info = app.content.stage(stage);
    let mut lines = vec![Line::from(info.purpose.clone()), Line::from("")];
    lines.push(Line::from(Span::styled("Suggested tools", THEME.accent)));
    for tool in app.content.tools_for(stage) {
        lines.push(Line::from(format!("• {}", tool.name)));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled("Key concepts", THEME.accent)));
    for concept in &info.key_concepts {
        lines.push(Line::from(format!("• {}", concept.name)));
    }
    lines
}
