//! index-snapshot.bin: a compact binary copy of index.json, read on open instead of parsing
//! the JSON (which, with 100,000 sessions, takes most of a start).
//!
//! index.json stays the index a person (or an older release) can read; the snapshot only
//! stands in for it while it records index.json's exact stamp (size, time, inode) and its
//! checksum matches. Anything else (index.json rewritten by another version, a crash
//! between the two writes, a damaged snapshot, a snapshot of an earlier layout) makes the
//! store parse index.json as before and write the snapshot again, so the snapshot never
//! holds anything index.json does not. In an encrypted folder it is sealed like every
//! other file.
//!
//! Layout (little-endian): magic, CURRENT_VERSION (u64), index.json's stamp (3 x u64),
//! a table of the short strings that repeat (aliases, check-in areas, and enums by their
//! JSON names), entry count (u64), the entries, then a checksum (u64) of everything before
//! it. Entries refer to the table by number, so decoding makes each alias once (shared by
//! every entry of that peer), each check-in area once (shared with every check-in, see
//! `check_in::area_key`) and each enum once; the rest are fixed-size numbers and
//! length-prefixed strings.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, TimeZone};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::atomic::FileStamp;
use super::index::{AttendeeEntry, IndexEntry};
use super::schema::CURRENT_VERSION;
use crate::domain::check_in::{AreaRating, CheckIn, area_key};
use crate::domain::listed::Listed;
use crate::domain::report::SessionFacts;
use crate::domain::shared_str::SharedStr;
use crate::domain::{DirectActivity, Flags, SessionKind, Timestamp};

/// "alongside index snapshot", format 2 of the binary layout (with the string table).
const MAGIC: &[u8; 8] = b"ALSNAP\x00\x02";
/// Where the string table starts: after the magic, the version and the stamp.
const TABLE_AT: usize = MAGIC.len() + 8 * 4;

/// The snapshot of `entries`, taken from the index.json whose stamp is `source`.
pub(crate) fn encode(source: FileStamp, entries: &[IndexEntry]) -> Vec<u8> {
    let mut body = Writer {
        out: Vec::with_capacity(64 + entries.len() * 200),
        table: Table::default(),
    };
    body.u64(entries.len() as u64);
    for e in entries {
        body.entry(e);
    }
    let Writer { out: body, table } = body;
    let mut out = Vec::with_capacity(body.len() + table.size + 64);
    out.extend_from_slice(MAGIC);
    for n in [CURRENT_VERSION, source.len, source.mtime_ns, source.ino] {
        out.extend_from_slice(&n.to_le_bytes());
    }
    out.extend_from_slice(&(table.strings.len() as u32).to_le_bytes());
    for s in &table.strings {
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        out.extend_from_slice(s);
    }
    out.extend_from_slice(&body);
    let sum = checksum(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

/// The index.json stamp a snapshot was taken from, read from its header alone (so a stale
/// snapshot is recognised without decoding it).
pub(crate) fn source_of(bytes: &[u8]) -> Option<FileStamp> {
    let mut r = Reader { b: bytes, at: 0 };
    (r.take(MAGIC.len())? == MAGIC).then_some(())?;
    (r.u64()? == CURRENT_VERSION).then_some(())?;
    Some(FileStamp {
        len: r.u64()?,
        mtime_ns: r.u64()?,
        ino: r.u64()?,
    })
}

/// The entries of a whole, undamaged snapshot of the current format; `None` otherwise.
pub(crate) fn decode(bytes: &[u8]) -> Option<Vec<IndexEntry>> {
    let body_len = bytes.len().checked_sub(8)?;
    let (body, sum) = bytes.split_at(body_len);
    if checksum(body) != u64::from_le_bytes(sum.try_into().ok()?) {
        return None;
    }
    source_of(body)?;
    let mut r = Reader {
        b: body,
        at: TABLE_AT,
    };
    let strings = usize::try_from(r.u32()?).ok()?;
    // Every string takes at least its 4-byte length: more than that is damage.
    if strings > body.len() / 4 {
        return None;
    }
    let mut table = Vec::with_capacity(strings);
    for _ in 0..strings {
        let n = usize::try_from(r.u32()?).ok()?;
        table.push(r.take(n)?);
    }
    let count = usize::try_from(r.u64()?).ok()?;
    // Every entry takes well over 64 bytes: a count beyond that is damage, not a size.
    if count > body.len() / 64 {
        return None;
    }
    let mut cache = Cache::new(table);
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        out.push(r.entry(&mut cache)?);
    }
    let previews: Arc<str> = Arc::from(std::mem::take(&mut cache.previews));
    for (e, &(start, end)) in out.iter_mut().zip(&cache.ranges) {
        // Each listing was made just above and is not shared yet.
        Arc::get_mut(&mut e.listed)?.preview = SharedStr::slice(&previews, start, end)?;
    }
    (r.at == body.len()).then_some(out)
}

/// A fast 64-bit checksum of whole words (damage detection, not security: an encrypted
/// folder's files are authenticated by the encryption itself).
fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = 0x5151_u64 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ w).wrapping_mul(K).rotate_left(29);
    }
    for &b in chunks.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(K).rotate_left(29);
    }
    h ^ (h >> 32)
}

