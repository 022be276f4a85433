//! The index: rebuilt when missing, damaged or out of date with the session files, repaired
//! after a failed write, and the log of index changes a save appends instead of rewriting
//! index.json.

#[path = "storage_common/mod.rs"]
mod common;

use std::fs;
use std::io::ErrorKind;

use alongside::storage::atomic::{Fault, Step, write_durably};
use alongside::storage::schema::encode_session;
use alongside::storage::{ProblemKind, RebuildWhy, Store};
use common::{peer, quarantined_to, seeded, session, t};

/// The index entry the store lists for session `id`, if any.
fn listed(store: &Store, id: uuid::Uuid) -> Option<&alongside::storage::IndexEntry> {
    store.sessions().iter().find(|e| e.id == id)
}

#[test]
fn the_index_is_rebuilt_when_missing() {
    let (dir, sessions) = seeded();
    fs::remove_file(dir.path().join("index.json")).expect("rm");
    let (store, problems) = Store::open(dir.path()).expect("open");
    assert!(problems.iter().any(|p| p.kind
        == ProblemKind::IndexRebuilt {
            why: RebuildWhy::Missing
        }));
    assert_eq!(store.sessions().len(), sessions.len());
    assert!(dir.path().join("index.json").is_file(), "written again");
}

#[test]
fn the_index_is_quarantined_and_rebuilt_when_corrupt() {
    let (dir, sessions) = seeded();
    fs::write(
        dir.path().join("index.json"),
        b"{\"schema_version\":1,\"sessions\":[{",
    )
    .expect("write");
    let (store, problems) = Store::open(dir.path()).expect("open");
    quarantined_to(&problems, "index.json");
    assert_eq!(store.sessions().len(), sessions.len());
    assert_eq!(store.sessions()[0].id, sessions[2].id);
}

#[test]
fn the_index_is_rebuilt_when_it_disagrees_with_the_folder() {
    let (dir, sessions) = seeded();
    let p = peer("KM");
    // A session file added behind the index's back, and one removed.
    let extra = session(&p, 9000, "added outside the app");
    write_durably(
        &dir.path().join(format!("sessions/{}.json", extra.id)),
        &encode_session(&extra).expect("encode"),
    )
    .expect("write");
    fs::remove_file(dir.path().join(format!("sessions/{}.json", sessions[0].id))).expect("rm");
    let (store, problems) = Store::open(dir.path()).expect("open");
    assert!(
        problems.iter().any(|p| p.kind
            == ProblemKind::IndexRebuilt {
                why: RebuildWhy::OutOfDate {
                    added: 1,
                    removed: 1,
                    changed: 0
                }
            }),
        "{problems:?}"
    );
    let ids: Vec<_> = store.sessions().iter().map(|e| e.id).collect();
    assert_eq!(ids, vec![extra.id, sessions[2].id, sessions[1].id]);
    drop(store);
    let (_, problems) = Store::open(dir.path()).expect("open");
    assert!(problems.is_empty(), "fixed once, then quiet: {problems:?}");
}

#[test]
fn a_session_file_replaced_right_after_the_index_is_still_noticed() {
    let (dir, sessions) = seeded();
    // As if the app died after renaming the new session file but before writing the index:
    // in the same clock tick, with no help from the index's time.
    let mut amended = sessions[1].clone();
    amended
        .amend("called back the next day", t(60 * 30))
        .expect("amend");
    write_durably(
        &dir.path().join(format!("sessions/{}.json", amended.id)),
        &encode_session(&amended).expect("encode"),
    )
    .expect("write");
    let (store, _) = Store::open(dir.path()).expect("open");
    let e = listed(&store, amended.id).expect("listed");
    assert_eq!(e.amendments, 1);
    assert!(
        store
            .filter(None, "called back")
            .iter()
            .any(|e| e.id == amended.id)
    );
}

#[test]
fn a_failed_index_write_keeps_the_save_and_the_next_open_repairs_it() {
    let (dir, sessions) = seeded();
    let (mut store, _) = Store::open(dir.path()).expect("open");
    let mut amended = sessions[0].clone();
    amended
        .amend("follow-up call done", t(60 * 50))
        .expect("amend");
    // First write (the session) succeeds; the second (the index) finds the disk full.
    store.inject_faults([
        None,
        Some(Fault::error(Step::WriteData, ErrorKind::StorageFull)),
    ]);
    store
        .save_session(&amended)
        .expect("the note itself was saved");
    assert_eq!(store.load_session(amended.id).expect("load"), amended);
    drop(store);
    let (store, _) = Store::open(dir.path()).expect("open");
    let e = listed(&store, amended.id).expect("listed");
    assert_eq!(e.amendments, 1);
}

