use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::DirectActivity;

/// The structured part of a session note, filled in when the session ends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// What matters to the peer, in their own words.
    #[serde(default)]
    pub what_matters: String,
    #[serde(default)]
    pub discussed: String,
    #[serde(default)]
    pub strengths: String,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub follow_up: Option<NaiveDate>,
    #[serde(default)]
    pub activities: Vec<DirectActivity>,
}

/// A goal as the peer put it, with the concrete steps agreed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub in_their_words: String,
    /// The peer goal this became (absent in notes written before goals belonged to peers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal_id: Option<uuid::Uuid>,
    #[serde(default)]
    pub next_steps: Vec<NextStep>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextStep {
    pub what: String,
    #[serde(default)]
    pub who: String,
    #[serde(default)]
    pub by_when: Option<NaiveDate>,
    /// Marked done (counted in reports as next steps done).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
}

impl Summary {
    pub fn toggle_activity(&mut self, activity: DirectActivity) {
        if let Some(i) = self.activities.iter().position(|a| *a == activity) {
            self.activities.remove(i);
        } else {
            self.activities.push(activity);
            self.activities.sort();
        }
    }

    /// Every piece of free text in the summary, for search.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        [
            self.what_matters.as_str(),
            self.discussed.as_str(),
            self.strengths.as_str(),
        ]
        .into_iter()
        .chain(self.goals.iter().flat_map(|g| {
            std::iter::once(g.in_their_words.as_str()).chain(
                g.next_steps
                    .iter()
                    .flat_map(|s| [s.what.as_str(), s.who.as_str()]),
            )
        }))
    }
}

/// Reads a date typed by a person: `2026-03-04`, or a relative `+7` / `7d` (days) /
/// `2w` (weeks) from `today`. Blank means no date.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<Option<NaiveDate>, String> {
    let s = input.trim().to_lowercase();
    if s.is_empty() {
        return Ok(None);
    }
    let relative = |digits: &str, unit_days: i64| -> Result<Option<NaiveDate>, String> {
        let n: i64 = digits
            .parse()
            .map_err(|_| format!("'{input}' is not a date: use YYYY-MM-DD, +7, 7d or 2w"))?;
        if !(0..=3650).contains(&n) {
            return Err("that is too far ahead".into());
        }
        Ok(today.checked_add_signed(chrono::Duration::days(n * unit_days)))
    };
    if let Some(d) = s.strip_prefix('+') {
        return relative(d.trim_end_matches('d'), 1);
    }
    if let Some(d) = s.strip_suffix('d') {
        return relative(d, 1);
    }
    if let Some(w) = s.strip_suffix('w') {
        return relative(w, 7);
    }
    NaiveDate::parse_from_str(&s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| {
            format!(
                "'{}' is not a date: use YYYY-MM-DD, +7, 7d or 2w",
                input.trim()
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 1).expect("date")
    }

    #[test]
    fn dates_absolute_relative_and_blank() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(parse_date("2026-04-02", today()), Ok(d(2026, 4, 2)));
        assert_eq!(parse_date("+7", today()), Ok(d(2026, 3, 8)));
        assert_eq!(parse_date("10d", today()), Ok(d(2026, 3, 11)));
        assert_eq!(parse_date("2w", today()), Ok(d(2026, 3, 15)));
        assert_eq!(parse_date("  ", today()), Ok(None));
        assert!(parse_date("next tuesday", today()).is_err());
        assert!(parse_date("2026-02-30", today()).is_err());
        assert!(parse_date("99999w", today()).is_err());
    }

    #[test]
    fn toggling_an_activity_adds_then_removes_it_in_order() {
        let mut s = Summary::default();
        s.toggle_activity(DirectActivity::Advocacy);
        s.toggle_activity(DirectActivity::ExperientialSharing);
        assert_eq!(
            s.activities,
            vec![
                DirectActivity::ExperientialSharing,
                DirectActivity::Advocacy
            ]
        );
        s.toggle_activity(DirectActivity::Advocacy);
        assert_eq!(s.activities, vec![DirectActivity::ExperientialSharing]);
    }
}
