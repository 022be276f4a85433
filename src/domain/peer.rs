use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Timestamp;

/// The longest alias we accept. Aliases are initials or a nickname, not a biography.
pub const MAX_ALIAS_CHARS: usize = 32;
pub const MAX_PRONOUNS_CHARS: usize = 24;
pub const MAX_PREFERENCES_CHARS: usize = 500;
/// The longest check-in interval, in days.
pub const MAX_CHECK_IN_DAYS: u32 = 365;

/// A person the specialist supports, known by a pseudonymous alias.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Peer {
    pub id: Uuid,
    pub alias: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pronouns: Option<String>,
    /// How the peer likes to meet and be supported ("prefers mornings, text first").
    #[serde(default)]
    pub preferences: String,
    #[serde(default)]
    pub archived: bool,
    pub created_at: Timestamp,
    /// Days between contacts before Coming up lists a check-in (7 when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_in_days: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeerError {
    #[error("an alias is needed (initials or a nickname)")]
    EmptyAlias,
    #[error("an alias can be at most {MAX_ALIAS_CHARS} characters")]
    AliasTooLong,
    #[error("an alias must fit on one line")]
    AliasMultiline,
    #[error("pronouns can be at most {MAX_PRONOUNS_CHARS} characters")]
    PronounsTooLong,
    #[error("preferences can be at most {MAX_PREFERENCES_CHARS} characters")]
    PreferencesTooLong,
    #[error("another peer already uses that alias")]
    DuplicateAlias,
    #[error(
        "the check-in interval is a number of days from 1 to {MAX_CHECK_IN_DAYS}, or blank for 7"
    )]
    CheckInDays,
}

impl Peer {
    pub fn new(alias: &str, now: Timestamp) -> Result<Peer, PeerError> {
        Ok(Peer {
            id: Uuid::new_v4(),
            alias: clean_alias(alias)?,
            pronouns: None,
            preferences: String::new(),
            archived: false,
            created_at: now,
            check_in_days: None,
        })
    }

    pub fn rename(&mut self, alias: &str) -> Result<(), PeerError> {
        self.alias = clean_alias(alias)?;
        Ok(())
    }

    pub fn set_pronouns(&mut self, pronouns: &str) -> Result<(), PeerError> {
        let p = pronouns.trim();
        if p.chars().count() > MAX_PRONOUNS_CHARS {
            return Err(PeerError::PronounsTooLong);
        }
        self.pronouns = (!p.is_empty()).then(|| p.to_string());
        Ok(())
    }

    pub fn set_preferences(&mut self, preferences: &str) -> Result<(), PeerError> {
        let p = preferences.trim();
        if p.chars().count() > MAX_PREFERENCES_CHARS {
            return Err(PeerError::PreferencesTooLong);
        }
        self.preferences = p.to_string();
        Ok(())
    }
}

impl Peer {
    /// Sets the days between contacts from typed text (`14`, `2w`); blank means the default.
    pub fn set_check_in_days(&mut self, text: &str) -> Result<(), PeerError> {
        let t = text.trim().to_lowercase();
        if t.is_empty() {
            self.check_in_days = None;
            return Ok(());
        }
        let (digits, unit) = match t.strip_suffix('w') {
            Some(d) => (d, 7),
            None => (t.strip_suffix('d').unwrap_or(&t), 1),
        };
        let days = digits
            .trim()
            .parse::<u32>()
            .ok()
            .and_then(|n| n.checked_mul(unit))
            .filter(|d| (1..=MAX_CHECK_IN_DAYS).contains(d))
            .ok_or(PeerError::CheckInDays)?;
        self.check_in_days = Some(days);
        Ok(())
    }
}

/// Trims and checks an alias.
pub fn clean_alias(alias: &str) -> Result<String, PeerError> {
    let a = alias.trim();
    if a.is_empty() {
        return Err(PeerError::EmptyAlias);
    }
    if a.contains(['\n', '\r']) {
        return Err(PeerError::AliasMultiline);
    }
    if a.chars().count() > MAX_ALIAS_CHARS {
        return Err(PeerError::AliasTooLong);
    }
    Ok(a.to_string())
}

