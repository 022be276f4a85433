//! What the answer makes of the peer's line before it, when that line is known (a drill's
//! prompt statement, the previous turn of a transcript).
//!
//! Coders judge depth and the kind of statement against what the person said: handing back
//! the person's own words or image is a simple reflection, adding a feeling or meaning they
//! did not say is complex; restating their content is a reflection, bringing new facts is
//! information. A few features say how much of the answer comes from the peer's line. They
//! are absent without a peer line, so the model works the same way with and without one
//! (it is trained on every turn both ways; see `train/fit.rs`).
//!
//! Words are compared by a crude stem (the first five letters) of content words: words not
//! in the asset's `context_stopwords` and at least three letters long.

use super::Label;
use super::features::{Feature, Origin, RuleFeature};
use super::rules::Rules;
use super::text::{Sentence, sentences};
use super::vocab::{WordClass, WordId};

/// Letters kept of a word to compare it: "drinking" and "drinks" meet, "work" and "worry" do not.
const STEM: usize = 5;

/// One fact about the answer against the peer's line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContextFeature {
    /// A peer line was given.
    Present,
    /// Share of the answer's content words that the peer said, in fifths (0..=4; 4 = all).
    FromPeer(usize),
    /// Share of the peer's content words that the answer picks up, in quarters (0..=3).
    Covers(usize),
    /// How many content words the answer adds (0, 1-2, 3-5, 6 or more: 0..=3).
    Adds(usize),
    /// The answer names a feeling the peer did not name.
    NewFeeling,
    /// The answer names a feeling the peer named.
    SameFeeling,
    /// `FromPeer` crossed with the rules' reading of the turn.
    FromPeerAs(usize, Label),
    /// The peer asked something ("What do I need to bring?"): an answer that says what to
    /// do is then usually information about the process, not advice.
    PeerAsked,
    /// The same, crossed with the rules' label for the answer.
    PeerAskedAs(Label),
    /// How many of the peer line's parts (its clauses: "my hours got cut, the car's failed
    /// its MOT, and my son won't talk to me" has three) the answer picks up a word from (1,
    /// 2, 3 or more), when the line has two parts or more. A summary gathers several parts;
    /// a reflection, however long, usually stays with one.
    PartsPicked(usize),
    /// The peer's line lists three or more separate matters (see `text::gathers_matters`).
    PeerGathers,
}

impl ContextFeature {
    pub(super) fn key(self) -> [u64; 3] {
        let label = |l: Label| Label::ALL.iter().position(|x| *x == l).unwrap_or(7) as u64;
        match self {
            ContextFeature::Present => [0, 0, 0],
            ContextFeature::FromPeer(q) => [1, q as u64, 0],
            ContextFeature::Covers(q) => [2, q as u64, 0],
            ContextFeature::Adds(q) => [3, q as u64, 0],
            ContextFeature::NewFeeling => [4, 0, 0],
            ContextFeature::SameFeeling => [5, 0, 0],
            ContextFeature::FromPeerAs(q, l) => [6, q as u64, label(l)],
            ContextFeature::PeerAsked => [7, 0, 0],
            ContextFeature::PeerAskedAs(l) => [8, label(l), 0],
            ContextFeature::PartsPicked(n) => [9, n as u64, 0],
            ContextFeature::PeerGathers => [10, 0, 0],
        }
    }

    /// Words for a trainee, or `None` for features too technical to show.
    pub fn describe(self) -> Option<&'static str> {
        match self {
            ContextFeature::FromPeer(4) | ContextFeature::FromPeer(3) => {
                Some("uses the peer's own words")
            }
            ContextFeature::FromPeer(0) => Some("brings in words the peer did not say"),
            ContextFeature::Covers(3) => Some("picks up most of what the peer said"),
            ContextFeature::NewFeeling => Some("names a feeling the peer did not name"),
            ContextFeature::SameFeeling => Some("hands back the peer's own feeling"),
            ContextFeature::PeerAsked => Some("answers a question the peer asked"),
            ContextFeature::PartsPicked(2) | ContextFeature::PartsPicked(3) => {
                Some("picks up several things the peer said")
            }
            ContextFeature::PeerGathers => Some("the peer named several matters"),
            _ => None,
        }
    }
}

fn stem(word: &str) -> &str {
    match word.char_indices().nth(STEM) {
        Some((i, _)) => word.get(..i).unwrap_or(word),
        None => word,
    }
}

