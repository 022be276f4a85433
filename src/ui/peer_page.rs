//! One peer on one page: profile, goals with a compact progress timeline, open next steps,
//! latest sessions, safety plan and worksheets.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::THEME;
use super::widgets::{self, panel};
use crate::app::App;
use crate::app::journey::today;
use crate::domain::goals::DEFAULT_TARGET_MONTHS;
use crate::domain::goals::journey::{DEFAULT_CHECK_IN_DAYS, ago_words, due_words};

/// Sessions listed on the page; History has them all.
const SESSIONS_SHOWN: usize = 8;
/// Marks in a goal's timeline.
const TIMELINE_MARKS: usize = 12;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(page) = &app.peer_page else {
        return;
    };
    let Some(peer) = app.peer(page.peer_id) else {
        return;
    };
    let today = today(app);
    let check_ins = app
        .journey
        .check_ins
        .get(&peer.id)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let (area, chart) = super::life_areas::split(area, check_ins);
    if let Some(chart) = chart {
        super::life_areas::draw(frame, chart, check_ins);
    }
    let heading = |t: &str| Line::from(Span::styled(t.to_string(), THEME.accent));
    let mut lines = Vec::new();

    let stats = app.stats(peer.id);
    let mut profile = peer.alias.clone();
    if let Some(p) = &peer.pronouns {
        profile.push_str(&format!(" ({p})"));
    }
    if peer.archived {
        profile.push_str(" · archived");
    }
    lines.push(Line::from(Span::styled(profile, THEME.title)));
    if !peer.preferences.is_empty() {
        lines.push(Line::from(peer.preferences.clone()));
    }
    let last = stats
        .last_session
        .map(|t| {
            let d = t.date_naive();
            format!("last seen {d} ({})", ago_words(d, today))
        })
        .unwrap_or_else(|| "no sessions yet".into());
    lines.push(Line::from(Span::styled(
        format!(
            "{} session(s), {last}; check in every {} days",
            stats.sessions,
            peer.check_in_days.unwrap_or(DEFAULT_CHECK_IN_DAYS)
        ),
        THEME.muted,
    )));
    lines.push(Line::from(""));

    let goals = app.journey.goals.for_peer(peer.id);
    lines.push(heading(&format!("Goals ({})", goals.len())));
    if goals.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(
                "None yet. Goals added at the end of a session appear here, with a target {DEFAULT_TARGET_MONTHS} months on."
            ),
            THEME.muted,
        )));
    }
    for g in goals {
        let mut target = g
            .target
            .map(|d| format!(", target {d}"))
            .unwrap_or_default();
        if !g.life_area.is_empty() {
            target.push_str(&format!(" · {}", g.life_area));
        }
        lines.push(Line::from(vec![
            Span::styled(format!("• {}", g.text), THEME.text),
            Span::styled(
                format!("  {} since {}{target}", g.status.label(), g.status_date),
                THEME.muted,
            ),
        ]));
        if !g.progress.is_empty() {
            let latest = g
                .latest_progress()
                .map(|p| format!(", latest: {}", p.label()))
                .unwrap_or_default();
            lines.push(Line::from(Span::styled(
                format!(
                    "  progress {} ({} session(s){latest})",
                    g.timeline(TIMELINE_MARKS),
                    g.progress.len()
                ),
                THEME.muted,
            )));
        }
        for step in g.next_steps.iter().filter(|s| s.is_open()) {
            let when = step
                .by_when
                .map(|d| format!(" · by {d} ({})", due_words(d, today)))
                .unwrap_or_default();
            let style = if step.is_overdue(today) {
                THEME.warning
            } else {
                THEME.text
            };
            lines.push(Line::from(Span::styled(
                format!("  - {}{when}", step.what),
                style,
            )));
        }
    }
    lines.push(Line::from(""));

    lines.push(heading("Safety plan"));
    let safety = app
        .journey
        .safety
        .get(&peer.id)
        .copied()
        .unwrap_or_default();
    lines.push(Line::from(
        match (safety.plan_version, safety.plan_reviewed) {
            (Some(v), Some(d)) => {
                format!("Version {v}, last reviewed {d} ({})", ago_words(d, today))
            }
            _ => "None saved (s in a session opens it).".into(),
        },
    ));
    if let Some(d) = safety.flagged_on {
        lines.push(Line::from(Span::styled(
            format!("Safety concern last noted {d}"),
            THEME.warning,
        )));
    }
    lines.push(Line::from(""));

    let sessions: Vec<_> = app.history.iter().filter(|h| h.involves(peer.id)).collect();
    lines.push(heading(&format!("Sessions ({})", sessions.len())));
    let width = area.width.saturating_sub(4) as usize;
    for h in sessions.iter().take(SESSIONS_SHOWN) {
        let line = format!(
            "{}  {:<9} {:>7}  {}",
            widgets::date(h.started_at),
            h.kind.label(),
            widgets::minutes(h.duration_seconds),
            h.preview
        );
        lines.push(Line::from(super::fit::fit_words(&line, width)));
    }
    if sessions.len() > SESSIONS_SHOWN {
        lines.push(Line::from(Span::styled(
            format!(
                "... and {} more: h opens them all",
                sessions.len() - SESSIONS_SHOWN
            ),
            THEME.muted,
        )));
    }
    lines.push(Line::from(""));

    let sheets: Vec<_> = app
        .tools
        .saved
        .iter()
        .filter(|w| w.peer_id == Some(peer.id))
        .collect();
    lines.push(heading(&format!("Worksheets ({})", sheets.len())));
    for w in sheets {
        lines.push(Line::from(format!(
            "{}  {}",
            widgets::date(w.updated_at),
            w.tool_name
        )));
    }

    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((page.scroll, 0))
            .block(panel(&format!("Peer: {}", peer.alias), true)),
        area,
    );
    if let Some(edit) = &page.goals {
        super::goal_edit::draw(frame, area, app, peer.id, edit);
    }
}
