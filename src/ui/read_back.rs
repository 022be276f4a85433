//! The note as the peer reads it at the end of a session: plain, spacious, their words
//! first, no internal fields (no flags, stages, tools or minutes).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::theme::THEME;
use super::widgets::{self, panel};
use crate::app::live::LiveSession;

fn heading(text: &str) -> Line<'static> {
    Line::from(Span::styled(
        text.to_string(),
        THEME.title.add_modifier(Modifier::BOLD),
    ))
}

fn body(text: &str) -> Line<'static> {
    Line::from(format!("  {}", text.trim()))
}

pub fn draw(frame: &mut Frame, area: Rect, live: &LiveSession) {
    let (Some(view), Some(form)) = (&live.read_back, &live.summary) else {
        return;
    };
    frame.render_widget(Clear, area);
    let [text_area, comment] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(5)]).areas(area);
    let mut lines = vec![
        Line::from(Span::styled(
            format!(
                "Our notes from today, {}. Tell me anything that is not right.",
                widgets::date(live.session.started_at)
            ),
            THEME.muted,
        )),
        Line::from(""),
    ];
    let what = form.what_matters.text();
    if !what.trim().is_empty() {
        lines.push(heading("What matters to you, in your words"));
        lines.push(body(&format!("“{}”", what.trim())));
        lines.push(Line::from(""));
    }
    if !form.goals.is_empty() {
        lines.push(heading("Your goals"));
        for g in &form.goals {
            lines.push(body(&format!("“{}”", g.in_their_words)));
            for s in &g.next_steps {
                let who = if s.who.trim().is_empty() {
                    String::new()
                } else {
                    format!(" ({})", s.who.trim())
                };
                let when = s.by_when.map(|d| format!(", by {d}")).unwrap_or_default();
                lines.push(body(&format!("   next: {}{who}{when}", s.what)));
            }
        }
        lines.push(Line::from(""));
    }
    let strengths = form.strengths.text();
    if !strengths.trim().is_empty() {
        lines.push(heading("Strengths I noticed"));
        lines.push(body(&strengths));
        lines.push(Line::from(""));
    }
    let discussed = form.discussed.text();
    if !discussed.trim().is_empty() {
        lines.push(heading("What we talked about"));
        lines.push(body(&discussed));
        lines.push(Line::from(""));
    }
    if let Ok(Some(d)) =
        crate::domain::summary::parse_date(&form.follow_up.text(), form.ended_at.date_naive())
    {
        lines.push(heading("When we meet again"));
        lines.push(body(&d.format("%A %-d %B %Y").to_string()));
        lines.push(Line::from(""));
    }
    if let Some(r) = &live.session.read_back {
        lines.push(heading("What you added before"));
        for c in &r.comments {
            lines.push(body(&format!("“{}”", c.text)));
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((view.scroll, 0))
            .block(panel("Reading the note together", false)),
        text_area,
    );
    widgets::field(
        frame,
        comment,
        "Your corrections or comments, in your words",
        &view.comment,
        true,
    );
}
