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

use super::Label;
use super::features::{BUCKET_BITS, BUCKETS, Feature};

pub const MODEL_BIN: &[u8] = include_bytes!("../../../assets/utterance/model.bin");

const MAGIC: &[u8; 8] = b"ALUTM01\n";
pub const CLASSES: usize = Label::ALL.len();

/// Weights of both models.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// `CLASSES * BUCKETS`, class-major.
    pub weights: Vec<f32>,
    pub bias: [f32; CLASSES],
    pub depth_weights: Vec<f32>,
    pub depth_bias: f32,
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

    fn i16s(&mut self, n: usize, scale: f32) -> Result<Vec<f32>, ModelError> {
        let bytes = self
            .bytes
            .get(self.at..self.at + 2 * n)
            .ok_or(ModelError::Invalid("file is cut short"))?;
        self.at += 2 * n;
        Ok(bytes
            .chunks_exact(2)
            .map(|c| f32::from(i16::from_le_bytes([c[0], c[1]])) * scale)
            .collect())
    }
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
    /// An all-zero model (every label equally likely).
    pub fn zeros() -> Model {
        Model {
            weights: vec![0.0; CLASSES * BUCKETS],
            bias: [0.0; CLASSES],
            depth_weights: vec![0.0; BUCKETS],
            depth_bias: 0.0,
        }
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
        let weights = r.i16s(CLASSES * BUCKETS, scale)?;
        let depth_weights = r.i16s(BUCKETS, scale)?;
        if r.at != bytes.len() {
            return Err(ModelError::Invalid("unexpected bytes at the end"));
        }
        Ok(Model {
            weights,
            bias,
            depth_weights,
            depth_bias,
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

    pub fn predict(&self, features: &[Feature]) -> Prediction {
        let mut scores = [0.0f64; CLASSES];
        for (c, s) in scores.iter_mut().enumerate() {
            let row = self
                .weights
                .get(c * BUCKETS..(c + 1) * BUCKETS)
                .unwrap_or(&[]);
            let mut sum = f64::from(self.bias.get(c).copied().unwrap_or(0.0));
            for f in features {
                sum += f64::from(row.get(f.bucket as usize).copied().unwrap_or(0.0) * f.value);
            }
            *s = sum;
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
        let mut z = f64::from(self.depth_bias);
        for f in features {
            z += f64::from(
                self.depth_weights
                    .get(f.bucket as usize)
                    .copied()
                    .unwrap_or(0.0)
                    * f.value,
            );
        }
        (1.0 / (1.0 + (-z).exp())) as f32
    }

    /// The features that pushed most towards `label` rather than `against`, strongest first.
    pub fn strongest_for(
        &self,
        features: &[Feature],
        label: Label,
        against: Label,
    ) -> Vec<(Feature, f32)> {
        let (a, b) = (class_index(label), class_index(against));
        let mut out: Vec<(Feature, f32)> = Vec::new();
        for f in features {
            let c = (self.weight(a, f.bucket) - self.weight(b, f.bucket)) * f.value;
            if c <= 0.0 {
                continue;
            }
            // The same bucket can come from a repeated word: count it once.
            match out.iter_mut().find(|(g, _)| g.bucket == f.bucket) {
                Some(entry) => entry.1 = entry.1.max(c),
                None => out.push((*f, c)),
            }
        }
        out.sort_by(|x, y| y.1.total_cmp(&x.1));
        out
    }

    /// The features that pushed the depth model towards `complex` (or simple), strongest first.
    pub fn strongest_for_depth(&self, features: &[Feature], complex: bool) -> Vec<(Feature, f32)> {
        let sign = if complex { 1.0 } else { -1.0 };
        let mut out: Vec<(Feature, f32)> = features
            .iter()
            .map(|f| {
                let w = self
                    .depth_weights
                    .get(f.bucket as usize)
                    .copied()
                    .unwrap_or(0.0);
                (*f, sign * w * f.value)
            })
            .filter(|(_, c)| *c > 0.0)
            .collect();
        out.sort_by(|x, y| y.1.total_cmp(&x.1));
        out
    }
}
