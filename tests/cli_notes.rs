//! `notes list`, `notes show` and `notes export` output.

#[path = "storage_common/mod.rs"]
mod common;

use std::fs;

use alongside::cli::notes::{self, NoteFormat};
use alongside::domain::Session;
use alongside::storage::Store;
use common::{peer, session, t};
use uuid::Uuid;

/// A closed store with JD (two sessions, one flagged) and Sunny (one), opened read-only.
fn fixture() -> (tempfile::TempDir, Store, Vec<Session>) {
    let dir = tempfile::tempdir().expect("dir");
    let jd = peer("JD");
    let sunny = peer("Sunny");
    let mut a = session(&jd, 0, "talked about the job fair");
    a.id = Uuid::from_u128(0xaaaa_0000_0000_4000_8000_0000_0000_0001);
    let mut b = session(&sunny, 60 * 24, "housing letter");
    b.id = Uuid::from_u128(0xaaaa_1111_0000_4000_8000_0000_0000_0002);
    b.flags.follow_up_needed = true;
    let mut c = session(&jd, 60 * 48, "family visit");
    c.id = Uuid::from_u128(0xcccc_0000_0000_4000_8000_0000_0000_0003);
    c.flags.safety_concern = true;
    c.amend("called the next day", t(60 * 72)).expect("amend");
    {
        let (mut store, _) = Store::open(dir.path()).expect("open");
        store.save_peer(&jd).expect("peer");
        store.save_peer(&sunny).expect("peer");
        for s in [&a, &b, &c] {
            store.save_session(s).expect("save");
        }
    }
    let (store, _) = Store::open_read_only(dir.path()).expect("open");
    (dir, store, vec![a, b, c])
}

fn run(f: impl FnOnce(&mut Vec<u8>) -> anyhow::Result<()>) -> anyhow::Result<String> {
    let mut out = Vec::new();
    f(&mut out)?;
    Ok(String::from_utf8(out).expect("utf8"))
}

#[test]
fn list_prints_one_line_per_session_newest_first() {
    let (_dir, store, s) = fixture();
    let text = run(|out| notes::list(&store, None, false, out)).expect("list");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[0],
        format!(
            "2026-01-07 10:00  JD     In person  45 min  safety     {}",
            s[2].id
        )
    );
    assert_eq!(
        lines[1],
        format!(
            "2026-01-06 10:00  Sunny  In person  45 min  follow-up  {}",
            s[1].id
        )
    );
    assert!(lines[2].starts_with("2026-01-05 10:00  JD "));
    assert!(lines[2].ends_with(&s[0].id.to_string()));
    assert!(!text.contains("job fair"), "no note text in the list");
    // Every id starts in the same column, whatever the length and flags.
    let id_cols: Vec<usize> = lines.iter().map(|l| l.chars().count() - 36).collect();
    assert!(id_cols.windows(2).all(|w| w[0] == w[1]), "{text}");
}

#[test]
fn list_filters_by_alias_case_insensitively_and_refuses_unknown_peers() {
    let (_dir, store, s) = fixture();
    let text = run(|out| notes::list(&store, Some("jd"), false, out)).expect("list");
    let ids: Vec<&str> = text
        .lines()
        .map(|l| l.rsplit(' ').next().unwrap_or(""))
        .collect();
    assert_eq!(ids, vec![s[2].id.to_string(), s[0].id.to_string()]);

    let err = run(|out| notes::list(&store, Some("Nobody"), false, out)).expect_err("unknown");
    assert_eq!(err.to_string(), "no peer is called \"Nobody\"");
}

#[test]
fn list_json_is_an_array_of_entries_without_search_text() {
    let (_dir, store, s) = fixture();
    let text = run(|out| notes::list(&store, None, true, out)).expect("list");
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let arr = v.as_array().expect("array");
    assert_eq!(arr.len(), 3);
    let first = arr[0].as_object().expect("object");
    let mut keys: Vec<&str> = first.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        vec![
            "amendment_count",
            "duration_seconds",
            "ended_at",
            "flags",
            "id",
            "kind",
            "peer_alias",
            "peer_id",
            "preview",
            "started_at",
        ]
    );
    assert_eq!(first["id"], s[2].id.to_string());
    assert_eq!(first["kind"], "in_person");
    assert_eq!(first["amendment_count"], 1);
    assert_eq!(first["duration_seconds"], 45 * 60);
    assert_eq!(first["flags"]["safety_concern"], true);
    assert_eq!(first["started_at"], "2026-01-07T10:00:00-05:00");
    assert_eq!(first["preview"], "family visit");
    assert!(!text.contains("search_text"));

    let empty = tempfile::tempdir().expect("dir");
    let (store, _) = Store::open(empty.path()).expect("open");
    let text = run(|out| notes::list(&store, None, true, out)).expect("list");
    assert_eq!(text.trim(), "[]");
}

