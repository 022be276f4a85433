//! A trainee's competency record for the apprenticeship's Work Process Schedule: which
//! skills they have demonstrated (when, where, with what evidence), a supervisor's sign-off,
//! and on-the-job hours by competency area.
//!
//! Skills are named `<area id>.<n>`: the area's id in `assets/competencies.toml` and the
//! skill's 1-based position in that area's list. Marks for skills this build does not know
//! (a later schedule) are kept untouched.
//!
//! Pure rules: dates are checked against a `today` passed in, never a clock.

pub mod export;
mod parse;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Timestamp;
pub use parse::{format_hours, parse_date, parse_hours};

pub const MAX_CONTEXT_CHARS: usize = 120;
pub const MAX_EVIDENCE_CHARS: usize = 600;
pub const MAX_NOTE_CHARS: usize = 200;
pub const MAX_INITIALS_CHARS: usize = 6;
/// One entry is one stretch of work: at most a day.
pub const MAX_MINUTES_PER_ENTRY: u32 = 24 * 60;

/// The id of the `n`th (1-based) skill of an area.
pub fn skill_id(area_id: &str, n: usize) -> String {
    format!("{area_id}.{n}")
}

/// The area id and 1-based number of a skill id.
pub fn split_skill_id(id: &str) -> Option<(&str, usize)> {
    let (area, n) = id.rsplit_once('.')?;
    let n: usize = n.parse().ok()?;
    (n > 0 && !area.is_empty()).then_some((area, n))
}

/// Which skill: the `n`th (1-based) of an area of `count` skills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkillRef<'a> {
    pub area: &'a str,
    pub n: usize,
    pub count: usize,
}

/// A supervisor's sign-off of one demonstrated skill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignOff {
    pub initials: String,
    pub date: NaiveDate,
}

/// A skill the trainee has demonstrated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillMark {
    /// When it was demonstrated.
    pub date: NaiveDate,
    /// Where or in what kind of situation (no peer names).
    pub context: String,
    /// A short note of what was done.
    pub evidence: String,
    pub sign_off: Option<SignOff>,
    /// When this mark was last written.
    pub recorded_at: Timestamp,
}

/// Time spent on the job in one area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoursEntry {
    pub id: Uuid,
    /// A competency area id.
    pub area: String,
    pub date: NaiveDate,
    pub minutes: u32,
    #[serde(default)]
    pub note: String,
    pub recorded_at: Timestamp,
}

/// Everything recorded. `competencies.json` holds one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompetencyRecord {
    /// By skill id, e.g. `engagement.2`.
    #[serde(default)]
    pub skills: BTreeMap<String, SkillMark>,
    /// Oldest first.
    #[serde(default)]
    pub hours: Vec<HoursEntry>,
}

/// A change that breaks a rule, in words for the trainee.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompetencyError {
    #[error("Give the date as YYYY-MM-DD, e.g. 2026-03-02.")]
    BadDate,
    #[error("The date is in the future; use today's date or an earlier one.")]
    FutureDate,
    #[error("Say where or in what situation the skill was shown (no names).")]
    NoContext,
    #[error("Write a short note of what you did, as evidence.")]
    NoEvidence,
    #[error("{field} is too long: at most {max} characters.")]
    TooLong { field: &'static str, max: usize },
    #[error("Initials are 1 to {MAX_INITIALS_CHARS} letters, e.g. AB or J.R.")]
    BadInitials,
    #[error("The sign-off date cannot be before the skill was demonstrated.")]
    SignOffBeforeDemonstration,
    #[error("Mark the skill as demonstrated before it can be signed off.")]
    NotDemonstrated,
    #[error("Give hours as a number (1.5), hours and minutes (1:30) or minutes (90m).")]
    BadHours,
    #[error("Hours must be more than zero and at most 24 in one entry.")]
    HoursOutOfRange,
    #[error("There is no such skill in the schedule.")]
    UnknownSkill,
}

fn check_len(field: &'static str, text: &str, max: usize) -> Result<(), CompetencyError> {
    if text.chars().count() > max {
        Err(CompetencyError::TooLong { field, max })
    } else {
        Ok(())
    }
}

