//! The rule asset (`assets/utterance/rules.toml`): its file format and the compiled,
//! ready-to-match form. Compiled once; matching never allocates per phrase.

use std::collections::HashMap;

use serde::Deserialize;

use super::text::{Sentence, phrase_words};
use super::vocab::{ING_ID, UNKNOWN, Vocab, WordClass, WordId};
use crate::domain::quick_hash::QuickHash;

/// The rules shipped with the app.
pub const RULES_TOML: &str = include_str!("../../../assets/utterance/rules.toml");

/// What a cue is evidence for. `Question` is a question whose open/closed form is decided by
/// other evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    OpenQuestion,
    ClosedQuestion,
    Question,
    Reflection,
    Affirmation,
    Summary,
    Information,
    Advice,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// At the start of the sentence or of a clause, after discourse markers.
    #[default]
    Start,
    /// At any word.
    Anywhere,
    /// The whole sentence.
    Whole,
    /// At the very first word of the sentence, before discourse markers are skipped.
    Lead,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueFile {
    name: String,
    label: Target,
    #[serde(default)]
    at: Position,
    weight: f32,
    reason: String,
    phrases: Vec<String>,
    #[serde(default)]
    unless_followed_by: Vec<String>,
    #[serde(default)]
    unless_preceded_by: Vec<String>,
    #[serde(default)]
    unless_after_you: Vec<String>,
    #[serde(default = "one")]
    max_matches: usize,
}

fn one() -> usize {
    1
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DepthCueFile {
    name: String,
    #[serde(default = "anywhere")]
    at: Position,
    weight: f32,
    reason: String,
    phrases: Vec<String>,
    #[serde(default)]
    unless_preceded_by: Vec<String>,
    #[serde(default = "one")]
    max_matches: usize,
}

fn anywhere() -> Position {
    Position::Anywhere
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    fillers: Vec<String>,
    discourse_markers: Vec<String>,
    filler_clauses: Vec<String>,
    auxiliaries: Vec<String>,
    question_subjects: Vec<String>,
    subject_pronouns: Vec<String>,
    wh_words: Vec<String>,
    mid_wh_words: Vec<String>,
    subordinators: Vec<String>,
    imperative_verbs: Vec<String>,
    imperative_skip: Vec<String>,
    not_imperative_next: Vec<String>,
    backchannels: Vec<String>,
    tag_questions: Vec<String>,
    check_ins: Vec<String>,
    feeling_words: Vec<String>,
    #[serde(default)]
    run_on_no_split_after: Vec<String>,
    #[serde(default)]
    command_lead_ins: Vec<String>,
    #[serde(default)]
    appraisal_openers: Vec<String>,
    #[serde(default)]
    fact_words: Vec<String>,
    #[serde(default)]
    reported_speech: Vec<String>,
    #[serde(default)]
    context_stopwords: Vec<String>,
    #[serde(default)]
    effort_verbs: Vec<String>,
    #[serde(default)]
    effort_skip: Vec<String>,
}

/// Numeric weights; see the comments in the asset.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    /// How much the rules' own label adds to the learned model's probability for it,
    /// times the rules' confidence.
    pub rule_vote: f32,
    /// A one-sentence turn whose rule evidence reaches `strong_rule_score` adds
    /// `strong_rule_vote` more: a clear cue the corpus has few examples of still counts.
    pub strong_rule_score: f32,
    pub strong_rule_vote: f32,
    /// The vote for the rules' reflection when the turn is only "you" statements with no cue.
    pub you_statement_vote: f32,
    /// The model's probability (after votes) at which it may call a turn an affirmation or
    /// advice with no cue the rules can name; its strongest features are the reasons.
    pub unnamed_sign_min: f32,
    /// Cue groups whose reflection reading is weak (a plain "you" opening): a turn resting
    /// only on them is treated like a "you" statement with no cue.
    #[serde(default)]
    pub weak_reflection_cues: Vec<String>,
    /// Depth cue groups whose match moves the depth model's log-odds by `depth_sure_vote`.
    pub depth_sure_cues: Vec<String>,
    pub depth_sure_vote: f32,
    pub question_mark: f32,
    pub question_mark_after_stem: f32,
    pub question_mark_closed: f32,
    pub tag_question: f32,
    pub wh_start: f32,
    pub wh_clause: f32,
    pub aux_start: f32,
    pub aux_clause: f32,
    pub imperative: f32,
    pub you_statement: f32,
    /// "You held your boundary.": "you" and a verb of effort or choice, with no reflective
    /// stem; coders call it an affirmation (coding manual, affirmation or reflection).
    pub effort_named: f32,
    pub self_statement: f32,
    pub plain_statement: f32,
    pub backchannel: f32,
    /// A short sentence that breaks off at a dash ("And then the—").
    pub cut_off: f32,
    /// At most this many words for a cut-off sentence to count as a fragment.
    pub cut_off_max_words: usize,
    pub complex_threshold: f32,
    pub feeling: f32,
    pub long_reflection_words: usize,
    pub long_reflection: f32,
    pub several_reflections: f32,
    pub continuation: f32,
    pub summary_min_cue: f32,
    pub summary_min_words: usize,
    pub summary_min_reflections: usize,
}

