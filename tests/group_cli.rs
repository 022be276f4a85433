//! Group sessions through the store and the shell commands: a group of three with a late
//! joiner, found again by each attendee, one progress note per attendee, next steps on each
//! attendee's page and due list, and attendance in reports.

#[path = "storage_common/mod.rs"]
mod common;

use alongside::cli::journey::{self as peers_cli, PeerFormat};
use alongside::cli::notes::{self, NoteFormat};
use alongside::domain::goals::apply_session;
use alongside::domain::group::GroupError;
use alongside::domain::secret::Passphrase;
use alongside::domain::{NextStep, Session, Stage};
use alongside::storage::Store;
use alongside::storage::crypt::migrate::{self, Options};
use chrono::NaiveDate;
use common::{peer, t};

fn run(f: impl FnOnce(&mut Vec<u8>) -> anyhow::Result<()>) -> String {
    let mut out = Vec::new();
    f(&mut out).expect("command");
    String::from_utf8(out).expect("utf8")
}

/// Saves a group of AB, CD (from the start) and EF (15 minutes late); CD leaves early and is
/// archived afterwards. Returns the folder and the session.
fn fixture(encrypted: bool) -> (tempfile::TempDir, Session) {
    let dir = tempfile::tempdir().expect("dir");
    let (ab, mut cd, ef) = (peer("AB"), peer("CD"), peer("EF"));
    let mut g = Session::start_group("Tuesday circle", &[&ab, &cd], t(0));
    g.join(&ef, t(15)).expect("late joiner");
    g.note_attendee(0, "shared how the week went", t(10))
        .expect("line");
    g.toggle_left(1, t(40)).expect("leaves early");
    g.enter_stage(Stage::Exploring, t(5)).expect("stage");
    g.summary.discussed = "Routines that help on hard days".into();
    for (a, words, step) in [
        (0, "I want mornings to be calmer", "try the breathing card"),
        (2, "Glad I came", "come next Tuesday"),
    ] {
        g.attendees[a].line = words.into();
        g.attendees[a].next_steps.push(NextStep {
            what: step.into(),
            by_when: NaiveDate::from_ymd_opt(2026, 1, 8),
            ..NextStep::default()
        });
    }
    g.finish(t(60)).expect("end");
    if encrypted {
        drop(Store::open(dir.path()).expect("create"));
        migrate::encrypt(dir.path(), &Passphrase::from("blue kettle morning"), FAST)
            .expect("encrypt");
    }
    {
        let (mut store, _) = Store::open(dir.path()).expect("open");
        for p in [&ab, &cd, &ef] {
            store.save_peer(p).expect("peer");
        }
        store.save_session(&g).expect("save");
        let (mut book, _, _) = store.goal_book();
        apply_session(&mut book, &g);
        store.save_goal_book(&book).expect("goals");
        cd.archived = true;
        store.save_peer(&cd).expect("archive");
    }
    (dir, g)
}

fn open(dir: &tempfile::TempDir, encrypted: bool) -> Store {
    if encrypted {
        // Nothing of the group is readable without the key.
        for (place, bytes) in common::snapshot(dir.path()) {
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains("Tuesday circle"), "{place} in the clear");
        }
    }
    let (store, _) = Store::open_read_only(dir.path()).expect("open");
    store
}

const FAST: Options = Options {
    work_factor: Some(4),
    stop: None,
};

