//! Role-play coding in the app: a live tally with undo, pins and global ratings, transcript
//! coding with corrections, bad transcripts, the debrief and progress; snapshots at 80x24
//! and 50x14, and a size sweep proving no role-play screen panics.

mod common;

use alongside::app::practice::PracticePane;
use alongside::app::{App, StatusKind};
use alongside::domain::practice::{Code, RolePlayKind};
use chrono::Duration;
use common::*;
use ratatui::crossterm::event::KeyCode;

fn ch(app: &mut App, store: &mut MemoryStore, c: char, secs: i64) {
    press_at(
        app,
        store,
        key(KeyCode::Char(c)),
        t0() + Duration::seconds(secs),
    );
}

/// From home: practice, then `o` to observe, at t0.
fn observing(store: &mut MemoryStore) -> App {
    let mut app = app_from(store);
    press(&mut app, store, key(KeyCode::Char('d')));
    press(&mut app, store, key(KeyCode::Char('o')));
    assert_eq!(app.practice.pane, PracticePane::Observe);
    app
}

/// A short live role-play: codes over four minutes, a pin, one code taken back.
fn coded(store: &mut MemoryStore) -> App {
    let mut app = observing(store);
    for (i, c) in "osxoc+smapw-in".chars().enumerate() {
        ch(&mut app, store, c, 15 * (i as i64 + 1));
    }
    press_at(
        &mut app,
        store,
        key(KeyCode::Enter),
        t0() + Duration::seconds(200),
    );
    type_text(&mut app, store, "double-sided reflection landed");
    press_at(
        &mut app,
        store,
        key(KeyCode::Enter),
        t0() + Duration::seconds(210),
    );
    ch(&mut app, store, 'c', 220);
    ch(&mut app, store, 'u', 225);
    app.now = t0() + Duration::seconds(240);
    app
}

fn rated(store: &mut MemoryStore) -> App {
    let mut app = coded(store);
    ch(&mut app, store, 'e', 240);
    assert_eq!(app.practice.pane, PracticePane::Globals);
    for c in ['4', '3', '4', '2'] {
        ch(&mut app, store, c, 250);
    }
    app
}

const TRANSCRIPT: &str = "Role-play 2, week 3\nS: What brings you here today?\nP: My sister made me come.\nS: It sounds like you're worried about the rent.\nP: I could cut back on going out,\nif I had to.\nS: You should call your landlord.";

fn transcript_coding(store: &mut MemoryStore) -> App {
    let mut app = app_from(store);
    press(&mut app, store, key(KeyCode::Char('d')));
    press(&mut app, store, key(KeyCode::Char('t')));
    assert_eq!(app.practice.pane, PracticePane::TranscriptInput);
    type_text(&mut app, store, TRANSCRIPT);
    press(&mut app, store, ctrl('s'));
    assert_eq!(app.practice.pane, PracticePane::Coding);
    app
}

#[test]
fn every_code_counts_and_undo_takes_back_the_last() {
    let mut store = sample_store();
    let app = coded(&mut store);
    let tally = app.practice.roleplay.tally.as_ref().expect("tally");
    let s = tally.scores();
    assert_eq!(s.count(Code::OpenQuestion), 2);
    assert_eq!(s.count(Code::ClosedQuestion), 1, "the second c was undone");
    assert_eq!(s.count(Code::SimpleReflection), 2);
    assert_eq!(s.count(Code::ComplexReflection), 1);
    assert_eq!(s.count(Code::ChangeTalk), 1);
    assert_eq!(s.count(Code::SustainTalk), 1);
    assert_eq!(s.count(Code::AdviceWithPermission), 1);
    assert_eq!(s.count(Code::AdviceWithoutPermission), 1);
    assert_eq!(tally.record.pins.len(), 1);
    assert_eq!(tally.record.pins[0].at_seconds, 210);
    // Saved after every change, undo included.
    assert_eq!(store.roleplays.len(), 1);
    assert_eq!(store.roleplays[0].entries.len(), 14);
    assert_eq!(
        store.roleplays[0].pins[0].note,
        "double-sided reflection landed"
    );
}

#[test]
fn typing_a_pin_note_never_codes() {
    let mut store = sample_store();
    let mut app = observing(&mut store);
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "oscar");
    press(&mut app, &mut store, key(KeyCode::Esc));
    let tally = app.practice.roleplay.tally.as_ref().expect("tally");
    assert!(tally.record.entries.is_empty());
    assert!(tally.record.pins.is_empty(), "Esc cancels the pin");
    assert_eq!(app.practice.pane, PracticePane::Observe);
}

