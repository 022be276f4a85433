//! Tools laid out as a list of parts on the left and the current part on the right:
//! Ask-Share-Ask, preparing a response to anger, a gentle refusal, planning, and the safety
//! plan (which always shows the crisis line at the top).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::theme::THEME;
use super::super::widgets;
use super::checklist::draw_checks;
use super::reader::draw_lines;
use super::{draw_items, draw_nav, wrapped};
use crate::app::App;
use crate::app::field::Field;
use crate::app::tools::OpenTool;
use crate::app::tools::forms::{
    AsaForm, PlanningForm, PromptsForm, RefusalForm, SafetyForm, content_purpose,
};
use crate::domain::worksheets::{SafetySection, SharePurpose};

/// Narrower than this, the list of parts is left out so the current part keeps its room.
const NAV_MIN_WIDTH: u16 = 64;
const NAV_WIDTH: u16 = 24;

fn split(area: Rect) -> (Option<Rect>, Rect) {
    if area.width >= NAV_MIN_WIDTH {
        let [nav, _, pane] = Layout::horizontal([
            Constraint::Length(NAV_WIDTH),
            Constraint::Length(1),
            Constraint::Min(20),
        ])
        .areas(area);
        (Some(nav), pane)
    } else {
        (None, area)
    }
}

/// Guidance above a text field. The guidance gets at most half the height; the field the rest.
fn guidance_and_field(
    frame: &mut Frame,
    area: Rect,
    guidance: Vec<Line<'static>>,
    title: &str,
    field: &Field,
) {
    let max_guidance = (area.height / 2).max(1);
    let rows = (guidance.len() as u16).min(max_guidance);
    let [top, bottom] =
        Layout::vertical([Constraint::Length(rows), Constraint::Min(3)]).areas(area);
    frame.render_widget(Paragraph::new(guidance), top);
    widgets::field(frame, bottom, title, field, true);
}

fn hints(lines: &mut Vec<Line<'static>>, items: &[String], width: u16, lead: &str) {
    for h in items {
        lines.extend(wrapped(h, width, THEME.muted, lead, "  "));
    }
}

// ----- Ask-Share-Ask -----

pub fn ask_share_ask(frame: &mut Frame, area: Rect, form: &AsaForm, focus: usize) {
    let (nav, pane) = split(area);
    let purpose = form.purpose();
    if let Some(nav) = nav {
        let rows = vec![
            (format!("For: {}", short_purpose(purpose)), true),
            ("1 Ask".to_string(), !form.fields[0].is_blank()),
            ("2 Share".to_string(), !form.fields[1].is_blank()),
            ("3 Ask again".to_string(), !form.fields[2].is_blank()),
        ];
        draw_nav(frame, nav, "Steps", &rows, focus);
    }
    let using = form.content.for_purpose(content_purpose(purpose));
    let width = pane.width;
    if focus == 0 {
        let block = widgets::panel("What are you offering?", true);
        let inner = block.inner(pane);
        frame.render_widget(block, pane);
        let mut lines: Vec<Line> = SharePurpose::ALL
            .iter()
            .map(|p| {
                let (mark, style) = if *p == purpose {
                    ("(•) ", THEME.selected)
                } else {
                    ("( ) ", THEME.text)
                };
                Line::from(Span::styled(format!("{mark}{}", p.label()), style))
            })
            .collect();
        lines.push(Line::from(""));
        if let Some(u) = using {
            lines.extend(wrapped(&u.when, inner.width, THEME.muted, "", ""));
        }
        lines.push(Line::from(""));
        lines.extend(wrapped(
            &form.content.intro,
            inner.width,
            THEME.muted,
            "",
            "",
        ));
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let (step, title) = match (focus, using) {
        (1, Some(u)) => (
            Some(&u.ask),
            "Ask: what did they know or want? May you share?",
        ),
        (2, Some(u)) => (Some(&u.share), "Share: what did you offer?"),
        (3, Some(u)) => (Some(&u.ask_again), "Ask again: what did they make of it?"),
        _ => (None, "Your notes"),
    };
    let mut guidance = Vec::new();
    if let Some(step) = step {
        guidance.extend(wrapped(&step.guidance, width, THEME.accent, "", ""));
        hints(&mut guidance, &step.examples, width, "› ");
    }
    if let Some(field) = form.fields.get(focus - 1) {
        guidance_and_field(frame, pane, guidance, title, field);
    }
}

fn short_purpose(p: SharePurpose) -> &'static str {
    match p {
        SharePurpose::ProvidingInformation => "information",
        SharePurpose::SharingResource => "a resource",
        SharePurpose::SharingRecoveryStory => "my story",
    }
}

