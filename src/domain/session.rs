use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::check_in::CheckIn;
use super::goals::{GoalAddressed, StepStatus};
use super::group::Attendee;
use super::worksheets::SessionWorksheet;
use super::{DirectActivity, Peer, Stage, Summary, Timestamp};

/// How the session took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    InPerson,
    Phone,
    Video,
    Text,
    Group,
}

impl SessionKind {
    pub const ALL: [SessionKind; 5] = [
        SessionKind::InPerson,
        SessionKind::Phone,
        SessionKind::Video,
        SessionKind::Text,
        SessionKind::Group,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SessionKind::InPerson => "In person",
            SessionKind::Phone => "Phone",
            SessionKind::Video => "Video",
            SessionKind::Text => "Text",
            SessionKind::Group => "Group",
        }
    }
}

/// Entering a stage at a moment. A session's stage log is the list of these, in time order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageVisit {
    pub stage: Stage,
    pub entered_at: Timestamp,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flags {
    #[serde(default)]
    pub safety_concern: bool,
    #[serde(default)]
    pub follow_up_needed: bool,
}

/// An in-session tool the specialist opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToolUse {
    pub tool_id: String,
    pub first_opened_at: Timestamp,
    #[serde(default = "one")]
    pub times_opened: u32,
}

fn one() -> u32 {
    1
}

/// A later addition to a saved note. The original text is never changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    pub at: Timestamp,
    pub text: String,
}

/// Figures measured by the app, written when the session ends so documentation systems
/// can read them without re-deriving anything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measured {
    pub duration_seconds: i64,
    /// Seconds spent in each stage that was visited.
    pub stage_seconds: BTreeMap<Stage, i64>,
    pub tools_used: Vec<String>,
}

/// One one-on-one session and its note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub id: Uuid,
    pub peer_id: Uuid,
    /// The alias when the session took place; a later rename does not rewrite history.
    pub peer_alias: String,
    pub kind: SessionKind,
    pub started_at: Timestamp,
    #[serde(default)]
    pub ended_at: Option<Timestamp>,
    pub stage_log: Vec<StageVisit>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub flags: Flags,
    #[serde(default)]
    pub tools_used: Vec<ToolUse>,
    #[serde(default)]
    pub summary: Summary,
    #[serde(default)]
    pub measured: Option<Measured>,
    #[serde(default)]
    pub amendments: Vec<Amendment>,
    /// Tools filled in during the session (one per tool), part of the note.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub worksheets: Vec<SessionWorksheet>,
    /// Minutes given to each direct activity, when the specialist set them. Empty means the
    /// default: the whole duration split evenly over the activities chosen.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub activity_minutes: BTreeMap<DirectActivity, u32>,
    /// When the note was read back with the peer, and what they added in their own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_back: Option<ReadBack>,
    /// The peer's goals this session worked on, with the progress marked and the peer's
    /// words, so the note ties to the peer's own goals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals_addressed: Vec<GoalAddressed>,
    /// Next steps of the peer's goals whose status this session changed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps_reviewed: Vec<StepReviewed>,
    /// A group session's name or topic (empty for a one-on-one).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub group_name: String,
    /// Who attended a group session: see [`super::group`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<Attendee>,
    /// The peer's life-area check-in, when they chose to do one (never required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_in: Option<CheckIn>,
}

/// The note was read back with the peer (collaborative documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadBack {
    pub at: Timestamp,
    /// The peer's corrections or comments, in their words.
    #[serde(default)]
    pub comments: Vec<PeerComment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerComment {
    pub at: Timestamp,
    pub text: String,
}

/// A next step reviewed in a session: which one, in the words of the time, and its new status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepReviewed {
    pub goal_id: Uuid,
    pub step_id: Uuid,
    pub what: String,
    pub status: StepStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error("this session has already ended")]
    AlreadyEnded,
    #[error("an amendment needs some text")]
    EmptyAmendment,
    #[error("only an ended session can be amended")]
    NotEnded,
}

