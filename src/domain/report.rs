//! Time reports for a supervisor: hours by activity (direct from sessions, indirect from the
//! activity log), sessions by kind, peers seen and new, goals and next steps, over a range of
//! days. Pure arithmetic over small per-session facts, so a year of sessions adds up in
//! well under a millisecond per thousand.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::activity_log::{ActivityEntry, IndirectActivity};
use super::progress::goals_addressed;
use super::{DirectActivity, Session, SessionKind, Timestamp};

/// What a report needs from one session, small enough to keep in the session index.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionFacts {
    /// Minutes per direct activity (set by hand, or the even split of the duration).
    #[serde(default)]
    pub activity_minutes: super::ActivityMinutes,
    /// Goals the session worked on.
    #[serde(default, deserialize_with = "count_up_to_u16")]
    pub goals: u16,
    /// Of those, goals recorded as achieved.
    #[serde(default, deserialize_with = "count_up_to_u16")]
    pub goals_achieved: u16,
    /// Next steps agreed.
    #[serde(default, deserialize_with = "count_up_to_u16")]
    pub next_steps: u16,
    /// Next steps recorded as done.
    #[serde(default, deserialize_with = "count_up_to_u16")]
    pub next_steps_done: u16,
    /// The note was read back with the peer.
    #[serde(default)]
    pub read_back: bool,
    /// Who attended, for a group session: the group counts once for the specialist's time
    /// and once for each attendee's attendance.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub attendees: Box<[Uuid]>,
}

impl SessionFacts {
    pub fn of(s: &Session) -> SessionFacts {
        let goals = goals_addressed(s);
        let achieved = goals
            .iter()
            .filter(|g| {
                g.progress.as_deref().is_some_and(|p| {
                    let p = p.trim();
                    p.eq_ignore_ascii_case("achieved")
                        || p.eq_ignore_ascii_case(super::goals::Progress::Done.label())
                })
            })
            .count();
        let steps = s.summary.goals.iter().flat_map(|g| &g.next_steps);
        SessionFacts {
            activity_minutes: s.minutes_by_activity().into(),
            goals: small_count(goals.len()),
            goals_achieved: small_count(achieved),
            next_steps: small_count(steps.clone().count()),
            // Steps ticked in the summary, and steps of the peer's goals this session marked done.
            next_steps_done: small_count(
                steps.filter(|st| st.done).count()
                    + s.steps_reviewed
                        .iter()
                        .filter(|r| r.status == super::goals::StepStatus::Done)
                        .count(),
            ),
            read_back: s.read_back.is_some(),
            attendees: s.attendees.iter().map(|a| a.peer_id).collect(),
        }
    }
}

/// Counts are kept in 16 bits (a hundred thousand indexed sessions each hold four); no
/// session has 65,535 goals, and a larger number read from a file stops there.
fn small_count(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn count_up_to_u16<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    u64::deserialize(d).map(|n| u16::try_from(n).unwrap_or(u16::MAX))
}

/// One session as a report reads it.
#[derive(Debug, Clone, Copy)]
pub struct SessionRow<'a> {
    pub id: Uuid,
    pub peer_id: Uuid,
    pub kind: SessionKind,
    pub started_at: Timestamp,
    pub minutes: u32,
    pub facts: &'a SessionFacts,
}

/// A range of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DayRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RangeError {
    #[error("--from {from} is after --to {to}: give the earlier day first")]
    Backwards { from: NaiveDate, to: NaiveDate },
    #[error("a report covers at most 10 years")]
    TooLong,
}

impl DayRange {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<DayRange, RangeError> {
        if from > to {
            return Err(RangeError::Backwards { from, to });
        }
        if (to - from).num_days() > 3660 {
            return Err(RangeError::TooLong);
        }
        Ok(DayRange { from, to })
    }

    /// Monday to Sunday of the week holding `day`.
    pub fn week_of(day: NaiveDate) -> DayRange {
        let from = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
        DayRange {
            from,
            to: from + Duration::days(6),
        }
    }

