//! How far two codings agree: percent agreement and Cohen's kappa.

use super::corpus::{CorpusRow, SecondCoding};
use crate::domain::utterance::{Group, Label};

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
}