fn not_future(date: NaiveDate, today: NaiveDate) -> Result<(), CompetencyError> {
    if date > today {
        Err(CompetencyError::FutureDate)
    } else {
        Ok(())
    }
}

/// Trims and joins lines so one-line fields stay one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How marking a skill changed an existing sign-off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkOutcome {
    /// First mark, or an edit of an unsigned one.
    Saved,
    /// An edit changed a signed-off mark: the sign-off was removed, since the supervisor
    /// signed something else.
    SignOffRemoved,
    /// Nothing changed.
    Unchanged,
}

/// Per-area counts for the progress view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AreaProgress {
    pub demonstrated: usize,
    pub signed_off: usize,
    pub total: usize,
    pub minutes: u64,
}

impl AreaProgress {
    /// Demonstrated as a share of the area's skills, 0.0 to 1.0.
    pub fn ratio(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            (self.demonstrated as f64 / self.total as f64).clamp(0.0, 1.0)
        }
    }
}

impl CompetencyRecord {
    pub fn mark(&self, skill: &str) -> Option<&SkillMark> {
        self.skills.get(skill)
    }

    /// Records (or edits) a demonstrated skill. Dates after `now`'s day are refused.
    pub fn set_mark(
        &mut self,
        skill: SkillRef<'_>,
        date: NaiveDate,
        context: &str,
        evidence: &str,
        now: Timestamp,
    ) -> Result<MarkOutcome, CompetencyError> {
        if skill.n == 0 || skill.n > skill.count {
            return Err(CompetencyError::UnknownSkill);
        }
        not_future(date, now.date_naive())?;
        let context = one_line(context);
        let evidence = evidence.trim().to_string();
        if context.is_empty() {
            return Err(CompetencyError::NoContext);
        }
        if evidence.is_empty() {
            return Err(CompetencyError::NoEvidence);
        }
        check_len("The context", &context, MAX_CONTEXT_CHARS)?;
        check_len("The evidence note", &evidence, MAX_EVIDENCE_CHARS)?;
        let id = skill_id(skill.area, skill.n);
        let (sign_off, outcome) = match self.skills.get(&id) {
            Some(old) if old.date == date && old.context == context && old.evidence == evidence => {
                return Ok(MarkOutcome::Unchanged);
            }
            Some(old) if old.sign_off.is_some() => (None, MarkOutcome::SignOffRemoved),
            _ => (None, MarkOutcome::Saved),
        };
        self.skills.insert(
            id,
            SkillMark {
                date,
                context,
                evidence,
                sign_off,
                recorded_at: now,
            },
        );
        Ok(outcome)
    }

    /// Removes a skill's mark (and its sign-off). True if there was one.
    pub fn unmark(&mut self, skill: &str) -> bool {
        self.skills.remove(skill).is_some()
    }

