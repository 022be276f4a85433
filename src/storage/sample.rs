//! Fictional demo and test data: peers known by aliases and ended sessions with notes,
//! summaries, goals, activities, some flags and some amendments. Deterministic from a seed,
//! phrased from `assets/demo.toml` (all invented).

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{Duration as Span, NaiveDate, NaiveTime, TimeZone};
use serde::Deserialize;
use uuid::Uuid;

use super::{Store, StoreError};
use crate::domain::goals::apply_session;
use crate::domain::{
    DirectActivity, Peer, Session, SessionKind, Stage, Timestamp, peer::check_unique_alias,
};

mod groups;
mod journeys;

const PHRASES: &str = include_str!("../../assets/demo.toml");

/// The seed `alongside demo` uses, so every demo shows the same people and notes.
pub const DEMO_SEED: u64 = 2026;
/// Peers in the demo folder.
pub const DEMO_PEERS: usize = 6;
/// Sessions in the demo folder.
pub const DEMO_SESSIONS: usize = 25;

/// What generation wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateReport {
    pub peers: usize,
    pub sessions: usize,
    pub elapsed: Duration,
}

/// Why generation failed.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the built-in demo phrases could not be read: {0}")]
    Phrases(String),
    #[error("sessions need at least one peer: use --peers 1 or more")]
    NoPeers,
}

/// Fills the data folder `dir` (created if needed) with `peers` new fictional peers and
/// `sessions` ended sessions spread over the months before a fixed date, the same for the
/// same seed. Existing data is kept; new aliases never clash with existing ones.
pub fn generate(
    dir: &Path,
    sessions: usize,
    peers: usize,
    seed: u64,
) -> Result<GenerateReport, GenerateError> {
    // A fixed anchor keeps output identical from day to day for the same seed.
    let until = chrono::DateTime::parse_from_rfc3339("2026-03-02T17:30:00-05:00")
        .map_err(|e| GenerateError::Phrases(e.to_string()))?;
    generate_until(dir, sessions, peers, seed, until)
}

/// Fills a fresh folder for `alongside demo`: [`DEMO_PEERS`] peers and [`DEMO_SESSIONS`]
/// sessions ending shortly before now, so "last seen" dates look current.
pub fn demo(dir: &Path) -> Result<GenerateReport, GenerateError> {
    let now = crate::domain::now();
    let report = generate_until(dir, DEMO_SESSIONS, DEMO_PEERS, DEMO_SEED, now)?;
    add_safety_plans(dir, now)?;
    Ok(report)
}

/// Gives each demo peer flagged with a safety concern a safety plan, saved a few weeks
/// before their latest flagged session, so the plan, its review date and Coming up show.
fn add_safety_plans(dir: &Path, now: Timestamp) -> Result<(), GenerateError> {
    let phrases: Phrases =
        toml::from_str(PHRASES).map_err(|e| GenerateError::Phrases(e.message().to_string()))?;
    let (store, _) = Store::open(dir)?;
    let mut done = std::collections::HashSet::new();
    for e in store.sessions() {
        if e.flags.safety_concern && done.insert(e.peer_id) {
            let saved_at = (e.started_at - Span::days(24)).min(now);
            store.save_safety_plan(e.peer_id, phrases.safety_plan.clone(), saved_at, None)?;
        }
    }
    Ok(())
}

