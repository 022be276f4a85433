//! Training the learned model from the labelled corpus, and measuring how far two coders
//! agree. Pure: the caller reads the files (see `examples/train_utterance_model.rs`).
//!
//! Reproducible bit for bit: examples are visited in an order drawn from a fixed seed,
//! arithmetic is plain `f64` in a fixed order, and the weights are rounded to 16 bits.

use super::features::{BUCKETS, Feature, Origin, RuleFeature};
use super::model::{CLASSES, Model, softmax};
use super::{Classifier, Depth, Group, Label};
use crate::domain::practice::rng::SplitMix64;

/// One labelled turn of the corpus: `id, set, label, depth, context, text`.
#[derive(Debug, Clone, PartialEq)]
pub struct CorpusRow {
    pub id: String,
    /// `train` or `check`.
    pub set: String,
    pub label: Label,
    pub depth: Option<Depth>,
    /// What the peer said just before, or empty.
    pub context: String,
    pub text: String,
}

/// A second coder's labels for the same ids: `id, label, depth`.
#[derive(Debug, Clone, PartialEq)]
pub struct SecondCoding {
    pub id: String,
    pub label: Label,
    pub depth: Option<Depth>,
}

fn depth_of(s: &str) -> Option<Depth> {
    Depth::from_id(s.trim())
}

/// Parses corpus rows; lines starting with `#` and blank lines are skipped. Errors name the
/// line.
pub fn parse_corpus(text: &str) -> Result<Vec<CorpusRow>, String> {
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.splitn(6, '\t').collect();
        let [id, set, label, depth, context, text] = f.as_slice() else {
            return Err(format!("line {}: expected 6 tab-separated columns", n + 1));
        };
        let label = Label::from_id(label.trim())
            .ok_or_else(|| format!("line {}: unknown label {label:?}", n + 1))?;
        rows.push(CorpusRow {
            id: id.trim().to_string(),
            set: set.trim().to_string(),
            label,
            depth: depth_of(depth),
            context: context.to_string(),
            text: text.to_string(),
        });
    }
    Ok(rows)
}

/// Parses a second coding (`id, label, depth`).
pub fn parse_second(text: &str) -> Result<Vec<SecondCoding>, String> {
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let (Some(id), Some(label)) = (f.first(), f.get(1)) else {
            return Err(format!("line {}: expected id and label", n + 1));
        };
        let label = Label::from_id(label.trim())
            .ok_or_else(|| format!("line {}: unknown label {label:?}", n + 1))?;
        rows.push(SecondCoding {
            id: id.trim().to_string(),
            label,
            depth: f.get(2).and_then(|d| depth_of(d)),
        });
    }
    Ok(rows)
}

/// Percent agreement and Cohen's kappa.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Agreement {
    pub n: usize,
    pub percent: f64,
    pub kappa: f64,
}

/// Agreement between two codings of the same items.
pub fn agreement<T: PartialEq + Copy>(pairs: &[(T, T)]) -> Agreement {
    let n = pairs.len();
    if n == 0 {
        return Agreement {
            n,
            percent: 0.0,
            kappa: 0.0,
        };
    }
    let mut cats: Vec<T> = Vec::new();
    for (a, b) in pairs {
        for c in [a, b] {
            if !cats.contains(c) {
                cats.push(*c);
            }
        }
    }
    let agree = pairs.iter().filter(|(a, b)| a == b).count() as f64 / n as f64;
    let expected: f64 = cats
        .iter()
        .map(|c| {
            let pa = pairs.iter().filter(|(a, _)| a == c).count() as f64 / n as f64;
            let pb = pairs.iter().filter(|(_, b)| b == c).count() as f64 / n as f64;
            pa * pb
        })
        .sum();
    let kappa = if expected < 1.0 {
        (agree - expected) / (1.0 - expected)
    } else {
        1.0
    };
    Agreement {
        n,
        percent: 100.0 * agree,
        kappa,
    }
}

/// Agreement of the two codings: 8 labels, the 4 groups, and depth where both coded a
/// reflection with a depth.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CoderAgreement {
    pub labels: Agreement,
    pub groups: Agreement,
    pub depth: Agreement,
}