#[test]
fn show_finds_a_note_by_a_unique_prefix_in_markdown_or_json() {
    let (_dir, store, s) = fixture();
    let md = run(|out| notes::show(&store, "cccc", NoteFormat::Md, out)).expect("show");
    assert!(
        md.starts_with("# Session with JD — 2026-01-07 10:00 (-05:00)\n"),
        "{md}"
    );
    assert!(md.contains("- Flags: safety concern"));
    assert!(md.contains("## Amendments"));
    assert!(md.contains("called the next day"));

    let full = s[1].id.to_string();
    let json = run(|out| notes::show(&store, &full, NoteFormat::Json, out)).expect("show");
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["session"]["id"], full);
    assert_eq!(v["session"]["notes"], "housing letter");
}

#[test]
fn show_gives_one_line_errors_for_unknown_and_ambiguous_ids() {
    let (_dir, store, _) = fixture();
    let err = run(|out| notes::show(&store, "ffff", NoteFormat::Md, out)).expect_err("unknown");
    assert_eq!(
        err.to_string(),
        "no saved note has an id starting with ffff"
    );
    let err = run(|out| notes::show(&store, "AAAA", NoteFormat::Md, out)).expect_err("ambiguous");
    assert_eq!(
        err.to_string(),
        "2 notes have ids starting with aaaa; type more of the id"
    );
    let unknown = Uuid::new_v4();
    let err = run(|out| notes::show(&store, &unknown.to_string(), NoteFormat::Md, out))
        .expect_err("unknown id");
    assert_eq!(
        err.to_string(),
        format!("there is no saved note with id {unknown}")
    );
    assert!(!err.to_string().contains('\n'));
}

#[test]
fn export_writes_one_private_file_per_note_named_by_date_and_id() {
    let (dir, store, s) = fixture();
    let out_dir = dir.path().join("export/md");
    let text = run(|out| notes::export(&store, NoteFormat::Md, &out_dir, out)).expect("export");
    assert_eq!(text, format!("Exported 3 notes to {}\n", out_dir.display()));
    let mut names: Vec<String> = fs::read_dir(&out_dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec![
            format!("2026-01-05_{}.md", s[0].id),
            format!("2026-01-06_{}.md", s[1].id),
            format!("2026-01-07_{}.md", s[2].id),
        ]
    );
    let body = fs::read_to_string(out_dir.join(&names[1])).expect("read");
    assert!(body.starts_with("# Session with Sunny"));
    #[cfg(unix)]
    {
        assert_eq!(common::mode(&out_dir), 0o700);
        for n in &names {
            assert_eq!(common::mode(&out_dir.join(n)), 0o600, "{n}");
        }
    }

    let json_dir = dir.path().join("export/json");
    run(|out| notes::export(&store, NoteFormat::Json, &json_dir, out)).expect("export");
    let one = fs::read(json_dir.join(format!("2026-01-05_{}.json", s[0].id))).expect("read");
    let back = alongside::storage::read::decode_session_bytes(&one).expect("decodes");
    assert_eq!(back, s[0]);
}

#[test]
fn export_reports_notes_it_could_not_read_and_exports_the_rest() {
    let (dir, store, s) = fixture();
    fs::write(
        dir.path().join(format!("sessions/{}.json", s[1].id)),
        b"{\"schema_version\":1,\"session\":\"private words\"}",
    )
    .expect("corrupt");
    let out_dir = dir.path().join("out");
    let mut out = Vec::new();
    let err = notes::export(&store, NoteFormat::Md, &out_dir, &mut out).expect_err("one failed");
    assert_eq!(
        err.to_string(),
        format!(
            "1 note(s) could not be read and were not exported: {}",
            s[1].id
        )
    );
    assert!(!err.to_string().contains("private"));
    assert_eq!(
        String::from_utf8(out).expect("utf8"),
        format!("Exported 2 notes to {}\n", out_dir.display())
    );
}

#[test]
fn problems_are_printed_one_per_line() {
    let dir = tempfile::tempdir().expect("dir");
    drop(Store::open(dir.path()).expect("create"));
    fs::write(dir.path().join("peers.json"), b"[").expect("write");
    let (_store, problems) = Store::open(dir.path()).expect("open");
    let mut out = Vec::new();
    notes::report_problems(&problems, &mut out).expect("print");
    let text = String::from_utf8(out).expect("utf8");
    assert_eq!(
        text,
        "note: peers.json could not be read (it ends before the JSON is complete at line 1, column 1); it was moved unchanged to quarantine/peers.json\n"
    );
}