impl Session {
    /// Starts a session in the Connecting stage: connecting is task one in every meeting.
    pub fn start(peer: &Peer, kind: SessionKind, now: Timestamp) -> Session {
        Session::start_for(peer.id, &peer.alias, kind, now)
    }

    /// [`Session::start`] from the peer's id and alias.
    pub fn start_for(peer_id: Uuid, alias: &str, kind: SessionKind, now: Timestamp) -> Session {
        Session {
            id: Uuid::new_v4(),
            peer_id,
            peer_alias: alias.to_string(),
            kind,
            started_at: now,
            ended_at: None,
            stage_log: vec![StageVisit {
                stage: Stage::Connecting,
                entered_at: now,
            }],
            notes: String::new(),
            flags: Flags::default(),
            tools_used: Vec::new(),
            summary: Summary::default(),
            measured: None,
            amendments: Vec::new(),
            worksheets: Vec::new(),
            activity_minutes: BTreeMap::new(),
            read_back: None,
            goals_addressed: Vec::new(),
            steps_reviewed: Vec::new(),
            group_name: String::new(),
            attendees: Vec::new(),
            check_in: None,
        }
    }

    pub fn current_stage(&self) -> Stage {
        self.stage_log
            .last()
            .map(|v| v.stage)
            .unwrap_or(Stage::Connecting)
    }

    pub fn is_ended(&self) -> bool {
        self.ended_at.is_some()
    }

    /// Moves to `stage`. Re-entering the current stage records nothing.
    pub fn enter_stage(&mut self, stage: Stage, now: Timestamp) -> Result<(), SessionError> {
        if self.is_ended() {
            return Err(SessionError::AlreadyEnded);
        }
        if self.current_stage() != stage {
            self.stage_log.push(StageVisit {
                stage,
                entered_at: now,
            });
        }
        Ok(())
    }

    pub fn record_tool(&mut self, tool_id: &str, now: Timestamp) {
        match self.tools_used.iter_mut().find(|t| t.tool_id == tool_id) {
            Some(t) => t.times_opened = t.times_opened.saturating_add(1),
            None => self.tools_used.push(ToolUse {
                tool_id: tool_id.to_string(),
                first_opened_at: now,
                times_opened: 1,
            }),
        }
    }

    /// Seconds since the start, up to `now` or the end.
    pub fn elapsed_seconds(&self, now: Timestamp) -> i64 {
        let end = self.ended_at.unwrap_or(now);
        (end - self.started_at).num_seconds().max(0)
    }

    /// Seconds spent in each stage, up to `now` for a running session. Clock jumps
    /// backwards count as zero rather than negative time.
    pub fn stage_seconds(&self, now: Timestamp) -> BTreeMap<Stage, i64> {
        let end = self.ended_at.unwrap_or(now);
        let mut out = BTreeMap::new();
        for (i, visit) in self.stage_log.iter().enumerate() {
            let until = self
                .stage_log
                .get(i + 1)
                .map(|v| v.entered_at)
                .unwrap_or(end);
            let secs = (until - visit.entered_at).num_seconds().max(0);
            *out.entry(visit.stage).or_insert(0) += secs;
        }
        out
    }

    /// Ends the session and records what was measured.
    pub fn finish(&mut self, now: Timestamp) -> Result<(), SessionError> {
        if self.is_ended() {
            return Err(SessionError::AlreadyEnded);
        }
        let end = if now < self.started_at {
            self.started_at
        } else {
            now
        };
        self.ended_at = Some(end);
        self.measured = Some(Measured {
            duration_seconds: self.elapsed_seconds(end),
            stage_seconds: self.stage_seconds(end),
            tools_used: self.tools_used.iter().map(|t| t.tool_id.clone()).collect(),
        });
        Ok(())
    }

    /// Adds an amendment to an ended session, leaving the original untouched.
    pub fn amend(&mut self, text: &str, now: Timestamp) -> Result<(), SessionError> {
        if !self.is_ended() {
            return Err(SessionError::NotEnded);
        }
        let text = text.trim();
        if text.is_empty() {
            return Err(SessionError::EmptyAmendment);
        }
        self.amendments.push(Amendment {
            at: now,
            text: text.to_string(),
        });
        Ok(())
    }

