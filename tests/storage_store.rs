//! Opening, loading, saving, quarantine, versions, the index, the lock and file modes.

#[path = "storage_common/mod.rs"]
mod common;

use std::fs;
use std::io::ErrorKind;

use alongside::domain::SessionKind;
use alongside::storage::atomic::{Fault, Step};
use alongside::storage::{ProblemKind, Store, StoreError};
use common::{age_index, peer, quarantined_to, seeded, session, snapshot, t};

const SECRET: &str = "the eviction notice from Maple Court";

#[test]
fn open_creates_the_layout_and_everything_reloads() {
    let (dir, sessions) = seeded();
    for sub in ["sessions", "drafts", "quarantine"] {
        assert!(dir.path().join(sub).is_dir(), "{sub}");
    }
    assert!(dir.path().join("alongside.lock").is_file());
    assert!(dir.path().join("index.json").is_file());
    assert!(
        !dir.path().join("worksheets").exists(),
        "reserved, not created"
    );

    let (store, problems) = Store::open(dir.path()).expect("reopen");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(store.peers().len(), 2);
    let ids: Vec<_> = store.sessions().iter().map(|e| e.id).collect();
    assert_eq!(
        ids,
        vec![sessions[2].id, sessions[1].id, sessions[0].id],
        "newest first"
    );
    assert_eq!(
        store.load_session(sessions[1].id).expect("load"),
        sessions[1]
    );
}

#[test]
fn the_files_have_the_documented_shapes() {
    let (dir, sessions) = seeded();
    let read = |rel: &str| -> serde_json::Value {
        serde_json::from_slice(&fs::read(dir.path().join(rel)).expect("read")).expect("json")
    };
    let peers = read("peers.json");
    assert_eq!(peers["schema_version"], 1);
    assert_eq!(peers["peers"][0]["alias"], "JD");
    let s = read(&format!("sessions/{}.json", sessions[0].id));
    assert_eq!(s["schema_version"], 1);
    assert_eq!(s["session"]["id"], sessions[0].id.to_string());
    assert_eq!(s["session"]["notes"], "talked about the new job");
    let index = read("index.json");
    assert_eq!(index["schema_version"], 1);
    let first = &index["sessions"][0];
    assert_eq!(first["id"], sessions[2].id.to_string());
    for key in [
        "peer_id",
        "peer_alias",
        "kind",
        "started_at",
        "ended_at",
        "duration_seconds",
        "flags",
        "amendment_count",
        "preview",
        "stamp",
    ] {
        assert!(first.get(key).is_some(), "{key}");
    }
    // Search text lives apart, read only when a search needs it.
    assert!(first.get("search_text").is_none());
    let search = read("index-search.json");
    assert_eq!(search["schema_version"], 1);
    assert!(search["texts"].as_array().is_some_and(|t| t.len() == 3));
}

#[test]
fn a_second_open_is_refused_until_the_first_closes() {
    let dir = tempfile::tempdir().expect("dir");
    let (first, _) = Store::open(dir.path()).expect("open");
    let err = Store::open(dir.path()).expect_err("locked");
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    assert!(
        err.to_string()
            .contains("another alongside is using this folder"),
        "{err}"
    );
    assert!(err.to_string().ends_with("close it first"));
    // Reading without the lock still works while the app runs.
    let (ro, _) = Store::open_read_only(dir.path()).expect("read-only");
    assert!(ro.is_read_only());
    drop(first);
    Store::open(dir.path()).expect("open after close");
}

#[cfg(unix)]
#[test]
fn files_are_0600_and_folders_0700() {
    use common::mode;
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    fs::create_dir(&data).expect("mkdir");
    fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).expect("chmod");
    let (mut store, _) = Store::open(&data).expect("open");
    let p = peer("JD");
    store.save_peer(&p).expect("peer");
    let s = session(&p, 0, "note");
    store.save_session(&s).expect("save");
    let mut draft = session(&p, 100, "draft");
    draft.id = uuid::Uuid::new_v4();
    store.save_draft(&draft).expect("draft");

    assert_eq!(mode(&data), 0o700, "the data folder is tightened");
    for sub in ["sessions", "drafts", "quarantine", "index-log"] {
        assert_eq!(mode(&data.join(sub)), 0o700, "{sub}");
    }
    assert_eq!(
        mode(&data.join("index-log/00000000000000000001.json")),
        0o600
    );
    drop(store);
    for file in [
        "alongside.lock".to_string(),
        "peers.json".to_string(),
        "index.json".to_string(),
        "index-search.json".to_string(),
        format!("sessions/{}.json", s.id),
        format!("drafts/{}.json", draft.id),
    ] {
        assert_eq!(mode(&data.join(&file)), 0o600, "{file}");
    }
}