#[test]
fn ending_rates_the_globals_and_saves_the_debrief() {
    let mut store = sample_store();
    let mut app = rated(&mut store);
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(app.practice.pane, PracticePane::Debrief);
    let saved = &store.roleplays[0];
    assert_eq!(saved.kind, RolePlayKind::Observed);
    assert_eq!(saved.globals.partnership, Some(4));
    assert_eq!(saved.globals.softening_sustain_talk, Some(2));
    assert_eq!(saved.finished_at, Some(t0() + Duration::seconds(240)));
    assert_eq!(saved.elapsed_seconds, 240);
    let s = saved.scores();
    assert_eq!(s.relational.value, Some(3.5));
    assert_eq!(s.technical.value, Some(3.0));
    // Back on the setup screen; progress lists it.
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, key(KeyCode::Char('p')));
    press(&mut app, &mut store, key(KeyCode::Tab));
    assert_eq!(app.practice.pane, PracticePane::RolePlays);
    assert_eq!(app.practice.roleplay.past().len(), 1);
    press(&mut app, &mut store, key(KeyCode::Enter));
    assert_eq!(app.practice.pane, PracticePane::Debrief);
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert_eq!(app.practice.pane, PracticePane::RolePlays);
}

#[test]
fn leaving_asks_first_and_keeps_the_codes() {
    let mut store = sample_store();
    let mut app = coded(&mut store);
    press(&mut app, &mut store, key(KeyCode::Esc));
    assert!(app.confirm.is_some());
    press(&mut app, &mut store, key(KeyCode::Char('y')));
    assert_eq!(app.practice.pane, PracticePane::Setup);
    assert!(app.practice.roleplay.tally.is_none());
    assert_eq!(store.roleplays.len(), 1);
    // Reopening practice reads it back.
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, key(KeyCode::Char('d')));
    assert_eq!(app.practice.roleplay.saved.len(), 1);
}

#[test]
fn a_failed_save_keeps_the_codes_and_says_so() {
    let mut store = sample_store();
    store.fail_writes = Some("the disk is full.".into());
    let mut app = observing(&mut store);
    ch(&mut app, &mut store, 'o', 5);
    let status = app.status.clone().expect("status");
    assert_eq!(status.kind, StatusKind::Error);
    assert!(status.text.contains("still here"));
    assert_eq!(
        app.practice
            .roleplay
            .tally
            .as_ref()
            .map(|t| t.record.entries.len()),
        Some(1)
    );
    store.fail_writes = None;
    ch(&mut app, &mut store, 's', 6);
    assert_eq!(store.roleplays[0].entries.len(), 2);
}

#[test]
fn a_transcript_is_coded_corrected_and_saved() {
    let mut store = sample_store();
    let mut app = transcript_coding(&mut store);
    let status = app.status.clone().expect("status").text;
    assert!(status.contains("Left out 1 line"), "{status}");
    let c = app.practice.roleplay.coding.as_ref().expect("coding");
    assert_eq!(c.record.turns.len(), 5);
    assert_eq!(
        c.record.turns[2].text,
        "It sounds like you're worried about the rent."
    );
    assert_eq!(
        c.record.turns[3].text,
        "I could cut back on going out, if I had to."
    );
    // Turn 1: disagree (closed). Turn 2 (peer): change talk. Turn 3: keep. Turn 4 (peer):
    // a specialist code is refused. Then finish.
    press(&mut app, &mut store, key(KeyCode::Char('c')));
    press(&mut app, &mut store, key(KeyCode::Char('+')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Char('o')));
    let c = app.practice.roleplay.coding.as_ref().expect("coding");
    assert_eq!(
        c.turn, 3,
        "a specialist code on a peer turn does not move on"
    );
    assert!(c.record.turns[3].trainee.is_none());
    let a = c.record.agreement();
    assert_eq!((a.agreed, a.turns), (2, 3));
    press(&mut app, &mut store, key(KeyCode::Char('e')));
    assert_eq!(app.practice.pane, PracticePane::Debrief);
    let saved = store.roleplays.last().expect("saved");
    assert_eq!(saved.kind, RolePlayKind::Transcript);
    assert_eq!(saved.turns[0].trainee, Some(Code::ClosedQuestion));
    assert_eq!(saved.turns[1].trainee, Some(Code::ChangeTalk));
    assert!(saved.finished_at.is_some());
    // `u` goes back to the engine's code.
    let mut app = transcript_coding(&mut store);
    press(&mut app, &mut store, key(KeyCode::Char('c')));
    press(&mut app, &mut store, key(KeyCode::Up));
    press(&mut app, &mut store, key(KeyCode::Char('u')));
    let c = app.practice.roleplay.coding.as_ref().expect("coding");
    assert_eq!(c.record.turns[0].trainee, None);
    assert_eq!(c.record.agreement().agreed, 3);
}

