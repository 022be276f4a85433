//! The help overlay's content and scrolling: the crisis lines, then the keys of what you are
//! doing, then the keys that work anywhere, all drawn from the key tables. It scrolls with
//! the arrows, PgUp/PgDn and Home/End, and `/` narrows it to the keys that match.

use ratatui::crossterm::event::KeyCode;

use super::field::Typed;
use super::keymap::{self, Binding, Mode};
use super::{Action, App};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpView {
    /// The first row shown.
    pub scroll: usize,
    /// Words to find among the keys; empty shows them all.
    pub find: String,
    /// The find box has the keyboard.
    pub finding: bool,
}

/// One row of help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Heading(String),
    Crisis(String),
    Key { hint: String, label: &'static str },
    Note(&'static str),
    Blank,
}

/// Rows of the popup's frame, title bar, status and key bar around the list.
const CHROME_ROWS: u16 = 3 + 2 + 1;
/// The popup is at most this wide.
pub const WIDTH: u16 = 76;

/// How many rows of help fit on screen at once.
pub fn page_rows(app: &App) -> usize {
    usize::from(app.viewport.1.saturating_sub(CHROME_ROWS).max(1))
}

/// The first row of the last full page.
pub fn max_scroll(app: &App) -> usize {
    rows(app).len().saturating_sub(page_rows(app))
}

/// Every row of help for the mode under it, narrowed by the find box.
pub fn rows(app: &App) -> Vec<Row> {
    let mode = keymap::mode_under_help(app);
    let all = keymap::bindings(app, mode);
    let (own, anywhere) = all.split_at(all.len().saturating_sub(keymap::tail_len(mode)));
    let find = app.help.find.to_lowercase();
    let matches = |b: &Binding| {
        find.split_whitespace().all(|w| {
            b.label.to_lowercase().contains(w)
                || b.hint.to_lowercase().contains(w)
                || b.command().contains(w)
        })
    };
    let mut rows = vec![Row::Heading("If someone is in crisis".into())];
    let width = usize::from(app.viewport.0.min(WIDTH).saturating_sub(2)).max(20);
    for r in app.content.crisis().all() {
        rows.extend(
            word_wrap(&r.one_line(), width - 2, 4)
                .into_iter()
                .map(Row::Crisis),
        );
    }
    rows.push(Row::Blank);
    let section = |rows: &mut Vec<Row>, title: String, list: &[Binding]| {
        let mut shown = Vec::new();
        let mut last_label = "";
        for b in list.iter().filter(|b| matches(b)) {
            // Keys that share a line in the bar (1-5) share one line here too.
            if b.label == last_label {
                continue;
            }
            last_label = b.label;
            shown.push(Row::Key {
                hint: b.hint.to_string(),
                label: b.label,
            });
        }
        if !shown.is_empty() {
            rows.push(Row::Heading(title));
            rows.extend(shown);
            rows.push(Row::Blank);
        }
    };
    section(&mut rows, format!("{}: keys here", mode.title()), own);
    section(&mut rows, "Anywhere, even while typing".into(), anywhere);
    if !find.is_empty() && !rows.iter().any(|r| matches!(r, Row::Key { .. })) {
        rows.push(Row::Note("No key matches; Esc clears the search."));
    } else if mode.is_typing() {
        rows.push(Row::Note(
            "Other keys type into the field; shortcuts use Ctrl, Esc, Tab or F-keys.",
        ));
    }
    rows.push(Row::Note(
        "Keys can be changed in keys.toml in the config folder (see the README).",
    ));
    rows
}

/// Wraps at spaces to `width` columns (characters; the lines are plain text), continuation
/// rows indented by `hang`.
fn word_wrap(text: &str, width: usize, hang: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let room = if out.is_empty() { width } else { width - hang };
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
            out.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push(line);
    out.into_iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                l
            } else {
                format!("{}{l}", " ".repeat(hang))
            }
        })
        .collect()
}