#[test]
fn a_corrupt_peers_file_is_quarantined_byte_for_byte_and_sessions_still_load() {
    let (dir, sessions) = seeded();
    let bad = format!(r#"{{"schema_version":1,"peers":[{{"alias":"{SECRET}"}}"#);
    fs::write(dir.path().join("peers.json"), &bad).expect("corrupt");
    let (store, problems) = Store::open(dir.path()).expect("open");
    let moved = quarantined_to(&problems, "peers.json");
    assert_eq!(moved, "quarantine/peers.json");
    assert_eq!(
        fs::read(dir.path().join(&moved)).expect("read"),
        bad.as_bytes()
    );
    assert!(!dir.path().join("peers.json").exists());
    assert!(store.peers().is_empty());
    assert_eq!(store.sessions().len(), sessions.len());
    for p in &problems {
        assert!(!p.to_string().contains("Maple"), "leaked: {p}");
    }
}

#[test]
fn a_corrupt_session_file_is_quarantined_and_the_rest_load() {
    let (dir, sessions) = seeded();
    let rel = format!("sessions/{}.json", sessions[1].id);
    let bad = format!(
        r#"{{"schema_version":1,"session":{{"id":"{}","notes":"{SECRET}"}}}}"#,
        sessions[1].id
    );
    fs::write(dir.path().join(&rel), &bad).expect("corrupt");
    // The index still lists it; make the folder look changed since the index was written.
    age_index(dir.path());
    let (store, problems) = Store::open(dir.path()).expect("open");
    let moved = quarantined_to(&problems, &rel);
    assert_eq!(
        moved,
        format!("quarantine/sessions--{}.json", sessions[1].id)
    );
    assert_eq!(
        fs::read(dir.path().join(&moved)).expect("read"),
        bad.as_bytes()
    );
    let ids: Vec<_> = store.sessions().iter().map(|e| e.id).collect();
    assert_eq!(ids, vec![sessions[2].id, sessions[0].id]);
    let shown: String = problems.iter().map(|p| format!("{p} {p:?}\n")).collect();
    assert!(!shown.contains("Maple"), "leaked: {shown}");
    assert!(shown.contains(&sessions[1].id.to_string()));
}

#[test]
fn a_corrupt_draft_is_quarantined_and_good_drafts_load() {
    let dir = tempfile::tempdir().expect("dir");
    let p = peer("JD");
    let good = session(&p, 0, "in progress");
    let bad_id = uuid::Uuid::new_v4();
    {
        let (store, _) = Store::open(dir.path()).expect("open");
        store.save_draft(&good).expect("draft");
    }
    let bad_rel = format!("drafts/{bad_id}.json");
    fs::write(dir.path().join(&bad_rel), b"\0\x01not json").expect("write");
    let (store, problems) = Store::open(dir.path()).expect("open");
    let moved = quarantined_to(&problems, &bad_rel);
    assert_eq!(
        fs::read(dir.path().join(moved)).expect("read"),
        b"\0\x01not json"
    );
    assert_eq!(store.drafts(), vec![good]);
    assert!(store.take_problems().is_empty());
}

#[test]
fn quarantine_never_overwrites_an_earlier_copy() {
    let (dir, _) = seeded();
    fs::write(dir.path().join("peers.json"), b"first bad").expect("write");
    let (store, _) = Store::open(dir.path()).expect("open");
    drop(store);
    fs::write(dir.path().join("peers.json"), b"second bad").expect("write");
    let (_store, problems) = Store::open(dir.path()).expect("open");
    assert_eq!(
        quarantined_to(&problems, "peers.json"),
        "quarantine/peers.1.json"
    );
    let q = dir.path().join("quarantine");
    assert_eq!(fs::read(q.join("peers.json")).expect("read"), b"first bad");
    assert_eq!(
        fs::read(q.join("peers.1.json")).expect("read"),
        b"second bad"
    );
}

#[test]
fn a_newer_peers_file_is_left_untouched_and_never_overwritten() {
    let (dir, _) = seeded();
    let future = br#"{"schema_version":2,"people":{"whatever":"changed"}}"#;
    let path = dir.path().join("peers.json");
    fs::write(&path, future).expect("write");
    let (mut store, problems) = Store::open(dir.path()).expect("open");
    assert!(
        problems
            .iter()
            .any(|p| p.file == "peers.json" && p.kind == ProblemKind::NewerVersion { found: 2 })
    );
    let err = store.save_peer(&peer("New")).expect_err("refused");
    assert!(
        matches!(err, StoreError::NewerVersion { found: 2, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("newer version"), "{err}");
    assert_eq!(fs::read(&path).expect("read"), future);
    drop(store);
    let (_store, _) = Store::open(dir.path()).expect("open");
    assert_eq!(fs::read(&path).expect("read"), future, "still untouched");
}

#[test]
fn a_newer_session_file_is_reported_untouched_and_saving_over_it_is_refused() {
    let (dir, sessions) = seeded();
    let id = sessions[0].id;
    let rel = format!("sessions/{id}.json");
    let future = format!(r#"{{"schema_version":9,"session":{{"id":"{id}"}}}}"#);
    fs::write(dir.path().join(&rel), &future).expect("write");
    age_index(dir.path());
    let (mut store, problems) = Store::open(dir.path()).expect("open");
    assert!(
        problems
            .iter()
            .any(|p| p.file == rel && p.kind == ProblemKind::NewerVersion { found: 9 }),
        "{problems:?}"
    );
    assert_eq!(store.sessions().len(), 2, "not listed");
    let err = store.save_session(&sessions[0]).expect_err("refused");
    assert!(matches!(err, StoreError::NewerVersion { .. }), "{err}");
    assert!(matches!(
        store.load_session(id),
        Err(StoreError::NewerVersion { .. })
    ));
    assert_eq!(
        fs::read(dir.path().join(&rel)).expect("read"),
        future.as_bytes()
    );
}

#[test]
fn a_newer_index_is_never_rewritten_but_sessions_still_list() {
    let (dir, sessions) = seeded();
    let path = dir.path().join("index.json");
    let future = br#"{"schema_version":3,"entries":"new format"}"#;
    fs::write(&path, future).expect("write");
    let (mut store, problems) = Store::open(dir.path()).expect("open");
    assert!(
        problems
            .iter()
            .any(|p| p.file == "index.json" && p.kind == ProblemKind::NewerVersion { found: 3 })
    );
    assert_eq!(store.sessions().len(), 3);
    let p = store.peers()[0].clone();
    store
        .save_session(&session(&p, 5000, "another"))
        .expect("save");
    assert_eq!(store.sessions().len(), 4);
    assert_eq!(fs::read(&path).expect("read"), future);
    drop(store);
    let (store, _) = Store::open(dir.path()).expect("open");
    assert_eq!(store.sessions().len(), sessions.len() + 1);
    assert_eq!(fs::read(&path).expect("read"), future);
}

#[test]
fn a_full_disk_on_save_is_a_typed_error_and_changes_nothing() {
    let (dir, sessions) = seeded();
    let (mut store, _) = Store::open(dir.path()).expect("open");
    let before_index = store.sessions().clone();
    let before_files = snapshot(dir.path());
    let p = store.peers()[0].clone();
    store.inject_faults([Some(Fault::error(Step::WriteData, ErrorKind::StorageFull))]);
    let err = store
        .save_session(&session(&p, 7000, "new note"))
        .expect_err("disk full");
    assert!(matches!(err, StoreError::DiskFull { .. }));
    assert_eq!(
        err.to_string(),
        format!(
            "could not save in {}: the disk is full. Free some space and save again; nothing already saved was changed.",
            dir.path().join("sessions").display()
        )
    );
    assert_eq!(store.sessions(), &before_index);
    assert_eq!(snapshot(dir.path()), before_files);
    let _ = sessions;
}

#[cfg(unix)]
#[test]
fn saving_into_a_read_only_folder_is_a_typed_error_and_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, _) = seeded();
    let (mut store, _) = Store::open(dir.path()).expect("open");
    let before_index = store.sessions().clone();
    let before_peers = store.peers().to_vec();
    let sessions_dir = dir.path().join("sessions");
    fs::set_permissions(&sessions_dir, fs::Permissions::from_mode(0o500)).expect("chmod");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o500)).expect("chmod");
    if common::is_root() {
        // Root ignores permission bits, so inject the refusal the kernel would give anyone
        // else; the folders' read-only modes still decide how it is reported.
        println!("note: running as root; injecting the permission error instead");
        store.inject_faults([
            Some(Fault::error(Step::CreateTemp, ErrorKind::PermissionDenied)),
            Some(Fault::error(Step::CreateTemp, ErrorKind::PermissionDenied)),
        ]);
    }
    let p = before_peers[0].clone();
    let err = store
        .save_session(&session(&p, 7000, "new note"))
        .expect_err("read-only");
    let peer_err = store.save_peer(&peer("Other")).expect_err("read-only");
    fs::set_permissions(&sessions_dir, fs::Permissions::from_mode(0o700)).expect("chmod");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).expect("chmod");
    for e in [&err, &peer_err] {
        assert!(matches!(e, StoreError::ReadOnly { .. }), "{e}");
        let shown = e.to_string();
        assert!(
            shown.starts_with(&format!("could not save: {}", dir.path().display()))
                && shown.contains(" is read-only."),
            "{e}"
        );
    }
    assert_eq!(store.sessions(), &before_index);
    assert_eq!(store.peers(), &before_peers[..]);
}

