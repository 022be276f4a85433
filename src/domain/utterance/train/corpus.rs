//! The labelled corpus and its second coding: parsing the files and picking the rows to
//! train on.

use crate::domain::utterance::{Depth, Label};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
