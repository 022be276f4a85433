//! Every tool, the palette and the tools screen at 80x24 (TestBackend + insta), and a sweep
//! proving none of them panics at any size.

mod common;

use alongside::app::App;
use common::*;
use ratatui::crossterm::event::KeyCode;

fn ch(c: char) -> ratatui::crossterm::event::KeyEvent {
    key(KeyCode::Char(c))
}

/// A session with JD, in `stage`, with a line of notes, at minute 12.
fn session(stage: char) -> (App, MemoryStore) {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ch('n'));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    tick(&mut app, &mut store, t0());
    type_text(&mut app, &mut store, "Checked in about the week.");
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, ch(stage));
    app.now = at(12);
    (app, store)
}

fn with_tool(stage: char, search: &str, keys: &[&str]) -> App {
    let (mut app, mut store) = session(stage);
    press(&mut app, &mut store, ch('t'));
    type_text(&mut app, &mut store, search);
    press(&mut app, &mut store, key(KeyCode::Enter));
    for k in keys {
        match *k {
            "TAB" => press(&mut app, &mut store, key(KeyCode::Tab)),
            "ESC" => press(&mut app, &mut store, key(KeyCode::Esc)),
            "ENTER" => press(&mut app, &mut store, key(KeyCode::Enter)),
            "DOWN" => press(&mut app, &mut store, key(KeyCode::Down)),
            "RIGHT" => press(&mut app, &mut store, key(KeyCode::Right)),
            text => {
                type_text(&mut app, &mut store, text);
                false
            }
        };
    }
    app.now = at(12);
    app
}

