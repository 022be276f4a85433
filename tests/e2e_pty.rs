//! Runs the real binary in a pseudo-terminal, as a person would: adds a peer, runs a
//! session, types notes, ends it, saves, quits, then reads the JSON it wrote.

use std::os::unix::fs::PermissionsExt;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::{Expect, Session};

const ESC: &str = "\x1b";
const TAB: &str = "\t";
const ENTER: &str = "\r";
const CTRL_S: &str = "\x13";

fn spawn(data: &std::path::Path) -> expectrl::session::OsSession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_alongside"));
    cmd.arg("--data-dir").arg(data);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("ALONGSIDE_DATA_DIR");
    let mut s = Session::spawn(cmd).expect("spawn alongside in a pty");
    s.get_process_mut()
        .set_window_size(80, 24)
        .expect("window size");
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    s
}

/// Sends keys one small chunk at a time, as typing does.
fn keys(s: &mut expectrl::session::OsSession, text: &str) {
    s.send(text).expect("send");
    std::thread::sleep(Duration::from_millis(120));
}

fn wait_for_exit(s: &mut expectrl::session::OsSession) {
    let start = Instant::now();
    while s.get_process().is_alive().unwrap_or(false) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "app did not quit"
        );
        // Keep draining output so the app never blocks on a full pty.
        let mut buf = [0u8; 4096];
        let _ = s.try_read(&mut buf);
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_session_typed_in_a_real_terminal_is_saved_as_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut s = spawn(&data);
    s.expect("New session").expect("home screen");

    // New session with a new peer typed straight into the picker.
    keys(&mut s, "n");
    s.expect("Who is this session with?").expect("peer picker");
    keys(&mut s, "QT");
    keys(&mut s, ENTER); // "+ Add QT as a new peer"
    s.expect("New peer").expect("peer form");
    keys(&mut s, TAB);
    keys(&mut s, "they/them");
    keys(&mut s, CTRL_S);
    s.expect("how are you meeting").expect("kind picker");
    keys(&mut s, ENTER); // in person
    s.expect("Notes").expect("session screen");

    keys(
        &mut s,
        "Talked about quitting smoking; q and e typed here stay text.",
    );
    keys(&mut s, ESC);
    keys(&mut s, "]"); // Exploring
    keys(&mut s, "f"); // follow-up flag
    keys(&mut s, "e"); // end
    s.expect("What matters").expect("summary form");
    keys(&mut s, "Breathing easier on the stairs");
    keys(&mut s, CTRL_S);
    s.expect("Note saved").expect("saved message");
    keys(&mut s, "q");
    wait_for_exit(&mut s);

    let sessions = data.join("sessions");
    let files: Vec<_> = std::fs::read_dir(&sessions)
        .expect("sessions dir")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(files.len(), 1, "one session file");
    let path = files[0].path();
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "note files are private");
    let dir_mode = std::fs::metadata(&data).expect("meta").permissions().mode() & 0o777;
    assert_eq!(dir_mode, 0o700, "data folder is private");

    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
    let session = json.get("session").unwrap_or(&json);
    assert_eq!(json["schema_version"], 1);
    assert_eq!(session["peer_alias"], "QT");
    assert_eq!(session["kind"], "in_person");
    assert_eq!(
        session["notes"],
        "Talked about quitting smoking; q and e typed here stay text."
    );
    assert_eq!(session["flags"]["follow_up_needed"], true);
    assert_eq!(
        session["summary"]["what_matters"],
        "Breathing easier on the stairs"
    );
    let stages: Vec<&str> = session["stage_log"]
        .as_array()
        .expect("stage log")
        .iter()
        .filter_map(|v| v["stage"].as_str())
        .collect();
    assert_eq!(stages, ["connecting", "exploring"]);
    assert!(session["ended_at"].is_string());
    assert!(session["measured"]["duration_seconds"].is_number());

    let peers: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data.join("peers.json")).expect("peers"))
            .expect("json");
    assert_eq!(peers["peers"][0]["alias"], "QT");
    assert_eq!(peers["peers"][0]["pronouns"], "they/them");
    assert!(
        std::fs::read_dir(data.join("drafts"))
            .map(|d| d.count() == 0)
            .unwrap_or(true),
        "no draft left once the note is saved"
    );
}

#[test]
fn a_closed_terminal_keeps_the_typed_notes_as_a_draft() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut s = spawn(&data);
    s.expect("New session").expect("home screen");
    keys(&mut s, "n");
    keys(&mut s, "Z9");
    keys(&mut s, ENTER);
    keys(&mut s, CTRL_S);
    keys(&mut s, ENTER);
    s.expect("Notes").expect("session screen");
    keys(&mut s, "typed just before the window closed");
    // Keys are handled in order, so once Esc has switched the hint bar every typed key is
    // in the app. No pause for autosave after that: the signal itself must keep the text.
    keys(&mut s, ESC);
    s.expect("write notes").expect("session commands");
    let pid = s.get_process().pid();
    let status = Command::new("kill")
        .arg("-HUP")
        .arg(pid.to_string())
        .status()
        .expect("kill");
    assert!(status.success());
    wait_for_exit(&mut s);

    let drafts: Vec<_> = std::fs::read_dir(data.join("drafts"))
        .expect("drafts dir")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(drafts.len(), 1);
    let text = std::fs::read_to_string(drafts[0].path()).expect("read");
    assert!(text.contains("typed just before the window closed"));
}
