//! The store under attack: each of the six findings of an adversarial pass over the data
//! folder, reproduced, and what the store does about it now.
#![cfg(unix)]

mod storage_common;

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::process::Command;

use alongside::domain::secret::Passphrase;
use alongside::storage::crypt::migrate::{self, Options, Stop};
use alongside::storage::crypt::{self, CryptError, KEY_FILE};
use alongside::storage::folder::MARKER_FILE;
use alongside::storage::{ProblemKind, Reason, Store, StoreError};
use storage_common::{mode, peer, session, snapshot};

const FAST: Options = Options {
    work_factor: Some(4),
    stop: None,
};

fn pass() -> Passphrase {
    Passphrase::from("blue kettle morning")
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_alongside"))
}

/// A data folder with a peer and two saved sessions; returns their ids.
fn filled(dir: &Path) -> Vec<uuid::Uuid> {
    let (mut store, _) = Store::open(dir).expect("open");
    let p = peer("JD");
    store.save_peer(&p).expect("peer");
    let mut ids = Vec::new();
    for i in 0..2 {
        let s = session(&p, i * 60, &format!("note number {i}"));
        store.save_session(&s).expect("save");
        ids.push(s.id);
    }
    ids
}

// ----- 1. symbolic links -----

#[test]
fn a_symlinked_drafts_folder_stops_the_open_and_nothing_outside_is_touched() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    filled(&data);
    let outside = dir.path().join("else");
    fs::create_dir(&outside).expect("mkdir");
    fs::set_permissions(&outside, fs::Permissions::from_mode(0o755)).expect("chmod");
    fs::remove_dir_all(data.join("drafts")).expect("rm");
    symlink(&outside, data.join("drafts")).expect("link");

    let err = Store::open(&data).expect_err("refused");
    let msg = err.to_string();
    assert!(
        msg.contains("drafts") && msg.contains("symbolic link"),
        "{msg}"
    );
    let err = Store::open_read_only(&data).expect_err("refused too");
    assert!(err.to_string().contains("symbolic link"));
    assert_eq!(mode(&outside), 0o755, "the link's target was chmodded");
    assert_eq!(fs::read_dir(&outside).expect("list").count(), 0);
}

#[test]
fn a_symlinked_lock_never_creates_its_target() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    filled(&data);
    let target = dir.path().join("elsewhere.lock");
    fs::remove_file(data.join("alongside.lock")).expect("rm");
    symlink(&target, data.join("alongside.lock")).expect("link");
    let err = Store::open(&data).expect_err("refused");
    assert!(err.to_string().contains("alongside.lock"), "{err}");
    assert!(!target.exists(), "the lock followed the link");
}

#[test]
fn a_symlinked_session_file_is_quarantined_as_a_link_and_never_read() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let ids = filled(&data);
    let rel = format!("sessions/{}.json", ids[0]);
    let outside = dir.path().join("moved.json");
    fs::rename(data.join(&rel), &outside).expect("move");
    symlink(&outside, data.join(&rel)).expect("link");

    let (store, problems) = Store::open_read_only(&data).expect("read only");
    assert!(store.session_entry(ids[0]).is_none());
    assert!(problems.iter().any(|p| p.file == rel
        && p.kind
            == ProblemKind::Unreadable {
                reason: Reason::Link
            }));
    drop(store);
    let (store, problems) = Store::open(&data).expect("open");
    assert!(store.session_entry(ids[0]).is_none());
    let moved = problems
        .iter()
        .find_map(|p| match &p.kind {
            ProblemKind::Quarantined { reason, moved_to } if p.file == rel => {
                assert_eq!(*reason, Reason::Link);
                Some(moved_to.clone())
            }
            _ => None,
        })
        .expect("quarantined");
    let q = data.join(moved);
    assert!(
        fs::symlink_metadata(&q)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert!(outside.exists(), "the target is left alone");
}

