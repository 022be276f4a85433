//! Turning raw transcript text into normalised words, clauses and sentences.
//!
//! Everything here is plain character and token work: no regular expressions, one pass over
//! the input, so a 100 KB line costs a few milliseconds. The same normalisation is applied to
//! the phrases in the rule assets, so an asset author writes "you're" and it also matches
//! "you are", "You’re" and "YOU'RE".

use super::vocab::{Vocab, WordClass, WordId};

/// One sentence of an utterance, normalised.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    /// Lowercase words with contractions expanded ("you're" -> "you", "are") and
    /// filler words ("um", "uh") removed.
    pub words: Vec<String>,
    /// `ids[i]` is the rule asset's number for `words[i]` (see [`Vocab`]): the rules compare
    /// and look up words by these.
    pub ids: Vec<WordId>,
    /// `clause_start[i]` is true when `words[i]` begins a clause: the first word, or the first
    /// word after a comma, colon, dash or similar break.
    pub clause_start: Vec<bool>,
    /// The sentence ended with a question mark (after dropping a trailing "you know?").
    pub question_mark: bool,
    /// Index of the first word after leading discourse markers ("so", "and", "well", ...).
    pub core: usize,
    /// Fillers, filler phrases, stutters or repeated words were removed: spoken style.
    pub disfluent: bool,
    /// The sentence ended with an exclamation mark.
    pub exclamation: bool,
    /// The sentence breaks off at a dash with nothing after it ("And then the—").
    pub cut_off: bool,
}

impl Sentence {
    /// The words after leading discourse markers.
    pub fn core_words(&self) -> &[String] {
        self.words.get(self.core..).unwrap_or(&[])
    }

    /// The discourse markers that were skipped at the start ("so", "and").
    pub fn lead_words(&self) -> &[String] {
        self.words.get(..self.core).unwrap_or(&[])
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// What normalisation needs from the rule asset.
pub struct Lexicon<'a> {
    /// The asset's words by number, with the word lists each belongs to. Fillers
    /// ([`WordClass::Filler`]) are removed wherever they appear; discourse markers are
    /// skipped at the start of a sentence. Run-on speech is split where a question word
    /// is followed by an auxiliary and a question subject (or by "happened"), or an
    /// auxiliary by "you", unless the word before is in [`WordClass::NoSplitAfter`]; a run
    /// that opens with a subordinator ("if you could change one thing what would it be")
    /// is one sentence: the question is its main clause.
    pub vocab: &'a Vocab,
    /// Multi-word phrases that are fillers when they form a whole clause ("you know", "i mean").
    pub filler_clauses: &'a [Vec<String>],
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    /// A break inside a sentence: comma, colon, dash (true for a dash).
    ClauseBreak(bool),
    /// The end of a sentence.
    SentenceEnd(End),
}

/// How a sentence ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Stop,
    Question,
    Exclamation,
}

/// A word of the input with its number in the asset.
#[derive(Debug, Clone, PartialEq)]
struct Word {
    text: String,
    id: WordId,
}

fn normalise_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{FF1F}' => '?',
        _ => c,
    }
}

const ABBREVIATIONS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "st", "vs", "etc", "e.g", "i.e", "jr",
];

/// Hands the finished word to `emit`, without its edge apostrophes and hyphens.
fn flush(word: &mut String, emit: &mut impl FnMut(Token)) {
    if !word.is_empty() {
        let w = word.trim_matches(|c| c == '\'' || c == '-');
        if !w.is_empty() {
            emit(Token::Word(w.to_string()));
        }
        word.clear();
    }
}