/// The strings that repeat, each written once and referred to by number.
#[derive(Default)]
struct Table {
    strings: Vec<Vec<u8>>,
    numbers: HashMap<Vec<u8>, u32>,
    size: usize,
}

impl Table {
    fn number(&mut self, s: &[u8]) -> u32 {
        if let Some(&n) = self.numbers.get(s) {
            return n;
        }
        let n = self.strings.len() as u32;
        self.strings.push(s.to_vec());
        self.numbers.insert(s.to_vec(), n);
        self.size += 4 + s.len();
        n
    }
}

struct Writer {
    out: Vec<u8>,
    table: Table,
}

impl Writer {
    fn u8(&mut self, v: u8) {
        self.out.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(u32::try_from(s.len()).unwrap_or(u32::MAX));
        let n = s.len().min(u32::MAX as usize);
        self.out.extend_from_slice(&s.as_bytes()[..n]);
    }
    fn uuid(&mut self, id: Uuid) {
        self.out.extend_from_slice(id.as_bytes());
    }
    /// A string that repeats, by its number in the table.
    fn shared(&mut self, s: &str) {
        let n = self.table.number(s.as_bytes());
        self.u32(n);
    }
    /// An enum by its JSON name, through the table.
    fn named<T: Serialize>(&mut self, v: &T) {
        let json = serde_json::to_vec(v).unwrap_or_default();
        let n = self.table.number(&json);
        self.u32(n);
    }
    fn time(&mut self, t: &Timestamp) {
        self.u64(t.timestamp() as u64);
        self.u32(t.timestamp_subsec_nanos());
        self.u32(t.offset().local_minus_utc() as u32);
    }
    fn opt_time(&mut self, t: Option<&Timestamp>) {
        match t {
            Some(t) => {
                self.u8(1);
                self.time(t);
            }
            None => self.u8(0),
        }
    }

    fn entry(&mut self, e: &IndexEntry) {
        // Taken apart field by field so that a field added to the index cannot be left out
        // of the snapshot without this failing to compile.
        let IndexEntry {
            listed,
            ended_at,
            search_text,
            stamp,
            facts,
            check_in,
        } = e;
        let Listed {
            id,
            peer_id,
            peer_alias,
            kind,
            started_at,
            duration_seconds,
            flags,
            amendments,
            preview,
            attendees,
        } = &**listed;
        self.uuid(*id);
        self.uuid(*peer_id);
        self.shared(peer_alias);
        self.named(kind);
        self.time(started_at);
        self.opt_time(ended_at.as_ref());
        self.u64(*duration_seconds as u64);
        let Flags {
            safety_concern,
            follow_up_needed,
        } = *flags;
        self.u8(u8::from(safety_concern) | (u8::from(follow_up_needed) << 1));
        self.u64(u64::from(*amendments));
        self.str(preview);
        match search_text {
            Some(t) => {
                self.u8(1);
                self.str(t);
            }
            None => self.u8(0),
        }
        let FileStamp { len, mtime_ns, ino } = *stamp;
        for n in [len, mtime_ns, ino] {
            self.u64(n);
        }
        match facts {
            Some(f) => {
                self.u8(1);
                self.facts(f);
            }
            None => self.u8(0),
        }
        self.u32(attendees.len() as u32);
        for a in attendees {
            let AttendeeEntry {
                peer_id,
                peer_alias,
                joined_at,
                left_at,
            } = a;
            self.uuid(*peer_id);
            self.shared(peer_alias);
            self.time(joined_at);
            self.opt_time(left_at.as_ref());
        }
        match check_in {
            Some(c) => {
                self.u8(1);
                self.check_in(c);
            }
            None => self.u8(0),
        }
    }

