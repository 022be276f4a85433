//! The quick reference as a person uses it: opened from anywhere, searched, read, added to
//! session notes, and closed back to exactly where they were.

mod common;

use alongside::app::keymap::{self, Mode};
use alongside::app::reference::RefTab;
use alongside::app::{App, Effect, Screen, update};
use common::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn open_title(app: &App) -> Option<String> {
    let view = app.reference.as_deref()?;
    let reading = view.reading.as_ref()?;
    view.index.entry(reading.entry).map(|e| e.title.clone())
}

fn first_row_id(app: &App) -> Option<String> {
    let view = app.reference.as_deref()?;
    let row = view.rows.get(view.selected)?;
    view.index.entry(row.entry).map(|e| e.id.clone())
}

/// A session with some notes typed, the cursor still in the notes.
fn in_session(store: &mut MemoryStore) -> App {
    let mut app = app_from(store);
    press(&mut app, store, key(KeyCode::Char('n')));
    press(&mut app, store, key(KeyCode::Enter));
    press(&mut app, store, key(KeyCode::Enter));
    assert_eq!(keymap::mode(&app), Mode::Notes);
    type_text(&mut app, store, "Talked about the week");
    app
}

fn notes(app: &App) -> String {
    app.live
        .as_ref()
        .map(|l| l.notes.text())
        .unwrap_or_default()
}

#[test]
fn home_g_opens_and_esc_returns_home() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Down));
    press(&mut app, &mut store, key(KeyCode::Char('g')));
    assert!(app.reference_open());
    assert_eq!(keymap::mode(&app), Mode::RefSearch);
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert!(!app.reference_open());
    assert_eq!(app.screen, Screen::Home);
    assert_eq!(app.home_selected, 1, "the home selection is untouched");
}

#[test]
fn the_home_menu_lists_the_reference() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    let row = alongside::app::HOME_MENU
        .iter()
        .position(|(_, _, d)| *d == alongside::app::Destination::Reference)
        .expect("the reference is in the home menu");
    for _ in 0..row {
        press(&mut app, &mut store, key(KeyCode::Down));
    }
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert!(app.reference_open());
}

#[test]
fn ctrl_g_while_typing_notes_keeps_everything_and_typing_q_does_not_quit() {
    let mut store = sample_store();
    let mut app = in_session(&mut store);
    let before = notes(&app);
    assert!(!press(&mut app, &mut store, ctrl('g')));
    assert!(app.reference_open());
    // Typing goes to the search box, never to the notes and never to shortcuts.
    type_text(&mut app, &mut store, "quit q");
    assert!(!app.quitting);
    assert_eq!(notes(&app), before);
    assert_eq!(app.screen, Screen::Session);
    // Esc closes the reference; the cursor is back in the notes where it was.
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert!(!app.reference_open());
    assert_eq!(keymap::mode(&app), Mode::Notes);
    type_text(&mut app, &mut store, ".");
    assert_eq!(notes(&app), format!("{before}."));
}

#[test]
fn ctrl_g_works_on_every_screen_and_toggles() {
    let mut store = sample_store();
    // Home, peers, peer form (typing), history, history filter (typing), a note, help.
    let mut paths: Vec<Vec<KeyEvent>> = vec![
        vec![],
        vec![key(KeyCode::Char('p'))],
        vec![key(KeyCode::Char('p')), key(KeyCode::Char('a'))],
        vec![key(KeyCode::Char('h'))],
        vec![key(KeyCode::Char('h')), key(KeyCode::Char('/'))],
        vec![key(KeyCode::Char('h')), key(KeyCode::Enter)],
        vec![key(KeyCode::Char('n'))],
    ];
    paths.push(vec![key(KeyCode::Char('?'))]);
    for path in paths {
        let mut app = app_from(&store);
        for k in &path {
            press(&mut app, &mut store, *k);
        }
        let screen = app.screen;
        let mode = keymap::mode(&app);
        press(&mut app, &mut store, ctrl('g'));
        assert!(app.reference_open(), "after {path:?}");
        press(&mut app, &mut store, ctrl('g'));
        assert!(!app.reference_open());
        assert_eq!(app.screen, screen);
        if mode != Mode::Help {
            assert_eq!(
                keymap::mode(&app),
                mode,
                "back to the same mode after {path:?}"
            );
        }
    }
}

