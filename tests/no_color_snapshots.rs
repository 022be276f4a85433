//! With `NO_COLOR` set, no cell carries a colour, and every selection and the current stage
//! still show: by reverse video, and by a marker in the text. Snapshots at 80x24 and 50x14.
//! One test in this file: the palette is chosen once per process, from the environment.

mod common;

use alongside::app::App;
use alongside::ui;
use common::*;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

/// Whether the cells where `needle` starts are drawn in reverse video.
fn reversed_at(buf: &Buffer, needle: &str) -> bool {
    (0..buf.area.height).any(|y| {
        let row = row_text(buf, y);
        row.find(needle).is_some_and(|byte| {
            let x = row[..byte].chars().count() as u16;
            buf[(x, y)]
                .style()
                .add_modifier
                .contains(Modifier::REVERSED)
        })
    })
}

fn screens() -> Vec<(&'static str, App, &'static str)> {
    let mut out = Vec::new();
    let store = sample_store();
    out.push(("home", app_from(&store), "› "));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('h')));
    press(&mut app, &mut store, key(KeyCode::Down));
    out.push(("history", app, "› "));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Down));
    out.push(("kind", app, "› "));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press_at(&mut app, &mut store, key(KeyCode::Esc), at(5));
    press_at(&mut app, &mut store, key(KeyCode::Right), at(6));
    app.now = at(7);
    out.push(("session", app, "[2 Exploring]"));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press_at(&mut app, &mut store, key(KeyCode::Esc), at(5));
    press_at(&mut app, &mut store, key(KeyCode::Char('t')), at(6));
    app.now = at(7);
    out.push(("tool_list", app, ""));
    out
}

#[test]
fn without_colour_every_selection_and_the_current_stage_still_show() {
    // SAFETY: the only test in this binary, run before anything reads the environment.
    unsafe { std::env::set_var("NO_COLOR", "1") };
    assert!(ui::theme::no_color());
    for (name, app, marker) in screens() {
        for (w, h) in [(80, 24), (50, 14)] {
            let term = render(&app, w, h);
            let buf = term.backend().buffer();
            for y in 0..h {
                for x in 0..w {
                    let s = buf[(x, y)].style();
                    assert!(
                        matches!(s.fg, None | Some(Color::Reset))
                            && matches!(s.bg, None | Some(Color::Reset)),
                        "{name} {w}x{h}: colour at {x},{y}: {s:?}"
                    );
                }
            }
            let any_reversed = (0..h).any(|y| {
                (0..w).any(|x| {
                    buf[(x, y)]
                        .style()
                        .add_modifier
                        .contains(Modifier::REVERSED)
                })
            });
            assert!(any_reversed, "{name} {w}x{h}: nothing shows as selected");
            if !marker.is_empty() {
                let text: String = (0..h).map(|y| row_text(buf, y) + "\n").collect();
                assert!(
                    text.contains(marker),
                    "{name} {w}x{h}: no {marker:?}\n{text}"
                );
            }
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), term.backend());
        }
    }
    let home = render(&screens()[0].1, 80, 24);
    assert!(reversed_at(home.backend().buffer(), "New session"));

    // Help scrolls to its last line.
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('?')));
    app.viewport = (80, 24);
    press(&mut app, &mut store, key(KeyCode::End));
    let term = render(&app, 80, 24);
    let text: String = (0..24)
        .map(|y| row_text(term.backend().buffer(), y) + "\n")
        .collect();
    assert!(text.contains("Keys can be changed in keys.toml"), "{text}");
    assert!(text.contains("(end)"), "{text}");
    insta::assert_snapshot!("help_end_80x24", term.backend());
    // Esc on home leaves the app running; q asks nothing and quits.
    let mut store = sample_store();
    let mut app = app_from(&store);
    assert!(!press(&mut app, &mut store, key(KeyCode::Esc)));
    assert!(!press(&mut app, &mut store, key(KeyCode::Esc)));
    assert_eq!(app.screen, alongside::app::Screen::Home);
    assert!(press(&mut app, &mut store, key(KeyCode::Char('q'))));
}
