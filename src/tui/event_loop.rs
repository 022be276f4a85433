//! Reads keys, updates the app, draws, and keeps the session draft safe if anything fails.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use anyhow::{Context, Result};
use ratatui::DefaultTerminal;
#[cfg(not(unix))]
use ratatui::crossterm::event;
use ratatui::crossterm::event::Event;

use super::{NoteStore, execute, terminal};
use crate::app::{self, Action, App, keymap};
use crate::domain::now;
use crate::ui;

/// How often the screen refreshes without input: the session timer ticks once a second.
const TICK: Duration = Duration::from_millis(250);
/// How often the loop looks whether the search texts read after the first frame are in.
const SEARCH_POLL: Duration = Duration::from_millis(25);

/// Runs the app in the terminal until the user quits. The terminal is restored on every
/// exit path; if the loop panics, the running session is kept as a draft first.
pub fn run_app(app: &mut App, store: &mut dyn NoteStore) -> Result<()> {
    terminal::install_private_panic_hook();
    // `init` adds its own hook that restores the terminal before ours runs.
    let mut term = ratatui::init();
    // Pasted text arrives as one event, not as keys that could run shortcuts.
    terminal::enable_paste();
    let outcome = catch_unwind(AssertUnwindSafe(|| event_loop(&mut term, app, store)));
    terminal::disable_paste();
    ratatui::restore();
    match outcome {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => {
            // The terminal or keyboard went away: keep what was typed, then report.
            keep_unsaved(app, store);
            Err(e)
        }
        Err(_) => {
            keep_unsaved(app, store);
            anyhow::bail!(
                "stopped after an internal error; the running session was kept as a draft"
            )
        }
    }
}

/// Keeps a running session's draft and an open worksheet's changes, on any way out.
fn keep_unsaved(app: &mut App, store: &mut dyn NoteStore) {
    if let Some(live) = &app.live {
        let _ = store.save_draft(&live.snapshot());
    }
    let kept = app::tools::on_interrupt(app);
    execute(app, store, kept, now());
}

/// Reads terminal events on their own thread. When the terminal disappears, crossterm's
/// read can spin without returning; the loop must still see the stop signal and leave.
fn spawn_event_reader() -> Receiver<std::io::Result<Event>> {
    let (tx, rx) = mpsc::channel();
    // Our own reader on unix, so a paste whose end never comes cannot swallow every key.
    #[cfg(unix)]
    std::thread::spawn(move || {
        super::input::read_terminal(&mut |event| {
            let failed = event.is_err();
            tx.send(event).is_ok() && !failed
        });
    });
    #[cfg(not(unix))]
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if tx.send(event).is_err() || failed {
                break;
            }
        }
    });
    rx
}

fn event_loop(term: &mut DefaultTerminal, app: &mut App, store: &mut dyn NoteStore) -> Result<()> {
    let stop = stop_signals();
    let events = spawn_event_reader();
    if let Ok(size) = term.size() {
        step(app, store, Action::Resize(size.width, size.height));
    }
    let mut first_frame = true;
    // Set while the search texts are read on another thread after the first frame: keys
    // are handled meanwhile (a history filter matches aliases until they are in).
    let mut search_pending = false;
    loop {
        // The terminal closed or the system is shutting down: keep the draft and leave, as
        // Ctrl+C does.
        if stop.load(Ordering::Relaxed) {
            keep_unsaved(app, store);
            return Ok(());
        }
        term.draw(|frame| ui::draw(frame, app))
            .context("could not draw on the terminal")?;
        if first_frame {
            // Search texts are left out of start-up; they are read while the first frame
            // is on screen (on another thread, begun now so that it does not compete with
            // the first frame for the processor), and taken in once read, keys being
            // handled meanwhile.
            first_frame = false;
            store.preload_search();
            // So is the check of every saved file against the index (one metadata call
            // each): what it finds changes the lists and is told like any open problem.
            if let Some(check) = store.check_index() {
                if check.changed {
                    app.set_data(store.peers(), store.history());
                }
                app.notices.extend(check.notices);
            }
            // Then the journey (goals, each peer's latest note and plan), from the index as
            // the check left it; Home says it is being read until now.
            if app.journey_pending {
                let (journey, notices) = store.journey_and_notices();
                app.journey = journey;
                app.notices.extend(notices);
                app.journey_pending = false;
            }
            search_pending = true;
        }
        if search_pending && store.search_texts_ready() {
            search_pending = false;
            if let Some(index) = store.search_index() {
                app.attach_search_index(index);
            }
        }
        // Look again soon for search texts still being read.
        let wait = if search_pending { SEARCH_POLL } else { TICK };
        let action = match events.recv_timeout(wait) {
            Ok(Ok(Event::Key(key))) => keymap::map_key(app, key),
            Ok(Ok(Event::Paste(text))) => keymap::map_paste(app, &text),
            // The next draw uses the new size; scrolling needs it for page lengths.
            Ok(Ok(Event::Resize(w, h))) => Some(Action::Resize(w, h)),
            Ok(Ok(_)) => None,
            Ok(Err(e)) => return Err(e).context("could not read the keyboard"),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => {
                anyhow::bail!("the keyboard is no longer available")
            }
        };
        if let Some(action) = action
            && step(app, store, action)
        {
            return Ok(());
        }
        if step(app, store, Action::Tick) {
            return Ok(());
        }
    }
}

/// Applies one action and carries out its effects. True when the app should exit.
pub fn step(app: &mut App, store: &mut dyn NoteStore, action: Action) -> bool {
    let t = now();
    let effects = app::update(app, action, t);
    execute(app, store, effects, t)
}

/// A flag raised by SIGTERM, SIGHUP or SIGINT. Raw mode turns Ctrl+C into a key, but a
/// closed terminal window or a shutdown still arrives as a signal.
fn stop_signals() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        // If a handler cannot be installed the app still works; autosave covers the gap.
        let _ = signal_hook::flag::register(signal, Arc::clone(&flag));
    }
    flag
}
