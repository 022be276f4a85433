//! Group sessions and life-area check-ins in generated data: now and then a session is a
//! group of several peers (one joining late, one leaving early now and then), and some
//! one-on-ones carry a check-in whose ratings drift slowly for each peer.

use std::collections::HashMap;

use chrono::Duration as Span;
use uuid::Uuid;

use super::{Phrases, Rng};
use crate::content::life_areas::area_labels;
use crate::domain::check_in::{AreaRating, CheckIn};
use crate::domain::group::Attendee;
use crate::domain::{DirectActivity, NextStep, Peer, Session, SessionKind};

/// About one session in this many becomes a group.
const GROUP_EVERY: u64 = 12;
/// About one one-on-one in this many carries a check-in.
const CHECK_IN_EVERY: u64 = 3;

/// Turns some of `sessions` (oldest first) into groups and adds check-ins to others.
pub(super) fn add_groups_and_check_ins(
    rng: &mut Rng,
    ph: &Phrases,
    peers: &[Peer],
    sessions: &mut [Session],
) {
    let mut levels: HashMap<Uuid, Vec<i64>> = HashMap::new();
    let areas = area_labels();
    for s in sessions.iter_mut() {
        if peers.len() >= 3 && !ph.group_names.is_empty() && rng.below(GROUP_EVERY) == 0 {
            make_group(rng, ph, peers, s);
            continue;
        }
        if rng.below(CHECK_IN_EVERY) != 0 {
            continue;
        }
        let level = levels
            .entry(s.peer_id)
            .or_insert_with(|| areas.iter().map(|_| 0).collect());
        let mut ratings = Vec::new();
        for (i, area) in areas.iter().enumerate() {
            let slot = &mut level[i];
            *slot = if *slot == 0 {
                rng.range(3, 7)
            } else {
                (*slot + rng.range(-1, 1)).clamp(1, 10)
            };
            ratings.push(AreaRating::new(area, u8::try_from(*slot).unwrap_or(5), ""));
        }
        s.check_in = CheckIn::new(s.started_at + Span::minutes(5), ratings).ok();
    }
}

fn make_group(rng: &mut Rng, ph: &Phrases, peers: &[Peer], s: &mut Session) {
    let size = usize::try_from(rng.range(3, 5))
        .unwrap_or(3)
        .min(peers.len());
    let order = rng.order(peers.len());
    let end = s.ended_at.unwrap_or(s.started_at);
    s.kind = SessionKind::Group;
    s.peer_id = Uuid::nil();
    s.set_group_name(rng.pick(&ph.group_names));
    s.goals_addressed.clear();
    s.steps_reviewed.clear();
    s.summary.goals.clear();
    s.summary.what_matters.clear();
    s.summary.activities = vec![DirectActivity::GroupFacilitation];
    s.activity_minutes.clear();
    s.worksheets.clear();
    s.read_back = None;
    if !ph.group_discussed.is_empty() {
        s.summary.discussed = rng.pick(&ph.group_discussed).to_string();
    }
    s.attendees = order
        .into_iter()
        .take(size)
        .enumerate()
        .map(|(i, p)| {
            let peer = &peers[p];
            let mut a = Attendee::new(peer, s.started_at);
            if i == size - 1 && rng.chance(50) {
                a.joined_at = s.started_at + Span::minutes(10);
            }
            if i == 0 && rng.chance(25) {
                a.left_at = Some((end - Span::minutes(10)).max(a.joined_at));
            }
            if !ph.group_lines.is_empty() {
                a.line = rng.pick(&ph.group_lines).to_string();
            }
            if !ph.group_steps.is_empty() && rng.chance(50) {
                a.next_steps.push(NextStep {
                    what: rng.pick(&ph.group_steps).to_string(),
                    by_when: Some(s.started_at.date_naive() + Span::days(7)),
                    ..NextStep::default()
                });
            }
            a
        })
        .collect();
}