#[test]
fn a_read_only_open_never_creates_moves_or_rewrites_anything() {
    let missing = tempfile::tempdir().expect("dir");
    let nowhere = missing.path().join("not-here");
    let err = Store::open_read_only(&nowhere).expect_err("no folder");
    assert!(matches!(err, StoreError::NoDataDir { .. }));
    assert!(!nowhere.exists());

    let (dir, sessions) = seeded();
    fs::write(dir.path().join("peers.json"), b"{broken").expect("write");
    fs::write(
        dir.path().join(format!("sessions/{}.json", sessions[0].id)),
        b"{\"schema_version\":1}",
    )
    .expect("write");
    fs::remove_file(dir.path().join("index.json")).expect("rm");
    fs::remove_dir(dir.path().join("quarantine")).expect("rm");
    let before = snapshot(dir.path());
    let (mut store, problems) = Store::open_read_only(dir.path()).expect("open");
    assert!(
        problems
            .iter()
            .any(|p| p.file == "peers.json" && matches!(p.kind, ProblemKind::Unreadable { .. }))
    );
    assert_eq!(store.sessions().len(), 2, "rebuilt in memory");
    let p = peer("JD");
    assert!(matches!(
        store.save_peer(&p),
        Err(StoreError::OpenedReadOnly)
    ));
    assert!(matches!(
        store.save_session(&session(&p, 0, "x")),
        Err(StoreError::OpenedReadOnly)
    ));
    let _ = store.drafts();
    assert_eq!(snapshot(dir.path()), before, "nothing on disk changed");
}

