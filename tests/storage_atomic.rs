//! A write interrupted at any step leaves the old file or the new file, byte for byte, and
//! its leftovers are never taken for data.

use std::fs;
use std::io::ErrorKind;
use std::path::Path;

use alongside::domain::{Peer, Session, SessionKind, Timestamp};
use alongside::storage::atomic::{Fault, Step, WriteOptions, write_with};
use alongside::storage::layout::TEMP_PREFIX;
use alongside::storage::{Store, StoreError};

fn t(min: i64) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-01-05T10:00:00-05:00").expect("time")
        + chrono::Duration::minutes(min)
}

fn temp_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for sub in ["", "sessions", "drafts"] {
        let Ok(entries) = fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with(TEMP_PREFIX) {
                out.push(format!("{sub}/{name}"));
            }
        }
    }
    out
}

fn faults() -> Vec<Fault> {
    let mut all = Vec::new();
    for step in Step::ALL {
        all.push(Fault::crash(step));
        all.push(Fault::error(step, ErrorKind::StorageFull));
    }
    all
}

/// The rename is the commit point: before it the old bytes remain, after it the new ones.
fn expect_new(step: Step) -> bool {
    step == Step::SyncDir
}

#[test]
fn an_interrupted_write_leaves_the_old_or_the_new_file_at_every_step() {
    let old = br#"{"old": "contents", "pad": "................................"}"#.to_vec();
    let new = br#"{"new": "contents that are longer than the old ones were", "n": 2}"#.to_vec();
    for fault in faults() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("peers.json");
        fs::write(&path, &old).expect("seed");
        let opts = WriteOptions {
            sync_dir: true,
            fault: Some(fault),
        };
        let result = write_with(&path, &new, opts);
        assert!(result.is_err(), "{fault:?} should report a failure");
        let now = fs::read(&path).expect("target still exists");
        let want = if expect_new(fault.step) { &new } else { &old };
        assert_eq!(&now, want, "{fault:?}");

        let leftovers = temp_files(dir.path());
        let crashed_with_temp =
            fault.crash && fault.step != Step::CreateTemp && !expect_new(fault.step);
        assert_eq!(
            leftovers.len(),
            usize::from(crashed_with_temp),
            "{fault:?}: {leftovers:?}"
        );
    }
}

#[test]
fn an_interrupted_first_write_leaves_no_file_or_the_whole_file() {
    let new = b"{\"complete\": true}".to_vec();
    for fault in faults() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("index.json");
        let opts = WriteOptions {
            sync_dir: true,
            fault: Some(fault),
        };
        let _ = write_with(&path, &new, opts);
        match fs::read(&path) {
            Ok(bytes) => {
                assert!(expect_new(fault.step), "{fault:?}");
                assert_eq!(bytes, new);
            }
            Err(e) => {
                assert_eq!(e.kind(), ErrorKind::NotFound);
                assert!(!expect_new(fault.step), "{fault:?}");
            }
        }
    }
}

fn ended_session(peer: &Peer, notes: &str) -> Session {
    let mut s = Session::start(peer, SessionKind::Phone, t(0));
    s.notes = notes.into();
    s.finish(t(30)).expect("finish");
    s
}

#[test]
fn a_session_save_interrupted_at_any_step_reopens_as_the_old_or_new_note() {
    for fault in faults() {
        let dir = tempfile::tempdir().expect("dir");
        let peer = Peer::new("JD", t(-100)).expect("peer");
        let old = ended_session(&peer, "first version of the note");
        let mut new = old.clone();
        new.amend("an amendment made later", t(90)).expect("amend");
        {
            let (mut store, _) = Store::open(dir.path()).expect("open");
            store.save_peer(&peer).expect("peer");
            store.save_session(&old).expect("save");
            store.inject_faults([Some(fault)]);
            let result = store.save_session(&new);
            if expect_new(fault.step) {
                // The directory flush failed after the rename: reported, but the file is new.
                assert!(result.is_err(), "{fault:?}");
            } else {
                let err = result.expect_err("fails");
                if !fault.crash {
                    assert!(
                        matches!(err, StoreError::DiskFull { .. }),
                        "{fault:?}: {err}"
                    );
                }
                // Nothing changed in memory either.
                assert_eq!(store.sessions()[0].amendments, 0, "{fault:?}");
            }
            // The store is dropped here, as if the app were closed (or had died).
        }
        let (store, problems) = Store::open(dir.path()).expect("reopen");
        assert!(
            problems.iter().all(|p| !p.file.contains(TEMP_PREFIX)),
            "{fault:?}: {problems:?}"
        );
        assert!(
            temp_files(dir.path()).is_empty(),
            "{fault:?}: temp files are cleaned on open"
        );
        assert_eq!(store.sessions().len(), 1, "{fault:?}");
        let loaded = store.load_session(old.id).expect("load");
        if expect_new(fault.step) {
            assert_eq!(loaded, new, "{fault:?}");
        } else {
            assert_eq!(loaded, old, "{fault:?}");
        }
        assert_eq!(
            store.sessions()[0].amendments as usize,
            loaded.amendments.len(),
            "{fault:?}: index agrees with the file"
        );
    }
}

#[test]
fn a_peer_save_interrupted_at_any_step_keeps_the_old_or_new_peers_file() {
    for fault in faults() {
        let dir = tempfile::tempdir().expect("dir");
        let a = Peer::new("JD", t(0)).expect("peer");
        let b = Peer::new("Sunny", t(0)).expect("peer");
        let (mut store, _) = Store::open(dir.path()).expect("open");
        store.save_peer(&a).expect("save");
        let before = fs::read(dir.path().join("peers.json")).expect("read");
        store.inject_faults([Some(fault)]);
        let result = store.save_peer(&b);
        assert!(result.is_err());
        let after = fs::read(dir.path().join("peers.json")).expect("read");
        if expect_new(fault.step) {
            assert_ne!(after, before, "{fault:?}");
        } else {
            assert_eq!(after, before, "{fault:?}");
            assert_eq!(
                store.peers(),
                std::slice::from_ref(&a),
                "{fault:?}: memory unchanged"
            );
        }
        drop(store);
        let (store, _) = Store::open(dir.path()).expect("reopen");
        let n = store.peers().len();
        assert!(n == 1 || (n == 2 && expect_new(fault.step)), "{fault:?}");
    }
}

#[test]
fn a_leftover_temp_file_is_never_listed_as_a_session_even_read_only() {
    let dir = tempfile::tempdir().expect("dir");
    let peer = Peer::new("JD", t(0)).expect("peer");
    let s = ended_session(&peer, "note");
    {
        let (mut store, _) = Store::open(dir.path()).expect("open");
        store.save_session(&s).expect("save");
        let mut other = ended_session(&peer, "other");
        other.id = uuid::Uuid::new_v4();
        store.inject_faults([Some(Fault::crash(Step::Rename))]);
        store.save_session(&other).expect_err("crash");
    }
    assert_eq!(temp_files(dir.path()).len(), 1);
    let (ro, problems) = Store::open_read_only(dir.path()).expect("read-only");
    assert_eq!(ro.sessions().len(), 1);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        temp_files(dir.path()).len(),
        1,
        "read-only open removes nothing"
    );
    drop(ro);
    let (store, _) = Store::open(dir.path()).expect("open");
    assert_eq!(store.sessions().len(), 1);
    assert!(temp_files(dir.path()).is_empty());
}
