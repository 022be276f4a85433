//! Journey budget: with 10,000 saved sessions and 300 peers, Coming up and the peer page
//! must fit inside the start-up budget (well under 100 ms). Plain `std::time` measurements
//! (no harness): `cargo bench --bench journey`.

mod common;
use common::measure;
use std::hint::black_box;
use std::io;

use alongside::app::journey::{home_items, open_peer_page};
use alongside::app::{App, Screen};
use alongside::cli::journey;
use alongside::storage::Store;
use alongside::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const RUNS: usize = 15;
const SESSIONS: usize = 10_000;
const PEERS: usize = 300;

fn main() {
    let dir = common::temp_dir();
    let report = common::generate(dir.path(), SESSIONS, PEERS);
    let goals_size = std::fs::metadata(dir.path().join("goals.json"))
        .map(|m| m.len())
        .unwrap_or(0);
    println!(
        "generated {} sessions for {} peers in {:.2} s (goals.json {:.2} MB)",
        report.sessions,
        report.peers,
        report.elapsed.as_secs_f64(),
        goals_size as f64 / 1e6
    );
    // Read only, so the writable opens measured below can take the folder's lock.
    let (store, _) = Store::open_read_only(dir.path()).expect("open");

    measure(
        "Store::journey (goals, latest sessions, plans)",
        RUNS,
        || {
            black_box(store.journey());
        },
    );

    let app = app_for(&store);
    measure("Coming up: coming_up() over every peer", RUNS, || {
        black_box(home_items(&app));
    });

    // What a user waits for at start: everything the home screen needs, drawn once.
    measure("home with Coming up: open + journey + draw", RUNS, || {
        let (store, _) = Store::open(dir.path()).expect("open");
        let app = app_for(&store);
        draw(&app);
    });

    // The busiest peer's page, opened from Home and drawn.
    let busiest = store
        .peer_stats()
        .into_iter()
        .max_by_key(|(_, s)| s.session_count)
        .map(|(id, _)| id)
        .expect("a peer");
    let mut app = app_for(&store);
    measure("peer page: open + draw (busiest peer)", RUNS, || {
        app.screen = Screen::Home;
        open_peer_page(&mut app, busiest);
        draw(&app);
    });

    measure("alongside peers show --json (read only)", RUNS, || {
        let (store, _) = Store::open_read_only(dir.path()).expect("open");
        let (j, _) = store.journey();
        let alias = store
            .peer(busiest)
            .map(|p| p.alias.clone())
            .unwrap_or_default();
        let today = alongside::domain::now().date_naive();
        journey::show(
            &store,
            &j,
            &alias,
            journey::PeerFormat::Json,
            today,
            &mut io::sink(),
        )
        .expect("show");
    });

    measure("alongside due --json (read only)", RUNS, || {
        let (store, _) = Store::open_read_only(dir.path()).expect("open");
        let (j, _) = store.journey();
        let today = alongside::domain::now().date_naive();
        journey::due(&store, &j, 7, true, today, &mut io::sink()).expect("due");
    });
}

fn app_for(store: &Store) -> App {
    let mut app = common::app_of(store);
    app.journey = store.journey().0;
    app
}

fn draw(app: &App) {
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    term.draw(|f| ui::draw(f, app)).expect("draw");
    black_box(term.backend());
}
