//! Progress over many rounds: goals met per round, per drill, and MI scores of everything
//! the trainee wrote.

use uuid::Uuid;

use super::drill::Drill;
use super::round::{RoundRecord, RoundSummary, summarize};
use crate::domain::Timestamp;

/// One round as the progress chart shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundPoint {
    pub id: Uuid,
    pub started_at: Timestamp,
    pub drill: Drill,
    pub finished: bool,
    pub summary: RoundSummary,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// Rounds with at least one answer, oldest first.
    pub points: Vec<RoundPoint>,
    /// Every answer of every round.
    pub overall: RoundSummary,
    /// Per drill, for drills practised at least once, in [`Drill::ALL`] order.
    pub by_drill: Vec<(Drill, RoundSummary)>,
}

/// Progress over `records`, in any order. Rounds with no answers are left out.
pub fn progress(records: &[RoundRecord]) -> Progress {
    let mut kept: Vec<&RoundRecord> = records.iter().filter(|r| !r.is_empty()).collect();
    kept.sort_by_key(|r| (r.started_at, r.id));
    let points = kept
        .iter()
        .map(|r| RoundPoint {
            id: r.id,
            started_at: r.started_at,
            drill: r.drill,
            finished: r.finished_at.is_some(),
            summary: r.summary(),
        })
        .collect();
    let by_drill = Drill::ALL
        .into_iter()
        .filter_map(|d| {
            let of: Vec<&RoundRecord> = kept.iter().copied().filter(|r| r.drill == d).collect();
            (!of.is_empty()).then(|| (d, summarize(of)))
        })
        .collect();
    Progress {
        points,
        overall: summarize(kept.iter().copied()),
        by_drill,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::practice::{Answer, Bank, Round, RoundConfig};

    fn t(min: i64) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-03-02T09:30:00-05:00").expect("time")
            + chrono::Duration::minutes(min)
    }

    fn played(drill: Drill, seed: u64, start: i64, answers: &[&str]) -> RoundRecord {
        let bank = Bank::shipped().expect("bank");
        let mut r = Round::start(
            bank,
            RoundConfig::new(drill),
            Uuid::from_u128(seed as u128),
            seed,
            &[],
            t(start),
        )
        .expect("round");
        for a in answers {
            r.submit(bank, Answer::Texts(vec![a.to_string()]))
                .expect("submit");
            r.next(t(start + 1));
        }
        r.record
    }

    #[test]
    fn rounds_are_charted_oldest_first_and_empty_ones_left_out() {
        let later = played(Drill::OpenUp, 1, 60, &["What happened?", "Is it bad?"]);
        let earlier = played(
            Drill::OpenUp,
            2,
            0,
            &["How was it?", "What else?", "What now?"],
        );
        let empty = played(Drill::Reflect, 3, 30, &[]);
        let p = progress(&[later.clone(), empty, earlier.clone()]);
        assert_eq!(
            p.points.iter().map(|x| x.id).collect::<Vec<_>>(),
            [earlier.id, later.id]
        );
        assert_eq!(p.points[0].summary.percent(), Some(100));
        assert_eq!(p.points[1].summary.percent(), Some(50));
        assert_eq!((p.overall.goals, p.overall.goals_met), (5, 4));
        assert_eq!(p.by_drill.len(), 1);
        assert_eq!(p.by_drill[0].0, Drill::OpenUp);
        assert_eq!(p.overall.scores.open_questions, 4);
    }
}