#[test]
fn encrypt_refuses_a_symlinked_session_file_and_reports_no_success() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("data");
    let ids = filled(&data);
    let rel = format!("sessions/{}.json", ids[0]);
    let outside = dir.path().join("X.json");
    fs::rename(data.join(&rel), &outside).expect("move");
    symlink(&outside, data.join(&rel)).expect("link");
    let before = snapshot(&data);

    let err = migrate::encrypt(&data, &pass(), FAST).expect_err("refused");
    assert!(matches!(err, CryptError::NotAFile { .. }), "{err}");
    assert!(err.to_string().contains(&ids[0].to_string()));
    assert!(!crypt::is_sealed(&fs::read(&outside).expect("read")));
    assert_eq!(
        snapshot(&data),
        before,
        "nothing was written before the refusal"
    );

    // Through the command: a non-zero exit and no "Encrypted N file(s)".
    let out = bin()
        .args(["encrypt", "--data-dir"])
        .arg(&data)
        .env("ALONGSIDE_PASSPHRASE", "x")
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Encrypted"));
}

// ----- 2. folders that are not ours -----

#[test]
fn a_project_folder_is_never_encrypted_or_quarantined() {
    let dir = tempfile::tempdir().expect("dir");
    let w = dir.path().join("w");
    fs::create_dir_all(w.join("src")).expect("mkdir");
    fs::write(w.join("index.json"), b"{}").expect("write");
    fs::write(w.join("src/main.rs"), b"x\n").expect("write");
    let before = snapshot(&w);

    let out = bin()
        .args(["encrypt", "--data-dir"])
        .arg(&w)
        .env("ALONGSIDE_PASSPHRASE", "x")
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not an alongside data folder") && err.contains(&*w.to_string_lossy()));
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("passphrase"),
        "refused before asking for a passphrase"
    );
    assert_eq!(snapshot(&w), before);
    assert!(matches!(
        Store::open(&w),
        Err(StoreError::NotDataFolder { .. })
    ));
    assert!(matches!(
        Store::open_read_only(&w),
        Err(StoreError::NotDataFolder { .. })
    ));
    assert_eq!(snapshot(&w), before);
}

#[test]
fn a_folder_with_only_a_drafts_file_is_not_taken_over() {
    let dir = tempfile::tempdir().expect("dir");
    let w = dir.path().join("w");
    fs::create_dir_all(w.join("drafts")).expect("mkdir");
    fs::write(w.join("drafts/post.md"), b"hello").expect("write");
    fs::set_permissions(&w, fs::Permissions::from_mode(0o755)).expect("chmod");
    let before = snapshot(&w);
    let err = Store::open(&w).expect_err("refused");
    assert!(err.to_string().contains(&*w.to_string_lossy()));
    assert_eq!(snapshot(&w), before);
    assert_eq!(mode(&w), 0o755);
}

#[test]
fn a_new_folder_gets_the_marker_and_an_earlier_release_folder_gets_it_on_first_open() {
    let dir = tempfile::tempdir().expect("dir");
    let fresh = dir.path().join("fresh");
    drop(Store::open(&fresh).expect("open"));
    let marker: serde_json::Value =
        serde_json::from_slice(&fs::read(fresh.join(MARKER_FILE)).expect("marker")).expect("json");
    assert_eq!(marker["schema_version"], 1);
    assert!(marker["created_at"].is_string());

    // The layout the previous release left: no marker, three folders, lock, peers, index
    // without stamps, one session.
    let old = dir.path().join("old");
    let p = peer("JD");
    let s = session(&p, 0, "from the previous release");
    for sub in ["sessions", "drafts", "quarantine"] {
        fs::create_dir_all(old.join(sub)).expect("mkdir");
    }
    fs::write(old.join("alongside.lock"), b"").expect("lock");
    fs::write(
        old.join("peers.json"),
        serde_json::to_vec(&serde_json::json!({"schema_version":1,"peers":[p]})).expect("json"),
    )
    .expect("peers");
    let file = serde_json::json!({"schema_version":1,"session":s});
    fs::write(
        old.join(format!("sessions/{}.json", s.id)),
        serde_json::to_vec(&file).expect("json"),
    )
    .expect("session");
    let mut entry = serde_json::to_value(alongside::storage::IndexEntry::from_session(
        &s,
        Default::default(),
    ))
    .expect("entry");
    entry.as_object_mut().expect("obj").remove("stamp");
    fs::write(
        old.join("index.json"),
        serde_json::to_vec(&serde_json::json!({"schema_version":1,"sessions":[entry]}))
            .expect("json"),
    )
    .expect("index");

    let (store, _) = Store::open_read_only(&old).expect("read only");
    assert_eq!(store.sessions().len(), 1);
    assert!(!old.join(MARKER_FILE).exists(), "read-only writes nothing");
    drop(store);
    let (store, _) = Store::open(&old).expect("open");
    assert!(old.join(MARKER_FILE).exists());
    assert_eq!(store.load_session(s.id).expect("load"), s);
    drop(store);
    // The index was rebuilt with stamps: it now names the file's size.
    let index: serde_json::Value =
        serde_json::from_slice(&fs::read(old.join("index.json")).expect("index")).expect("json");
    assert!(index["sessions"][0]["stamp"]["len"].as_u64().unwrap_or(0) > 0);
}

