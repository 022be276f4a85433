//! The peer-language check: finds clinical, deficit or judging words in a note and offers
//! plainer, person-first words instead. It only advises; nothing is ever blocked.
//!
//! Each [`LanguageRule`] lists the phrases it looks for and context words that decide
//! whether an occurrence counts ("clean" about drug tests, not about an apartment). Words
//! are compared case-insensitively; a hyphen or any punctuation separates words, so
//! "non-compliant" and "non compliant" are the same phrase. Context is looked for only
//! within the same sentence.

use std::ops::Range;

use serde::{Deserialize, Serialize};

/// How many words either side of a match count as its context, unless a rule says otherwise.
pub const DEFAULT_WINDOW: usize = 3;

/// One entry of the word list, as `assets/language.toml` declares it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageRule {
    pub id: String,
    /// The word or phrase as people know it, e.g. "non-compliant".
    pub term: String,
    /// Every spelling that counts. A word ending in `*` matches any word starting so.
    pub phrases: Vec<String>,
    /// Plainer, person-first words to use instead.
    pub suggestions: Vec<String>,
    /// One line on why the plainer words are better.
    pub why: String,
    /// When not empty, a match counts only if one of these words is among the words just
    /// before it, or one of `needs_after` is among the words just after it.
    #[serde(default)]
    pub needs_before: Vec<String>,
    #[serde(default)]
    pub needs_after: Vec<String>,
    /// A match does not count when one of these words is just before / after it.
    #[serde(default)]
    pub not_before: Vec<String>,
    #[serde(default)]
    pub not_after: Vec<String>,
    /// How many words either side count as "just before / after" (default 3).
    #[serde(default)]
    pub window: Option<usize>,
    /// A sentence the rule must flag, and an ordinary one it must leave alone: checked by
    /// the tests for the built-in list and when an organisation's list is loaded.
    pub flagged: String,
    pub ordinary: String,
}

/// One thing the check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's id.
    pub rule: String,
    /// The rule's term, e.g. "non-compliant".
    pub term: String,
    /// Byte range of the match in the checked text.
    #[serde(skip)]
    pub span: Range<usize>,
    pub suggestions: Vec<String>,
    pub why: String,
}

impl Finding {
    /// The matched text as written.
    pub fn matched<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.span.clone()).unwrap_or("")
    }

    /// The match as character offsets (start inclusive, end exclusive), as `alongside
    /// language --json` prints them.
    pub fn char_range(&self, text: &str) -> (usize, usize) {
        let start = text
            .get(..self.span.start)
            .map(|s| s.chars().count())
            .unwrap_or(0);
        let len = self.matched(text).chars().count();
        (start, start + len)
    }
}

/// A word of the text: where it is, lowercased, and which sentence it belongs to.
#[derive(Debug, Clone)]
struct Word {
    span: Range<usize>,
    lower: String,
    sentence: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '\u{2019}'
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut sentence = 0;
    let mut start: Option<usize> = None;
    let push = |out: &mut Vec<Word>, s: usize, e: usize, sentence: usize| {
        let lower = text[s..e]
            .to_lowercase()
            .replace('\u{2019}', "'")
            .trim_matches('\'')
            .to_string();
        if !lower.is_empty() {
            out.push(Word {
                span: s..e,
                lower,
                sentence,
            });
        }
    };
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            push(&mut out, s, i, sentence);
        }
        if matches!(c, '.' | '!' | '?' | ';' | '\n') {
            sentence += 1;
        }
    }
    if let Some(s) = start {
        push(&mut out, s, text.len(), sentence);
    }
    out
}

/// Splits a phrase or context word the way text is split.
fn pattern_words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in phrase.split(|c: char| !(is_word_char(c) || c == '*')) {
        let w = piece.to_lowercase().replace('\u{2019}', "'");
        let w = w.trim_matches('\'');
        if !w.is_empty() {
            out.push(w.to_string());
        }
    }
    out
}

fn word_matches(pattern: &str, word: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => pattern == word,
    }
}

/// A rule ready to run: its phrases and context words split into words once.
#[derive(Debug, Clone)]
struct Compiled<'a> {
    rule: &'a LanguageRule,
    phrases: Vec<Vec<String>>,
    needs_before: Vec<Vec<String>>,
    needs_after: Vec<Vec<String>>,
    not_before: Vec<Vec<String>>,
    not_after: Vec<Vec<String>>,
    window: usize,
}

