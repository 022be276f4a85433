//! index-snapshot.bin: a compact binary copy of index.json, read on open instead of parsing
//! the JSON (which, with 100,000 sessions, takes most of a start).
//!
//! index.json stays the index a person (or an older release) can read; the snapshot only
//! stands in for it while it records index.json's exact stamp (size, time, inode) and its
//! checksum matches. Anything else (index.json rewritten by another version, a crash
//! between the two writes, a damaged snapshot) makes the store parse index.json as before
//! and write the snapshot again, so the snapshot never holds anything index.json does not.
//! In an encrypted folder it is sealed like every other file.
//!
//! Layout (little-endian): magic, CURRENT_VERSION (u64), index.json's stamp (3 x u64),
//! entry count (u64), the entries, then a checksum (u64) of everything before it.
//! Common fields are written as fixed-size numbers and length-prefixed strings; enums as
//! their JSON names; the rare nested parts (a check-in) as JSON.

use chrono::{DateTime, FixedOffset, TimeZone};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use super::atomic::FileStamp;
use super::index::{AttendeeEntry, IndexEntry};
use super::schema::CURRENT_VERSION;
use crate::domain::report::SessionFacts;
use crate::domain::{Flags, Timestamp};

/// "alongside index snapshot", format 1 of the binary layout.
const MAGIC: &[u8; 8] = b"ALSNAP\x00\x01";

/// The snapshot of `entries`, taken from the index.json whose stamp is `source`.
pub(crate) fn encode(source: FileStamp, entries: &[IndexEntry]) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(64 + entries.len() * 320));
    w.0.extend_from_slice(MAGIC);
    w.u64(CURRENT_VERSION);
    w.stamp(source);
    w.u64(entries.len() as u64);
    for e in entries {
        w.entry(e);
    }
    let sum = checksum(&w.0);
    w.u64(sum);
    w.0
}