    /// The calendar month holding `day`.
    pub fn month_of(day: NaiveDate) -> DayRange {
        let from = day.with_day(1).unwrap_or(day);
        let next = if from.month() == 12 {
            NaiveDate::from_ymd_opt(from.year() + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(from.year(), from.month() + 1, 1)
        };
        DayRange {
            from,
            to: next.map(|n| n - Duration::days(1)).unwrap_or(from),
        }
    }

    /// The calendar year holding `day`.
    pub fn year_of(day: NaiveDate) -> DayRange {
        let y = day.year();
        DayRange {
            from: NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(day),
            to: NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(day),
        }
    }

    pub fn days(&self) -> u32 {
        u32::try_from((self.to - self.from).num_days() + 1).unwrap_or(0)
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }
}

/// Field averages: minutes per day spent on each activity, by activity id.
pub type FieldAverages = BTreeMap<String, u32>;

/// A report over a range of days. Minutes are whole minutes; maps are keyed by activity id
/// (or session kind) and list only what occurred, except the averages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: u32,
    pub sessions: u32,
    /// Sum of the sessions' durations.
    pub session_minutes: u32,
    pub sessions_by_kind: BTreeMap<String, u32>,
    pub peers_seen: u32,
    /// Peers whose first session ever falls in the range.
    pub new_peers: u32,
    /// Minutes per direct activity, from sessions.
    pub direct_minutes: BTreeMap<String, u32>,
    /// Minutes per indirect activity, from the activity log.
    pub indirect_minutes: BTreeMap<String, u32>,
    pub direct_total: u32,
    pub indirect_total: u32,
    pub goals_addressed: u32,
    pub goals_achieved: u32,
    pub next_steps_agreed: u32,
    pub next_steps_done: u32,
    /// Sessions whose note was read back with the peer.
    pub read_back_with_peer: u32,
    /// The field averages scaled to the days in the range, in minutes, by activity id.
    pub field_average_minutes: BTreeMap<String, u32>,
    /// Places taken in group sessions: each attendee of each group counts once.
    pub group_attendances: u32,
    /// Group sessions each peer attended, by peer id (no aliases in reports).
    pub group_attendance_by_peer: BTreeMap<Uuid, u32>,
}

/// Adds up `sessions` and `log` over `range`. `first_seen` holds each peer's first session
/// day across all records (for "new peers").
pub fn build<'a>(
    range: DayRange,
    sessions: impl IntoIterator<Item = SessionRow<'a>>,
    first_seen: &HashMap<Uuid, NaiveDate>,
    log: &[ActivityEntry],
    averages: &FieldAverages,
) -> Report {
    let mut r = Report {
        from: range.from,
        to: range.to,
        days: range.days(),
        sessions: 0,
        session_minutes: 0,
        sessions_by_kind: BTreeMap::new(),
        peers_seen: 0,
        new_peers: 0,
        direct_minutes: BTreeMap::new(),
        indirect_minutes: BTreeMap::new(),
        direct_total: 0,
        indirect_total: 0,
        goals_addressed: 0,
        goals_achieved: 0,
        next_steps_agreed: 0,
        next_steps_done: 0,
        read_back_with_peer: 0,
        field_average_minutes: BTreeMap::new(),
        group_attendances: 0,
        group_attendance_by_peer: BTreeMap::new(),
    };
    let mut direct: BTreeMap<DirectActivity, u32> = BTreeMap::new();
    let mut peers: HashSet<Uuid> = HashSet::new();
    for s in sessions {
        if !range.contains(s.started_at.date_naive()) {
            continue;
        }
        r.sessions += 1;
        r.session_minutes = r.session_minutes.saturating_add(s.minutes);
        *r.sessions_by_kind
            .entry(kind_id(s.kind).to_string())
            .or_insert(0) += 1;
        if !s.peer_id.is_nil() {
            peers.insert(s.peer_id);
        }
        for p in &s.facts.attendees {
            peers.insert(*p);
            r.group_attendances += 1;
            *r.group_attendance_by_peer.entry(*p).or_insert(0) += 1;
        }
        for (a, m) in s.facts.activity_minutes.iter() {
            let slot = direct.entry(a).or_insert(0);
            *slot = slot.saturating_add(m);
        }
        r.goals_addressed += u32::from(s.facts.goals);
        r.goals_achieved += u32::from(s.facts.goals_achieved);
        r.next_steps_agreed += u32::from(s.facts.next_steps);
        r.next_steps_done += u32::from(s.facts.next_steps_done);
        r.read_back_with_peer += u32::from(s.facts.read_back);
    }
    r.peers_seen = count(peers.len());
    r.new_peers = count(
        peers
            .iter()
            .filter(|p| first_seen.get(p).is_some_and(|d| range.contains(*d)))
            .count(),
    );
    let mut indirect: BTreeMap<IndirectActivity, u32> = BTreeMap::new();
    for e in log.iter().filter(|e| range.contains(e.date)) {
        let slot = indirect.entry(e.activity).or_insert(0);
        *slot = slot.saturating_add(e.minutes);
    }
    r.direct_total = direct.values().fold(0u32, |a, b| a.saturating_add(*b));
    r.indirect_total = indirect.values().fold(0u32, |a, b| a.saturating_add(*b));
    r.direct_minutes = direct
        .into_iter()
        .map(|(a, m)| (a.id().to_string(), m))
        .collect();
    r.indirect_minutes = indirect
        .into_iter()
        .map(|(a, m)| (a.id().to_string(), m))
        .collect();
    r.field_average_minutes = averages
        .iter()
        .map(|(id, per_day)| (id.clone(), per_day.saturating_mul(r.days)))
        .collect();
    r
}