/// A content word (`id` is its number in the rules' vocabulary): at least three letters and
/// not in `context_stopwords`.
fn is_content(w: &str, id: WordId, rules: &Rules) -> bool {
    w.len() >= 3 && !rules.vocab.is(id, WordClass::ContextStopword)
}

/// A sentence's words with their numbers.
fn numbered(s: &Sentence) -> impl Iterator<Item = (&str, WordId)> {
    s.words
        .iter()
        .map(String::as_str)
        .zip(s.ids.iter().copied())
}

fn content<'a>(sentences: &'a [Sentence], rules: &'a Rules) -> impl Iterator<Item = &'a str> {
    sentences
        .iter()
        .flat_map(numbered)
        .filter(move |&(w, id)| is_content(w, id, rules))
        .map(|(w, _)| w)
}

/// Context features of an answer (already split into `answer` sentences) against the peer's
/// line, appended to `out`. `label` is the rules' reading of the answer.
pub(super) fn extend(
    out: &mut Vec<Feature>,
    answer: &[Sentence],
    label: Label,
    peer: &str,
    rules: &Rules,
) {
    let peer_sentences = sentences(peer, &rules.text_lexicon());
    let mut said: Vec<&str> = content(&peer_sentences, rules).map(stem).collect();
    said.sort_unstable();
    said.dedup();
    let mut mine: Vec<&str> = content(answer, rules).map(stem).collect();
    mine.sort_unstable();
    mine.dedup();
    let shared = mine
        .iter()
        .filter(|w| said.binary_search(w).is_ok())
        .count();
    let added = mine.len() - shared;
    let from_peer = if mine.is_empty() {
        0
    } else {
        (4 * shared).div_ceil(mine.len()).min(4)
    };
    let covers = (3 * shared).checked_div(said.len()).unwrap_or(0).min(3);
    let adds = match added {
        0 => 0,
        1..=2 => 1,
        3..=5 => 2,
        _ => 3,
    };
    let feeling = |id: WordId| rules.vocab.is(id, WordClass::Feeling);
    let peer_feels = |w: &str| {
        peer_sentences
            .iter()
            .flat_map(numbered)
            .any(|(p, id)| feeling(id) && stem(p) == stem(w))
    };
    let (mut new_feeling, mut same_feeling) = (false, false);
    for (w, id) in answer.iter().flat_map(numbered) {
        if feeling(id) {
            if peer_feels(w) {
                same_feeling = true;
            } else {
                new_feeling = true;
            }
        }
    }
    // Which words the answer adds: "new: proud" says more than "proud".
    let new_words: Vec<&str> = mine
        .iter()
        .filter(|w| said.binary_search(w).is_err())
        .copied()
        .collect();
    let value = 1.0 / (new_words.len().max(1) as f32).sqrt();
    for w in &new_words {
        out.push(Feature {
            bucket: super::features::new_word_bucket(w),
            value,
            origin: Origin::Chars,
        });
    }
    let mut push = |f: ContextFeature| {
        let rf = RuleFeature::Context(f);
        out.push(Feature {
            bucket: rf.bucket(),
            value: 1.0,
            origin: Origin::Rule(rf),
        });
    };
    push(ContextFeature::Present);
    push(ContextFeature::FromPeer(from_peer));
    push(ContextFeature::Covers(covers));
    push(ContextFeature::Adds(adds));
    push(ContextFeature::FromPeerAs(from_peer, label));
    if new_feeling {
        push(ContextFeature::NewFeeling);
    }
    if same_feeling {
        push(ContextFeature::SameFeeling);
    }
    if peer_sentences.iter().any(|s| s.question_mark) {
        push(ContextFeature::PeerAsked);
        push(ContextFeature::PeerAskedAs(label));
    }
    let (parts, picked) = parts_picked(&peer_sentences, &mine, rules);
    if parts >= 2 && picked > 0 {
        push(ContextFeature::PartsPicked(picked.min(3)));
    }
    let chain = &rules.lexicon.chain_openers;
    if peer_sentences
        .iter()
        .any(|s| super::text::gathers_matters(s, chain))
    {
        push(ContextFeature::PeerGathers);
    }
}