// ----- a worksheet of prompts -----

pub fn prompts(frame: &mut Frame, area: Rect, form: &PromptsForm, focus: usize) {
    let (nav, pane) = split(area);
    if let Some(nav) = nav {
        let rows: Vec<(String, bool)> = form
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("{} {}", i + 1, s.title), !s.field.is_blank()))
            .collect();
        draw_nav(frame, nav, "Sections", &rows, focus);
    }
    let Some(section) = form.sections.get(focus) else {
        return;
    };
    let mut guidance = wrapped(&section.prompt, pane.width, THEME.accent, "", "");
    hints(&mut guidance, &section.hints, pane.width, "• ");
    guidance_and_field(frame, pane, guidance, &section.title, &section.field);
}

// ----- gentle refusal -----

pub fn refusal(frame: &mut Frame, area: Rect, form: &RefusalForm, focus: usize) {
    let (nav, pane) = split(area);
    let steps = &form.content.steps;
    let label = |i: usize| -> String {
        match i {
            0 => "The request".to_string(),
            n => steps
                .get(n - 1)
                .map(|s| format!("{n} {}", s.name))
                .unwrap_or_default(),
        }
    };
    if let Some(nav) = nav {
        let rows: Vec<(String, bool)> = (0..4)
            .map(|i| (label(i), !form.fields[i].is_blank()))
            .collect();
        draw_nav(frame, nav, "Three steps", &rows, focus);
    }
    let width = pane.width;
    let mut guidance = Vec::new();
    if focus == 0 {
        guidance.extend(wrapped(
            "What did the peer ask for? Requests like these come up:",
            width,
            THEME.accent,
            "",
            "",
        ));
        let requests: Vec<String> = form
            .content
            .examples
            .iter()
            .map(|e| e.request.clone())
            .collect();
        hints(&mut guidance, &requests, width, "• ");
    } else if let Some(step) = steps.get(focus - 1) {
        guidance.extend(wrapped(&step.guidance, width, THEME.accent, "", ""));
        hints(&mut guidance, &step.phrasings, width, "› ");
    }
    if let Some(field) = form.fields.get(focus) {
        guidance_and_field(frame, pane, guidance, &label(focus), field);
    }
}

// ----- planning -----