/// Splits text into word and punctuation tokens, handed to `emit` in order. Apostrophes and
/// hyphens inside words stay in the word; a full stop between digits ("2.5") stays in the
/// number. One pass, with the characters either side of each one.
fn tokenize(text: &str, mut emit: impl FnMut(Token)) {
    let mut word = String::new();
    let mut chars = text.chars().map(normalise_char);
    let mut prev: Option<char> = None;
    let mut current = chars.next();
    while let Some(c) = current {
        let next = chars.next();
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else {
            let inside_word =
                prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
            match c {
                '\'' | '-' if inside_word => word.push(c),
                '.' if inside_word && prev.is_some_and(|p| p.is_ascii_digit()) => word.push(c),
                '.' | '!' | '?' | ';' | '\u{2026}' => {
                    let is_abbrev = c == '.' && ABBREVIATIONS.contains(&word.as_str());
                    flush(&mut word, &mut emit);
                    if !is_abbrev {
                        emit(Token::SentenceEnd(match c {
                            '?' => End::Question,
                            '!' => End::Exclamation,
                            _ => End::Stop,
                        }));
                    }
                }
                ',' | ':' | '-' | '\u{2013}' | '\u{2014}' | '(' | ')' | '"' | '/' => {
                    flush(&mut word, &mut emit);
                    let dash = matches!(c, '-' | '\u{2013}' | '\u{2014}');
                    emit(Token::ClauseBreak(dash));
                }
                _ => flush(&mut word, &mut emit),
            }
        }
        prev = Some(c);
        current = next;
    }
    flush(&mut word, &mut emit);
}

/// A stutter written with hyphens keeps only its last, whole part: "how-how" and "wh-what"
/// become "how" and "what", "i-i-i" becomes "i". A real compound ("well-being",
/// "follow-up") is kept, because its first part is not the start of its last part.
pub fn collapse_stutter(word: &str) -> &str {
    if !word.contains('-') {
        return word;
    }
    let last = word.rsplit('-').next().unwrap_or(word);
    let stutter = !last.is_empty()
        && word
            .split('-')
            .rev()
            .skip(1)
            .all(|part| !part.is_empty() && last.starts_with(part));
    if stutter { last } else { word }
}

/// Removes words and two-word phrases said twice in a row ("so so", "i was i was"), in
/// place.
pub fn collapse_repeats<T: PartialEq>(words: &mut Vec<T>) {
    // `words[..kept]` is the output so far; everything from `kept` up to the word being
    // read is dropped.
    let mut kept = 0;
    for read in 0..words.len() {
        if kept > 0 && words.get(kept - 1) == words.get(read) {
            continue;
        }
        words.swap(kept, read);
        kept += 1;
        let n = kept;
        if n >= 4 && words[n - 1] == words[n - 3] && words[n - 2] == words[n - 4] {
            kept -= 2;
        }
    }
    words.truncate(kept);
}

const IS_CONTRACTORS: &[&str] = &[
    "it",
    "that",
    "what",
    "there",
    "here",
    "he",
    "she",
    "who",
    "how",
    "where",
    "when",
    "why",
    "this",
    "everything",
    "nothing",
    "something",
    "someone",
    "everyone",
    "anything",
];

/// Expands one lowercase word into its normalised words.
pub fn expand_word(word: &str, out: &mut Vec<String>) {
    if !expand_special(word, out) {
        out.push(word.to_string());
    }
}

/// [`expand_word`] for a word already owned: most words need no expansion and are moved
/// rather than copied.
fn expand_owned(word: String, out: &mut Vec<String>) {
    if !expand_special(&word, out) {
        out.push(word);
    }
}