#[test]
fn a_transcript_file_path_is_read() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("roleplay.txt");
    std::fs::write(&path, TRANSCRIPT).expect("write");
    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('d')));
    press(&mut app, &mut store, key(KeyCode::Char('t')));
    type_text(&mut app, &mut store, &path.display().to_string());
    press(&mut app, &mut store, ctrl('s'));
    assert_eq!(app.practice.pane, PracticePane::Coding);
    assert_eq!(
        app.practice
            .roleplay
            .coding
            .as_ref()
            .map(|c| c.record.turns.len()),
        Some(5)
    );
    // Reading wrote nothing next to the transcript.
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
}

#[test]
fn bad_transcripts_get_one_line_and_stay_in_the_box() {
    let dir = tempfile::tempdir().expect("dir");
    let binary = dir.path().join("photo.jpg");
    std::fs::write(&binary, b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01").expect("write");
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "S: hello\n".repeat(1_200_000)).expect("write");
    let missing = dir.path().join("nope.txt");
    let cases: Vec<(String, &str)> = vec![
        ("   ".into(), "empty"),
        ("hello there\nhow are you".into(), "speaker"),
        (binary.display().to_string(), "binary"),
        (big.display().to_string(), "MB"),
        (missing.display().to_string(), "No file"),
    ];
    for (text, expected) in cases {
        let mut store = sample_store();
        let mut app = app_from(&store);
        press(&mut app, &mut store, key(KeyCode::Char('d')));
        press(&mut app, &mut store, key(KeyCode::Char('t')));
        type_text(&mut app, &mut store, &text);
        press(&mut app, &mut store, ctrl('s'));
        assert_eq!(
            app.practice.pane,
            PracticePane::TranscriptInput,
            "{expected}"
        );
        let status = app.status.clone().expect("status");
        assert_eq!(status.kind, StatusKind::Error);
        assert!(
            status.text.contains(expected),
            "{expected}: {}",
            status.text
        );
        assert!(!status.text.contains('\n'));
        assert!(store.roleplays.is_empty());
    }
}

fn screens() -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    let mut store = sample_store();
    out.push(("roleplay_observe", coded(&mut store)));

    let mut store = sample_store();
    let mut app = coded(&mut store);
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "asked before advising");
    out.push(("roleplay_pin", app));

    let mut store = sample_store();
    let mut app = coded(&mut store);
    app.now = t0() + Duration::minutes(21);
    out.push(("roleplay_segment_reached", app));

    let mut store = sample_store();
    out.push(("roleplay_globals", rated(&mut store)));

    let mut store = sample_store();
    let mut app = rated(&mut store);
    press(&mut app, &mut store, key(KeyCode::Enter));
    out.push(("roleplay_debrief", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('d')));
    press(&mut app, &mut store, key(KeyCode::Char('t')));
    type_text(
        &mut app,
        &mut store,
        "S: How has this week been?\nP: Rough.",
    );
    out.push(("roleplay_transcript_box", app));

    let mut store = sample_store();
    let mut app = transcript_coding(&mut store);
    press(&mut app, &mut store, key(KeyCode::Char('c')));
    out.push(("roleplay_coding", app));

    let mut store = sample_store();
    let mut app = transcript_coding(&mut store);
    press(&mut app, &mut store, key(KeyCode::Char('c')));
    press(&mut app, &mut store, key(KeyCode::Char('+')));
    press(&mut app, &mut store, key(KeyCode::Char('e')));
    out.push(("roleplay_transcript_debrief", app));

    let mut store = sample_store();
    let mut app = rated(&mut store);
    press(&mut app, &mut store, key(KeyCode::Enter));
    let mut more = transcript_coding(&mut store);
    press(&mut more, &mut store, key(KeyCode::Char('e')));
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, key(KeyCode::Esc));
    press(&mut app, &mut store, key(KeyCode::Char('d')));
    press(&mut app, &mut store, key(KeyCode::Char('p')));
    press(&mut app, &mut store, key(KeyCode::Tab));
    out.push(("roleplay_progress", app));
    out
}

#[test]
fn role_play_screens_at_80x24_and_50x14() {
    for (name, app) in screens() {
        let term = render(&app, 80, 24);
        insta::assert_snapshot!(name, term.backend());
        let term = render(&app, 50, 14);
        insta::assert_snapshot!(format!("{name}_50x14"), term.backend());
    }
}

#[test]
fn no_role_play_screen_panics_at_any_size() {
    for (_, app) in screens() {
        draw_on_size_grid(&app);
    }
}