#[test]
fn drafts_are_saved_listed_discarded_and_removed_when_the_session_is_saved() {
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, _) = Store::open(dir.path()).expect("open");
    let p = peer("JD");
    let mut a = alongside::domain::Session::start(&p, SessionKind::Video, t(0));
    a.notes = "half written".into();
    let b = alongside::domain::Session::start(&p, SessionKind::Phone, t(10));
    store.save_draft(&a).expect("draft");
    store.save_draft(&b).expect("draft");
    assert_eq!(store.drafts(), vec![a.clone(), b.clone()]);

    store.discard_draft(b.id).expect("discard");
    store.discard_draft(b.id).expect("discarding twice is fine");
    assert_eq!(store.drafts(), vec![a.clone()]);

    a.finish(t(40)).expect("finish");
    store.save_session(&a).expect("save");
    assert!(
        store.drafts().is_empty(),
        "the draft goes once the note is saved"
    );
    drop(store);
    let (store, _) = Store::open(dir.path()).expect("open");
    assert!(store.drafts().is_empty());
    assert_eq!(store.sessions().len(), 1);
}

#[test]
fn stats_and_filtering_work_from_the_index() {
    let (dir, sessions) = seeded();
    let (store, _) = Store::open(dir.path()).expect("open");
    let jd = store.peers()[0].id;
    let sunny = store.peers()[1].id;
    let stats = store.peer_stats();
    assert_eq!(stats[&jd].session_count, 2);
    assert_eq!(stats[&jd].last_session, Some(sessions[2].started_at));
    assert_eq!(store.stats_for(sunny).session_count, 1);
    assert_eq!(store.stats_for(uuid::Uuid::new_v4()).session_count, 0);

    assert_eq!(store.filter(None, "").len(), 3);
    assert_eq!(store.filter(Some(jd), "").len(), 2);
    let hits = store.filter(None, "WAITING list");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, sessions[1].id);
    assert!(store.filter(Some(jd), "waiting").is_empty());
    assert_eq!(store.filter(None, "sunny").len(), 1, "alias is searchable");
    assert_eq!(
        store.session_entry(sessions[1].id).map(|e| e.peer_id),
        Some(sunny)
    );
}