#[test]
fn searching_opens_the_best_match_at_its_matching_line() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ctrl('g'));
    type_text(&mut app, &mut store, "three steps gentle refusal");
    assert_eq!(first_row_id(&app).as_deref(), Some("tool:gentle_refusal"));
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(
        open_title(&app).as_deref(),
        Some("Gentle refusal in three steps")
    );
    assert_eq!(keymap::mode(&app), Mode::RefRead);
    // Esc goes back to the results, with the query as it was.
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert!(open_title(&app).is_none());
    let view = app.reference.as_deref().expect("view");
    assert_eq!(view.query.text(), "three steps gentle refusal");
    assert!(view.searching());
}

#[test]
fn reopening_shows_the_last_search_and_typing_replaces_it() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ctrl('g'));
    type_text(&mut app, &mut store, "988");
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, ctrl('g'));
    assert_eq!(first_row_id(&app).as_deref(), Some("crisis:988"));
    type_text(&mut app, &mut store, "decisional balance");
    let view = app.reference.as_deref().expect("view");
    assert_eq!(view.query.text(), "decisional balance");
    assert_eq!(
        first_row_id(&app).as_deref(),
        Some("tool:advantages_disadvantages")
    );
}

#[test]
fn an_entry_left_open_is_still_open_next_time() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ctrl('g'));
    type_text(&mut app, &mut store, "ambivalence");
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, ctrl('g'));
    assert!(!app.reference_open());
    press(&mut app, &mut store, key(KeyCode::Char('g')));
    assert_eq!(open_title(&app).as_deref(), Some("Ambivalence"));
}

#[test]
fn tab_browses_and_leaves_a_search() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ctrl('g'));
    let view = app.reference.as_deref().expect("view");
    assert_eq!(view.tab, RefTab::Stages);
    assert_eq!(first_row_id(&app).as_deref(), Some("stage:connecting"));
    press(&mut app, &mut store, key(KeyCode::Tab));
    assert_eq!(first_row_id(&app).as_deref(), Some("tool:oars"));
    press(&mut app, &mut store, key(KeyCode::Tab));
    assert_eq!(first_row_id(&app).as_deref(), Some("competency:peer_role"));
    let competencies = app.reference.as_deref().expect("view").rows.len();
    assert_eq!(competencies, 19 + 111, "every area and every skill");
    press(&mut app, &mut store, key(KeyCode::Tab));
    let qualities = app.reference.as_deref().expect("view").rows.len();
    assert_eq!(qualities, 5);
    press(&mut app, &mut store, key(KeyCode::BackTab));
    // The place in a tab is kept.
    press(&mut app, &mut store, key(KeyCode::Down));
    press(&mut app, &mut store, key(KeyCode::Tab));
    press(&mut app, &mut store, key(KeyCode::BackTab));
    assert_eq!(first_row_id(&app).as_deref(), Some("skill:peer_role.1"));
    // Typing searches everything; Tab leaves the search for the tab that was showing.
    type_text(&mut app, &mut store, "boundaries");
    assert!(app.reference.as_deref().expect("view").searching());
    press(&mut app, &mut store, key(KeyCode::Tab));
    let view = app.reference.as_deref().expect("view");
    assert!(!view.searching());
    assert_eq!(view.tab, RefTab::Competencies);
}

#[test]
fn the_stages_tab_lists_each_stage_with_its_concepts_and_tools() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ctrl('g'));
    let view = app.reference.as_deref().expect("view");
    let ids: Vec<&str> = view
        .rows
        .iter()
        .filter_map(|r| view.index.entry(r.entry).map(|e| e.id.as_str()))
        .collect();
    let content = app.content;
    for s in content.stages() {
        let at = ids
            .iter()
            .position(|id| *id == format!("stage:{}", s.id.id()))
            .expect("stage row");
        let next = ids[at + 1..]
            .iter()
            .position(|id| id.starts_with("stage:"))
            .map_or(ids.len(), |p| at + 1 + p);
        let under = &ids[at + 1..next];
        assert_eq!(under.len(), s.key_concepts.len() + s.tools.len());
        assert!(under.contains(&format!("tool:oars.{}", s.id.id()).as_str()));
    }
}