/// The peer line's parts (clauses of its sentences, at least two content words long) and how
/// many of them share a content word with `mine` (the answer's stems, sorted).
fn parts_picked(peer: &[Sentence], mine: &[&str], rules: &Rules) -> (usize, usize) {
    let (mut parts, mut picked) = (0, 0);
    for s in peer {
        let mut start = 0;
        while start < s.words.len() {
            let end = (start + 1..s.words.len())
                .find(|&i| s.starts_clause(i))
                .unwrap_or(s.words.len());
            let (mut content, mut hit) = (0, false);
            for (w, id) in numbered(s).take(end).skip(start) {
                if is_content(w, id, rules) {
                    content += 1;
                    hit = hit || mine.binary_search(&stem(w)).is_ok();
                }
            }
            if content >= 2 {
                parts += 1;
                picked += usize::from(hit);
            }
            start = end;
        }
    }
    (parts, picked)
}

#[cfg(test)]
mod tests {
    use super::super::{Classifier, Depth, Label, classify, classify_in_context};
    use super::*;

    fn context_features(answer: &str, peer: &str) -> Vec<ContextFeature> {
        let c = Classifier::shipped().expect("rules");
        c.features_in_context(answer, Some(peer))
            .into_iter()
            .filter_map(|f| match f.origin {
                Origin::Rule(RuleFeature::Context(x)) => Some(x),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn without_a_peer_line_nothing_changes() {
        let c = Classifier::shipped().expect("rules");
        let text = "You kept going to the group even when it felt pointless.";
        assert_eq!(c.features_in_context(text, None), c.features(text));
        assert_eq!(c.features_in_context(text, Some("  ")), c.features(text));
        assert_eq!(classify_in_context(text, None), classify(text));
        assert_eq!(classify_in_context(text, Some("")), classify(text));
    }

    #[test]
    fn words_and_feelings_taken_from_the_peer_are_counted() {
        let peer = "I'm so tired of fighting with the landlord about the heating.";
        let handed_back = context_features("You're tired of fighting the landlord.", peer);
        assert!(handed_back.contains(&ContextFeature::Present));
        assert!(handed_back.contains(&ContextFeature::FromPeer(4)));
        assert!(handed_back.contains(&ContextFeature::SameFeeling));
        assert!(!handed_back.contains(&ContextFeature::NewFeeling));
        let new = context_features(
            "Part of you is scared that nobody will ever listen to you.",
            peer,
        );
        assert!(new.contains(&ContextFeature::FromPeer(0)));
        assert!(new.contains(&ContextFeature::NewFeeling));
    }

    #[test]
    fn a_peer_line_that_asks_is_marked() {
        let asked = context_features("Bring photo ID.", "What do I need to bring?");
        assert!(asked.contains(&ContextFeature::PeerAsked));
        let told = context_features("Bring photo ID.", "I have to go to the office tomorrow.");
        assert!(!told.contains(&ContextFeature::PeerAsked));
    }

    #[test]
    fn the_parts_of_the_peer_line_an_answer_picks_up_are_counted() {
        let peer = "My hours got cut at work, the car failed its MOT, and my son won't talk to me.";
        let gathered = context_features("Work hours, the car, and your son not talking.", peer);
        assert!(gathered.contains(&ContextFeature::PartsPicked(3)));
        assert!(gathered.contains(&ContextFeature::PeerGathers));
        let one = context_features("Your son has gone quiet on you.", peer);
        assert!(one.contains(&ContextFeature::PartsPicked(1)));
        // A line of one part gives no count.
        let single = context_features("You're worried.", "I'm worried about my son.");
        assert!(
            !single
                .iter()
                .any(|f| matches!(f, ContextFeature::PartsPicked(_)))
        );
        assert!(!single.contains(&ContextFeature::PeerGathers));
    }

    #[test]
    fn the_peer_line_helps_tell_depth() {
        let peer = "Every month I'm juggling which bill to skip so the lights stay on.";
        let simple = classify_in_context(
            "Every month you're juggling which bill to skip so the lights stay on.",
            Some(peer),
        );
        assert_eq!(simple.label, Label::Reflection);
        assert_eq!(simple.reflection_depth, Some(Depth::Simple));
        // A paraphrase in other words: read alone it is a plain statement of fact (information
        // today); against the line it is the peer's own matter handed back.
        let paraphrase = classify_in_context(
            "Each month you pick a bill to leave unpaid so the power stays on.",
            Some(peer),
        );
        assert_eq!(paraphrase.label, Label::Reflection);
        assert_eq!(paraphrase.reflection_depth, Some(Depth::Simple));
        let complex = classify_in_context(
            "You're worn down from carrying all of it by yourself.",
            Some(peer),
        );
        assert_eq!(complex.label, Label::Reflection);
        assert_eq!(complex.reflection_depth, Some(Depth::Complex));
    }
}