pub fn coder_agreement(first: &[CorpusRow], second: &[SecondCoding]) -> CoderAgreement {
    let mut labels = Vec::new();
    let mut groups: Vec<(Group, Group)> = Vec::new();
    let mut depth = Vec::new();
    for row in first {
        let Some(s) = second.iter().find(|s| s.id == row.id) else {
            continue;
        };
        labels.push((row.label, s.label));
        groups.push((row.label.group(), s.label.group()));
        if row.label == Label::Reflection
            && s.label == Label::Reflection
            && let (Some(a), Some(b)) = (row.depth, s.depth)
        {
            depth.push((a, b));
        }
    }
    CoderAgreement {
        labels: agreement(&labels),
        groups: agreement(&groups),
        depth: agreement(&depth),
    }
}

/// The rows to train on: train rows where the second coder agrees on the label (rows the
/// second coder has not seen are kept with the first label). Depth counts only where both
/// coders gave the same depth.
pub fn agreed_training_rows(first: &[CorpusRow], second: &[SecondCoding]) -> Vec<CorpusRow> {
    first
        .iter()
        .filter(|r| r.set == "train")
        .filter_map(|r| match second.iter().find(|s| s.id == r.id) {
            None => Some(r.clone()),
            Some(s) if s.label == r.label => {
                let mut r = r.clone();
                if s.depth != r.depth {
                    r.depth = None;
                }
                Some(r)
            }
            Some(_) => None,
        })
        .collect()
}

/// Settings of the training run. The defaults are what the shipped model was trained with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainConfig {
    pub seed: u64,
    pub epochs: usize,
    pub learning_rate: f64,
    pub l2: f64,
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

fn class_of(l: Label) -> usize {
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
            let lr = cfg.learning_rate / (1.0 + step as f64 / total);
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
                    cfg.depth_uses_length
                        || !matches!(
                            f.origin,
                            Origin::Rule(RuleFeature::Length(_) | RuleFeature::Sentences(_))
                        )
                };
                let z = dbias
                    + e.features
                        .iter()
                        .filter(uses)
                        .map(|f| dw[f.bucket as usize] * f64::from(f.value))
                        .sum::<f64>();
                let p = 1.0 / (1.0 + (-z).exp());
                let g = p - if y { 1.0 } else { 0.0 };
                dbias -= lr * g;
                for f in e.features.iter().filter(uses) {
                    let x = &mut dw[f.bucket as usize];
                    *x -= lr * (g * f64::from(f.value) + cfg.l2 * *x);
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

/// How a classifier did on labelled rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub n: usize,
    /// Rows: true label, columns: predicted, in `Label::ALL` order.
    pub matrix: [[usize; CLASSES]; CLASSES],
    /// The same in groups: question, reflection, input, other.
    pub group_matrix: [[usize; 4]; 4],
    /// Among true questions: predicted with the right open/closed label.
    pub questions: usize,
    pub questions_right: usize,
    /// Among true reflections with a depth that were predicted reflections: right depth.
    pub depths: usize,
    pub depths_right: usize,
}

