//! Practice rounds and the competency record: read when their screens open, saved whole
//! and durably like everything else.

use std::path::Path;

use super::listing::list_records;
use super::writes::{Failed, encode_error};
use super::{Store, report_unreadable};
use crate::domain::competency::CompetencyRecord;
use crate::domain::practice::{RolePlayRecord, RoundRecord};
use crate::storage::atomic::{create_private_dir, sync_dir, tighten_dir};
use crate::storage::error::{Action, StoreError};
use crate::storage::layout::{COMPETENCIES_FILE, Layout, PRACTICE_DIR, ROLEPLAYS_DIR, ROUNDS_DIR};
use crate::storage::problem::{Problem, ProblemKind};
use crate::storage::read::{Loaded, load};
use crate::storage::schema::{CURRENT_VERSION, FileKind, Reason, Versioned};
use serde::{Deserialize, Serialize};

/// `practice/rounds/<uuid>.json`: `{"schema_version":1,"round":{...}}`.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct RoundFile {
    pub schema_version: u64,
    pub round: RoundRecord,
}

#[derive(Serialize)]
struct RoundFileRef<'a> {
    schema_version: u64,
    round: &'a RoundRecord,
}

/// `practice/roleplays/<uuid>.json`: `{"schema_version":1,"roleplay":{...}}`.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct RolePlayFile {
    pub schema_version: u64,
    pub roleplay: RolePlayRecord,
}

#[derive(Serialize)]
struct RolePlayFileRef<'a> {
    schema_version: u64,
    roleplay: &'a RolePlayRecord,
}

impl Versioned for RolePlayFile {
    const KIND: FileKind = FileKind::RolePlay;
    fn version(&self) -> u64 {
        self.schema_version
    }
}

/// `competencies.json`: `{"schema_version":1,"competencies":{...}}`.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct CompetenciesFile {
    pub schema_version: u64,
    pub competencies: CompetencyRecord,
}

#[derive(Serialize)]
struct CompetenciesFileRef<'a> {
    schema_version: u64,
    competencies: &'a CompetencyRecord,
}

impl Versioned for RoundFile {
    const KIND: FileKind = FileKind::PracticeRound;
    fn version(&self) -> u64 {
        self.schema_version
    }
}

impl Versioned for CompetenciesFile {
    const KIND: FileKind = FileKind::Competencies;
    fn version(&self) -> u64 {
        self.schema_version
    }
}

/// Creates a folder the first time it is needed, owner-only, and makes its entry durable.
fn ensure_dir(root: &Path, rel: &str) -> std::io::Result<()> {
    let path = root.join(rel);
    if path.is_dir() {
        return Ok(());
    }
    create_private_dir(&path)?;
    tighten_dir(&path)?;
    if let Some(parent) = path.parent() {
        sync_dir(parent)?;
    }
    Ok(())
}

impl Store {
    /// Every practice round that can be read, oldest first. A file that cannot be read is
    /// moved to quarantine (when writable) and reported; the others still load.
    pub fn practice_rounds(&self) -> (Vec<RoundRecord>, Vec<Problem>) {
        let (mut rounds, problems) =
            self.load_records::<RoundFile, _>(ROUNDS_DIR, Layout::round_rel, |f| {
                (f.round.id, f.round)
            });
        rounds.sort_by_key(|r| (r.started_at, r.id));
        (rounds, problems)
    }

    /// Every coded role-play that can be read, oldest first; bad files are handled as for
    /// rounds.
    pub fn practice_roleplays(&self) -> (Vec<RolePlayRecord>, Vec<Problem>) {
        let (mut list, problems) =
            self.load_records::<RolePlayFile, _>(ROLEPLAYS_DIR, Layout::roleplay_rel, |f| {
                (f.roleplay.id, f.roleplay)
            });
        list.sort_by_key(|r| (r.started_at, r.id));
        (list, problems)
    }