/// [`generate`] with sessions placed in the months before `until`.
pub fn generate_until(
    dir: &Path,
    sessions: usize,
    peers: usize,
    seed: u64,
    until: Timestamp,
) -> Result<GenerateReport, GenerateError> {
    let started = Instant::now();
    if peers == 0 && sessions > 0 {
        return Err(GenerateError::NoPeers);
    }
    let phrases: Phrases =
        toml::from_str(PHRASES).map_err(|e| GenerateError::Phrases(e.message().to_string()))?;
    let mut rng = Rng::new(seed);
    let (mut store, _problems) = Store::open(dir)?;

    // Spread sessions over more days when there are more of them: about three a day at most.
    let span_days = i64::try_from(sessions / 3)
        .unwrap_or(i64::MAX)
        .clamp(45, 1500);
    let new_peers = make_peers(&mut rng, &phrases, store.peers(), peers, until, span_days)?;
    store.save_peers_bulk(&new_peers)?;

    let written = if sessions == 0 {
        0
    } else {
        // Each peer keeps to one area of life, so notes, topics and goals agree.
        let topics: Vec<usize> = new_peers
            .iter()
            .map(|_| usize::try_from(rng.below(phrases.topics.len() as u64)).unwrap_or(0))
            .collect();
        let mut made: Vec<Session> = (0..sessions)
            .map(|_| {
                // Some peers are seen far more often than others, as in real caseloads.
                let a = rng.below(new_peers.len() as u64);
                let b = rng.below(new_peers.len() as u64);
                let i = usize::try_from(a.min(b)).unwrap_or(0);
                make_session(
                    &mut rng,
                    &phrases,
                    &new_peers[i],
                    topics[i],
                    until,
                    span_days,
                )
            })
            .collect();
        made.sort_by_key(|s| (s.started_at, s.id));
        // Groups first: a group belongs to no one peer, so no goal is followed through it.
        groups::add_groups_and_check_ins(&mut rng, &phrases, &new_peers, &mut made);
        journeys::add_goal_work(&mut rng, &phrases, &new_peers, &topics, &mut made);
        let (mut book, _, _) = store.goal_book();
        for s in &made {
            apply_session(&mut book, s);
        }
        let written = store.save_sessions_bulk(made.into_iter())?;
        store.save_goal_book(&book)?;
        written
    };
    Ok(GenerateReport {
        peers: new_peers.len(),
        sessions: written,
        elapsed: started.elapsed(),
    })
}