/// Fixed reasons; see the asset.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reasons {
    pub empty_line: String,
    pub only_fillers: String,
    pub no_cue: String,
    pub backchannel: String,
    pub cut_off: String,
    pub question_mark: String,
    pub question_mark_closed: String,
    pub question_mark_on_reflection: String,
    pub tag_question: String,
    pub wh_start: String,
    pub wh_clause: String,
    pub fact_question: String,
    pub why_question: String,
    pub aux_start: String,
    pub aux_clause: String,
    pub imperative: String,
    pub you_statement: String,
    pub effort_named: String,
    pub rising_reflection: String,
    pub self_statement: String,
    pub plain_statement: String,
    pub complex: String,
    pub simple: String,
    pub feeling: String,
    pub long_reflection: String,
    pub several_reflections: String,
    pub continuation: String,
    pub summary_by_cue: String,
    pub summary_by_length: String,
    pub check_in: String,
    pub multi_sentence: String,
    /// "mostly {cue}, then checks in with a short question"
    pub main_then_check: String,
    /// What each label does, as a verb phrase ("gives information"), by label id.
    pub activities: std::collections::BTreeMap<String, String>,
    pub asked_permission: String,
    /// The learned model's label differs from the rules': "{cue}" is the label.
    pub model_reads: String,
    /// The strongest features behind the label, listed in "{cue}".
    pub model_signs: String,
    /// The strongest features behind the depth, listed in "{cue}".
    pub depth_signs: String,
    pub also_advice: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    lexicon: LexiconFile,
    weights: Weights,
    reasons: Reasons,
    cues: Vec<CueFile>,
    depth_cues: Vec<DepthCueFile>,
}

/// A compiled phrase: its words, their numbers, and the source text for reasons.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub words: Vec<String>,
    /// The words' numbers in [`Rules::vocab`] ([`ING_ID`] for the `<ing>` wildcard).
    pub ids: Vec<WordId>,
    pub text: String,
}

impl Phrase {
    /// True when the phrase matches the sentence's words starting at `at`; the same as
    /// [`matches_at`], comparing numbers instead of strings.
    pub fn matches_in(&self, s: &Sentence, at: usize) -> bool {
        let (Some(ids), Some(words)) = (s.ids.get(at..), s.words.get(at..)) else {
            return false;
        };
        ids.len() >= self.ids.len()
            && self
                .ids
                .iter()
                .zip(ids.iter().zip(words))
                .all(|(&p, (&id, w))| {
                    if p == ING_ID {
                        w.len() > 4 && w.ends_with("ing")
                    } else {
                        p == id
                    }
                })
    }
}

/// A compiled group of cues.
#[derive(Debug, Clone)]
pub struct Cue {
    pub name: String,
    pub target: Target,
    pub at: Position,
    pub weight: f32,
    pub reason: String,
    pub phrases: Vec<Phrase>,
    pub unless_followed_by: Vec<String>,
    /// Words that cancel the cue when they come right before it.
    pub unless_preceded_by: Vec<String>,
    /// Words that cancel the cue when "you" and one of them come earlier in the sentence:
    /// "you feel like you have to..." says what the person feels they must do (a
    /// reflection), not what the speaker tells them to do.
    pub unless_after_you: Vec<String>,
    /// How many different phrases of this group may add their weight in one sentence.
    pub max_matches: usize,
}

