//! Runs the real binary in a pseudo-terminal, as a person would: adds a peer, runs a
//! session, types notes, ends it, saves, quits, then reads the JSON it wrote.

mod pty;

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use pty::{CTRL_S, ENTER, ESC, Pty, TAB};

#[test]
fn a_session_typed_in_a_real_terminal_is_saved_as_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut app = Pty::spawn(&data, &[]);
    app.wait_for("New session");

    // New session with a new peer typed straight into the picker.
    app.send("n");
    app.wait_for("Who is this session with?");
    app.send("QT");
    app.wait_for("Add \"QT\" as a new peer");
    app.send(ENTER);
    app.wait_for("New peer");
    app.send(TAB);
    app.send("they/them");
    app.wait_for("they/them");
    app.send(CTRL_S);
    app.wait_for("how are you meeting");
    app.send(ENTER); // in person
    app.wait_for("Esc session commands");

    app.send("Talked about quitting smoking; q and e typed here stay text.");
    app.wait_for("stay text.");
    app.send(ESC);
    app.wait_for("write notes");
    app.send("]"); // Exploring
    app.send("f"); // follow-up flag
    app.wait_for("follow-up needed");
    app.send("e"); // end
    app.wait_for("What matters");
    app.send("Breathing easier on the stairs");
    app.wait_for("on the stairs");
    app.send(CTRL_S);
    app.wait_for("Note saved");
    app.send("q");
    app.wait_exit();

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
    let session = &json["session"];
    assert_eq!(json["schema_version"], 1);
    assert_eq!(session["peer_alias"], "QT");
    assert_eq!(session["kind"], "in_person");
    assert_eq!(
        session["notes"],
        "Talked about quitting smoking; q and e typed here stay text."
    );
    assert_eq!(session["flags"]["follow_up_needed"], true);
    assert_eq!(session["flags"]["safety_concern"], false);
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
    let mut app = Pty::spawn(&data, &[]);
    app.wait_for("New session");
    app.start_session_with_new_peer("Z9");
    app.send("typed just before the window closed");
    // On screen means in the app. No pause for autosave after that: the signal itself
    // must keep the text.
    app.wait_for("window closed");
    let status = Command::new("kill")
        .arg("-HUP")
        .arg(app.pid().to_string())
        .status()
        .expect("kill");
    assert!(status.success());
    app.wait_exit();

    let drafts: Vec<_> = std::fs::read_dir(data.join("drafts"))
        .expect("drafts dir")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(drafts.len(), 1);
    let text = std::fs::read_to_string(drafts[0].path()).expect("read");
    assert!(text.contains("typed just before the window closed"));
}
