//! Splitting an utterance into normalised sentences: fillers, markers and repeats
//! dropped, run-on speech split where a question starts.

use super::sentence::{Lexicon, Sentence, Word};
use super::tokens::{End, Token, tokenize};
use super::words::{collapse_repeats, collapse_stutter, expand_owned, expand_word};
use crate::domain::utterance::vocab::{Vocab, WordClass};

/// `fix_has` (in `words.rs`) for the words of a turn, keeping their numbers right.
fn fix_has_words(words: &mut [Word], vocab: &Vocab) {
    for i in 1..words.len() {
        if words[i - 1].text == "is" && matches!(words[i].text.as_str(), "been" | "got" | "gotten")
        {
            words[i - 1] = Word {
                text: "has".to_string(),
                id: vocab.id("has"),
            };
        }
    }
}

/// Words that follow "you're" but not "your": typed on a phone, "ur so patient" and
/// "your doing great" mean "you are". Words that can be nouns or stand in a set phrase after
/// "your" ("your feeling", "your right", "your very own", "your just deserts") are left out.
const AFTER_YOU_ARE: &[&str] = &[
    "so", "not", "really", "still", "always", "never", "already", "doing", "going", "trying",
    "getting", "being", "making", "taking", "allowed", "probably",
];

/// Words after which a new subject starts, so a "your" there can be "you are". After a
/// verb or preposition it is a possessive: "I appreciate your being honest", "all your doing".
const SUBJECT_AFTER: &[&str] = &[
    "and", "but", "so", "because", "if", "when", "then", "now", "think", "guess", "know", "bet",
    "hope", "sure", "maybe", "yeah", "honestly",
];

/// "your" where "you are" is meant (see [`AFTER_YOU_ARE`]), in place; returns how many
/// words it added.
fn fix_your_words(words: &mut Vec<Word>, vocab: &Vocab) -> usize {
    let mut added = 0;
    let mut i = 0;
    while i + 1 < words.len() {
        // "your" first: the list scans run only for it, not for every word of every turn.
        if words[i].text == "your"
            && AFTER_YOU_ARE.contains(&words[i + 1].text.as_str())
            && (i == 0 || SUBJECT_AFTER.contains(&words[i - 1].text.as_str()))
        {
            words[i] = Word {
                text: "you".to_string(),
                id: vocab.id("you"),
            };
            words.insert(
                i + 1,
                Word {
                    text: "are".to_string(),
                    id: vocab.id("are"),
                },
            );
            added += 1;
            i += 1;
        }
        i += 1;
    }
    added
}

fn starts_with_phrase(words: &[String], phrase: &[String]) -> bool {
    !phrase.is_empty()
        && words.len() >= phrase.len()
        && words.iter().zip(phrase).all(|(a, b)| a == b)
}

/// The clause is exactly one of the filler phrases ("you know").
fn is_filler_clause(clause: &[Word], lex: &Lexicon) -> bool {
    lex.filler_clauses
        .iter()
        .any(|f| f.len() == clause.len() && f.iter().zip(clause).all(|(a, b)| *a == b.text))
}

