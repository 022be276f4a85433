//! Lists inside one sentence: "the rent, the trouble at work, and how little you sleep".
//! Summaries gather several things this way; the rules and the model's features both ask.

use super::sentence::Sentence;

/// Where each clause of a sentence starts (word indices).
pub fn clause_starts(s: &Sentence) -> Vec<usize> {
    s.clause_start
        .iter()
        .enumerate()
        .filter(|(_, c)| **c)
        .map(|(i, _)| i)
        .collect()
}

/// Words an item joined at the end of a list may run to: "walking, music and talking to
/// your sister".
const JOINED_ITEM_WORDS: usize = 4;

/// How many items a sentence lists, or 0 when it lists fewer than three: its clauses when the
/// last one opens with "and" or "or", or one more when the last clause joins two items
/// ("walking, music and talking to your sister").
pub fn list_items(s: &Sentence) -> usize {
    let starts = clause_starts(s);
    let Some(&last) = starts.last() else {
        return 0;
    };
    let joiner = |w: &String| w == "and" || w == "or";
    let items = if s.words.get(last).is_some_and(joiner) {
        starts.len()
    } else if starts.len() >= 2
        && s.words
            .iter()
            .skip(last + 1)
            .take(JOINED_ITEM_WORDS)
            .any(joiner)
    {
        starts.len() + 1
    } else {
        starts.len()
    };
    let joined = items > starts.len() || s.words.get(last).is_some_and(joiner);
    if items >= 3 && joined { items } else { 0 }
}

/// Longest item in a list of short items.
const SHORT_ITEM_WORDS: usize = 4;

/// Three or more short clauses in a row at the start of a sentence: "Job, flat, girlfriend,
/// all in one year"; "Meals, friends, college: ...".
pub fn short_items(s: &Sentence) -> bool {
    let mut starts = clause_starts(s);
    starts.push(s.words.len());
    let short_run = starts
        .windows(2)
        .take_while(|w| matches!(w, [a, b] if b - a <= SHORT_ITEM_WORDS))
        .count();
    short_run >= 3
}

/// Three or more separate matters listed: a list whose later clauses do not open with a word
/// that chains one event to the next (`chain_openers`: "so", "then", "which", ...). "The car
/// failed its MOT, there's the dentist to pay, and your hours were cut" gathers three matters;
/// "you missed the bus, so you were late, and then the warning came" tells one story.
pub fn gathers_matters(s: &Sentence, chain_openers: &[String]) -> bool {
    if list_items(s) < 3 {
        return false;
    }
    let joiner = |w: &str| matches!(w, "and" | "or" | "plus");
    !clause_starts(s).iter().skip(1).any(|&i| {
        let first = s.words.get(i).map(String::as_str);
        let opener = match first {
            Some(w) if joiner(w) => s.words.get(i + 1).map(String::as_str),
            other => other,
        };
        opener.is_some_and(|w| chain_openers.iter().any(|c| c == w))
    })
}