// ----- 3. damage in place -----

#[test]
fn a_session_truncated_in_place_is_reported_and_quarantined() {
    let dir = tempfile::tempdir().expect("dir");
    let ids = filled(dir.path());
    let path = dir.path().join(format!("sessions/{}.json", ids[0]));
    let f = fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("open");
    f.set_len(100).expect("truncate");
    drop(f);

    let (store, problems) = Store::open_read_only(dir.path()).expect("read only");
    assert!(
        problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::Unreadable { .. }))
    );
    assert!(store.session_entry(ids[0]).is_none());
    assert!(path.exists(), "read-only moves nothing");
    drop(store);
    let (store, problems) = Store::open(dir.path()).expect("open");
    assert!(
        problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::Quarantined { .. }))
    );
    assert!(store.session_entry(ids[0]).is_none());
    assert!(store.session_entry(ids[1]).is_some());
    assert!(!path.exists());
}

#[test]
fn an_alias_edited_in_place_shows_in_the_list() {
    let dir = tempfile::tempdir().expect("dir");
    let ids = filled(dir.path());
    let path = dir.path().join(format!("sessions/{}.json", ids[1]));
    let text = fs::read_to_string(&path).expect("read");
    // Same length, same inode: only the time and bytes change.
    fs::write(&path, text.replace("\"JD\"", "\"KB\"")).expect("edit");
    let (store, _) = Store::open_read_only(dir.path()).expect("read only");
    assert_eq!(
        &*store.session_entry(ids[1]).expect("entry").peer_alias,
        "KB"
    );
}

// ----- 4. readable files in an encrypted folder -----

#[test]
fn a_readable_file_in_an_encrypted_folder_is_reported_then_sealed() {
    let dir = tempfile::tempdir().expect("dir");
    let ids = filled(dir.path());
    let rel = format!("sessions/{}.json", ids[0]);
    let plain = fs::read(dir.path().join(&rel)).expect("read");
    migrate::encrypt(dir.path(), &pass(), FAST).expect("encrypt");
    fs::write(dir.path().join(&rel), &plain).expect("put back a readable copy");

    let (_, problems) = Store::open_read_only(dir.path()).expect("read only");
    assert!(
        problems
            .iter()
            .any(|p| p.file == rel && p.kind == ProblemKind::PlainInEncrypted { sealed: false })
    );
    assert_eq!(fs::read(dir.path().join(&rel)).expect("read"), plain);

    assert_eq!(
        migrate::plain_files(dir.path()).expect("scan"),
        vec![rel.clone()]
    );
    let (store, problems) = Store::open(dir.path()).expect("open");
    assert!(
        problems
            .iter()
            .any(|p| p.file == rel && p.kind == ProblemKind::PlainInEncrypted { sealed: true })
    );
    assert!(crypt::is_sealed(
        &fs::read(dir.path().join(&rel)).expect("read")
    ));
    assert!(store.load_session(ids[0]).is_ok());
    drop(store);
    assert!(migrate::plain_files(dir.path()).expect("scan").is_empty());
    crypt::forget(dir.path());
}

