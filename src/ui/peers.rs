//! The peers list and the add/edit peer form.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState, Wrap};

use super::theme::THEME;
use super::widgets::{self, panel};
use crate::app::App;
use crate::app::peers::PeerForm;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let peers = app.visible_peers();
    let [list_area, detail] =
        Layout::vertical([Constraint::Min(5), Constraint::Length(5)]).areas(area);
    let title = if app.peers_view.show_archived {
        "Peers (including archived)"
    } else {
        "Peers"
    };
    if peers.is_empty() {
        frame.render_widget(
            Paragraph::new(vec![
                Line::from("No peers yet."),
                Line::from(vec![
                    Span::raw("Press "),
                    widgets::key_span("a"),
                    Span::raw(" to add one by initials or a nickname."),
                ]),
            ])
            .block(panel(title, true)),
            list_area,
        );
        return;
    }
    let rows: Vec<Row> = peers
        .iter()
        .map(|p| {
            let stats = app.stats(p.id);
            let last = stats
                .last_session
                .map(widgets::date)
                .unwrap_or_else(|| "never".into());
            let alias = if p.archived {
                format!("{} (archived)", p.alias)
            } else {
                p.alias.clone()
            };
            Row::new(vec![
                Cell::from(alias),
                Cell::from(p.pronouns.clone().unwrap_or_default()),
                Cell::from(last),
                Cell::from(format!("{:>4}", stats.sessions)),
            ])
        })
        .collect();
    let header = Row::new(vec!["Alias", "Pronouns", "Last session", "Sessions"]).style(THEME.muted);
    let table = Table::new(
        rows,
        [
            Constraint::Min(14),
            Constraint::Length(12),
            Constraint::Length(12),
            Constraint::Length(8),
        ],
    )
    .header(header)
    .block(panel(title, true))
    .row_highlight_style(THEME.selected)
    .highlight_symbol("› ");
    let mut state = TableState::default().with_selected(Some(app.peers_view.selected));
    frame.render_stateful_widget(table, list_area, &mut state);

    if let Some(p) = peers.get(app.peers_view.selected) {
        let prefs = if p.preferences.is_empty() {
            Span::styled("No preferences noted. Press e to add some.", THEME.muted)
        } else {
            Span::raw(p.preferences.clone())
        };
        frame.render_widget(
            Paragraph::new(prefs)
                .wrap(Wrap { trim: true })
                .block(panel(&format!("{}: preferences", p.alias), false)),
            detail,
        );
    }
}

pub fn draw_form(frame: &mut Frame, area: Rect, form: &PeerForm) {
    let title = if form.editing.is_some() {
        "Edit peer"
    } else {
        "New peer"
    };
    let rect = widgets::centered(area, 64, 19);
    let inner = widgets::popup(frame, rect, title);
    let [alias, pronouns, check_in, prefs, msg] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Length(3),
        Constraint::Min(3),
        Constraint::Length(2),
    ])
    .areas(inner);
    widgets::field(frame, alias, "Alias", &form.alias, form.focus == 0);
    widgets::field(frame, pronouns, "Pronouns", &form.pronouns, form.focus == 1);
    widgets::field(
        frame,
        check_in,
        "Check in every (days)",
        &form.check_in,
        form.focus == 2,
    );
    widgets::field(
        frame,
        prefs,
        "Preferences",
        &form.preferences,
        form.focus == 3,
    );
    let message = match (&form.error, form.alias_warning()) {
        (Some(e), _) => Span::styled(e.clone(), THEME.error),
        (None, Some(w)) => Span::styled(w, THEME.warning),
        (None, None) => Span::styled(
            "Aliases only: initials or a nickname. No full names.",
            THEME.muted,
        ),
    };
    frame.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), msg);
}