    fn check_in(&mut self, c: &CheckIn) {
        let CheckIn { at, ratings } = c;
        self.time(at);
        self.u32(ratings.len() as u32);
        for r in ratings {
            let AreaRating { area, rating, why } = r;
            self.shared(area);
            self.u8(*rating);
            self.str(why);
        }
    }

    fn facts(&mut self, f: &SessionFacts) {
        let SessionFacts {
            activity_minutes,
            goals,
            goals_achieved,
            next_steps,
            next_steps_done,
            read_back,
            attendees,
        } = f;
        self.u32(activity_minutes.len() as u32);
        for (activity, minutes) in activity_minutes.iter() {
            self.named(&activity);
            self.u32(minutes);
        }
        for n in [*goals, *goals_achieved, *next_steps, *next_steps_done] {
            self.u32(u32::from(n));
        }
        self.u8(u8::from(*read_back));
        self.u32(attendees.len() as u32);
        for a in attendees {
            self.uuid(*a);
        }
    }
}

/// The string table as read, with each string turned into what entries need at most once.
struct Cache<'a> {
    table: Vec<&'a [u8]>,
    aliases: Vec<Option<Arc<str>>>,
    areas: Vec<Option<Arc<str>>>,
    kinds: Vec<Option<SessionKind>>,
    activities: Vec<Option<DirectActivity>>,
    /// Every entry's preview, one after the other, made one shared string once all are
    /// read ([`decode`]); each entry holds `empty` until then.
    previews: String,
    ranges: Vec<(usize, usize)>,
    empty: SharedStr,
}

impl<'a> Cache<'a> {
    fn new(table: Vec<&'a [u8]>) -> Cache<'a> {
        let n = table.len();
        Cache {
            table,
            aliases: vec![None; n],
            areas: vec![None; n],
            kinds: vec![None; n],
            activities: vec![None; n],
            previews: String::new(),
            ranges: Vec::new(),
            empty: SharedStr::default(),
        }
    }

    fn raw(&self, n: u32) -> Option<&'a [u8]> {
        self.table.get(usize::try_from(n).ok()?).copied()
    }

    fn alias(&mut self, n: u32) -> Option<Arc<str>> {
        let slot = self.aliases.get_mut(usize::try_from(n).ok()?)?;
        if let Some(a) = slot {
            return Some(Arc::clone(a));
        }
        let bytes = self.table.get(usize::try_from(n).ok()?)?;
        let a: Arc<str> = Arc::from(std::str::from_utf8(bytes).ok()?);
        *slot = Some(Arc::clone(&a));
        Some(a)
    }

    /// A check-in area's shared name ([`area_key`]), looked up once per table string.
    fn area(&mut self, n: u32) -> Option<Arc<str>> {
        let raw = self.raw(n)?;
        let slot = self.areas.get_mut(usize::try_from(n).ok()?)?;
        if let Some(a) = slot {
            return Some(Arc::clone(a));
        }
        let a = area_key(std::str::from_utf8(raw).ok()?);
        *slot = Some(Arc::clone(&a));
        Some(a)
    }

    fn kind(&mut self, n: u32) -> Option<SessionKind> {
        let raw = self.raw(n)?;
        named(self.kinds.get_mut(usize::try_from(n).ok()?)?, raw)
    }

    fn activity(&mut self, n: u32) -> Option<DirectActivity> {
        let raw = self.raw(n)?;
        named(self.activities.get_mut(usize::try_from(n).ok()?)?, raw)
    }
}