/// Builds a sentence from one run of clauses, dropping fillers and filler clauses.
fn build_sentence(mut clauses: Vec<Vec<Word>>, question_mark: bool, lex: &Lexicon) -> Sentence {
    let vocab = lex.vocab;
    let mut sentence = Sentence {
        question_mark,
        ..Sentence::default()
    };
    let mut raw_words: usize = clauses.iter().map(Vec::len).sum();
    for c in &mut clauses {
        c.retain(|w| !vocab.is(w.id, WordClass::Filler));
    }
    clauses.retain(|c| !c.is_empty());
    // "..., you know?" is a filler, not a question.
    let last_is_filler = clauses.last().is_some_and(|c| is_filler_clause(c, lex));
    if last_is_filler && clauses.len() > 1 {
        sentence.question_mark = false;
    }
    clauses.retain(|c| !is_filler_clause(c, lex));
    // Words the "you are" rewrite adds were typed as one: they do not hide a removed filler.
    for clause in &mut clauses {
        collapse_repeats(clause);
        fix_has_words(clause, vocab);
        raw_words += fix_your_words(clause, vocab);
    }
    let n: usize = clauses.iter().map(Vec::len).sum();
    sentence.words.reserve_exact(n);
    sentence.ids.reserve_exact(n);
    sentence.clause_start.reserve_exact(n);
    for clause in clauses {
        let mut start = true;
        for w in clause {
            // "so, so what": a word repeated across a comma is a repeat too.
            if start && sentence.words.last() == Some(&w.text) {
                continue;
            }
            sentence.clause_start.push(start);
            sentence.words.push(w.text);
            sentence.ids.push(w.id);
            start = false;
        }
    }
    // Leading discourse markers, and a leading filler phrase followed by more words
    // ("you know it's hard" keeps "you know" only when it is not a phrase of its own).
    let mut core = 0;
    while core < sentence.words.len() {
        let rest = &sentence.words[core..];
        let marker = sentence
            .ids
            .get(core)
            .is_some_and(|&id| vocab.is(id, WordClass::DiscourseMarker));
        if rest.len() > 1 && marker {
            core += 1;
            continue;
        }
        if let Some(f) = lex.filler_clauses.iter().find(|f| {
            rest.len() > f.len()
                && starts_with_phrase(rest, f)
                && sentence
                    .clause_start
                    .get(core + f.len())
                    .copied()
                    .unwrap_or(false)
        }) {
            core += f.len();
            continue;
        }
        break;
    }
    sentence.core = core;
    sentence.disfluent = sentence.words.len() < raw_words;
    sentence
}

/// Splits an utterance into normalised sentences. Empty sentences (only punctuation or
/// fillers) are dropped unless nothing else is left.
pub fn sentences(text: &str, lex: &Lexicon) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut clauses: Vec<Vec<Word>> = vec![Vec::new()];
    let mut stutter = false;
    // The last token was a dash: a sentence ending here was cut off.
    let mut after_dash = false;
    // The words one token expands to, before they get their numbers.
    let mut expanded: Vec<String> = Vec::new();
    tokenize(text, |token| {
        let dash = matches!(token, Token::ClauseBreak(true));
        let is_break = matches!(token, Token::ClauseBreak(_));
        match token {
            Token::Word(w) => {
                if let Some(current) = clauses.last_mut() {
                    let word = collapse_stutter(&w);
                    if word.len() == w.len() {
                        expand_owned(w, &mut expanded);
                    } else {
                        stutter = true;
                        expand_word(word, &mut expanded);
                    }
                    current.extend(expanded.drain(..).map(|text| Word {
                        id: lex.vocab.id(&text),
                        text,
                    }));
                }
            }
            Token::ClauseBreak(_) => clauses.push(Vec::new()),
            Token::SentenceEnd(end) => {
                let run = std::mem::replace(&mut clauses, vec![Vec::new()]);
                let stutter = std::mem::take(&mut stutter);
                push_run(&mut out, run, end, stutter, after_dash, lex);
            }
        }
        after_dash = dash || (after_dash && is_break);
    });
    push_run(&mut out, clauses, End::Open, stutter, after_dash, lex);
    out
}

/// Adds the sentences of one punctuated run, split where speech ran sentences together.
fn push_run(
    out: &mut Vec<Sentence>,
    clauses: Vec<Vec<Word>>,
    end: End,
    stutter: bool,
    cut_off: bool,
    lex: &Lexicon,
) {
    let q = end == End::Question;
    let pieces = split_run_on(clauses, lex);
    let last = pieces.len().saturating_sub(1);
    let mut added = false;
    for (i, piece) in pieces.into_iter().enumerate() {
        let mut sentence = build_sentence(piece, q && i == last, lex);
        sentence.disfluent |= stutter;
        if i == last {
            sentence.exclamation = end == End::Exclamation;
            sentence.full_stop = end == End::Stop;
            sentence.cut_off = cut_off;
        }
        if !sentence.is_empty() {
            out.push(sentence);
            added = true;
        }
    }
    if !added && q {
        // "...? ?" or a lone "?" after fillers: keep the question on the previous sentence.
        if let Some(prev) = out.last_mut() {
            prev.question_mark = true;
        }
    }
}

