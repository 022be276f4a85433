//! Progress notes, the peer-language check and reports from the command line, on a
//! generated folder, and the new session fields read from files written before them.

#[path = "storage_common/mod.rs"]
mod common;

use std::collections::BTreeMap;
use std::fs;
use std::io::Cursor;
use std::process::Command;

use alongside::cli::notes::{self, NoteFormat};
use alongside::cli::progress::ProgressContext;
use alongside::cli::report::{self, ReportFormat};
use alongside::domain::activity_log::{ActivityEntry, ActivityLog, IndirectActivity};
use alongside::domain::report::DayRange;
use alongside::domain::secret::Passphrase;
use alongside::domain::settings::Settings;
use alongside::storage::crypt::{self, migrate};
use alongside::storage::{Store, sample};
use chrono::NaiveDate;
use common::{peer, session};
use uuid::Uuid;

fn run(f: impl FnOnce(&mut Vec<u8>) -> anyhow::Result<()>) -> anyhow::Result<String> {
    let mut out = Vec::new();
    f(&mut out)?;
    Ok(String::from_utf8(out).expect("utf8"))
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn content() -> &'static alongside::content::Content {
    alongside::content::builtin().expect("content")
}

#[test]
fn a_progress_note_has_every_labelled_part_in_order_within_80_columns() {
    let dir = tempfile::tempdir().expect("dir");
    sample::generate(dir.path(), 40, 5, 3).expect("generate");
    let (store, _) = Store::open_read_only(dir.path()).expect("open");
    let settings = Settings {
        name: "Sam Rivera".into(),
        credential: "CPS".into(),
        organisation: "Harbor Peer Center".into(),
        service_code: "H0038".into(),
        ..Settings::default()
    };
    let ctx = ProgressContext::new(content(), settings.clone(), None).expect("layout");
    let id = store.sessions()[0].id.to_string();
    let text =
        run(|out| notes::show_with(&store, &id, NoteFormat::Progress, &ctx, out)).expect("show");
    let labels = [
        "Date:",
        "Start:",
        "End:",
        "Duration:",
        "Setting:",
        "Service:",
        "Provider:",
        "Peer:",
        "Goals addressed:",
        "Intervention:",
        "Response:",
        "Plan:",
    ];
    let mut at = 0;
    for label in labels {
        let found = text[at..]
            .find(&format!("\n{label}"))
            .map(|i| i + at + 1)
            .or_else(|| text.starts_with(label).then_some(0))
            .unwrap_or_else(|| panic!("{label} missing or out of order in\n{text}"));
        at = found;
    }
    assert!(text.contains("Sam Rivera, CPS, Harbor Peer Center"));
    assert!(text.contains("Peer support (H0038)"));
    for line in text.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 80,
            "too wide: {line}"
        );
    }

    let dap = ProgressContext::new(content(), settings, Some("dap")).expect("dap");
    let text =
        run(|out| notes::show_with(&store, &id, NoteFormat::Progress, &dap, out)).expect("show");
    for label in ["Data:", "Assessment:", "Plan:"] {
        assert!(text.contains(label), "{label} in\n{text}");
    }
    assert!(ProgressContext::new(content(), Settings::default(), Some("soap")).is_err());

    let out_dir = dir.path().join("out");
    run(|out| notes::export_with(&store, NoteFormat::Progress, &dap, &out_dir, out))
        .expect("export");
    let files: Vec<_> = fs::read_dir(&out_dir).expect("dir").collect();
    assert_eq!(files.len(), 40);
    let one = files[0].as_ref().expect("entry").path();
    assert_eq!(one.extension().and_then(|e| e.to_str()), Some("txt"));
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        fs::metadata(&one).expect("meta").permissions().mode() & 0o777,
        0o600
    );
}

