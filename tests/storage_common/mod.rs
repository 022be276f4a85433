//! Helpers shared by the storage and CLI tests.
#![allow(dead_code)]

use std::fs;
use std::path::Path;

use alongside::domain::{Peer, Session, SessionKind, Stage, Timestamp};
use alongside::storage::{Problem, ProblemKind, Store};

/// 2026-01-05 10:00 -05:00 plus `min` minutes.
pub fn t(min: i64) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-01-05T10:00:00-05:00").expect("time")
        + chrono::Duration::minutes(min)
}

pub fn peer(alias: &str) -> Peer {
    Peer::new(alias, t(-10_000)).expect("peer")
}

/// An ended session starting `start_min` minutes after the base time.
pub fn session(peer: &Peer, start_min: i64, notes: &str) -> Session {
    let mut s = Session::start(peer, SessionKind::InPerson, t(start_min));
    s.enter_stage(Stage::Exploring, t(start_min + 5))
        .expect("stage");
    s.notes = notes.into();
    s.finish(t(start_min + 45)).expect("finish");
    s
}

#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

/// Every file under `dir` with its bytes, for "nothing changed" checks.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.push((p.display().to_string(), Vec::new()));
                stack.push(p);
            } else {
                out.push((p.display().to_string(), fs::read(&p).unwrap_or_default()));
            }
        }
    }
    out.sort();
    out
}

/// True when running as root, where permission bits do not stop writes.
pub fn is_root() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // A file we create is owned by our effective user.
        let probe = tempfile::NamedTempFile::new().expect("probe");
        probe
            .as_file()
            .metadata()
            .map(|m| m.uid() == 0)
            .unwrap_or(false)
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// A store with two peers and three sessions, closed again.
pub fn seeded() -> (tempfile::TempDir, Vec<Session>) {
    let dir = tempfile::tempdir().expect("dir");
    let (mut store, problems) = Store::open(dir.path()).expect("open");
    assert!(problems.is_empty(), "{problems:?}");
    let jd = peer("JD");
    let sunny = peer("Sunny");
    store.save_peer(&jd).expect("peer");
    store.save_peer(&sunny).expect("peer");
    let sessions = vec![
        session(&jd, 0, "talked about the new job"),
        session(&sunny, 60 * 24, "housing waiting list letter"),
        session(&jd, 60 * 48, "family visit went well"),
    ];
    for s in &sessions {
        store.save_session(s).expect("save");
    }
    (dir, sessions)
}

/// Where the problem report for `file` says it was moved (it must have been quarantined).
pub fn quarantined_to(problems: &[Problem], file: &str) -> String {
    let p = problems
        .iter()
        .find(|p| p.file == file)
        .unwrap_or_else(|| panic!("no problem for {file} in {problems:?}"));
    match &p.kind {
        ProblemKind::Quarantined { moved_to, .. } => moved_to.clone(),
        other => panic!("{file} was not quarantined: {other:?}"),
    }
}

/// Makes index.json look older than the sessions folder, as after a change the index missed.
pub fn age_index(dir: &std::path::Path) {
    let f = fs::File::options()
        .write(true)
        .open(dir.join("index.json"))
        .expect("open index");
    f.set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(86_400))
        .expect("set time");
}
