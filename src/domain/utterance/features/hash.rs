//! The fixed hash that maps features to weight buckets.

/// log2 of the number of hash buckets per class.
pub const BUCKET_BITS: u32 = 16;
pub const BUCKETS: usize = 1 << BUCKET_BITS;
const MASK: u64 = (BUCKETS as u64) - 1;

/// 64-bit FNV-1a, fixed so the weights file means the same everywhere.
#[derive(Clone, Copy)]
pub(super) struct Hash(pub(super) u64);

impl Hash {
    pub(super) const fn new(tag: u8) -> Hash {
        Hash(0xcbf2_9ce4_8422_2325).byte(tag)
    }

    pub(super) const fn byte(self, b: u8) -> Hash {
        Hash((self.0 ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3))
    }

    pub(super) fn bytes(mut self, bs: &[u8]) -> Hash {
        for &b in bs {
            self = self.byte(b);
        }
        self
    }

    pub(super) fn num(self, n: u64) -> Hash {
        self.bytes(&n.to_le_bytes())
    }

    pub(super) fn bucket(self) -> u32 {
        // Fold the high bits in: FNV's low bits alone mix poorly.
        ((self.0 ^ (self.0 >> 29) ^ (self.0 >> 47)) & MASK) as u32
    }
}

/// The bucket of a word stem the answer adds to the peer's line (see `context.rs`).
pub(in crate::domain::utterance) fn new_word_bucket(stem: &str) -> u32 {
    Hash::new(b'n').bytes(stem.as_bytes()).bucket()
}
