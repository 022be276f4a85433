//! Settings, the activity log, reports, reading the note back with the peer and writing a
//! progress note, stepped with keys; snapshots of each screen at 80x24 and 50x14.

mod common;

use alongside::app::{App, Screen};
use common::*;
use ratatui::crossterm::event::KeyCode;

fn screen_text(app: &App) -> String {
    text_of(&render(app, 80, 24))
}

/// A session with JD ended, its summary filled: the end-of-session form.
fn ended_session() -> (MemoryStore, App) {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    // A fixed id keeps the note view's snapshot stable.
    if let Some(live) = app.live.as_mut() {
        live.session.id = uuid::Uuid::from_u128(0x0d0c_0000_0000_4000_8000_0000_0000_0010);
    }
    type_text(&mut app, &mut store, "Talked about the bus pass.");
    press_at(&mut app, &mut store, key(KeyCode::Esc), at(30));
    press_at(&mut app, &mut store, key(KeyCode::Char('e')), at(50));
    type_text(&mut app, &mut store, "Getting to work on time");
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(
        &mut app,
        &mut store,
        "The client is non-compliant with the bus schedule",
    );
    (store, app)
}

#[test]
fn the_note_is_read_back_with_the_peer_their_comment_kept_and_saved() {
    let (mut store, mut app) = ended_session();
    press(&mut app, &mut store, ctrl('r'));
    let text = screen_text(&app);
    assert!(text.contains("Reading the note together"), "{text}");
    assert!(text.contains("“Getting to work on time”"), "{text}");
    assert!(!text.contains("Measured"), "no internal fields: {text}");
    type_text(&mut app, &mut store, "It is the 8:10 bus, not the 8:40");
    press_at(&mut app, &mut store, ctrl('s'), at(55));
    assert_eq!(app.screen, Screen::Home, "saved");
    let saved = store.sessions.last().expect("saved");
    let r = saved.read_back.as_ref().expect("reviewed");
    assert_eq!(r.at, at(55));
    assert_eq!(r.comments.len(), 1);
    assert_eq!(r.comments[0].text, "It is the 8:10 bus, not the 8:40");
    // Minutes: the whole 50 minutes went nowhere (no activity chosen), nothing invented.
    assert!(saved.minutes_by_activity().is_empty());
}

#[test]
fn esc_leaves_the_read_back_without_recording_it() {
    let (mut store, mut app) = ended_session();
    press(&mut app, &mut store, ctrl('r'));
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert!(app.live.as_ref().is_some_and(|l| l.read_back.is_none()));
    press(&mut app, &mut store, ctrl('s'));
    assert!(store.sessions.last().expect("saved").read_back.is_none());
}

#[test]
fn the_summary_form_marks_words_to_reconsider_and_minutes_can_be_moved() {
    let (mut store, mut app) = ended_session();
    let text = screen_text(&app);
    assert!(text.contains("⚑"), "{text}");
    assert!(
        text.contains("“client”") || text.contains("“non-compliant”"),
        "{text}"
    );
    // To the activities (after the peer's goals): tick two, then give the first five more
    // minutes.
    for _ in 0..5 {
        press(&mut app, &mut store, key(KeyCode::Tab));
    }
    press(&mut app, &mut store, key(KeyCode::Char(' ')));
    press(&mut app, &mut store, key(KeyCode::Down));
    press(&mut app, &mut store, key(KeyCode::Char(' ')));
    press(&mut app, &mut store, key(KeyCode::Up));
    press(&mut app, &mut store, key(KeyCode::Char('+')));
    let text = screen_text(&app);
    assert!(text.contains("30 min"), "{text}");
    press(&mut app, &mut store, ctrl('s'));
    let saved = store.sessions.last().expect("saved");
    let m = saved.minutes_by_activity();
    assert_eq!(m.values().sum::<u32>(), 55);
    assert_eq!(m.values().copied().max(), Some(30));
}

#[test]
fn settings_are_edited_from_home_and_checked() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('s')));
    assert!(app.settings_form.is_some());
    type_text(&mut app, &mut store, "Sam R");
    for _ in 0..5 {
        press(&mut app, &mut store, key(KeyCode::Tab));
    }
    press(&mut app, &mut store, key(KeyCode::End));
    for _ in 0..3 {
        press(&mut app, &mut store, key(KeyCode::Backspace));
    }
    type_text(&mut app, &mut store, "0");
    press(&mut app, &mut store, ctrl('s'));
    assert!(store.settings.is_none(), "a bad interval is not saved");
    assert!(
        app.settings_form
            .as_ref()
            .and_then(|f| f.error.as_deref())
            .is_some_and(|e| e.contains("1 to 365"))
    );
    press(&mut app, &mut store, key(KeyCode::Backspace));
    type_text(&mut app, &mut store, "14");
    press(&mut app, &mut store, ctrl('s'));
    let s = store.settings.clone().expect("saved");
    assert_eq!((s.name.as_str(), s.check_in_days), ("Sam R", 14));
    assert_eq!(app.settings, s);
    assert!(app.settings_form.is_none());
}

