//! Practice rounds and the competency record on disk: round trips, envelopes, private
//! modes, and bad files quarantined while everything else still loads.

#[path = "storage_common/mod.rs"]
mod common;

use std::fs;
use std::io::ErrorKind;

use alongside::domain::competency::{CompetencyRecord, SkillRef};
use alongside::domain::practice::{Answer, Bank, Drill, Round, RoundConfig, RoundRecord};
use alongside::storage::atomic::{Fault, Step};
use alongside::storage::{ProblemKind, Store, StoreError};
use chrono::NaiveDate;
use common::{peer, session, snapshot, t};
use uuid::Uuid;

fn round(n: u128, start_min: i64, answers: &[&str]) -> RoundRecord {
    let bank = Bank::shipped().expect("bank");
    let mut r = Round::start(
        bank,
        RoundConfig::new(Drill::OpenUp),
        Uuid::from_u128(n),
        n as u64,
        &[],
        t(start_min),
    )
    .expect("round");
    for a in answers {
        r.submit(bank, Answer::Texts(vec![a.to_string()]))
            .expect("answer");
        r.next(t(start_min + 1));
    }
    r.record
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn record() -> CompetencyRecord {
    let mut r = CompetencyRecord::default();
    let skill = SkillRef {
        area: "crises",
        n: 2,
        count: 5,
    };
    r.set_mark(
        skill,
        d("2026-01-04"),
        "Drop-in group",
        "Stayed with a peer in distress until they felt calmer.",
        t(0),
    )
    .expect("mark");
    r.log_hours(
        Uuid::from_u128(9),
        "crises",
        d("2026-01-04"),
        120,
        "group",
        t(0),
    )
    .expect("hours");
    r
}

#[test]
fn rounds_round_trip_in_private_files_with_an_envelope() {
    let dir = tempfile::tempdir().expect("dir");
    let (store, _) = Store::open(dir.path()).expect("open");
    assert_eq!(store.practice_rounds().0, Vec::<RoundRecord>::new());
    let later = round(2, 60, &["What happened next?"]);
    let earlier = round(1, 0, &["How was the week?", "Did it help?"]);
    store.save_practice_round(&later).expect("save");
    store.save_practice_round(&earlier).expect("save");
    // Saving again replaces the file.
    let mut more = later.clone();
    more.items[1].skipped = true;
    store.save_practice_round(&more).expect("save again");
    let (rounds, problems) = store.practice_rounds();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(rounds, vec![earlier.clone(), more.clone()]);

    let file = dir
        .path()
        .join("practice/rounds")
        .join(format!("{}.json", more.id));
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(&file).expect("read")).expect("json");
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["round"]["drill"], "open_up");
    assert_eq!(
        json["round"]["items"][0]["responses"][0]["label"],
        "open_question"
    );
    assert_eq!(json["round"]["items"][0]["responses"][0]["goal_met"], true);
    #[cfg(unix)]
    {
        assert_eq!(common::mode(&file), 0o600);
        assert_eq!(common::mode(&dir.path().join("practice")), 0o700);
        assert_eq!(common::mode(&dir.path().join("practice/rounds")), 0o700);
    }
}