    /// Adds a filled tool to the note, replacing the one kept for the same tool.
    pub fn put_worksheet(&mut self, worksheet: SessionWorksheet) {
        match self
            .worksheets
            .iter_mut()
            .find(|w| w.tool_id == worksheet.tool_id)
        {
            Some(w) => *w = worksheet,
            None => self.worksheets.push(worksheet),
        }
    }

    /// Whole minutes of the session, rounded to the nearest minute.
    pub fn duration_minutes(&self) -> u32 {
        let secs = match (&self.measured, self.ended_at) {
            (Some(m), _) => m.duration_seconds,
            (None, Some(end)) => self.elapsed_seconds(end),
            (None, None) => 0,
        };
        u32::try_from((secs.max(0) + 30) / 60).unwrap_or(u32::MAX)
    }

    /// Minutes per direct activity: the ones set for this session, or else the whole
    /// duration split evenly over the activities chosen (earlier ones take the leftover
    /// minutes), so the minutes always add up to the duration.
    pub fn minutes_by_activity(&self) -> BTreeMap<DirectActivity, u32> {
        if !self.activity_minutes.is_empty() {
            return self
                .activity_minutes
                .iter()
                .filter(|(_, m)| **m > 0)
                .map(|(a, m)| (*a, *m))
                .collect();
        }
        split_evenly(self.duration_minutes(), &self.summary.activities)
    }

    /// All free text of the note (notes, summary, amendments, worksheets), for search.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.notes.as_str())
            .chain(self.summary.texts())
            .chain(self.amendments.iter().map(|a| a.text.as_str()))
            .chain(self.worksheets.iter().flat_map(|w| w.sheet.texts()))
            .chain(self.goals_addressed.iter().map(|g| g.their_words.as_str()))
            .chain(std::iter::once(self.group_name.as_str()))
            .chain(self.attendee_texts())
            .chain(
                self.check_in
                    .iter()
                    .flat_map(|c| c.ratings.iter().map(|r| &*r.why)),
            )
    }
}