#[test]
fn encrypt_finishes_readable_files_instead_of_saying_already_encrypted() {
    let dir = tempfile::tempdir().expect("dir");
    filled(dir.path());
    migrate::encrypt(dir.path(), &pass(), FAST).expect("encrypt");
    fs::write(
        dir.path().join("peers.json"),
        br#"{"schema_version":1,"peers":[]}"#,
    )
    .expect("plain");
    let report = migrate::encrypt(dir.path(), &pass(), FAST).expect("finish");
    assert_eq!(report.converted, 1);
    assert!(migrate::plain_files(dir.path()).expect("scan").is_empty());
    assert!(matches!(
        migrate::encrypt(dir.path(), &pass(), FAST),
        Err(CryptError::AlreadyEncrypted { .. })
    ));
    crypt::forget(dir.path());
}

// ----- 5. key rotation -----

#[test]
fn after_rekey_an_old_key_file_opens_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let ids = filled(dir.path());
    migrate::encrypt(dir.path(), &pass(), FAST).expect("encrypt");
    let old_key_file = fs::read(dir.path().join(KEY_FILE)).expect("key");
    let old_key = crypt::read_key(dir.path(), &pass()).expect("old key");

    // A plain passphrase change keeps the data key: the old key file still opens the data.
    let new = Passphrase::from("green teapot evening");
    migrate::change_passphrase(dir.path(), &pass(), &new, FAST).expect("change");
    let rel = format!("sessions/{}.json", ids[0]);
    assert!(
        old_key
            .open_for_test(&fs::read(dir.path().join(&rel)).expect("read"))
            .is_ok()
    );

    let report = migrate::rekey(dir.path(), &new, &new, FAST).expect("rekey");
    assert!(report.converted >= 3);
    for (name, bytes) in snapshot(dir.path()) {
        if name.contains("/sessions/") || name.ends_with("peers.json") {
            assert!(crypt::is_sealed(&bytes), "{name}");
            assert!(
                old_key.open_for_test(&bytes).is_err(),
                "{name} opens with the old key"
            );
        }
    }
    // The old key file (old passphrase) opens the old key, which opens nothing here.
    let elsewhere = tempfile::tempdir().expect("dir");
    fs::write(elsewhere.path().join(KEY_FILE), &old_key_file).expect("copy");
    let stolen = crypt::read_key(elsewhere.path(), &pass()).expect("old file, old passphrase");
    assert!(
        stolen
            .open_for_test(&fs::read(dir.path().join(&rel)).expect("read"))
            .is_err()
    );
    let (store, problems) = Store::open(dir.path()).expect("open");
    assert!(problems.is_empty(), "{problems:?}");
    assert!(store.load_session(ids[0]).is_ok());
    drop(store);
    crypt::forget(dir.path());
}

#[test]
fn an_interrupted_rotation_finishes_when_run_again_at_every_step() {
    let new = Passphrase::from("green teapot evening");
    let mut stops = vec![Stop::AfterState, Stop::AfterKey, Stop::BeforeFinish];
    for n in 0..4 {
        stops.extend([Stop::Beside(n), Stop::Verified(n), Stop::Replaced(n)]);
    }
    for stop in stops {
        let dir = tempfile::tempdir().expect("dir");
        let ids = filled(dir.path());
        migrate::encrypt(dir.path(), &pass(), FAST).expect("encrypt");
        let old_key = crypt::read_key(dir.path(), &pass()).expect("old key");
        let opts = Options {
            stop: Some(stop),
            ..FAST
        };
        migrate::rekey(dir.path(), &pass(), &new, opts).expect_err("stopped");
        crypt::forget(dir.path());
        assert!(matches!(
            Store::open(dir.path()),
            Err(StoreError::ConversionUnfinished { verb: "rekey", .. })
        ));
        migrate::rekey(dir.path(), &pass(), &new, FAST).expect("finished");
        let rel = format!("sessions/{}.json", ids[1]);
        let bytes = fs::read(dir.path().join(&rel)).expect("read");
        assert!(old_key.open_for_test(&bytes).is_err(), "{stop:?}");
        crypt::forget(dir.path());
        crypt::unlock(dir.path(), &new).expect("new passphrase opens");
        let (store, problems) = Store::open(dir.path()).expect("open");
        assert!(problems.is_empty(), "{stop:?}: {problems:?}");
        for id in &ids {
            assert!(store.load_session(*id).is_ok(), "{stop:?}");
        }
        drop(store);
        crypt::forget(dir.path());
    }
}

