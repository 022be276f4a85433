//! Files of the previous release (schema 1 fixture folders, plain and encrypted) open in a
//! version that keeps group attendees and life-area check-ins: every note reads as before
//! (no attendees, no check-in), no session file is touched, and a group and a check-in saved
//! beside them read back while the old notes stay exactly as they were.

use std::path::Path;

use alongside::domain::check_in::{AreaRating, CheckIn};
use alongside::domain::secret::Passphrase;
use alongside::domain::{Session, SessionKind};
use alongside::storage::{Store, crypt};

mod common;
use common::previous_release::{PASSPHRASE, fixture, session_files};

fn old_notes_open_and_new_ones_sit_beside_them(dir: &Path) {
    let before = session_files(dir);
    let (mut store, problems) = Store::open(dir).expect("open");
    assert!(
        problems
            .iter()
            .all(|p| !format!("{p:?}").contains("Quarantined")),
        "{problems:?}"
    );
    let old: Vec<Session> = store
        .sessions()
        .iter()
        .map(|e| store.load_session(e.id).expect("old note reads"))
        .collect();
    assert_eq!(old.len(), before.len());
    assert!(!old.is_empty());
    for s in &old {
        assert!(s.attendees.is_empty() && s.check_in.is_none() && s.group_name.is_empty());
        assert!(!s.is_group(), "an old note is never taken for a new group");
        assert!(
            store
                .session_entry(s.id)
                .is_some_and(|e| e.attendees.is_empty())
        );
    }
    let (journey, _) = store.journey();
    assert!(journey.check_ins.is_empty());
    assert_eq!(
        session_files(dir),
        before,
        "opening changed no session file"
    );

    // A group of the fixture's peers and a check-in, saved beside the old notes.
    let peers = store.peers().to_vec();
    let refs: Vec<_> = peers.iter().collect();
    let now = old[0].started_at + chrono::Duration::days(30);
    let mut group = Session::start_group("Tuesday circle", &refs, now);
    group
        .finish(now + chrono::Duration::minutes(60))
        .expect("end");
    store.save_session(&group).expect("save group");
    let mut one = Session::start(&peers[0], SessionKind::Phone, now);
    one.check_in = Some(
        CheckIn::new(
            now,
            vec![AreaRating {
                area: "Home".into(),
                rating: 6,
                why: "settling in".into(),
            }],
        )
        .expect("valid"),
    );
    one.finish(now + chrono::Duration::minutes(20))
        .expect("end");
    store.save_session(&one).expect("save check-in");
    drop(store);

    let (store, _) = Store::open(dir).expect("reopen");
    assert_eq!(store.load_session(group.id).expect("group"), group);
    assert_eq!(store.load_session(one.id).expect("one"), one);
    for s in &old {
        assert_eq!(&store.load_session(s.id).expect("old"), s, "nothing lost");
    }
    let after = session_files(dir);
    for (name, bytes) in &before {
        assert_eq!(after.get(name), Some(bytes), "{name} untouched");
    }
    let (journey, _) = store.journey();
    assert_eq!(journey.check_ins[&peers[0].id].len(), 1);
}

#[test]
fn plain_fixture_opens_with_groups_and_check_ins_beside_it() {
    let (_tmp, dir) = fixture("plain");
    old_notes_open_and_new_ones_sit_beside_them(&dir);
}

#[test]
fn encrypted_fixture_opens_with_groups_and_check_ins_sealed_beside_it() {
    let (_tmp, dir) = fixture("encrypted");
    crypt::unlock(&dir, &Passphrase::from(PASSPHRASE)).expect("unlock");
    old_notes_open_and_new_ones_sit_beside_them(&dir);
    for (name, bytes) in session_files(&dir) {
        assert!(crypt::is_sealed(&bytes), "{name} is sealed");
        assert!(!String::from_utf8_lossy(&bytes).contains("Tuesday circle"));
    }
}
