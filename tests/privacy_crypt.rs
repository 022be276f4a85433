//! Encryption at rest: converting a folder both ways, interrupted at every step, wrong
//! passphrases, and the store reading and writing an encrypted folder exactly as a plain one.

mod storage_common;

use std::fs;
use std::path::Path;

use alongside::domain::secret::Passphrase;
use alongside::storage::crypt::migrate::{self, Options, Stop};
use alongside::storage::crypt::{self, CryptError, CryptState, KEY_FILE, STATE_FILE};
use alongside::storage::{ProblemKind, Store, StoreError};
use storage_common::{peer, session, snapshot};

/// A cheap scrypt work factor: these tests are about states, not key strength.
const FAST: Options = Options {
    work_factor: Some(4),
    stop: None,
};

const SECRET: &str = "talked through the relapse after the funeral";

fn pass() -> Passphrase {
    Passphrase::from("blue kettle morning")
}

/// A data folder with peers, sessions, a draft, an index, a quarantined file and a file of a
/// kind the store does not know (as another feature might add).
fn filled(dir: &Path) -> Vec<alongside::domain::Session> {
    let (mut store, _) = Store::open(dir).expect("open");
    let p = peer("JD");
    store.save_peer(&p).expect("peer");
    let mut saved = Vec::new();
    for i in 0..6 {
        let s = session(&p, i * 60, &format!("{SECRET} #{i}"));
        store.save_session(&s).expect("save");
        saved.push(s);
    }
    let mut draft = session(&p, 1000, &format!("{SECRET} (draft)"));
    draft.ended_at = None;
    store.save_draft(&draft).expect("draft");
    drop(store);
    fs::write(
        dir.join("quarantine/sessions--old.json"),
        format!("{{ {SECRET}"),
    )
    .expect("q");
    fs::create_dir_all(dir.join("worksheets")).expect("ws");
    alongside::storage::atomic::write_durably(
        &dir.join("worksheets/w1.json"),
        format!("{{\"schema_version\":1,\"text\":\"{SECRET}\"}}").as_bytes(),
    )
    .expect("worksheet");
    saved
}

/// Every file's bytes, as the person would read them with the key: (place, plaintext).
fn plain_view(dir: &Path, key: Option<&Passphrase>) -> Vec<(String, Vec<u8>)> {
    let data_key = key.map(|p| crypt::read_key(dir, p).expect("key"));
    snapshot(dir)
        .into_iter()
        .filter(|(p, _)| {
            !p.ends_with(KEY_FILE)
                && !p.ends_with(STATE_FILE)
                && !p.ends_with("alongside.lock")
                && !p.ends_with("index.json")
                && !p.ends_with("index-search.json")
                && !p.ends_with("index-snapshot.bin")
                && !p.contains("/index-log/")
        })
        .map(|(p, bytes)| {
            let bytes = match (&data_key, crypt::is_sealed(&bytes)) {
                (Some(k), true) => k.open_for_test(&bytes).expect("opens"),
                _ => bytes,
            };
            let place = p
                .strip_prefix(&dir.display().to_string())
                .unwrap_or(&p)
                .to_string();
            (place, bytes)
        })
        .collect()
}

fn no_plaintext_anywhere(dir: &Path) {
    for (place, bytes) in snapshot(dir) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("relapse"),
            "{place} holds note text in the clear"
        );
        assert!(
            !text.contains("\"JD\""),
            "{place} holds an alias in the clear"
        );
    }
}