#[test]
fn rebuild_index_rereads_a_file_edited_in_place() {
    let (dir, sessions) = seeded();
    let path = dir.path().join(format!("sessions/{}.json", sessions[0].id));
    let mut edited = sessions[0].clone();
    edited.flags.follow_up_needed = true;
    // Written in place (no rename), so the folder itself does not change.
    fs::write(&path, encode_session(&edited).expect("encode")).expect("write");
    let (mut store, _) = Store::open(dir.path()).expect("open");
    let flagged = |store: &Store| listed(store, edited.id).map(|e| e.flags.follow_up_needed);
    assert_eq!(store.load_session(edited.id).expect("load"), edited);
    let problems = store.rebuild_index();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(flagged(&store), Some(true));
    drop(store);
    let (store, _) = Store::open(dir.path()).expect("open");
    assert_eq!(flagged(&store), Some(true), "the rebuilt index was saved");
}

/// The index-log records in `dir`, oldest first (their names count up).
fn log_records(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut log: Vec<_> = fs::read_dir(dir.join("index-log"))
        .expect("log")
        .map(|e| e.expect("entry").path())
        .collect();
    log.sort();
    log
}

#[test]
fn a_save_appends_one_log_record_and_leaves_index_json_alone() {
    let (dir, sessions) = seeded();
    let index_before = fs::read(dir.path().join("index.json")).expect("index");
    let (mut store, _) = Store::open(dir.path()).expect("open");
    let p = store.peers()[0].clone();
    let extra = session(&p, 9000, "a new note about the bus pass");
    store.save_session(&extra).expect("save");
    assert_eq!(
        fs::read(dir.path().join("index.json")).expect("index"),
        index_before,
        "a save never rewrites the whole index"
    );
    let log = log_records(dir.path());
    assert_eq!(log.len(), 1);
    let record: serde_json::Value =
        serde_json::from_slice(&fs::read(&log[0]).expect("read")).expect("json");
    assert_eq!(record["puts"][0]["id"], extra.id.to_string());
    drop(store);

    // Read-only, the log is applied in memory: the new note lists and is found.
    let (store, problems) = Store::open_read_only(dir.path()).expect("open");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(store.sessions().len(), sessions.len() + 1);
    assert_eq!(store.filter(None, "bus pass").len(), 1);
}

#[test]
fn a_lost_or_broken_log_record_only_means_reading_that_note_again() {
    let (dir, sessions) = seeded();
    let (mut store, _) = Store::open(dir.path()).expect("open");
    let p = store.peers()[0].clone();
    let a = session(&p, 9000, "first new note");
    let b = session(&p, 9100, "second new note");
    store.save_session(&a).expect("save");
    store.save_session(&b).expect("save");
    drop(store);
    let log = log_records(dir.path());
    assert_eq!(log.len(), 2);
    // As if power was lost before the first record reached the disk, and the second was
    // torn.
    fs::remove_file(&log[0]).expect("rm");
    fs::write(&log[1], b"{\"schema_version\":1,\"puts\":[{").expect("tear");
    let (store, problems) = Store::open(dir.path()).expect("open");
    assert!(
        problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::Quarantined { .. })
                && p.file.starts_with("index-log/")),
        "{problems:?}"
    );
    assert_eq!(store.sessions().len(), sessions.len() + 2);
    assert_eq!(store.filter(None, "second new note").len(), 1);
    assert_eq!(store.filter(None, "first new note").len(), 1);
}

#[test]
fn the_log_is_folded_into_index_json_on_close_once_it_grows() {
    let (dir, sessions) = seeded();
    let (mut store, _) = Store::open(dir.path()).expect("open");
    let whole = |name: &str| fs::read(dir.path().join(name)).expect("index file");
    let before = (whole("index.json"), whole("index-search.json"));
    let p = store.peers()[0].clone();
    let extra: Vec<_> = (0..40)
        .map(|i| session(&p, 10_000 + i * 60, &format!("note number {i}")))
        .collect();
    for s in &extra {
        store.save_session(s).expect("save");
    }
    assert_eq!(log_records(dir.path()).len(), 40);
    assert!(
        before == (whole("index.json"), whole("index-search.json")),
        "no save rewrites the whole index or its search texts while the app runs"
    );
    drop(store);
    assert_eq!(log_records(dir.path()).len(), 0, "folded in on close");
    let index: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("index.json")).expect("index"))
            .expect("json");
    assert_eq!(
        index["sessions"].as_array().map(Vec::len),
        Some(sessions.len() + 40)
    );
    let (store, problems) = Store::open(dir.path()).expect("open");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(store.filter(None, "number 39").len(), 1);
}
