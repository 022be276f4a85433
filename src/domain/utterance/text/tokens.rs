//! The tokenizer: raw text to word, clause-break and sentence-end tokens, in one pass.

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token {
    Word(String),
    /// A break inside a sentence: comma, colon, dash (true for a dash).
    ClauseBreak(bool),
    /// The end of a sentence.
    SentenceEnd(End),
}

/// How a sentence ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum End {
    Stop,
    /// The text ran out with no punctuation (speech often does).
    Open,
    Question,
    Exclamation,
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
pub(super) fn tokenize(text: &str, mut emit: impl FnMut(Token)) {
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
