//! Group sessions: one session the specialist facilitates for several peers at once. The
//! session keeps who attended (joining late and leaving early included), a short line the
//! specialist noted about each, and, from the end-of-session form, each attendee's own words
//! and next steps. Programs document each person served, so each attendee gets a progress
//! note of their own, with the group's shared parts and only their own lines.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Goal, NextStep, Peer, Session, SessionKind, Summary, Timestamp};

/// What a group session is called when no name or topic was given.
pub const UNNAMED_GROUP: &str = "Group";

/// A line the specialist noted about one attendee during the group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendeeLine {
    pub at: Timestamp,
    pub text: String,
}

/// One person who attended a group session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attendee {
    pub peer_id: Uuid,
    /// The alias at the time of the group; a later rename or archiving does not change it.
    pub peer_alias: String,
    pub joined_at: Timestamp,
    /// When they left before the end; absent when they stayed to the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_at: Option<Timestamp>,
    /// Lines noted about them during the group, in time order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub noted: Vec<AttendeeLine>,
    /// What they said at the end, in their own words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub line: String,
    /// Next steps they chose; they join the peer's goals and their due list.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub next_steps: Vec<NextStep>,
}

impl Attendee {
    pub fn new(peer: &Peer, joined_at: Timestamp) -> Attendee {
        Attendee {
            peer_id: peer.id,
            peer_alias: peer.alias.clone(),
            joined_at,
            left_at: None,
            noted: Vec::new(),
            line: String::new(),
            next_steps: Vec::new(),
        }
    }

    pub fn is_present(&self) -> bool {
        self.left_at.is_none()
    }

    /// Seconds they were in the group, up to `end` (or when they left).
    pub fn seconds(&self, end: Timestamp) -> i64 {
        let until = self.left_at.map_or(end, |l| l.min(end));
        (until - self.joined_at).num_seconds().max(0)
    }

    /// Their own texts, for search.
    fn texts(&self) -> impl Iterator<Item = &str> {
        self.noted
            .iter()
            .map(|l| l.text.as_str())
            .chain(std::iter::once(self.line.as_str()))
            .chain(self.next_steps.iter().map(|s| s.what.as_str()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GroupError {
    #[error(
        "a group session needs at least one attendee before it can be saved: go back to the session (Esc) and add one (a)"
    )]
    NoAttendees,
    #[error("that peer is already in this group")]
    AlreadyThere,
    #[error("a line about an attendee needs some text")]
    EmptyLine,
    #[error("no attendee is selected")]
    NoSuchAttendee,
    #[error("this is not a group session")]
    NotAGroup,
}

impl Session {
    /// Starts a group session: it belongs to no one peer, so its peer id is empty and its
    /// alias is the group's name; the attendees say whom it served.
    pub fn start_group(name: &str, attendees: &[&Peer], now: Timestamp) -> Session {
        let mut s = Session::start_for(Uuid::nil(), UNNAMED_GROUP, SessionKind::Group, now);
        s.set_group_name(name);
        s.attendees = attendees.iter().map(|p| Attendee::new(p, now)).collect();
        s
    }

    /// True for a group session with its own attendee list (a group session saved before
    /// attendees were kept has a single peer instead).
    pub fn is_group(&self) -> bool {
        self.kind == SessionKind::Group && (self.peer_id.is_nil() || !self.attendees.is_empty())
    }

    pub fn set_group_name(&mut self, name: &str) {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        self.group_name = name.clone();
        self.peer_alias = if name.is_empty() {
            UNNAMED_GROUP.to_string()
        } else {
            name
        };
    }

    /// True when the session served `peer`: their one-on-one, or a group they attended.
    pub fn involves(&self, peer: Uuid) -> bool {
        self.peer_id == peer || self.attendees.iter().any(|a| a.peer_id == peer)
    }

    /// Adds a peer who joins now. Someone who left and comes back is simply present again.
    pub fn join(&mut self, peer: &Peer, now: Timestamp) -> Result<(), GroupError> {
        if !self.is_group() {
            return Err(GroupError::NotAGroup);
        }
        match self.attendees.iter_mut().find(|a| a.peer_id == peer.id) {
            Some(a) if a.is_present() => Err(GroupError::AlreadyThere),
            Some(a) => {
                a.left_at = None;
                Ok(())
            }
            None => {
                self.attendees.push(Attendee::new(peer, now));
                Ok(())
            }
        }
    }

    /// The `index`-th attendee leaves now, or, if they had left, is back.
    pub fn toggle_left(&mut self, index: usize, now: Timestamp) -> Result<(), GroupError> {
        let a = self
            .attendees
            .get_mut(index)
            .ok_or(GroupError::NoSuchAttendee)?;
        a.left_at = match a.left_at {
            Some(_) => None,
            None => Some(now.max(a.joined_at)),
        };
        Ok(())
    }

    /// Notes a short line about the `index`-th attendee.
    pub fn note_attendee(
        &mut self,
        index: usize,
        text: &str,
        now: Timestamp,
    ) -> Result<(), GroupError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(GroupError::EmptyLine);
        }
        let a = self
            .attendees
            .get_mut(index)
            .ok_or(GroupError::NoSuchAttendee)?;
        a.noted.push(AttendeeLine {
            at: now,
            text: text.to_string(),
        });
        Ok(())
    }

