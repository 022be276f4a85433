//! The learned part of the engine: two linear models over [`features`](super::features).
//!
//! * a multinomial logistic regression over the eight labels;
//! * a binary logistic regression for reflection depth (complex vs simple).
//!
//! Shipped as `assets/utterance/model.bin`, written by the trainer in
//! [`train`](super::train) (`cargo run --release --example train_utterance_model`).
//! File format (little-endian): the 8 bytes `ALUTM01\n`, `u32` bucket bits, `u32` classes,
//! `f32` scale, then `classes` `f32` biases, one `f32` depth bias, then the label weights as
//! `i16` (class-major, `weight = q * scale`), then the depth weights as `i16`.

use std::collections::BinaryHeap;

use super::Label;
use super::features::{BUCKET_BITS, BUCKETS, Feature, Origin};

pub const MODEL_BIN: &[u8] = include_bytes!("../../../assets/utterance/model.bin");

const MAGIC: &[u8; 8] = b"ALUTM01\n";
pub const CLASSES: usize = Label::ALL.len();

/// Weights of both models.
#[derive(Debug, Clone)]
pub struct Model {
    /// `CLASSES * BUCKETS`, class-major.
    pub weights: Vec<f32>,
    pub bias: [f32; CLASSES],
    pub depth_weights: Vec<f32>,
    pub depth_bias: f32,
    /// The same weights bucket-major, the depth weight last: one turn's features then read
    /// one row each instead of nine scattered weights.
    packed: Packed,
}

/// Two models are the same when their weights are; the packed rows follow from them.
impl PartialEq for Model {
    fn eq(&self, other: &Model) -> bool {
        self.weights == other.weights
            && self.bias == other.bias
            && self.depth_weights == other.depth_weights
            && self.depth_bias == other.depth_bias
    }
}

/// The bucket-major rows of a model.
#[derive(Debug, Clone)]
enum Packed {
    /// Weights as trained.
    Exact(Vec<[f32; CLASSES + 1]>),
    /// A model read from its file keeps the file's 16-bit numbers: half the memory to read
    /// per feature, and each is turned into the very same `f32` that `weights` holds
    /// (`q * scale`).
    Quantised {
        rows: Vec<[i16; CLASSES + 1]>,
        scale: f32,
    },
}

/// The weights file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("utterance model: {0}")]
    Invalid(&'static str),
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let out: [u8; N] = self
            .bytes
            .get(self.at..self.at + N)
            .and_then(|b| b.try_into().ok())
            .ok_or(ModelError::Invalid("file is cut short"))?;
        self.at += N;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take()?))
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.take()?))
    }

    fn i16s(&mut self, n: usize) -> Result<Vec<i16>, ModelError> {
        let bytes = self
            .bytes
            .get(self.at..self.at + 2 * n)
            .ok_or(ModelError::Invalid("file is cut short"))?;
        self.at += 2 * n;
        Ok(bytes
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect())
    }
}

/// Rows by bucket: the weight of each class, then the depth weight.
fn pack<T: Copy>(weights: &[T], depth_weights: &[T], zero: T) -> Vec<[T; CLASSES + 1]> {
    let mut packed = vec![[zero; CLASSES + 1]; BUCKETS];
    for (b, row) in packed.iter_mut().enumerate() {
        for (c, x) in row.iter_mut().enumerate().take(CLASSES) {
            *x = weights.get(c * BUCKETS + b).copied().unwrap_or(zero);
        }
        row[CLASSES] = depth_weights.get(b).copied().unwrap_or(zero);
    }
    packed
}

/// Result of the label model for one turn.
#[derive(Debug, Clone)]
pub struct Prediction {
    /// Probabilities in `Label::ALL` order.
    pub probs: [f32; CLASSES],
}

impl Prediction {
    pub fn prob(&self, l: Label) -> f32 {
        Label::ALL
            .iter()
            .position(|x| *x == l)
            .and_then(|i| self.probs.get(i).copied())
            .unwrap_or(0.0)
    }

