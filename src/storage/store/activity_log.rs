//! The activity log (`activity_log.json`): indirect work logged by hand. Read when the
//! reports or the log open, saved whole and durably like everything else (sealed when the
//! folder is encrypted). An unreadable file is moved to quarantine before anything is saved
//! in its place, and a file from a newer version is never overwritten.

use serde::{Deserialize, Serialize};

use super::Store;
use crate::domain::activity_log::ActivityLog;
use crate::domain::report::{self, DayRange, FieldAverages, Report};
use crate::storage::error::StoreError;
use crate::storage::layout::ACTIVITY_LOG_FILE;
use crate::storage::problem::Problem;
use crate::storage::schema::{CURRENT_VERSION, FileKind, Versioned};

/// `activity_log.json`: `{"schema_version":1,"activity_log":{"entries":[...]}}`.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct ActivityLogFile {
    pub schema_version: u64,
    pub activity_log: ActivityLog,
}

#[derive(Serialize)]
struct ActivityLogFileRef<'a> {
    schema_version: u64,
    activity_log: &'a ActivityLog,
}

impl Versioned for ActivityLogFile {
    const KIND: FileKind = FileKind::ActivityLog;
    fn version(&self) -> u64 {
        self.schema_version
    }
}

impl Store {
    /// The activity log, empty when nothing was logged yet. An unreadable file is moved to
    /// quarantine (when writable) and reported, and an empty log comes back; a read-only
    /// store reports it as an error instead, so a report never passes an empty log off as
    /// the real one. A file from a newer version is an error and is left alone.
    pub fn activity_log(&self) -> Result<(ActivityLog, Vec<Problem>), StoreError> {
        self.load_record(ACTIVITY_LOG_FILE, |f: ActivityLogFile| f.activity_log)
    }

    /// A report over `range`: sessions from the index (no note file is opened) and the
    /// activity log, beside `averages` (minutes per day by activity id).
    pub fn report(&self, range: DayRange, averages: &FieldAverages) -> Result<Report, StoreError> {
        let (log, _) = self.activity_log()?;
        let rows = || self.sessions().iter().filter_map(|e| e.report_row());
        let first_seen = report::first_seen(rows());
        Ok(report::build(
            range,
            rows(),
            &first_seen,
            &log.entries,
            averages,
        ))
    }

    /// Saves the whole activity log durably.
    pub fn save_activity_log(&self, log: &ActivityLog) -> Result<(), StoreError> {
        self.save_record::<ActivityLogFile>(
            ACTIVITY_LOG_FILE,
            &ActivityLogFileRef {
                schema_version: CURRENT_VERSION,
                activity_log: log,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::os::unix::fs::PermissionsExt;

    use chrono::NaiveDate;
    use uuid::Uuid;

    use super::*;
    use crate::domain::activity_log::{ActivityEntry, IndirectActivity};

    fn entry() -> ActivityEntry {
        ActivityEntry {
            id: Uuid::new_v4(),
            date: NaiveDate::from_ymd_opt(2026, 3, 2).expect("date"),
            minutes: 30,
            activity: IndirectActivity::TeamCommunication,
            peer_id: None,
            peer_alias: None,
            note: "team huddle".into(),
            logged_at: chrono::DateTime::parse_from_rfc3339("2026-03-02T09:00:00-05:00")
                .expect("time"),
        }
    }

    #[test]
    fn the_log_is_saved_privately_and_read_back() {
        let dir = tempfile::tempdir().expect("dir");
        let (store, _) = Store::open(dir.path()).expect("open");
        assert!(store.activity_log().expect("read").0.entries.is_empty());
        let mut log = ActivityLog::default();
        log.add(entry(), 0).expect("add");
        store.save_activity_log(&log).expect("save");
        let file = dir.path().join(ACTIVITY_LOG_FILE);
        let mode = fs::metadata(&file).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let text = fs::read_to_string(&file).expect("read");
        assert!(text.contains("\"schema_version\": 1"));
        assert!(text.contains("\"team_communication\""));
        assert_eq!(store.activity_log().expect("read").0, log);
    }

    #[test]
    fn a_bad_log_is_quarantined_and_a_newer_one_never_overwritten() {
        let dir = tempfile::tempdir().expect("dir");
        let (store, _) = Store::open(dir.path()).expect("open");
        let file = dir.path().join(ACTIVITY_LOG_FILE);
        fs::write(&file, b"{\"schema_version\":1,\"activ").expect("write");
        let (log, problems) = store.activity_log().expect("quarantined");
        assert!(log.entries.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(
            dir.path()
                .join("quarantine")
                .join(ACTIVITY_LOG_FILE)
                .is_file()
        );

        fs::write(&file, br#"{"schema_version":9,"x":1}"#).expect("write");
        assert!(matches!(
            store.activity_log(),
            Err(StoreError::NewerVersion { found: 9, .. })
        ));
        assert!(store.save_activity_log(&ActivityLog::default()).is_err());
        assert_eq!(
            fs::read(&file).expect("read"),
            br#"{"schema_version":9,"x":1}"#
        );
    }
}