impl<'a> Compiled<'a> {
    fn new(rule: &'a LanguageRule) -> Compiled<'a> {
        let split = |list: &[String]| -> Vec<Vec<String>> {
            list.iter()
                .map(|p| pattern_words(p))
                .filter(|w| !w.is_empty())
                .collect()
        };
        Compiled {
            rule,
            phrases: split(&rule.phrases),
            needs_before: split(&rule.needs_before),
            needs_after: split(&rule.needs_after),
            not_before: split(&rule.not_before),
            not_after: split(&rule.not_after),
            window: rule.window.unwrap_or(DEFAULT_WINDOW),
        }
    }
}

/// True when one of `patterns` occurs within `range` of `text_words` (all in one sentence).
fn any_within(patterns: &[Vec<String>], text_words: &[Word], range: Range<usize>) -> bool {
    let slice = match text_words.get(range) {
        Some(s) => s,
        None => return false,
    };
    patterns.iter().any(|p| {
        slice.windows(p.len()).any(|w| {
            w.iter()
                .zip(p)
                .all(|(word, pat)| word_matches(pat, &word.lower))
        })
    })
}

/// Where phrase `p` matches starting at word `i`: the index just past its last word.
fn phrase_at(p: &[String], ws: &[Word], i: usize) -> Option<usize> {
    let first = ws.get(i)?;
    for (k, pat) in p.iter().enumerate() {
        let w = ws.get(i + k)?;
        if w.sentence != first.sentence || !word_matches(pat, &w.lower) {
            return None;
        }
    }
    Some(i + p.len())
}

/// The range of words of the same sentence within `window` before `start`.
fn before(ws: &[Word], start: usize, window: usize) -> Range<usize> {
    let sentence = ws.get(start).map(|w| w.sentence);
    let mut from = start.saturating_sub(window);
    while from < start && ws.get(from).map(|w| w.sentence) != sentence {
        from += 1;
    }
    from..start
}

/// The range of words of the same sentence within `window` after `end` (exclusive).
fn after(ws: &[Word], end: usize, window: usize) -> Range<usize> {
    let sentence = end
        .checked_sub(1)
        .and_then(|i| ws.get(i))
        .map(|w| w.sentence);
    let mut to = end;
    while to < ws.len() && to < end + window && ws.get(to).map(|w| w.sentence) == sentence {
        to += 1;
    }
    end..to
}

fn context_allows(c: &Compiled<'_>, ws: &[Word], start: usize, end: usize) -> bool {
    let pre = before(ws, start, c.window);
    let post = after(ws, end, c.window);
    if any_within(&c.not_before, ws, pre.clone()) || any_within(&c.not_after, ws, post.clone()) {
        return false;
    }
    if c.needs_before.is_empty() && c.needs_after.is_empty() {
        return true;
    }
    any_within(&c.needs_before, ws, pre) || any_within(&c.needs_after, ws, post)
}

/// Every finding in `text`, in order. Where matches overlap the longer one is kept.
pub fn check(text: &str, rules: &[LanguageRule]) -> Vec<Finding> {
    let ws = words(text);
    if ws.is_empty() {
        return Vec::new();
    }
    let compiled: Vec<Compiled<'_>> = rules.iter().map(Compiled::new).collect();
    // (start word, end word, rule)
    let mut hits: Vec<(usize, usize, &LanguageRule)> = Vec::new();
    for i in 0..ws.len() {
        for c in &compiled {
            let longest = c.phrases.iter().filter_map(|p| phrase_at(p, &ws, i)).max();
            if let Some(end) = longest
                && context_allows(c, &ws, i, end)
            {
                hits.push((i, end, c.rule));
            }
        }
    }
    // Longest first at each start, then drop whatever overlaps an earlier keeper.
    hits.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<Finding> = Vec::new();
    let mut covered_until = 0;
    for (start, end, rule) in hits {
        if start < covered_until {
            continue;
        }
        covered_until = end;
        let (Some(first), Some(last)) = (ws.get(start), ws.get(end - 1)) else {
            continue;
        };
        out.push(Finding {
            rule: rule.id.clone(),
            term: rule.term.clone(),
            span: first.span.start..last.span.end,
            suggestions: rule.suggestions.clone(),
            why: rule.why.clone(),
        });
    }
    out
}

/// What is wrong with a rule as written (empty when it is fine), including its own two
/// example sentences not behaving as they say.
pub fn rule_problems(rule: &LanguageRule) -> Vec<String> {
    let mut out = Vec::new();
    let name = &rule.id;
    if rule.term.trim().is_empty() {
        out.push(format!("language entry `{name}` has no term"));
    }
    if rule.phrases.iter().all(|p| pattern_words(p).is_empty()) {
        out.push(format!(
            "language entry `{name}` has no phrases to look for"
        ));
    }
    if rule.suggestions.iter().all(|s| s.trim().is_empty()) {
        out.push(format!("language entry `{name}` offers no suggestions"));
    }
    if rule.why.trim().is_empty() {
        out.push(format!("language entry `{name}` does not say why"));
    }
    let only = std::slice::from_ref(rule);
    if check(&rule.flagged, only).is_empty() {
        out.push(format!(
            "language entry `{name}`: its `flagged` sentence is not flagged"
        ));
    }
    if !check(&rule.ordinary, only).is_empty() {
        out.push(format!(
            "language entry `{name}`: its `ordinary` sentence is flagged"
        ));
    }
    out
}

/// Every free-text field of a note, named, for checking.
pub fn note_fields(s: &crate::domain::Session) -> Vec<(String, String)> {
    let mut v = vec![
        ("notes".to_string(), s.notes.clone()),
        ("what matters".to_string(), s.summary.what_matters.clone()),
        ("discussed".to_string(), s.summary.discussed.clone()),
        ("strengths".to_string(), s.summary.strengths.clone()),
    ];
    for (i, g) in s.summary.goals.iter().enumerate() {
        v.push((format!("goal {}", i + 1), g.in_their_words.clone()));
        for (k, st) in g.next_steps.iter().enumerate() {
            v.push((format!("goal {} step {}", i + 1, k + 1), st.what.clone()));
        }
    }
    for (i, a) in s.amendments.iter().enumerate() {
        v.push((format!("amendment {}", i + 1), a.text.clone()));
    }
    v.retain(|(_, t)| !t.trim().is_empty());
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(id: &str, phrases: &[&str]) -> LanguageRule {
        LanguageRule {
            id: id.into(),
            term: phrases[0].into(),
            phrases: phrases.iter().map(|s| s.to_string()).collect(),
            suggestions: vec!["something plainer".into()],
            why: "because".into(),
            needs_before: vec![],
            needs_after: vec![],
            not_before: vec![],
            not_after: vec![],
            window: None,
            flagged: String::new(),
            ordinary: String::new(),
        }
    }

    #[test]
    fn hyphens_case_and_curly_apostrophes_do_not_hide_a_phrase() {
        let r = [rule("nc", &["non-compliant"])];
        for text in ["He was NON-COMPLIANT.", "non compliant", "Non–compliant"] {
            assert_eq!(check(text, &r).len(), 1, "{text}");
        }
        let f = &check("She’s non-compliant today", &r)[0];
        assert_eq!(f.matched("She’s non-compliant today"), "non-compliant");
        assert!(check("noncompliance", &r).is_empty());
    }

    #[test]
    fn context_is_only_looked_for_in_the_same_sentence() {
        let mut r = rule("clean", &["clean"]);
        r.needs_before = vec!["been".into()];
        let r = [r];
        assert_eq!(check("He has been clean for a year", &r).len(), 1);
        assert!(check("It has been. Clean kitchen", &r).is_empty());
    }

    #[test]
    fn not_words_veto_and_wildcards_match_word_starts() {
        let mut r = rule("a", &["addict*"]);
        r.not_after = vec!["to".into()];
        let r = [r];
        assert_eq!(check("an addict", &r).len(), 1);
        assert_eq!(check("addicts", &r).len(), 1);
        assert!(check("addicted to coffee", &r).is_empty());
    }

    #[test]
    fn overlapping_matches_keep_the_longest_and_offsets_are_in_characters() {
        let r = [rule("abuse", &["abuse"]), rule("sa", &["substance abuse"])];
        let text = "é substance abuse";
        let found = check(text, &r);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, "sa");
        assert_eq!(found[0].char_range(text), (2, 17));
    }

    #[test]
    fn a_rule_whose_examples_misbehave_is_reported() {
        let mut r = rule("x", &["lazy"]);
        r.flagged = "He is lazy".into();
        r.ordinary = "A lazy river".into();
        let p = rule_problems(&r);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].contains("ordinary"));
    }
}