#[test]
fn a_corrupt_round_is_quarantined_and_the_rest_still_loads() {
    let dir = tempfile::tempdir().expect("dir");
    let good = round(1, 0, &["What matters most to you?"]);
    let bad_id = Uuid::from_u128(0xbad);
    let jd = peer("JD");
    let note = session(&jd, 0, "talked about the job");
    {
        let (mut store, _) = Store::open(dir.path()).expect("open");
        store.save_peer(&jd).expect("peer");
        store.save_session(&note).expect("session");
        store.save_practice_round(&good).expect("save");
    }
    let rounds_dir = dir.path().join("practice/rounds");
    // Cut short, as a crash in the middle of a write by another program would leave it.
    fs::write(
        rounds_dir.join(format!("{bad_id}.json")),
        br#"{"schema_version":1,"round":{"id":"#,
    )
    .expect("write");
    // A round whose id differs from its file name.
    let other = Uuid::from_u128(0x0717);
    let bytes = fs::read(rounds_dir.join(format!("{}.json", good.id))).expect("read");
    fs::write(rounds_dir.join(format!("{other}.json")), &bytes).expect("write");

    // Read-only: reported, left in place.
    let (ro, _) = Store::open_read_only(dir.path()).expect("open");
    let (rounds, problems) = ro.practice_rounds();
    assert_eq!(rounds, vec![good.clone()]);
    assert_eq!(problems.len(), 2);
    assert!(
        problems
            .iter()
            .all(|p| matches!(p.kind, ProblemKind::Unreadable { .. }))
    );
    assert!(rounds_dir.join(format!("{bad_id}.json")).exists());
    drop(ro);

    let (store, _) = Store::open(dir.path()).expect("open");
    let (rounds, problems) = store.practice_rounds();
    assert_eq!(rounds, vec![good.clone()]);
    let moved: Vec<String> = problems
        .iter()
        .filter_map(|p| match &p.kind {
            ProblemKind::Quarantined { moved_to, .. } => Some(moved_to.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(moved.len(), 2, "{problems:?}");
    assert!(moved.contains(&format!("quarantine/practice--rounds--{bad_id}.json")));
    let kept = fs::read(
        dir.path()
            .join(format!("quarantine/practice--rounds--{bad_id}.json")),
    )
    .expect("quarantined bytes");
    assert_eq!(kept, br#"{"schema_version":1,"round":{"id":"#);
    // Messages name the file, never its content.
    for p in &problems {
        assert!(!p.to_string().contains("What matters"), "{p}");
    }
    // Peers and notes are untouched.
    assert_eq!(store.peers().len(), 1);
    assert_eq!(store.load_session(note.id).expect("note"), note);
}

#[test]
fn a_round_from_a_newer_version_is_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().expect("dir");
    let r = round(1, 0, &["What now?"]);
    let (store, _) = Store::open(dir.path()).expect("open");
    store.save_practice_round(&r).expect("save");
    let file = dir
        .path()
        .join("practice/rounds")
        .join(format!("{}.json", r.id));
    let newer = br#"{"schema_version":9,"round":{"whatever":true}}"#;
    fs::write(&file, newer).expect("write");
    let (rounds, problems) = store.practice_rounds();
    assert!(rounds.is_empty());
    assert!(matches!(
        problems[0].kind,
        ProblemKind::NewerVersion { found: 9 }
    ));
    let err = store.save_practice_round(&r).expect_err("refused");
    assert!(matches!(err, StoreError::NewerVersion { found: 9, .. }));
    assert_eq!(fs::read(&file).expect("read"), newer);
}

#[test]
fn the_competency_record_round_trips() {
    let dir = tempfile::tempdir().expect("dir");
    let (store, _) = Store::open(dir.path()).expect("open");
    let (empty, problems) = store.competencies().expect("missing is empty");
    assert_eq!(empty, CompetencyRecord::default());
    assert!(problems.is_empty());
    let r = record();
    store.save_competencies(&r).expect("save");
    assert_eq!(store.competencies().expect("load").0, r);
    let file = dir.path().join("competencies.json");
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(&file).expect("read")).expect("json");
    assert_eq!(json["schema_version"], 1);
    assert_eq!(
        json["competencies"]["skills"]["crises.2"]["context"],
        "Drop-in group"
    );
    assert_eq!(json["competencies"]["hours"][0]["minutes"], 120);
    #[cfg(unix)]
    assert_eq!(common::mode(&file), 0o600);
    // The read-only store reads it too.
    drop(store);
    let (ro, _) = Store::open_read_only(dir.path()).expect("open");
    assert_eq!(ro.competencies().expect("load").0, r);
}

#[test]
fn a_corrupt_competency_record_is_quarantined_and_the_rest_still_loads() {
    let dir = tempfile::tempdir().expect("dir");
    let jd = peer("JD");
    let r = round(1, 0, &["What helps?"]);
    {
        let (mut store, _) = Store::open(dir.path()).expect("open");
        store.save_peer(&jd).expect("peer");
        store.save_practice_round(&r).expect("round");
        store.save_competencies(&record()).expect("save");
    }
    let file = dir.path().join("competencies.json");
    let garbage = b"{\"schema_version\":1,\"competencies\":{\"skills\":[evidence of a drop-in";
    fs::write(&file, garbage).expect("write");

    // A read-only open (the export command) refuses rather than export an empty record.
    let (ro, _) = Store::open_read_only(dir.path()).expect("open");
    let err = ro.competencies().expect_err("unreadable");
    assert!(matches!(err, StoreError::Unreadable { .. }));
    assert!(!err.to_string().contains("drop-in"), "{err}");
    assert_eq!(fs::read(&file).expect("still there"), garbage);
    drop(ro);

    let (store, _) = Store::open(dir.path()).expect("open");
    let (rec, problems) = store.competencies().expect("an empty record");
    assert_eq!(rec, CompetencyRecord::default());
    assert!(matches!(
        &problems[0].kind,
        ProblemKind::Quarantined { moved_to, .. } if moved_to == "quarantine/competencies.json"
    ));
    assert_eq!(
        fs::read(dir.path().join("quarantine/competencies.json")).expect("kept"),
        garbage
    );
    assert!(!file.exists());
    // Everything else loads.
    assert_eq!(store.peers(), &[jd][..]);
    assert_eq!(store.practice_rounds().0, vec![r]);
    // A new record is saved without touching the quarantined copy.
    store.save_competencies(&record()).expect("save");
    assert_eq!(
        fs::read(dir.path().join("quarantine/competencies.json")).expect("kept"),
        garbage
    );
}

#[test]
fn a_newer_competency_record_is_never_overwritten() {
    let dir = tempfile::tempdir().expect("dir");
    let (store, _) = Store::open(dir.path()).expect("open");
    let file = dir.path().join("competencies.json");
    let newer = br#"{"schema_version":4,"competencies":{"portfolio":[]}}"#;
    fs::write(&file, newer).expect("write");
    assert!(matches!(
        store.competencies(),
        Err(StoreError::NewerVersion { found: 4, .. })
    ));
    assert!(matches!(
        store.save_competencies(&record()),
        Err(StoreError::NewerVersion { found: 4, .. })
    ));
    assert_eq!(fs::read(&file).expect("read"), newer);
}

#[test]
fn a_full_disk_changes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let (store, _) = Store::open(dir.path()).expect("open");
    store.save_competencies(&record()).expect("save");
    let r = round(1, 0, &["What else?"]);
    store.save_practice_round(&r).expect("save");
    let before = snapshot(dir.path());
    let mut changed = record();
    changed.unmark("crises.2");
    store.inject_faults([Some(Fault::error(Step::WriteData, ErrorKind::StorageFull))]);
    let err = store.save_competencies(&changed).expect_err("full");
    assert!(matches!(err, StoreError::DiskFull { .. }));
    let mut r2 = r.clone();
    r2.items[1].skipped = true;
    store.inject_faults([Some(Fault::error(Step::SyncFile, ErrorKind::StorageFull))]);
    assert!(store.save_practice_round(&r2).is_err());
    assert_eq!(snapshot(dir.path()), before);
    assert_eq!(store.competencies().expect("load").0, record());
}
