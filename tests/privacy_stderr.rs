//! What the app prints when things go wrong never holds note text or a passphrase: corrupt
//! files, a wrong passphrase, a read-only folder, a full disk, a panic. Each case runs the
//! real binary and greps everything it wrote to standard error (and standard output, and
//! any file outside the data folder: the app keeps no log).

#![cfg(unix)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use alongside::cli::debug::NOTE_MARKER;
use alongside::domain::secret::Passphrase;
use alongside::storage::crypt::{self, migrate};

const PASSPHRASE: &str = "lantern over the harbour";

fn alongside(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_alongside"));
    cmd.arg("--data-dir").arg(dir).args(args);
    cmd.env_remove("ALONGSIDE_PASSPHRASE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run alongside")
}

/// Fails if note text, an alias or the passphrase shows in what the run wrote to standard
/// error (where messages go; `notes list` rightly prints aliases on standard output).
fn assert_private(case: &str, out: &Output) {
    for (stream, bytes) in [("stderr", &out.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        for secret in [
            NOTE_MARKER,
            "talked about the week",
            "Loop 1",
            PASSPHRASE,
            "lantern",
        ] {
            assert!(
                !text.contains(secret),
                "{case}: {stream} holds {secret:?}:\n{text}"
            );
        }
    }
}

/// A folder with a few notes saved by the loop (seed 1, so the alias is "Loop 1").
fn folder_with_notes() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("dir");
    let out = alongside(dir.path(), &["debug-save-loop", "--count", "3"], &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn corrupt_files_are_reported_without_their_content() {
    let dir = folder_with_notes();
    // Damage a note and the peers file so their text sits right where a parser would quote it.
    let session = fs::read_dir(dir.path().join("sessions"))
        .expect("list")
        .next()
        .expect("a note")
        .expect("entry")
        .path();
    let mut bytes = fs::read(&session).expect("read");
    bytes.truncate(bytes.len() / 2);
    bytes.extend_from_slice(b"\"unterminated");
    fs::write(&session, bytes).expect("damage");
    let peers = dir.path().join("peers.json");
    let text = fs::read_to_string(&peers).expect("peers");
    fs::write(&peers, text.replace("\"alias\"", "\"alias\" \"Loop 1\"")).expect("damage");
    fs::remove_file(dir.path().join("index.json")).expect("index");

    let out = alongside(dir.path(), &["notes", "list"], &[]);
    let err = stderr(&out);
    assert!(
        err.contains("could not be read") || err.contains("not valid JSON"),
        "{err}"
    );
    assert_private("corrupt files, notes list", &out);
    let out = alongside(
        dir.path(),
        &["debug-save-loop", "--count", "1", "--seed", "9"],
        &[],
    );
    assert_private("corrupt files, opening to write", &out);
}

#[test]
fn a_wrong_passphrase_is_reported_without_the_passphrase_and_changes_nothing() {
    let dir = folder_with_notes();
    let opts = migrate::Options {
        work_factor: Some(4),
        stop: None,
    };
    migrate::encrypt(dir.path(), &Passphrase::from(PASSPHRASE), opts).expect("encrypt");
    crypt::forget(dir.path());
    let before = listing(dir.path());
    let wrong = "lantern over the harbor";
    let out = alongside(
        dir.path(),
        &["notes", "list"],
        &[("ALONGSIDE_PASSPHRASE", wrong)],
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("does not open this data folder"), "{err}");
    assert!(!err.contains(wrong));
    assert_private("wrong passphrase", &out);
    assert_eq!(listing(dir.path()), before, "nothing touched");

    // Without any passphrase and no terminal: a clear message, nothing read.
    let out = alongside(dir.path(), &["notes", "list"], &[]);
    assert!(!out.status.success());
    assert_private("no passphrase", &out);

    // The right one works the same as on a plain folder, and export asks for --plaintext.
    let out = alongside(
        dir.path(),
        &["notes", "list"],
        &[("ALONGSIDE_PASSPHRASE", PASSPHRASE)],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let export = tempfile::tempdir().expect("export");
    let out = alongside(
        dir.path(),
        &["notes", "export", "--format", "md", "--out"],
        &[("ALONGSIDE_PASSPHRASE", PASSPHRASE)],
    );
    assert!(!out.status.success(), "export needs --out");
    let mut cmd_args = vec!["notes", "export", "--format", "md", "--out"];
    let out_dir = export.path().join("out");
    let out_str = out_dir.display().to_string();
    cmd_args.push(&out_str);
    let out = alongside(
        dir.path(),
        &cmd_args,
        &[("ALONGSIDE_PASSPHRASE", PASSPHRASE)],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--plaintext"), "{}", stderr(&out));
    assert!(!out_dir.join("x").exists());
    cmd_args.push("--plaintext");
    let out = alongside(
        dir.path(),
        &cmd_args,
        &[("ALONGSIDE_PASSPHRASE", PASSPHRASE)],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(fs::read_dir(&out_dir).expect("exported").count(), 3);
}

#[test]
fn read_only_and_full_disk_are_reported_without_note_text() {
    for (flag, says) in [("read-only", "read-only"), ("disk-full", "disk is full")] {
        let dir = folder_with_notes();
        let out = alongside(
            dir.path(),
            &["debug-save-loop", "--count", "2", "--fail-writes", flag],
            &[],
        );
        assert!(!out.status.success());
        let err = stderr(&out);
        assert!(err.contains(says), "{flag}: {err}");
        assert_private(flag, &out);
    }
}

#[test]
fn a_panic_prints_only_where_it_happened() {
    let dir = tempfile::tempdir().expect("dir");
    let out = alongside(
        dir.path(),
        &["debug-save-loop", "--count", "5", "--panic-after", "1"],
        &[],
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("internal error at"), "{err}");
    assert_private("panic", &out);
}

#[test]
fn the_app_writes_no_log_files_beside_the_data() {
    let home = tempfile::tempdir().expect("home");
    let data = home.path().join("data");
    let out = Command::new(env!("CARGO_BIN_EXE_alongside"))
        .arg("--data-dir")
        .arg(&data)
        .args(["debug-save-loop", "--count", "2", "--panic-after", "1"])
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("xdg-data"))
        .env("XDG_STATE_HOME", home.path().join("xdg-state"))
        .env("XDG_CACHE_HOME", home.path().join("xdg-cache"))
        .output()
        .expect("run");
    assert_private("log files", &out);
    let entries: Vec<String> = fs::read_dir(home.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        entries,
        vec!["data".to_string()],
        "nothing written outside the data folder"
    );
}

fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).expect("list").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if !p.ends_with("alongside.lock") {
                out.push((p.display().to_string(), fs::read(&p).expect("read")));
            }
        }
    }
    out.sort();
    out
}
