//! Home: what can be done, recent sessions, and anything that needs attention.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

use super::theme::THEME;
use super::widgets::{self, panel};
use crate::app::{App, HOME_MENU};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let [left, right] =
        Layout::horizontal([Constraint::Length(30), Constraint::Min(10)]).areas(area);

    let mut items: Vec<ListItem> = HOME_MENU
        .iter()
        .map(|(key, label, _)| {
            ListItem::new(Line::from(vec![
                Span::styled(format!(" {key} "), THEME.key),
                Span::raw(*label),
            ]))
        })
        .collect();
    items.push(ListItem::new(""));
    let mut state = ListState::default().with_selected(Some(app.home_selected));
    let [menu_area, about] = Layout::vertical([
        Constraint::Length(HOME_MENU.len() as u16 + 3),
        Constraint::Min(0),
    ])
    .areas(left);
    frame.render_stateful_widget(
        List::new(items)
            .block(panel("Start", true))
            .highlight_style(THEME.selected)
            .highlight_symbol("› "),
        menu_area,
        &mut state,
    );
    let counts = vec![
        Line::from(vec![
            Span::styled(
                format!("{}", app.peers.iter().filter(|p| !p.archived).count()),
                THEME.accent,
            ),
            Span::raw(" peers"),
        ]),
        Line::from(vec![
            Span::styled(format!("{}", app.history.len()), THEME.accent),
            Span::raw(" saved sessions"),
        ]),
        Line::from(""),
        Line::from(Span::styled("Press ? for help on any screen.", THEME.muted)),
        Line::from(Span::styled(
            "Ctrl+G opens the reference from anywhere.",
            THEME.muted,
        )),
    ];
    frame.render_widget(
        Paragraph::new(counts)
            .block(panel("Your notes", false))
            .wrap(Wrap { trim: true }),
        about,
    );

    // Coming up first: what needs doing matters more than what was done.
    let [due_area, recent_area] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Min(3)]).areas(right);
    super::journey::draw_coming_up(frame, due_area, app);
    let right = recent_area;
    let mut lines: Vec<Line> = Vec::new();
    if !app.drafts.is_empty() {
        lines.push(Line::from(vec![
            Span::styled("Unfinished: ", THEME.warning),
            Span::raw(format!(
                "{} session(s) kept from last time. Press ",
                app.drafts.len()
            )),
            widgets::key_span("r"),
            Span::raw(" to resume."),
        ]));
        lines.push(Line::from(""));
    }
    for notice in &app.notices {
        lines.push(Line::from(Span::styled(format!("! {notice}"), THEME.error)));
    }
    if !app.notices.is_empty() {
        lines.push(Line::from(""));
    }
    let recent: Vec<_> = app.history.iter().collect();
    if recent.is_empty() {
        lines.push(Line::from(Span::styled(
            "None yet. Press n to start one: add the peer by initials or a nickname.",
            THEME.muted,
        )));
    }
    let width = right.width.saturating_sub(4) as usize;
    for item in recent
        .into_iter()
        .take(right.height.saturating_sub(4) as usize)
    {
        let flags = flag_marks(item.flags.safety_concern, item.flags.follow_up_needed);
        let head = format!(
            "{}  {:<10} {:>7} {}",
            widgets::date(item.started_at),
            widgets::truncate(&item.peer_alias, 10),
            widgets::minutes(item.duration_seconds),
            flags
        );
        lines.push(Line::from(widgets::truncate(&head, width)));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(panel("Recent sessions", false))
            .wrap(Wrap { trim: false }),
        recent_area,
    );
}

/// Short markers for flags, as lists show them (at most 10 columns).
pub fn flag_marks(safety: bool, follow_up: bool) -> &'static str {
    match (safety, follow_up) {
        (true, true) => "safety+f/u",
        (true, false) => "safety",
        (false, true) => "follow-up",
        (false, false) => "",
    }
}

pub fn draw_drafts(frame: &mut Frame, area: Rect, app: &App) {
    let rect = widgets::centered(area, 70, 14);
    let block = panel("A session was not finished", true);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [intro, list] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(
            "The app closed while a session was running. Its notes were kept. Resume it to carry on and end it properly.",
        )
        .wrap(Wrap { trim: true }),
        intro,
    );
    let items: Vec<ListItem> = app
        .drafts
        .iter()
        .map(|d| {
            let words = d.notes.split_whitespace().count();
            ListItem::new(format!(
                "{}  {}  {}  {} words of notes",
                widgets::date_time(d.started_at),
                widgets::truncate(&d.peer_alias, 12),
                d.current_stage(),
                words
            ))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(app.draft_selected));
    frame.render_stateful_widget(
        List::new(items)
            .highlight_style(THEME.selected)
            .highlight_symbol("› "),
        list,
        &mut state,
    );
}