pub fn group_index(g: Group) -> usize {
    match g {
        Group::Question => 0,
        Group::Reflection => 1,
        Group::Input => 2,
        Group::Other => 3,
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl Evaluation {
    pub fn new() -> Evaluation {
        Evaluation {
            n: 0,
            matrix: [[0; CLASSES]; CLASSES],
            group_matrix: [[0; 4]; 4],
            questions: 0,
            questions_right: 0,
            depths: 0,
            depths_right: 0,
        }
    }

    pub fn add(&mut self, truth: Label, depth: Option<Depth>, got: &super::Feedback) {
        self.n += 1;
        let (t, p) = (class_of(truth), class_of(got.label));
        if let Some(c) = self.matrix.get_mut(t).and_then(|r| r.get_mut(p)) {
            *c += 1;
        }
        let (tg, pg) = (group_index(truth.group()), group_index(got.label.group()));
        if let Some(c) = self.group_matrix.get_mut(tg).and_then(|r| r.get_mut(pg)) {
            *c += 1;
        }
        if truth.is_question() {
            self.questions += 1;
            if truth == got.label {
                self.questions_right += 1;
            }
        }
        if truth == Label::Reflection && got.label == Label::Reflection && depth.is_some() {
            self.depths += 1;
            if got.reflection_depth == depth {
                self.depths_right += 1;
            }
        }
    }

    pub fn accuracy(&self) -> f64 {
        ratio((0..CLASSES).map(|i| self.matrix[i][i]).sum(), self.n)
    }

    pub fn group_accuracy(&self) -> f64 {
        ratio((0..4).map(|i| self.group_matrix[i][i]).sum(), self.n)
    }

    /// Macro-averaged F1 over the four groups (groups with no rows and no predictions are
    /// left out).
    pub fn group_macro_f1(&self) -> f64 {
        let mut f1s = Vec::new();
        for i in 0..4 {
            let tp = self.group_matrix[i][i];
            let actual: usize = self.group_matrix[i].iter().sum();
            let predicted: usize = (0..4).map(|t| self.group_matrix[t][i]).sum();
            if actual == 0 && predicted == 0 {
                continue;
            }
            let (p, r) = (ratio(tp, predicted), ratio(tp, actual));
            f1s.push(if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            });
        }
        if f1s.is_empty() {
            0.0
        } else {
            f1s.iter().sum::<f64>() / f1s.len() as f64
        }
    }

    pub fn open_closed_accuracy(&self) -> f64 {
        ratio(self.questions_right, self.questions)
    }

    pub fn depth_accuracy(&self) -> f64 {
        ratio(self.depths_right, self.depths)
    }

    /// The matrices and figures as text.
    pub fn report(&self, name: &str) -> String {
        use std::fmt::Write;
        let short = [
            "open", "closed", "refl", "affirm", "summ", "info", "advice", "other",
        ];
        let mut o = String::new();
        let _ = writeln!(o, "\n== {name}: {} turns", self.n);
        let _ = writeln!(o, "confusion matrix (rows: true, columns: predicted)");
        let _ = write!(o, "{:>8}", "");
        for s in short {
            let _ = write!(o, "{s:>8}");
        }
        let _ = writeln!(o);
        for (s, row) in short.iter().zip(&self.matrix) {
            let _ = write!(o, "{s:>8}");
            for n in row {
                let _ = write!(o, "{n:>8}");
            }
            let _ = writeln!(o);
        }
        let groups = ["question", "reflect", "input", "other"];
        let _ = writeln!(o, "four-way (summary -> reflection, affirmation -> other)");
        let _ = write!(o, "{:>9}", "");
        for g in groups {
            let _ = write!(o, "{g:>9}");
        }
        let _ = writeln!(o);
        for (g, row) in groups.iter().zip(&self.group_matrix) {
            let _ = write!(o, "{g:>9}");
            for n in row {
                let _ = write!(o, "{n:>9}");
            }
            let _ = writeln!(o);
        }
        let _ = writeln!(o, "8-label accuracy:        {:.3}", self.accuracy());
        let _ = writeln!(o, "4-way accuracy:          {:.3}", self.group_accuracy());
        let _ = writeln!(o, "4-way macro-F1:          {:.3}", self.group_macro_f1());
        let _ = writeln!(
            o,
            "open vs closed accuracy: {:.3} ({}/{} true questions)",
            self.open_closed_accuracy(),
            self.questions_right,
            self.questions
        );
        let _ = writeln!(
            o,
            "simple vs complex:       {:.3} ({}/{} reflections read as reflections)",
            self.depth_accuracy(),
            self.depths_right,
            self.depths
        );
        o
    }
}

impl Default for Evaluation {
    fn default() -> Evaluation {
        Evaluation::new()
    }
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
    let rules = Classifier::from_toml(super::rules::RULES_TOML).map_err(|e| e.to_string())?;
    Ok(train(&rules, &agreed, TrainConfig::default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kappa_matches_a_worked_example() {
        // 50 items: both yes 20, both no 15, a yes/b no 5, a no/b yes 10.
        let mut pairs = Vec::new();
        pairs.extend(std::iter::repeat_n((true, true), 20));
        pairs.extend(std::iter::repeat_n((false, false), 15));
        pairs.extend(std::iter::repeat_n((true, false), 5));
        pairs.extend(std::iter::repeat_n((false, true), 10));
        let a = agreement(&pairs);
        assert_eq!(a.n, 50);
        assert!((a.percent - 70.0).abs() < 1e-9);
        // p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = (0.7-0.5)/0.5 = 0.4
        assert!((a.kappa - 0.4).abs() < 1e-9);
    }

    #[test]
    fn corpus_rows_parse_and_bad_rows_are_named() {
        let rows =
            parse_corpus("# c\nT1\ttrain\treflection\tsimple\tI'm tired.\tYou're worn out.\n")
                .expect("parse");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].depth, Some(Depth::Simple));
        assert_eq!(rows[0].context, "I'm tired.");
        let err = parse_corpus("T1\ttrain\tnonsense\t-\t\tHi").expect_err("bad label");
        assert!(err.contains("line 1"));
        let second = parse_second("T1\treflection\tcomplex\n").expect("parse");
        assert_eq!(second[0].depth, Some(Depth::Complex));
    }

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