/// The report's totals are the sums of the notes themselves, read one by one.
#[test]
fn report_totals_match_the_notes_and_the_log() {
    let dir = tempfile::tempdir().expect("dir");
    sample::generate(dir.path(), 400, 12, 5).expect("generate");
    let range = DayRange::new(day("2025-12-01"), day("2026-02-28")).expect("range");
    let mut log = ActivityLog::default();
    for (i, minutes) in [30u32, 45, 60].into_iter().enumerate() {
        let e = ActivityEntry {
            id: Uuid::new_v4(),
            date: day("2026-01-10") + chrono::Duration::days(i as i64 * 30),
            minutes,
            activity: IndirectActivity::ALL[i],
            peer_id: None,
            peer_alias: None,
            note: String::new(),
            logged_at: common::t(0),
        };
        log.add(e, 0).expect("add");
    }
    {
        let (store, _) = Store::open(dir.path()).expect("open");
        store.save_activity_log(&log).expect("save log");
    }
    let (store, _) = Store::open_read_only(dir.path()).expect("open");
    let json = run(|out| report::command(&store, content(), range, ReportFormat::Json, out))
        .expect("report");
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");

    let mut sessions = 0u64;
    let mut minutes = 0u64;
    let mut direct: BTreeMap<String, u64> = BTreeMap::new();
    let mut peers = std::collections::HashSet::new();
    let mut goals = 0u64;
    for e in store.sessions() {
        let s = store.load_session(e.id).expect("load");
        if !range.contains(s.started_at.date_naive()) {
            continue;
        }
        sessions += 1;
        minutes += u64::from(s.duration_minutes());
        peers.insert(s.peer_id);
        goals += s.summary.goals.len() as u64;
        for (a, m) in s.minutes_by_activity() {
            *direct.entry(a.id().to_string()).or_insert(0) += u64::from(m);
        }
    }
    assert!(sessions > 50, "the range holds sessions");
    assert_eq!(v["from"], "2025-12-01");
    assert_eq!(v["to"], "2026-02-28");
    assert_eq!(v["sessions"], sessions);
    assert_eq!(v["session_minutes"], minutes);
    assert_eq!(v["peers_seen"], peers.len() as u64);
    assert_eq!(v["goals_addressed"], goals);
    assert!(v["goals_achieved"].is_u64());
    for (id, m) in &direct {
        assert_eq!(v["direct_minutes"][id], *m, "{id}");
    }
    let sum: u64 = direct.values().sum();
    assert_eq!(v["direct_total"], sum);
    // Only the log entries inside the range: 10 Jan and 9 Feb, not 11 Mar.
    assert_eq!(v["indirect_minutes"]["team_communication"], 30);
    assert_eq!(v["indirect_minutes"]["administration"], 45);
    assert!(v["indirect_minutes"].get("information_gathering").is_none());
    assert_eq!(v["indirect_total"], 75);

    let csv =
        run(|out| report::command(&store, content(), range, ReportFormat::Csv, out)).expect("csv");
    assert!(csv.contains(&format!("total,sessions,Sessions,{sessions},")));
    let md =
        run(|out| report::command(&store, content(), range, ReportFormat::Md, out)).expect("md");
    assert!(md.contains("| Team communication | indirect | 0:30 |"));
}

#[test]
fn the_binary_refuses_a_backwards_range_and_checks_language_by_line() {
    let dir = tempfile::tempdir().expect("dir");
    let cfg = dir.path().join("cfg");
    let bin = env!("CARGO_BIN_EXE_alongside");
    let out = Command::new(bin)
        .args(["--data-dir"])
        .arg(dir.path().join("data"))
        .args(["report", "--from", "2026-03-05", "--to", "2026-03-01"])
        .env("ALONGSIDE_CONFIG_DIR", &cfg)
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("after --to"), "{err}");
    assert!(!dir.path().join("data").exists(), "nothing written");

    let mut child = Command::new(bin)
        .arg("language")
        .env("ALONGSIDE_CONFIG_DIR", &cfg)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(
                "She refused meds and stayed clean since June.\nWe cleaned a clean apartment.\n"
                    .as_bytes(),
            )
            .expect("write");
    }
    let out = child.wait_with_output().expect("wait");
    let text = String::from_utf8(out.stdout).expect("utf8");
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 2);
    let terms: Vec<&str> = lines[0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["rule"].as_str().expect("rule"))
        .collect();
    assert_eq!(terms, ["refused", "clean"]);
    let f = &lines[0]["findings"][0];
    assert_eq!(
        (f["start"].as_u64(), f["end"].as_u64()),
        (Some(4), Some(11))
    );
    assert!(f["suggestions"].as_array().is_some_and(|s| !s.is_empty()));
    assert!(f["why"].as_str().is_some_and(|w| !w.is_empty()));
    assert_eq!(lines[1]["findings"], serde_json::json!([]));

    let out = Command::new(bin)
        .arg("settings")
        .env("ALONGSIDE_CONFIG_DIR", &cfg)
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("settings.toml"), "{text}");
    assert!(text.contains("check_in_days"), "{text}");
    assert!(!cfg.exists(), "showing settings writes nothing");
}

