//! Standalone worksheets (`worksheets/<uuid>.json`) and per-peer safety plans
//! (`safety_plans/<peer-uuid>.json`, every version kept). Both folders are created on the
//! first save, owner-only, and written with the same durable, all-or-nothing writes as
//! sessions. A file that cannot be read is reported, and moved to quarantine before anything
//! is saved in its place.

use std::fs;
use std::io;
use std::sync::PoisonError;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::listing::{list_record_ids, unrecognised_problem};
use super::writes::encode_error;
use super::{Store, report_unreadable};
use crate::domain::Timestamp;
use crate::domain::worksheets::{SafetyPlanHistory, SafetyPlanSheet, StandaloneWorksheet};
use crate::storage::atomic::{create_private_dir, sync_dir};
use crate::storage::error::{Action, StoreError};
use crate::storage::layout::{Layout, SAFETY_PLANS_DIR, WORKSHEETS_DIR};
use crate::storage::read::{Loaded, load};
use crate::storage::schema::{CURRENT_VERSION, FileKind, Reason, Versioned};

/// `worksheets/<uuid>.json`: `{"schema_version":1,"worksheet":{StandaloneWorksheet}}`.
#[derive(Debug, Deserialize)]
pub(crate) struct WorksheetFile {
    pub schema_version: u64,
    pub worksheet: StandaloneWorksheet,
}

#[derive(Serialize)]
struct WorksheetFileRef<'a> {
    schema_version: u64,
    worksheet: &'a StandaloneWorksheet,
}

/// `safety_plans/<peer-uuid>.json`: `{"schema_version":1,"safety_plan":{SafetyPlanHistory}}`.
#[derive(Debug, Deserialize)]
pub(crate) struct SafetyPlanFile {
    pub schema_version: u64,
    pub safety_plan: SafetyPlanHistory,
}

#[derive(Serialize)]
struct SafetyPlanFileRef<'a> {
    schema_version: u64,
    safety_plan: &'a SafetyPlanHistory,
}

impl Versioned for WorksheetFile {
    const KIND: FileKind = FileKind::Worksheet;
    fn version(&self) -> u64 {
        self.schema_version
    }
}

impl Versioned for SafetyPlanFile {
    const KIND: FileKind = FileKind::SafetyPlan;
    fn version(&self) -> u64 {
        self.schema_version
    }
}

/// What a file named for `id` holds, checked against that id.
fn load_checked<T: Versioned, V>(
    path: &std::path::Path,
    id: Uuid,
    take: impl Fn(T) -> V,
    id_of: impl Fn(&V) -> Uuid,
) -> Loaded<V> {
    match load::<T>(path) {
        Loaded::Found {
            value,
            stamp,
            migrated_from,
        } => {
            let value = take(value);
            if id_of(&value) == id {
                Loaded::Found {
                    value,
                    stamp,
                    migrated_from,
                }
            } else {
                Loaded::Unreadable(Reason::IdMismatch)
            }
        }
        Loaded::Missing => Loaded::Missing,
        Loaded::Newer { found } => Loaded::Newer { found },
        Loaded::Unreadable(r) => Loaded::Unreadable(r),
    }
}

fn load_worksheet_file(path: &std::path::Path, id: Uuid) -> Loaded<StandaloneWorksheet> {
    load_checked::<WorksheetFile, _>(path, id, |f| f.worksheet, |w| w.id)
}

fn load_plan_file(path: &std::path::Path, peer_id: Uuid) -> Loaded<SafetyPlanHistory> {
    load_checked::<SafetyPlanFile, _>(path, peer_id, |f| f.safety_plan, |h| h.peer_id)
}

impl Store {
    // ----- standalone worksheets -----

