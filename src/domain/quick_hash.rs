//! One quick hash for the app's in-memory tables.

use std::hash::{BuildHasher, Hasher};

/// A hash for the app's own lookup tables (the utterance engine's words, the history search
/// index's words and note ids): eight bytes at a time with one multiplication each (the
/// mixing of FxHash), where a byte-at-a-time hash would take one multiplication per byte.
/// Several times faster than the default hash; the keys come from the app's own assets and
/// the person's own notes, not from anyone who could choose them to collide, and a
/// collision only costs one more comparison.
#[derive(Debug, Clone, Copy, Default)]
pub struct QuickHash;

#[derive(Debug, Clone, Copy)]
pub struct QuickHasher(u64);

impl QuickHasher {
    const K: u64 = 0xf135_7aea_2e62_a9c5;

    #[inline]
    fn add(&mut self, x: u64) {
        self.0 = (self.0 ^ x).wrapping_mul(Self::K);
    }
}

impl BuildHasher for QuickHash {
    type Hasher = QuickHasher;
    fn build_hasher(&self) -> QuickHasher {
        QuickHasher(0)
    }
}

impl Hasher for QuickHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            if let Some(head) = b.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            // The length keeps "ab" and "ab\0" apart.
            self.add(u64::from_le_bytes(b) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    #[inline]
    fn write_u64(&mut self, x: u64) {
        self.add(x);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The high bits of a product mix all the input bits: bring them down, where the
        // table takes its index from.
        self.0.rotate_left(26)
    }
}
