//! All saved sessions, newest first, filtered by peer and by words.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, TableState};

use super::home::flag_marks;
use super::theme::THEME;
use super::widgets::{self, panel};
use crate::app::App;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let [filters, list] = Layout::vertical([Constraint::Length(3), Constraint::Min(3)]).areas(area);
    let view = &app.history_view;
    let peer = view
        .peer
        .and_then(|id| app.peer(id))
        .map(|p| p.alias.clone())
        .unwrap_or_else(|| "all peers".into());
    let block = panel("Find", view.filtering);
    let inner = block.inner(filters);
    frame.render_widget(block, filters);
    let [words, who] =
        Layout::horizontal([Constraint::Min(20), Constraint::Length(24)]).areas(inner);
    widgets::inline_field(frame, words, "/", &view.filter, view.filtering);
    frame.render_widget(
        Line::from(vec![
            Span::styled("p ", THEME.key),
            Span::raw(widgets::truncate(&peer, 20)),
        ]),
        who,
    );

    let items = app.filtered_history();
    let title = format!("Sessions ({} of {})", items.len(), app.history.len());
    if items.is_empty() {
        let msg = if app.history.is_empty() {
            "No saved sessions yet. Notes appear here once a session is ended and saved."
        } else {
            "Nothing matches. Press c to clear the filters."
        };
        frame.render_widget(
            Paragraph::new(Span::styled(msg, THEME.muted)).block(panel(&title, true)),
            list,
        );
        return;
    }
    // The note column gets what the fixed columns leave (borders, marker, five gaps);
    // a longer preview is shortened with `…`, never cut mid-word by the border.
    let preview_width = usize::from(list.width.saturating_sub(2 + 2 + 52 + 5)).max(10);
    // Only the rows that fit are built: the list scrolls as a fresh table state would
    // (the selected row kept at the bottom once past the first page).
    let fits = usize::from(list.height.saturating_sub(3)).max(1);
    let selected = view.selected.min(items.len() - 1);
    let first = (selected + 1).saturating_sub(fits);
    let rows: Vec<Row> = items[first..items.len().min(first + fits)]
        .iter()
        .map(|h| {
            let amended = if h.amendments > 0 { " +" } else { "" };
            Row::new(vec![
                Cell::from(widgets::date_time(h.started_at)),
                Cell::from(&*h.peer_alias),
                Cell::from(h.kind.label()),
                Cell::from(widgets::minutes(h.duration_seconds)),
                Cell::from(format!(
                    "{}{}",
                    flag_marks(h.flags.safety_concern, h.flags.follow_up_needed),
                    amended
                )),
                Cell::from(widgets::fit(&h.preview, preview_width)),
            ])
        })
        .collect();
    let table = Table::new(
        rows,
        [
            Constraint::Length(16),
            Constraint::Length(10),
            Constraint::Length(9),
            Constraint::Length(7),
            Constraint::Length(10),
            Constraint::Min(10),
        ],
    )
    .header(Row::new(vec!["When", "Peer", "Kind", "Length", "Flags", "Note"]).style(THEME.muted))
    .block(panel(&title, !view.filtering))
    .row_highlight_style(THEME.selected)
    .highlight_symbol("› ");
    let mut state = TableState::default().with_selected(Some(selected - first));
    frame.render_stateful_widget(table, list, &mut state);
}
