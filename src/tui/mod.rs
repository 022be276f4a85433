//! The terminal side: set-up and restore, the event loop, and carrying out effects.

mod effects;
mod event_loop;
mod store;
mod terminal;

use std::path::Path;

use anyhow::{Context, Result};

pub use effects::{NoteStore, execute};
pub use event_loop::run_app;

use crate::app::App;
use crate::content::Content;
use crate::storage::{Problem, ProblemKind, Store};

/// Opens the data folder and runs the app on it until the user quits.
pub fn open(dir: &Path) -> Result<()> {
    let (mut store, problems) = Store::open(dir)
        .with_context(|| format!("could not open the data folder {}", dir.display()))?;
    let mut notices: Vec<String> = problems
        .iter()
        .filter(|p| worth_telling(p))
        .map(ToString::to_string)
        .collect();
    let content = load_content(&mut notices);
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
    let mut app =
        App::new(peers, history, drafts, notices, crate::domain::now()).with_content(content);
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
    )
}

/// The built-in content plus an organisation's override files from the config folder
/// (`content/` under the platform config directory). Bad files are reported by name and
/// line; the built-in content is used for them.
pub(crate) fn load_content(notices: &mut Vec<String>) -> &'static Content {
    let Some(dir) = directories::ProjectDirs::from("", "", "alongside")
        .map(|d| d.config_dir().join("content"))
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
