//! The specialist's own weekly wellbeing check: a few questions about the risk and
//! protective factors of peer work (workload, boundaries, their own recovery supports,
//! supervision, self-care), each answered 1-5, and a gentle summary over time. Private: no
//! report or export reads it.

use serde::{Deserialize, Serialize};

use super::Timestamp;

/// The lowest and highest answer.
pub const MIN_ANSWER: u8 = 1;
pub const MAX_ANSWER: u8 = 5;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WellbeingError {
    #[error("an answer is a whole number from 1 to 5")]
    OutOfRange,
    #[error("answer at least one question")]
    Empty,
}

/// One question's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub id: String,
    pub value: u8,
}

/// One weekly check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WellbeingCheck {
    pub at: Timestamp,
    pub answers: Vec<Answer>,
    /// Anything the specialist wants to note for themselves.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl WellbeingCheck {
    pub fn new(at: Timestamp, answers: Vec<Answer>, note: &str) -> Result<Self, WellbeingError> {
        if answers.is_empty() {
            return Err(WellbeingError::Empty);
        }
        if answers
            .iter()
            .any(|a| !(MIN_ANSWER..=MAX_ANSWER).contains(&a.value))
        {
            return Err(WellbeingError::OutOfRange);
        }
        Ok(WellbeingCheck {
            at,
            answers,
            note: note.trim().to_string(),
        })
    }

    pub fn answer(&self, id: &str) -> Option<u8> {
        self.answers.iter().find(|a| a.id == id).map(|a| a.value)
    }
}

/// Every check, oldest first: what `wellbeing.json` holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WellbeingLog {
    #[serde(default)]
    pub checks: Vec<WellbeingCheck>,
}

impl WellbeingLog {
    pub fn add(&mut self, check: WellbeingCheck) {
        self.checks.push(check);
        self.checks.sort_by_key(|c| c.at);
    }

    /// True when no check was made in the last `every_days` days.
    pub fn due(&self, today: chrono::NaiveDate, every_days: i64) -> bool {
        self.checks
            .last()
            .is_none_or(|c| (today - c.at.date_naive()).num_days() >= every_days)
    }
}

/// A question as the summary needs it: its id, label and what to say when it is low.
pub struct Question<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub low: &'a str,
}

/// A gentle summary over time: how many checks, each question's answers (oldest first) and
/// a kind word where the latest answer is low (2 or less) or fell since the one before.
pub fn summary(log: &WellbeingLog, questions: &[Question]) -> Vec<String> {
    let Some(last) = log.checks.last() else {
        return vec!["No checks yet. The first one takes a few minutes.".into()];
    };
    let mut out = vec![format!(
        "{} check(s); the latest on {}.",
        log.checks.len(),
        last.at.date_naive()
    )];
    for q in questions {
        let values: Vec<u8> = log.checks.iter().filter_map(|c| c.answer(q.id)).collect();
        let Some(&now) = values.last() else {
            continue;
        };
        let trail: Vec<String> = values
            .iter()
            .skip(values.len().saturating_sub(8))
            .map(u8::to_string)
            .collect();
        out.push(format!("{}: {}", q.label, trail.join(" ")));
        let fell = values.len() >= 2 && now < values[values.len() - 2];
        if now <= 2 || fell {
            out.push(format!("  {}", q.low));
        }
    }
    out
}

/// The questions whose latest answer is low (2 or less) or fell since the one before, each
/// with its kind word: what the summary points at gently.
pub fn lower_now<'a>(log: &WellbeingLog, questions: &[Question<'a>]) -> Vec<(&'a str, &'a str)> {
    questions
        .iter()
        .filter(|q| {
            let values: Vec<u8> = log.checks.iter().filter_map(|c| c.answer(q.id)).collect();
            match values.as_slice() {
                [.., before, now] => *now <= 2 || now < before,
                [now] => *now <= 2,
                [] => false,
            }
        })
        .map(|q| (q.label, q.low))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339(&format!("2026-03-{day:02}T18:00:00-05:00"))
            .expect("time")
    }

    fn check(day: u32, workload: u8, supervision: u8) -> WellbeingCheck {
        WellbeingCheck::new(
            at(day),
            vec![
                Answer {
                    id: "workload".into(),
                    value: workload,
                },
                Answer {
                    id: "supervision".into(),
                    value: supervision,
                },
            ],
            "",
        )
        .expect("valid")
    }

    #[test]
    fn answers_outside_one_to_five_are_refused() {
        let bad = vec![Answer {
            id: "workload".into(),
            value: 6,
        }];
        assert_eq!(
            WellbeingCheck::new(at(1), bad, ""),
            Err(WellbeingError::OutOfRange)
        );
        assert_eq!(
            WellbeingCheck::new(at(1), vec![], ""),
            Err(WellbeingError::Empty)
        );
    }

    #[test]
    fn the_summary_is_gentle_where_things_are_low_or_falling() {
        let mut log = WellbeingLog::default();
        assert!(log.due(at(1).date_naive(), 7));
        log.add(check(8, 4, 4));
        log.add(check(1, 3, 4));
        log.add(check(15, 2, 4));
        assert!(!log.due(at(20).date_naive(), 7));
        assert!(log.due(at(22).date_naive(), 7));
        let qs = [
            Question {
                id: "workload",
                label: "Workload",
                low: "What could wait?",
            },
            Question {
                id: "supervision",
                label: "Supervision",
                low: "Ask your supervisor.",
            },
        ];
        let lines = summary(&log, &qs);
        assert_eq!(lines[0], "3 check(s); the latest on 2026-03-15.");
        assert_eq!(lines[1], "Workload: 3 4 2");
        assert_eq!(lines[2], "  What could wait?");
        assert_eq!(lines[3], "Supervision: 4 4 4");
        assert_eq!(lines.len(), 4);
        assert_eq!(lower_now(&log, &qs), vec![("Workload", "What could wait?")]);
        assert!(lower_now(&WellbeingLog::default(), &qs).is_empty());
    }
}