#[test]
fn unrecognised_file_names_are_counted_but_never_named_or_touched() {
    let (dir, _) = seeded();
    let odd = dir.path().join("sessions/Maple Court notes.json");
    fs::write(&odd, b"anything").expect("write");
    let (store, problems) = Store::open(dir.path()).expect("open");
    assert_eq!(store.sessions().len(), 3);
    let p = problems
        .iter()
        .find(|p| matches!(p.kind, ProblemKind::UnrecognisedFiles { count: 1 }))
        .expect("reported");
    assert!(!p.to_string().contains("Maple"));
    assert_eq!(fs::read(&odd).expect("read"), b"anything");
}

#[test]
fn load_session_errors_are_typed() {
    let (dir, sessions) = seeded();
    let (store, _) = Store::open(dir.path()).expect("open");
    let unknown = uuid::Uuid::new_v4();
    assert!(matches!(
        store.load_session(unknown),
        Err(StoreError::NotFound { id }) if id == unknown
    ));
    fs::write(
        dir.path().join(format!("sessions/{}.json", sessions[0].id)),
        format!("{{\"schema_version\":1,\"session\":\"{SECRET}\"}}"),
    )
    .expect("write");
    let err = store.load_session(sessions[0].id).expect_err("unreadable");
    assert!(matches!(err, StoreError::Unreadable { .. }));
    assert!(!err.to_string().contains("Maple"), "{err}");
}

#[test]
fn the_store_can_move_between_threads() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Store>();
    send_sync::<StoreError>();
}

#[test]
fn a_folder_of_other_things_is_refused_and_left_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("home");
    fs::create_dir(&root).expect("mkdir");
    fs::set_permissions(&root, fs::Permissions::from_mode(0o755)).expect("chmod");
    fs::write(root.join("todo.txt"), b"groceries").expect("write");
    let before = common::snapshot(&root);
    let Err(err) = Store::open(&root) else {
        panic!("a folder of other things must be refused");
    };
    assert!(matches!(err, StoreError::NotDataFolder { .. }), "{err}");
    assert!(err.to_string().contains("not an alongside data folder"));
    assert_eq!(
        common::snapshot(&root),
        before,
        "nothing created or changed"
    );
    assert_eq!(common::mode(&root), 0o755, "permissions left alone");

    // An empty folder and an existing data folder both open.
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).expect("mkdir");
    drop(Store::open(&empty).expect("empty folder opens"));
    drop(Store::open(&empty).expect("existing data folder opens again"));
}
