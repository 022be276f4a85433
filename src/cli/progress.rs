//! What a progress note is written with: the layout, the specialist's settings and the
//! names of tools, gathered once for `notes show|export --format progress`.

use std::collections::HashMap;

use anyhow::{Result, bail};

use crate::content::Content;
use crate::domain::Session;
use crate::domain::group::attendee_views;

/// Between the progress notes of a group's attendees: a form feed, which documentation
/// systems and printers take as a new page.
pub const GROUP_NOTE_BREAK: &str = "\n\u{c}\n";
use crate::domain::progress::{ProgressLayout, render};
use crate::domain::settings::Settings;

pub struct ProgressContext {
    pub layout: ProgressLayout,
    pub settings: Settings,
    tool_names: HashMap<String, String>,
}

impl ProgressContext {
    /// `layout` names one of the content's layouts; `None` uses the settings' choice, or
    /// the first layout.
    pub fn new(content: &Content, settings: Settings, layout: Option<&str>) -> Result<Self> {
        let wanted = layout.unwrap_or(settings.progress_layout.as_str());
        let found = content.progress_layouts().iter().find(|l| l.id == wanted);
        let layout = match (found, layout) {
            (Some(l), _) => l.clone(),
            (None, Some(id)) => {
                let ids: Vec<&str> = content
                    .progress_layouts()
                    .iter()
                    .map(|l| l.id.as_str())
                    .collect();
                bail!(
                    "no progress layout is called {id:?}; use one of: {}",
                    ids.join(", ")
                )
            }
            (None, None) => match content.progress_layouts().first() {
                Some(l) => l.clone(),
                None => bail!("no progress note layout could be loaded"),
            },
        };
        let tool_names = content
            .tools()
            .iter()
            .map(|t| (t.id.clone(), t.name.clone()))
            .collect();
        Ok(ProgressContext {
            layout,
            settings,
            tool_names,
        })
    }

    /// The built-in content's default layout with default settings (for tests and as a
    /// last resort).
    pub fn builtin() -> Result<Self> {
        ProgressContext::new(crate::app::default_content(), Settings::default(), None)
    }

    /// The progress note of a session; for a group session, one note per attendee (each
    /// with the group's shared parts and their own lines), one after the other.
    pub fn render(&self, session: &Session) -> String {
        let names = |id: &str| self.tool_names.get(id).cloned();
        if session.is_group() {
            return attendee_views(session)
                .iter()
                .map(|s| render(s, &self.layout, &self.settings, &names))
                .collect::<Vec<_>>()
                .join(GROUP_NOTE_BREAK);
        }
        render(session, &self.layout, &self.settings, &names)
    }
}
