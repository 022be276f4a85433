//! An earlier release's index.json (search text inside every entry) opens as it is, and the
//! first writable open splits it: index.json without search text, the texts sealed in
//! index-search.json when the folder is encrypted. Session files are never touched: plain
//! and encrypted fixture folders. The index then also gets its binary snapshot (sealed in
//! the encrypted folder), and the app's open reads the same notes from it.

use std::fs;
use std::path::Path;

use alongside::domain::secret::Passphrase;
use alongside::storage::{Store, crypt};

mod common;
use common::previous_release::{PASSPHRASE, fixture, session_files};

/// Words from the fixture notes, each found in some sessions and not in others.
const QUERIES: [&str; 5] = [
    "wren",
    "phone",
    "housing program",
    "crisis line",
    "garden day",
];

/// The ids each query finds, newest first.
fn found(store: &Store) -> Vec<Vec<uuid::Uuid>> {
    QUERIES
        .iter()
        .map(|q| store.filter(None, q).iter().map(|e| e.id).collect())
        .collect()
}

/// Opens the folder read-only (nothing written), then for writing (index split), and
/// checks that listing and search agree across both and a third open.
fn migrates(dir: &Path) {
    let sessions_before = session_files(dir);
    assert_eq!(sessions_before.len(), 12);
    let old_index = fs::read(dir.join("index.json")).expect("old index");

    let (store, _) = Store::open_read_only(dir).expect("read-only open");
    assert_eq!(store.sessions().len(), 12);
    let before = found(&store);
    assert!(before.iter().all(|ids| !ids.is_empty()), "{before:?}");
    assert!(before.iter().any(|ids| ids.len() < 12), "{before:?}");
    drop(store);
    assert_eq!(fs::read(dir.join("index.json")).expect("index"), old_index);
    for name in ["index-search.json", "index-snapshot.bin"] {
        assert!(!dir.join(name).exists(), "read-only writes nothing");
    }

    {
        let (store, _) = Store::open(dir).expect("open");
        assert_eq!(store.sessions().len(), 12);
        assert_eq!(found(&store), before);
    }
    assert_ne!(fs::read(dir.join("index.json")).expect("index"), old_index);
    assert!(dir.join("index-search.json").is_file());
    assert!(dir.join("index-snapshot.bin").is_file());
    assert_eq!(
        session_files(dir),
        sessions_before,
        "session files untouched"
    );

    let (store, problems) = Store::open(dir).expect("reopen");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(store.sessions().len(), 12);
    assert!(
        store.search_index_if_ready().is_none(),
        "search not read to open"
    );
    assert_eq!(found(&store), before);
    drop(store);

    // As the app opens it: the index from its snapshot, the files checked afterwards.
    let (mut store, problems) = Store::open_for_app(dir).expect("app open");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(store.sessions().len(), 12);
    let check = store.check_index().expect("check left for later");
    assert!(!check.changed && check.problems.is_empty(), "{check:?}");
    assert_eq!(found(&store), before);
}

#[test]
fn plain_fixture_index_is_split_and_search_still_finds_the_same_notes() {
    let (_tmp, dir) = fixture("plain");
    let old = fs::read_to_string(dir.join("index.json")).expect("old");
    assert!(
        old.contains("\"search_text\""),
        "the fixture is the old shape"
    );
    migrates(&dir);
    let new = fs::read_to_string(dir.join("index.json")).expect("new");
    assert!(!new.contains("search_text"));
    let search: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.join("index-search.json")).expect("search"))
            .expect("json");
    assert_eq!(search["schema_version"], 1);
    assert_eq!(search["texts"].as_array().map(Vec::len), Some(12));
}

#[test]
fn encrypted_fixture_index_is_split_and_both_files_stay_sealed() {
    let (_tmp, dir) = fixture("encrypted");
    crypt::unlock(&dir, &Passphrase::from(PASSPHRASE)).expect("unlock");
    migrates(&dir);
    for name in ["index.json", "index-search.json", "index-snapshot.bin"] {
        let bytes = fs::read(dir.join(name)).expect("read");
        assert!(crypt::is_sealed(&bytes), "{name} is sealed");
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("wren") && !text.contains("Wren"), "{name}");
    }
    // A save is logged, sealed too.
    let (mut store, _) = Store::open(&dir).expect("open");
    let mut s = store.load_session(store.sessions()[0].id).expect("session");
    s.id = uuid::Uuid::new_v4();
    store.save_session(&s).expect("save");
    let logged: Vec<_> = fs::read_dir(dir.join("index-log"))
        .expect("log")
        .map(|e| fs::read(e.expect("entry").path()).expect("read"))
        .collect();
    assert_eq!(logged.len(), 1);
    assert!(crypt::is_sealed(&logged[0]));
    drop(store);
    let (store, problems) = Store::open_read_only(&dir).expect("reopen");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(store.sessions().len(), 13);
}