    /// Every standalone worksheet that can be read, most recently changed first. One that
    /// cannot be read is moved to quarantine (when writable) and reported through
    /// [`Store::take_problems`]; the rest still load.
    pub fn worksheets(&self) -> Vec<StandaloneWorksheet> {
        let dir = self.layout.path(WORKSHEETS_DIR);
        let listing = list_record_ids(&dir);
        let writable = !self.is_read_only();
        let mut problems = Vec::new();
        if listing.unrecognised > 0 {
            problems.push(unrecognised_problem(WORKSHEETS_DIR, listing.unrecognised));
        }
        if writable && !listing.temp_files.is_empty() {
            // Leftovers of interrupted writes: never renamed into place, so never data.
            for name in &listing.temp_files {
                let _ = fs::remove_file(dir.join(name));
            }
            let _ = sync_dir(&dir);
        }
        let mut out = Vec::with_capacity(listing.ids.len());
        for id in listing.ids {
            let rel = Layout::worksheet_rel(id);
            match load_worksheet_file(&self.layout.path(&rel), id) {
                Loaded::Found { value, .. } => out.push(value),
                Loaded::Missing => {}
                Loaded::Newer { found } => problems.push(crate::storage::Problem {
                    file: rel,
                    kind: crate::storage::ProblemKind::NewerVersion { found },
                }),
                Loaded::Unreadable(reason) => {
                    report_unreadable(&self.layout, &rel, reason, writable, &mut problems)
                }
            }
        }
        if !problems.is_empty() {
            self.late_problems
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .extend(problems);
        }
        out.sort_by_key(|w| std::cmp::Reverse(w.updated_at));
        out
    }

    /// Reads one standalone worksheet.
    pub fn load_worksheet(&self, id: Uuid) -> Result<StandaloneWorksheet, StoreError> {
        let rel = Layout::worksheet_rel(id);
        load_worksheet_file(&self.layout.path(&rel), id)
            .into_result(rel)?
            .ok_or(StoreError::NotFound { id })
    }

    /// Saves a standalone worksheet (its saved content and any unsaved changes) durably.
    pub fn save_worksheet(&self, worksheet: &StandaloneWorksheet) -> Result<(), StoreError> {
        self.ensure_writable()?;
        let dir = self.layout.path(WORKSHEETS_DIR);
        create_private_dir(&dir).map_err(|e| StoreError::from_io(Action::Save, e, &dir))?;
        let rel = Layout::worksheet_rel(worksheet.id);
        self.guard_overwrite::<WorksheetFile>(&rel)?;
        let bytes = serde_json::to_vec_pretty(&WorksheetFileRef {
            schema_version: CURRENT_VERSION,
            worksheet,
        })
        .map_err(|_| encode_error(Action::Save))?;
        self.write_file(&rel, &bytes, Action::Save, true)
            .map(|_| ())
            .map_err(|f| f.error)
    }

    /// Deletes a standalone worksheet the person chose to throw away. A missing one is not
    /// an error.
    pub fn delete_worksheet(&self, id: Uuid) -> Result<(), StoreError> {
        self.ensure_writable()?;
        let dir = self.layout.path(WORKSHEETS_DIR);
        let path = self.layout.path(&Layout::worksheet_rel(id));
        match fs::remove_file(&path) {
            Ok(()) => sync_dir(&dir),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        }
        .map_err(|e| StoreError::from_io(Action::Discard, e, &dir))
    }

    // ----- safety plans -----

    /// Every saved version of a peer's safety plan, or `None` if they have none.
    pub fn safety_plan(&self, peer_id: Uuid) -> Result<Option<SafetyPlanHistory>, StoreError> {
        let rel = Layout::safety_plan_rel(peer_id);
        load_plan_file(&self.layout.path(&rel), peer_id).into_result(rel)
    }

    /// Saves `plan` as the next version of the peer's safety plan, keeping every earlier
    /// version, and returns the whole history with the new version number (`None` when the
    /// plan is the same as the latest version, so nothing was written). The file on disk is
    /// read first, so versions saved elsewhere are never lost. A file that cannot be read is
    /// moved to quarantine (and reported) before a new one is started.
    pub fn save_safety_plan(
        &self,
        peer_id: Uuid,
        plan: SafetyPlanSheet,
        saved_at: Timestamp,
        session_id: Option<Uuid>,
    ) -> Result<(SafetyPlanHistory, Option<u32>), StoreError> {
        use crate::domain::worksheets::SafetyPlanError;
        self.ensure_writable()?;
        let dir = self.layout.path(SAFETY_PLANS_DIR);
        create_private_dir(&dir).map_err(|e| StoreError::from_io(Action::Save, e, &dir))?;
        let rel = Layout::safety_plan_rel(peer_id);
        self.guard_overwrite::<SafetyPlanFile>(&rel)?;
        let mut history = match load_plan_file(&self.layout.path(&rel), peer_id) {
            Loaded::Found { value, .. } => value,
            Loaded::Missing => SafetyPlanHistory::new(peer_id),
            Loaded::Newer { found } => {
                return Err(StoreError::NewerVersion {
                    action: Action::Save,
                    file: rel,
                    found,
                });
            }
            // guard_overwrite moved a bad file aside; this is a read error of the moment.
            Loaded::Unreadable(reason) => return Err(StoreError::Unreadable { file: rel, reason }),
        };
        let version = match history.add_version(plan, saved_at, session_id) {
            Ok(v) => v,
            Err(SafetyPlanError::Unchanged) => return Ok((history, None)),
            Err(e) => return Err(e.into()),
        };
        let bytes = serde_json::to_vec_pretty(&SafetyPlanFileRef {
            schema_version: CURRENT_VERSION,
            safety_plan: &history,
        })
        .map_err(|_| encode_error(Action::Save))?;
        self.write_file(&rel, &bytes, Action::Save, true)
            .map_err(|f| f.error)?;
        Ok((history, Some(version)))
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;
    use crate::domain::worksheets::{ValuesSheet, Worksheet};

    fn t(min: i64) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-03-02T09:30:00-05:00").expect("time")
            + chrono::Duration::minutes(min)
    }