#[derive(Debug, Deserialize)]
struct Phrases {
    aliases: Vec<String>,
    pronouns: Vec<String>,
    preferences: Vec<String>,
    openers: Vec<String>,
    closers: Vec<String>,
    strengths: Vec<String>,
    safety_notes: Vec<String>,
    amendments: Vec<String>,
    who: Vec<String>,
    progress_words: Vec<String>,
    safety_plan: crate::domain::worksheets::SafetyPlanSheet,
    tools: Vec<String>,
    topics: Vec<Topic>,
    #[serde(default)]
    group_names: Vec<String>,
    #[serde(default)]
    group_discussed: Vec<String>,
    #[serde(default)]
    group_lines: Vec<String>,
    #[serde(default)]
    group_steps: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Topic {
    #[allow(dead_code)]
    area: String,
    what_matters: Vec<String>,
    discussed: Vec<String>,
    notes: Vec<String>,
    goals: Vec<GoalPhrase>,
}

/// A goal in a peer's words with the steps that fit it.
#[derive(Debug, Deserialize)]
struct GoalPhrase {
    text: String,
    steps: Vec<String>,
}

fn make_peers(
    rng: &mut Rng,
    ph: &Phrases,
    existing: &[Peer],
    count: usize,
    until: Timestamp,
    span_days: i64,
) -> Result<Vec<Peer>, GenerateError> {
    let mut out: Vec<Peer> = Vec::with_capacity(count);
    let mut order: Vec<usize> = (0..ph.aliases.len()).collect();
    rng.shuffle(&mut order);
    let mut round = 1;
    let mut next = 0;
    while out.len() < count {
        if next == order.len() {
            next = 0;
            round += 1;
            if ph.aliases.is_empty() || round > 10_000 {
                return Err(GenerateError::Phrases("not enough aliases".into()));
            }
        }
        let base = &ph.aliases[order[next]];
        next += 1;
        let alias = if round == 1 {
            base.clone()
        } else {
            format!("{base} {round}")
        };
        if check_unique_alias(&alias, existing.iter().chain(out.iter()), None).is_err() {
            continue;
        }
        let days_before = span_days + rng.range(7, 120);
        let created = until - Span::days(days_before);
        let mut peer =
            Peer::new(&alias, created).map_err(|e| GenerateError::Phrases(e.to_string()))?;
        peer.id = rng.uuid();
        peer.set_pronouns(rng.pick(&ph.pronouns))
            .and_then(|()| peer.set_preferences(rng.pick(&ph.preferences)))
            .map_err(|e| GenerateError::Phrases(e.to_string()))?;
        out.push(peer);
    }
    Ok(out)
}

/// The stage paths a session commonly takes after Connecting.
const PATHS: &[&[Stage]] = &[
    &[Stage::Exploring],
    &[Stage::Exploring, Stage::Supporting],
    &[Stage::Exploring, Stage::Planning],
    &[Stage::Exploring, Stage::Supporting, Stage::Planning],
    &[Stage::Supporting, Stage::Planning, Stage::Advocating],
    &[
        Stage::Exploring,
        Stage::Connecting,
        Stage::Exploring,
        Stage::Planning,
    ],
    &[Stage::Exploring, Stage::Planning, Stage::Advocating],
];

fn make_session(
    rng: &mut Rng,
    ph: &Phrases,
    peer: &Peer,
    peer_topic: usize,
    until: Timestamp,
    span_days: i64,
) -> Session {
    let start = start_time(rng, until, span_days);
    let kind = match rng.below(100) {
        0..45 => SessionKind::InPerson,
        45..70 => SessionKind::Phone,
        70..85 => SessionKind::Video,
        85..95 => SessionKind::Text,
        _ => SessionKind::Group,
    };
    let mut s = Session::start(peer, kind, start);
    s.id = rng.uuid();

    let mut t = start + Span::minutes(rng.range(3, 10));
    let path = PATHS[usize::try_from(rng.below(PATHS.len() as u64)).unwrap_or(0)];
    for (i, stage) in path.iter().enumerate() {
        // Entering a new stage of an ended session cannot fail: the session is still open.
        let _ = s.enter_stage(*stage, t);
        if i == 0 || rng.chance(40) {
            s.record_tool(rng.pick(&ph.tools), t + Span::minutes(1));
        }
        t += Span::minutes(rng.range(5, 20));
    }

    // Mostly the peer's own area of life; now and then something else comes up.
    let topic_i = if rng.chance(80) {
        peer_topic
    } else {
        usize::try_from(rng.below(ph.topics.len() as u64)).unwrap_or(0)
    };
    let Some(topic) = ph.topics.get(topic_i) else {
        let _ = s.finish(t);
        return s;
    };
    let mut notes = vec![rng.pick(&ph.openers).to_string()];
    let topic_notes = if rng.chance(50) { 2 } else { 1 };
    notes.extend(
        rng.pick_distinct(&topic.notes, topic_notes)
            .map(str::to_string),
    );
    s.flags.safety_concern = rng.chance(4);
    s.flags.follow_up_needed = s.flags.safety_concern || rng.chance(30);
    if s.flags.safety_concern {
        notes.push(rng.pick(&ph.safety_notes).to_string());
    }
    notes.push(rng.pick(&ph.closers).to_string());
    s.notes = notes.join(" ");

    let day = start.date_naive();
    s.summary.what_matters = rng.pick(&topic.what_matters).to_string();
    s.summary.discussed = rng.pick(&topic.discussed).to_string();
    s.summary.strengths = rng.pick(&ph.strengths).to_string();
    if s.flags.follow_up_needed || rng.chance(40) {
        s.summary.follow_up = Some(follow_up_day(rng, day, s.flags.safety_concern));
    }
    for _ in 0..rng.range(1, 3) {
        let a = DirectActivity::ALL[usize::try_from(rng.below(7)).unwrap_or(0)];
        if !s.summary.activities.contains(&a) {
            s.summary.toggle_activity(a);
        }
    }
    if kind == SessionKind::Group {
        s.summary.toggle_activity(DirectActivity::GroupFacilitation);
    }

    let _ = s.finish(t);
    if rng.chance(12) {
        // Added on a following day, during the working day, and never after `until`.
        let count = usize::try_from(rng.range(1, 2)).unwrap_or(1);
        let mut day = t.date_naive();
        let texts: Vec<&str> = rng.pick_distinct(&ph.amendments, count).collect();
        for text in texts {
            day += Span::days(rng.range(1, 3));
            let at = at_time(until, day, rng.range(9, 17), rng.below(60));
            if at <= until {
                let _ = s.amend(text, at);
            }
        }
    }
    s
}

/// `day` at `hour:minute` in `until`'s offset.
fn at_time(until: Timestamp, day: NaiveDate, hour: i64, minute: u64) -> Timestamp {
    let time = NaiveTime::from_hms_opt(
        u32::try_from(hour).unwrap_or(9),
        u32::try_from(minute).unwrap_or(0),
        0,
    )
    .unwrap_or(NaiveTime::MIN);
    until
        .offset()
        .from_local_datetime(&day.and_time(time))
        .single()
        .unwrap_or(until)
}

fn follow_up_day(rng: &mut Rng, day: NaiveDate, urgent: bool) -> NaiveDate {
    if urgent {
        day + Span::days(1)
    } else {
        day + Span::days(7 * rng.range(1, 2))
    }
}

/// A weekday-ish working time on a day within `span_days` before `until`, in its offset.
fn start_time(rng: &mut Rng, until: Timestamp, span_days: i64) -> Timestamp {
    let day = until.date_naive() - Span::days(rng.range(1, span_days));
    let hour = rng.range(9, 16);
    let minute = 15 * rng.below(4);
    at_time(until, day, hour, minute)
}

/// SplitMix64: tiny, fast and stable across versions, so a seed means the same data forever
/// (a library RNG could change its stream in an update).
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let width = u64::try_from(hi.saturating_sub(lo)).unwrap_or(0) + 1;
        lo + i64::try_from(self.below(width)).unwrap_or(0)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, xs: &'a [String]) -> &'a str {
        let i = usize::try_from(self.below(xs.len() as u64)).unwrap_or(0);
        xs.get(i).map(String::as_str).unwrap_or("")
    }