    /// What must hold before a group session is saved.
    pub fn check_group(&self) -> Result<(), GroupError> {
        if self.is_group() && self.attendees.is_empty() {
            return Err(GroupError::NoAttendees);
        }
        Ok(())
    }

    /// Free texts of the attendees, for search.
    pub fn attendee_texts(&self) -> impl Iterator<Item = &str> {
        self.attendees
            .iter()
            .flat_map(|a| std::iter::once(a.peer_alias.as_str()).chain(a.texts()))
    }

    /// Seconds each attendee was there, by peer (for attendance in reports).
    pub fn attendance(&self) -> Vec<(Uuid, i64)> {
        let end = self.ended_at.unwrap_or(self.started_at);
        self.attendees
            .iter()
            .map(|a| (a.peer_id, a.seconds(end)))
            .collect()
    }
}

/// The group session as one attendee's own note: the group's shared parts (what was
/// discussed, activities, stages, tools, flags) with that attendee's time, lines, words and
/// next steps. The notes typed during the group and other attendees' lines are left out,
/// since they may speak of other people.
pub fn attendee_view(group: &Session, attendee: &Attendee) -> Session {
    let end = group.ended_at.unwrap_or(group.started_at);
    let until = attendee.left_at.map_or(end, |l| l.min(end));
    let mut s = group.clone();
    s.peer_id = attendee.peer_id;
    s.peer_alias = attendee.peer_alias.clone();
    s.started_at = attendee.joined_at.max(group.started_at).min(until);
    s.ended_at = group.ended_at.map(|_| until);
    if let Some(m) = s.measured.as_mut() {
        m.duration_seconds = attendee.seconds(end);
    }
    s.notes = attendee
        .noted
        .iter()
        .map(|l| format!("{} {}", l.at.format("%H:%M"), l.text))
        .collect::<Vec<_>>()
        .join("\n");
    let group_name = if group.group_name.is_empty() {
        UNNAMED_GROUP
    } else {
        group.group_name.as_str()
    };
    s.summary = Summary {
        what_matters: attendee.line.clone(),
        goals: if attendee.next_steps.is_empty() {
            Vec::new()
        } else {
            vec![Goal {
                in_their_words: group_name.to_string(),
                goal_id: None,
                next_steps: attendee.next_steps.clone(),
            }]
        },
        ..group.summary.clone()
    };
    // Minutes by hand were set for the group; each note splits its own time evenly.
    s.activity_minutes.clear();
    s.read_back = None;
    s.worksheets.clear();
    s.goals_addressed.clear();
    s.steps_reviewed.clear();
    s.attendees = vec![attendee.clone()];
    s
}

