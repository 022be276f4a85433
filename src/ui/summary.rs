//! The end-of-session form: the structured note, and what the app measured.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use super::theme::THEME;
use super::tools::wrapped;
use super::widgets::{self, panel};
use crate::app::App;
use crate::app::live::{GoalEditor, NOTES_BESIDE_WIDTH, SummaryField, SummaryForm};
use crate::domain::language::{LanguageRule, check};
use crate::domain::{DirectActivity, Session};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(live) = &app.live else {
        return;
    };
    let Some(form) = &live.summary else {
        return;
    };
    let [left, right] =
        Layout::horizontal([Constraint::Length(30), Constraint::Min(20)]).areas(area);
    let [sections, measured] = Layout::vertical([
        Constraint::Length(SummaryField::ALL.len() as u16 + 2),
        Constraint::Min(3),
    ])
    .areas(left);
    draw_sections(frame, sections, form);
    draw_measured(frame, measured, app, &live.session, form);
    let right = if form.notes_shown(area.width) {
        // Wide: a column of its own. Narrow: above the field, so both stay readable.
        let [editor, notes] = if area.width >= NOTES_BESIDE_WIDTH {
            Layout::horizontal([Constraint::Min(40), Constraint::Percentage(40)]).areas(right)
        } else {
            let [notes, editor] =
                Layout::vertical([Constraint::Percentage(45), Constraint::Min(6)]).areas(right);
            [editor, notes]
        };
        draw_session_notes(frame, notes, &live.notes.text(), form.notes_scroll);
        editor
    } else {
        right
    };
    if form.attendees.is_some() && form.field() == SummaryField::Review {
        super::group::draw_review(frame, right, live, form);
    } else {
        draw_editor(frame, right, form, app.content.language());
    }
    if let Some(editor) = &form.goal_editor {
        draw_goal_editor(frame, area, editor);
    }
    super::group::draw_attendee_editor(frame, area, live, form);
}

/// The notes typed during the session, read-only, so the summary is written from them and
/// not from memory.
fn draw_session_notes(frame: &mut Frame, area: Rect, notes: &str, scroll: u16) {
    let body: Vec<Line> = if notes.trim().is_empty() {
        vec![Line::from(Span::styled(
            "No notes were typed in this session.",
            THEME.muted,
        ))]
    } else {
        notes
            .split('\n')
            .map(|l| Line::from(l.to_string()))
            .collect()
    };
    // Rows once wrapped, so the last line can be scrolled to the bottom and no further.
    let inner = usize::from(area.width.saturating_sub(2).max(1));
    let rows: usize = body.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
    let last = u16::try_from(rows.saturating_sub(usize::from(area.height.saturating_sub(2))))
        .unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(body)
            .wrap(Wrap { trim: false })
            .scroll((scroll.min(last), 0))
            .block(panel(
                if area.width >= 40 {
                    "Session notes · PgUp/PgDn"
                } else {
                    "Session notes"
                },
                false,
            )),
        area,
    );
}

fn filled(form: &SummaryForm, f: SummaryField) -> bool {
    match f {
        SummaryField::WhatMatters => !form.what_matters.is_blank(),
        SummaryField::Discussed => !form.discussed.is_blank(),
        SummaryField::Strengths => !form.strengths.is_blank(),
        SummaryField::Review if form.attendees.is_some() => false,
        SummaryField::Review => form.review.touched(),
        SummaryField::Goals => !form.goals.is_empty(),
        SummaryField::FollowUp => !form.follow_up.is_blank(),
        SummaryField::Activities => !form.activities.is_empty(),
    }
}

fn draw_sections(frame: &mut Frame, area: Rect, form: &SummaryForm) {
    let items: Vec<ListItem> = SummaryField::ALL
        .iter()
        .map(|f| {
            let mark = if filled(form, *f) { "✓ " } else { "· " };
            let label = match (f, form.attendees.is_some()) {
                (SummaryField::Review, true) => "Each attendee",
                (SummaryField::Goals, true) => "(per attendee)",
                _ => short_label(*f),
            };
            ListItem::new(format!("{mark}{label}"))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(form.focus));
    frame.render_stateful_widget(
        List::new(items)
            .block(panel("Note", false))
            .highlight_style(THEME.selected)
            .highlight_symbol("› "),
        area,
        &mut state,
    );
}

fn short_label(f: SummaryField) -> &'static str {
    match f {
        SummaryField::WhatMatters => "What matters to them",
        SummaryField::Discussed => "Discussed",
        SummaryField::Strengths => "Strengths",
        SummaryField::Review => "Their goals",
        SummaryField::Goals => "New goals & steps",
        SummaryField::FollowUp => "Follow-up date",
        SummaryField::Activities => "Direct activities",
    }
}