// ----- 6. the smaller items -----

#[test]
fn loose_files_are_tightened_on_open_quarantine_included() {
    let dir = tempfile::tempdir().expect("dir");
    let ids = filled(dir.path());
    let session = dir.path().join(format!("sessions/{}.json", ids[0]));
    let quarantined = dir.path().join("quarantine/peers.json");
    fs::write(&quarantined, b"[").expect("write");
    for f in [&session, &quarantined, &dir.path().join("peers.json")] {
        fs::set_permissions(f, fs::Permissions::from_mode(0o644)).expect("chmod");
    }
    fs::set_permissions(
        dir.path().join("quarantine"),
        fs::Permissions::from_mode(0o755),
    )
    .expect("chmod");
    // Reading only: reported, nothing changed.
    let (_, problems) = Store::open_read_only(dir.path()).expect("read only");
    assert!(problems.iter().any(|p| p.kind == ProblemKind::NotPrivate));
    assert_eq!(mode(&session), 0o644);
    let (_, _) = Store::open(dir.path()).expect("open");
    for f in [&session, &quarantined, &dir.path().join("peers.json")] {
        assert_eq!(mode(f), 0o600, "{}", f.display());
    }
    assert_eq!(mode(&dir.path().join("quarantine")), 0o700);
}

#[test]
fn a_sessions_file_is_a_clear_error_naming_the_path() {
    let dir = tempfile::tempdir().expect("dir");
    filled(dir.path());
    fs::remove_dir_all(dir.path().join("sessions")).expect("rm");
    fs::write(dir.path().join("sessions"), b"").expect("file");
    for err in [
        Store::open(dir.path()).expect_err("open"),
        Store::open_read_only(dir.path()).expect_err("read only"),
    ] {
        let msg = err.to_string();
        assert!(
            msg.contains(&*dir.path().join("sessions").to_string_lossy()),
            "{msg}"
        );
        assert!(!msg.contains("os error 17"), "{msg}");
    }
    let out = bin()
        .args(["notes", "list", "--data-dir"])
        .arg(dir.path())
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("sessions"));
}

#[test]
fn generate_refuses_numbers_out_of_range_without_panicking() {
    let dir = tempfile::tempdir().expect("dir");
    for peers in ["18446744073709551615", "1000000000", "0"] {
        let out = bin()
            .args(["generate", "--peers", peers, "--data-dir"])
            .arg(dir.path().join("g"))
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{peers}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("--peers") && !err.contains("panicked"),
            "{err}"
        );
    }
}

#[test]
fn competencies_export_unlocks_like_notes() {
    let dir = tempfile::tempdir().expect("dir");
    filled(dir.path());
    let out = bin()
        .args(["encrypt", "--data-dir"])
        .arg(dir.path())
        .env("ALONGSIDE_PASSPHRASE", "kettle")
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = bin()
        .args(["competencies", "export", "--data-dir"])
        .arg(dir.path())
        .env("ALONGSIDE_PASSPHRASE", "kettle")
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn echoed_input_has_its_control_characters_escaped() {
    let dir = tempfile::tempdir().expect("dir");
    filled(dir.path());
    let out = bin()
        .args(["notes", "list", "--peer", "J\u{1b}[2Jx", "--data-dir"])
        .arg(dir.path())
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    let out = bin()
        .args(["ref", "zz\u{7}\u{1b}[31mzz"])
        .output()
        .expect("run");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains('\u{1b}') && !all.contains('\u{7}'), "{all:?}");
}
