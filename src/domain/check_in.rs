//! Life-area check-ins: at a session, the peer rates on their own 1-10 scale how each part of
//! life is going (home, work or school, community, health, relationships, and any they add),
//! with a word on why. Kept on the session it was made in; read over time per peer.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, PoisonError};

use serde::{Deserialize, Deserializer, Serialize};
use uuid::Uuid;

use super::Timestamp;

/// The lowest and highest rating.
pub const MIN_RATING: u8 = 1;
pub const MAX_RATING: u8 = 10;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckInError {
    #[error("a rating is a whole number from 1 to 10")]
    OutOfRange,
    #[error("an area the peer adds needs a name")]
    EmptyArea,
}

/// Reads a typed rating: blank is "not rated"; anything else must be 1 to 10.
pub fn parse_rating(text: &str) -> Result<Option<u8>, CheckInError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u8>() {
        Ok(n) if (MIN_RATING..=MAX_RATING).contains(&n) => Ok(Some(n)),
        _ => Err(CheckInError::OutOfRange),
    }
}

/// True when `text` could still become a rating as more is typed ("1" before "10").
pub fn rating_in_progress(text: &str) -> bool {
    text.is_empty() || parse_rating(text).is_ok()
}

/// One area rated.
///
/// Kept small because a long history holds tens of thousands of check-ins in memory: the
/// area's name is shared with every other rating of that area ([`area_key`]), and the
/// word on why (most often blank) takes no more room than its text. On disk it is the same
/// JSON object as ever: `{"area": "home", "rating": 7, "why": "..."}`, `why` left out
/// when blank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaRating {
    /// The built-in area's id (`home`, `health`...) or the name the peer gave their own.
    #[serde(deserialize_with = "deserialize_area")]
    pub area: Arc<str>,
    pub rating: u8,
    /// A word on why, in their words.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub why: Box<str>,
}

impl AreaRating {
    /// `area` rated `rating`, with `why` (blank for none); the name is shared through
    /// [`area_key`]. Ranges are checked by [`CheckIn::new`].
    pub fn new(area: &str, rating: u8, why: &str) -> AreaRating {
        AreaRating {
            area: area_key(area),
            rating,
            why: why.into(),
        }
    }
}

/// How many distinct area names are kept for sharing: the built-in areas and the few each
/// peer adds fit many times over; past it a name is simply held by its own ratings, so a
/// folder full of one-off names cannot make this grow without end.
const SHARED_AREAS: usize = 1024;

/// Every area name shared so far, one allocation each for the life of the process.
static AREAS: Mutex<BTreeSet<Arc<str>>> = Mutex::new(BTreeSet::new());

/// The shared copy of the area name `name`: every check-in read (from a session file, an
/// index record or the index snapshot) refers to one string per area instead of holding
/// its own.
pub fn area_key(name: &str) -> Arc<str> {
    // Only names are kept here, so a panic elsewhere leaves nothing half-made.
    let mut areas = AREAS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(shared) = areas.get(name) {
        return Arc::clone(shared);
    }
    let key: Arc<str> = Arc::from(name);
    if areas.len() < SHARED_AREAS {
        areas.insert(Arc::clone(&key));
    }
    key
}

/// Reads an area name straight into its shared copy (no string of its own in between).
fn deserialize_area<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<str>, D::Error> {
    struct Area;
    impl serde::de::Visitor<'_> for Area {
        type Value = Arc<str>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an area name")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Arc<str>, E> {
            Ok(area_key(v))
        }
    }
    d.deserialize_str(Area)
}

/// One check-in: the areas the peer chose to rate that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    pub at: Timestamp,
    /// Boxed rather than a `Vec`: a check-in is not added to once made.
    pub ratings: Box<[AreaRating]>,
}

impl CheckIn {
    /// A check-in of `ratings`, refusing any outside 1-10 and unnamed areas.
    pub fn new(at: Timestamp, ratings: Vec<AreaRating>) -> Result<CheckIn, CheckInError> {
        for r in &ratings {
            if !(MIN_RATING..=MAX_RATING).contains(&r.rating) {
                return Err(CheckInError::OutOfRange);
            }
            if r.area.trim().is_empty() {
                return Err(CheckInError::EmptyArea);
            }
        }
        Ok(CheckIn {
            at,
            ratings: ratings.into_boxed_slice(),
        })
    }

    pub fn rating(&self, area: &str) -> Option<u8> {
        self.ratings
            .iter()
            .find(|r| &*r.area == area)
            .map(|r| r.rating)
    }
}

/// A check-in as lists keep it: which peer and session it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerCheckIn {
    pub session_id: Uuid,
    /// Shared with the session index, which holds the same check-in.
    #[serde(flatten)]
    pub check_in: std::sync::Arc<CheckIn>,
}

/// How one area moved between two check-ins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    pub area: String,
    pub from: u8,
    pub to: u8,
}

