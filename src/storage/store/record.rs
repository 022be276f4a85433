//! One whole-file record (the competency record, the activity log, every peer's goals): read
//! whole, saved whole and durably. The rules every such file shares live here once: a missing
//! file is the empty record; an unreadable one is moved to quarantine (when writable) and the
//! empty record comes back, while a read-only store reports it as an error instead, so no
//! export or report passes an empty record off as the real one; a file from a newer version
//! is an error and is never overwritten.

use serde::Serialize;

use super::writes::{Failed, encode_error};
use super::{Store, report_unreadable};
use crate::storage::error::{Action, StoreError};
use crate::storage::problem::{Problem, ProblemKind};
use crate::storage::read::{Loaded, load};
use crate::storage::schema::Versioned;

impl Store {
    /// Reads the record in `file` (a file kind `F`), taking its value out with `take`.
    pub(super) fn load_record<F: Versioned, T: Default>(
        &self,
        file: &str,
        take: impl FnOnce(F) -> T,
    ) -> Result<(T, Vec<Problem>), StoreError> {
        let mut problems = Vec::new();
        match load::<F>(&self.layout.path(file)) {
            Loaded::Missing => Ok((T::default(), problems)),
            Loaded::Found {
                value,
                migrated_from,
                ..
            } => {
                problems.extend(Problem::migrated(file, migrated_from));
                Ok((take(value), problems))
            }
            Loaded::Newer { found } => Err(StoreError::NewerVersion {
                action: Action::Read,
                file: file.into(),
                found,
            }),
            Loaded::Unreadable(reason) => {
                report_unreadable(
                    &self.layout,
                    file,
                    reason.clone(),
                    !self.is_read_only(),
                    &mut problems,
                );
                match problems.last().map(|p| &p.kind) {
                    Some(ProblemKind::Quarantined { .. }) => Ok((T::default(), problems)),
                    _ => Err(StoreError::Unreadable {
                        file: file.into(),
                        reason,
                    }),
                }
            }
        }
    }

    /// Saves `envelope` (the record with its schema version) as `file` durably. Refuses
    /// (never overwrites) a file of kind `F` from a newer version; moves an unreadable one to
    /// quarantine first.
    pub(super) fn save_record<F: Versioned>(
        &self,
        file: &str,
        envelope: &impl Serialize,
    ) -> Result<(), StoreError> {
        self.ensure_writable()?;
        self.guard_overwrite::<F>(file)?;
        let bytes = serde_json::to_vec_pretty(envelope).map_err(|_| encode_error(Action::Save))?;
        self.write_file(file, &bytes, Action::Save, true)
            .map(|_| ())
            .map_err(|Failed { error, .. }| error)
    }
}
