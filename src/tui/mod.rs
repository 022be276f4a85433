//! The terminal side: set-up and restore, the event loop, and carrying out effects.

mod effects;
mod event_loop;
pub mod input;
mod store;
mod terminal;
mod unlock;

use std::path::Path;

use anyhow::{Context, Result};

pub use effects::{LateCheck, NoteStore, execute, read_transcript};
pub use event_loop::run_app;
pub use terminal::install_private_panic_hook;

use crate::app::App;
use crate::app::keymap::{self, Keymap};
use crate::content::Content;
use crate::storage::{Problem, ProblemKind, Store};

/// How the app runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Minutes without a key press before the app locks itself; 0 never.
    pub lock_after_minutes: u32,
    /// Ask for the settings when none are saved yet (first run).
    pub ask_settings: bool,
    /// A throwaway demo folder, deleted on quit: nothing is promised to be kept.
    pub demo: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lock_after_minutes: 10,
            ask_settings: true,
            demo: false,
        }
    }
}

/// Opens the data folder and runs the app on it until the user quits, without the
/// first-run settings question (for the demo).
pub fn open(dir: &Path) -> Result<()> {
    open_with(
        dir,
        Options {
            ask_settings: false,
            ..Options::default()
        },
    )
}

/// [`open`], asking for the passphrase first (masked, before the home screen) when the
/// folder is encrypted and not yet unlocked, and locking after `opts.lock_after_minutes`.
pub fn open_with(dir: &Path, opts: Options) -> Result<()> {
    if !unlock::ask_if_needed(dir)? {
        return Ok(());
    }
    let encrypted = crate::storage::crypt::is_unlocked(dir);
    let (mut store, problems) = Store::open_for_app(dir)
        .with_context(|| format!("could not open the data folder {}", dir.display()))?;
    let mut notices: Vec<String> = problems
        .iter()
        .filter(|p| worth_telling(p))
        .map(ToString::to_string)
        .collect();
    let content = load_content(&mut notices);
    let keys = load_keys(&mut notices);
    let drafts = store.drafts();
    notices.extend(
        store
            .take_problems()
            .iter()
            .filter(|p| worth_telling(p))
            .map(ToString::to_string),
    );
    let peers = NoteStore::peers(&store);
    let history = NoteStore::history(&store);
    let settings =
        crate::storage::settings::config_dir().map(|d| crate::storage::settings::load(&d));
    if let Some(crate::storage::settings::Loaded::Bad(msg)) = &settings {
        notices.push(msg.clone());
    }
    let mut app = App::new(peers, history, drafts, notices, crate::domain::now())
        .with_content(content)
        .with_keys(keys);
    // Read once the first frame is on screen (see the event loop): a file per peer.
    app.journey_pending = true;
    app.privacy
        .configure(encrypted, opts.lock_after_minutes, app.now);
    app.export_dir = directories::UserDirs::new().map(|d| d.home_dir().to_path_buf());
    if let Some(loaded) = &settings {
        app.settings = loaded.settings();
        // First run: ask once who writes the notes (skippable). Not in the demo.
        if *loaded == crate::storage::settings::Loaded::Missing && opts.ask_settings {
            app.settings_form = Some(crate::app::office::SettingsForm::new(&app.settings, true));
        }
    }
    app.demo = opts.demo;
    run_app(&mut app, &mut store)
}

/// Problems the user should hear about: anything not read, or left alone. Routine repairs
/// (an index rebuilt, an old file upgraded) are not news.
fn worth_telling(p: &Problem) -> bool {
    matches!(
        p.kind,
        ProblemKind::Quarantined { .. }
            | ProblemKind::Unreadable { .. }
            | ProblemKind::NewerVersion { .. }
            | ProblemKind::NotPrivate
            | ProblemKind::ForeignOwner
            | ProblemKind::PlainInEncrypted { .. }
    )
}

/// The keys: the built-in tables with the user's `keys.toml` (in the platform config
/// directory) over them. A wrong file is reported by name and line and the built-in keys
/// are used.
pub(crate) fn load_keys(notices: &mut Vec<String>) -> &'static Keymap {
    let Some(path) = crate::storage::settings::config_dir().map(|d| d.join("keys.toml")) else {
        return Keymap::defaults();
    };
    match keymap::user::load(&path) {
        Ok(None) => Keymap::defaults(),
        // Lives for the whole run; leaked once so every screen can borrow it.
        Ok(Some(map)) => Box::leak(Box::new(map)),
        Err(e) => {
            notices.push(format!("{e}; the built-in keys are used"));
            Keymap::defaults()
        }
    }
}

/// The built-in content plus an organisation's override files from the config folder
/// (`content/` under the platform config directory). Bad files are reported by name and
/// line; the built-in content is used for them.
pub(crate) fn load_content(notices: &mut Vec<String>) -> &'static Content {
    let Some(dir) = crate::storage::settings::config_dir()
        .map(|d| d.join("content"))
        .filter(|d| d.is_dir())
    else {
        return crate::app::default_content();
    };
    let (content, problems) = Content::with_overrides(&dir);
    notices.extend(
        problems
            .iter()
            .map(|p| format!("content override {p}; the built-in content is used for it")),
    );
    // Lives for the whole run; leaked once so every screen can borrow it.
    Box::leak(Box::new(content))
}