pub fn planning(frame: &mut Frame, area: Rect, form: &PlanningForm, focus: usize) {
    let (nav, pane) = split(area);
    if let Some(nav) = nav {
        let goal_done = !form.goal.is_blank();
        let rows = vec![
            (
                "Readiness signals".to_string(),
                form.signals.items.iter().any(|i| i.is_used()),
            ),
            ("Testing the water".to_string(), false),
            ("Brainstorm".to_string(), !form.brainstorm.items.is_empty()),
            ("3-month goal".to_string(), goal_done),
            ("Goal date".to_string(), !form.goal_by.is_blank()),
            ("Steps and dates".to_string(), !form.steps.items.is_empty()),
            (
                "Pathways".to_string(),
                form.pathways.items.iter().any(|i| i.is_used()),
            ),
        ];
        draw_nav(frame, nav, "Planning", &rows, focus);
    }
    let c = form.content;
    let width = pane.width;
    match focus {
        PlanningForm::SIGNALS => {
            let selected = form.signals.items.get(form.signals.selected).and_then(|i| {
                c.possibilities
                    .readiness_signals
                    .iter()
                    .find(|s| s.name == i.id)
            });
            let about = selected.map(|s| s.text.clone()).unwrap_or_else(|| {
                "Tick the signs of readiness you notice; it is fine to keep exploring.".into()
            });
            let guidance = wrapped(&about, width, THEME.muted, "", "");
            let [top, bottom] = Layout::vertical([
                Constraint::Length((guidance.len() as u16).min(pane.height / 2)),
                Constraint::Min(3),
            ])
            .areas(pane);
            frame.render_widget(Paragraph::new(guidance), top);
            draw_checks(frame, bottom, "Signals noticed", &form.signals, true);
        }
        PlanningForm::REFERENCE => draw_lines(
            frame,
            pane,
            "Testing the water · pitfalls · Enter puts a line in the notes",
            &form.reference,
            true,
        ),
        PlanningForm::BRAINSTORM => {
            let mut guidance = Vec::new();
            if let Some(rule) = c.brainstorming.ground_rules.first() {
                guidance.extend(wrapped(rule, width, THEME.accent, "", ""));
            }
            hints(&mut guidance, &c.brainstorming.prompts, width, "› ");
            let rows = (guidance.len() as u16).min(pane.height / 2);
            let [top, bottom] =
                Layout::vertical([Constraint::Length(rows), Constraint::Min(3)]).areas(pane);
            frame.render_widget(Paragraph::new(guidance), top);
            draw_items(
                frame,
                bottom,
                "Ideas, no judging",
                None,
                &form.brainstorm,
                true,
            );
        }
        PlanningForm::GOAL => {
            let mut guidance = wrapped(&c.goal.intro, width, THEME.muted, "", "");
            hints(&mut guidance, &c.goal.goal_prompts, width, "› ");
            guidance_and_field(
                frame,
                pane,
                guidance,
                "The goal, in their words",
                &form.goal,
            );
        }
        PlanningForm::GOAL_BY => {
            let mut guidance = wrapped(
                "By when? A date (YYYY-MM-DD), or +30, 12w. Goals can change; that is part of the plan.",
                width,
                THEME.muted,
                "",
                "",
            );
            if let Err(e) = form.goal_date() {
                guidance.push(Line::from(Span::styled(e, THEME.error)));
            } else if let Ok(Some(d)) = form.goal_date() {
                guidance.push(Line::from(Span::styled(
                    format!("Goal date: {d}"),
                    THEME.ok,
                )));
            }
            guidance_and_field(frame, pane, guidance, "Goal date", &form.goal_by);
        }
        PlanningForm::STEPS => {
            let mut guidance = Vec::new();
            hints(&mut guidance, &c.goal.step_prompts, width, "› ");
            if let Some(err) = form.steps.input.as_ref().and_then(|i| i.error.clone()) {
                guidance.insert(0, Line::from(Span::styled(err, THEME.error)));
            }
            let rows = (guidance.len() as u16).min(pane.height / 2);
            let [top, bottom] =
                Layout::vertical([Constraint::Length(rows), Constraint::Min(3)]).areas(pane);
            frame.render_widget(Paragraph::new(guidance), top);
            draw_items(
                frame,
                bottom,
                "Steps · Tab moves to the date",
                None,
                &form.steps,
                true,
            );
        }
        _ => {
            let guidance = wrapped(&c.pathways.intro, width, THEME.muted, "", "");
            let rows = (guidance.len() as u16).min(pane.height / 2);
            let [top, bottom] =
                Layout::vertical([Constraint::Length(rows), Constraint::Min(3)]).areas(pane);
            frame.render_widget(Paragraph::new(guidance), top);
            draw_checks(
                frame,
                bottom,
                "Pathways the peer is considering",
                &form.pathways,
                true,
            );
        }
    }
}

// ----- safety plan -----