/// Scrolling and finding while help is open.
pub fn update(app: &mut App, action: Action) {
    let page = page_rows(app).saturating_sub(1).max(1);
    let view = &mut app.help;
    match action {
        Action::Up => view.scroll = view.scroll.saturating_sub(1),
        Action::Down => view.scroll += 1,
        Action::PageUp => view.scroll = view.scroll.saturating_sub(page),
        Action::PageDown => view.scroll += page,
        Action::Top => view.scroll = 0,
        Action::Bottom => view.scroll = usize::MAX,
        Action::StartFilter => view.finding = true,
        Action::Submit => view.finding = false,
        Action::Back => {
            view.finding = false;
            view.find.clear();
            view.scroll = 0;
        }
        Action::Input(typed) if view.finding => {
            match typed {
                Typed::Key(key) => match key.code {
                    KeyCode::Char(c) => view.find.push(c),
                    KeyCode::Backspace => {
                        view.find.pop();
                    }
                    _ => {}
                },
                Typed::Paste(text) => view.find.push_str(&text.replace('\n', " ")),
            }
            view.scroll = 0;
        }
        _ => {}
    }
    let max = max_scroll(app);
    app.help.scroll = app.help.scroll.min(max);
}

/// The help mode: reading, or typing in the find box.
pub fn mode(app: &App) -> Mode {
    if app.help.finding {
        Mode::HelpFind
    } else {
        Mode::Help
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Screen, update};
    use crate::domain::Timestamp;

    fn app_in_session_help(h: u16) -> App {
        let mut app = App::new(vec![], vec![], vec![], vec![], Timestamp::default());
        app.screen = Screen::Home;
        app.viewport = (80, h);
        update(&mut app, Action::ToggleHelp, Timestamp::default());
        app
    }

    #[test]
    fn help_scrolls_to_its_last_line_and_back() {
        let mut app = app_in_session_help(24);
        let total = rows(&app).len();
        assert!(total > page_rows(&app), "home help is longer than a page");
        update(&mut app, Action::Bottom, Timestamp::default());
        assert_eq!(app.help.scroll, total - page_rows(&app));
        // One more line down stays at the end; one up moves at once.
        update(&mut app, Action::Down, Timestamp::default());
        assert_eq!(app.help.scroll, total - page_rows(&app));
        update(&mut app, Action::Up, Timestamp::default());
        assert_eq!(app.help.scroll, total - page_rows(&app) - 1);
        update(&mut app, Action::Top, Timestamp::default());
        assert_eq!(app.help.scroll, 0);
        update(&mut app, Action::PageDown, Timestamp::default());
        assert_eq!(app.help.scroll, (page_rows(&app) - 1).min(max_scroll(&app)));
    }

    #[test]
    fn help_lists_the_crisis_lines_and_finds_keys() {
        let mut app = app_in_session_help(24);
        let all = rows(&app);
        let text = |rows: &[Row]| format!("{rows:?}");
        assert!(text(&all).contains("988"));
        assert!(text(&all).contains("741741"));
        assert!(text(&all).contains("1-800-662-4357"));
        update(&mut app, Action::StartFilter, Timestamp::default());
        assert_eq!(keymap::mode(&app), Mode::HelpFind);
        for c in "quit".chars() {
            let key = ratatui::crossterm::event::KeyEvent::from(KeyCode::Char(c));
            update(&mut app, Action::Input(key.into()), Timestamp::default());
        }
        let found = rows(&app);
        let keys: Vec<&Row> = found
            .iter()
            .filter(|r| matches!(r, Row::Key { .. }))
            .collect();
        assert!(!keys.is_empty());
        assert!(keys.iter().all(|r| format!("{r:?}").contains("quit")));
        // The crisis lines stay whatever is found.
        assert!(text(&found).contains("988"));
        update(&mut app, Action::Back, Timestamp::default());
        assert!(app.help.find.is_empty());
        assert!(app.help_open, "Esc in the find box clears it, help stays");
    }
}
