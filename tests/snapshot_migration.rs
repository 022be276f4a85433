//! Folders from the release before the snapshot's string table (format 1 of
//! index-snapshot.bin), plain and encrypted, made by that release's `generate` and `encrypt`.
//! They open with the same notes as their index.json says, a read-only open leaves the old
//! snapshot alone, and the first writable open replaces it with the current layout (sealed
//! in the encrypted folder). Session files are never touched.

use std::fs;
use std::path::Path;

use alongside::domain::secret::Passphrase;
use alongside::storage::{ProblemKind, Store, crypt};

mod common;
use common::previous_release::{PASSPHRASE_18, fixture_of, session_files};

const SNAPSHOT: &str = "index-snapshot.bin";
const SESSIONS: usize = 12;

/// Every listed session's id, peer alias and preview, in list order.
fn listed(store: &Store) -> Vec<(uuid::Uuid, String, String)> {
    store
        .sessions()
        .iter()
        .map(|e| (e.id, e.peer_alias.to_string(), e.preview.to_string()))
        .collect()
}

/// Opens `dir` read-only, for writing, then twice as the app does; returns the snapshot's bytes
/// before and after.
fn migrates(dir: &Path) -> (Vec<u8>, Vec<u8>) {
    let sessions_before = session_files(dir);
    assert_eq!(sessions_before.len(), SESSIONS);
    let old_snapshot = fs::read(dir.join(SNAPSHOT)).expect("old snapshot");

    // A copy has new inodes, times and modes, as after a restore from backup: the opens
    // below report and repair that, and nothing else.
    let (store, _) = Store::open_read_only(dir).expect("read-only open");
    let expected = listed(&store);
    assert_eq!(expected.len(), SESSIONS);
    assert!(expected.iter().all(|(_, alias, _)| !alias.is_empty()));
    drop(store);
    assert_eq!(
        fs::read(dir.join(SNAPSHOT)).expect("snapshot"),
        old_snapshot,
        "a read-only open never writes the snapshot"
    );

    let (store, problems) = Store::open(dir).expect("writable open");
    assert!(
        problems.iter().all(|p| matches!(
            p.kind,
            ProblemKind::NotPrivate | ProblemKind::IndexRebuilt { .. }
        )),
        "only modes and file stamps are repaired: {problems:?}"
    );
    assert_eq!(listed(&store), expected);
    drop(store);

    let (mut store, problems) = Store::open_for_app(dir).expect("app open");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(listed(&store), expected);
    let check = store.check_index().expect("check left for later");
    assert!(!check.changed && check.problems.is_empty(), "{check:?}");
    drop(store);

    let new_snapshot = fs::read(dir.join(SNAPSHOT)).expect("new snapshot");
    assert_ne!(new_snapshot, old_snapshot, "the old layout is replaced");
    assert_eq!(
        session_files(dir),
        sessions_before,
        "session files untouched"
    );
    assert!(
        fs::read_dir(dir.join("quarantine"))
            .expect("quarantine")
            .next()
            .is_none(),
        "nothing quarantined"
    );

    // The next start reads the new snapshot and finds the same notes.
    let (mut store, problems) = Store::open_for_app(dir).expect("reopen");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(listed(&store), expected);
    let check = store.check_index().expect("check left for later");
    assert!(!check.changed && check.problems.is_empty(), "{check:?}");
    drop(store);
    assert_eq!(
        fs::read(dir.join(SNAPSHOT)).expect("snapshot"),
        new_snapshot,
        "an up-to-date snapshot is not written again"
    );
    (old_snapshot, new_snapshot)
}

#[test]
fn plain_folder_with_the_first_snapshot_layout_opens_and_gets_the_current_one() {
    let (_tmp, dir) = fixture_of("release18", "plain");
    let (old, new) = migrates(&dir);
    assert_eq!(
        &old[..8],
        b"ALSNAP\x00\x01",
        "the fixture has the first layout"
    );
    assert_eq!(&new[..6], b"ALSNAP");
    assert_ne!(new[7], 1, "the snapshot now has a later layout");
}

#[test]
fn encrypted_folder_with_the_first_snapshot_layout_opens_and_stays_sealed() {
    let (_tmp, dir) = fixture_of("release18", "encrypted");
    crypt::unlock(&dir, &Passphrase::from(PASSPHRASE_18)).expect("unlock");
    let (old, new) = migrates(&dir);
    assert!(crypt::is_sealed(&old), "the fixture's snapshot is sealed");
    assert!(crypt::is_sealed(&new), "the new snapshot is sealed");
    for name in [
        "index.json",
        "index-search.json",
        "peers.json",
        "goals.json",
    ] {
        let bytes = fs::read(dir.join(name)).expect("read");
        assert!(crypt::is_sealed(&bytes), "{name} is sealed");
    }
}
