//! Fitting both models (label and depth) to the corpus by stochastic gradient descent.

use super::corpus::{CorpusRow, agreed_training_rows, parse_corpus, parse_second};
use crate::domain::practice::rng::SplitMix64;
use crate::domain::utterance::features::{BUCKETS, Feature, Origin, RuleFeature};
use crate::domain::utterance::model::{CLASSES, Model, softmax};
use crate::domain::utterance::rules::RULES_TOML;
use crate::domain::utterance::{Classifier, Depth, Label};

/// Settings of the training run. The defaults are what the shipped model was trained with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainConfig {
    pub seed: u64,
    pub epochs: usize,
    pub learning_rate: f64,
    pub l2: f64,
    /// The depth model's own step size and weight decay. It learns from reflections alone,
    /// a third of the turns, and coders split on depth more than on labels: smaller steps
    /// and a stronger pull to zero than the label model's (5-fold, 29,313 typed turns:
    /// depth 0.893 / 0.936 alone / with the peer's line at the label model's 0.5 and 3e-4,
    /// 0.894 / 0.940 at 0.25 and 9e-4; eight new writers held out, 0.903 / 0.934 to
    /// 0.908 / 0.940).
    pub depth_learning_rate: f64,
    pub depth_l2: f64,
    /// Whether the depth model learns from the turn's length and sentence count. Coders
    /// call long restatements of facts simple and short images complex, so length misleads.
    pub depth_uses_length: bool,
    /// How the peer's line before each turn (the corpus `context` column) is used.
    pub context: ContextUse,
}

/// How training uses the peer's line before a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContextUse {
    /// Never: the model learns turns alone.
    Ignore,
    /// Every turn with a peer line is learned with it, and once more without it, so the
    /// model is as good alone as before and better with the line.
    Both,
    /// Every turn with a peer line is learned only with it.
    Only,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            seed: 0x5EED_A10E,
            epochs: 60,
            learning_rate: 0.5,
            l2: 3e-4,
            depth_learning_rate: 0.25,
            depth_l2: 9e-4,
            depth_uses_length: true,
            context: ContextUse::Both,
        }
    }
}

struct Example {
    features: Vec<Feature>,
    class: usize,
    complex: Option<bool>,
}

pub(super) fn class_of(l: Label) -> usize {
    Label::ALL
        .iter()
        .position(|x| *x == l)
        .unwrap_or(CLASSES - 1)
}