#[test]
fn encrypt_then_decrypt_round_trips_every_file_and_the_store_reads_both() {
    let dir = tempfile::tempdir().expect("dir");
    let saved = filled(dir.path());
    let before = plain_view(dir.path(), None);

    let report = migrate::encrypt(dir.path(), &pass(), FAST).expect("encrypt");
    assert!(report.converted >= 10, "{report:?}");
    assert_eq!(
        crypt::state(dir.path()).expect("state"),
        CryptState::Encrypted
    );
    no_plaintext_anywhere(dir.path());
    assert_eq!(plain_view(dir.path(), Some(&pass())), before);

    // The store works the same on the encrypted folder, and new writes are sealed too.
    let (mut store, problems) = Store::open(dir.path()).expect("open encrypted");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(store.sessions().len(), saved.len());
    assert_eq!(store.load_session(saved[2].id).expect("load"), saved[2]);
    assert_eq!(store.drafts().len(), 1);
    let mut more = session(&store.peers()[0].clone(), 5000, &format!("{SECRET} later"));
    more.notes.push_str(" and more");
    store.save_session(&more).expect("save encrypted");
    drop(store);
    no_plaintext_anywhere(dir.path());

    migrate::decrypt(dir.path(), &pass(), FAST).expect("decrypt");
    assert_eq!(crypt::state(dir.path()).expect("state"), CryptState::Plain);
    assert!(!dir.path().join(KEY_FILE).exists());
    let (store, problems) = Store::open(dir.path()).expect("open plain");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(store.load_session(more.id).expect("load"), more);
    let raw = fs::read(dir.path().join(format!("sessions/{}.json", saved[0].id))).expect("read");
    assert!(
        String::from_utf8_lossy(&raw).contains("relapse"),
        "plain again"
    );
}

#[test]
fn a_locked_encrypted_folder_is_refused_and_nothing_is_written_to_it() {
    let dir = tempfile::tempdir().expect("dir");
    filled(dir.path());
    migrate::encrypt(dir.path(), &pass(), FAST).expect("encrypt");
    crypt::forget(dir.path());
    let before = snapshot(dir.path());
    assert!(matches!(
        Store::open(dir.path()),
        Err(StoreError::NeedsPassphrase { .. })
    ));
    assert!(matches!(
        Store::open_read_only(dir.path()),
        Err(StoreError::NeedsPassphrase { .. })
    ));
    // A direct write through the shared helper is refused rather than written in the clear.
    assert!(
        alongside::storage::atomic::write_durably(&dir.path().join("worksheets/w2.json"), b"{}")
            .is_err()
    );
    // A wrong passphrase changes nothing.
    assert!(matches!(
        crypt::unlock(dir.path(), &Passphrase::from("blue kettle evening")),
        Err(CryptError::WrongPassphrase)
    ));
    let after: Vec<_> = snapshot(dir.path())
        .into_iter()
        .filter(|(p, _)| !p.ends_with("alongside.lock"))
        .collect();
    let before: Vec<_> = before
        .into_iter()
        .filter(|(p, _)| !p.ends_with("alongside.lock"))
        .collect();
    assert_eq!(after, before);
    crypt::unlock(dir.path(), &pass()).expect("unlock");
    Store::open(dir.path()).expect("opens once unlocked");
}

#[test]
fn changing_the_passphrase_rewraps_only_the_key() {
    let dir = tempfile::tempdir().expect("dir");
    filled(dir.path());
    migrate::encrypt(dir.path(), &pass(), FAST).expect("encrypt");
    let data_before: Vec<_> = snapshot(dir.path())
        .into_iter()
        .filter(|(p, _)| !p.ends_with(KEY_FILE) && !p.ends_with("alongside.lock"))
        .collect();
    let new = Passphrase::from("green kettle night");
    assert!(matches!(
        migrate::change_passphrase(dir.path(), &Passphrase::from("nope"), &new, FAST),
        Err(CryptError::WrongPassphrase)
    ));
    migrate::change_passphrase(dir.path(), &pass(), &new, FAST).expect("change");
    let data_after: Vec<_> = snapshot(dir.path())
        .into_iter()
        .filter(|(p, _)| !p.ends_with(KEY_FILE) && !p.ends_with("alongside.lock"))
        .collect();
    assert_eq!(data_before, data_after, "no data file was touched");
    assert!(matches!(
        crypt::check_passphrase(dir.path(), &pass()),
        Err(CryptError::WrongPassphrase)
    ));
    crypt::check_passphrase(dir.path(), &new).expect("new passphrase opens");
}