/// Pushes the expansion of a contraction or spoken form and returns true; false (nothing
/// pushed) when the word stands as it is.
fn expand_special(word: &str, out: &mut Vec<String>) -> bool {
    let simple: Option<&[&str]> = match word {
        "can't" | "cannot" => Some(&["can", "not"]),
        "won't" => Some(&["will", "not"]),
        "shan't" => Some(&["shall", "not"]),
        "ain't" => Some(&["is", "not"]),
        "let's" => Some(&["let", "us"]),
        "gonna" => Some(&["going", "to"]),
        "wanna" => Some(&["want", "to"]),
        "gotta" => Some(&["got", "to"]),
        "kinda" => Some(&["kind", "of"]),
        "sorta" => Some(&["sort", "of"]),
        "dunno" => Some(&["do", "not", "know"]),
        "ok" => Some(&["okay"]),
        "ya" => Some(&["you"]),
        "cuz" | "'cause" | "cos" => Some(&["because"]),
        "y'know" => Some(&["you", "know"]),
        "mhm" | "mmhmm" | "mm-hm" | "mmm-hmm" | "m-hm" | "uh-huh" | "mh-hmm" | "mhmm"
        | "mm-mhm" | "mm-mm-hmm" | "uh-hum" | "mhmmm" | "mmhm" | "hmm-mm" => Some(&["mm-hmm"]),
        _ => None,
    };
    if let Some(words) = simple {
        out.extend(words.iter().map(|w| w.to_string()));
        return true;
    }
    if let Some(base) = word.strip_suffix("n't")
        && !base.is_empty()
    {
        out.push(base.to_string());
        out.push("not".to_string());
        return true;
    }
    for (suffix, full) in [
        ("'re", "are"),
        ("'ve", "have"),
        ("'ll", "will"),
        ("'d", "would"),
        ("'m", "am"),
    ] {
        if let Some(base) = word.strip_suffix(suffix)
            && !base.is_empty()
        {
            out.push(base.to_string());
            out.push(full.to_string());
            return true;
        }
    }
    if let Some(base) = word.strip_suffix("'s")
        && !base.is_empty()
    {
        out.push(base.to_string());
        if IS_CONTRACTORS.contains(&base) {
            out.push("is".to_string());
        }
        return true;
    }
    false
}

/// Normalises a phrase from an asset file into words, the same way input is normalised
/// (without removing fillers or markers).
pub fn phrase_words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    tokenize(phrase, |token| {
        if let Token::Word(w) = token {
            expand_word(&w, &mut out);
        }
    });
    fix_has(&mut out);
    out
}

/// "it's been" expands to "it is been"; it means "it has been".
fn fix_has(words: &mut [String]) {
    let mut i = 1;
    while i < words.len() {
        if words[i - 1] == "is" && matches!(words[i].as_str(), "been" | "got" | "gotten") {
            words[i - 1] = "has".to_string();
        }
        i += 1;
    }
}

/// [`fix_has`] for the words of a turn, keeping their numbers right.
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
    let raw_words: usize = clauses.iter().map(Vec::len).sum();
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
    for clause in &mut clauses {
        collapse_repeats(clause);
        fix_has_words(clause, vocab);
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
    push_run(&mut out, clauses, End::Stop, stutter, after_dash, lex);
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
    fn expands_contractions_and_curly_apostrophes() {
        assert_eq!(phrase_words("You’re"), vec!["you", "are"]);
        assert_eq!(phrase_words("don't"), vec!["do", "not"]);
        assert_eq!(
            phrase_words("can't won't"),
            vec!["can", "not", "will", "not"]
        );
        assert_eq!(phrase_words("it's what's"), vec!["it", "is", "what", "is"]);
        assert_eq!(phrase_words("cousin's"), vec!["cousin"]);
        assert_eq!(phrase_words("Let's"), vec!["let", "us"]);
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
    fn repeats_collapse_in_place() {
        let mut w = vec!["i", "i", "was", "i", "was", "scared", "so", "so"];
        collapse_repeats(&mut w);
        assert_eq!(w, ["i", "was", "scared", "so"]);
        let mut w = vec!["a", "b", "a", "b", "a", "b", "c"];
        collapse_repeats(&mut w);
        assert_eq!(w, ["a", "b", "c"]);
        let mut w: Vec<&str> = Vec::new();
        collapse_repeats(&mut w);
        assert!(w.is_empty());
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