    /// Saves a coded role-play (whole, replacing any earlier save of it) durably.
    pub fn save_practice_roleplay(&self, record: &RolePlayRecord) -> Result<(), StoreError> {
        self.ensure_writable()?;
        for rel in [PRACTICE_DIR, ROLEPLAYS_DIR] {
            ensure_dir(self.layout.root(), rel)
                .map_err(|e| StoreError::from_io(Action::Save, e, self.layout.root()))?;
        }
        let rel = Layout::roleplay_rel(record.id);
        self.guard_overwrite::<RolePlayFile>(&rel)?;
        let bytes = serde_json::to_vec_pretty(&RolePlayFileRef {
            schema_version: CURRENT_VERSION,
            roleplay: record,
        })
        .map_err(|_| encode_error(Action::Save))?;
        self.write_file(&rel, &bytes, Action::Save, true)
            .map(|_| ())
            .map_err(|Failed { error, .. }| error)
    }

    /// Reads every `<uuid>.json` record of a folder. A file whose id differs from its name
    /// or that cannot be read is moved to quarantine (when writable) and reported.
    fn load_records<F: Versioned, T>(
        &self,
        dir_rel: &str,
        rel_of: fn(uuid::Uuid) -> String,
        split: fn(F) -> (uuid::Uuid, T),
    ) -> (Vec<T>, Vec<Problem>) {
        let mut problems = Vec::new();
        let dir = self.layout.path(dir_rel);
        if !dir.is_dir() {
            return (Vec::new(), problems);
        }
        let writable = !self.is_read_only();
        let mut out = Vec::new();
        for id in list_records(&dir, dir_rel, &mut problems) {
            let rel = rel_of(id);
            match load::<F>(&self.layout.path(&rel)) {
                Loaded::Found {
                    value,
                    migrated_from,
                    ..
                } => {
                    let (found, record) = split(value);
                    if found != id {
                        report_unreadable(
                            &self.layout,
                            &rel,
                            Reason::IdMismatch,
                            writable,
                            &mut problems,
                        );
                        continue;
                    }
                    problems.extend(Problem::migrated(rel, migrated_from));
                    out.push(record);
                }
                Loaded::Missing => {}
                Loaded::Newer { found } => problems.push(Problem {
                    file: rel,
                    kind: ProblemKind::NewerVersion { found },
                }),
                Loaded::Unreadable(reason) => {
                    report_unreadable(&self.layout, &rel, reason, writable, &mut problems)
                }
            }
        }
        (out, problems)
    }

    /// Saves a practice round (whole, replacing any earlier save of it) durably.
    pub fn save_practice_round(&self, round: &RoundRecord) -> Result<(), StoreError> {
        self.ensure_writable()?;
        for rel in [PRACTICE_DIR, ROUNDS_DIR] {
            ensure_dir(self.layout.root(), rel)
                .map_err(|e| StoreError::from_io(Action::Save, e, self.layout.root()))?;
        }
        let rel = Layout::round_rel(round.id);
        self.guard_overwrite::<RoundFile>(&rel)?;
        let bytes = serde_json::to_vec_pretty(&RoundFileRef {
            schema_version: CURRENT_VERSION,
            round,
        })
        .map_err(|_| encode_error(Action::Save))?;
        self.write_file(&rel, &bytes, Action::Save, true)
            .map(|_| ())
            .map_err(|Failed { error, .. }| error)
    }

    /// The competency record, empty when none was saved yet. An unreadable file is moved
    /// to quarantine and reported, and an empty record comes back; a read-only store
    /// reports it as an error instead, so an export never passes an empty record off as
    /// the real one. A file from a newer version is an error and is left alone.
    pub fn competencies(&self) -> Result<(CompetencyRecord, Vec<Problem>), StoreError> {
        self.load_record(COMPETENCIES_FILE, |f: CompetenciesFile| f.competencies)
    }

    /// Saves the whole competency record durably. Refuses (never overwrites) a file from a
    /// newer version; moves an unreadable one to quarantine first.
    pub fn save_competencies(&self, record: &CompetencyRecord) -> Result<(), StoreError> {
        self.save_record::<CompetenciesFile>(
            COMPETENCIES_FILE,
            &CompetenciesFileRef {
                schema_version: CURRENT_VERSION,
                competencies: record,
            },
        )
    }
}