    /// The most likely label among `allowed`.
    pub fn best_of(&self, allowed: impl Fn(Label) -> bool) -> Option<Label> {
        Label::ALL
            .iter()
            .zip(self.probs)
            .filter(|(l, _)| allowed(**l))
            .fold(None::<(Label, f32)>, |acc, (l, p)| match acc {
                Some((_, bp)) if bp >= p => acc,
                _ => Some((*l, p)),
            })
            .map(|(l, _)| l)
    }
}

fn class_index(l: Label) -> usize {
    Label::ALL
        .iter()
        .position(|x| *x == l)
        .unwrap_or(CLASSES - 1)
}

pub fn softmax(scores: &mut [f64]) {
    let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut sum = 0.0;
    for s in scores.iter_mut() {
        *s = (*s - max).exp();
        sum += *s;
    }
    if sum > 0.0 {
        for s in scores.iter_mut() {
            *s /= sum;
        }
    }
}

impl Model {
    /// A model from its weights: `weights` class-major (`CLASSES * BUCKETS`), `depth_weights`
    /// one per bucket.
    pub fn new(
        weights: Vec<f32>,
        bias: [f32; CLASSES],
        depth_weights: Vec<f32>,
        depth_bias: f32,
    ) -> Model {
        let packed = Packed::Exact(pack(&weights, &depth_weights, 0.0));
        Model {
            weights,
            bias,
            depth_weights,
            depth_bias,
            packed,
        }
    }

    /// An all-zero model (every label equally likely).
    pub fn zeros() -> Model {
        Model::new(
            vec![0.0; CLASSES * BUCKETS],
            [0.0; CLASSES],
            vec![0.0; BUCKETS],
            0.0,
        )
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if &r.take::<8>()? != MAGIC {
            return Err(ModelError::Invalid("not a model file"));
        }
        if r.u32()? != BUCKET_BITS {
            return Err(ModelError::Invalid("built for another feature size"));
        }
        if r.u32()? as usize != CLASSES {
            return Err(ModelError::Invalid("built for other labels"));
        }
        let scale = r.f32()?;
        let mut bias = [0.0; CLASSES];
        for b in &mut bias {
            *b = r.f32()?;
        }
        let depth_bias = r.f32()?;
        let q_weights = r.i16s(CLASSES * BUCKETS)?;
        let q_depth = r.i16s(BUCKETS)?;
        if r.at != bytes.len() {
            return Err(ModelError::Invalid("unexpected bytes at the end"));
        }
        let to_f32 = |q: &[i16]| -> Vec<f32> { q.iter().map(|&q| f32::from(q) * scale).collect() };
        Ok(Model {
            weights: to_f32(&q_weights),
            bias,
            depth_weights: to_f32(&q_depth),
            depth_bias,
            packed: Packed::Quantised {
                rows: pack(&q_weights, &q_depth, 0),
                scale,
            },
        })
    }