#[test]
fn the_first_run_question_is_skipped_with_esc_and_keeps_the_defaults() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    app.settings_form = Some(alongside::app::office::SettingsForm::new(
        &app.settings,
        true,
    ));
    insta::assert_snapshot!("settings_first_run", render(&app, 80, 24).backend());
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert_eq!(store.settings, Some(Default::default()));
    assert!(app.settings_form.is_none());
}

#[test]
fn activities_are_logged_checked_and_reported() {
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('a')));
    assert_eq!(app.screen, Screen::Activity);
    press(&mut app, &mut store, key(KeyCode::Char('a')));
    type_text(&mut app, &mut store, "-20");
    press(&mut app, &mut store, ctrl('s'));
    assert!(
        store.activity_log.entries.is_empty(),
        "negative minutes refused"
    );
    for _ in 0..3 {
        press(&mut app, &mut store, key(KeyCode::Backspace));
    }
    type_text(&mut app, &mut store, "25h");
    press(&mut app, &mut store, ctrl('s'));
    assert!(store.activity_log.entries.is_empty(), "over a day refused");
    let err = app.activity.form.as_ref().and_then(|f| f.error.clone());
    assert!(err.is_some_and(|e| e.contains("1440")));
    for _ in 0..3 {
        press(&mut app, &mut store, key(KeyCode::Backspace));
    }
    type_text(&mut app, &mut store, "50");
    press(&mut app, &mut store, key(KeyCode::Tab));
    for _ in 0..6 {
        press(&mut app, &mut store, key(KeyCode::Down));
    }
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "nobody");
    press(&mut app, &mut store, ctrl('s'));
    assert!(
        store.activity_log.entries.is_empty(),
        "unknown peer refused"
    );
    for _ in 0..6 {
        press(&mut app, &mut store, key(KeyCode::Backspace));
    }
    type_text(&mut app, &mut store, "jd");
    press(&mut app, &mut store, key(KeyCode::Tab));
    type_text(&mut app, &mut store, "Supervision on the housing case");
    press(&mut app, &mut store, ctrl('s'));
    let e = store.activity_log.entries.first().expect("logged");
    assert_eq!(e.minutes, 50);
    assert_eq!(e.activity.id(), "supervision_training");
    assert_eq!(e.peer_alias.as_deref(), Some("JD"));
    insta::assert_snapshot!("activity_log", render(&app, 80, 24).backend());
    insta::assert_snapshot!("activity_log_50x14", render(&app, 50, 14).backend());

    // Reports: this week holds the entry and the last session.
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, key(KeyCode::Char('m')));
    assert_eq!(app.screen, Screen::Reports);
    press(&mut app, &mut store, key(KeyCode::Char('w')));
    let r = app
        .reports
        .as_ref()
        .and_then(|v| v.report.clone())
        .expect("report");
    assert_eq!(r.indirect_minutes.get("supervision_training"), Some(&50));
    press(&mut app, &mut store, key(KeyCode::Char('r')));
    insta::assert_snapshot!("reports_range", render(&app, 80, 24).backend());
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, key(KeyCode::Left));
    press(&mut app, &mut store, key(KeyCode::Left));
    insta::assert_snapshot!("reports_week", render(&app, 80, 24).backend());
    insta::assert_snapshot!("reports_week_50x14", render(&app, 50, 14).backend());
}

#[test]
fn read_back_and_note_export_draw_at_both_sizes() {
    let (mut store, mut app) = ended_session();
    press(&mut app, &mut store, ctrl('r'));
    type_text(&mut app, &mut store, "Add that I walk the last bit");
    insta::assert_snapshot!("read_back", render(&app, 80, 24).backend());
    insta::assert_snapshot!("read_back_50x14", render(&app, 50, 14).backend());
    press(&mut app, &mut store, ctrl('s'));

    // The saved note: the progress note key asks for a file name.
    press(&mut app, &mut store, key(KeyCode::Char('h')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Note);
    press(&mut app, &mut store, key(KeyCode::Char('w')));
    assert!(app.note.as_ref().is_some_and(|n| n.export.is_some()));
    let text = screen_text(&app);
    assert!(text.contains("Write the progress note to"), "{text}");
    let tall = format!("{:?}", render(&app, 80, 60).backend());
    assert!(tall.contains("Words to reconsider"), "{tall}");
    assert!(tall.contains("⚑ discussed: “client”"), "{tall}");
    insta::assert_snapshot!("note_export", render(&app, 80, 24).backend());
}

#[test]
fn a_progress_note_is_written_to_a_new_private_file_only() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, mut app) = ended_session();
    press(&mut app, &mut store, ctrl('s'));
    app.export_dir = Some(dir.path().to_path_buf());
    press(&mut app, &mut store, key(KeyCode::Char('h')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Char('w')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(files.len(), 1, "{:?}", app.status);
    let path = files[0].path();
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.starts_with("Date:"), "{text}");
    assert!(text.contains("Goals addressed:"));
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // Again to the same name: refused, the file is unchanged.
    press(&mut app, &mut store, key(KeyCode::Char('w')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("already exists"))
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);

    // Encrypted: no file name is offered; one must be typed.
    app.privacy.encrypted = true;
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, key(KeyCode::Char('w')));
    assert!(
        app.note
            .as_ref()
            .and_then(|n| n.export.as_ref())
            .is_some_and(|f| f.is_blank())
    );
}