/// True when an alias reads like a first and last name ("Maria Lopez"), so the form can
/// suggest initials or a nickname instead. A nudge, not a rule: the specialist decides.
pub fn looks_like_full_name(alias: &str) -> bool {
    let words: Vec<&str> = alias.split_whitespace().collect();
    words.len() >= 2
        && words.iter().all(|w| {
            let first_upper = w.chars().next().is_some_and(char::is_uppercase);
            first_upper
                && w.chars().count() >= 3
                && w.chars().any(char::is_lowercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        })
}

/// Checks that no other live peer uses `alias` (case-insensitive).
pub fn check_unique_alias<'a>(
    alias: &str,
    peers: impl IntoIterator<Item = &'a Peer>,
    except: Option<Uuid>,
) -> Result<(), PeerError> {
    let wanted = alias.trim().to_lowercase();
    let clash = peers
        .into_iter()
        .any(|p| Some(p.id) != except && p.alias.to_lowercase() == wanted);
    if clash {
        Err(PeerError::DuplicateAlias)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t0() -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-01-05T10:00:00-05:00").expect("time")
    }

    #[test]
    fn alias_is_trimmed_and_checked() {
        assert_eq!(clean_alias("  JD ").as_deref(), Ok("JD"));
        assert_eq!(clean_alias("   "), Err(PeerError::EmptyAlias));
        assert_eq!(clean_alias("a\nb"), Err(PeerError::AliasMultiline));
        assert_eq!(clean_alias(&"x".repeat(33)), Err(PeerError::AliasTooLong));
        assert!(
            clean_alias(&"é".repeat(32)).is_ok(),
            "counts characters, not bytes"
        );
    }

    #[test]
    fn full_names_are_noticed_but_initials_and_nicknames_are_not() {
        assert!(looks_like_full_name("Maria Lopez"));
        assert!(looks_like_full_name("Anne-Marie O'neil"));
        assert!(!looks_like_full_name("ML"));
        assert!(!looks_like_full_name("Sunny"));
        assert!(!looks_like_full_name("J. R."));
        assert!(!looks_like_full_name("big dave"));
    }

    #[test]
    fn check_in_days_take_days_or_weeks_and_blank_is_the_default() {
        let mut p = Peer::new("JD", t0()).expect("peer");
        p.set_check_in_days("14").expect("ok");
        assert_eq!(p.check_in_days, Some(14));
        p.set_check_in_days("2w").expect("ok");
        assert_eq!(p.check_in_days, Some(14));
        p.set_check_in_days(" ").expect("ok");
        assert_eq!(p.check_in_days, None);
        assert_eq!(p.set_check_in_days("0"), Err(PeerError::CheckInDays));
        assert_eq!(p.set_check_in_days("soon"), Err(PeerError::CheckInDays));
        assert_eq!(p.set_check_in_days("400"), Err(PeerError::CheckInDays));
    }

    #[test]
    fn pronouns_blank_means_none() {
        let mut p = Peer::new("JD", t0()).expect("peer");
        p.set_pronouns(" they/them ").expect("ok");
        assert_eq!(p.pronouns.as_deref(), Some("they/them"));
        p.set_pronouns("  ").expect("ok");
        assert_eq!(p.pronouns, None);
    }

    #[test]
    fn duplicate_alias_is_refused_case_insensitively_except_for_itself() {
        let a = Peer::new("JD", t0()).expect("peer");
        let b = Peer::new("Sunny", t0()).expect("peer");
        let peers = [a.clone(), b];
        assert_eq!(
            check_unique_alias("jd", &peers, None),
            Err(PeerError::DuplicateAlias)
        );
        assert_eq!(check_unique_alias("jd", &peers, Some(a.id)), Ok(()));
        assert_eq!(check_unique_alias("KM", &peers, None), Ok(()));
    }
}
