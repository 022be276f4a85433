//! A compact in-memory index of every note's search text, for filtering history.
//!
//! History filtering keeps a note when its lowercased text contains every query word, and a
//! query word never holds whitespace, so a word is found exactly when one of the note's
//! whitespace-separated tokens contains it. The index therefore keeps each distinct token
//! once (the vocabulary) and, per token, the notes that hold it: as a bit set when many
//! notes do, otherwise as gaps between note numbers in a few bytes each. A query finds the
//! tokens containing each word by one scan of the vocabulary and joins their notes; nothing
//! per note is read, and the whole index takes a fraction of the texts it stands for.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use uuid::Uuid;

use super::quick_hash::QuickHash;

/// The index shared between the store (which adds notes as they are saved) and the app
/// (which filters with it).
pub type SharedTextIndex = Arc<RwLock<TextIndex>>;

/// Every note's tokens, see the module documentation.
#[derive(Default)]
pub struct TextIndex {
    /// Every token, each followed by '\n' (which no token holds).
    joined: String,
    /// Where each token starts in `joined`.
    starts: Vec<u32>,
    /// Token → its number, for adding notes.
    lookup: HashMap<Box<str>, u32, QuickHash>,
    /// Per token, the notes holding it.
    postings: Vec<Postings>,
    /// Note number → note id. A note saved again gets a new number; the old one is
    /// forgotten (`numbers` no longer leads to it).
    ids: Vec<Uuid>,
    /// Note id → its current number. A note without any token has none.
    numbers: HashMap<Uuid, u32, QuickHash>,
    /// Numbers no longer current (their note saved again or removed).
    stale: NoteSet,
    /// Room for one note's tokens while adding it.
    scratch: Vec<u32>,
    /// The notes of the latest query word, so typing on does not look again.
    recent: Mutex<Vec<(Box<str>, Arc<NoteSet>)>>,
}

/// The notes holding one token.
enum Postings {
    /// Gaps between ascending note numbers, 7 bits a byte; `last` is the latest number.
    Sparse { bytes: Vec<u8>, last: Option<u32> },
    /// One bit per note number (as long as the highest number held needs).
    Dense(Vec<u64>),
}

/// A set of note numbers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NoteSet(Vec<u64>);

/// Query words remembered for narrowing.
const RECENT: usize = 8;

impl NoteSet {
    fn with_len(notes: usize) -> NoteSet {
        NoteSet(vec![0; notes.div_ceil(64)])
    }

    fn insert(&mut self, n: u32) {
        let (w, b) = (n as usize / 64, n % 64);
        if w >= self.0.len() {
            self.0.resize(w + 1, 0);
        }
        self.0[w] |= 1 << b;
    }

    pub fn contains(&self, n: u32) -> bool {
        self.0
            .get(n as usize / 64)
            .is_some_and(|w| w & (1 << (n % 64)) != 0)
    }

    fn union_words(&mut self, other: &[u64]) {
        if other.len() > self.0.len() {
            self.0.resize(other.len(), 0);
        }
        for (a, b) in self.0.iter_mut().zip(other) {
            *a |= b;
        }
    }

    fn intersect(&mut self, other: &NoteSet) {
        for (i, a) in self.0.iter_mut().enumerate() {
            *a &= other.0.get(i).copied().unwrap_or(0);
        }
    }

    /// How many notes are in the set.
    pub fn len(&self) -> usize {
        self.0.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&w| w == 0)
    }
}

impl Postings {
    fn push(&mut self, n: u32) {
        match self {
            Postings::Sparse { bytes, last } => {
                let mut gap = match *last {
                    Some(l) => n - l - 1,
                    None => n,
                };
                while gap >= 0x80 {
                    bytes.push((gap as u8 & 0x7f) | 0x80);
                    gap >>= 7;
                }
                bytes.push(gap as u8);
                *last = Some(n);
            }
            Postings::Dense(words) => {
                let (w, b) = (n as usize / 64, n % 64);
                if w >= words.len() {
                    words.resize(w + 1, 0);
                }
                words[w] |= 1 << b;
            }
        }
    }

    /// Calls `f` with every note number, ascending.
    fn for_each(&self, mut f: impl FnMut(u32)) {
        match self {
            Postings::Sparse { bytes, .. } => {
                let mut next: u32 = 0;
                let mut gap: u32 = 0;
                let mut shift = 0;
                for &b in bytes {
                    gap |= u32::from(b & 0x7f) << shift;
                    if b & 0x80 != 0 {
                        shift += 7;
                        continue;
                    }
                    let n = next + gap;
                    f(n);
                    next = n + 1;
                    gap = 0;
                    shift = 0;
                }
            }
            Postings::Dense(words) => {
                for (i, &w) in words.iter().enumerate() {
                    let mut w = w;
                    while w != 0 {
                        f(i as u32 * 64 + w.trailing_zeros());
                        w &= w - 1;
                    }
                }
            }
        }
    }