    /// Up to `k` different entries of `xs`, in random order.
    fn pick_distinct<'a>(&mut self, xs: &'a [String], k: usize) -> impl Iterator<Item = &'a str> {
        let order = self.order(xs.len());
        order
            .into_iter()
            .take(k)
            .filter_map(move |i| xs.get(i).map(String::as_str))
    }

    /// The numbers `0..n` in random order.
    fn order(&mut self, n: usize) -> Vec<usize> {
        let mut v: Vec<usize> = (0..n).collect();
        self.shuffle(&mut v);
        v
    }

    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = usize::try_from(self.below(i as u64 + 1)).unwrap_or(0);
            xs.swap(i, j);
        }
    }

    fn uuid(&mut self) -> Uuid {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phrases_parse_and_no_list_is_empty() {
        let ph: Phrases = toml::from_str(PHRASES).expect("demo.toml parses");
        let lists = [
            &ph.aliases,
            &ph.pronouns,
            &ph.preferences,
            &ph.openers,
            &ph.closers,
            &ph.strengths,
            &ph.safety_notes,
            &ph.amendments,
            &ph.who,
            &ph.tools,
        ];
        assert!(lists.iter().all(|l| !l.is_empty()));
        assert!(!ph.topics.is_empty());
        for t in &ph.topics {
            for l in [&t.what_matters, &t.discussed, &t.notes] {
                assert!(!l.is_empty(), "{}", t.area);
            }
            assert!(!t.goals.is_empty(), "{}", t.area);
            assert!(t.goals.iter().all(|g| !g.steps.is_empty()), "{}", t.area);
        }
        for a in &ph.aliases {
            crate::domain::peer::clean_alias(a).expect("alias is valid");
            assert!(!crate::domain::peer::looks_like_full_name(a), "{a}");
        }
    }

    #[test]
    fn rng_is_stable_for_a_seed() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        for _ in 0..1000 {
            let r = a.range(3, 5);
            assert!((3..=5).contains(&r));
        }
    }

    #[test]
    fn sessions_are_ended_and_consistent() {
        let ph: Phrases = toml::from_str(PHRASES).expect("parse");
        let mut rng = Rng::new(1);
        let until =
            chrono::DateTime::parse_from_rfc3339("2026-03-02T17:30:00-05:00").expect("time");
        let peers = make_peers(&mut rng, &ph, &[], 40, until, 45).expect("peers");
        assert_eq!(peers.len(), 40);
        let mut aliases: Vec<_> = peers.iter().map(|p| p.alias.to_lowercase()).collect();
        aliases.sort();
        aliases.dedup();
        assert_eq!(aliases.len(), 40, "aliases are unique");
        for _ in 0..200 {
            let s = make_session(&mut rng, &ph, &peers[0], 0, until, 45);
            assert!(s.is_ended());
            assert!(s.started_at < until);
            let m = s.measured.as_ref().expect("measured");
            assert_eq!(m.stage_seconds.values().sum::<i64>(), m.duration_seconds);
            assert!(!s.notes.is_empty());
            assert!(!s.summary.activities.is_empty());
            assert!(
                s.amendments
                    .iter()
                    .all(|a| a.at > s.started_at && a.at <= until)
            );
            let goals: Vec<_> = s.summary.goals.iter().map(|g| &g.in_their_words).collect();
            let mut unique = goals.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(goals.len(), unique.len(), "no goal twice");
        }
    }
}
