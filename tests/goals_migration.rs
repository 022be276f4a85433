//! The first open by this version turns the goals and next steps saved in session summaries
//! (schema 1, written by the first release) into peer goals, once, without touching a
//! session file: plain and encrypted fixture folders.

use std::fs;
use std::path::Path;

use alongside::domain::goals::{GoalStatus, StepStatus, same_words};
use alongside::domain::secret::Passphrase;
use alongside::storage::{GoalsOrigin, Store, crypt};

mod common;
use common::previous_release::{PASSPHRASE, fixture, session_files};

fn migrates_once(dir: &Path) {
    let before = session_files(dir);
    assert_eq!(before.len(), 12);
    assert!(!dir.join("goals.json").exists());

    let (store, _problems) = Store::open(dir).expect("open");
    let (book, origin, problems) = store.goal_book();
    assert_eq!(origin, GoalsOrigin::Rebuilt { written: true });
    assert!(problems.is_empty(), "{problems:?}");
    assert!(dir.join("goals.json").exists());

    // Every goal named in a summary is now exactly one peer goal of that peer.
    let mut named = 0;
    for entry in store.sessions() {
        let s = store.load_session(entry.id).expect("session");
        for g in &s.summary.goals {
            named += 1;
            let matching: Vec<_> = book
                .for_peer(s.peer_id)
                .into_iter()
                .filter(|pg| same_words(&pg.text, &g.in_their_words))
                .collect();
            assert_eq!(matching.len(), 1, "one peer goal per goal text and peer");
            let pg = matching[0];
            assert!(pg.started <= s.started_at.date_naive());
            for step in &g.next_steps {
                assert!(
                    pg.next_steps
                        .iter()
                        .any(|st| same_words(&st.what, &step.what)),
                    "each next step is kept"
                );
            }
        }
    }
    assert!(named > 0, "the fixture has summary goals");
    assert!(book.goals.len() < named, "repeated goals were merged");
    assert!(book.goals.iter().all(|g| g.status == GoalStatus::Active));
    assert!(
        book.goals
            .iter()
            .flat_map(|g| &g.next_steps)
            .all(|s| s.status == StepStatus::Open)
    );
    // "Walk around the park" came up in three of Lou's sessions: one goal, worked on twice.
    let walk = book
        .goals
        .iter()
        .find(|g| g.text.starts_with("Walk around the park") && g.progress.len() == 2);
    assert!(walk.is_some(), "repeats become progress entries");
    drop(store);

    // A second open reads the file; nothing is built again and the goals are the same.
    let (store, _) = Store::open(dir).expect("reopen");
    let (again, origin, _) = store.goal_book();
    assert_eq!(origin, GoalsOrigin::File);
    assert_eq!(again, book);
    drop(store);

    assert_eq!(
        session_files(dir),
        before,
        "session files are never rewritten"
    );
}

#[test]
fn plain_fixture_summary_goals_become_peer_goals_once() {
    let (_tmp, dir) = fixture("plain");
    migrates_once(&dir);
    let text = fs::read_to_string(dir.join("goals.json")).expect("plain json");
    assert!(text.contains("\"schema_version\": 1"));
    use std::os::unix::fs::PermissionsExt;
    let mode = fs::metadata(dir.join("goals.json"))
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn encrypted_fixture_summary_goals_become_sealed_peer_goals_once() {
    let (_tmp, dir) = fixture("encrypted");
    assert!(
        Store::open(&dir).is_err(),
        "locked until the passphrase is given"
    );
    crypt::unlock(&dir, &Passphrase::from(PASSPHRASE)).expect("unlock");
    migrates_once(&dir);
    let bytes = fs::read(dir.join("goals.json")).expect("read");
    assert!(
        crypt::is_sealed(&bytes),
        "the goals file is sealed like the rest"
    );
    assert!(!String::from_utf8_lossy(&bytes).contains("Walk around"));
}

#[test]
fn read_only_open_builds_goals_in_memory_and_writes_nothing() {
    let (_tmp, dir) = fixture("plain");
    let (store, _) = Store::open_read_only(&dir).expect("open");
    let (book, origin, _) = store.goal_book();
    assert_eq!(origin, GoalsOrigin::Rebuilt { written: false });
    assert!(!book.goals.is_empty());
    assert!(!dir.join("goals.json").exists());
}

#[test]
fn an_unreadable_goals_file_is_quarantined_and_rebuilt_from_the_notes() {
    let (_tmp, dir) = fixture("plain");
    {
        let (store, _) = Store::open(&dir).expect("open");
        store.goal_book();
    }
    fs::write(dir.join("goals.json"), b"{ not json").expect("damage");
    let (store, _) = Store::open(&dir).expect("open");
    let (book, origin, problems) = store.goal_book();
    assert_eq!(origin, GoalsOrigin::Rebuilt { written: true });
    assert!(!book.goals.is_empty(), "the peers still have their goals");
    assert_eq!(problems.len(), 1);
    assert!(problems[0].to_string().contains("goals.json"));
    assert!(dir.join("quarantine/goals.json").exists());
}
