//! The competency record: every area with a gauge and hours, one area's skills with their
//! evidence, and the forms to record them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, List, ListItem, ListState, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::theme::THEME;
use super::widgets::{self, panel};
use crate::app::App;
use crate::app::competencies::{self, AreaPane, CompetencyForm};
use crate::domain::competency::{CompetencyRecord, format_hours, skill_id};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let Some(record) = &app.competencies.record else {
        frame.render_widget(
            Paragraph::new("Reading the competency record…").style(THEME.muted),
            area,
        );
        return;
    };
    if app.content.competencies().is_empty() {
        frame.render_widget(
            Paragraph::new("The competency areas could not be loaded. Press Esc to go back.")
                .style(THEME.error)
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    if app.competencies.area_open {
        draw_area(frame, area, app, record);
    } else {
        draw_areas(frame, area, app, record);
    }
    if let Some(form) = &app.competencies.form {
        draw_form(frame, area, form);
    }
}

fn draw_areas(frame: &mut Frame, area: Rect, app: &App, record: &CompetencyRecord) {
    let areas = app.content.competencies();
    let progress: Vec<_> = areas
        .iter()
        .map(|a| record.area_progress(&a.id, a.skill_count as usize))
        .collect();
    let shown: usize = progress.iter().map(|p| p.demonstrated).sum();
    let total: usize = progress.iter().map(|p| p.total).sum();
    let signed: usize = progress.iter().map(|p| p.signed_off).sum();
    let title = format!(
        "Competencies · {shown}/{total} skills · {signed} signed off · {} h on the job",
        format_hours(record.total_minutes())
    );
    let block = panel(&title, true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width < 10 {
        return;
    }
    // Columns: name, gauge with "n/m", hours.
    let hours_w = 8u16;
    let gauge_w = (inner.width / 4).clamp(8, 22);
    let name_w = inner.width.saturating_sub(gauge_w + hours_w + 2);
    let rows = inner.height as usize;
    let selected = app.competencies.area.min(areas.len().saturating_sub(1));
    let offset = selected.saturating_sub(rows.saturating_sub(1));
    for (row, i) in (offset..areas.len()).take(rows).enumerate() {
        let (a, p) = (&areas[i], progress[i]);
        let y = inner.y + row as u16;
        let is_sel = i == selected;
        let name_style = if is_sel { THEME.selected } else { THEME.text };
        let name = widgets::truncate(&a.name, name_w.saturating_sub(3) as usize);
        let pad = (name_w as usize).saturating_sub(name.width() + 2);
        let marker = if is_sel { "› " } else { "  " };
        frame.render_widget(
            Span::styled(format!("{marker}{name}{}", " ".repeat(pad)), name_style),
            Rect::new(inner.x, y, name_w, 1).intersection(inner),
        );
        frame.render_widget(
            LineGauge::default()
                .ratio(p.ratio())
                .label(format!("{:>2}/{:<2}", p.demonstrated, p.total))
                .filled_symbol(symbols::line::THICK_HORIZONTAL)
                .unfilled_symbol(symbols::line::HORIZONTAL)
                .filled_style(THEME.ok)
                .unfilled_style(THEME.muted),
            Rect::new(inner.x + name_w + 1, y, gauge_w, 1).intersection(inner),
        );
        let hours = if p.minutes > 0 {
            format!("{:>5} h", format_hours(p.minutes))
        } else {
            String::new()
        };
        frame.render_widget(
            Span::styled(hours, THEME.muted),
            Rect::new(inner.x + name_w + 2 + gauge_w, y, hours_w, 1).intersection(inner),
        );
    }
}

fn draw_area(frame: &mut Frame, area: Rect, app: &App, record: &CompetencyRecord) {
    let Some(comp) = competencies::selected_area(app) else {
        return;
    };
    let view = &app.competencies;
    let p = record.area_progress(&comp.id, comp.skill_count as usize);
    let hours = competencies::area_hours(app);
    let hours_h = if hours.is_empty() {
        3
    } else {
        (hours.len() as u16 + 2).min(6)
    };
    let [skills_area, detail_area, hours_area] = Layout::vertical([
        Constraint::Min(4),
        Constraint::Length(6),
        Constraint::Length(hours_h),
    ])
    .areas(area);

    let width = skills_area.width.saturating_sub(6) as usize;
    let items: Vec<ListItem> = (1..=comp.skill_count as usize)
        .map(|n| {
            let text = comp.skills.get(n - 1).map(String::as_str).unwrap_or("");
            let mark = record.mark(&skill_id(&comp.id, n));
            let (box_, tail) = match mark {
                Some(m) => (
                    "[x]",
                    match &m.sign_off {
                        Some(s) => format!("  ✓ {}", s.initials),
                        None => String::new(),
                    },
                ),
                None => ("[ ]", String::new()),
            };
            let head = format!("{box_} {n}. ");
            let room = width.saturating_sub(head.width() + tail.width());
            ListItem::new(Line::from(vec![
                Span::styled(
                    head,
                    if mark.is_some() {
                        THEME.ok
                    } else {
                        THEME.muted
                    },
                ),
                Span::raw(widgets::truncate(text, room)),
                Span::styled(tail, THEME.accent),
            ]))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(view.skill));
    let title = format!(
        "{} · {}/{} · {} h",
        comp.name,
        p.demonstrated,
        p.total,
        format_hours(p.minutes)
    );
    frame.render_stateful_widget(
        List::new(items)
            .block(panel(&title, view.pane == AreaPane::Skills))
            .highlight_symbol("› ")
            .highlight_style(THEME.selected),
        skills_area,
        &mut state,
    );

    let id = skill_id(&comp.id, view.skill + 1);
    let detail: Vec<Line> = match record.mark(&id) {
        Some(m) => {
            let mut v = vec![
                Line::from(vec![
                    Span::styled("Demonstrated ", THEME.muted),
                    Span::raw(m.date.to_string()),
                    Span::styled(" in: ", THEME.muted),
                    Span::raw(m.context.clone()),
                ]),
                Line::from(vec![
                    Span::styled("Evidence: ", THEME.muted),
                    Span::raw(m.evidence.clone()),
                ]),
            ];
            v.push(match &m.sign_off {
                Some(s) => Line::from(vec![
                    Span::styled("Signed off by ", THEME.muted),
                    Span::styled(s.initials.clone(), THEME.ok),
                    Span::styled(" on ", THEME.muted),
                    Span::raw(s.date.to_string()),
                ]),
                None => Line::from(Span::styled(
                    "Not signed off yet: press s when your supervisor has seen it.",
                    THEME.muted,
                )),
            });
            v
        }
        None => vec![
            Line::from(comp.skills.get(view.skill).cloned().unwrap_or_default()),
            Line::from(Span::styled(
                "Not marked yet. Press Enter when you have demonstrated it.",
                THEME.muted,
            )),
        ],
    };
    frame.render_widget(
        Paragraph::new(detail)
            .wrap(Wrap { trim: true })
            .block(panel(&format!("Skill {}", view.skill + 1), false)),
        detail_area,
    );

    let lines: Vec<ListItem> = if hours.is_empty() {
        vec![ListItem::new(Span::styled(
            "No hours logged for this area. Press h to log some.",
            THEME.muted,
        ))]
    } else {
        hours
            .iter()
            .map(|h| {
                ListItem::new(Line::from(vec![
                    Span::raw(format!("{}  ", h.date)),
                    Span::styled(
                        format!("{:>5} h  ", format_hours(u64::from(h.minutes))),
                        THEME.accent,
                    ),
                    Span::raw(h.note.clone()),
                ]))
            })
            .collect()
    };
    let hours_focused = view.pane == AreaPane::Hours;
    let mut hstate = ListState::default().with_selected(hours_focused.then_some(view.hours));
    frame.render_stateful_widget(
        List::new(lines)
            .block(panel("On-the-job hours (Tab)", hours_focused))
            .highlight_symbol("› ")
            .highlight_style(THEME.selected),
        hours_area,
        &mut hstate,
    );
}

fn draw_form(frame: &mut Frame, area: Rect, form: &CompetencyForm) {
    const MULTI: u16 = 4;
    let height = |label: &str| if label == "Evidence" { MULTI + 1 } else { 2 };
    let fields_h: u16 = form.labels.iter().map(|l| height(l)).sum();
    // Border, two lines of subject and a gap, the fields, two lines for a message.
    let rect = widgets::centered(area, 72, 2 + 3 + fields_h + 2);
    let inner = widgets::popup(frame, rect, form.title());
    let mut constraints = vec![Constraint::Length(3)];
    constraints.extend(form.labels.iter().map(|l| Constraint::Length(height(l))));
    constraints.push(Constraint::Min(0));
    let parts = Layout::vertical(constraints).split(inner);
    if let Some(r) = parts.first() {
        frame.render_widget(
            Paragraph::new(Span::styled(form.subject.clone(), THEME.accent))
                .wrap(Wrap { trim: true }),
            Rect {
                height: r.height.min(2),
                ..*r
            },
        );
    }
    for (i, (label, field)) in form.labels.iter().zip(&form.fields).enumerate() {
        let Some(r) = parts.get(i + 1) else {
            continue;
        };
        let focused = i == form.focus;
        if *label == "Evidence" {
            let [head, body] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(*r);
            frame.render_widget(
                Span::styled(
                    format!("{label}:"),
                    if focused { THEME.accent } else { THEME.muted },
                ),
                head,
            );
            frame.render_widget(field.textarea(), body);
        } else {
            widgets::inline_field(frame, *r, &format!("{label:<9}"), field, focused);
        }
    }
    if let (Some(err), Some(r)) = (&form.error, parts.last()) {
        frame.render_widget(
            Paragraph::new(Span::styled(err.clone(), THEME.error)).wrap(Wrap { trim: true }),
            *r,
        );
    }
}