/// The first day each peer had a session.
pub fn first_seen<'a>(rows: impl IntoIterator<Item = SessionRow<'a>>) -> HashMap<Uuid, NaiveDate> {
    let mut out: HashMap<Uuid, NaiveDate> = HashMap::new();
    for s in rows {
        let d = s.started_at.date_naive();
        let served = std::iter::once(s.peer_id)
            .filter(|p| !p.is_nil())
            .chain(s.facts.attendees.iter().copied());
        for p in served {
            out.entry(p).and_modify(|x| *x = (*x).min(d)).or_insert(d);
        }
    }
    out
}

/// The id of a session kind in reports.
pub fn kind_id(kind: SessionKind) -> &'static str {
    match kind {
        SessionKind::InPerson => "in_person",
        SessionKind::Phone => "phone",
        SessionKind::Video => "video",
        SessionKind::Text => "text",
        SessionKind::Group => "group",
    }
}

/// A label for an activity id (direct or indirect), or the id itself.
pub fn activity_label(id: &str) -> String {
    DirectActivity::from_id(id)
        .map(|a| a.label().to_string())
        .or_else(|| IndirectActivity::from_id(id).map(|a| a.label().to_string()))
        .unwrap_or_else(|| id.to_string())
}

/// "12 h 05 min" style hours for a number of minutes.
pub fn hours(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_from_a_file_stop_at_the_largest_kept() {
        let f: SessionFacts =
            serde_json::from_str(r#"{"goals": 70000, "next_steps": 3}"#).expect("decode");
        assert_eq!((f.goals, f.next_steps), (u16::MAX, 3));
        assert_eq!(
            serde_json::to_string(&f).expect("encode"),
            r#"{"activity_minutes":{},"goals":65535,"goals_achieved":0,"next_steps":3,"next_steps_done":0,"read_back":false}"#
        );
    }
    use crate::domain::activity_log::ActivityEntry;

    fn at(day: &str) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339(&format!("{day}T10:00:00-05:00")).expect("time")
    }

    fn d(day: &str) -> NaiveDate {
        NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn ranges_weeks_months_and_bad_input() {
        let w = DayRange::week_of(d("2026-03-04"));
        assert_eq!(
            (w.from, w.to, w.days()),
            (d("2026-03-02"), d("2026-03-08"), 7)
        );
        let m = DayRange::month_of(d("2024-02-10"));
        assert_eq!(
            (m.from, m.to, m.days()),
            (d("2024-02-01"), d("2024-02-29"), 29)
        );
        assert_eq!(DayRange::month_of(d("2026-12-31")).to, d("2026-12-31"));
        assert_eq!(DayRange::year_of(d("2026-06-01")).days(), 365);
        assert!(matches!(
            DayRange::new(d("2026-03-05"), d("2026-03-01")),
            Err(RangeError::Backwards { .. })
        ));
    }

    #[test]
    fn totals_are_the_sums_of_the_records_in_range() {
        let (p1, p2) = (Uuid::new_v4(), Uuid::new_v4());
        let f1 = SessionFacts {
            activity_minutes: BTreeMap::from([
                (DirectActivity::Advocacy, 20),
                (DirectActivity::ExperientialSharing, 25),
            ])
            .into(),
            goals: 2,
            goals_achieved: 1,
            next_steps: 3,
            next_steps_done: 1,
            read_back: true,
            attendees: Box::default(),
        };
        let f2 = SessionFacts {
            activity_minutes: BTreeMap::from([(DirectActivity::Advocacy, 30)]).into(),
            ..SessionFacts::default()
        };
        let row = |peer, day: &str, minutes, facts| SessionRow {
            id: Uuid::new_v4(),
            peer_id: peer,
            kind: SessionKind::Phone,
            started_at: at(day),
            minutes,
            facts,
        };
        let rows = [
            row(p1, "2026-02-20", 45, &f1),
            row(p1, "2026-03-02", 45, &f1),
            row(p2, "2026-03-03", 30, &f2),
            row(p2, "2026-04-01", 30, &f2),
        ];
        let log = vec![ActivityEntry {
            id: Uuid::new_v4(),
            date: d("2026-03-10"),
            minutes: 50,
            activity: IndirectActivity::SupervisionTraining,
            peer_id: None,
            peer_alias: None,
            note: String::new(),
            logged_at: at("2026-03-10"),
        }];
        let averages = FieldAverages::from([("advocacy".to_string(), 36)]);
        let range = DayRange::month_of(d("2026-03-15"));
        let seen = first_seen(rows.iter().copied());
        let r = build(range, rows.iter().copied(), &seen, &log, &averages);
        assert_eq!(r.sessions, 2);
        assert_eq!(r.session_minutes, 75);
        assert_eq!(r.direct_minutes["advocacy"], 50);
        assert_eq!(r.direct_minutes["experiential_sharing"], 25);
        assert_eq!(r.direct_total, r.direct_minutes.values().sum::<u32>());
        assert_eq!(r.indirect_minutes["supervision_training"], 50);
        assert_eq!(r.indirect_total, 50);
        assert_eq!((r.peers_seen, r.new_peers), (2, 1));
        assert_eq!((r.goals_addressed, r.goals_achieved), (2, 1));
        assert_eq!((r.next_steps_agreed, r.next_steps_done), (3, 1));
        assert_eq!(r.read_back_with_peer, 1);
        assert_eq!(r.sessions_by_kind["phone"], 2);
        // 0.6 h a day over 31 days.
        assert_eq!(r.field_average_minutes["advocacy"], 1116);
    }

    #[test]
    fn a_group_counts_its_minutes_once_and_each_attendee_once() {
        let (a, b, c) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        let group = SessionFacts {
            activity_minutes: BTreeMap::from([(DirectActivity::GroupFacilitation, 90)]).into(),
            attendees: vec![a, b, c].into(),
            ..SessionFacts::default()
        };
        let one = SessionFacts {
            attendees: vec![a].into(),
            ..SessionFacts::default()
        };
        let row = |minutes, facts| SessionRow {
            id: Uuid::new_v4(),
            peer_id: Uuid::nil(),
            kind: SessionKind::Group,
            started_at: at("2026-03-03"),
            minutes,
            facts,
        };
        let rows = [row(90, &group), row(60, &one)];
        let range = DayRange::month_of(d("2026-03-15"));
        let seen = first_seen(rows.iter().copied());
        let r = build(
            range,
            rows.iter().copied(),
            &seen,
            &[],
            &FieldAverages::new(),
        );
        assert_eq!((r.sessions, r.session_minutes), (2, 150));
        assert_eq!(r.direct_total, 90, "group minutes counted once");
        assert_eq!((r.peers_seen, r.new_peers), (3, 3));
        assert_eq!(r.group_attendances, 4);
        assert_eq!(r.group_attendance_by_peer[&a], 2);
        assert_eq!(r.group_attendance_by_peer[&c], 1);
        assert_eq!(r.sessions_by_kind["group"], 2);
    }
}
