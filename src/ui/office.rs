//! The settings form (a popup over Home) and the activity log screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use super::theme::THEME;
use super::widgets::{self, panel};
use crate::app::App;
use crate::app::office::{ActivityField, SettingsForm};
use crate::domain::activity_log::IndirectActivity;
use crate::domain::report::hours;
use crate::domain::settings::SettingField;

pub fn draw_settings(frame: &mut Frame, area: Rect, form: &SettingsForm) {
    let rows = SettingField::ALL.len() as u16 + 4;
    let rect = widgets::centered(area, 66, rows + 2);
    let title = if form.first_run {
        "Welcome: who writes these notes?"
    } else {
        "Settings"
    };
    let inner = widgets::popup(frame, rect, title);
    let mut constraints = vec![Constraint::Length(2)];
    constraints.extend(SettingField::ALL.iter().map(|_| Constraint::Length(1)));
    constraints.push(Constraint::Min(0));
    let areas = Layout::vertical(constraints).split(inner);
    let intro = if form.first_run {
        "Used on progress notes and reports. Esc skips: it will not be asked again (Home, s)."
    } else {
        "Used on progress notes and reports. Ctrl+S saves."
    };
    frame.render_widget(
        Paragraph::new(Span::styled(intro, THEME.muted)).wrap(Wrap { trim: true }),
        areas[0],
    );
    for (i, (f, field)) in SettingField::ALL.iter().zip(&form.fields).enumerate() {
        if let Some(a) = areas.get(1 + i) {
            widgets::inline_field(
                frame,
                *a,
                &format!("{:<22}", f.label()),
                field,
                i == form.focus,
            );
        }
    }
    if let (Some(e), Some(last)) = (&form.error, areas.last()) {
        frame.render_widget(
            Paragraph::new(Span::styled(e.clone(), THEME.error)).wrap(Wrap { trim: true }),
            *last,
        );
    }
}

pub fn draw_activity(frame: &mut Frame, area: Rect, app: &App) {
    let view = &app.activity;
    let Some(log) = &view.log else {
        frame.render_widget(
            Paragraph::new("Reading the activity log…").block(panel("Activity log", true)),
            area,
        );
        return;
    };
    let [list_area, help] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(area);
    let width = list_area.width.saturating_sub(4) as usize;
    let items: Vec<ListItem> = log
        .entries
        .iter()
        .rev()
        .map(|e| {
            let who = e
                .peer_alias
                .as_deref()
                .map(|a| format!(" · {a}"))
                .unwrap_or_default();
            let head = format!(
                "{}  {:>5}  {}{who}",
                e.date,
                hours(e.minutes),
                e.activity.label()
            );
            let mut lines = vec![Line::from(widgets::truncate(&head, width))];
            if !e.note.trim().is_empty() {
                lines.push(Line::from(Span::styled(
                    widgets::truncate(&format!("      {}", e.note), width),
                    THEME.muted,
                )));
            }
            ListItem::new(lines)
        })
        .collect();
    let empty = items.is_empty();
    let mut state = ListState::default().with_selected((!empty).then_some(view.selected));
    let total: u32 = log.entries.iter().map(|e| e.minutes).sum();
    let title = format!("Activity log · {} logged in all", hours(total));
    if empty {
        frame.render_widget(
            Paragraph::new(vec![
                Line::from("Nothing logged yet."),
                Line::from(vec![
                    Span::raw("Press "),
                    widgets::key_span("a"),
                    Span::raw(" to log team communication, administration, supervision and other work around sessions."),
                ]),
            ])
            .wrap(Wrap { trim: true })
            .block(panel(&title, view.form.is_none())),
            list_area,
        );
    } else {
        frame.render_stateful_widget(
            List::new(items)
                .block(panel(&title, view.form.is_none()))
                .highlight_style(THEME.selected),
            list_area,
            &mut state,
        );
    }
    frame.render_widget(
        Paragraph::new(Span::styled(
            "Sessions count themselves; log here the indirect work. It shows in Reports (m on Home).",
            THEME.muted,
        ))
        .wrap(Wrap { trim: true }),
        help,
    );
    if view.form.is_some() {
        draw_activity_form(frame, area, app);
    }
}

fn draw_activity_form(frame: &mut Frame, area: Rect, app: &App) {
    let Some(form) = &app.activity.form else {
        return;
    };
    let rect = widgets::centered(area, 64, 10);
    let inner = widgets::popup(frame, rect, "Log an activity");
    let mut constraints: Vec<Constraint> = ActivityField::ALL
        .iter()
        .map(|_| Constraint::Length(1))
        .collect();
    constraints.push(Constraint::Min(0));
    let areas = Layout::vertical(constraints).split(inner);
    for (i, f) in ActivityField::ALL.iter().enumerate() {
        let Some(a) = areas.get(i) else { break };
        let focused = form.focus == i;
        let label = format!("{:<16}", f.label());
        match f {
            ActivityField::Date => widgets::inline_field(frame, *a, &label, &form.date, focused),
            ActivityField::Minutes => {
                widgets::inline_field(frame, *a, &label, &form.minutes, focused)
            }
            ActivityField::Peer => widgets::inline_field(frame, *a, &label, &form.peer, focused),
            ActivityField::Note => widgets::inline_field(frame, *a, &label, &form.note, focused),
            ActivityField::Activity => {
                let style = if focused { THEME.selected } else { THEME.text };
                let n = IndirectActivity::ALL.len();
                frame.render_widget(
                    Line::from(vec![
                        Span::styled(label, if focused { THEME.accent } else { THEME.muted }),
                        Span::styled(format!("◂ {} ▸", form.activity().label()), style),
                        Span::styled(format!(" {}/{n}", form.activity + 1), THEME.muted),
                    ]),
                    *a,
                );
            }
        }
    }
    if let (Some(e), Some(last)) = (&form.error, areas.last()) {
        frame.render_widget(
            Paragraph::new(Span::styled(e.clone(), THEME.error)).wrap(Wrap { trim: true }),
            *last,
        );
    }
}
