//! In a real terminal: a session started with a peer who has history shows Last time, and
//! the goals file and the shell commands agree with what the app saved.

mod pty;

use pty::{ENTER, ESC, Pty};
use std::process::Command;

fn alongside(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_alongside"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .expect("run alongside")
}

#[test]
fn starting_a_session_with_a_peer_who_has_history_shows_last_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let out = alongside(&data, &["generate", "--sessions", "40", "--peers", "3"]);
    assert!(out.status.success());
    assert!(
        data.join("goals.json").exists(),
        "generate writes the goals"
    );

    let mut app = Pty::spawn(&data, &[]);
    app.wait_for("Coming up");
    app.send("p");
    app.wait_for("peer page");
    app.send(ENTER);
    app.wait_for("Goals (");
    app.send("s");
    app.wait_for("how are you meeting");
    app.send(ENTER);
    app.wait_for("Last time");
    app.wait_for("What mattered");
    app.send(ESC);
    app.wait_for("write notes");
    app.send("v");
    app.send("q");
    app.wait_for("y");
    app.send("y");
    app.wait_exit();
}

#[test]
fn due_and_peers_read_a_generated_folder_as_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    assert!(
        alongside(&data, &["generate", "--sessions", "60", "--peers", "4"])
            .status
            .success()
    );

    let out = alongside(&data, &["due", "--within", "3650", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let due: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let items = due.as_array().expect("array");
    assert!(!items.is_empty());
    for i in items {
        for key in ["kind", "peer_id", "peer_alias", "due", "text"] {
            assert!(i.get(key).is_some(), "{key} in {i}");
        }
        let due = i["due"].as_str().expect("date");
        assert!(chrono::NaiveDate::parse_from_str(due, "%Y-%m-%d").is_ok());
    }

    let out = alongside(&data, &["peers", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let alias = list[0]["alias"].as_str().expect("alias").to_string();
    assert_eq!(list.as_array().map(Vec::len), Some(4));

    let out = alongside(&data, &["peers", "show", &alias, "--json"]);
    assert!(out.status.success());
    let page: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(page["peer"]["alias"], alias);
    for g in page["goals"].as_array().expect("goals") {
        for key in ["text", "status", "target", "progress", "next_steps"] {
            assert!(g.get(key).is_some(), "{key} in {g}");
        }
    }
    assert!(page["sessions"].as_array().is_some_and(|s| s.len() <= 10));
    assert!(page.get("safety_plan").is_some());

    let out = alongside(&data, &["peers", "show", &alias, "--format", "md"]);
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.starts_with(&format!("# {alias}")));
    assert!(md.contains("## Goals"));

    let typo = format!("{alias}x");
    let out = alongside(&data, &["peers", "show", &typo]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("did you mean"), "{err}");
}
