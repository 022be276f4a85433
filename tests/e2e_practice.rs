//! A trainee in a real terminal: one practice answer with feedback, a skill marked in the
//! competency record, then the JSON the app wrote.

mod pty;

use std::time::Duration;

use expectrl::Expect;
use pty::{CTRL_S, ENTER, ESC, TAB, spawn_session, wait_for_exit};

/// Sends keys, then waits a moment so an Esc is never read together with the next key.
fn keys(s: &mut expectrl::session::OsSession, text: &str) {
    s.send(text).expect("send");
    std::thread::sleep(Duration::from_millis(200));
}

#[test]
fn a_trainee_practises_and_records_a_skill() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut s = spawn_session(&data, &[]);
    // Only single words are looked for: a frame skips cells that are already blank, so
    // words are not always written next to each other with their spaces.
    s.expect("Practice").expect("home menu");

    keys(&mut s, "d");
    s.expect("match").expect("practice setup");
    keys(&mut s, ENTER);
    s.expect("Rewrite").expect("first item");
    keys(&mut s, "What has that been like for you?");
    keys(&mut s, ENTER);
    s.expect("Goal").expect("feedback at once");
    s.expect("Compare").expect("model answers");
    keys(&mut s, ESC);
    s.expect("Leave").expect("asks first");
    keys(&mut s, "y");
    keys(&mut s, ESC);

    keys(&mut s, "c");
    s.expect("0/111").expect("competencies");
    keys(&mut s, ENTER);
    keys(&mut s, ENTER);
    s.expect("Evidence:").expect("form");
    keys(&mut s, TAB);
    keys(&mut s, "Team meeting");
    keys(&mut s, TAB);
    keys(&mut s, "Explained what peer support does and does not do.");
    keys(&mut s, CTRL_S);
    s.expect("marked").expect("saved");
    keys(&mut s, ESC);
    keys(&mut s, ESC);
    keys(&mut s, "q");
    wait_for_exit(&mut s);

    let rounds: Vec<_> = std::fs::read_dir(data.join("practice/rounds"))
        .expect("rounds folder")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(rounds.len(), 1);
    let round: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(rounds[0].path()).expect("read"))
            .expect("json");
    assert_eq!(round["schema_version"], 1);
    let first = &round["round"]["items"][0]["responses"][0];
    assert_eq!(first["text"], "What has that been like for you?");
    assert_eq!(first["label"], "open_question");
    assert_eq!(first["goal_met"], true);

    let record: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(data.join("competencies.json")).expect("record"),
    )
    .expect("json");
    let mark = &record["competencies"]["skills"]["peer_role.1"];
    assert_eq!(mark["context"], "Team meeting");
    assert_eq!(
        mark["evidence"],
        "Explained what peer support does and does not do."
    );
}
