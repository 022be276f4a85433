//! Normalising single words: stutters, repeats, contractions and spoken forms.

use super::tokens::{Token, tokenize};

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
pub(super) fn expand_owned(word: String, out: &mut Vec<String>) {
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
        // Typed on a phone: short forms, and contractions with the apostrophe left out.
        // Forms that are also words ("its", "ill", "well", "were", "id", "lets", "rn" for a
        // nurse) stay as typed.
        "u" => Some(&["you"]),
        "ur" => Some(&["your"]),
        "r" => Some(&["are"]),
        "pls" | "plz" => Some(&["please"]),
        "ppl" => Some(&["people"]),
        "tho" => Some(&["though"]),
        "thx" => Some(&["thanks"]),
        "bc" => Some(&["because"]),
        "idk" => Some(&["i", "do", "not", "know"]),
        "tbh" => Some(&["to", "be", "honest"]),
        "im" => Some(&["i", "am"]),
        "ive" => Some(&["i", "have"]),
        "youre" => Some(&["you", "are"]),
        "youve" => Some(&["you", "have"]),
        "youll" => Some(&["you", "will"]),
        "youd" => Some(&["you", "would"]),
        "theyre" => Some(&["they", "are"]),
        "theyve" => Some(&["they", "have"]),
        "whats" => Some(&["what", "is"]),
        "thats" => Some(&["that", "is"]),
        "theres" => Some(&["there", "is"]),
        "hows" => Some(&["how", "is"]),
        "wheres" => Some(&["where", "is"]),
        "whos" => Some(&["who", "is"]),
        "shes" => Some(&["she", "is"]),
        "hes" => Some(&["he", "is"]),
        "itll" => Some(&["it", "will"]),
        "theyll" => Some(&["they", "will"]),
        "shouldve" => Some(&["should", "have"]),
        "couldve" => Some(&["could", "have"]),
        "wouldve" => Some(&["would", "have"]),
        "dont" => Some(&["do", "not"]),
        "didnt" => Some(&["did", "not"]),
        "doesnt" => Some(&["does", "not"]),
        "isnt" => Some(&["is", "not"]),
        "wasnt" => Some(&["was", "not"]),
        "arent" => Some(&["are", "not"]),
        "werent" => Some(&["were", "not"]),
        "havent" => Some(&["have", "not"]),
        "hasnt" => Some(&["has", "not"]),
        "hadnt" => Some(&["had", "not"]),
        "couldnt" => Some(&["could", "not"]),
        "wouldnt" => Some(&["would", "not"]),
        "shouldnt" => Some(&["should", "not"]),
        "cant" => Some(&["can", "not"]),
        "wont" => Some(&["will", "not"]),
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn phone_typing_reads_as_the_full_words() {
        assert_eq!(
            phrase_words("whats next for u"),
            vec!["what", "is", "next", "for", "you"]
        );
        assert_eq!(phrase_words("dont worry"), vec!["do", "not", "worry"]);
        assert_eq!(
            phrase_words("youre doing it, ur way"),
            vec!["you", "are", "doing", "it", "your", "way"]
        );
        // Forms that are words of their own are kept.
        assert_eq!(phrase_words("its ill id"), vec!["its", "ill", "id"]);
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
}