#[test]
fn in_a_session_enter_adds_the_line_and_a_adds_the_entry() {
    let mut store = sample_store();
    let mut app = in_session(&mut store);
    press(&mut app, &mut store, ctrl('g'));
    type_text(&mut app, &mut store, "gentle refusal");
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(keymap::mode(&app), Mode::RefReadNotes);
    // Move to the first step and add it.
    let lines = {
        let view = app.reference.as_deref().expect("view");
        view.reading.as_ref().expect("reading").lines.clone()
    };
    let step = lines
        .iter()
        .position(|l| l.text.starts_with("1. Acknowledge"))
        .expect("step one");
    while app
        .reference
        .as_deref()
        .and_then(|v| v.reading.as_ref())
        .is_some_and(|r| r.cursor != step)
    {
        let up = app
            .reference
            .as_deref()
            .and_then(|v| v.reading.as_ref())
            .is_some_and(|r| r.cursor > step);
        press(
            &mut app,
            &mut store,
            key(if up { KeyCode::Up } else { KeyCode::Down }),
        );
    }
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    let text = notes(&app);
    assert_eq!(
        text,
        format!(
            "Talked about the week\n{}\n{}",
            lines[step].text,
            &lines[step + 1].text[2..]
        ),
        "each line on its own line, list markers dropped"
    );
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("added"))
    );
    // The whole entry.
    press(&mut app, &mut store, key(KeyCode::Char('a')));
    assert!(notes(&app).contains("\nGentle refusal in three steps\nSay no to a request kindly"));
    // Back to the notes: the added text is there and is autosaved.
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert_eq!(keymap::mode(&app), Mode::Notes);
    let effects = update(&mut app, alongside::app::Action::Tick, at(1));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::SaveDraft(s) if s.notes.contains("1. Acknowledge"))),
        "the added lines are kept in the draft"
    );
}

#[test]
fn outside_a_session_nothing_is_added_anywhere() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ctrl('g'));
    type_text(&mut app, &mut store, "oars");
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(keymap::mode(&app), Mode::RefRead);
    // Enter and a are not bound here: they do nothing and say nothing.
    assert!(keymap::map_key(&app, key(KeyCode::Char('a'))).is_none());
    assert!(keymap::map_key(&app, key(KeyCode::Enter)).is_none());
    assert!(app.live.is_none());
}

#[test]
fn reading_scrolls_by_line_and_page_within_bounds() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ctrl('g'));
    type_text(&mut app, &mut store, "oars skills");
    press(&mut app, &mut store, key(KeyCode::Enter));
    let cursor = |app: &App| {
        app.reference
            .as_deref()
            .and_then(|v| v.reading.as_ref())
            .map(|r| (r.cursor, r.lines.len()))
            .expect("reading")
    };
    for _ in 0..500 {
        press(&mut app, &mut store, key(KeyCode::PageDown));
    }
    let (at, len) = cursor(&app);
    assert_eq!(at, len - 1);
    press(&mut app, &mut store, key(KeyCode::Char('k')));
    assert_eq!(cursor(&app).0, len - 2);
    for _ in 0..500 {
        press(&mut app, &mut store, key(KeyCode::PageUp));
    }
    assert_eq!(cursor(&app).0, 0);
    // `/` goes back to the search box.
    press(&mut app, &mut store, key(KeyCode::Char('/')));
    assert_eq!(keymap::mode(&app), Mode::RefSearch);
}

#[test]
fn help_in_the_reference_lists_its_keys_and_ctrl_c_keeps_the_session() {
    let mut store = sample_store();
    let mut app = in_session(&mut store);
    press(&mut app, &mut store, ctrl('g'));
    press(&mut app, &mut store, key(KeyCode::F(1)));
    assert_eq!(keymap::mode(&app), Mode::Help);
    assert_eq!(keymap::mode_under_help(&app), Mode::RefSearch);
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert!(app.reference_open());
    assert!(press(&mut app, &mut store, ctrl('c')));
    assert_eq!(store.drafts.len(), 1);
    assert!(store.drafts[0].notes.contains("Talked about the week"));
}

#[test]
fn ctrl_g_is_refused_only_while_a_question_is_open() {
    let mut store = sample_store();
    let mut app = in_session(&mut store);
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, key(KeyCode::Char('q')));
    assert_eq!(keymap::mode(&app), Mode::Confirm);
    assert!(keymap::map_key(&app, ctrl('g')).is_none());
    let release = KeyEvent {
        kind: ratatui::crossterm::event::KeyEventKind::Release,
        ..KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL)
    };
    assert!(keymap::map_key(&app, release).is_none());
}

#[test]
fn a_search_with_no_match_suggests_titles() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, ctrl('g'));
    type_text(&mut app, &mut store, "saftee");
    let view = app.reference.as_deref().expect("view");
    assert!(view.rows.is_empty());
    let titles: Vec<&str> = view
        .suggestions
        .iter()
        .filter_map(|i| view.index.entry(*i).map(|e| e.title.as_str()))
        .collect();
    assert_eq!(titles, ["Safety plan"]);
    // Enter on nothing does nothing.
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert!(open_title(&app).is_none());
}
