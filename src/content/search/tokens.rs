//! Splitting text into words, light stemming, and the body lines entries are made of.

use std::ops::Range;

/// Lowercase words of `text`: runs of letters and digits. Apostrophes inside a word are
/// dropped ("peer's" is "peers"), other punctuation separates words.
pub fn words(text: &str) -> impl Iterator<Item = (Range<usize>, String)> + '_ {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut word = String::new();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            word.extend(c.to_lowercase());
        } else if (c == '\'' || c == '’')
            && start.is_some()
            && iter.peek().is_some_and(|(_, n)| n.is_alphanumeric())
        {
            // Inside a word: keep going.
        } else if let Some(s) = start.take() {
            out.push((s..i, std::mem::take(&mut word)));
        }
    }
    if let Some(s) = start {
        out.push((s..text.len(), word));
    }
    out.into_iter()
}

/// A light English stem: enough that "questions" meets "question", "planning" meets "plan"
/// and "listened" meets "listen". Not a full stemmer; it only has to be consistent.
pub(super) fn stem(word: &str) -> String {
    let mut w = word.to_string();
    if w.chars().count() <= 3 {
        return w;
    }
    if let Some(s) = w.strip_suffix("ies") {
        w = format!("{s}y");
    } else if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    for suffix in ["ing", "ed"] {
        if let Some(s) = w.strip_suffix(suffix)
            && s.chars().count() >= 3
        {
            w = s.to_string();
            // "planning" -> "plann" -> "plan"
            let b = w.as_bytes();
            if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] && b[b.len() - 1] != b's' {
                w.pop();
            }
            break;
        }
    }
    w
}

/// The non-empty lines of an entry body, the unit the entry view selects and inserts.
pub fn body_lines(body: &str) -> impl Iterator<Item = &str> {
    body.lines().filter(|l| !l.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercase_runs_of_letters_and_digits() {
        let w: Vec<String> = words("Ask-Share-Ask: the peer's 3-month goal (988)")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(
            w,
            [
                "ask", "share", "ask", "the", "peers", "3", "month", "goal", "988"
            ]
        );
        let ranges: Vec<Range<usize>> = words("é ok").map(|(r, _)| r).collect();
        assert_eq!(ranges, [0..2, 3..5]);
    }

    #[test]
    fn stems_meet_plurals_and_endings() {
        assert_eq!(stem("questions"), stem("question"));
        assert_eq!(stem("planning"), "plan");
        assert_eq!(stem("listened"), "listen");
        assert_eq!(stem("activities"), "activity");
        assert_eq!(stem("process"), "process");
        assert_eq!(stem("bus"), "bus");
    }
}
