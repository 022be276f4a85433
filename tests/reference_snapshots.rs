//! The reference screen at 80x24 (browse, search results, an entry open, in a session, no
//! match), highlight styles, and a sweep proving it never panics at any size.

mod common;

use alongside::app::App;
use alongside::ui::{self, theme::THEME};
use common::*;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;

fn opened(query: &str) -> App {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ctrl('g'));
    type_text(&mut app, &mut store, query);
    app
}

fn screens() -> Vec<(&'static str, App)> {
    let mut out = Vec::new();

    out.push(("reference_browse", opened("")));

    let mut store = sample_store();
    let mut app = opened("");
    press(&mut app, &mut store, key(KeyCode::Tab));
    press(&mut app, &mut store, key(KeyCode::Tab));
    press(&mut app, &mut store, key(KeyCode::Down));
    out.push(("reference_browse_competencies", app));

    out.push((
        "reference_search",
        opened("what were the three steps of gentle refusal"),
    ));

    let mut app = opened("three steps gentle refusal");
    press(&mut app, &mut store, key(KeyCode::Enter));
    out.push(("reference_entry", app));

    // In a session: the entry view offers to add lines to the notes.
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "Checked in about the week.");
    press(&mut app, &mut store, ctrl('g'));
    type_text(&mut app, &mut store, "signs ready to plan");
    press(&mut app, &mut store, key(KeyCode::Enter));
    out.push(("reference_entry_in_session", app));

    out.push(("reference_no_match", opened("saftee")));
    out
}

#[test]
fn reference_at_80x24() {
    for (name, app) in screens() {
        let term = render(&app, 80, 24);
        insta::assert_snapshot!(name, term.backend());
    }
}

#[test]
fn reference_at_the_smallest_size_keeps_every_tab_and_the_best_result() {
    let term = render(&opened(""), ui::MIN_WIDTH, ui::MIN_HEIGHT);
    insta::assert_snapshot!("reference_browse_50x14", term.backend());
    let term = render(
        &opened("ask permission share"),
        ui::MIN_WIDTH,
        ui::MIN_HEIGHT,
    );
    insta::assert_snapshot!("reference_search_50x14", term.backend());
}

#[test]
fn reference_never_panics_at_any_size() {
    for (_, app) in screens() {
        // Every width up to 30 (where layouts give out), then a sample beyond.
        let widths = (0..=30).chain((31..=120).step_by(7)).chain([79, 80, 81]);
        for w in widths {
            for h in (0..=40).step_by(3) {
                render(&app, w, h);
            }
        }
        for w in ui::MIN_WIDTH - 1..=ui::MIN_WIDTH + 2 {
            for h in ui::MIN_HEIGHT - 1..=ui::MIN_HEIGHT + 2 {
                render(&app, w, h);
            }
        }
    }
}

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    (0..buf.area.height).find_map(|y| {
        let row = row_text(buf, y);
        row.find(needle).map(|byte| {
            // Columns, not bytes: count the characters before the match.
            (row[..byte].chars().count() as u16, y)
        })
    })
}

#[test]
fn the_selected_result_and_matched_words_are_highlighted() {
    let app = opened("gentle refusal");
    let term = render(&app, 80, 24);
    let buf = term.backend().buffer();
    // The first result is selected: drawn in the selection style.
    let (x, y) = find(buf, "Gentle refusal in three steps").expect("first result");
    let reversed =
        |s: ratatui::style::Style| s.add_modifier.contains(ratatui::style::Modifier::REVERSED);
    assert!(reversed(buf[(x, y)].style()));
    // A matched word in a result that is not selected is drawn in the match style.
    let later = (y + 2..buf.area.height)
        .find(|yy| row_text(buf, *yy).contains("refusal"))
        .expect("another result mentions refusal");
    let col = row_text(buf, later).find("refusal").expect("word") as u16;
    let col = row_text(buf, later)[..col as usize].chars().count() as u16;
    assert_eq!(buf[(col, later)].style().fg, THEME.key.fg);
    assert!(!reversed(buf[(col, later)].style()));
}

#[test]
fn the_line_cursor_is_marked_in_an_open_entry() {
    let mut store = sample_store();
    let mut app = opened("");
    press(&mut app, &mut store, key(KeyCode::Enter));
    let term = render(&app, 80, 24);
    let buf = term.backend().buffer();
    let marks: Vec<u16> = (0..24)
        .filter(|y| row_text(buf, *y).contains('▌'))
        .collect();
    assert!(!marks.is_empty(), "the cursor line is marked");
    let (x, y) = find(buf, "▌").expect("mark");
    assert_eq!(buf[(x, y)].style().fg, THEME.accent.fg);
}

#[test]
fn entries_wrap_within_80_columns_with_nothing_cut() {
    // Every word of a long entry's first lines appears on screen: wrapping, not clipping.
    let mut store = sample_store();
    let mut app = opened("gentle refusal");
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Up));
    let term = render(&app, 80, 24);
    let buf = term.backend().buffer();
    let screen: String = (0..24)
        .map(|y| row_text(buf, y))
        .collect::<Vec<_>>()
        .join(" ");
    let words: Vec<&str> = screen.split_whitespace().collect();
    let summary =
        "Say no to a request kindly: acknowledge it, state the limit, and offer what you can.";
    for w in summary.split_whitespace() {
        assert!(words.contains(&w), "{w} is on screen");
    }
}
