//! `alongside practice code FILE` run as the built binary: text, JSON and Markdown, bad
//! files with one-line errors, and `practice debrief` / `practice roleplays` on a data
//! folder.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn run(args: &[&str], data: Option<&Path>) -> Output {
    let home = tempfile::tempdir().expect("dir");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_alongside"));
    if let Some(d) = data {
        cmd.arg("--data-dir").arg(d);
    }
    cmd.arg("practice")
        .args(args)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env_remove("ALONGSIDE_DATA_DIR")
        .env_remove("ALONGSIDE_PASSPHRASE")
        .output()
        .expect("the binary runs")
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf8")
}

fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf8")
}

const TRANSCRIPT: &str = "Practice 4 (week 2)\nS: What brings you here today?\nP: My sister made me come.\nS: It sounds like you're worried about the rent.\nP: I could cut back on going out,\nif I had to.\nS: Do you drink every day?\nS: You should call your landlord.\n";

fn transcript_file(dir: &Path) -> std::path::PathBuf {
    let p = dir.join("roleplay.txt");
    std::fs::write(&p, TRANSCRIPT).expect("write");
    p
}

#[test]
fn json_has_turns_and_scores_with_thresholds() {
    let dir = tempfile::tempdir().expect("dir");
    let file = transcript_file(dir.path());
    let o = run(&["code", file.to_str().expect("path"), "--json"], None);
    assert!(o.status.success(), "{}", err(&o));
    let v: Value = serde_json::from_str(&out(&o)).expect("one JSON object");
    let turns = v["turns"].as_array().expect("turns");
    assert_eq!(turns.len(), 6);
    assert_eq!(turns[0]["speaker"], "specialist");
    assert_eq!(turns[0]["text"], "What brings you here today?");
    assert_eq!(turns[0]["label"], "open_question");
    assert!(turns[0]["reflection_depth"].is_null());
    assert!(
        turns[0]["reasons"]
            .as_array()
            .is_some_and(|r| !r.is_empty())
    );
    assert_eq!(turns[1]["speaker"], "peer");
    assert!(turns[1].get("label").is_none(), "peer turns are not coded");
    assert_eq!(
        turns[3]["text"],
        "I could cut back on going out, if I had to."
    );
    assert_eq!(turns[2]["label"], "reflection");
    assert!(turns[2]["reflection_depth"].is_string());
    let s = &v["scores"];
    assert_eq!(s["counts"]["open_question"], 1);
    assert_eq!(s["counts"]["closed_question"], 1);
    assert_eq!(s["counts"]["reflection"], 1);
    assert_eq!(s["counts"]["advice"], 1);
    // 1 reflection over 2 questions; 1 of 2 questions open.
    assert_eq!(s["reflection_to_question"]["value"], 0.5);
    assert_eq!(s["reflection_to_question"]["meets"], "below_fair");
    assert_eq!(s["percent_open_questions"]["value"], 50.0);
    assert_eq!(s["percent_open_questions"]["meets"], "fair");
    assert!(s["percent_complex_reflections"]["meets"].is_string());
    assert_eq!(s["reflection_to_question"]["good"], 2.0);
    // The line before the first speaker is reported, on stderr only.
    assert!(err(&o).contains("1 line(s) before the first speaker"));
    // Nothing was written next to the transcript.
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
}

#[test]
fn text_and_markdown() {
    let dir = tempfile::tempdir().expect("dir");
    let file = transcript_file(dir.path());
    let o = run(&["code", file.to_str().expect("path")], None);
    assert!(o.status.success());
    let text = out(&o);
    assert!(text.contains("S: What brings you here today?\n   => open question"));
    assert!(text.contains("Reflection-to-question"));
    assert!(text.contains("below fair"));
    assert!(text.contains("MITI 4.2.1"));

    let o = run(
        &["code", file.to_str().expect("path"), "--format", "md"],
        None,
    );
    assert!(o.status.success());
    let md = out(&o);
    assert!(md.starts_with("# Role-play debrief"));
    assert!(md.contains("| Reflection-to-question | 0.5 | below fair | 1:1 / 2:1 |"));
    assert!(md.contains("- **P:** My sister made me come."));

    let o = run(
        &[
            "code",
            file.to_str().expect("path"),
            "--json",
            "--format",
            "md",
        ],
        None,
    );
    assert!(!o.status.success(), "--json and --format conflict");
}

#[test]
fn bad_files_get_a_one_line_error() {
    let dir = tempfile::tempdir().expect("dir");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").expect("w");
    let plain = dir.path().join("plain.txt");
    std::fs::write(&plain, "hello\nhow are you\n").expect("w");
    let binary = dir.path().join("a.bin");
    std::fs::write(&binary, [0u8, 1, 2, 3, 255, 254, 0, 7]).expect("w");
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "S: tell me more about that\n".repeat(400_000)).expect("w");
    let missing = dir.path().join("missing.txt");
    for (path, says) in [
        (&empty, "empty"),
        (&plain, "speaker"),
        (&binary, "binary"),
        (&big, "MB"),
        (&missing, "No file"),
        (&dir.path().to_path_buf(), "could not be read"),
    ] {
        let o = run(&["code", path.to_str().expect("path")], None);
        assert!(!o.status.success(), "{says}");
        let e = err(&o);
        assert_eq!(e.lines().count(), 1, "{says}: {e}");
        assert!(e.contains(says), "{says}: {e}");
        assert!(
            e.contains(&path.display().to_string()),
            "names the path: {e}"
        );
        assert!(out(&o).is_empty());
    }
}

#[test]
fn debrief_and_list_read_the_saved_role_plays() {
    use alongside::domain::practice::{Code, Global, Tally};
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let o = run(&["debrief"], Some(&data));
    assert!(!o.status.success());
    assert!(err(&o).contains("no data folder"));
    {
        let (store, _) = alongside::storage::Store::open(&data).expect("open");
        let start =
            chrono::DateTime::parse_from_rfc3339("2026-03-02T09:30:00-05:00").expect("time");
        let mut tally = Tally::start(uuid::Uuid::from_u128(0xabc), start);
        tally.code(Code::OpenQuestion, start + chrono::Duration::seconds(5));
        tally.code(Code::SimpleReflection, start + chrono::Duration::seconds(9));
        tally.pin("good pause", start + chrono::Duration::seconds(10));
        tally.record.globals.set(Global::Partnership, 4);
        tally.finish(start + chrono::Duration::seconds(60));
        store.save_practice_roleplay(&tally.record).expect("save");
    }
    let o = run(&["roleplays"], Some(&data));
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("00000000  2026-03-02 09:30  live 01:00"));
    let o = run(&["debrief"], Some(&data));
    assert!(o.status.success(), "{}", err(&o));
    let md = out(&o);
    assert!(md.contains("- 00:10: good pause"));
    assert!(md.contains("| Reflection-to-question | 1.0 | fair |"));
    let o = run(
        &["debrief", "00000000-0000", "--format", "json"],
        Some(&data),
    );
    let v: Value = serde_json::from_str(&out(&o)).expect("json");
    assert_eq!(v["globals"]["partnership"], 4);
    let o = run(&["debrief", "ffff"], Some(&data));
    assert!(!o.status.success());
    assert!(err(&o).contains("no coded role-play"));
}