/// `total` minutes spread over `activities`, the first ones taking one more minute each
/// until the remainder is used up.
pub fn split_evenly(total: u32, activities: &[DirectActivity]) -> BTreeMap<DirectActivity, u32> {
    let mut out = BTreeMap::new();
    let n = activities.len() as u32;
    if n == 0 {
        return out;
    }
    let (each, rest) = (total / n, total % n);
    for (i, a) in activities.iter().enumerate() {
        let m = each + u32::from((i as u32) < rest);
        *out.entry(*a).or_insert(0) += m;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn t(min: i64) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-01-05T10:00:00-05:00").expect("time")
            + Duration::minutes(min)
    }

    fn session() -> Session {
        let peer = Peer::new("JD", t(0)).expect("peer");
        Session::start(&peer, SessionKind::InPerson, t(0))
    }

    #[test]
    fn starts_in_connecting_with_the_peer_alias() {
        let s = session();
        assert_eq!(s.current_stage(), Stage::Connecting);
        assert_eq!(s.peer_alias, "JD");
        assert!(!s.is_ended());
    }

    #[test]
    fn stage_time_adds_up_across_revisits() {
        let mut s = session();
        s.enter_stage(Stage::Exploring, t(10)).expect("ok");
        s.enter_stage(Stage::Exploring, t(12))
            .expect("same stage is a no-op");
        s.enter_stage(Stage::Connecting, t(20)).expect("ok");
        s.enter_stage(Stage::Planning, t(25)).expect("ok");
        s.finish(t(45)).expect("ok");
        let m = s.measured.clone().expect("measured");
        assert_eq!(m.duration_seconds, 45 * 60);
        assert_eq!(m.stage_seconds[&Stage::Connecting], 15 * 60);
        assert_eq!(m.stage_seconds[&Stage::Exploring], 10 * 60);
        assert_eq!(m.stage_seconds[&Stage::Planning], 20 * 60);
        assert_eq!(m.stage_seconds.values().sum::<i64>(), m.duration_seconds);
        assert_eq!(s.stage_log.len(), 4);
    }

    #[test]
    fn an_ended_session_cannot_change_stage_or_end_twice() {
        let mut s = session();
        s.finish(t(5)).expect("ok");
        assert_eq!(
            s.enter_stage(Stage::Planning, t(6)),
            Err(SessionError::AlreadyEnded)
        );
        assert_eq!(s.finish(t(7)), Err(SessionError::AlreadyEnded));
    }

    #[test]
    fn clock_going_backwards_never_gives_negative_time() {
        let mut s = session();
        s.enter_stage(Stage::Exploring, t(-5)).expect("ok");
        s.finish(t(-10)).expect("ok");
        let m = s.measured.expect("measured");
        assert_eq!(m.duration_seconds, 0);
        assert!(m.stage_seconds.values().all(|v| *v >= 0));
    }

    #[test]
    fn amendments_keep_the_original_and_need_text() {
        let mut s = session();
        s.notes = "original".into();
        assert_eq!(s.amend("later", t(1)), Err(SessionError::NotEnded));
        s.finish(t(30)).expect("ok");
        assert_eq!(s.amend("   ", t(31)), Err(SessionError::EmptyAmendment));
        s.amend("called back, all well", t(60)).expect("ok");
        assert_eq!(s.notes, "original");
        assert_eq!(s.amendments.len(), 1);
        assert_eq!(s.amendments[0].at, t(60));
    }

    #[test]
    fn tools_are_recorded_once_with_a_count() {
        let mut s = session();
        s.record_tool("oars", t(1));
        s.record_tool("oars", t(2));
        s.record_tool("ask_share_ask", t(3));
        assert_eq!(s.tools_used.len(), 2);
        assert_eq!(s.tools_used[0].times_opened, 2);
        assert_eq!(s.tools_used[0].first_opened_at, t(1));
    }

    #[test]
    fn activity_minutes_default_to_an_even_split_of_the_duration() {
        let mut s = session();
        s.summary.activities = vec![
            DirectActivity::ExperientialSharing,
            DirectActivity::Advocacy,
            DirectActivity::ConnectingToResources,
        ];
        s.finish(t(50)).expect("ok");
        let m = s.minutes_by_activity();
        assert_eq!(m.values().sum::<u32>(), 50);
        assert_eq!(m[&DirectActivity::ExperientialSharing], 17);
        assert_eq!(m[&DirectActivity::Advocacy], 17);
        assert_eq!(m[&DirectActivity::ConnectingToResources], 16);
        s.activity_minutes = BTreeMap::from([(DirectActivity::Advocacy, 40)]);
        assert_eq!(
            s.minutes_by_activity(),
            BTreeMap::from([(DirectActivity::Advocacy, 40)])
        );
        assert!(split_evenly(30, &[]).is_empty());
    }

    #[test]
    fn a_session_file_without_the_new_fields_reads_with_defaults() {
        let mut s = session();
        s.finish(t(10)).expect("ok");
        let json = serde_json::to_string(&s).expect("json");
        assert!(!json.contains("activity_minutes") && !json.contains("read_back"));
        let back: Session = serde_json::from_str(&json).expect("parse");
        assert!(back.activity_minutes.is_empty() && back.read_back.is_none());
    }

    #[test]
    fn json_round_trip_keeps_every_field() {
        let mut s = session();
        s.notes = "talked about work".into();
        s.flags.follow_up_needed = true;
        s.record_tool("oars", t(1));
        s.finish(t(30)).expect("ok");
        let json = serde_json::to_string(&s).expect("json");
        let back: Session = serde_json::from_str(&json).expect("parse");
        assert_eq!(back, s);
        assert!(json.contains("\"started_at\":\"2026-01-05T10:00:00-05:00\""));
    }
}
