//! Choosing who the session is with, and how it takes place.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::theme::THEME;
use super::widgets::{self, panel};
use crate::app::App;
use crate::app::peers::peer_choices;
use crate::domain::SessionKind;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let rect = widgets::centered(area, 64, area.height);
    if let Some(peer) = app.new_session.peer.and_then(|id| app.peer(id)) {
        let items: Vec<ListItem> = SessionKind::ALL
            .iter()
            .map(|k| ListItem::new(format!("  {}", k.label())))
            .collect();
        let mut state = ListState::default().with_selected(Some(app.new_session.kind));
        let block = panel(
            &format!("Session with {}: how are you meeting?", peer.alias),
            true,
        );
        frame.render_stateful_widget(
            List::new(items)
                .block(block)
                .highlight_style(THEME.selected)
                .highlight_symbol("› "),
            widgets::centered(rect, rect.width, 9),
            &mut state,
        );
        return;
    }
    let [filter, list] = Layout::vertical([Constraint::Length(3), Constraint::Min(3)]).areas(rect);
    widgets::field(
        frame,
        filter,
        "Who is this session with?",
        &app.new_session.filter,
        true,
    );
    let choices = peer_choices(app);
    let mut items: Vec<ListItem> = choices
        .iter()
        .map(|p| {
            let stats = app.stats(p.id);
            let last = stats
                .last_session
                .map(|t| format!("last {}", widgets::date(t)))
                .unwrap_or_else(|| "no sessions yet".into());
            ListItem::new(Line::from(vec![
                Span::raw(format!("  {:<20}", widgets::truncate(&p.alias, 20))),
                Span::styled(last, THEME.muted),
            ]))
        })
        .collect();
    let typed = app.new_session.filter.text();
    let add = if typed.trim().is_empty() {
        "  + Add a new peer".to_string()
    } else {
        format!(
            "  + Add \"{}\" as a new peer",
            widgets::truncate(typed.trim(), 24)
        )
    };
    items.push(ListItem::new(Span::styled(add, THEME.accent)));
    let mut state = ListState::default().with_selected(Some(app.new_session.selected));
    frame.render_stateful_widget(
        List::new(items)
            .block(panel("Peers", false))
            .highlight_style(THEME.selected)
            .highlight_symbol("› "),
        list,
        &mut state,
    );
    if choices.is_empty() && app.peers.is_empty() {
        let hint = Rect {
            y: list.bottom().saturating_sub(2),
            height: 1.min(list.height),
            x: list.x + 2,
            width: list.width.saturating_sub(4),
        };
        frame.render_widget(
            Paragraph::new(Span::styled(
                "Type initials or a nickname, then Enter.",
                THEME.muted,
            )),
            hint,
        );
    }
}