/// Normalised word lists.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub fillers: Vec<String>,
    pub discourse_markers: Vec<String>,
    pub filler_clauses: Vec<Vec<String>>,
    pub auxiliaries: Vec<String>,
    pub question_subjects: Vec<String>,
    pub subject_pronouns: Vec<String>,
    pub wh_words: Vec<String>,
    pub mid_wh_words: Vec<String>,
    pub subordinators: Vec<String>,
    pub imperative_verbs: Vec<String>,
    pub imperative_skip: Vec<String>,
    pub not_imperative_next: Vec<String>,
    pub backchannels: Vec<Vec<String>>,
    pub tag_questions: Vec<Vec<String>>,
    pub check_ins: Vec<Vec<String>>,
    pub feeling_words: Vec<String>,
    /// Words after which a question word stays inside the sentence ("I wonder what ...").
    pub run_on_no_split_after: Vec<String>,
    /// First words of a clause that sets up a command in the next clause ("Next time, ...").
    pub command_lead_ins: Vec<String>,
    /// Openers of a short sentence that appraises what came before ("That's self-respect.").
    pub appraisal_openers: Vec<Vec<String>>,
    /// Numbers, times and dates: concrete facts (sorted).
    pub fact_words: Vec<String>,
    /// Words of reported speech ("she says ..."; sorted).
    pub reported_speech: Vec<String>,
    /// Words too common to show what an answer takes from the peer's line (sorted).
    pub context_stopwords: Vec<String>,
    /// Verbs of effort after "you" ("you held your boundary"; sorted).
    pub effort_verbs: Vec<String>,
    /// Words that may stand between "you" and an effort verb.
    pub effort_skip: Vec<String>,
}

/// All rules, compiled: phrase lists are indexed by their first words' numbers so matching
/// a sentence costs one lookup per word.
#[derive(Debug, Clone)]
pub struct Rules {
    pub lexicon: Lexicon,
    /// Every word of the lexicon and the cue phrases, by number, with the word lists it
    /// belongs to.
    pub vocab: Vocab,
    pub weights: Weights,
    pub reasons: Reasons,
    pub cues: Vec<Cue>,
    pub depth_cues: Vec<Cue>,
    /// first word -> (cue index, phrase index), for `cues`.
    index: WordIndex,
    /// first word -> (cue index, phrase index), for `depth_cues`.
    depth_index: WordIndex,
}

/// The rule asset could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("utterance rules are not valid TOML: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("utterance rules: {0}")]
    Invalid(String),
}

/// A word that stands for any word ending in "ing".
pub const ING: &str = "<ing>";

fn words_list(list: Vec<String>) -> Vec<String> {
    list.into_iter().flat_map(|w| phrase_words(&w)).collect()
}

fn phrase_list(list: Vec<String>) -> Vec<Vec<String>> {
    list.iter()
        .map(|p| phrase_words(p))
        .filter(|p| !p.is_empty())
        .collect()
}

fn compile_phrases(list: &[String]) -> Vec<Phrase> {
    list.iter()
        .map(|p| {
            // "<ing>" is not a word to the tokenizer, so keep it by hand.
            let words: Vec<String> = p
                .split_whitespace()
                .flat_map(|w| {
                    if w == ING {
                        vec![ING.to_string()]
                    } else {
                        phrase_words(w)
                    }
                })
                .collect();
            Phrase {
                words,
                ids: Vec::new(),
                text: p.clone(),
            }
        })
        .filter(|p| !p.words.is_empty())
        .collect()
}

/// Where to look for phrases at a position: by the numbers of the first two words, so a
/// common first word ("you", "i") does not make every phrase that starts with it a
/// candidate.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordIndex {
    /// Phrases of one word, or whose second word is a wildcard: by the first word's number.
    one: Vec<Vec<(usize, usize)>>,
    /// Longer phrases: by the numbers of the first two words.
    two: HashMap<u64, Vec<(usize, usize)>, QuickHash>,
}

fn pair_key(first: WordId, second: WordId) -> u64 {
    (u64::from(first) << 32) | u64::from(second)
}

impl WordIndex {
    /// (cue index, phrase index) of the phrases that may start at `pos` of a sentence whose
    /// word numbers are `ids`, in cue order; `Phrase::matches_in` still checks every word.
    /// `out` is cleared first.
    pub(crate) fn candidates(&self, ids: &[WordId], pos: usize, out: &mut Vec<(usize, usize)>) {
        out.clear();
        // No phrase starts with a word the asset never mentions.
        let Some(&first) = ids.get(pos).filter(|&&id| id != UNKNOWN) else {
            return;
        };
        if let Some(e) = self.one.get(first as usize) {
            out.extend_from_slice(e);
        }
        if let Some(&second) = ids.get(pos + 1)
            && second != UNKNOWN
            && let Some(e) = self.two.get(&pair_key(first, second))
        {
            out.extend_from_slice(e);
            out.sort_unstable();
        }
    }
}