/// One note per attendee, in the order they joined.
pub fn attendee_views(group: &Session) -> Vec<Session> {
    let mut list: Vec<&Attendee> = group.attendees.iter().collect();
    list.sort_by_key(|a| a.joined_at);
    list.into_iter().map(|a| attendee_view(group, a)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn t(min: i64) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-01-06T18:00:00-05:00").expect("time")
            + Duration::minutes(min)
    }

    fn peer(alias: &str) -> Peer {
        Peer::new(alias, t(-100)).expect("peer")
    }

    #[test]
    fn a_group_of_three_with_a_late_joiner_and_an_early_leaver() {
        let (a, b, c) = (peer("AB"), peer("CD"), peer("EF"));
        let mut s = Session::start_group("  Tuesday   circle ", &[&a, &b], t(0));
        assert!(s.is_group() && s.peer_id.is_nil());
        assert_eq!(s.peer_alias, "Tuesday circle");
        s.join(&c, t(15)).expect("joins late");
        assert_eq!(s.join(&c, t(16)), Err(GroupError::AlreadyThere));
        s.toggle_left(0, t(50)).expect("leaves early");
        s.note_attendee(1, "spoke about the new job", t(20))
            .expect("noted");
        assert_eq!(s.note_attendee(1, "  ", t(21)), Err(GroupError::EmptyLine));
        s.finish(t(60)).expect("ends");
        let minutes: Vec<i64> = s.attendance().iter().map(|(_, secs)| secs / 60).collect();
        assert_eq!(minutes, vec![50, 60, 45]);
        assert!(s.involves(c.id) && !s.involves(Uuid::new_v4()));
        let views = attendee_views(&s);
        assert_eq!(views.len(), 3);
        assert_eq!(views[2].peer_alias, "EF");
        assert_eq!(views[2].started_at, t(15));
        assert_eq!(views[0].duration_minutes(), 50);
        assert_eq!(views[1].notes, "18:20 spoke about the new job");
        assert!(views[0].notes.is_empty(), "no one else's lines");
    }

    #[test]
    fn a_group_without_attendees_cannot_be_saved() {
        let s = Session::start_group("", &[], t(0));
        assert_eq!(s.peer_alias, UNNAMED_GROUP);
        assert_eq!(s.check_group(), Err(GroupError::NoAttendees));
        let one = Session::start(&peer("GH"), SessionKind::Group, t(0));
        assert!(!one.is_group(), "an older one-peer group session");
        assert_eq!(one.check_group(), Ok(()));
    }

    #[test]
    fn attendee_next_steps_become_their_note_goals() {
        let a = peer("AB");
        let mut s = Session::start_group("Walking group", &[&a], t(0));
        s.attendees[0].line = "I want to walk twice a week".into();
        s.attendees[0].next_steps.push(NextStep {
            what: "walk on Thursday".into(),
            ..NextStep::default()
        });
        s.summary.discussed = "Routines that help".into();
        s.finish(t(30)).expect("ends");
        let v = attendee_view(&s, &s.attendees[0]);
        assert_eq!(v.summary.what_matters, "I want to walk twice a week");
        assert_eq!(v.summary.discussed, "Routines that help");
        assert_eq!(v.summary.goals[0].in_their_words, "Walking group");
        assert_eq!(v.peer_id, a.id);
    }

    #[test]
    fn a_group_file_keeps_its_attendees_and_old_files_read_without_them() {
        let a = peer("AB");
        let mut s = Session::start_group("Art", &[&a], t(0));
        s.toggle_left(0, t(10)).expect("leaves");
        s.finish(t(20)).expect("ends");
        let json = serde_json::to_string(&s).expect("json");
        assert!(json.contains("\"attendees\"") && json.contains("\"left_at\""));
        let back: Session = serde_json::from_str(&json).expect("parse");
        assert_eq!(back, s);
        let single = Session::start(&a, SessionKind::InPerson, t(0));
        let json = serde_json::to_string(&single).expect("json");
        assert!(!json.contains("attendees") && !json.contains("group_name"));
    }
}