    fn add_to(&self, set: &mut NoteSet) {
        match self {
            Postings::Dense(words) => set.union_words(words),
            Postings::Sparse { .. } => self.for_each(|n| set.insert(n)),
        }
    }

    /// Bytes held beyond the enum itself.
    fn heap_bytes(&self) -> usize {
        match self {
            Postings::Sparse { bytes, .. } => bytes.capacity(),
            Postings::Dense(words) => words.capacity() * 8,
        }
    }
}

impl std::fmt::Debug for TextIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the tokens: they are note text.
        f.debug_struct("TextIndex")
            .field("notes", &self.numbers.len())
            .field("tokens", &self.starts.len())
            .finish()
    }
}

impl TextIndex {
    /// The index of `notes` (id and search text each).
    pub fn build<'a>(notes: impl IntoIterator<Item = (Uuid, &'a str)>) -> TextIndex {
        let mut index = TextIndex::default();
        for (id, text) in notes {
            index.insert(id, text);
        }
        index.settle();
        index
    }

    /// Adds a note, or replaces its text.
    pub fn insert(&mut self, id: Uuid, text: &str) {
        let mut tokens = std::mem::take(&mut self.scratch);
        tokens.clear();
        for t in text.split_whitespace() {
            tokens.push(self.token(t));
        }
        self.remove(id);
        if !tokens.is_empty() {
            tokens.sort_unstable();
            tokens.dedup();
            let n = self.ids.len() as u32;
            self.ids.push(id);
            self.numbers.insert(id, n);
            for &t in &tokens {
                self.postings[t as usize].push(n);
            }
        }
        self.scratch = tokens;
        self.recent
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }

    /// Forgets a note.
    pub fn remove(&mut self, id: Uuid) {
        if let Some(n) = self.numbers.remove(&id) {
            self.stale.insert(n);
        }
    }

    fn token(&mut self, t: &str) -> u32 {
        if let Some(&n) = self.lookup.get(t) {
            return n;
        }
        let n = self.starts.len() as u32;
        self.starts.push(self.joined.len() as u32);
        self.joined.push_str(t);
        self.joined.push('\n');
        self.lookup.insert(t.into(), n);
        self.postings.push(Postings::Sparse {
            bytes: Vec::new(),
            last: None,
        });
        n
    }

    /// Stores each token's notes the smaller way, and gives back spare room: for after
    /// adding many notes with [`TextIndex::insert`].
    pub fn settle(&mut self) {
        let dense_bytes = self.ids.len().div_ceil(64) * 8;
        for p in &mut self.postings {
            if let Postings::Sparse { bytes, .. } = p
                && bytes.len() > dense_bytes
            {
                let mut words = vec![0u64; self.ids.len().div_ceil(64)];
                p.for_each(|n| words[n as usize / 64] |= 1 << (n % 64));
                *p = Postings::Dense(words);
            } else if let Postings::Sparse { bytes, .. } = p {
                bytes.shrink_to_fit();
            }
        }
        self.joined.shrink_to_fit();
        self.starts.shrink_to_fit();
        self.postings.shrink_to_fit();
        self.ids.shrink_to_fit();
        self.lookup.shrink_to_fit();
        self.numbers.shrink_to_fit();
        self.scratch = Vec::new();
    }

    /// The number of a note, `None` for one not indexed or without any text.
    pub fn number_of(&self, id: Uuid) -> Option<u32> {
        self.numbers.get(&id).copied()
    }

    /// The number of a note, checking `hint` (a number it was given before, maybe by
    /// another index) first, which needs no look-up when still right.
    pub fn number_hinted(&self, id: Uuid, hint: Option<u32>) -> Option<u32> {
        match hint {
            Some(n) if self.ids.get(n as usize) == Some(&id) && !self.stale.contains(n) => Some(n),
            _ => self.number_of(id),
        }
    }

    /// How many notes are indexed.
    pub fn len(&self) -> usize {
        self.numbers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.numbers.is_empty()
    }

    /// How many distinct tokens the notes hold.
    pub fn tokens(&self) -> usize {
        self.starts.len()
    }

    /// Whether the note `id` holds every word (lowercase, without whitespace).
    pub fn note_matches(&self, id: Uuid, words: &[&str]) -> bool {
        match self.number_of(id) {
            Some(n) => words.iter().all(|w| self.notes_with(w).contains(n)),
            None => words.is_empty(),
        }
    }

    /// The notes (by number) holding every one of `words` (lowercase, without whitespace);
    /// `None` for no words at all.
    pub fn notes_with_all(&self, words: &[&str]) -> Option<NoteSet> {
        let mut sets = words.iter().map(|w| self.notes_with(w));
        let mut out = NoteSet::clone(&*sets.next()?);
        for s in sets {
            out.intersect(&s);
        }
        Some(out)
    }

    /// The notes (by number) with a token containing `word`.
    pub fn notes_with(&self, word: &str) -> Arc<NoteSet> {
        let mut recent = self.recent.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(at) = recent.iter().position(|(w, _)| &**w == word) {
            let hit = recent.remove(at);
            let set = Arc::clone(&hit.1);
            recent.push(hit);
            return set;
        }
        drop(recent);
        let mut set = NoteSet::with_len(self.ids.len());
        for t in self.tokens_containing(word) {
            self.postings[t as usize].add_to(&mut set);
        }
        let set = Arc::new(set);
        let mut recent = self.recent.lock().unwrap_or_else(PoisonError::into_inner);
        if recent.len() >= RECENT {
            recent.remove(0);
        }
        recent.push((word.into(), Arc::clone(&set)));
        set
    }

    /// The tokens containing `word`, ascending.
    fn tokens_containing(&self, word: &str) -> Vec<u32> {
        let mut out = Vec::new();
        if word.is_empty() || word.contains('\n') {
            return out;
        }
        let finder = memchr::memmem::Finder::new(word.as_bytes());
        let hay = self.joined.as_bytes();
        let mut from = 0;
        while let Some(at) = finder.find(&hay[from..]) {
            let at = from + at;
            // The token holding the match, and on past its end.
            let t = self.starts.partition_point(|&s| s as usize <= at) - 1;
            out.push(t as u32);
            from = self
                .starts
                .get(t + 1)
                .map_or(hay.len(), |&next| next as usize);
        }
        out
    }

    /// Every indexed note's tokens, joined by spaces, with its id: the same matches as the
    /// text it was made from. Calls `f` note by note, a slice of the index at a time so
    /// that the whole is never unpacked at once.
    pub fn for_each_text(&self, mut f: impl FnMut(Uuid, &str)) {
        const SLICE: usize = 1 << 15;
        // Each token's position in its postings, kept across slices.
        let mut cursors: Vec<usize> = vec![0; self.postings.len()];
        let mut nexts: Vec<u32> = vec![0; self.postings.len()];
        let mut text = String::new();
        for first in (0..self.ids.len()).step_by(SLICE) {
            let end = (first + SLICE).min(self.ids.len());
            let mut tokens: Vec<Vec<u32>> = vec![Vec::new(); end - first];
            for (t, p) in self.postings.iter().enumerate() {
                match p {
                    Postings::Dense(words) => {
                        for n in first..end {
                            if words.get(n / 64).is_some_and(|w| w & (1 << (n % 64)) != 0) {
                                tokens[n - first].push(t as u32);
                            }
                        }
                    }
                    Postings::Sparse { bytes, .. } => {
                        let (at, next) = (&mut cursors[t], &mut nexts[t]);
                        let mut gap: u32 = 0;
                        let mut shift = 0;
                        let mut i = *at;
                        while i < bytes.len() {
                            let b = bytes[i];
                            i += 1;
                            gap |= u32::from(b & 0x7f) << shift;
                            if b & 0x80 != 0 {
                                shift += 7;
                                continue;
                            }
                            let n = (*next + gap) as usize;
                            if n >= end {
                                break;
                            }
                            tokens[n - first].push(t as u32);
                            *next = n as u32 + 1;
                            *at = i;
                            gap = 0;
                            shift = 0;
                        }
                    }
                }
            }
            for (i, list) in tokens.iter().enumerate() {
                let n = first + i;
                if self.stale.contains(n as u32) {
                    continue;
                }
                let id = self.ids[n];
                text.clear();
                for (k, &t) in list.iter().enumerate() {
                    if k > 0 {
                        text.push(' ');
                    }
                    text.push_str(self.token_text(t));
                }
                f(id, &text);
            }
        }
    }

    fn token_text(&self, t: u32) -> &str {
        let start = self.starts[t as usize] as usize;
        let end = self
            .starts
            .get(t as usize + 1)
            .map_or(self.joined.len(), |&s| s as usize)
            - 1;
        &self.joined[start..end]
    }

    /// The memory the index holds, roughly (for measuring).
    pub fn heap_bytes(&self) -> usize {
        let postings: usize = self.postings.iter().map(Postings::heap_bytes).sum();
        self.joined.capacity()
            + self.starts.capacity() * 4
            + self.lookup.capacity() * (16 + 4 + 1)
            + self.lookup.keys().map(|k| k.len()).sum::<usize>()
            + self.postings.capacity() * std::mem::size_of::<Postings>()
            + postings
            + self.ids.capacity() * 16
            + self.numbers.capacity() * (16 + 4 + 1)
            + self.stale.0.capacity() * 8
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n + 1)
    }

    /// The plain rule the index stands in for.
    fn plain(text: &str, words: &[&str]) -> bool {
        words.iter().all(|w| text.contains(w))
    }

    #[test]
    fn finds_words_inside_tokens() {
        let index = TextIndex::build([
            (id(0), "maria\nintake\nlandlord fixed the heater"),
            (id(1), "sam\nfollow-up\ncalled the clinic"),
            (id(2), ""),
        ]);
        let with = |w: &[&str]| {
            (0..3)
                .filter(|&n| index.note_matches(id(n), w))
                .collect::<Vec<_>>()
        };
        assert_eq!(with(&["land"]), vec![0]);
        assert_eq!(with(&["the"]), vec![0, 1]);
        assert_eq!(with(&["the", "clinic"]), vec![1]);
        assert_eq!(with(&["low-u"]), vec![1]);
        assert_eq!(with(&["nowhere"]), Vec::<u128>::new());
        assert_eq!(index.number_of(id(2)), None, "no tokens, no number");
        assert_eq!(index.len(), 2);
    }

    #[test]
    fn a_note_saved_again_matches_its_new_text_only() {
        let mut index = TextIndex::build([(id(0), "heater"), (id(1), "heater")]);
        assert_eq!(index.notes_with("heat").len(), 2);
        index.insert(id(0), "boiler");
        assert!(!index.note_matches(id(0), &["heat"]));
        assert!(index.note_matches(id(0), &["boil"]));
        assert!(index.note_matches(id(1), &["heat"]));
        assert_eq!(
            index.number_hinted(id(0), Some(0)),
            Some(2),
            "old number stale"
        );
        assert_eq!(index.number_hinted(id(1), Some(1)), Some(1));
        assert_eq!(index.number_hinted(id(1), Some(0)), Some(1), "wrong hint");
        index.remove(id(1));
        assert!(!index.note_matches(id(1), &["heat"]));
        assert_eq!(index.number_hinted(id(1), Some(1)), None);
        let mut texts = Vec::new();
        index.for_each_text(|id, t| texts.push((id, t.to_string())));
        assert_eq!(texts, vec![(id(0), "boiler".to_string())]);
    }

    #[test]
    fn debug_never_shows_the_text() {
        let index = TextIndex::build([(id(0), "secretword")]);
        assert!(!format!("{index:?}").contains("secret"));
    }

    fn texts() -> impl Strategy<Value = Vec<String>> {
        // Few letters and much whitespace, so words often match, partly or across tokens.
        prop::collection::vec("[abcé \n\t]{0,24}", 0..80)
    }

    proptest! {
        #[test]
        fn matches_exactly_what_contains_matches(
            texts in texts(),
            query in "[abcé ]{0,6}",
            resaved in prop::collection::vec((0usize..80, "[abc \n]{0,12}"), 0..6),
        ) {
            let mut index = TextIndex::build(
                texts.iter().enumerate().map(|(i, t)| (id(i as u128), t.as_str())),
            );
            let mut texts = texts.clone();
            for (at, text) in resaved {
                if at < texts.len() {
                    index.insert(id(at as u128), &text);
                    texts[at] = text;
                }
            }
            let words: Vec<&str> = query.split_whitespace().collect();
            let all = index.notes_with_all(&words);
            for (i, text) in texts.iter().enumerate() {
                let expected = plain(text, &words);
                let found = match index.number_of(id(i as u128)) {
                    Some(n) => all.as_ref().is_none_or(|s| s.contains(n)),
                    None => words.is_empty(),
                };
                // A note without any token matches only an empty query, as with `contains`.
                prop_assert_eq!(found, expected, "text {:?} query {:?}", text, words);
                prop_assert_eq!(index.note_matches(id(i as u128), &words), expected);
            }
            // What is written back matches the same way.
            let mut back = vec![String::new(); texts.len()];
            index.for_each_text(|id, t| back[id.as_u128() as usize - 1] = t.to_string());
            for (text, back) in texts.iter().zip(&back) {
                prop_assert_eq!(plain(text, &words), plain(back, &words));
            }
        }
    }
}