pub fn safety(frame: &mut Frame, area: Rect, app: &App, form: &SafetyForm, open: &OpenTool) {
    let [crisis, rest] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    frame.render_widget(crisis_line(app, crisis.width), crisis);
    let (nav, pane) = split(rest);
    let focus = open.focus;
    if let Some(nav) = nav {
        let [list, version] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(nav);
        let rows: Vec<(String, bool)> = form
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let n = crate::domain::worksheets::lines_of(&s.field.text()).len();
                (format!("{} {}", i + 1, short_section(s.section)), n > 0)
            })
            .collect();
        draw_nav(frame, list, "Steps, in order", &rows, focus);
        let changed = if open.changed { " · changed" } else { "" };
        let text = match open.base_version {
            Some((v, at)) => format!(
                "Saved v{v} · {}{changed}\nF6 every version",
                widgets::date(at)
            ),
            None => format!("Not saved yet{changed}"),
        };
        frame.render_widget(Paragraph::new(text).style(THEME.muted), version);
    }
    if let Some(number) = open.viewing_version {
        draw_version(frame, pane, app, number);
        return;
    }
    let Some(section) = form.sections.get(focus) else {
        return;
    };
    let mut guidance = wrapped(&section.prompt, pane.width, THEME.accent, "", "");
    hints(&mut guidance, &section.hints, pane.width, "• ");
    guidance_and_field(
        frame,
        pane,
        guidance,
        &format!("{} · one per line", section.title),
        &section.field,
    );
}

/// One saved version of the plan, read-only.
fn draw_version(frame: &mut Frame, area: Rect, app: &App, number: u32) {
    let history = crate::app::tools::plan_history(app);
    let version = history.and_then(|h| h.versions.iter().find(|v| v.version == number));
    let count = history.map_or(0, |h| h.versions.len());
    let title = match version {
        Some(v) => format!(
            "Version {number} of {count} · saved {}",
            widgets::date_time(v.saved_at)
        ),
        None => format!("Version {number}"),
    };
    let block = widgets::panel(&title, true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(v) = version else {
        return;
    };
    let mut lines = Vec::new();
    for (n, section) in SafetySection::ALL.into_iter().enumerate() {
        lines.push(Line::from(Span::styled(
            format!("{} {}", n + 1, short_section(section)),
            THEME.accent,
        )));
        let items = v.plan.items(section);
        if items.is_empty() {
            lines.push(Line::from(Span::styled("  (nothing written)", THEME.muted)));
        }
        for item in items {
            lines.extend(wrapped(item, inner.width, THEME.text, "• ", "  "));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Names short enough for the list of steps; the full title is above the field.
fn short_section(section: SafetySection) -> &'static str {
    match section {
        SafetySection::WarningSigns => "Warning signs",
        SafetySection::InternalCoping => "On my own",
        SafetySection::SocialDistraction => "People and places",
        SafetySection::PeopleToAsk => "People to ask",
        SafetySection::Professionals => "Professionals",
        SafetySection::SafeEnvironment => "Safer surroundings",
        SafetySection::ReasonsForLiving => "What matters most",
    }
}

/// The 988 Lifeline, always on the safety plan, with emergency services when there is room.
pub fn crisis_line(app: &App, width: u16) -> Line<'static> {
    let crisis = app.content.crisis();
    let lifeline = crisis
        .all()
        .find(|r| r.id == "988")
        .or_else(|| crisis.all().next());
    let mut text = lifeline.map(|r| r.one_line()).unwrap_or_default();
    if let Some(e) = crisis.all().find(|r| r.id == "emergency") {
        let more = format!(" · {}", e.one_line());
        if unicode_width::UnicodeWidthStr::width(format!("{text}{more}").as_str()) + 3
            <= width as usize
        {
            text.push_str(&more);
        }
    }
    Line::from(vec![
        Span::styled(" ☎ ", THEME.danger),
        Span::styled(
            widgets::truncate(&format!(" {text}"), (width as usize).saturating_sub(3)),
            THEME.warning,
        ),
    ])
}
