//! Runs the real binary in a pseudo-terminal: opens the advantages and disadvantages
//! worksheet inside a session with Ctrl+T, fills it, ends the session, and finds what was
//! filled in the saved session's JSON. Then fills a worksheet between meetings.

mod pty;

use std::time::Duration;

use expectrl::Expect;
use pty::{CTRL_S, CTRL_T, ENTER, ESC, TAB, spawn_session, wait_for_exit};

/// Sends keys one small chunk at a time, as typing does (and so Esc is never read as Alt).
fn keys(s: &mut expectrl::session::OsSession, text: &str) {
    s.send(text).expect("send");
    std::thread::sleep(Duration::from_millis(150));
}

fn json_files(dir: &std::path::Path) -> Vec<serde_json::Value> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
                .map(|e| {
                    serde_json::from_str(&std::fs::read_to_string(e.path()).expect("read"))
                        .expect("json")
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_worksheet_filled_in_a_session_is_in_the_saved_session_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut s = spawn_session(&data, &[]);
    s.expect("New session").expect("home screen");

    keys(&mut s, "n");
    s.expect("Who is this session with?").expect("peer picker");
    keys(&mut s, "QT");
    keys(&mut s, ENTER);
    s.expect("New peer").expect("peer form");
    keys(&mut s, CTRL_S);
    s.expect("how are you meeting").expect("kind picker");
    keys(&mut s, ENTER);
    s.expect("Notes").expect("session screen");
    keys(&mut s, "Talked about cutting down.");

    // Ctrl+T while typing opens the palette; typing narrows it.
    keys(&mut s, CTRL_T);
    s.expect("Find:").expect("palette");
    keys(&mut s, "pros and cons");
    keys(&mut s, ENTER);
    s.expect("Good about now").expect("the worksheet");
    keys(&mut s, "a");
    keys(&mut s, "helps me relax");
    keys(&mut s, ENTER);
    keys(&mut s, "a");
    keys(&mut s, "quiet evenings");
    // Enter ends adding: the 4 that follows is the item's importance.
    keys(&mut s, ENTER);
    keys(&mut s, "4");
    keys(&mut s, TAB);
    keys(&mut s, "a");
    keys(&mut s, "costs too much");
    keys(&mut s, ESC);
    keys(&mut s, "5");
    s.expect("importance 5").expect("the box's total");
    keys(&mut s, ESC); // close the tool: back to the notes
    keys(&mut s, " More next week.");
    keys(&mut s, ESC);
    keys(&mut s, "e");
    s.expect("What matters").expect("summary form");
    keys(&mut s, CTRL_S);
    // Nothing is written in the summary: asked first.
    s.expect("Nothing is written").expect("the question");
    keys(&mut s, "y");
    s.expect("Note saved").expect("saved message");
    keys(&mut s, "q");
    wait_for_exit(&mut s);

    let sessions = json_files(&data.join("sessions"));
    assert_eq!(sessions.len(), 1, "one session file");
    let session = &sessions[0]["session"];
    assert_eq!(
        session["notes"],
        "Talked about cutting down. More next week."
    );
    let ws = &session["worksheets"][0];
    assert_eq!(ws["tool_id"], "advantages_disadvantages");
    let sheet = &ws["sheet"];
    assert_eq!(sheet["kind"], "advantages_disadvantages");
    assert_eq!(sheet["good_about_now"][0]["text"], "helps me relax");
    assert_eq!(sheet["good_about_now"][1]["text"], "quiet evenings");
    assert_eq!(sheet["good_about_now"][1]["importance"], 4);
    assert_eq!(sheet["not_so_good_about_now"][0]["text"], "costs too much");
    assert_eq!(sheet["not_so_good_about_now"][0]["importance"], 5);
    assert_eq!(
        session["measured"]["tools_used"],
        serde_json::json!(["advantages_disadvantages"])
    );
}

#[test]
fn a_worksheet_filled_between_meetings_is_saved_on_its_own() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut s = spawn_session(&data, &[]);
    s.expect("New session").expect("home screen");
    keys(&mut s, "t");
    s.expect("Choose a tool").expect("tools screen");
    keys(&mut s, "gentle");
    keys(&mut s, ENTER);
    s.expect("who is it for?").expect("peer picker");
    keys(&mut s, ENTER); // no peer
    s.expect("The request").expect("the worksheet");
    keys(&mut s, "A ride home after the group");
    keys(&mut s, CTRL_S);
    s.expect("Worksheet saved").expect("saved");
    keys(&mut s, ESC);
    keys(&mut s, ESC);
    s.expect("New session").expect("home again");
    keys(&mut s, "q");
    wait_for_exit(&mut s);

    let files = json_files(&data.join("worksheets"));
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["schema_version"], 1);
    let w = &files[0]["worksheet"];
    assert_eq!(w["tool_id"], "gentle_refusal");
    assert_eq!(w["saved"]["kind"], "gentle_refusal");
    assert_eq!(w["saved"]["request"], "A ride home after the group");
    assert!(w.get("unsaved").is_none());
}
