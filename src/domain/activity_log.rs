//! The activity log: indirect work (team communication, administration, supervision...)
//! logged by hand with its minutes, so reports can show the whole of the role, not only
//! sessions.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Timestamp;

/// Minutes in a day: no day can hold more logged time than this.
pub const DAY_MINUTES: u32 = 24 * 60;

/// Indirect peer support activities: the work around sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndirectActivity {
    TeamCommunication,
    Administration,
    InformationGathering,
    GroupPlanning,
    ReceivingSupport,
    EducationAwareness,
    SupervisionTraining,
}

impl IndirectActivity {
    pub const ALL: [IndirectActivity; 7] = [
        IndirectActivity::TeamCommunication,
        IndirectActivity::Administration,
        IndirectActivity::InformationGathering,
        IndirectActivity::GroupPlanning,
        IndirectActivity::ReceivingSupport,
        IndirectActivity::EducationAwareness,
        IndirectActivity::SupervisionTraining,
    ];

    pub fn label(self) -> &'static str {
        match self {
            IndirectActivity::TeamCommunication => "Team communication",
            IndirectActivity::Administration => "Administration",
            IndirectActivity::InformationGathering => "Information gathering and verification",
            IndirectActivity::GroupPlanning => "Group planning and development",
            IndirectActivity::ReceivingSupport => "Receiving support",
            IndirectActivity::EducationAwareness => "Education and awareness building",
            IndirectActivity::SupervisionTraining => "Supervision and training",
        }
    }

    /// The id used in files, reports and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            IndirectActivity::TeamCommunication => "team_communication",
            IndirectActivity::Administration => "administration",
            IndirectActivity::InformationGathering => "information_gathering",
            IndirectActivity::GroupPlanning => "group_planning",
            IndirectActivity::ReceivingSupport => "receiving_support",
            IndirectActivity::EducationAwareness => "education_awareness",
            IndirectActivity::SupervisionTraining => "supervision_training",
        }
    }

    pub fn from_id(id: &str) -> Option<IndirectActivity> {
        IndirectActivity::ALL.into_iter().find(|a| a.id() == id)
    }
}

/// One piece of indirect work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityEntry {
    pub id: Uuid,
    /// The day the work was done.
    pub date: NaiveDate,
    pub minutes: u32,
    pub activity: IndirectActivity,
    /// The peer it was for, when there was one (e.g. gathering information for them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_id: Option<Uuid>,
    /// The peer's alias at the time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peer_alias: Option<String>,
    #[serde(default)]
    pub note: String,
    pub logged_at: Timestamp,
}

/// Every logged activity, oldest day first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityLog {
    #[serde(default)]
    pub entries: Vec<ActivityEntry>,
}

/// Why an entry cannot be logged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActivityError {
    #[error("minutes must be more than 0")]
    NoMinutes,
    #[error("{0} minutes is more than a day (1440 minutes)")]
    OverADay(u32),
    #[error("that would make {total} minutes logged on {date}, more than a day holds")]
    DayFull { date: NaiveDate, total: u32 },
    #[error("a note is at most 500 characters")]
    NoteTooLong,
}

/// Reads typed minutes: `45`, `1h`, `1h30`, `1:30`, `90m`.
pub fn parse_minutes(input: &str) -> Result<u32, String> {
    let s = input.trim().to_lowercase().replace(' ', "");
    let bad = || {
        format!(
            "'{}' is not a number of minutes: use 45, 90m, 1h30 or 1:30",
            input.trim()
        )
    };
    if s.starts_with('-') {
        return Err("minutes cannot be negative".into());
    }
    let num = |t: &str| -> Result<u32, String> {
        if t.is_empty() {
            Ok(0)
        } else {
            t.parse::<u32>().map_err(|_| bad())
        }
    };
    let total = if let Some((h, m)) = s.split_once(':') {
        num(h)?.saturating_mul(60).saturating_add(num(m)?)
    } else if let Some((h, m)) = s.split_once('h') {
        num(h)?
            .saturating_mul(60)
            .saturating_add(num(m.trim_end_matches('m'))?)
    } else {
        let m = s.trim_end_matches("min").trim_end_matches('m');
        if m.is_empty() {
            return Err(bad());
        }
        num(m)?
    };
    Ok(total)
}

