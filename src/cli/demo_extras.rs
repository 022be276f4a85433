//! What the demo holds beyond peers and sessions, so no screen starts empty: a planning
//! worksheet for peers with an active goal (the goal and its next steps, as agreed in their
//! sessions), a few practice rounds that improve over time, and the trainee's competency
//! record (skills shown, sign-offs, hours) and a few weeks of the specialist's own wellbeing
//! checks, phrased in `assets/demo.toml`.

use std::path::Path;

use anyhow::{Context, anyhow};
use chrono::{Duration, NaiveDate};
use serde::Deserialize;
use uuid::Uuid;

use crate::content::Content;
use crate::domain::Timestamp;
use crate::domain::competency::{CompetencyRecord, SkillRef, split_skill_id};
use crate::domain::practice::{Answer, Bank, Drill, Item, Round, RoundConfig};
use crate::domain::worksheets::{PlanStep, PlanningSheet, StandaloneWorksheet, Worksheet};
use crate::storage::Store;

const PHRASES: &str = include_str!("../../assets/demo.toml");

/// Peers given a planning worksheet (at most): every demo peer with an active goal.
const WORKSHEET_PEERS: usize = crate::storage::sample::DEMO_PEERS;
/// Practice rounds: days before today, and how many answers in each miss.
const ROUNDS: [(i64, usize); 3] = [(24, 3), (13, 1), (3, 0)];

#[derive(Debug, Deserialize)]
struct Extras {
    competency_marks: Vec<Mark>,
    hours: Vec<Hours>,
    #[serde(default)]
    wellbeing: Vec<DemoCheck>,
}

#[derive(Debug, Deserialize)]
struct DemoCheck {
    days_ago: i64,
    answers: std::collections::BTreeMap<String, u8>,
    #[serde(default)]
    note: String,
}