#[test]
fn a_group_of_three_is_listed_found_by_each_attendee_and_documented_per_attendee() {
    for encrypted in [false, true] {
        let (dir, g) = fixture(encrypted);
        let store = open(&dir, encrypted);
        let json = run(|out| notes::list(&store, None, true, out));
        let v: serde_json::Value = serde_json::from_str(&json).expect("json");
        let entry = &v[0];
        assert_eq!(entry["kind"], "group");
        assert_eq!(entry["peer_alias"], "Tuesday circle");
        let aliases: Vec<&str> = entry["attendees"]
            .as_array()
            .expect("attendees")
            .iter()
            .map(|a| a["peer_alias"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(aliases, ["AB", "CD", "EF"]);
        assert!(entry["attendees"][1]["left_at"].is_string());
        assert!(entry["attendees"][0].get("left_at").is_none());
        for alias in ["ab", "CD", "ef"] {
            let text = run(|out| notes::list(&store, Some(alias), false, out));
            assert!(text.contains(&g.id.to_string()), "{alias}: {text}");
            assert!(text.contains("Group"), "{text}");
        }
        let progress = run(|out| notes::show(&store, &g.id.to_string(), NoteFormat::Progress, out));
        let parts: Vec<&str> = progress.split('\u{c}').collect();
        assert_eq!(
            parts.len(),
            3,
            "one progress note per attendee:\n{progress}"
        );
        assert!(parts[0].contains("AB") && parts[0].contains("I want mornings to be calmer"));
        assert!(!parts[0].contains("Glad I came"), "no one else's words");
        assert!(parts[1].contains("CD"), "an archived attendee still shows");
        assert!(parts[2].contains("EF") && parts[2].contains("Glad I came"));
        assert!(parts.iter().all(|p| p.contains("Routines that help")));
        let md = run(|out| notes::show(&store, &g.id.to_string(), NoteFormat::Md, out));
        assert!(md.contains("## Attendees") && md.contains("### EF (joined 10:15)"));
    }
}

#[test]
fn each_attendee_page_and_due_list_show_their_next_step() {
    let (dir, g) = fixture(false);
    let store = open(&dir, false);
    let (journey, _) = store.journey();
    let today = NaiveDate::from_ymd_opt(2026, 1, 6).expect("day");
    let page = run(|out| peers_cli::show(&store, &journey, "EF", PeerFormat::Json, today, out));
    let v: serde_json::Value = serde_json::from_str(&page).expect("json");
    assert_eq!(v["sessions"][0]["id"], g.id.to_string());
    assert_eq!(v["goals"][0]["text"], "Tuesday circle");
    assert_eq!(v["goals"][0]["next_steps"][0]["what"], "come next Tuesday");
    let due = run(|out| peers_cli::due(&store, &journey, 7, false, today, out));
    assert!(
        due.contains("come next Tuesday") && due.contains("EF"),
        "{due}"
    );
    assert!(
        due.contains("try the breathing card") && due.contains("AB"),
        "{due}"
    );
    // CD was archived: nothing of theirs is due, but their page still has the group.
    let cd = run(|out| peers_cli::show(&store, &journey, "CD", PeerFormat::Json, today, out));
    let v: serde_json::Value = serde_json::from_str(&cd).expect("json");
    assert_eq!(v["sessions"][0]["id"], g.id.to_string());
}

#[test]
fn a_group_without_attendees_is_refused_with_a_clear_message() {
    let g = Session::start_group("Nobody came", &[], t(0));
    let err = g.check_group().expect_err("refused");
    assert_eq!(err, GroupError::NoAttendees);
    assert!(err.to_string().contains("at least one attendee"));
}

#[test]
fn peers_show_json_includes_the_check_ins_with_date_and_ratings() {
    use alongside::domain::check_in::{AreaRating, CheckIn};
    let dir = tempfile::tempdir().expect("dir");
    let jd = peer("JD");
    {
        let (mut store, _) = Store::open(dir.path()).expect("open");
        store.save_peer(&jd).expect("peer");
        for (i, rating) in [4u8, 6].into_iter().enumerate() {
            let mut s = common::session(&jd, i as i64 * 60 * 24 * 7, "weekly check-in");
            s.check_in = Some(
                CheckIn::new(
                    s.started_at,
                    vec![AreaRating {
                        area: "Home".into(),
                        rating,
                        why: "more settled".into(),
                    }],
                )
                .expect("valid"),
            );
            store.save_session(&s).expect("save");
        }
    }
    let store = open(&dir, false);
    let (journey, _) = store.journey();
    let today = NaiveDate::from_ymd_opt(2026, 1, 20).expect("day");
    let page = run(|out| peers_cli::show(&store, &journey, "JD", PeerFormat::Json, today, out));
    let v: serde_json::Value = serde_json::from_str(&page).expect("json");
    let list = v["check_ins"].as_array().expect("check_ins");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["ratings"][0]["rating"], 4);
    assert_eq!(list[1]["ratings"][0]["area"], "Home");
    assert!(
        list[1]["at"]
            .as_str()
            .unwrap_or("")
            .starts_with("2026-01-12")
    );
    // The Markdown page lists them too, newest first, with the word on why.
    let md = run(|out| peers_cli::show(&store, &journey, "JD", PeerFormat::Md, today, out));
    let section = md
        .split("## Life-area check-ins")
        .nth(1)
        .expect("a check-ins section");
    let lines: Vec<&str> = section.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(
        lines,
        [
            "- 2026-01-12: Home 6 (\"more settled\")",
            "- 2026-01-05: Home 4 (\"more settled\")"
        ],
        "{md}"
    );
}