fn draw_measured(frame: &mut Frame, area: Rect, app: &App, session: &Session, form: &SummaryForm) {
    let end = form.ended_at;
    let mut lines = vec![
        Line::from(format!(
            "{} → {}",
            widgets::time(session.started_at),
            widgets::time(end)
        )),
        Line::from(vec![
            Span::raw("Duration "),
            Span::styled(
                widgets::duration(session.elapsed_seconds(end)),
                THEME.accent,
            ),
        ]),
    ];
    for (stage, secs) in session.stage_seconds(end) {
        lines.push(Line::from(format!(
            "  {:<11}{:>8}",
            stage.label(),
            widgets::minutes(secs)
        )));
    }
    if !session.tools_used.is_empty() {
        // Names, not ids: "OARS skills", not "oars".
        let tools: Vec<&str> = session
            .tools_used
            .iter()
            .map(|t| {
                app.content
                    .tool(&t.tool_id)
                    .map_or(t.tool_id.as_str(), |tool| tool.name.as_str())
            })
            .collect();
        lines.push(Line::from(format!("Tools: {}", tools.join(", "))));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(panel("Measured", false)),
        area,
    );
}

fn draw_editor(frame: &mut Frame, area: Rect, form: &SummaryForm, rules: &[LanguageRule]) {
    let field = form.field();
    let text = match field {
        SummaryField::WhatMatters => form.what_matters.text(),
        SummaryField::Discussed => form.discussed.text(),
        SummaryField::Strengths => form.strengths.text(),
        SummaryField::Goals => form
            .goals
            .iter()
            .map(|g| g.in_their_words.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    };
    let findings = check(&text, rules);
    let hint_rows = if findings.is_empty() { 0 } else { 2 };
    let [area, hints] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(hint_rows)]).areas(area);
    if let Some(f) = findings.first() {
        let more = if findings.len() > 1 {
            format!(" (+{} more)", findings.len() - 1)
        } else {
            String::new()
        };
        let line = Line::from(vec![
            Span::styled("⚑ ", THEME.warning),
            Span::styled(format!("“{}”", f.matched(&text)), THEME.warning),
            Span::raw(format!(
                ": try {}{more}. {}",
                f.suggestions
                    .iter()
                    .take(2)
                    .map(|s| format!("“{s}”"))
                    .collect::<Vec<_>>()
                    .join(" or "),
                f.why
            )),
        ]);
        frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), hints);
    }
    let [main, msg] = Layout::vertical([Constraint::Min(3), Constraint::Length(1)]).areas(area);
    match field {
        SummaryField::WhatMatters => {
            widgets::field(frame, main, field.label(), &form.what_matters, true)
        }
        SummaryField::Discussed => {
            widgets::field(frame, main, field.label(), &form.discussed, true)
        }
        SummaryField::Strengths => {
            widgets::field(frame, main, field.label(), &form.strengths, true)
        }
        SummaryField::FollowUp => {
            let [input, help] =
                Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(main);
            widgets::field(frame, input, field.label(), &form.follow_up, true);
            frame.render_widget(
                Paragraph::new(Span::styled(
                    "A date (2026-03-14), or from today: +7, 10d, 2w. Leave blank for none.",
                    THEME.muted,
                ))
                .wrap(Wrap { trim: true }),
                help,
            );
        }
        SummaryField::Review => {
            super::journey::draw_review(frame, main, &form.review, field.label())
        }
        SummaryField::Goals => draw_goals(frame, main, form),
        SummaryField::Activities => draw_activities(frame, main, form),
    }
    if let Some(e) = &form.error {
        frame.render_widget(Span::styled(e.clone(), THEME.error), msg);
    }
}