/// Every area rated in `check_ins` (oldest first), in the order first rated, built-in
/// areas in `known` order first.
pub fn areas_of(check_ins: &[PeerCheckIn], known: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = known
        .iter()
        .filter(|k| check_ins.iter().any(|c| c.check_in.rating(k).is_some()))
        .map(|k| k.to_string())
        .collect();
    for c in check_ins {
        for r in &c.check_in.ratings {
            if !out.iter().any(|a| **a == *r.area) {
                out.push(r.area.to_string());
            }
        }
    }
    out
}

/// One area's ratings over time (oldest first), leaving out check-ins that skipped it.
pub fn series(check_ins: &[PeerCheckIn], area: &str) -> Vec<u8> {
    check_ins
        .iter()
        .filter_map(|c| c.check_in.rating(area))
        .collect()
}

/// What moved between the last two check-ins that rated each area: the areas whose latest
/// rating differs from the one before it.
pub fn moved(check_ins: &[PeerCheckIn]) -> Vec<Moved> {
    let mut out = Vec::new();
    for area in areas_of(check_ins, &[]) {
        let s = series(check_ins, &area);
        if let [.., from, to] = s[..]
            && from != to
        {
            out.push(Moved { area, from, to });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(day: u32) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339(&format!("2026-02-{day:02}T10:00:00-05:00"))
            .expect("time")
    }

    fn rated(day: u32, pairs: &[(&str, u8)]) -> PeerCheckIn {
        PeerCheckIn {
            session_id: Uuid::new_v4(),
            check_in: CheckIn::new(
                t(day),
                pairs
                    .iter()
                    .map(|(a, r)| AreaRating::new(a, *r, ""))
                    .collect(),
            )
            .expect("valid")
            .into(),
        }
    }

    #[test]
    fn ratings_outside_one_to_ten_are_refused() {
        assert_eq!(parse_rating(" 7 "), Ok(Some(7)));
        assert_eq!(parse_rating(""), Ok(None));
        for bad in ["0", "11", "-1", "seven", "5.5"] {
            assert_eq!(parse_rating(bad), Err(CheckInError::OutOfRange), "{bad}");
        }
        assert!(rating_in_progress("1") && !rating_in_progress("12"));
        let bad = AreaRating::new("home", 11, "");
        assert_eq!(CheckIn::new(t(1), vec![bad]), Err(CheckInError::OutOfRange));
    }

    #[test]
    fn the_json_is_unchanged_and_each_area_name_is_held_once() {
        let json = concat!(
            r#"{"at":"2026-02-01T10:00:00-05:00","ratings":["#,
            r#"{"area":"home","rating":4},"#,
            r#"{"area":"caf\u00e9 nights","rating":7,"why":"a \"good\" week"}]}"#
        );
        let a: CheckIn = serde_json::from_str(json).expect("parse");
        let b: CheckIn = serde_json::from_reader(json.as_bytes()).expect("parse");
        assert_eq!(a, b);
        assert_eq!(a.rating("café nights"), Some(7));
        assert_eq!(&*a.ratings[1].why, "a \"good\" week");
        assert!(a.ratings[0].why.is_empty());
        // Written back exactly as read (`why` still left out when blank).
        let again = serde_json::to_string(&a).expect("write");
        assert_eq!(again.replace("é", "\\u00e9"), json);
        for i in 0..2 {
            assert!(Arc::ptr_eq(&a.ratings[i].area, &b.ratings[i].area));
        }
        assert!(Arc::ptr_eq(&a.ratings[0].area, &area_key("home")));
        assert!(Arc::ptr_eq(
            &a.ratings[0].area,
            &AreaRating::new("home", 5, "").area
        ));
    }

    #[test]
    fn a_check_in_takes_little_memory() {
        // Tens of thousands of check-ins stay in memory with a long history: a rating is
        // two pointers and its number, a check-in its time and one pointer.
        assert!(std::mem::size_of::<AreaRating>() <= 40);
        assert!(std::mem::size_of::<CheckIn>() <= 32);
        let empty = CheckIn::new(t(1), vec![AreaRating::new(" ", 5, "")]);
        assert_eq!(empty, Err(CheckInError::EmptyArea));
    }

    #[test]
    fn three_check_ins_give_each_area_a_series_and_what_moved() {
        let list = vec![
            rated(1, &[("home", 4), ("health", 6)]),
            rated(8, &[("home", 5), ("health", 6), ("art", 3)]),
            rated(15, &[("home", 7), ("art", 3)]),
        ];
        assert_eq!(
            areas_of(&list, &["health", "home", "work_school"]),
            ["health", "home", "art"]
        );
        assert_eq!(series(&list, "home"), [4, 5, 7]);
        assert_eq!(series(&list, "health"), [6, 6]);
        assert_eq!(
            moved(&list),
            vec![Moved {
                area: "home".into(),
                from: 5,
                to: 7
            }]
        );
    }
}