    fn values_sheet() -> StandaloneWorksheet {
        let mut w = StandaloneWorksheet::new(
            "exploring_values",
            "Exploring values",
            Some((Uuid::new_v4(), "JD")),
            t(0),
        );
        let mut v = ValuesSheet::default();
        v.toggle("Family");
        w.save(Worksheet::Values(v), t(1));
        w
    }

    fn plan(line: &str) -> SafetyPlanSheet {
        SafetyPlanSheet {
            warning_signs: vec![line.to_string()],
            ..SafetyPlanSheet::default()
        }
    }

    #[test]
    fn worksheets_are_saved_privately_listed_reloaded_and_deleted() {
        let dir = tempfile::tempdir().expect("dir");
        let (store, _) = Store::open(dir.path()).expect("open");
        assert!(store.worksheets().is_empty());
        assert!(
            !dir.path().join(WORKSHEETS_DIR).exists(),
            "created on first save"
        );
        let w = values_sheet();
        store.save_worksheet(&w).expect("save");
        let folder = dir.path().join(WORKSHEETS_DIR);
        let mode =
            |p: &std::path::Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&folder), 0o700);
        let file = folder.join(format!("{}.json", w.id));
        assert_eq!(mode(&file), 0o600);
        let text = fs::read_to_string(&file).expect("read");
        assert!(text.contains("\"schema_version\": 1"));
        assert!(text.contains("\"kind\": \"values\""));
        assert!(!file.to_string_lossy().contains("JD"), "no alias in names");

        let mut second = values_sheet();
        second.updated_at = t(60);
        store.save_worksheet(&second).expect("save");
        let listed = store.worksheets();
        assert_eq!(listed.len(), 2);
        assert_eq!(listed[0].id, second.id, "most recently changed first");
        assert_eq!(store.load_worksheet(w.id).expect("load"), w);

        store.delete_worksheet(w.id).expect("delete");
        store
            .delete_worksheet(w.id)
            .expect("deleting twice is fine");
        assert!(matches!(
            store.load_worksheet(w.id),
            Err(StoreError::NotFound { .. })
        ));
    }

    #[test]
    fn a_bad_worksheet_file_is_quarantined_and_the_rest_still_load() {
        let dir = tempfile::tempdir().expect("dir");
        let (store, _) = Store::open(dir.path()).expect("open");
        let w = values_sheet();
        store.save_worksheet(&w).expect("save");
        let bad = Uuid::new_v4();
        let folder = dir.path().join(WORKSHEETS_DIR);
        fs::write(
            folder.join(format!("{bad}.json")),
            b"{\"schema_version\":1,\"work",
        )
        .expect("write");
        // The same worksheet under another id's name is not trusted either.
        let other = Uuid::new_v4();
        fs::copy(
            folder.join(format!("{}.json", w.id)),
            folder.join(format!("{other}.json")),
        )
        .expect("copy");
        let listed = store.worksheets();
        assert_eq!(listed.len(), 1);
        let problems = store.take_problems();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            dir.path()
                .join("quarantine")
                .join(format!("worksheets--{bad}.json"))
                .is_file()
        );
        assert!(!folder.join(format!("{bad}.json")).exists());
    }

    #[test]
    fn every_safety_plan_save_adds_a_version_and_keeps_the_old_ones() {
        let dir = tempfile::tempdir().expect("dir");
        let (store, _) = Store::open(dir.path()).expect("open");
        let peer = Uuid::new_v4();
        assert_eq!(store.safety_plan(peer).expect("read"), None);
        let (h, v) = store
            .save_safety_plan(peer, plan("not sleeping"), t(0), None)
            .expect("save");
        assert_eq!((v, h.versions.len()), (Some(1), 1));
        let (_, v) = store
            .save_safety_plan(peer, plan("not sleeping"), t(1), None)
            .expect("same plan");
        assert_eq!(v, None, "an unchanged plan adds no version");
        let session = Uuid::new_v4();
        let (h, v) = store
            .save_safety_plan(peer, plan("pacing at night"), t(2), Some(session))
            .expect("save");
        assert_eq!(v, Some(2));
        assert_eq!(h.versions[0].plan.warning_signs, ["not sleeping"]);

        // A second store (as after a restart) reads both versions.
        drop(store);
        let (store, _) = Store::open(dir.path()).expect("reopen");
        let h = store.safety_plan(peer).expect("read").expect("some");
        assert_eq!(h.versions.len(), 2);
        assert_eq!(h.latest().map(|v| v.session_id), Some(Some(session)));
        let file = dir
            .path()
            .join(SAFETY_PLANS_DIR)
            .join(format!("{peer}.json"));
        let text = fs::read_to_string(file).expect("read");
        assert!(text.contains("\"safety_plan\""));
        assert!(text.contains("\"version\": 2"));

        assert!(matches!(
            store.save_safety_plan(peer, SafetyPlanSheet::default(), t(3), None),
            Err(StoreError::SafetyPlan(_))
        ));
    }

    #[test]
    fn an_unreadable_safety_plan_is_reported_then_moved_aside_before_a_new_one() {
        let dir = tempfile::tempdir().expect("dir");
        let (store, _) = Store::open(dir.path()).expect("open");
        let peer = Uuid::new_v4();
        store
            .save_safety_plan(peer, plan("a"), t(0), None)
            .expect("save");
        let file = dir
            .path()
            .join(SAFETY_PLANS_DIR)
            .join(format!("{peer}.json"));
        fs::write(&file, b"not json at all").expect("break it");
        let err = store.safety_plan(peer).expect_err("unreadable");
        assert!(err.to_string().contains("not valid JSON"), "{err}");
        assert!(file.is_file(), "reading leaves it in place");
        let (h, v) = store
            .save_safety_plan(peer, plan("b"), t(1), None)
            .expect("save");
        assert_eq!((v, h.versions.len()), (Some(1), 1));
        let moved = dir
            .path()
            .join("quarantine")
            .join(format!("safety_plans--{peer}.json"));
        assert_eq!(fs::read(moved).expect("kept"), b"not json at all");
        assert_eq!(store.take_problems().len(), 1);
    }

    #[test]
    fn a_newer_safety_plan_file_is_never_overwritten() {
        let dir = tempfile::tempdir().expect("dir");
        let (store, _) = Store::open(dir.path()).expect("open");
        let peer = Uuid::new_v4();
        let folder = dir.path().join(SAFETY_PLANS_DIR);
        fs::create_dir_all(&folder).expect("dir");
        let file = folder.join(format!("{peer}.json"));
        fs::write(&file, br#"{"schema_version":9,"whatever":1}"#).expect("write");
        assert!(matches!(
            store.safety_plan(peer),
            Err(StoreError::NewerVersion { found: 9, .. })
        ));
        assert!(store.save_safety_plan(peer, plan("x"), t(0), None).is_err());
        assert_eq!(
            fs::read(&file).expect("read"),
            br#"{"schema_version":9,"whatever":1}"#
        );
    }

    #[test]
    fn a_read_only_store_saves_nothing() {
        let dir = tempfile::tempdir().expect("dir");
        drop(Store::open(dir.path()).expect("create"));
        let (store, _) = Store::open_read_only(dir.path()).expect("open");
        assert!(matches!(
            store.save_worksheet(&values_sheet()),
            Err(StoreError::OpenedReadOnly)
        ));
        assert!(matches!(
            store.save_safety_plan(Uuid::new_v4(), plan("x"), t(0), None),
            Err(StoreError::OpenedReadOnly)
        ));
        assert!(store.worksheets().is_empty());
    }
}
