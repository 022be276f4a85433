//! `alongside ref` run as the built binary: what it prints, how it wraps when not on a
//! terminal, its JSON, and its exit codes.

use std::process::{Command, Output};

use alongside::content;
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

/// Runs the binary with a private, empty config folder, so no content override on this
/// machine changes the answers.
fn run(args: &[&str]) -> Output {
    let config = tempfile::tempdir().expect("dir");
    Command::new(env!("CARGO_BIN_EXE_alongside"))
        .arg("ref")
        .args(args)
        .env("XDG_CONFIG_HOME", config.path())
        .env("HOME", config.path())
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf8")
}

fn entry_count() -> usize {
    content::builtin()
        .unwrap_or_else(|e| panic!("{e}"))
        .reference_entries()
        .len()
}

#[test]
fn list_prints_every_id_and_title() {
    let o = run(&["--list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), entry_count());
    assert!(lines.contains(&"stage:connecting                                Connecting"));
    let line = lines
        .iter()
        .find(|l| l.starts_with("tool:gentle_refusal "))
        .expect("gentle refusal listed");
    assert!(line.ends_with("  Gentle refusal in three steps"));
    // Titles line up in one column.
    let col = |l: &str| {
        l.find("  ")
            .map(|i| i + l[i..].len() - l[i..].trim_start().len())
    };
    let first = col(lines[0]);
    assert!(lines.iter().all(|l| col(l) == first));
}

#[test]
fn list_as_json_has_ids_titles_and_kinds() {
    let o = run(&["--list", "--json"]);
    assert!(o.status.success());
    let v: Value = serde_json::from_str(&stdout(&o)).expect("json");
    let all = v.as_array().expect("array");
    assert_eq!(all.len(), entry_count());
    let refusal = all
        .iter()
        .find(|e| e["id"] == "tool:gentle_refusal")
        .expect("listed");
    assert_eq!(refusal["title"], "Gentle refusal in three steps");
    assert_eq!(refusal["kind"], "tool");
    assert_eq!(refusal["stage"], "supporting");
}

#[test]
fn a_query_prints_the_best_match_wrapped_at_80_columns() {
    let o = run(&["three", "steps", "gentle", "refusal"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).is_empty());
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Gentle refusal in three steps");
    assert_eq!(lines[1], "Tool · Supporting · tool:gentle_refusal");
    assert_eq!(lines[2], "");
    // Not a terminal: wrapped to 80 columns, and some lines needed it.
    assert!(lines.iter().all(|l| l.width() <= 80), "{text}");
    assert!(lines.iter().any(|l| l.width() > 70));
    // Wrapped list items hang under their marker, and every word is kept.
    assert!(text.contains(
        "1. Acknowledge: Show you have heard the request and the need behind it, without\n   judging either."
    ));
    let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let entries = content::builtin()
        .unwrap_or_else(|e| panic!("{e}"))
        .reference_entries();
    let body = &entries
        .iter()
        .find(|e| e.id == "tool:gentle_refusal")
        .expect("entry")
        .body;
    assert_eq!(words(&lines[3..].join("\n")), words(body));
}

#[test]
fn a_quoted_query_and_an_entry_id_work_too() {
    let o = run(&["decisional balance"]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("Advantages and disadvantages worksheet\n"));
    let o = run(&["concept:exploring.ambivalence"]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("Ambivalence\nKey concept · Exploring"));
}

#[test]
fn all_prints_every_match_best_first() {
    let o = run(&["--all", "ready", "to", "plan"]);
    assert!(o.status.success());
    let text = stdout(&o);
    let ids: Vec<&str> = text
        .lines()
        .map(|l| l.split_whitespace().next().unwrap_or(""))
        .collect();
    assert!(ids.len() > 3);
    assert!(ids[..3].contains(&"tool:planning_possibilities"), "{text}");
    assert!(text.lines().all(|l| l.contains("  ")));
}

#[test]
fn json_gives_matches_with_scores() {
    let o = run(&["--json", "refelctive", "listening"]);
    assert!(o.status.success());
    let v: Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["query"], "refelctive listening");
    assert_eq!(v["terms"], serde_json::json!(["refelctive", "listening"]));
    let matches = v["matches"].as_array().expect("matches");
    assert_eq!(matches[0]["id"], "tool:reflective_listening");
    assert_eq!(matches[0]["title"], "Reflective listening");
    assert_eq!(matches[0]["kind"], "tool");
    assert_eq!(matches[0]["matched_terms"], 2);
    let scores: Vec<u64> = matches
        .iter()
        .map(|m| m["score"].as_u64().expect("score"))
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first");
    assert!(v.get("suggestions").is_none());
}

#[test]
fn an_unknown_query_fails_with_one_line_and_suggestions() {
    let o = run(&["saftee"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("alongside: nothing in the reference matches \"saftee\""));
    assert!(err.contains("did you mean \"Safety plan\"?"), "{err}");
    assert!(err.contains("alongside ref --list"));

    let o = run(&["xyzzy"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("try fewer or different words"));
}

#[test]
fn an_unknown_query_with_json_still_prints_json_and_fails() {
    let o = run(&["--json", "saftee"]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["matches"], serde_json::json!([]));
    assert_eq!(v["suggestions"], serde_json::json!(["Safety plan"]));
    assert_eq!(stderr(&o).lines().count(), 1);
}

#[test]
fn no_query_is_explained() {
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1);
    assert!(err.contains("alongside ref gentle refusal"));
    // --list takes no words.
    let o = run(&["--list", "oars"]);
    assert!(!o.status.success());
}