impl ActivityLog {
    /// Minutes logged on each day.
    pub fn minutes_by_day(&self) -> BTreeMap<NaiveDate, u32> {
        let mut out = BTreeMap::new();
        for e in &self.entries {
            *out.entry(e.date).or_insert(0) += e.minutes;
        }
        out
    }

    /// Adds an entry after checking its minutes and that its day does not overflow.
    /// `session_minutes_that_day` counts sessions on the same day.
    pub fn add(
        &mut self,
        entry: ActivityEntry,
        session_minutes_that_day: u32,
    ) -> Result<(), ActivityError> {
        if entry.minutes == 0 {
            return Err(ActivityError::NoMinutes);
        }
        if entry.minutes > DAY_MINUTES {
            return Err(ActivityError::OverADay(entry.minutes));
        }
        if entry.note.chars().count() > 500 {
            return Err(ActivityError::NoteTooLong);
        }
        let logged = self
            .entries
            .iter()
            .filter(|e| e.date == entry.date && e.id != entry.id)
            .map(|e| e.minutes)
            .sum::<u32>();
        let total = logged + session_minutes_that_day + entry.minutes;
        if total > DAY_MINUTES {
            return Err(ActivityError::DayFull {
                date: entry.date,
                total,
            });
        }
        match self.entries.iter_mut().find(|e| e.id == entry.id) {
            Some(e) => *e = entry,
            None => self.entries.push(entry),
        }
        self.entries.sort_by_key(|e| (e.date, e.logged_at));
        Ok(())
    }

    pub fn remove(&mut self, id: Uuid) -> bool {
        let before = self.entries.len();
        self.entries.retain(|e| e.id != id);
        self.entries.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(date: &str, minutes: u32) -> ActivityEntry {
        ActivityEntry {
            id: Uuid::new_v4(),
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date"),
            minutes,
            activity: IndirectActivity::Administration,
            peer_id: None,
            peer_alias: None,
            note: String::new(),
            logged_at: chrono::DateTime::parse_from_rfc3339("2026-03-02T09:00:00-05:00")
                .expect("time"),
        }
    }

    #[test]
    fn minutes_are_read_in_everyday_forms() {
        assert_eq!(parse_minutes("45"), Ok(45));
        assert_eq!(parse_minutes("90m"), Ok(90));
        assert_eq!(parse_minutes("1h30"), Ok(90));
        assert_eq!(parse_minutes("1h"), Ok(60));
        assert_eq!(parse_minutes("2:05"), Ok(125));
        assert!(parse_minutes("-5").is_err());
        assert!(parse_minutes("soon").is_err());
        assert!(parse_minutes("").is_err());
    }

    #[test]
    fn a_day_never_holds_more_than_24_hours() {
        let mut log = ActivityLog::default();
        assert_eq!(
            log.add(entry("2026-03-02", 0), 0),
            Err(ActivityError::NoMinutes)
        );
        assert_eq!(
            log.add(entry("2026-03-02", 1441), 0),
            Err(ActivityError::OverADay(1441))
        );
        log.add(entry("2026-03-02", 1000), 0).expect("fits");
        assert!(matches!(
            log.add(entry("2026-03-02", 400), 60),
            Err(ActivityError::DayFull { total: 1460, .. })
        ));
        log.add(entry("2026-03-03", 400), 60).expect("another day");
        assert_eq!(log.entries.len(), 2);
        assert_eq!(log.minutes_by_day().values().sum::<u32>(), 1400);
    }

    #[test]
    fn ids_round_trip() {
        for a in IndirectActivity::ALL {
            assert_eq!(IndirectActivity::from_id(a.id()), Some(a));
            let json = serde_json::to_string(&a).expect("json");
            assert_eq!(json, format!("\"{}\"", a.id()));
        }
    }
}
