//! The real binary in a pseudo-terminal: the first-run settings question, then a session
//! ended, read back with the peer, a comment added in their words and the note saved; the
//! JSON it wrote records the review.

mod pty;

use pty::{CTRL_S, ESC, Pty, TAB, config_dir_for};

const CTRL_R: &str = "\x12";

#[test]
fn a_session_is_read_back_with_the_peer_and_their_comment_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    // No settings yet: the first-run question comes up.
    let config = config_dir_for(&data);
    std::fs::create_dir_all(&config).expect("config");
    let mut app = Pty::spawn_first_run(&data, &[]);
    app.wait_for("who writes these notes?");
    app.send("Sam Rivera");
    app.send(TAB);
    app.send("CPS");
    app.send(CTRL_S);
    app.wait_for("Settings kept");
    let settings = std::fs::read_to_string(config.join("settings.toml")).expect("settings");
    assert!(settings.contains("name = \"Sam Rivera\""), "{settings}");

    app.start_session_with_new_peer("QT");
    app.send("Bus pass and the early shift.");
    app.wait_for("early shift.");
    app.send(ESC);
    app.wait_for("write notes");
    app.send("e");
    app.wait_for("What matters");
    app.send("Getting to work on time");
    app.wait_for("on time");
    app.send(CTRL_R);
    app.wait_for("Reading the note together");
    app.wait_for("Getting to work on time");
    app.send("It is the 8:10 bus");
    app.wait_for("8:10 bus");
    app.send(CTRL_S);
    app.wait_for("Note saved");
    app.send("q");
    app.wait_exit();

    let file = std::fs::read_dir(data.join("sessions"))
        .expect("sessions")
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "json"))
        .expect("one session");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file.path()).expect("read")).expect("json");
    let s = &json["session"];
    assert_eq!(json["schema_version"], 1);
    assert_eq!(s["summary"]["what_matters"], "Getting to work on time");
    assert!(s["read_back"]["at"].is_string(), "{s}");
    assert_eq!(s["read_back"]["comments"][0]["text"], "It is the 8:10 bus");
}