/// Where a question starts inside a run of words with no punctuation before it:
/// "that sounds hard what happened next", "you said it was rough do you want to talk".
fn starts_question(words: &[Word], i: usize, lex: &Lexicon) -> bool {
    let v = lex.vocab;
    let (Some(w), Some(next)) = (words.get(i), words.get(i + 1)) else {
        return false;
    };
    let Some(prev) = i.checked_sub(1).and_then(|p| words.get(p)) else {
        return false;
    };
    if v.is(prev.id, WordClass::NoSplitAfter) || v.is(prev.id, WordClass::Filler) {
        return false;
    }
    let after = words.get(i + 2);
    let wh = v.is(w.id, WordClass::WhWord)
        && ((v.is(next.id, WordClass::Auxiliary)
            && after.is_some_and(|a| v.is(a.id, WordClass::QuestionSubject)))
            || next.text == "happened");
    let aux = v.is(w.id, WordClass::Auxiliary) && next.text == "you";
    wh || aux
}

/// Splits the clauses of one punctuated run into sentences at unpunctuated question starts,
/// each after at least three words. Words are moved, not copied.
fn split_run_on(clauses: Vec<Vec<Word>>, lex: &Lexicon) -> Vec<Vec<Vec<Word>>> {
    let v = lex.vocab;
    let opens_subordinate = clauses
        .iter()
        .flatten()
        .find(|w| !v.is(w.id, WordClass::Filler) && !v.is(w.id, WordClass::DiscourseMarker))
        .is_some_and(|w| v.is(w.id, WordClass::Subordinator));
    if opens_subordinate {
        return vec![clauses];
    }
    let mut pieces: Vec<Vec<Vec<Word>>> = vec![Vec::new()];
    let mut since_break = 0usize;
    let mut cuts: Vec<usize> = Vec::new();
    for mut clause in clauses {
        cuts.clear();
        for i in 0..clause.len() {
            let content = clause
                .get(i)
                .is_some_and(|w| !v.is(w.id, WordClass::Filler));
            if since_break >= 3 && i > 0 && starts_question(&clause, i, lex) {
                cuts.push(i);
                since_break = 0;
            }
            if content {
                since_break += 1;
            }
        }
        // The clause up to the first cut ends the current piece; each later part opens one.
        let mut tails: Vec<Vec<Word>> = Vec::with_capacity(cuts.len());
        for &at in cuts.iter().rev() {
            tails.push(clause.split_off(at));
        }
        if let Some(piece) = pieces.last_mut() {
            piece.push(clause);
        }
        pieces.extend(tails.into_iter().rev().map(|tail| vec![tail]));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::words::phrase_words;
    use crate::domain::utterance::vocab::WordId;
    fn lex_parts() -> (Vec<String>, Vec<String>, Vec<Vec<String>>) {
        (
            vec!["um".into(), "uh".into()],
            vec!["so".into(), "and".into(), "well".into()],
            vec![phrase_words("you know"), phrase_words("i mean")],
        )
    }

    fn split(text: &str) -> Vec<Sentence> {
        let (f, d, c) = lex_parts();
        let list =
            |words: &[&str]| -> Vec<String> { words.iter().map(|w| w.to_string()).collect() };
        let mut vocab = Vocab::default();
        vocab.add_class(&f, WordClass::Filler);
        vocab.add_class(&d, WordClass::DiscourseMarker);
        vocab.add_class(&list(&["what", "how", "why"]), WordClass::WhWord);
        vocab.add_class(&list(&["do", "did", "are", "is"]), WordClass::Auxiliary);
        vocab.add_class(&list(&["if", "when"]), WordClass::Subordinator);
        vocab.add_class(&list(&["you", "it", "things"]), WordClass::QuestionSubject);
        vocab.add_class(
            &list(&["know", "wonder", "me", "what"]),
            WordClass::NoSplitAfter,
        );
        let lex = Lexicon {
            vocab: &vocab,
            filler_clauses: &c,
        };
        let out = sentences(text, &lex);
        for s in &out {
            let ids: Vec<WordId> = s.words.iter().map(|w| vocab.id(w)).collect();
            assert_eq!(s.ids, ids, "every word carries its number");
        }
        out
    }

    #[test]
    fn splits_sentences_and_keeps_question_marks() {
        let s = split("You've cut back a lot. How did you manage that?");
        assert_eq!(s.len(), 2);
        assert!(!s[0].question_mark);
        assert!(s[1].question_mark);
        assert_eq!(s[1].words[0], "how");
    }

    #[test]
    fn removes_fillers_and_leading_markers() {
        let s = split("So, um, what's been going on");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].core_words()[0], "what");
        assert_eq!(s[0].lead_words(), ["so"]);
    }

    #[test]
    fn trailing_you_know_is_not_a_question() {
        let s = split("It's hard, you know?");
        assert!(!s[0].question_mark);
        assert_eq!(s[0].words, vec!["it", "is", "hard"]);
        let s = split("You know, it's hard");
        assert_eq!(s[0].words, vec!["it", "is", "hard"]);
        let s = split("you know yourself well");
        assert_eq!(s[0].core_words()[0], "you");
    }

    #[test]
    fn numbers_and_abbreviations_do_not_split() {
        let s = split("Dr. Lee said 2.5 mg is fine.");
        assert_eq!(s.len(), 1);
        assert!(s[0].words.contains(&"2.5".to_string()));
    }

    #[test]
    fn clause_starts_follow_commas() {
        let s = split("I'm curious, what made you call");
        let i = s[0].words.iter().position(|w| w == "what").unwrap();
        assert!(s[0].clause_start[i]);
    }

    #[test]
    fn your_before_a_verb_or_adverb_is_you_are() {
        let s = split("ur so patient with him, and your doing it your way");
        assert_eq!(
            s[0].words,
            [
                "you", "are", "so", "patient", "with", "him", "and", "you", "are", "doing", "it",
                "your", "way"
            ]
        );
        // "your" before a noun, or after a verb or preposition, stays.
        assert_eq!(split("your drinking")[0].words, ["your", "drinking"]);
        assert_eq!(
            split("i appreciate your being honest")[0].words,
            ["i", "appreciate", "your", "being", "honest"]
        );
        assert_eq!(
            split("it was your very own idea")[0].words,
            ["it", "was", "your", "very", "own", "idea"]
        );
        // A filler dropped beside the rewrite still marks the turn as spoken.
        assert!(split("um your doing great")[0].disfluent);
        assert!(!split("your doing great")[0].disfluent);
    }

    #[test]
    fn stutters_and_repeats_collapse() {
        assert_eq!(collapse_stutter("how-how"), "how");
        assert_eq!(collapse_stutter("wh-what"), "what");
        assert_eq!(collapse_stutter("i-i-i"), "i");
        assert_eq!(collapse_stutter("well-being"), "well-being");
        assert_eq!(collapse_stutter("follow-up"), "follow-up");
        let s = split("So how-how would that look?");
        assert_eq!(s[0].core_words()[0], "how");
        let s = split("wh-what happened, what, what did you do");
        assert_eq!(
            s[0].words,
            vec!["what", "happened", "what", "did", "you", "do"]
        );
        let s = split("I I was I was scared the the whole time");
        assert_eq!(
            s[0].words,
            vec!["i", "was", "scared", "the", "whole", "time"]
        );
    }

    #[test]
    fn run_on_speech_splits_at_questions() {
        let s = split("that sounds really hard what happened next");
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].words[0], "what");
        let s = split("you said it was rough do you want to talk about it?");
        assert_eq!(s.len(), 2);
        assert!(!s[0].question_mark);
        assert!(s[1].question_mark);
        // Embedded questions and short lead-ins stay whole.
        assert_eq!(split("I wonder what did it for you").len(), 1);
        assert_eq!(split("tell me how are things").len(), 1);
        assert_eq!(split("so what did you do").len(), 1);
        assert_eq!(
            split("if you could change one thing what would it be").len(),
            1
        );
    }

    #[test]
    fn a_full_stop_is_told_from_no_punctuation() {
        let s = split("I rang them. Then nothing");
        assert!(s[0].full_stop && !s[1].full_stop);
        assert!(!split("Did you ring them?")[0].full_stop);
        assert!(!split("Great!")[0].full_stop);
    }

    #[test]
    fn cut_off_and_exclamation_are_kept() {
        let s = split("And then the\u{2014}");
        assert!(s[0].cut_off);
        let s = split("I was - you know - thinking. Great!");
        assert!(!s[0].cut_off);
        assert!(s[1].exclamation && !s[1].question_mark);
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert!(split("").is_empty());
        assert!(split("  ... ?!").is_empty());
        assert!(split("um, uh").is_empty());
    }
}
