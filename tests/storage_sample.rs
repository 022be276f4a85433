//! Generated and demo data: deterministic, fictional, realistic enough to exercise the app.

#[path = "storage_common/mod.rs"]
mod common;

use std::fs;
use std::path::Path;

use alongside::cli::generate;
use alongside::storage::Store;
use alongside::storage::sample::{self, DEMO_PEERS, DEMO_SESSIONS, GenerateError};

fn session_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = fs::read_dir(dir.join("sessions"))
        .expect("list")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_same_seed_gives_the_same_files() {
    let a = tempfile::tempdir().expect("dir");
    let b = tempfile::tempdir().expect("dir");
    let c = tempfile::tempdir().expect("dir");
    let ra = sample::generate(a.path(), 60, 5, 42).expect("generate");
    sample::generate(b.path(), 60, 5, 42).expect("generate");
    sample::generate(c.path(), 60, 5, 43).expect("generate");
    assert_eq!((ra.peers, ra.sessions), (5, 60));
    assert_eq!(session_files(a.path()), session_files(b.path()));
    assert_eq!(
        fs::read(a.path().join("peers.json")).expect("read"),
        fs::read(b.path().join("peers.json")).expect("read")
    );
    assert_ne!(session_files(a.path()), session_files(c.path()));
}

#[test]
fn generated_sessions_have_everything_the_ui_shows() {
    let dir = tempfile::tempdir().expect("dir");
    sample::generate(dir.path(), 300, 12, 7).expect("generate");
    let (store, problems) = Store::open(dir.path()).expect("open");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(store.peers().len(), 12);
    assert_eq!(store.sessions().len(), 300);
    let all: Vec<_> = store
        .sessions()
        .iter()
        .map(|e| store.load_session(e.id).expect("load"))
        .collect();
    assert!(all.iter().all(|s| s.is_ended() && !s.notes.is_empty()));
    assert!(all.iter().any(|s| s.flags.safety_concern));
    assert!(all.iter().any(|s| s.flags.follow_up_needed));
    assert!(all.iter().any(|s| !s.amendments.is_empty()));
    assert!(
        all.iter()
            .any(|s| s.summary.goals.iter().any(|g| !g.next_steps.is_empty()))
    );
    assert!(all.iter().any(|s| s.stage_log.len() >= 4));
    assert!(all.iter().any(|s| !s.tools_used.is_empty()));
    // Groups of several peers, some joining late, and check-ins on one-on-ones.
    let groups: Vec<_> = all.iter().filter(|s| s.is_group()).collect();
    assert!(!groups.is_empty());
    assert!(groups.iter().all(|g| g.attendees.len() >= 3));
    assert!(
        groups
            .iter()
            .any(|g| g.attendees.iter().any(|a| a.joined_at > g.started_at))
    );
    assert!(all.iter().any(|s| s.check_in.is_some()));
    // A group counts once for each peer who attended it.
    let served: usize = all
        .iter()
        .map(|s| if s.is_group() { s.attendees.len() } else { 1 })
        .sum();
    let stats = store.peer_stats();
    assert_eq!(
        stats.values().map(|s| s.session_count).sum::<usize>(),
        served
    );
    for p in store.peers() {
        assert!(!alongside::domain::peer::looks_like_full_name(&p.alias));
    }
}

#[test]
fn generating_into_an_existing_folder_adds_without_alias_clashes() {
    let dir = tempfile::tempdir().expect("dir");
    sample::generate(dir.path(), 10, 25, 1).expect("first");
    sample::generate(dir.path(), 10, 25, 2).expect("second");
    let (store, _) = Store::open(dir.path()).expect("open");
    assert_eq!(store.peers().len(), 50);
    let mut aliases: Vec<String> = store
        .peers()
        .iter()
        .map(|p| p.alias.to_lowercase())
        .collect();
    aliases.sort();
    aliases.dedup();
    assert_eq!(aliases.len(), 50);
    assert_eq!(store.sessions().len(), 20);
}

#[test]
fn sessions_without_peers_are_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let err = sample::generate(dir.path(), 5, 0, 1).expect_err("no peers");
    assert!(matches!(err, GenerateError::NoPeers));
}

#[test]
fn the_demo_folder_is_fresh_private_and_filled() {
    let dir = generate::demo_dir().expect("demo");
    let (store, problems) = Store::open(dir.path()).expect("open");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(store.peers().len(), DEMO_PEERS);
    assert_eq!(store.sessions().len(), DEMO_SESSIONS);
    #[cfg(unix)]
    assert_eq!(common::mode(dir.path()), 0o700);
    let path = dir.path().to_path_buf();
    drop(store);
    drop(dir);
    assert!(!path.exists(), "the demo folder is removed afterwards");
}

#[test]
fn generate_run_reports_what_it_wrote() {
    let dir = tempfile::tempdir().expect("dir");
    let mut out = Vec::new();
    generate::run(dir.path(), 8, 3, 9, &mut out).expect("run");
    let text = String::from_utf8(out).expect("utf8");
    assert!(
        text.starts_with(&format!(
            "Wrote 3 fictional peers and 8 sessions to {} in ",
            dir.path().display()
        )),
        "{text}"
    );
}