fn draw_goals(frame: &mut Frame, area: Rect, form: &SummaryForm) {
    let block = panel(SummaryField::Goals.label(), true);
    if form.goals.is_empty() {
        frame.render_widget(
            Paragraph::new(vec![
                Line::from("No goals yet."),
                Line::from(vec![
                    Span::raw("Press "),
                    widgets::key_span("a"),
                    Span::raw(" to add one in the peer's own words, with next steps."),
                ]),
            ])
            .wrap(Wrap { trim: true })
            .block(block),
            area,
        );
        return;
    }
    // Wrapped at words to the list's width, so a step's who and date are never cut.
    let width = block.inner(area).width;
    let items: Vec<ListItem> = form
        .goals
        .iter()
        .map(|g| {
            let goal = format!("“{}”", g.in_their_words);
            let mut lines = wrapped(&goal, width, ratatui::style::Style::default(), "", " ");
            for s in &g.next_steps {
                let who = if s.who.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", s.who)
                };
                let when = s.by_when.map(|d| format!(" by {d}")).unwrap_or_default();
                let step = format!("{}{}{}", s.what, who, when);
                lines.extend(wrapped(&step, width, THEME.muted, "   → ", "     "));
            }
            ListItem::new(lines)
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(form.goal_selected));
    frame.render_stateful_widget(
        List::new(items).block(block).highlight_style(THEME.accent),
        area,
        &mut state,
    );
}

fn draw_activities(frame: &mut Frame, area: Rect, form: &SummaryForm) {
    let minutes = form.minutes();
    // Borders, the `› ` marker, the tick and the minutes: the name gets the rest.
    let name_width = usize::from(area.width.saturating_sub(2 + 2 + 4 + 10));
    let items: Vec<ListItem> = DirectActivity::ALL
        .iter()
        .map(|a| {
            let mark = if form.activities.contains(a) {
                "[x]"
            } else {
                "[ ]"
            };
            let minutes = match minutes.get(a) {
                Some(m) if form.activities.contains(a) => format!("{m:>4} min  "),
                _ => "          ".to_string(),
            };
            ListItem::new(format!(
                "{mark} {minutes}{}",
                widgets::fit(a.label(), name_width)
            ))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(form.activity_selected));
    let total: u32 = minutes.values().sum();
    let title = if form.activity_minutes.is_empty() {
        format!(
            "{} · {total} min split evenly; +/- to change",
            SummaryField::Activities.label()
        )
    } else {
        format!(
            "{} · {total} of {} min; +/- to change",
            SummaryField::Activities.label(),
            form.duration_minutes
        )
    };
    frame.render_stateful_widget(
        List::new(items)
            .block(panel(&title, true))
            .highlight_style(THEME.selected)
            .highlight_symbol("› "),
        area,
        &mut state,
    );
}

fn draw_goal_editor(frame: &mut Frame, area: Rect, editor: &GoalEditor) {
    let rows = 3 + 1 + editor.steps.len() as u16 + 2;
    let rect = widgets::centered(area, 72, rows + 2);
    let inner = widgets::popup(frame, rect, "Goal and next steps");
    let mut constraints = vec![Constraint::Length(3), Constraint::Length(1)];
    constraints.extend(editor.steps.iter().map(|_| Constraint::Length(1)));
    constraints.push(Constraint::Min(0));
    let areas = Layout::vertical(constraints).split(inner);
    widgets::field(
        frame,
        areas[0],
        "Goal (their words)",
        &editor.goal,
        editor.focus == 0,
    );
    frame.render_widget(
        Line::from(Span::styled(
            " Next steps:  what · who · by when (YYYY-MM-DD, +7, 2w)",
            THEME.muted,
        )),
        areas[1],
    );
    for (row, step) in editor.steps.iter().enumerate() {
        let Some(area) = areas.get(2 + row) else {
            break;
        };
        let cols = Layout::horizontal([
            Constraint::Percentage(50),
            Constraint::Percentage(25),
            Constraint::Percentage(25),
        ])
        .split(*area);
        for (col, field) in step.iter().enumerate() {
            let focus = editor.focus == 1 + row * 3 + col;
            let label = ["→", "who", "by"][col];
            widgets::inline_field(frame, cols[col], label, field, focus);
        }
    }
    if let (Some(e), Some(last)) = (&editor.error, areas.last()) {
        frame.render_widget(Span::styled(e.clone(), THEME.error), *last);
    }
}
