//! Measuring a classifier on labelled rows: confusion matrices and summary figures.

use super::fit::class_of;
use crate::domain::utterance::model::CLASSES;
use crate::domain::utterance::{Depth, Feedback, Group, Label};

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

    pub fn add(&mut self, truth: Label, depth: Option<Depth>, got: &Feedback) {
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