fn screens() -> Vec<(&'static str, App)> {
    let mut out = Vec::new();

    let (mut app, mut store) = session('2');
    press(&mut app, &mut store, ch('t'));
    out.push(("palette_exploring", app));

    let (mut app, mut store) = session('1');
    press(&mut app, &mut store, ch('t'));
    type_text(&mut app, &mut store, "plan");
    out.push(("palette_filtered", app));

    out.push(("tool_oars", with_tool('2', "oars", &["n"])));
    out.push((
        "tool_reflective_listening",
        with_tool('1', "reflective", &["RIGHT", "RIGHT", "n", "n"]),
    ));
    out.push((
        "tool_initial_meeting",
        with_tool('1', "initial", &[" ", "j", "x", "ENTER", "went well"]),
    ));
    out.push(("tool_self_care", with_tool('1', "self-care", &["RIGHT"])));
    out.push((
        "tool_advantages_disadvantages",
        with_tool(
            '2',
            "advantages",
            &[
                "a",
                "helps me unwind\n",
                "a",
                "friends at the bar\n",
                "4",
                "TAB",
                "a",
                "money\n",
                "a",
                "sleep\n",
                "5",
                "TAB",
                "a",
                "more time with the kids\n",
                "TAB",
                "a",
                "losing my crowd",
            ],
        ),
    ));
    out.push((
        "tool_exploring_values",
        with_tool(
            '2',
            "values",
            &[
                " ",
                "j",
                "j",
                " ",
                "a",
                "Gardening\n",
                "TAB",
                "ENTER",
                "weekends outside\n",
            ],
        ),
    ));
    out.push((
        "tool_ask_share_ask",
        with_tool(
            '3',
            "ask-share",
            &[
                "DOWN",
                "TAB",
                "asked what they knew about the food bank; wanted to hear more",
            ],
        ),
    ));
    out.push((
        "tool_response_to_anger",
        with_tool('3', "anger", &["being kept waiting", "TAB"]),
    ));
    out.push((
        "tool_gentle_refusal",
        with_tool('3', "gentle", &["Lend me twenty dollars", "TAB", "TAB"]),
    ));
    out.push((
        "tool_safety_plan",
        with_tool(
            '3',
            "safety",
            &[
                "Not sleeping\nPulling away from friends",
                "TAB",
                "Walk the dog",
            ],
        ),
    ));
    out.push((
        "tool_concluding_relationship",
        with_tool('3', "concluding", &[" ", "j"]),
    ));
    out.push(("tool_advocacy", with_tool('5', "advocacy", &["RIGHT"])));
    out.push((
        "tool_planning_goal",
        with_tool(
            '4',
            "planning",
            &[
                "TAB",
                "TAB",
                "TAB",
                "Back at work part-time",
                "TAB",
                "12w",
                "TAB",
                "a",
                "Visit the job center",
                "TAB",
                "+7",
            ],
        ),
    ));
    out.push((
        "tool_brainstorming",
        with_tool(
            '4',
            "brainstorm",
            &["a", "walk to the library\n", "a", "join a choir\n"],
        ),
    ));
    out.push((
        "tool_planning_possibilities",
        with_tool('4', "pitfalls", &["DOWN", "DOWN"]),
    ));

    // A session with a peer whose safety plan is on file shows the banner.
    let (mut app, mut store) = session('1');
    press(&mut app, &mut store, ch('s'));
    type_text(&mut app, &mut store, "Not sleeping");
    press(&mut app, &mut store, ctrl('s'));
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, ch('e'));
    press(&mut app, &mut store, ctrl('s'));
    press(&mut app, &mut store, ch('y')); // the summary is empty: save it so
    press(&mut app, &mut store, ch('n'));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    tick(&mut app, &mut store, at(1));
    app.now = at(2);
    out.push(("session_with_safety_plan", app));

    let (mut app, mut store) = session('3');
    press(&mut app, &mut store, ch('s'));
    type_text(&mut app, &mut store, "Not sleeping");
    press(&mut app, &mut store, ctrl('s'));
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "Walk the dog");
    press(&mut app, &mut store, ctrl('s'));
    press(&mut app, &mut store, key(KeyCode::F(6)));
    press(&mut app, &mut store, key(KeyCode::Left));
    app.now = at(12);
    out.push(("tool_safety_plan_versions", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ch('t'));
    out.push(("tools_home", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ch('t'));
    type_text(&mut app, &mut store, "values");
    press(&mut app, &mut store, key(KeyCode::Enter));
    out.push(("tools_pick_peer", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ch('t'));
    type_text(&mut app, &mut store, "advantages");
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Down));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, ch('a'));
    type_text(&mut app, &mut store, "quiet evenings\n");
    out.push(("tools_standalone_open", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ch('t'));
    type_text(&mut app, &mut store, "values");
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Down));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, ch(' '));
    press(&mut app, &mut store, ctrl('s'));
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, ch('t'));
    press(&mut app, &mut store, key(KeyCode::Tab));
    out.push(("tools_home_saved", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ch('t'));
    type_text(&mut app, &mut store, "gentle");
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "a ride");
    press(&mut app, &mut store, key(KeyCode::Esc));
    out.push(("tools_confirm_discard", app));

    let mut app = with_tool('2', "advantages", &[]);
    let mut store = sample_store();
    press(&mut app, &mut store, ch('?'));
    out.push(("tools_help", app));

    out
}

#[test]
fn tools_at_80x24() {
    for (name, app) in screens() {
        let term = render(&app, 80, 24);
        insta::assert_snapshot!(name, term.backend());
    }
}

#[test]
fn no_tool_screen_panics_at_any_size() {
    for (_, app) in screens() {
        draw_on_size_grid(&app);
    }
}

#[test]
fn the_selected_tool_and_the_focused_box_are_highlighted() {
    let (name, app) = screens()
        .into_iter()
        .find(|(n, _)| *n == "palette_exploring")
        .expect("palette");
    let term = render(&app, 80, 24);
    let buf = term.backend().buffer();
    let first = app.content.tools_for(alongside::domain::Stage::Exploring)[0]
        .name
        .clone();
    let first_char = first.chars().next().expect("a name").to_string();
    // The cell where the name starts: rows are matched cell by cell, not byte by byte.
    let (x, y) = (0..24u16)
        .find_map(|y| {
            let cells: Vec<&str> = (0..80u16).map(|x| buf[(x, y)].symbol()).collect();
            let row: String = cells.concat();
            row.contains(&first).then(|| {
                let x = (0..80u16)
                    .find(|x| {
                        cells[*x as usize] == first_char
                            && cells[*x as usize..].concat().starts_with(&first)
                    })
                    .expect("x");
                (x, y)
            })
        })
        .expect("the first suggested tool is listed");
    assert!(
        buf[(x, y)]
            .style()
            .add_modifier
            .contains(ratatui::style::Modifier::REVERSED),
        "{name}: the first row is selected"
    );
}