#[test]
fn show_marks_a_goal_the_note_worked_on_that_was_removed_since() {
    use alongside::domain::goals::{GoalAddressed, GoalBook, PeerGoal, Progress};
    let dir = tempfile::tempdir().expect("dir");
    let jd = peer("JD");
    let kept = PeerGoal::new(jd.id, "Walk to the river twice a week", t(0).date_naive());
    let removed = PeerGoal::new(jd.id, "Sort out the old phone contract", t(0).date_naive());
    let mut s = session(&jd, 0, "walks and the phone bill");
    for (g, p) in [(&kept, Progress::ALittle), (&removed, Progress::ALot)] {
        s.goals_addressed.push(GoalAddressed {
            goal_id: g.id,
            text: g.text.clone(),
            progress: Some(p),
            their_words: String::new(),
        });
    }
    {
        let (mut store, _) = Store::open(dir.path()).expect("open");
        store.save_peer(&jd).expect("peer");
        store.save_session(&s).expect("save");
        let mut book = GoalBook::default();
        book.add_goal(kept);
        store.save_goal_book(&book).expect("goals");
    }
    let (store, _) = Store::open_read_only(dir.path()).expect("open");
    let text =
        run(|out| notes::show(&store, &s.id.to_string(), NoteFormat::Md, out)).expect("show");
    assert!(text.contains("## Their goals this session"), "{text}");
    assert!(
        text.contains("- Walk to the river twice a week (progress: a little)\n"),
        "{text}"
    );
    assert!(
        text.contains("- Goal removed since: Sort out the old phone contract (progress: a lot)\n"),
        "{text}"
    );
}

#[test]
fn show_with_a_full_id_reads_only_that_note() {
    let (dir, _store, s) = fixture();
    // No index at all, and a broken peers file: a full id still prints its note.
    fs::remove_file(dir.path().join("index.json")).expect("rm index");
    fs::write(dir.path().join("peers.json"), b"{broken").expect("break peers");
    let session = Store::read_session_only(dir.path(), s[1].id).expect("read");
    assert_eq!(session, s[1]);
    let missing = Uuid::from_u128(0xdddd_0000_0000_4000_8000_0000_0000_0009);
    let err = Store::read_session_only(dir.path(), missing).expect_err("unknown");
    assert!(err.to_string().contains(&missing.to_string()), "{err}");
    assert!(fs::read(dir.path().join("peers.json")).expect("read") == b"{broken");
}

#[test]
fn import_adds_notes_as_show_prints_them_and_refuses_without_changing_anything() {
    use alongside::cli::notes_import::import;
    let (src_dir, src, s) = fixture();
    let exported = tempfile::tempdir().expect("out");
    let json = run(|out| notes::show(&src, &s[0].id.to_string(), NoteFormat::Json, out))
        .expect("show json");
    let one = exported.path().join("one.json");
    fs::write(&one, &json).expect("write");
    drop(src);

    // Into an empty folder: the note and its peer are added, and read back the same.
    let dest = tempfile::tempdir().expect("dest");
    {
        let (mut store, _) = Store::open(dest.path()).expect("open");
        let said = run(|out| import(&mut store, &one, out)).expect("import");
        assert_eq!(said.trim(), "Imported 1 note and 1 new peer");
        assert_eq!(store.load_session(s[0].id).expect("load"), s[0]);
        assert_eq!(
            store.peer(s[0].peer_id).map(|p| p.alias.as_str()),
            Some("JD")
        );
    }
    let before = common::snapshot(dest.path());
    let (mut store, _) = Store::open(dest.path()).expect("open");
    // The same id again is refused.
    let err = run(|out| import(&mut store, &one, out)).expect_err("exists");
    assert!(err.to_string().contains("already exists"), "{err}");
    // A folder with one good note and one newer-schema note adds nothing.
    let folder = tempfile::tempdir().expect("folder");
    let json2 = run(|out| {
        let (s2, _) = Store::open_read_only(src_dir.path())?;
        notes::show(&s2, &s[1].id.to_string(), NoteFormat::Json, out)
    })
    .expect("show");
    fs::write(folder.path().join("a.json"), &json2).expect("write");
    fs::write(
        folder.path().join("b.json"),
        br#"{"schema_version":9,"session":{}}"#,
    )
    .expect("write");
    let err = run(|out| import(&mut store, folder.path(), out)).expect_err("newer");
    assert!(err.to_string().contains("newer version"), "{err}");
    assert!(err.to_string().contains("b.json"), "{err}");
    // A file that is not a note is refused, naming the file and never its content.
    fs::write(folder.path().join("b.json"), b"{\"secret words\": ").expect("write");
    let err = run(|out| import(&mut store, folder.path(), out)).expect_err("bad");
    assert!(err.to_string().contains("is not a saved note"), "{err}");
    assert!(!err.to_string().contains("secret"), "{err}");
    drop(store);
    assert_eq!(common::snapshot(dest.path()), before, "nothing changed");
    // Fixed, the folder imports.
    fs::remove_file(folder.path().join("b.json")).expect("rm");
    let (mut store, _) = Store::open(dest.path()).expect("open");
    let said = run(|out| import(&mut store, folder.path(), out)).expect("import");
    assert_eq!(said.trim(), "Imported 1 note and 1 new peer");
    assert_eq!(store.sessions().len(), 2);
}
