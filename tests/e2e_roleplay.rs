//! An observer codes a short live role-play in a real terminal: codes, an undo, a pin, the
//! global ratings and the debrief; then the JSON the app wrote is checked, and the progress
//! view lists it after a restart.

mod pty;

use pty::{ENTER, ESC, Pty};

#[test]
fn an_observer_codes_a_live_role_play_and_it_is_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut app = Pty::spawn(&data, &[]);
    app.wait_for("Practice");
    app.send("d");
    app.wait_for("observe");
    app.send("o");
    app.wait_for("Timer");
    // open, simple, complex, closed (taken back), change talk, advice with permission.
    for k in ["o", "s", "x", "c"] {
        app.send(k);
    }
    app.wait_for("Last: closed question");
    app.send("u");
    app.wait_for("Took back: closed question");
    app.send("+");
    app.send("p");
    app.wait_for("Last: advice with permission");
    app.send(ENTER);
    app.wait_for("Pin this moment");
    app.send("asked before advising");
    app.send(ENTER);
    app.wait_for("Moment pinned");
    app.send("e");
    app.wait_for("Global ratings");
    app.send("4");
    app.send("4");
    app.send("3");
    app.send("5");
    app.wait_for("[5]");
    app.send(ENTER);
    app.wait_for("Role-play debrief");
    app.wait_for("asked before advising");
    app.send(ESC);
    app.wait_for("Drill");
    app.send(ESC);
    app.wait_for("New session");
    app.send("q");
    app.wait_exit();

    let files: Vec<_> = std::fs::read_dir(data.join("practice/roleplays"))
        .expect("role-play folder")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(files.len(), 1);
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(files[0].path()).expect("read"))
            .expect("json");
    assert_eq!(v["schema_version"], 1);
    let r = &v["roleplay"];
    assert_eq!(r["kind"], "observed");
    let codes: Vec<&str> = r["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter_map(|e| e["code"].as_str())
        .collect();
    assert_eq!(
        codes,
        [
            "open_question",
            "simple_reflection",
            "complex_reflection",
            "change_talk",
            "advice_with_permission"
        ]
    );
    assert_eq!(r["pins"][0]["note"], "asked before advising");
    assert_eq!(r["globals"]["partnership"], 4);
    assert_eq!(r["globals"]["softening_sustain_talk"], 5);
    assert!(r["finished_at"].is_string());

    // After a restart, progress lists it.
    let mut app = Pty::spawn(&data, &[]);
    app.wait_for("Practice");
    app.send("d");
    app.wait_for("observe");
    app.send("p");
    app.wait_for("Progress");
    app.send("\t");
    app.wait_for("live");
    app.wait_for("R:Q  2.0");
    app.send(ESC);
    app.wait_for("Drill");
    app.send(ESC);
    app.wait_for("New session");
    app.send("q");
    app.wait_exit();
}
