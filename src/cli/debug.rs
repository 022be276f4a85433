//! Hidden commands for tests that need the real binary: a save loop for the crash harness
//! (killed at random moments), with optional injected write failures and a deliberate panic
//! for the tests that check nothing private reaches standard error.

use std::io::{self, Write};
use std::path::Path;

use anyhow::Context;
use uuid::Uuid;

use crate::domain::{Peer, Session, SessionKind, Stage, Timestamp};
use crate::storage::Store;
use crate::storage::atomic::{Fault, Step};

/// Words the loop's notes are made of. The harness looks for the marker in output that must
/// never hold note text.
pub const NOTE_MARKER: &str = "crashloop-private-note-text";

/// A kind of write failure to inject into every write, for `--fail-writes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailWrites {
    /// As if the disk were full.
    DiskFull,
    /// As if the folder were read-only.
    ReadOnly,
}

fn base() -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-01-05T09:00:00-05:00").unwrap_or_default()
}

/// The loop's one peer for `seed`.
pub fn loop_peer(seed: u64) -> Peer {
    let mut p = Peer::new(&format!("Loop {seed}"), base()).unwrap_or_else(|_| {
        Peer::new("Loop", base()).unwrap_or_else(|_| unreachable!("a plain alias is valid"))
    });
    p.id = Uuid::from_u64_pair(seed, u64::MAX);
    p
}

/// The `n`-th session the loop saves for `seed`: the same every time, so the harness can
/// check a saved note byte for byte. Notes vary in size (a hundred bytes to ~4 KB) so
/// kills land in the middle of writes of every length.
pub fn loop_session(seed: u64, n: u64) -> Session {
    let peer = loop_peer(seed);
    let start = base() + chrono::Duration::minutes(i64::try_from(n).unwrap_or(0) * 90);
    let mut s = Session::start(&peer, SessionKind::InPerson, start);
    s.id = Uuid::from_u64_pair(seed, n);
    let _ = s.enter_stage(Stage::Exploring, start + chrono::Duration::minutes(5));
    let repeats = 1 + (seed.wrapping_mul(31).wrapping_add(n * 17) % 60) as usize;
    s.notes = format!("{NOTE_MARKER} {seed}/{n} ")
        + &"talked about the week, sleep and the meeting on Thursday. ".repeat(repeats);
    let _ = s.finish(start + chrono::Duration::minutes(50));
    s
}

/// `alongside debug-save-loop`: saves the loop peer and prints `ready`, then saves sessions
/// 0, 1, 2, ... forever, each first as a draft and then as a saved note, printing
/// `saved N ID` once each save returns.
/// Every fifth round saves an earlier note again unchanged, so overwrites are killed too.
pub fn save_loop(
    dir: &Path,
    seed: u64,
    count: Option<u64>,
    fail: Option<FailWrites>,
    panic_after: Option<u64>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let (mut store, _) = Store::open(dir)
        .with_context(|| format!("could not open the data folder {}", dir.display()))?;
    if let Some(kind) = fail {
        let kind = match kind {
            FailWrites::DiskFull => io::ErrorKind::StorageFull,
            FailWrites::ReadOnly => io::ErrorKind::ReadOnlyFilesystem,
        };
        store.inject_faults(std::iter::repeat_n(
            Some(Fault::error(Step::WriteData, kind)),
            10_000,
        ));
    }
    store.save_peer(&loop_peer(seed))?;
    writeln!(out, "ready")?;
    out.flush()?;
    let mut n = 0u64;
    while count.is_none_or(|c| n < c) {
        let session = loop_session(seed, n);
        let mut draft = session.clone();
        draft.ended_at = None;
        draft.measured = None;
        store.save_draft(&draft)?;
        store.save_session(&session)?;
        writeln!(out, "saved {n} {}", session.id)?;
        out.flush()?;
        if n % 5 == 4 {
            store.save_session(&loop_session(seed, n - 3))?;
        }
        if panic_after == Some(n) {
            // Deliberately carries note text: the panic hook must not print it.
            panic!("debug panic holding {}", session.notes);
        }
        n += 1;
    }
    Ok(())
}

/// `alongside debug-save-loop --through-app`: the same loop through the app's own save path.
/// Each round presses keys as a person would: `n`, the loop peer's alias, Enter twice (a new
/// session), types the note, lets a tick autosave the draft, ends the session (Esc, `e`)
/// and saves the summary (Ctrl+S). Prints `ready`, then `saved N ID` once each save is done;
/// the note text starts with `NOTE_MARKER seed/N`.
pub fn app_loop(
    dir: &Path,
    seed: u64,
    count: Option<u64>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    use crate::app::{self, Action, App, Screen, keymap};
    use crate::tui::{NoteStore, execute};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    let (mut store, _) = Store::open(dir)
        .with_context(|| format!("could not open the data folder {}", dir.display()))?;
    let peer = loop_peer(seed);
    store.save_peer(&peer)?;
    // Drafts left by a killed round are kept on disk; the loop starts from home regardless.
    let mut app = App::new(
        NoteStore::peers(&store),
        NoteStore::history(&store),
        Vec::new(),
        Vec::new(),
        base(),
    );
    writeln!(out, "ready")?;
    out.flush()?;
    let press = |app: &mut App, store: &mut Store, ev: KeyEvent, now| {
        if let Some(action) = keymap::map_key(app, ev) {
            let effects = app::update(app, action, now);
            execute(app, store, effects, now);
        }
    };
    let key = |c: KeyCode| KeyEvent::new(c, KeyModifiers::NONE);
    let mut n = 0u64;
    while count.is_none_or(|c| n < c) {
        let now = base() + chrono::Duration::minutes(i64::try_from(n).unwrap_or(0) * 90);
        press(&mut app, &mut store, key(KeyCode::Char('n')), now);
        for c in peer.alias.chars() {
            press(&mut app, &mut store, key(KeyCode::Char(c)), now);
        }
        press(&mut app, &mut store, key(KeyCode::Enter), now);
        press(&mut app, &mut store, key(KeyCode::Enter), now);
        let id = match (&app.screen, &app.live) {
            (Screen::Session, Some(live)) => live.session.id,
            _ => anyhow::bail!("round {n}: the session did not start"),
        };
        let text = format!("{NOTE_MARKER} {seed}/{n} talked about the week and sleep");
        for c in text.chars() {
            press(&mut app, &mut store, key(KeyCode::Char(c)), now);
        }
        // Autosave: the draft is written once typing has paused.
        let later = now + chrono::Duration::minutes(1);
        let effects = app::update(&mut app, Action::Tick, later);
        execute(&mut app, &mut store, effects, later);
        let end = now + chrono::Duration::minutes(50);
        press(&mut app, &mut store, key(KeyCode::Esc), end);
        press(&mut app, &mut store, key(KeyCode::Char('e')), end);
        press(
            &mut app,
            &mut store,
            KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
            end,
        );
        // The summary is left empty: the app asks before saving it so, and is told yes.
        if app.confirm.is_some() {
            press(&mut app, &mut store, key(KeyCode::Char('y')), end);
        }
        if app.screen != Screen::Home || app.live.is_some() {
            anyhow::bail!("round {n}: the note was not saved");
        }
        writeln!(out, "saved {n} {id}")?;
        out.flush()?;
        n += 1;
    }
    Ok(())
}