/// A word list sorted for [`in_sorted`].
fn sorted(mut list: Vec<String>) -> Vec<String> {
    list.sort_unstable();
    list.dedup();
    list
}

/// Whether a sorted list holds `word` (binary search: the longer feature lists are checked
/// for every word of a turn).
pub fn in_sorted(list: &[String], word: &str) -> bool {
    list.binary_search_by(|w| w.as_str().cmp(word)).is_ok()
}

/// `list` holds `word`. Words are short: comparing the length and first byte before the
/// bytes skips most calls into `memcmp`.
#[inline]
pub fn in_list(list: &[String], word: &str) -> bool {
    let first = word.as_bytes().first();
    list.iter()
        .any(|w| w.len() == word.len() && w.as_bytes().first() == first && w == word)
}

fn build_index(cues: &[Cue], words: usize) -> WordIndex {
    let mut index = WordIndex {
        one: vec![Vec::new(); words],
        two: HashMap::default(),
    };
    for (ci, cue) in cues.iter().enumerate() {
        for (pi, phrase) in cue.phrases.iter().enumerate() {
            let Some(&first) = phrase.ids.first() else {
                continue;
            };
            match phrase.ids.get(1) {
                Some(&second) if second != ING_ID => index
                    .two
                    .entry(pair_key(first, second))
                    .or_default()
                    .push((ci, pi)),
                _ => {
                    if let Some(e) = index.one.get_mut(first as usize) {
                        e.push((ci, pi));
                    }
                }
            }
        }
    }
    index
}

/// Numbers every word of the rules, marking the single-word lists the engine checks for
/// many words of a turn, and gives each cue phrase its words' numbers.
fn build_vocab(lexicon: &Lexicon, cues: &mut [Cue], depth_cues: &mut [Cue]) -> Vocab {
    let mut vocab = Vocab::default();
    let l = lexicon;
    for (list, class) in [
        (&l.fillers, WordClass::Filler),
        (&l.discourse_markers, WordClass::DiscourseMarker),
        (&l.auxiliaries, WordClass::Auxiliary),
        (&l.question_subjects, WordClass::QuestionSubject),
        (&l.subject_pronouns, WordClass::SubjectPronoun),
        (&l.wh_words, WordClass::WhWord),
        (&l.subordinators, WordClass::Subordinator),
        (&l.imperative_verbs, WordClass::ImperativeVerb),
        (&l.run_on_no_split_after, WordClass::NoSplitAfter),
        (&l.feeling_words, WordClass::Feeling),
        (&l.fact_words, WordClass::Fact),
        (&l.reported_speech, WordClass::ReportedSpeech),
    ] {
        vocab.add_class(list, class);
    }
    for b in l.backchannels.iter().filter(|b| b.len() == 1) {
        vocab.add_class(b, WordClass::Backchannel);
    }
    for cue in cues.iter_mut().chain(depth_cues.iter_mut()) {
        for phrase in &mut cue.phrases {
            phrase.ids = phrase
                .words
                .iter()
                .map(|w| if w == ING { ING_ID } else { vocab.add(w) })
                .collect();
        }
    }
    vocab
}

