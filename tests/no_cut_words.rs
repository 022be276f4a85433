//! No word is cut at 80x24: every screen is drawn at 80x24 and again on a wide terminal,
//! where nothing needs cutting, and every word seen at 80 columns must be a whole word of
//! the wide drawing. Text that does not fit is wrapped or shortened on purpose (a shorter
//! form, or an ellipsis), never chopped by the edge of its box.

mod common;

use std::collections::BTreeSet;

use alongside::app::App;
use alongside::ui;
use common::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

fn rows(app: &App, w: u16, h: u16) -> Vec<String> {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| ui::draw(f, app)).expect("draw");
    let buf = term.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect())
        .collect()
}

/// The words of a drawing: box lines are gaps, and the punctuation around a word is not
/// part of it.
fn words(rows: &[String]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (y, row) in rows.iter().enumerate() {
        let cleaned: String = row
            .chars()
            .map(|c| {
                if ('\u{2500}'..='\u{257f}').contains(&c) {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        for token in cleaned.split_whitespace() {
            // Shortened on purpose.
            if token.ends_with('…') {
                continue;
            }
            let word = token.trim_matches(|c: char| !c.is_alphanumeric());
            if !word.is_empty() {
                out.push((y, word.to_string()));
            }
        }
    }
    out
}

/// Words that only a narrow drawing has, on purpose: the bar's `more`, short marks.
const NARROW_ONLY: [&str; 1] = ["more"];

/// The inside of the box titled `title` (a popup over a screen, whose edge hides the words
/// under it on purpose), each row cut to the box's columns.
fn inside(rows: &[String], title: &str) -> Vec<String> {
    let top = format!("╭ {title} ");
    let Some((y0, x0)) = rows
        .iter()
        .enumerate()
        .find_map(|(y, r)| r.find(&top).map(|b| (y, r[..b].chars().count())))
    else {
        panic!("no box titled {title:?}:\n{}", rows.join("\n"));
    };
    let chars: Vec<Vec<char>> = rows.iter().map(|r| r.chars().collect()).collect();
    let x1 = (x0 + 1..chars[y0].len())
        .find(|&x| chars[y0][x] == '╮')
        .unwrap_or(chars[y0].len());
    let y1 = (y0 + 1..chars.len())
        .find(|&y| chars[y].get(x0) == Some(&'╰'))
        .unwrap_or(chars.len() - 1);
    (0..chars.len())
        .map(|y| {
            if (y0..=y1).contains(&y) {
                chars[y][x0 + 1..x1].iter().collect()
            } else {
                String::new()
            }
        })
        .collect()
}

fn check(name: &str, app: &App, crop: Option<&str>, problems: &mut Vec<String>) {
    let narrow = rows(app, 80, 24);
    let narrow = match crop {
        Some(title) => inside(&narrow, title),
        None => narrow,
    };
    let mut whole: BTreeSet<String> = BTreeSet::new();
    for (w, h) in [(240, 60), (160, 40), (120, 24)] {
        whole.extend(words(&rows(app, w, h)).into_iter().map(|(_, w)| w));
    }
    for (y, word) in words(&narrow) {
        if whole.contains(&word) || NARROW_ONLY.contains(&word.as_str()) {
            continue;
        }
        // A word joined to another by a slash or dash is checked by its parts.
        let parts_whole = word
            .split(['/', '-', '—', '.', ',', ':', '('])
            .map(|p| p.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|p| !p.is_empty())
            .all(|p| {
                whole
                    .iter()
                    .any(|w| w == p || w.split(['/', '-']).any(|q| q == p))
            });
        if !parts_whole {
            problems.push(format!(
                "{name}: {word:?} cut in row {y}: {}",
                narrow[y].trim_end()
            ));
        }
    }
}

/// Runs steps from home: key names in capitals, `^x` for Ctrl+x, `TICK` for a minute of
/// time (autosave), anything else typed key by key.
fn reach(steps: &[&str]) -> App {
    let mut store = sample_store();
    let mut app = app_from(&store);
    app.viewport = (80, 24);
    let mut minute = 0;
    for step in steps {
        let ev = match *step {
            "ESC" => key(KeyCode::Esc),
            "TAB" => key(KeyCode::Tab),
            "ENTER" => key(KeyCode::Enter),
            "DOWN" => key(KeyCode::Down),
            "UP" => key(KeyCode::Up),
            "RIGHT" => key(KeyCode::Right),
            "END" => key(KeyCode::End),
            "F9" => key(KeyCode::F(9)),
            "TICK" => {
                minute += 1;
                tick(&mut app, &mut store, at(minute));
                app.now = at(minute);
                continue;
            }
            s if s.starts_with('^') && s.len() == 2 => ctrl(s.chars().nth(1).unwrap_or('x')),
            text => {
                type_text(&mut app, &mut store, text);
                continue;
            }
        };
        press(&mut app, &mut store, ev);
    }
    app
}

const SESSION: [&str; 6] = [
    "n",
    "ENTER",
    "ENTER",
    "TICK",
    "Checked in about the week.",
    "TICK",
];

fn with_session(more: &[&str]) -> Vec<&'static str> {
    let mut steps: Vec<&str> = SESSION.to_vec();
    steps.extend(
        more.iter()
            .map(|s| -> &'static str { Box::leak(s.to_string().into_boxed_str()) }),
    );
    steps
}

#[test]
fn no_screen_cuts_a_word_at_80x24() {
    let mut screens: Vec<(String, App, Option<&str>)> = Vec::new();
    // Home is checked in its Start panel: Coming up is being reworked with the goals.
    let from_home: &[(&str, &[&str], Option<&str>)] = &[
        ("home", &[], Some("Start")),
        ("peers", &["p", "DOWN"], None),
        ("peer form", &["p", "a", "Maria Lopez"], Some("New peer")),
        ("new session", &["n"], None),
        ("kind of meeting", &["n", "ENTER"], None),
        ("history", &["h"], None),
        ("note", &["h", "ENTER"], None),
        ("help", &["?"], Some("Help")),
        ("help at its end", &["?", "END"], Some("Help")),
        ("crisis lines", &["F9"], Some("Crisis lines (F9)")),
        ("reference", &["g"], None),
        ("reference entry", &["g", "ENTER"], None),
        ("tools", &["t"], None),
        ("practice", &["d"], None),
        ("competencies", &["c"], None),
        ("activity log", &["a"], None),
        ("reports", &["m"], None),
        ("settings", &["s"], Some("Settings")),
    ];
    for (name, steps, crop) in from_home {
        screens.push((name.to_string(), reach(steps), *crop));
    }
    // The session with both flags and its draft kept.
    screens.push((
        "session".into(),
        reach(&with_session(&["ESC", "f", "!", "TICK"])),
        None,
    ));
    screens.push((
        "session help".into(),
        reach(&with_session(&["ESC", "?"])),
        Some("Help"),
    ));
    // Every field of the end-of-session form.
    for field in 0..7 {
        let mut more = vec!["ESC", "e"];
        more.extend(std::iter::repeat_n("TAB", field));
        screens.push((
            format!("summary field {field}"),
            reach(&with_session(&more)),
            None,
        ));
    }
    // A goal whose step has someone and a date.
    screens.push((
        "summary goal with a step".into(),
        reach(&with_session(&[
            "ESC",
            "e",
            "TAB",
            "TAB",
            "TAB",
            "TAB",
            "a",
            "Back at work part-time",
            "TAB",
            "Update the resume and send it to the agency",
            "TAB",
            "JM",
            "TAB",
            "2026-03-14",
            "^s",
        ])),
        None,
    ));
    // Every tool, as it opens in a session.
    let names: Vec<String> = reach(&[])
        .content
        .tools()
        .iter()
        .map(|t| t.name.clone())
        .collect();
    for name in names {
        let app = reach(&with_session(&["ESC", "t", name.as_str(), "ENTER"]));
        screens.push((format!("tool {name}"), app, None));
    }

    let mut problems = Vec::new();
    for (name, app, crop) in &screens {
        check(name, app, *crop, &mut problems);
    }
    assert!(
        problems.is_empty(),
        "{} cut words:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
