//! In a real terminal: a group session of three (an existing peer, another joining, and a
//! new alias) is run, documented per attendee and saved; the shell finds it again from any
//! attendee, with its attendees.

mod pty;

use pty::{CTRL_S, ENTER, ESC, Pty, TAB};
use std::process::Command;

fn alongside(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_alongside"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .expect("run alongside")
}

/// The arrow down key as a terminal sends it.
const DOWN: &str = "\x1b[B";

#[test]
fn a_group_session_is_saved_and_found_again_by_each_attendee() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    assert!(
        alongside(&data, &["generate", "--sessions", "6", "--peers", "3"])
            .status
            .success()
    );
    let out = alongside(&data, &["peers", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let first = list[0]["alias"].as_str().expect("alias").to_string();
    let second = list[1]["alias"].as_str().expect("alias").to_string();

    let mut app = Pty::spawn(&data, &[]);
    app.wait_for("Coming up");
    app.send("n");
    app.wait_for("type to find a peer");
    app.send(&first);
    app.send(ENTER);
    app.wait_for("how are you meeting");
    for _ in 0..4 {
        app.send(DOWN);
    }
    app.send(ENTER);
    app.wait_for("Attendees (1)");
    app.send("Opening round");
    app.send(ESC);
    app.wait_for("add attendee");
    app.send("a");
    app.wait_for("Who joins");
    app.send(&second);
    app.send(ENTER);
    app.wait_for("Attendees (2)");
    app.send("a");
    app.wait_for("Who joins");
    app.send("Newcomer");
    app.send(ENTER);
    app.wait_for("Attendees (3)");
    app.send("n");
    app.wait_for("Group name or topic");
    app.send("Circle of three");
    app.send(ENTER);
    app.wait_for("Circle of three");
    app.send("e");
    app.wait_for("Each attendee");
    app.send(TAB);
    app.send(TAB);
    app.send(TAB);
    app.wait_for("their words: (none yet)");
    app.send(ENTER);
    app.wait_for("In their words");
    app.send("Glad to be here");
    app.send(TAB);
    app.send("come back next week");
    app.send(TAB);
    app.send("+7");
    app.send(CTRL_S);
    app.wait_for("come back next week");
    app.send(CTRL_S);
    app.wait_for("Note saved");
    app.send("q");
    app.wait_exit();

    for who in [first.as_str(), second.as_str(), "newcomer"] {
        let out = alongside(&data, &["notes", "list", "--peer", who, "--json"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let notes: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let group = notes
            .as_array()
            .expect("array")
            .iter()
            .find(|n| n["peer_alias"] == "Circle of three")
            .unwrap_or_else(|| panic!("{who} finds the group: {notes}"));
        assert_eq!(group["kind"], "group");
        assert_eq!(group["attendees"].as_array().map(Vec::len), Some(3));
    }
    let out = alongside(&data, &["due", "--within", "14"]);
    let due = String::from_utf8_lossy(&out.stdout);
    assert!(due.contains("come back next week"), "{due}");
}
