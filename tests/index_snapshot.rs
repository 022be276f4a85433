//! index-snapshot.bin, the binary copy of index.json read on open: used only while it was
//! taken from the index.json on disk, rebuilt when it was not (a stale, damaged or missing
//! snapshot never changes what the store shows), never written by a read-only open; and the
//! app's open that leaves the check of every session file until after the first frame.

use std::fs;
use std::path::Path;

use alongside::storage::{ProblemKind, Store, sample};

const SNAPSHOT: &str = "index-snapshot.bin";

fn generated(sessions: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("data");
    sample::generate(&dir, sessions, 4, 3).expect("generate");
    // The first writable open writes index.json and its snapshot.
    drop(Store::open(&dir).expect("open"));
    (tmp, dir)
}

fn previews(dir: &Path) -> Vec<(uuid::Uuid, String)> {
    let (store, problems) = Store::open_read_only(dir).expect("open");
    assert!(problems.is_empty(), "{problems:?}");
    store
        .sessions()
        .iter()
        .map(|e| (e.id, e.preview.to_string()))
        .collect()
}

/// Rewrites index.json as another program (or an older release) would, with one preview
/// changed: the session files still match every entry, so only index.json says it.
fn rewrite_index_by_hand(dir: &Path, preview: &str) {
    let path = dir.join("index.json");
    let mut index: serde_json::Value =
        serde_json::from_slice(&fs::read(&path).expect("read")).expect("json");
    index["sessions"][0]["preview"] = serde_json::Value::from(preview);
    fs::write(&path, serde_json::to_vec(&index).expect("encode")).expect("write");
}

#[test]
fn a_snapshot_is_written_beside_index_json_and_gives_the_same_index() {
    let (_tmp, dir) = generated(40);
    assert!(dir.join(SNAPSHOT).is_file());
    let from_snapshot = previews(&dir);
    assert_eq!(from_snapshot.len(), 40);
    // Without it, index.json is parsed: the same index.
    fs::remove_file(dir.join(SNAPSHOT)).expect("remove");
    assert_eq!(previews(&dir), from_snapshot);
    assert!(!dir.join(SNAPSHOT).exists(), "read-only writes nothing");
    // A writable open of an index from before snapshots writes one.
    let (store, problems) = Store::open(&dir).expect("open");
    assert!(problems.is_empty(), "{problems:?}");
    drop(store);
    assert!(dir.join(SNAPSHOT).is_file());
    assert_eq!(previews(&dir), from_snapshot);
}

#[test]
fn a_snapshot_of_an_older_index_json_is_not_used_and_is_rewritten() {
    let (_tmp, dir) = generated(20);
    let old_snapshot = fs::read(dir.join(SNAPSHOT)).expect("snapshot");
    rewrite_index_by_hand(&dir, "changed by hand");
    assert_eq!(previews(&dir)[0].1, "changed by hand");
    let (store, problems) = Store::open(&dir).expect("open");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(&*store.sessions()[0].preview, "changed by hand");
    drop(store);
    assert_ne!(
        fs::read(dir.join(SNAPSHOT)).expect("snapshot"),
        old_snapshot
    );
    assert_eq!(previews(&dir)[0].1, "changed by hand");
}

#[test]
fn a_damaged_or_cut_snapshot_is_never_trusted() {
    let (_tmp, dir) = generated(20);
    let good = previews(&dir);
    let bytes = fs::read(dir.join(SNAPSHOT)).expect("snapshot");
    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20;
    for damaged in [flipped, bytes[..bytes.len() / 3].to_vec(), Vec::new()] {
        fs::write(dir.join(SNAPSHOT), &damaged).expect("write");
        assert_eq!(previews(&dir), good);
        let (store, problems) = Store::open(&dir).expect("open");
        assert!(problems.is_empty(), "{problems:?}");
        drop(store);
        assert_eq!(fs::read(dir.join(SNAPSHOT)).expect("snapshot"), bytes);
    }
}

#[test]
fn the_app_open_checks_session_files_after_the_first_frame() {
    let (_tmp, dir) = generated(30);
    let ids: Vec<uuid::Uuid> = previews(&dir).into_iter().map(|(id, _)| id).collect();
    // Outside the app: one note removed, one damaged.
    fs::remove_file(dir.join(format!("sessions/{}.json", ids[0]))).expect("remove");
    fs::write(dir.join(format!("sessions/{}.json", ids[1])), b"{ not json").expect("damage");

    let (mut store, problems) = Store::open_for_app(&dir).expect("open");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        store.sessions().len(),
        30,
        "the index as saved, for the first frame"
    );
    let check = store.check_index().expect("the check was left for later");
    assert!(check.changed);
    assert!(
        check
            .problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::Quarantined { .. })),
        "{:?}",
        check.problems
    );
    assert_eq!(store.sessions().len(), 28);
    assert!(store.check_index().is_none(), "checked once");
    drop(store);

    // Nothing changed since: the check finds nothing.
    let (mut store, problems) = Store::open_for_app(&dir).expect("open");
    assert!(problems.is_empty(), "{problems:?}");
    let check = store.check_index().expect("check");
    assert!(!check.changed && check.problems.is_empty(), "{check:?}");
    assert_eq!(store.sessions().len(), 28);
}

#[test]
fn the_app_open_checks_at_once_when_the_index_cannot_be_used() {
    let (_tmp, dir) = generated(10);
    fs::remove_file(dir.join("index.json")).expect("remove");
    let (mut store, _) = Store::open_for_app(&dir).expect("open");
    assert_eq!(store.sessions().len(), 10, "rebuilt from the session files");
    assert!(store.check_index().is_none());
}

#[test]
fn a_session_damaged_outside_the_app_leaves_the_lists_after_the_check() {
    let (_tmp, dir) = generated(12);
    let id = previews(&dir)[3].0;
    fs::write(dir.join(format!("sessions/{id}.json")), b"[").expect("damage");
    let (mut store, _) = Store::open_for_app(&dir).expect("open");
    let check = store.check_index().expect("check");
    assert!(check.changed, "{check:?}");
    assert_eq!(store.sessions().len(), 11);
    assert!(store.session_entry(id).is_none());
    drop(store);
    // The index on disk agrees: the next open finds nothing to change.
    let (mut store, _) = Store::open_for_app(&dir).expect("open");
    let check = store.check_index().expect("check");
    assert!(!check.changed && check.problems.is_empty(), "{check:?}");
    assert_eq!(store.sessions().len(), 11);
}