/// Every stop point of a conversion, in both directions: the run fails there (as a crash
/// would stop it), the app refuses the half-converted folder with a clear message, and
/// running the command again finishes it with every file's content intact.
#[test]
fn an_interrupted_conversion_can_be_rerun_at_every_step_and_nothing_is_lost() {
    let template = tempfile::tempdir().expect("dir");
    filled(template.path());
    let files = plain_view(template.path(), None);
    // Data files the conversion walks: everything but the lock and the folder marker (the
    // index included).
    let n = count_files(template.path()) - 2;
    let mut stops = vec![Stop::AfterState, Stop::AfterKey, Stop::BeforeFinish];
    for i in [0, 1, n / 2, n - 1] {
        stops.extend([Stop::Beside(i), Stop::Verified(i), Stop::Replaced(i)]);
    }
    let mut trials = 0;
    for stop in stops {
        let dir = tempfile::tempdir().expect("dir");
        copy_dir(template.path(), dir.path());
        let interrupted = Options {
            stop: Some(stop),
            ..FAST
        };
        let err = migrate::encrypt(dir.path(), &pass(), interrupted).expect_err("stopped");
        assert!(matches!(err, CryptError::Injected(_)), "{stop:?}: {err}");
        crypt::forget(dir.path());
        let refused = Store::open(dir.path()).expect_err("half-encrypted folder refused");
        assert!(
            refused
                .to_string()
                .contains("run `alongside encrypt` again"),
            "{stop:?}: {refused}"
        );
        migrate::encrypt(dir.path(), &pass(), FAST).expect("rerun finishes");
        no_plaintext_anywhere(dir.path());
        assert_eq!(plain_view(dir.path(), Some(&pass())), files, "{stop:?}");
        trials += 1;

        // And back, interrupted at the same step.
        let err = migrate::decrypt(dir.path(), &pass(), interrupted).expect_err("stopped");
        assert!(matches!(err, CryptError::Injected(_)), "{stop:?}: {err}");
        crypt::forget(dir.path());
        let refused = Store::open(dir.path()).expect_err("half-decrypted folder refused");
        assert!(
            refused
                .to_string()
                .contains("run `alongside decrypt` again"),
            "{stop:?}: {refused}"
        );
        migrate::decrypt(dir.path(), &pass(), FAST).expect("rerun finishes");
        assert_eq!(crypt::state(dir.path()).expect("state"), CryptState::Plain);
        assert_eq!(plain_view(dir.path(), None), files, "{stop:?} back");
        let (_, problems) = Store::open(dir.path()).expect("opens");
        assert!(problems.is_empty(), "{stop:?}: {problems:?}");
        trials += 1;
    }
    println!("interrupted conversions checked: {trials}");
}

#[test]
fn a_damaged_encrypted_file_goes_to_quarantine_and_the_rest_opens() {
    let dir = tempfile::tempdir().expect("dir");
    let saved = filled(dir.path());
    migrate::encrypt(dir.path(), &pass(), FAST).expect("encrypt");
    let victim = dir.path().join(format!("sessions/{}.json", saved[1].id));
    let mut bytes = fs::read(&victim).expect("read");
    let at = bytes.len() - 3;
    bytes[at] ^= 0x40;
    fs::write(&victim, &bytes).expect("damage");
    // Edited in place, so the index would not notice until the note is opened: make the
    // store read every file.
    fs::remove_file(dir.path().join("index.json")).expect("drop index");
    let (store, problems) = Store::open(dir.path()).expect("open");
    assert_eq!(store.sessions().len(), saved.len() - 1);
    let quarantined: Vec<_> = problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::Quarantined { .. }))
        .collect();
    assert_eq!(quarantined.len(), 1, "{problems:?}");
    let shown = quarantined[0].to_string();
    assert!(shown.contains("quarantine"), "{shown}");
    assert!(
        shown.contains("does not open with this folder's key"),
        "{shown}"
    );
    assert!(!victim.exists());
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).expect("list") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
            copy_dir(&entry.path(), &target);
        } else if entry.file_name() != "alongside.lock" {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn count_files(dir: &Path) -> usize {
    fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry"))
        .map(|e| {
            if e.file_type().expect("type").is_dir() {
                count_files(&e.path())
            } else {
                1
            }
        })
        .sum()
}

#[test]
fn a_folder_that_is_not_a_data_folder_is_never_converted() {
    let dir = tempfile::tempdir().expect("dir");
    fs::write(dir.path().join("thesis.txt"), "my own file").expect("write");
    let err = migrate::encrypt(dir.path(), &pass(), FAST).expect_err("refused");
    assert!(
        err.to_string().contains("not an alongside data folder"),
        "{err}"
    );
    assert_eq!(
        fs::read(dir.path().join("thesis.txt")).expect("read"),
        b"my own file"
    );
    assert!(!dir.path().join(KEY_FILE).exists());
}