/// The index.json stamp a snapshot was taken from, read from its header alone (so a stale
/// snapshot is recognised without decoding it).
pub(crate) fn source_of(bytes: &[u8]) -> Option<FileStamp> {
    let mut r = Reader { b: bytes, at: 0 };
    (r.take(MAGIC.len())? == MAGIC).then_some(())?;
    (r.u64()? == CURRENT_VERSION).then_some(())?;
    r.stamp()
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
        at: MAGIC.len() + 8 * 4,
    };
    let count = usize::try_from(r.u64()?).ok()?;
    // Every entry takes well over 64 bytes: a count beyond that is damage, not a size.
    if count > body.len() / 64 {
        return None;
    }
    let mut cache = EnumCache::default();
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        out.push(r.entry(&mut cache)?);
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

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn bytes(&mut self, b: &[u8]) {
        self.u64(b.len() as u64);
        self.0.extend_from_slice(b);
    }
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    fn uuid(&mut self, id: Uuid) {
        self.0.extend_from_slice(id.as_bytes());
    }
    fn stamp(&mut self, s: FileStamp) {
        let FileStamp { len, mtime_ns, ino } = s;
        self.u64(len);
        self.u64(mtime_ns);
        self.u64(ino);
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
    /// An enum (or any small value) by its JSON form.
    fn json<T: Serialize>(&mut self, v: &T) {
        let json = serde_json::to_vec(v).unwrap_or_default();
        self.bytes(&json);
    }

    fn entry(&mut self, e: &IndexEntry) {
        // Taken apart field by field so that a field added to the index cannot be left out
        // of the snapshot without this failing to compile.
        let IndexEntry {
            id,
            peer_id,
            peer_alias,
            kind,
            started_at,
            ended_at,
            duration_seconds,
            flags,
            amendment_count,
            preview,
            search_text,
            stamp,
            facts,
            attendees,
            check_in,
        } = e;
        self.uuid(*id);
        self.uuid(*peer_id);
        self.str(peer_alias);
        self.json(kind);
        self.time(started_at);
        self.opt_time(ended_at.as_ref());
        self.u64(*duration_seconds as u64);
        let Flags {
            safety_concern,
            follow_up_needed,
        } = *flags;
        self.u8(u8::from(safety_concern) | (u8::from(follow_up_needed) << 1));
        self.u64(*amendment_count as u64);
        self.str(preview);
        match search_text {
            Some(t) => {
                self.u8(1);
                self.str(t);
            }
            None => self.u8(0),
        }
        self.stamp(*stamp);
        match facts {
            Some(f) => {
                self.u8(1);
                self.facts(f);
            }
            None => self.u8(0),
        }
        self.u64(attendees.len() as u64);
        for a in attendees {
            let AttendeeEntry {
                peer_id,
                peer_alias,
                joined_at,
                left_at,
            } = a;
            self.uuid(*peer_id);
            self.str(peer_alias);
            self.time(joined_at);
            self.opt_time(left_at.as_ref());
        }
        match check_in {
            Some(c) => {
                self.u8(1);
                self.json(c);
            }
            None => self.u8(0),
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
        self.u64(activity_minutes.len() as u64);
        for (activity, minutes) in activity_minutes {
            self.json(activity);
            self.u32(*minutes);
        }
        for n in [*goals, *goals_achieved, *next_steps, *next_steps_done] {
            self.u32(n);
        }
        self.u8(u8::from(*read_back));
        self.u64(attendees.len() as u64);
        for a in attendees {
            self.uuid(*a);
        }
    }
}

/// Enums decoded once per distinct JSON name, not once per entry.
#[derive(Default)]
struct EnumCache {
    kinds: Vec<(Vec<u8>, crate::domain::SessionKind)>,
    activities: Vec<(Vec<u8>, crate::domain::DirectActivity)>,
}

fn cached<T: DeserializeOwned + Copy>(cache: &mut Vec<(Vec<u8>, T)>, json: &[u8]) -> Option<T> {
    if let Some((_, v)) = cache.iter().find(|(k, _)| k == json) {
        return Some(*v);
    }
    let v: T = serde_json::from_slice(json).ok()?;
    cache.push((json.to_vec(), v));
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
    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = usize::try_from(self.u64()?).ok()?;
        self.take(n)
    }
    fn string(&mut self) -> Option<String> {
        std::str::from_utf8(self.bytes()?).ok().map(str::to_owned)
    }
    fn uuid(&mut self) -> Option<Uuid> {
        Uuid::from_slice(self.take(16)?).ok()
    }
    fn stamp(&mut self) -> Option<FileStamp> {
        Some(FileStamp {
            len: self.u64()?,
            mtime_ns: self.u64()?,
            ino: self.u64()?,
        })
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

    fn entry(&mut self, cache: &mut EnumCache) -> Option<IndexEntry> {
        let id = self.uuid()?;
        let peer_id = self.uuid()?;
        let peer_alias = self.string()?;
        let kind = cached(&mut cache.kinds, self.bytes()?)?;
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
        let preview = self.string()?;
        let search_text = match self.bool()? {
            true => Some(self.string()?),
            false => None,
        };
        let stamp = self.stamp()?;
        let facts = match self.bool()? {
            true => Some(self.facts(cache)?),
            false => None,
        };
        let n = usize::try_from(self.u64()?).ok()?;
        let mut attendees = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            attendees.push(AttendeeEntry {
                peer_id: self.uuid()?,
                peer_alias: self.string()?,
                joined_at: self.time()?,
                left_at: self.opt_time()?,
            });
        }
        let check_in = match self.bool()? {
            true => Some(serde_json::from_slice(self.bytes()?).ok()?),
            false => None,
        };
        Some(IndexEntry {
            id,
            peer_id,
            peer_alias,
            kind,
            started_at,
            ended_at,
            duration_seconds,
            flags,
            amendment_count,
            preview,
            search_text,
            stamp,
            facts,
            attendees,
            check_in,
        })
    }

    fn facts(&mut self, cache: &mut EnumCache) -> Option<SessionFacts> {
        let n = usize::try_from(self.u64()?).ok()?;
        let mut activity_minutes = std::collections::BTreeMap::new();
        for _ in 0..n {
            let activity = cached(&mut cache.activities, self.bytes()?)?;
            activity_minutes.insert(activity, self.u32()?);
        }
        let goals = self.u32()?;
        let goals_achieved = self.u32()?;
        let next_steps = self.u32()?;
        let next_steps_done = self.u32()?;
        let read_back = self.bool()?;
        let n = usize::try_from(self.u64()?).ok()?;
        let mut attendees = Vec::with_capacity(n.min(64));
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
            attendees,
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
        let mut out = store.sessions().to_vec();
        let mut full = out[0].clone();
        full.id = Uuid::new_v4();
        full.ended_at = None;
        full.search_text = Some("a search text".into());
        full.flags = Flags {
            safety_concern: true,
            follow_up_needed: true,
        };
        full.attendees = vec![AttendeeEntry {
            peer_id: Uuid::new_v4(),
            peer_alias: "Attendee é".into(),
            joined_at: full.started_at,
            left_at: Some(full.started_at + chrono::Duration::minutes(5)),
        }];
        full.check_in = Some(CheckIn {
            at: full.started_at,
            ratings: vec![AreaRating {
                area: "home".into(),
                rating: 7,
                why: "said so".into(),
            }],
        });
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
