//! Coded role-plays on disk: the saved envelope read from a fixture, plain and encrypted,
//! round trips, private modes, bad files quarantined, newer files left alone, and a folder
//! from before role-plays existed.

mod storage_common;

use std::fs;

use alongside::domain::practice::{Code, Global, RolePlayKind, Tally, transcript};
use alongside::domain::secret::Passphrase;
use alongside::storage::crypt::migrate::{self, Options};
use alongside::storage::{ProblemKind, Store, StoreError};
use storage_common::{mode, snapshot, t};
use uuid::Uuid;

const FIXTURE: &str = include_str!("data/roleplay_v1.json");
const FIXTURE_ID: &str = "00000000-0000-0000-0000-0000000000a1";

const FAST: Options = Options {
    work_factor: Some(4),
    stop: None,
};

fn place_fixture(dir: &std::path::Path) {
    let folder = dir.join("practice/roleplays");
    fs::create_dir_all(&folder).expect("dirs");
    fs::write(folder.join(format!("{FIXTURE_ID}.json")), FIXTURE).expect("write");
}

fn live(n: u128) -> alongside::domain::practice::RolePlayRecord {
    let mut tally = Tally::start(Uuid::from_u128(n), t(n as i64));
    tally.code(Code::OpenQuestion, t(n as i64 + 1));
    tally.code(Code::ComplexReflection, t(n as i64 + 2));
    tally.pin("the peer laughed at the metaphor", t(n as i64 + 2));
    tally.record.globals.set(Global::Empathy, 5);
    tally.finish(t(n as i64 + 3));
    tally.record
}

#[test]
fn the_saved_shape_reads_plain_and_encrypted() {
    let dir = tempfile::tempdir().expect("dir");
    {
        let _ = Store::open(dir.path()).expect("open");
    }
    place_fixture(dir.path());
    let (store, problems) = Store::open(dir.path()).expect("open");
    let (list, more) = store.practice_roleplays();
    assert!(problems.is_empty() && more.is_empty(), "{more:?}");
    assert_eq!(list.len(), 1);
    let r = &list[0];
    assert_eq!(r.kind, RolePlayKind::Observed);
    assert_eq!(r.entries.len(), 5);
    assert_eq!(r.pins[0].at_seconds, 41);
    let s = r.scores();
    assert_eq!(s.mi.reflection_to_question.value, Some(2.0));
    assert_eq!(s.relational.value, Some(4.0));
    assert_eq!(s.technical.value, Some(3.0));
    drop(store);

    migrate::encrypt(dir.path(), &Passphrase::from("blue kettle morning"), FAST).expect("encrypt");
    let (store, problems) = Store::open(dir.path()).expect("open encrypted");
    assert!(problems.is_empty(), "{problems:?}");
    let (again, more) = store.practice_roleplays();
    assert!(more.is_empty(), "{more:?}");
    assert_eq!(again, list);
    // New saves are sealed too: no pin note in the clear anywhere.
    store
        .save_practice_roleplay(&live(7))
        .expect("save encrypted");
    assert_eq!(store.practice_roleplays().0.len(), 2);
    for (place, bytes) in snapshot(dir.path()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("mixed feelings"), "{place} in the clear");
        assert!(!text.contains("metaphor"), "{place} in the clear");
    }
}

#[test]
fn role_plays_round_trip_privately_oldest_first() {
    let dir = tempfile::tempdir().expect("dir");
    let (store, _) = Store::open(dir.path()).expect("open");
    assert!(store.practice_roleplays().0.is_empty());
    let later = live(60);
    let earlier = live(1);
    let mut coded = alongside::domain::practice::RolePlayRecord::new(
        Uuid::from_u128(3),
        RolePlayKind::Transcript,
        t(30),
    );
    coded.turns = transcript::code(
        &transcript::parse("S: What brings you here today?\nP: Work.").expect("parses"),
    );
    coded.turns[0].trainee = Some(Code::ClosedQuestion);
    for r in [&later, &earlier, &coded] {
        store.save_practice_roleplay(r).expect("save");
    }
    // Saving again replaces.
    let mut changed = later.clone();
    changed.globals.set(Global::Partnership, 2);
    store.save_practice_roleplay(&changed).expect("save again");
    let (list, problems) = store.practice_roleplays();
    assert!(problems.is_empty());
    assert_eq!(list, vec![earlier, coded, changed]);
    if !storage_common::is_root() {
        let file = dir
            .path()
            .join(format!("practice/roleplays/{}.json", later.id));
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(&dir.path().join("practice/roleplays")), 0o700);
    }
    let raw = fs::read_to_string(
        dir.path()
            .join(format!("practice/roleplays/{}.json", later.id)),
    )
    .expect("read");
    let v: serde_json::Value = serde_json::from_str(&raw).expect("json");
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["roleplay"]["kind"], "observed");
    assert_eq!(v["roleplay"]["entries"][1]["code"], "complex_reflection");
}

#[test]
fn a_bad_role_play_file_is_quarantined_and_a_newer_one_left_alone() {
    let dir = tempfile::tempdir().expect("dir");
    let good = live(1);
    let (store, _) = Store::open(dir.path()).expect("open");
    store.save_practice_roleplay(&good).expect("save");
    let folder = dir.path().join("practice/roleplays");
    let bad = Uuid::from_u128(0xbad);
    fs::write(
        folder.join(format!("{bad}.json")),
        b"{\"schema_version\":1,\"rol",
    )
    .expect("w");
    let (list, problems) = store.practice_roleplays();
    assert_eq!(list, vec![good.clone()]);
    assert!(
        problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::Quarantined { .. })),
        "{problems:?}"
    );
    assert!(!folder.join(format!("{bad}.json")).exists());
    for p in &problems {
        assert!(!p.to_string().contains("metaphor"));
    }

    let file = folder.join(format!("{}.json", good.id));
    let newer = br#"{"schema_version":9,"roleplay":{"x":1}}"#;
    fs::write(&file, newer).expect("write");
    let (list, problems) = store.practice_roleplays();
    assert!(list.is_empty());
    assert!(matches!(
        problems[0].kind,
        ProblemKind::NewerVersion { found: 9 }
    ));
    let err = store.save_practice_roleplay(&good).expect_err("refused");
    assert!(matches!(err, StoreError::NewerVersion { found: 9, .. }));
    assert_eq!(fs::read(&file).expect("read"), newer);
}

#[test]
fn a_folder_from_before_role_plays_opens_with_none() {
    let dir = tempfile::tempdir().expect("dir");
    {
        // A folder as the previous release left it: a peer and a practice round.
        let (mut store, _) = Store::open(dir.path()).expect("open");
        store.save_peer(&storage_common::peer("JD")).expect("peer");
        let bank = alongside::domain::practice::Bank::shipped().expect("bank");
        let mut round = alongside::domain::practice::Round::start(
            bank,
            alongside::domain::practice::RoundConfig::new(
                alongside::domain::practice::Drill::OpenUp,
            ),
            Uuid::from_u128(5),
            5,
            &[],
            t(0),
        )
        .expect("round");
        round
            .submit(
                bank,
                alongside::domain::practice::Answer::Texts(vec!["What now?".into()]),
            )
            .expect("answer");
        store.save_practice_round(&round.record).expect("round");
    }
    let (store, problems) = Store::open(dir.path()).expect("open again");
    assert!(problems.is_empty());
    assert!(!dir.path().join("practice/roleplays").exists());
    let (list, problems) = store.practice_roleplays();
    assert!(list.is_empty() && problems.is_empty());
    assert_eq!(store.practice_rounds().0.len(), 1);
}