    /// The file bytes. Weights are rounded to 16 bits with one shared scale.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self
            .weights
            .iter()
            .chain(&self.depth_weights)
            .fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut out = Vec::with_capacity(32 + 2 * (CLASSES + 1) * BUCKETS);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&BUCKET_BITS.to_le_bytes());
        out.extend_from_slice(&(CLASSES as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for b in self.bias {
            out.extend_from_slice(&b.to_le_bytes());
        }
        out.extend_from_slice(&self.depth_bias.to_le_bytes());
        for w in self.weights.iter().chain(&self.depth_weights) {
            let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
            out.extend_from_slice(&q.to_le_bytes());
        }
        out
    }

    pub fn weight(&self, class: usize, bucket: u32) -> f32 {
        self.weights
            .get(class * BUCKETS + bucket as usize)
            .copied()
            .unwrap_or(0.0)
    }

    #[inline]
    fn row(&self, bucket: u32) -> [f32; CLASSES + 1] {
        match &self.packed {
            Packed::Exact(rows) => rows
                .get(bucket as usize)
                .copied()
                .unwrap_or([0.0; CLASSES + 1]),
            Packed::Quantised { rows, scale } => rows
                .get(bucket as usize)
                .map(|r| r.map(|q| f32::from(q) * scale))
                .unwrap_or([0.0; CLASSES + 1]),
        }
    }

    pub fn predict(&self, features: &[Feature]) -> Prediction {
        let mut sums = [0.0f32; CLASSES];
        for f in features {
            let row = self.row(f.bucket);
            for (s, w) in sums.iter_mut().zip(row) {
                *s += w * f.value;
            }
        }
        let mut scores = [0.0f64; CLASSES];
        for ((s, sum), b) in scores.iter_mut().zip(sums).zip(self.bias) {
            *s = f64::from(sum + b);
        }
        softmax(&mut scores);
        let mut probs = [0.0f32; CLASSES];
        for (p, s) in probs.iter_mut().zip(scores) {
            *p = s as f32;
        }
        Prediction { probs }
    }

    /// Probability that a reflection is complex.
    pub fn complex_probability(&self, features: &[Feature]) -> f32 {
        let mut z = self.depth_bias;
        for f in features.iter().filter(|f| !f.depth_ignores()) {
            z += self.row(f.bucket)[CLASSES] * f.value;
        }
        1.0 / (1.0 + (-z).exp())
    }

    /// The features that pushed most towards `label` rather than `against`, strongest first
    /// (ties in the order the features came). The same bucket can come from a repeated
    /// word: it counts once, as its first occurrence, with its largest contribution.
    /// Ordered lazily: a reason names only the first few.
    pub fn strongest_for<'f>(
        &self,
        features: &'f [Feature],
        label: Label,
        against: Label,
    ) -> Strongest<'f> {
        let (a, b) = (class_index(label), class_index(against));
        // (bucket, index) in one key, so one integer sort groups buckets in feature order.
        let mut found: Vec<(u64, f32)> = Vec::with_capacity(features.len());
        for (i, f) in features.iter().enumerate() {
            // Pieces of words are never named in reasons: skip them early, they are most
            // of the features.
            if matches!(f.origin, Origin::Chars) {
                continue;
            }
            let row = self.row(f.bucket);
            let c =
                (row.get(a).copied().unwrap_or(0.0) - row.get(b).copied().unwrap_or(0.0)) * f.value;
            if c > 0.0 {
                found.push(((u64::from(f.bucket) << 32) | i as u64, c));
            }
        }
        found.sort_unstable_by_key(|x| x.0);
        let mut merged: Vec<Ranked> = Vec::with_capacity(found.len());
        let mut last_bucket = None;
        for (key, c) in found {
            let bucket = key >> 32;
            match merged.last_mut() {
                Some(m) if last_bucket == Some(bucket) => m.contribution = m.contribution.max(c),
                _ => merged.push(Ranked {
                    contribution: c,
                    index: key as u32 as usize,
                }),
            }
            last_bucket = Some(bucket);
        }
        Strongest {
            features,
            heap: BinaryHeap::from(merged),
        }
    }

    /// The features that pushed the depth model towards `complex` (or simple), strongest
    /// first (ties in the order the features came), ordered lazily.
    pub fn strongest_for_depth<'f>(&self, features: &'f [Feature], complex: bool) -> Strongest<'f> {
        let sign = if complex { 1.0 } else { -1.0 };
        let ranked: Vec<Ranked> = features
            .iter()
            .enumerate()
            .filter(|(_, f)| !matches!(f.origin, Origin::Chars) && !f.depth_ignores())
            .map(|(index, f)| Ranked {
                contribution: sign * self.row(f.bucket)[CLASSES] * f.value,
                index,
            })
            .filter(|r| r.contribution > 0.0)
            .collect();
        Strongest {
            features,
            heap: BinaryHeap::from(ranked),
        }
    }
}

/// A feature's contribution to a decision; greater is stronger, and of two equal ones
/// the earlier feature.
#[derive(Debug, Clone, Copy)]
struct Ranked {
    contribution: f32,
    index: usize,
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.contribution
            .total_cmp(&other.contribution)
            .then(other.index.cmp(&self.index))
    }
}

/// Features with their contributions, strongest first; see [`Model::strongest_for`].
pub struct Strongest<'f> {
    features: &'f [Feature],
    heap: BinaryHeap<Ranked>,
}

impl Iterator for Strongest<'_> {
    type Item = (Feature, f32);

    fn next(&mut self) -> Option<(Feature, f32)> {
        loop {
            let r = self.heap.pop()?;
            if let Some(f) = self.features.get(r.index) {
                return Some((*f, r.contribution));
            }
        }
    }
}