/// Trains both models on `rows` (all of them: pick the training rows before).
pub fn train(classifier: &Classifier, rows: &[CorpusRow], cfg: TrainConfig) -> Model {
    let mut examples: Vec<Example> = Vec::with_capacity(2 * rows.len());
    for r in rows {
        let complex = (r.label == Label::Reflection)
            .then_some(r.depth)
            .flatten()
            .map(|d| d == Depth::Complex);
        let class = class_of(r.label);
        let has_context = !r.context.trim().is_empty();
        let (alone, with) = match cfg.context {
            ContextUse::Ignore => (true, false),
            ContextUse::Both => (true, has_context),
            ContextUse::Only => (!has_context, has_context),
        };
        if alone {
            examples.push(Example {
                features: classifier.features(&r.text),
                class,
                complex,
            });
        }
        if with {
            examples.push(Example {
                features: classifier.features_in_context(&r.text, Some(&r.context)),
                class,
                complex,
            });
        }
    }
    // Classes are weighed so that each counts about as much as the others in total, softened
    // by a square root so rare labels do not swing the model.
    let mut counts = [0usize; CLASSES];
    for e in &examples {
        if let Some(c) = counts.get_mut(e.class) {
            *c += 1;
        }
    }
    let total = examples.len().max(1) as f64;
    let class_weight: Vec<f64> = counts
        .iter()
        .map(|&c| {
            if c == 0 {
                0.0
            } else {
                (total / (CLASSES as f64 * c as f64)).sqrt()
            }
        })
        .collect();

    let mut w = vec![0.0f64; CLASSES * BUCKETS];
    let mut bias = [0.0f64; CLASSES];
    let mut dw = vec![0.0f64; BUCKETS];
    let mut dbias = 0.0f64;
    let mut rng = SplitMix64::new(cfg.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut step = 0usize;
    for _ in 0..cfg.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let Some(e) = examples.get(i) else { continue };
            step += 1;
            let decay = 1.0 + step as f64 / total;
            let lr = cfg.learning_rate / decay;
            let mut scores = [0.0f64; CLASSES];
            for (c, s) in scores.iter_mut().enumerate() {
                let row = &w[c * BUCKETS..(c + 1) * BUCKETS];
                *s = bias[c]
                    + e.features
                        .iter()
                        .map(|f| row[f.bucket as usize] * f64::from(f.value))
                        .sum::<f64>();
            }
            softmax(&mut scores);
            let cw = class_weight.get(e.class).copied().unwrap_or(1.0);
            for (c, p) in scores.iter().enumerate() {
                let g = cw * (p - if c == e.class { 1.0 } else { 0.0 });
                bias[c] -= lr * g;
                let row = &mut w[c * BUCKETS..(c + 1) * BUCKETS];
                for f in &e.features {
                    let x = &mut row[f.bucket as usize];
                    *x -= lr * (g * f64::from(f.value) + cfg.l2 * *x);
                }
            }
            if let Some(y) = e.complex {
                let uses = |f: &&Feature| {
                    !f.depth_ignores()
                        && (cfg.depth_uses_length
                            || !matches!(
                                f.origin,
                                Origin::Rule(RuleFeature::Length(_) | RuleFeature::Sentences(_))
                            ))
                };
                let z = dbias
                    + e.features
                        .iter()
                        .filter(uses)
                        .map(|f| dw[f.bucket as usize] * f64::from(f.value))
                        .sum::<f64>();
                let p = 1.0 / (1.0 + (-z).exp());
                let g = p - if y { 1.0 } else { 0.0 };
                let lr = cfg.depth_learning_rate / decay;
                dbias -= lr * g;
                for f in e.features.iter().filter(uses) {
                    let x = &mut dw[f.bucket as usize];
                    *x -= lr * (g * f64::from(f.value) + cfg.depth_l2 * *x);
                }
            }
        }
    }
    let mut b32 = [0.0f32; CLASSES];
    for (b, x) in b32.iter_mut().zip(bias) {
        *b = x as f32;
    }
    Model::new(
        w.iter().map(|&x| x as f32).collect(),
        b32,
        dw.iter().map(|&x| x as f32).collect(),
        dbias as f32,
    )
}

/// The corpus files the shipped model is trained from, in this order.
pub const TRAIN_FILES: [&str; 2] = [
    "assets/utterance/corpus/transcript_train.tsv",
    "assets/utterance/corpus/typed_train.tsv",
];
/// The second, blind coding of every id.
pub const SECOND_CODING_FILE: &str = "assets/utterance/corpus/second_coding.tsv";

/// Trains the shipped model from the text of [`TRAIN_FILES`] and [`SECOND_CODING_FILE`]:
/// the rows the two coders agree on, with the shipped rules.
pub fn train_shipped(train_files: &[&str], second_coding: &str) -> Result<Model, String> {
    let mut rows = Vec::new();
    for text in train_files {
        rows.extend(parse_corpus(text)?);
    }
    let second = parse_second(second_coding)?;
    let agreed = agreed_training_rows(&rows, &second);
    let rules = Classifier::from_toml(RULES_TOML).map_err(|e| e.to_string())?;
    Ok(train(&rules, &agreed, TrainConfig::default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn training_keeps_agreed_rows_and_is_deterministic() {
        let rows = parse_corpus(
            "A\ttrain\topen_question\t-\t\tWhat brings you in today?\n\
             B\ttrain\treflection\tsimple\t\tYou're tired.\n\
             C\ttrain\tadvice\t-\t\tYou should call them.\n\
             D\tcheck\tother\t-\t\tHi.\n",
        )
        .expect("parse");
        let second = parse_second("A\topen_question\t-\nB\tinformation\t-\n").expect("parse");
        let agreed = agreed_training_rows(&rows, &second);
        let ids: Vec<&str> = agreed.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["A", "C"]);
        let c = Classifier::shipped().expect("rules");
        let cfg = TrainConfig {
            epochs: 2,
            ..TrainConfig::default()
        };
        let a = train(&c, &agreed, cfg).to_bytes();
        let b = train(&c, &agreed, cfg).to_bytes();
        assert_eq!(a, b);
        let m = Model::from_bytes(&a).expect("round trip");
        assert_eq!(m.to_bytes(), a);
    }
}
