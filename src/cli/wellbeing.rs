//! `alongside wellbeing`: the specialist's own private weekly check. With no answers it shows
//! the questions and a gentle summary over time; with `ID=N` answers (1-5) it keeps a check.
//! Nothing else in the app prints or exports these.

use std::io::Write;

use anyhow::{Context, bail};

use crate::content::life_areas::wellbeing;
use crate::domain::Timestamp;
use crate::domain::wellbeing::{Answer, Question, WellbeingCheck, summary};
use crate::storage::Store;

/// Shows the check (`json`: the stored checks as JSON), or keeps one from `answers`.
pub fn command(
    store: &Store,
    answers: &[String],
    note: &str,
    json: bool,
    now: Timestamp,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let w = wellbeing();
    let (mut log, _) = store.wellbeing()?;
    if !answers.is_empty() {
        let mut parsed = Vec::new();
        for a in answers {
            let Some((id, value)) = a.split_once('=') else {
                bail!("give each answer as ID=N, for example workload=3");
            };
            if !w.question.iter().any(|q| q.id == id) {
                let ids: Vec<&str> = w.question.iter().map(|q| q.id.as_str()).collect();
                bail!(
                    "no question is called {id:?}; use one of: {}",
                    ids.join(", ")
                );
            }
            let value: u8 = value
                .trim()
                .parse()
                .ok()
                .context("an answer is a whole number from 1 to 5")?;
            parsed.push(Answer {
                id: id.to_string(),
                value,
            });
        }
        log.add(WellbeingCheck::new(now, parsed, note)?);
        store.save_wellbeing(&log)?;
        writeln!(out, "Kept. Only you can see this.")?;
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{}\n", w.intro)?;
    if log.due(now.date_naive(), w.every_days) {
        writeln!(
            out,
            "This week's check is open. Answer 1 (hardly) to 5 (very much):"
        )?;
        for q in &w.question {
            writeln!(out, "  {:<13} {}", q.id, q.text)?;
        }
        writeln!(out, "  e.g. alongside wellbeing workload=3 boundaries=4\n")?;
    }
    let questions: Vec<Question> = w
        .question
        .iter()
        .map(|q| Question {
            id: &q.id,
            label: &q.label,
            low: &q.low,
        })
        .collect();
    for line in summary(&log, &questions) {
        writeln!(out, "{line}")?;
    }
    writeln!(out, "\n{}", w.tools)?;
    Ok(())
}