#[test]
fn language_check_of_a_saved_note_names_each_field() {
    let dir = tempfile::tempdir().expect("dir");
    let p = peer("JD");
    let mut s = session(&p, 0, "Peer denies using since Friday.");
    s.summary.strengths = "Shows up every week".into();
    {
        let (mut store, _) = Store::open(dir.path()).expect("open");
        store.save_session(&s).expect("save");
    }
    let (store, _) = Store::open_read_only(dir.path()).expect("open");
    let loaded = store.load_session(s.id).expect("load");
    let text =
        run(|out| alongside::cli::language::check_note(content().language(), &loaded, false, out))
            .expect("check");
    assert!(text.starts_with("notes: \"denies\""), "{text}");
    assert!(!text.contains("strengths"), "{text}");
    let mut input = Cursor::new(Vec::new());
    let none = run(|out| {
        alongside::cli::language::check_command(
            content().language(),
            Some("a clean apartment"),
            false,
            &mut input,
            out,
        )
    })
    .expect("check");
    assert_eq!(none, "No words to reconsider.\n");
}

const OLD_SESSION: &str = r#"{
  "schema_version": 1,
  "session": {
    "id": "0b0b0b0b-0000-4000-8000-000000000001",
    "peer_id": "0b0b0b0b-0000-4000-8000-0000000000aa",
    "peer_alias": "JD",
    "kind": "phone",
    "started_at": "2026-01-05T10:00:00-05:00",
    "ended_at": "2026-01-05T10:40:00-05:00",
    "stage_log": [{"stage": "connecting", "entered_at": "2026-01-05T10:00:00-05:00"}],
    "notes": "talked about the bus pass",
    "summary": {"activities": ["advocacy", "connecting_to_resources"],
                "goals": [{"in_their_words": "Get a bus pass", "next_steps": [{"what": "Call the office"}]}]},
    "measured": {"duration_seconds": 2400, "stage_seconds": {"connecting": 2400}, "tools_used": []}
  }
}"#;

/// A session file from before minutes per activity, read-back and peer comments existed
/// reads unchanged, plain and encrypted, and an index without report figures is refreshed.
#[test]
fn schema_one_session_files_without_the_new_fields_read_plain_and_encrypted() {
    for encrypted in [false, true] {
        let dir = tempfile::tempdir().expect("dir");
        drop(Store::open(dir.path()).expect("create"));
        let file = dir
            .path()
            .join("sessions")
            .join("0b0b0b0b-0000-4000-8000-000000000001.json");
        fs::write(&file, OLD_SESSION).expect("write");
        drop(Store::open(dir.path()).expect("index it"));
        // An index from before reports: strip the figures, as the older version wrote it.
        let index = dir.path().join("index.json");
        let mut v: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&index).expect("index")).expect("json");
        for e in v["sessions"].as_array_mut().expect("entries") {
            e.as_object_mut().expect("entry").remove("facts");
        }
        fs::write(&index, serde_json::to_vec(&v).expect("json")).expect("write");
        if encrypted {
            let pass = Passphrase::from("blue kettle morning");
            let fast = migrate::Options {
                work_factor: Some(4),
                stop: None,
            };
            migrate::encrypt(dir.path(), &pass, fast).expect("encrypt");
            crypt::unlock(dir.path(), &pass).expect("unlock");
        }
        let (store, _) = Store::open_read_only(dir.path()).expect("open");
        let id = Uuid::from_u128(0x0b0b0b0b_0000_4000_8000_000000000001);
        let s = store.load_session(id).expect("old file reads");
        assert!(s.activity_minutes.is_empty() && s.read_back.is_none());
        assert_eq!(s.minutes_by_activity().values().sum::<u32>(), 40);
        assert!(!s.summary.goals[0].next_steps[0].done);
        let e = &store.sessions()[0];
        assert!(
            e.facts.is_some(),
            "figures read again from the session file"
        );
        let r = report::build(&store, content(), DayRange::month_of(day("2026-01-05")))
            .expect("report");
        assert_eq!(
            (r.sessions, r.direct_total, r.next_steps_agreed),
            (1, 40, 1)
        );
        if encrypted {
            crypt::forget(dir.path());
        }
    }
}