#[derive(Debug, Deserialize)]
struct Mark {
    skill: String,
    days_ago: i64,
    context: String,
    evidence: String,
    #[serde(default)]
    signed: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Hours {
    area: String,
    days_ago: i64,
    minutes: u32,
    note: String,
}

/// Adds the worksheets, practice rounds and competency record to the demo folder `dir`.
pub fn add(dir: &Path, now: Timestamp) -> anyhow::Result<()> {
    let extras: Extras =
        toml::from_str(PHRASES).map_err(|e| anyhow!("the built-in demo phrases: {e}"))?;
    let content = crate::content::builtin().map_err(|e| anyhow!("built-in content: {e}"))?;
    let (store, _) = Store::open(dir).context("could not open the demo folder")?;
    worksheets(&store, content, now)?;
    let bank = Bank::shipped().map_err(|e| anyhow!("the practice bank: {e}"))?;
    practice(&store, bank, now)?;
    competencies(&store, content, &extras, now)?;
    wellbeing(&store, &extras, now)?;
    Ok(())
}

/// The specialist's own weekly checks, a few weeks of them, in question order.
fn wellbeing(store: &Store, extras: &Extras, now: Timestamp) -> anyhow::Result<()> {
    use crate::domain::wellbeing::{Answer as WellAnswer, WellbeingCheck, WellbeingLog};
    let questions = &crate::content::life_areas::wellbeing().question;
    let mut log = WellbeingLog::default();
    for c in &extras.wellbeing {
        let answers = questions
            .iter()
            .filter_map(|q| {
                c.answers.get(&q.id).map(|&value| WellAnswer {
                    id: q.id.clone(),
                    value,
                })
            })
            .collect();
        let check = WellbeingCheck::new(now - Duration::days(c.days_ago), answers, &c.note)
            .map_err(|e| anyhow!("a demo wellbeing check: {e}"))?;
        log.add(check);
    }
    if !log.checks.is_empty() {
        store
            .save_wellbeing(&log)
            .context("could not keep the demo wellbeing checks")?;
    }
    Ok(())
}

fn worksheets(store: &Store, content: &Content, now: Timestamp) -> anyhow::Result<()> {
    let Some(tool) = content.tool("planning") else {
        return Ok(());
    };
    let (book, _, _) = store.goal_book();
    let mut done = std::collections::HashSet::new();
    for goal in book.goals.iter().filter(|g| g.is_active()) {
        if done.len() >= WORKSHEET_PEERS || !done.insert(goal.peer_id) {
            continue;
        }
        let Some(peer) = store.peers().iter().find(|p| p.id == goal.peer_id).cloned() else {
            continue;
        };
        let sheet = PlanningSheet {
            goal: goal.text.clone(),
            goal_by: goal.target,
            steps: goal
                .next_steps
                .iter()
                .map(|s| PlanStep {
                    what: s.what.clone(),
                    by_when: s.by_when,
                })
                .collect(),
            brainstorm: goal.next_steps.iter().map(|s| s.what.clone()).collect(),
            ..PlanningSheet::default()
        };
        let at = at_noon(goal.started, now);
        let mut w = StandaloneWorksheet::new(
            &tool.id,
            &tool.name,
            Some((peer.id, peer.alias.as_str())),
            at,
        );
        w.saved = Some(Worksheet::Planning(sheet));
        w.saved_at = Some(at);
        store.save_worksheet(&w)?;
    }
    Ok(())
}

fn practice(store: &Store, bank: &Bank, now: Timestamp) -> anyhow::Result<()> {
    for (n, (days_ago, misses)) in ROUNDS.into_iter().enumerate() {
        let at = now - Duration::days(days_ago);
        let seed = 7 + n as u64;
        let config = RoundConfig::new(Drill::NameSkill);
        let Ok(mut round) = Round::start(bank, config, Uuid::new_v4(), seed, &[], at) else {
            continue;
        };
        let mut i = 0;
        while !round.is_done() && i < 100 {
            let Some(Item::NameSkill(item)) = round.current_item(bank) else {
                break;
            };
            let choice = if i < misses {
                // A near miss: a different skill than the one the line shows.
                crate::domain::practice::SkillChoice::ALL
                    .into_iter()
                    .find(|c| *c != item.answer)
                    .unwrap_or(item.answer)
            } else {
                item.answer
            };
            let t = at + Duration::minutes(i as i64);
            if round.submit(bank, Answer::Choice(choice)).is_err() {
                round.skip(t);
            } else {
                round.next(t);
            }
            i += 1;
        }
        store.save_practice_round(&round.record)?;
    }
    Ok(())
}

fn competencies(
    store: &Store,
    content: &Content,
    extras: &Extras,
    now: Timestamp,
) -> anyhow::Result<()> {
    let mut record = CompetencyRecord::default();
    let today = now.date_naive();
    for m in &extras.competency_marks {
        let Some((area, n)) = split_skill_id(&m.skill) else {
            continue;
        };
        let Some(count) = content
            .competencies()
            .iter()
            .find(|a| a.id == area)
            .map(|a| a.skill_count as usize)
        else {
            continue;
        };
        let date = today - Duration::days(m.days_ago);
        let skill = SkillRef { area, n, count };
        record
            .set_mark(skill, date, &m.context, &m.evidence, now)
            .map_err(|e| anyhow!("demo skill {}: {e}", m.skill))?;
        if let Some(initials) = &m.signed {
            let signed_on = (date + Duration::days(3)).min(today);
            record
                .sign_off(&m.skill, initials, signed_on, now)
                .map_err(|e| anyhow!("demo sign-off {}: {e}", m.skill))?;
        }
    }
    for (i, h) in extras.hours.iter().enumerate() {
        let date = today - Duration::days(h.days_ago);
        let id = Uuid::from_u128(0xde30_0000 + i as u128);
        record
            .log_hours(id, &h.area, date, h.minutes, &h.note, now)
            .map_err(|e| anyhow!("demo hours {}: {e}", h.area))?;
    }
    store.save_competencies(&record)?;
    Ok(())
}

/// Midday of `day` in `now`'s offset, never after `now`.
fn at_noon(day: NaiveDate, now: Timestamp) -> Timestamp {
    let noon = day
        .and_hms_opt(12, 0, 0)
        .and_then(|t| t.and_local_timezone(*now.offset()).single())
        .unwrap_or(now);
    noon.min(now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_holds_worksheets_tied_to_goals_practice_rounds_and_a_competency_record() {
        let dir = tempfile::tempdir().expect("dir");
        crate::storage::sample::demo(dir.path()).expect("demo");
        add(dir.path(), crate::domain::now()).expect("extras");
        let (store, _) = Store::open(dir.path()).expect("open");

        let (book, _, _) = store.goal_book();
        let sheets = store.worksheets();
        assert!(!sheets.is_empty() && sheets.len() <= WORKSHEET_PEERS);
        for w in &sheets {
            let Some(Worksheet::Planning(p)) = &w.saved else {
                panic!("a saved planning sheet");
            };
            let goal = book.find_by_words(w.peer_id.expect("a peer"), &p.goal);
            assert!(
                goal.is_some_and(|g| g.is_active()),
                "the sheet is a goal of its peer"
            );
        }

        let (rounds, problems) = store.practice_rounds();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rounds.len(), ROUNDS.len());
        assert!(rounds.iter().all(|r| r.finished_at.is_some()));
        let first = rounds.iter().min_by_key(|r| r.started_at).expect("a round");
        let last = rounds.iter().max_by_key(|r| r.started_at).expect("a round");
        assert!(
            first.summary().goals_met < last.summary().goals_met,
            "practice shows progress"
        );

        let (record, _) = store.competencies().expect("competencies");
        assert!(record.skills.len() >= 5);
        assert!(record.skills.values().any(|m| m.sign_off.is_some()));
        assert!(record.total_minutes() > 0);
    }
}