    /// Adds or replaces the supervisor's sign-off of a demonstrated skill.
    pub fn sign_off(
        &mut self,
        skill: &str,
        initials: &str,
        date: NaiveDate,
        now: Timestamp,
    ) -> Result<(), CompetencyError> {
        let mark = self
            .skills
            .get_mut(skill)
            .ok_or(CompetencyError::NotDemonstrated)?;
        let initials: String = initials.split_whitespace().collect();
        let letters = initials.chars().filter(|c| c.is_alphabetic()).count();
        let allowed = initials
            .chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == '-');
        if letters == 0 || !allowed || initials.chars().count() > MAX_INITIALS_CHARS {
            return Err(CompetencyError::BadInitials);
        }
        not_future(date, now.date_naive())?;
        if date < mark.date {
            return Err(CompetencyError::SignOffBeforeDemonstration);
        }
        mark.sign_off = Some(SignOff { initials, date });
        mark.recorded_at = now;
        Ok(())
    }

    /// Removes a sign-off. True if there was one.
    pub fn remove_sign_off(&mut self, skill: &str) -> bool {
        self.skills
            .get_mut(skill)
            .and_then(|m| m.sign_off.take())
            .is_some()
    }

    /// Logs time worked in an area.
    pub fn log_hours(
        &mut self,
        id: Uuid,
        area_id: &str,
        date: NaiveDate,
        minutes: u32,
        note: &str,
        now: Timestamp,
    ) -> Result<(), CompetencyError> {
        not_future(date, now.date_naive())?;
        if minutes == 0 || minutes > MAX_MINUTES_PER_ENTRY {
            return Err(CompetencyError::HoursOutOfRange);
        }
        let note = one_line(note);
        check_len("The note", &note, MAX_NOTE_CHARS)?;
        let entry = HoursEntry {
            id,
            area: area_id.to_string(),
            date,
            minutes,
            note,
            recorded_at: now,
        };
        // Kept in date order so lists and exports read as a log.
        let pos = self.hours.partition_point(|h| h.date <= date);
        self.hours.insert(pos, entry);
        Ok(())
    }

    /// Removes an hours entry. True if it was there.
    pub fn remove_hours(&mut self, id: Uuid) -> bool {
        let before = self.hours.len();
        self.hours.retain(|h| h.id != id);
        self.hours.len() != before
    }

    /// Hours entries of one area, oldest first.
    pub fn hours_for<'a>(&'a self, area_id: &'a str) -> impl Iterator<Item = &'a HoursEntry> {
        self.hours.iter().filter(move |h| h.area == area_id)
    }

    /// Counts for one area of `skill_count` skills.
    pub fn area_progress(&self, area_id: &str, skill_count: usize) -> AreaProgress {
        let mut p = AreaProgress {
            total: skill_count,
            ..AreaProgress::default()
        };
        for n in 1..=skill_count {
            if let Some(m) = self.skills.get(&skill_id(area_id, n)) {
                p.demonstrated += 1;
                if m.sign_off.is_some() {
                    p.signed_off += 1;
                }
            }
        }
        p.minutes = self.hours_for(area_id).map(|h| u64::from(h.minutes)).sum();
        p
    }

    pub fn total_minutes(&self) -> u64 {
        self.hours.iter().map(|h| u64::from(h.minutes)).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn now() -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-03-02T09:30:00-05:00").expect("time")
    }

    const TODAY: &str = "2026-03-02";

    fn marked() -> CompetencyRecord {
        let mut r = CompetencyRecord::default();
        r.set_mark(
            SkillRef {
                area: "engagement",
                n: 2,
                count: 5,
            },
            d("2026-02-20"),
            "Weekly check-in",
            "Reflected feeling and content; peer said they felt heard.",
            now(),
        )
        .expect("mark");
        r
    }

    #[test]
    fn skill_ids() {
        assert_eq!(skill_id("engagement", 3), "engagement.3");
        assert_eq!(split_skill_id("engagement.3"), Some(("engagement", 3)));
        assert_eq!(split_skill_id("training_law.8"), Some(("training_law", 8)));
        assert_eq!(split_skill_id("engagement.0"), None);
        assert_eq!(split_skill_id("engagement"), None);
        assert_eq!(split_skill_id(".2"), None);
    }

    #[test]
    fn marking_checks_dates_and_text() {
        let mut r = CompetencyRecord::default();
        let mark = |r: &mut CompetencyRecord, n, date, ctx, ev| {
            let skill = SkillRef {
                area: "support",
                n,
                count: 5,
            };
            r.set_mark(skill, d(date), ctx, ev, now())
        };
        assert_eq!(
            mark(&mut r, 6, TODAY, "x", "y"),
            Err(CompetencyError::UnknownSkill)
        );
        assert_eq!(
            mark(&mut r, 1, "2026-03-03", "x", "y"),
            Err(CompetencyError::FutureDate)
        );
        assert_eq!(
            mark(&mut r, 1, TODAY, "  ", "y"),
            Err(CompetencyError::NoContext)
        );
        assert_eq!(
            mark(&mut r, 1, TODAY, "x", "\n"),
            Err(CompetencyError::NoEvidence)
        );
        let long = "x".repeat(MAX_CONTEXT_CHARS + 1);
        assert!(matches!(
            mark(&mut r, 1, TODAY, &long, "y"),
            Err(CompetencyError::TooLong { .. })
        ));
        assert!(r.skills.is_empty());
        assert_eq!(
            mark(&mut r, 1, TODAY, " Group\n session ", "Validated."),
            Ok(MarkOutcome::Saved)
        );
        assert_eq!(r.mark("support.1").expect("mark").context, "Group session");
        assert_eq!(
            mark(&mut r, 1, TODAY, "Group session", "Validated."),
            Ok(MarkOutcome::Unchanged)
        );
    }

    #[test]
    fn sign_off_rules_and_editing_a_signed_mark() {
        let mut r = marked();
        assert_eq!(
            r.sign_off("engagement.1", "AB", d(TODAY), now()),
            Err(CompetencyError::NotDemonstrated)
        );
        for bad in ["", "A1", "ABCDEFG", "."] {
            assert_eq!(
                r.sign_off("engagement.2", bad, d(TODAY), now()),
                Err(CompetencyError::BadInitials),
                "{bad:?}"
            );
        }
        assert_eq!(
            r.sign_off("engagement.2", "AB", d("2026-02-19"), now()),
            Err(CompetencyError::SignOffBeforeDemonstration)
        );
        r.sign_off("engagement.2", "J. R.", d(TODAY), now())
            .expect("sign");
        let s = r.mark("engagement.2").and_then(|m| m.sign_off.clone());
        assert_eq!(
            s,
            Some(SignOff {
                initials: "J.R.".into(),
                date: d(TODAY)
            })
        );
        // Changing what was signed drops the signature.
        let out = r
            .set_mark(
                SkillRef {
                    area: "engagement",
                    n: 2,
                    count: 5,
                },
                d("2026-02-20"),
                "Weekly check-in",
                "Something else",
                now(),
            )
            .expect("edit");
        assert_eq!(out, MarkOutcome::SignOffRemoved);
        assert!(r.mark("engagement.2").expect("mark").sign_off.is_none());
        assert!(r.unmark("engagement.2"));
        assert!(!r.unmark("engagement.2"));
    }

    #[test]
    fn hours_are_logged_in_date_order_and_counted_per_area() {
        let mut r = marked();
        let log = |r: &mut CompetencyRecord, id: u128, area, date, min| {
            r.log_hours(Uuid::from_u128(id), area, d(date), min, "shadowed", now())
        };
        log(&mut r, 1, "engagement", "2026-02-25", 90).expect("log");
        log(&mut r, 2, "engagement", "2026-02-10", 60).expect("log");
        log(&mut r, 3, "crises", "2026-02-26", 30).expect("log");
        assert_eq!(
            log(&mut r, 4, "crises", "2026-02-26", 0),
            Err(CompetencyError::HoursOutOfRange)
        );
        assert_eq!(
            log(&mut r, 4, "crises", "2026-02-26", 24 * 60 + 1),
            Err(CompetencyError::HoursOutOfRange)
        );
        assert_eq!(
            log(&mut r, 4, "crises", "2026-04-01", 30),
            Err(CompetencyError::FutureDate)
        );
        let dates: Vec<_> = r.hours.iter().map(|h| h.date.to_string()).collect();
        assert_eq!(dates, ["2026-02-10", "2026-02-25", "2026-02-26"]);
        let p = r.area_progress("engagement", 5);
        assert_eq!(
            p,
            AreaProgress {
                demonstrated: 1,
                signed_off: 0,
                total: 5,
                minutes: 150
            }
        );
        assert!((p.ratio() - 0.2).abs() < 1e-9);
        assert_eq!(r.total_minutes(), 180);
        assert!(r.remove_hours(Uuid::from_u128(3)));
        assert_eq!(r.total_minutes(), 150);
    }

    #[test]
    fn json_shape() {
        let r = marked();
        let json = serde_json::to_value(&r).expect("json");
        assert_eq!(json["skills"]["engagement.2"]["date"], "2026-02-20");
        assert_eq!(
            json["skills"]["engagement.2"]["sign_off"],
            serde_json::Value::Null
        );
        let back: CompetencyRecord = serde_json::from_value(json).expect("back");
        assert_eq!(back, r);
        // Missing lists read as empty.
        let empty: CompetencyRecord = serde_json::from_str("{}").expect("empty");
        assert_eq!(empty, CompetencyRecord::default());
    }
}
