//! After a save the app brings its lists and journey up to date in proportion to what
//! changed (one row, the counts and journey of the peers served). Whatever was saved, the
//! state must be exactly what reading everything again from the store gives.

use alongside::app::tools::SafetyPlanSave;
use alongside::app::{App, Effect};
use alongside::domain::{Peer, Session, Timestamp};
use alongside::storage::Store;
use alongside::tui::{NoteStore, execute};
use chrono::Duration;
use uuid::Uuid;

/// The app as it stands after opening `store` and reading its journey.
fn opened(store: &Store, now: Timestamp) -> App {
    let mut app = App::new(
        NoteStore::peers(store),
        NoteStore::history(store),
        Vec::new(),
        Vec::new(),
        now,
    );
    app.journey = store.journey().0;
    app
}

/// The lists, counts and journey equal those of an app that read everything again.
fn assert_as_reloaded(app: &App, store: &Store, step: &str) {
    let full = opened(store, app.now);
    assert_eq!(app.history.len(), full.history.len(), "{step}: row count");
    for (i, (a, b)) in app.history.iter().zip(&full.history).enumerate() {
        assert_eq!(a, b, "{step}: row {i}");
    }
    assert_eq!(app.peer_stats, full.peer_stats, "{step}: peer counts");
    assert_eq!(app.peers, full.peers, "{step}: peers");
    assert_eq!(app.journey, full.journey, "{step}: journey");
}

fn save(app: &mut App, store: &mut Store, effect: Effect, now: Timestamp) {
    execute(app, store, vec![effect], now);
    assert!(
        app.status
            .as_ref()
            .is_none_or(|s| s.kind == alongside::app::StatusKind::Info),
        "the save failed: {:?}",
        app.status
    );
}

fn load(store: &Store, id: Uuid) -> Session {
    store.load_session(id).expect("a saved session")
}

#[test]
fn saves_leave_the_app_as_a_full_reload_would() {
    let dir = tempfile::tempdir().expect("temp dir");
    alongside::storage::sample::generate(dir.path(), 120, 8, 7).expect("generate");
    let (mut store, problems) = Store::open(dir.path()).expect("open");
    assert!(problems.is_empty(), "{problems:?}");
    let now = store.sessions()[0].started_at + Duration::days(1);
    let mut app = opened(&store, now);
    assert_as_reloaded(&app, &store, "opened");

    // A new session, the newest of all, for the peer of the latest one.
    let newest = load(&store, store.sessions()[0].id);
    let mut fresh = newest.clone();
    fresh.id = Uuid::new_v4();
    fresh.started_at = now - Duration::hours(1);
    fresh.ended_at = Some(now - Duration::minutes(10));
    fresh.flags.safety_concern = true;
    save(
        &mut app,
        &mut store,
        Effect::SaveSession(fresh.clone()),
        now,
    );
    assert_as_reloaded(&app, &store, "new newest session");

    // Amended twice: the newest, and one from the middle of the history.
    let mut amended = fresh;
    amended
        .amend("Called back; the plan stands.", now)
        .expect("amend");
    save(&mut app, &mut store, Effect::SaveSession(amended), now);
    assert_as_reloaded(&app, &store, "amended newest");
    let middle = store.sessions()[store.sessions().len() / 2].id;
    let mut older = load(&store, middle);
    older
        .amend("Added the referral made that day.", now)
        .expect("amend");
    save(
        &mut app,
        &mut store,
        Effect::SaveSession(older.clone()),
        now,
    );
    assert_as_reloaded(&app, &store, "amended older");

    // A session entered late, dated between others, for a peer with few sessions.
    let mut late = older.clone();
    late.id = Uuid::new_v4();
    late.started_at += Duration::minutes(1);
    save(&mut app, &mut store, Effect::SaveSession(late.clone()), now);
    assert_as_reloaded(&app, &store, "back-dated session");

    // The same note moved to another peer and another day: both peers' counts and journey
    // change, and the row moves.
    let other = store
        .peers()
        .iter()
        .find(|p| p.id != late.peer_id)
        .expect("another peer")
        .clone();
    let mut moved = late;
    moved.peer_id = other.id;
    moved.peer_alias = other.alias.clone();
    moved.started_at -= Duration::days(40);
    save(&mut app, &mut store, Effect::SaveSession(moved), now);
    assert_as_reloaded(&app, &store, "moved session");

    // A group session: a copy of a generated one, the newest, with its attendees.
    let group_id = store
        .sessions()
        .iter()
        .find(|e| !e.attendees.is_empty())
        .expect("a generated group")
        .id;
    let mut group = load(&store, group_id);
    group.id = Uuid::new_v4();
    group.started_at = now - Duration::minutes(30);
    group.ended_at = Some(now - Duration::minutes(5));
    save(&mut app, &mut store, Effect::SaveSession(group), now);
    assert_as_reloaded(&app, &store, "group session");

    // A new peer, then their first session with a check-in.
    let peer = Peer::new("Robin", now).expect("peer");
    save(&mut app, &mut store, Effect::SavePeer(peer.clone()), now);
    assert_as_reloaded(&app, &store, "new peer");
    let with_check_in = store
        .sessions()
        .iter()
        .find(|e| e.check_in.is_some() && e.attendees.is_empty())
        .expect("a generated check-in")
        .id;
    let mut first = load(&store, with_check_in);
    first.id = Uuid::new_v4();
    first.peer_id = peer.id;
    first.peer_alias = peer.alias.clone();
    first.started_at = now - Duration::minutes(20);
    save(&mut app, &mut store, Effect::SaveSession(first), now);
    assert_as_reloaded(&app, &store, "new peer's first session");

    // A safety plan for them, then the goals saved with one fewer.
    let plan = alongside::domain::worksheets::SafetyPlanSheet {
        warning_signs: vec!["Stops answering messages".into()],
        people_to_ask: vec!["A cousin who lives nearby".into()],
        ..Default::default()
    };
    let plan_save = SafetyPlanSave {
        peer_id: peer.id,
        plan,
        saved_at: now,
        session_id: None,
    };
    save(&mut app, &mut store, Effect::SaveSafetyPlan(plan_save), now);
    assert_as_reloaded(&app, &store, "safety plan");
    let (mut book, _, _) = store.goal_book();
    assert!(book.goals.pop().is_some(), "generated goals");
    save(&mut app, &mut store, Effect::SaveGoals(book), now);
    assert_as_reloaded(&app, &store, "goals");

    // And what the store keeps matches what opening the folder again finds.
    let kept: Vec<Uuid> = store.sessions().iter().map(|e| e.id).collect();
    drop(store);
    let (store, _) = Store::open(dir.path()).expect("open again");
    let again: Vec<Uuid> = store.sessions().iter().map(|e| e.id).collect();
    assert_eq!(kept, again);
    assert_as_reloaded(&app, &store, "reopened");
}