/// An enum from its JSON name, decoded once per table string.
fn named<T: DeserializeOwned + Copy>(slot: &mut Option<T>, json: &[u8]) -> Option<T> {
    if let Some(v) = slot {
        return Some(*v);
    }
    let v: T = serde_json::from_slice(json).ok()?;
    *slot = Some(v);
    Some(v)
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let out = self.b.get(self.at..end)?;
        self.at = end;
        Some(out)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn bool(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn str(&mut self) -> Option<&'a str> {
        let n = usize::try_from(self.u32()?).ok()?;
        std::str::from_utf8(self.take(n)?).ok()
    }
    fn uuid(&mut self) -> Option<Uuid> {
        Uuid::from_slice(self.take(16)?).ok()
    }
    fn time(&mut self) -> Option<Timestamp> {
        let secs = self.u64()? as i64;
        let nanos = self.u32()?;
        let offset = FixedOffset::east_opt(self.u32()? as i32)?;
        let utc = DateTime::from_timestamp(secs, nanos)?;
        Some(offset.from_utc_datetime(&utc.naive_utc()))
    }
    fn opt_time(&mut self) -> Option<Option<Timestamp>> {
        match self.bool()? {
            true => self.time().map(Some),
            false => Some(None),
        }
    }
    /// A count of items that each take at least `min` bytes, refused when the rest of the
    /// snapshot could not hold them.
    fn count(&mut self, min: usize) -> Option<usize> {
        let n = usize::try_from(self.u32()?).ok()?;
        (n <= (self.b.len() - self.at) / min).then_some(n)
    }

    fn entry(&mut self, cache: &mut Cache<'a>) -> Option<IndexEntry> {
        let id = self.uuid()?;
        let peer_id = self.uuid()?;
        let peer_alias = cache.alias(self.u32()?)?;
        let kind = cache.kind(self.u32()?)?;
        let started_at = self.time()?;
        let ended_at = self.opt_time()?;
        let duration_seconds = self.u64()? as i64;
        let bits = self.u8()?;
        if bits > 3 {
            return None;
        }
        let flags = Flags {
            safety_concern: bits & 1 != 0,
            follow_up_needed: bits & 2 != 0,
        };
        let amendment_count = usize::try_from(self.u64()?).ok()?;
        let text = self.str()?;
        let start = cache.previews.len();
        cache.previews.push_str(text);
        cache.ranges.push((start, cache.previews.len()));
        let preview = cache.empty.clone();
        let search_text = match self.bool()? {
            true => Some(Box::new(self.str()?.to_owned())),
            false => None,
        };
        let stamp = FileStamp {
            len: self.u64()?,
            mtime_ns: self.u64()?,
            ino: self.u64()?,
        };
        let facts = match self.bool()? {
            true => Some(self.facts(cache)?),
            false => None,
        };
        let n = self.count(37)?;
        let mut attendees = Vec::with_capacity(n);
        for _ in 0..n {
            attendees.push(AttendeeEntry {
                peer_id: self.uuid()?,
                peer_alias: cache.alias(self.u32()?)?,
                joined_at: self.time()?,
                left_at: self.opt_time()?,
            });
        }
        let check_in = match self.bool()? {
            true => Some(Arc::new(self.check_in(cache)?)),
            false => None,
        };
        Some(IndexEntry {
            listed: Arc::new(Listed {
                id,
                peer_id,
                peer_alias,
                kind,
                started_at,
                duration_seconds,
                flags,
                amendments: u32::try_from(amendment_count).ok()?,
                preview,
                attendees: attendees.into(),
            }),
            ended_at,
            search_text,
            stamp,
            facts,
            check_in,
        })
    }

    fn check_in(&mut self, cache: &mut Cache<'a>) -> Option<CheckIn> {
        let at = self.time()?;
        let n = self.count(9)?;
        let mut ratings = Vec::with_capacity(n);
        for _ in 0..n {
            let area = cache.area(self.u32()?)?;
            let rating = self.u8()?;
            let why = self.str()?.into();
            ratings.push(AreaRating { area, rating, why });
        }
        // Exactly `n` were reserved, so boxing keeps the same allocation.
        let ratings = ratings.into_boxed_slice();
        Some(CheckIn { at, ratings })
    }

    fn facts(&mut self, cache: &mut Cache<'a>) -> Option<SessionFacts> {
        let n = self.count(8)?;
        let mut activity_minutes = crate::domain::ActivityMinutes::default();
        for _ in 0..n {
            let activity = cache.activity(self.u32()?)?;
            activity_minutes.insert(activity, self.u32()?);
        }
        let mut count = || Some(u16::try_from(self.u32()?).unwrap_or(u16::MAX));
        let goals = count()?;
        let goals_achieved = count()?;
        let next_steps = count()?;
        let next_steps_done = count()?;
        let read_back = self.bool()?;
        let n = self.count(16)?;
        let mut attendees = Vec::with_capacity(n);
        for _ in 0..n {
            attendees.push(self.uuid()?);
        }
        Some(SessionFacts {
            activity_minutes,
            goals,
            goals_achieved,
            next_steps,
            next_steps_done,
            read_back,
            attendees: attendees.into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::check_in::{AreaRating, CheckIn};

    /// Generated sessions (some with check-ins and groups), plus one entry with every
    /// optional part filled in by hand.
    fn entries() -> Vec<IndexEntry> {
        let tmp = tempfile::tempdir().expect("tmp");
        crate::storage::sample::generate(tmp.path(), 60, 5, 11).expect("generate");
        let (store, _) = crate::storage::Store::open_read_only(tmp.path()).expect("open");
        let mut out = store.sessions().iter().cloned().collect::<Vec<_>>();
        let mut full = out[0].clone();
        let listed = Arc::make_mut(&mut full.listed);
        listed.id = Uuid::new_v4();
        listed.flags = Flags {
            safety_concern: true,
            follow_up_needed: true,
        };
        full.ended_at = None;
        full.search_text = Some(Box::new("a search text".into()));
        Arc::make_mut(&mut full.listed).attendees = vec![AttendeeEntry {
            peer_id: Uuid::new_v4(),
            peer_alias: "Attendee é".into(),
            joined_at: full.started_at,
            left_at: Some(full.started_at + chrono::Duration::minutes(5)),
        }]
        .into();
        full.check_in = Some(Arc::new(
            CheckIn::new(
                full.started_at,
                vec![
                    AreaRating::new("home", 7, "said so"),
                    AreaRating::new("their own é", 3, ""),
                ],
            )
            .expect("valid"),
        ));
        full.facts = None;
        out.push(full);
        out
    }

    #[test]
    fn round_trips_every_field() {
        let entries = entries();
        let source = FileStamp {
            len: 9,
            mtime_ns: 8,
            ino: 7,
        };
        let bytes = encode(source, &entries);
        assert_eq!(source_of(&bytes), Some(source));
        assert_eq!(decode(&bytes), Some(entries));
    }

    #[test]
    fn a_snapshot_of_the_earlier_layout_is_not_read() {
        // Format 1 (no string table): index.json is parsed instead and the snapshot
        // written again in the current layout.
        let mut bytes = encode(FileStamp::default(), &entries());
        bytes[MAGIC.len() - 1] = 1;
        assert_eq!(source_of(&bytes), None);
        assert_eq!(decode(&bytes), None);
    }

    #[test]
    fn aliases_are_shared_between_entries() {
        let entries = entries();
        let decoded = decode(&encode(FileStamp::default(), &entries)).expect("decode");
        let first = &decoded[0];
        let same = decoded[1..]
            .iter()
            .find(|e| e.peer_alias == first.peer_alias)
            .expect("two sessions of one peer");
        assert!(Arc::ptr_eq(&first.peer_alias, &same.peer_alias));
    }

    #[test]
    fn check_in_areas_are_shared_between_entries() {
        let entries = entries();
        let decoded = decode(&encode(FileStamp::default(), &entries)).expect("decode");
        let areas: Vec<&Arc<str>> = decoded
            .iter()
            .filter_map(|e| e.check_in.as_ref())
            .flat_map(|c| c.ratings.iter().map(|r| &r.area))
            .collect();
        let distinct: std::collections::BTreeSet<&str> = areas.iter().map(|a| &***a).collect();
        assert!(
            areas.len() > distinct.len() + 1,
            "the sample rates the same areas on several check-ins"
        );
        // Each name is one string, the same one a session file's check-in gets.
        assert!(areas.iter().all(|a| Arc::ptr_eq(a, &area_key(a))));
    }

    #[test]
    fn damage_anywhere_is_refused() {
        let entries = entries();
        let bytes = encode(FileStamp::default(), &entries);
        for at in (0..bytes.len()).step_by(97) {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x01;
            assert_eq!(decode(&damaged), None, "byte {at}");
        }
        for len in [0, 7, 8, 40, bytes.len() / 2, bytes.len() - 1] {
            assert_eq!(decode(&bytes[..len]), None, "cut at {len}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer), None);
    }
}
