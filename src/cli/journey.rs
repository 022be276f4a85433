//! `alongside due` and `alongside peers list|show`: the caseload from the shell. Read only,
//! like `notes`: they take a store opened with [`Store::open_read_only`], so they work while
//! the app runs and on encrypted folders once unlocked.

use std::io::Write;

use anyhow::bail;
use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

use crate::domain::check_in::PeerCheckIn;

use crate::domain::goals::journey::{DEFAULT_CHECK_IN_DAYS, due_words};
use crate::domain::goals::{Journey, PeerGoal, coming_up};
use crate::domain::{Flags, Peer, SessionKind, Timestamp};
use crate::storage::{IndexEntry, Store};

/// Sessions `peers show` lists.
pub const SESSIONS_SHOWN: usize = 10;

/// How `peers show` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PeerFormat {
    /// A one-page Markdown summary, fit to hand to a supervisor.
    Md,
    Json,
}

/// `alongside due`: everything due within `within` days (overdue included), soonest first.
pub fn due(
    store: &Store,
    journey: &Journey,
    within: u32,
    json: bool,
    today: NaiveDate,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let items = coming_up(store.peers(), journey, today, within);
    if json {
        serde_json::to_writer_pretty(&mut *out, &items)?;
        writeln!(out)?;
        return Ok(());
    }
    if items.is_empty() {
        writeln!(out, "Nothing due in the next {within} days.")?;
        return Ok(());
    }
    for i in &items {
        writeln!(
            out,
            "{}  {:<16} {:<18} {}  {}",
            i.due,
            due_words(i.due, today),
            i.kind.label(),
            one_line(&i.peer_alias),
            one_line(&i.text)
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct PeerRow<'a> {
    id: Uuid,
    alias: &'a str,
    archived: bool,
    sessions: usize,
    last_session: Option<NaiveDate>,
    active_goals: usize,
    open_next_steps: usize,
    check_in_days: u32,
}

/// `alongside peers list`: one line per peer, by alias.
pub fn list(
    store: &Store,
    journey: &Journey,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let stats = store.peer_stats();
    let mut peers: Vec<&Peer> = store.peers().iter().collect();
    peers.sort_by_key(|p| p.alias.to_lowercase());
    let rows: Vec<PeerRow> = peers
        .iter()
        .map(|p| {
            let st = stats.get(&p.id).copied().unwrap_or_default();
            let active: Vec<&PeerGoal> = journey.goals.active_for(p.id).collect();
            PeerRow {
                id: p.id,
                alias: &p.alias,
                archived: p.archived,
                sessions: st.session_count,
                last_session: st.last_session.map(|t| t.date_naive()),
                active_goals: active.len(),
                open_next_steps: active.iter().map(|g| g.open_steps().count()).sum(),
                check_in_days: p.check_in_days.unwrap_or(DEFAULT_CHECK_IN_DAYS),
            }
        })
        .collect();
    if json {
        serde_json::to_writer_pretty(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    for r in rows {
        writeln!(
            out,
            "{:<20} {:>4} sessions  last {}  {} goal(s), {} open step(s){}  {}",
            one_line(r.alias),
            r.sessions,
            r.last_session
                .map_or("-         ".into(), |d| d.to_string()),
            r.active_goals,
            r.open_next_steps,
            if r.archived { "  archived" } else { "" },
            r.id
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct SessionRow<'a> {
    id: Uuid,
    started_at: Timestamp,
    kind: SessionKind,
    duration_seconds: i64,
    flags: Flags,
    preview: &'a str,
}

#[derive(Serialize)]
struct SafetyPlanRow {
    version: u32,
    reviewed: NaiveDate,
}

#[derive(Serialize)]
struct PeerPage<'a> {
    peer: &'a Peer,
    goals: Vec<&'a PeerGoal>,
    sessions: Vec<SessionRow<'a>>,
    safety_plan: Option<SafetyPlanRow>,
    /// Life-area check-ins, oldest first: when, and each area's 1-10 rating and why.
    check_ins: &'a [PeerCheckIn],
}

/// `alongside peers show ALIAS|ID`.
pub fn show(
    store: &Store,
    journey: &Journey,
    who: &str,
    format: PeerFormat,
    today: NaiveDate,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let peer = find_peer(store.peers(), who)?;
    let sessions: Vec<&IndexEntry> = store
        .sessions()
        .iter()
        .filter(|e| e.involves(peer.id))
        .collect();
    let safety = journey.safety.get(&peer.id).copied().unwrap_or_default();
    let page = PeerPage {
        peer,
        goals: journey.goals.for_peer(peer.id),
        sessions: sessions
            .iter()
            .take(SESSIONS_SHOWN)
            .map(|e| SessionRow {
                id: e.id,
                started_at: e.started_at,
                kind: e.kind,
                duration_seconds: e.duration_seconds,
                flags: e.flags,
                preview: &e.preview,
            })
            .collect(),
        safety_plan: safety
            .plan_version
            .zip(safety.plan_reviewed)
            .map(|(version, reviewed)| SafetyPlanRow { version, reviewed }),
        check_ins: journey
            .check_ins
            .get(&peer.id)
            .map(Vec::as_slice)
            .unwrap_or(&[]),
    };
    match format {
        PeerFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &page)?;
            writeln!(out)?;
        }
        PeerFormat::Md => {
            let md = markdown(&page, sessions.len(), journey, today);
            out.write_all(md.as_bytes())?;
        }
    }
    Ok(())
}

fn markdown(page: &PeerPage, session_count: usize, journey: &Journey, today: NaiveDate) -> String {
    let p = page.peer;
    let mut s = format!("# {}\n\n", one_line(&p.alias));
    if let Some(pr) = &p.pronouns {
        s.push_str(&format!("Pronouns: {pr}  \n"));
    }
    if !p.preferences.is_empty() {
        s.push_str(&format!("Preferences: {}  \n", one_line(&p.preferences)));
    }
    s.push_str(&format!(
        "Sessions: {session_count}; check in every {} days  \n",
        p.check_in_days.unwrap_or(DEFAULT_CHECK_IN_DAYS)
    ));
    if let Some(last) = journey.last.get(&p.id) {
        let day = last.started_at.date_naive();
        s.push_str(&format!("Last session: {day}  \n"));
        if let Some(f) = last.follow_up {
            s.push_str(&format!("Follow-up: {f} ({})  \n", due_words(f, today)));
        }
    }
    s.push_str("\n## Goals\n\n");
    if page.goals.is_empty() {
        s.push_str("None recorded.\n");
    }
    for g in &page.goals {
        let target = g
            .target
            .map(|d| format!(", target {d}"))
            .unwrap_or_default();
        s.push_str(&format!(
            "- **{}** ({} since {}; started {}{target})\n",
            one_line(&g.text),
            g.status.label(),
            g.status_date,
            g.started
        ));
        if !g.progress.is_empty() {
            let marks: Vec<String> = g
                .progress
                .iter()
                .map(|e| {
                    let p = e.progress.map_or("worked on", |p| p.label());
                    if e.their_words.is_empty() {
                        format!("{} {p}", e.date)
                    } else {
                        format!("{} {p} (\"{}\")", e.date, one_line(&e.their_words))
                    }
                })
                .collect();
            s.push_str(&format!("  - Progress: {}\n", marks.join("; ")));
        }
        for step in &g.next_steps {
            let by = step
                .by_when
                .map(|d| format!(", by {d}"))
                .unwrap_or_default();
            let who = if step.who.is_empty() {
                String::new()
            } else {
                format!(", {}", one_line(&step.who))
            };
            let late = if step.is_overdue(today) {
                ", overdue"
            } else {
                ""
            };
            s.push_str(&format!(
                "  - Next step [{}]: {}{who}{by}{late}\n",
                step.status.label(),
                one_line(&step.what)
            ));
        }
    }
    s.push_str("\n## Safety plan\n\n");
    match &page.safety_plan {
        Some(sp) => s.push_str(&format!(
            "Version {}, last reviewed {}.\n",
            sp.version, sp.reviewed
        )),
        None => s.push_str("None saved.\n"),
    }
    s.push_str("\n## Latest sessions\n\n");
    for e in &page.sessions {
        s.push_str(&format!(
            "- {} {} ({} min){}: {}\n",
            e.started_at.date_naive(),
            e.kind.label(),
            e.duration_seconds / 60,
            if e.flags.safety_concern {
                ", safety concern"
            } else {
                ""
            },
            one_line(e.preview)
        ));
    }
    s.push_str("\n## Life-area check-ins\n\n");
    if page.check_ins.is_empty() {
        s.push_str("None recorded.\n");
    }
    // Newest first, as the sessions are; each area's 1-10 rating and their word on why.
    for c in page.check_ins.iter().rev() {
        let ratings: Vec<String> = c
            .check_in
            .ratings
            .iter()
            .map(|r| {
                if r.why.is_empty() {
                    format!("{} {}", one_line(&r.area), r.rating)
                } else {
                    format!(
                        "{} {} (\"{}\")",
                        one_line(&r.area),
                        r.rating,
                        one_line(&r.why)
                    )
                }
            })
            .collect();
        s.push_str(&format!(
            "- {}: {}\n",
            c.check_in.at.date_naive(),
            ratings.join("; ")
        ));
    }
    s
}

/// The peer named by alias (case-insensitive) or by id (or a unique start of it). An
/// unknown name is a one-line error suggesting the nearest alias.
pub fn find_peer<'a>(peers: &'a [Peer], who: &str) -> anyhow::Result<&'a Peer> {
    let wanted = who.trim().to_lowercase();
    if wanted.is_empty() {
        bail!("name a peer by alias or id");
    }
    if let Some(p) = peers.iter().find(|p| p.alias.to_lowercase() == wanted) {
        return Ok(p);
    }
    let by_id: Vec<&Peer> = peers
        .iter()
        .filter(|p| p.id.hyphenated().to_string().starts_with(&wanted))
        .collect();
    if wanted.len() >= 4 && by_id.len() == 1 {
        return Ok(by_id[0]);
    }
    match nearest_alias(peers, &wanted) {
        Some(near) => bail!(
            "no peer is called {:?}; did you mean {near:?}? (alongside peers list shows them all)",
            who.trim()
        ),
        None => bail!(
            "no peer is called {:?} (alongside peers list shows them all)",
            who.trim()
        ),
    }
}

/// The alias closest to `wanted` by edit distance, if any is reasonably close.
fn nearest_alias<'a>(peers: &'a [Peer], wanted: &str) -> Option<&'a str> {
    peers
        .iter()
        .map(|p| (distance(&p.alias.to_lowercase(), wanted), p.alias.as_str()))
        .filter(|(d, a)| *d <= (a.chars().count().max(wanted.chars().count()) / 2).max(2))
        .min_by_key(|(d, a)| (*d, a.to_lowercase()))
        .map(|(_, a)| a)
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_alias_suggests_the_nearest() {
        let t = chrono::DateTime::parse_from_rfc3339("2026-03-02T10:00:00-05:00").expect("t");
        let peers = vec![
            Peer::new("Sunny", t).expect("p"),
            Peer::new("Moss", t).expect("p"),
        ];
        assert_eq!(find_peer(&peers, "sunny").expect("found").alias, "Sunny");
        let id = peers[1].id.to_string();
        assert_eq!(find_peer(&peers, &id[..8]).expect("by id").alias, "Moss");
        let err = find_peer(&peers, "Suny").expect_err("unknown").to_string();
        assert!(err.contains("did you mean \"Sunny\""), "{err}");
        assert!(!err.contains('\n'));
        let err = find_peer(&peers, "Zebediah")
            .expect_err("unknown")
            .to_string();
        assert!(!err.contains("did you mean"), "{err}");
    }
}