impl Rules {
    /// Parses and compiles rules from TOML text.
    pub fn from_toml(text: &str) -> Result<Rules, RulesError> {
        let file: RulesFile = toml::from_str(text)?;
        let l = file.lexicon;
        let lexicon = Lexicon {
            fillers: words_list(l.fillers),
            discourse_markers: words_list(l.discourse_markers),
            filler_clauses: phrase_list(l.filler_clauses),
            auxiliaries: words_list(l.auxiliaries),
            question_subjects: words_list(l.question_subjects),
            subject_pronouns: words_list(l.subject_pronouns),
            wh_words: words_list(l.wh_words),
            mid_wh_words: words_list(l.mid_wh_words),
            subordinators: words_list(l.subordinators),
            imperative_verbs: words_list(l.imperative_verbs),
            imperative_skip: words_list(l.imperative_skip),
            not_imperative_next: words_list(l.not_imperative_next),
            backchannels: phrase_list(l.backchannels),
            tag_questions: phrase_list(l.tag_questions),
            check_ins: phrase_list(l.check_ins),
            feeling_words: words_list(l.feeling_words),
            run_on_no_split_after: words_list(l.run_on_no_split_after),
            command_lead_ins: words_list(l.command_lead_ins),
            appraisal_openers: phrase_list(l.appraisal_openers),
            fact_words: sorted(words_list(l.fact_words)),
            reported_speech: sorted(words_list(l.reported_speech)),
            context_stopwords: sorted(words_list(l.context_stopwords)),
            effort_verbs: sorted(words_list(l.effort_verbs)),
            effort_skip: words_list(l.effort_skip),
        };
        let mut cues = Vec::new();
        for c in file.cues {
            if c.weight <= 0.0 {
                return Err(RulesError::Invalid(format!(
                    "cue group '{}' needs a positive weight",
                    c.name
                )));
            }
            cues.push(Cue {
                phrases: compile_phrases(&c.phrases),
                name: c.name,
                target: c.label,
                at: c.at,
                weight: c.weight,
                reason: c.reason,
                unless_followed_by: words_list(c.unless_followed_by),
                unless_preceded_by: words_list(c.unless_preceded_by),
                unless_after_you: words_list(c.unless_after_you),
                max_matches: c.max_matches.max(1),
            });
        }
        let mut depth_cues: Vec<Cue> = file
            .depth_cues
            .into_iter()
            .map(|c| Cue {
                phrases: compile_phrases(&c.phrases),
                name: c.name,
                target: Target::Reflection,
                at: c.at,
                weight: c.weight,
                reason: c.reason,
                unless_followed_by: Vec::new(),
                unless_preceded_by: words_list(c.unless_preceded_by),
                unless_after_you: Vec::new(),
                max_matches: c.max_matches.max(1),
            })
            .collect();
        let vocab = build_vocab(&lexicon, &mut cues, &mut depth_cues);
        let words = vocab.len();
        Ok(Rules {
            index: build_index(&cues, words),
            depth_index: build_index(&depth_cues, words),
            vocab,
            lexicon,
            weights: file.weights,
            reasons: file.reasons,
            cues,
            depth_cues,
        })
    }

    pub fn text_lexicon(&self) -> super::text::Lexicon<'_> {
        super::text::Lexicon {
            vocab: &self.vocab,
            filler_clauses: &self.lexicon.filler_clauses,
        }
    }

    pub(crate) fn index(&self, depth: bool) -> &WordIndex {
        if depth {
            &self.depth_index
        } else {
            &self.index
        }
    }
}

/// True when `phrase` matches `words` starting at `at`.
pub fn matches_at(words: &[String], at: usize, phrase: &[String]) -> bool {
    let Some(rest) = words.get(at..) else {
        return false;
    };
    rest.len() >= phrase.len()
        && phrase.iter().zip(rest).all(|(p, w)| {
            if p == ING {
                w.len() > 4 && w.ends_with("ing")
            } else {
                p.len() == w.len() && p.as_bytes().first() == w.as_bytes().first() && p == w
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_rules_compile() {
        let rules = Rules::from_toml(RULES_TOML).expect("shipped rules parse");
        assert!(rules.cues.len() >= 8);
        assert!(rules.lexicon.auxiliaries.contains(&"do".to_string()));
        // Phrases are normalised like input: "you're" becomes two words.
        let stems = rules
            .cues
            .iter()
            .find(|c| c.name == "reflection_stem")
            .expect("stems");
        assert!(
            stems
                .phrases
                .iter()
                .any(|p| p.words == ["you", "are", "feeling"])
        );
        // Weak "you" openings are their own group, named in the weights.
        let weak = rules
            .cues
            .iter()
            .find(|c| c.name == "you_opening")
            .expect("you openings");
        assert!(weak.phrases.iter().any(|p| p.words == ["you", "are"]));
        assert!(rules.weights.weak_reflection_cues.contains(&weak.name));
    }

    #[test]
    fn ing_wildcard() {
        let words: Vec<String> = ["how", "about", "setting", "a", "date"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let phrase: Vec<String> = ["how", "about", ING]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(matches_at(&words, 0, &phrase));
        let words: Vec<String> = ["how", "about", "you"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(!matches_at(&words, 0, &phrase));
    }

    #[test]
    fn bad_rules_are_an_error_not_a_panic() {
        assert!(Rules::from_toml("not toml [").is_err());
        assert!(Rules::from_toml("[lexicon]\n").is_err());
    }
}
