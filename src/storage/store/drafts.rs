//! Drafts: autosaved unfinished sessions in `drafts/`, read, saved and discarded.

use std::fs;
use std::io;
use std::sync::PoisonError;

use uuid::Uuid;

use super::super::atomic::sync_dir;
use super::super::error::{Action, StoreError};
use super::super::layout::{DRAFTS_DIR, Layout};
use super::super::problem::Problem;
use super::super::problem::ProblemKind;
use super::super::read::{Loaded, load_session};
use super::super::schema::{SessionFile, encode_session};
use super::listing::list_records;
use super::writes::encode_error;
use super::{Store, report_unreadable};
use crate::domain::Session;

impl Store {
    /// Autosaves an unfinished session to `drafts/<uuid>.json`, durably.
    pub fn save_draft(&self, session: &Session) -> Result<(), StoreError> {
        self.ensure_writable()?;
        let rel = Layout::draft_rel(session.id);
        self.guard_overwrite::<SessionFile>(&rel)?;
        let bytes = encode_session(session).map_err(|_| encode_error(Action::Save))?;
        self.write_file(&rel, &bytes, Action::Save, true)
            .map(|_| ())
            .map_err(|f| f.error)
    }

    /// Every draft that can be read, oldest start first. A draft that cannot be read is
    /// moved to quarantine (when writable) and reported through [`Store::take_problems`].
    pub fn drafts(&self) -> Vec<Session> {
        let mut problems = Vec::new();
        let mut out = read_drafts(&self.layout, !self.is_read_only(), &mut problems);
        if !problems.is_empty() {
            self.late_problems
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .extend(problems);
        }
        out.sort_by_key(|s| s.started_at);
        out
    }

    /// Deletes a draft the person chose to throw away. A missing draft is not an error.
    pub fn discard_draft(&self, id: Uuid) -> Result<(), StoreError> {
        self.ensure_writable()?;
        self.remove_draft_file(id)
            .map_err(|e| StoreError::from_io(Action::Discard, e, &self.layout.path(DRAFTS_DIR)))
    }

    pub(super) fn remove_draft_file(&self, id: Uuid) -> io::Result<()> {
        let path = self.layout.path(&Layout::draft_rel(id));
        match fs::remove_file(&path) {
            Ok(()) => sync_dir(&self.layout.path(DRAFTS_DIR)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        }
    }
}

/// Reads every draft at open so bad ones are quarantined and reported up front.
pub(super) fn check_drafts(layout: &Layout, writable: bool, problems: &mut Vec<Problem>) {
    let _ = read_drafts(layout, writable, problems);
}

fn read_drafts(layout: &Layout, writable: bool, problems: &mut Vec<Problem>) -> Vec<Session> {
    let ids = list_records(&layout.path(DRAFTS_DIR), DRAFTS_DIR, problems);
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let rel = Layout::draft_rel(id);
        match load_session(&layout.path(&rel), id) {
            Loaded::Found { value, .. } => out.push(value),
            Loaded::Missing => {}
            Loaded::Newer { found } => problems.push(Problem {
                file: rel,
                kind: ProblemKind::NewerVersion { found },
            }),
            Loaded::Unreadable(reason) => {
                report_unreadable(layout, &rel, reason, writable, problems)
            }
        }
    }
    out
}
