//! Compiling the rule asset: normalised word lists, numbered words and indexed cues.

use super::format::{Reasons, RulesFile, Target, Weights};
use super::phrase::{Cue, ING, Phrase, WordIndex, build_index};
use crate::domain::utterance::text::{self, phrase_words};
use crate::domain::utterance::vocab::{ING_ID, Vocab, WordClass};
// Named in the docs below.
#[cfg(doc)]
use super::phrase::in_sorted;

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
    /// Words after "do" that make it a command ("do not", and "do a ..." with no "?").
    pub do_command_next: Vec<String>,
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
    /// Numbers, times and dates: concrete facts (read as [`WordClass::Fact`]).
    pub fact_words: Vec<String>,
    /// Words of reported speech ("she says ..."; read as [`WordClass::ReportedSpeech`]).
    pub reported_speech: Vec<String>,
    /// Words too common to show what an answer takes from the peer's line (read as
    /// [`WordClass::ContextStopword`]).
    pub context_stopwords: Vec<String>,
    /// Verbs of effort after "you" ("you held your boundary"; sorted).
    pub effort_verbs: Vec<String>,
    /// Words that may stand between "you" and an effort verb.
    pub effort_skip: Vec<String>,
    /// Words right after an effort verb that make it a dilemma, not an effort.
    pub effort_not_before: Vec<String>,
    /// Irregular past forms of verbs: "you" and one of them credits an act (sorted).
    pub past_acts: Vec<String>,
    /// Words after "you" that are never a past act: feelings, losses, reports, and "-ed"
    /// words that are not past ("need") (sorted).
    pub not_acts: Vec<String>,
    /// Words that may stand between "you" and a past act.
    pub act_skip: Vec<String>,
    /// Clause openers that chain one event to the next: a list of clauses that uses them
    /// tells one story rather than gathering separate matters.
    pub chain_openers: Vec<String>,
    /// Words that speak of things or people in general ("can", "often", "most"): in a
    /// sentence with no person in it, a general claim (read as [`WordClass::Generic`]).
    pub generic_words: Vec<String>,
    /// Words that name a person: a sentence with one is no general claim (read as
    /// [`WordClass::Person`]).
    pub person_words: Vec<String>,
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

/// A word list sorted for [`in_sorted`].
fn sorted(mut list: Vec<String>) -> Vec<String> {
    list.sort_unstable();
    list.dedup();
    list
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
        (&l.context_stopwords, WordClass::ContextStopword),
        (&l.person_words, WordClass::Person),
        (&l.generic_words, WordClass::Generic),
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
            do_command_next: words_list(l.do_command_next),
            backchannels: phrase_list(l.backchannels),
            tag_questions: phrase_list(l.tag_questions),
            check_ins: phrase_list(l.check_ins),
            feeling_words: words_list(l.feeling_words),
            run_on_no_split_after: words_list(l.run_on_no_split_after),
            command_lead_ins: words_list(l.command_lead_ins),
            appraisal_openers: phrase_list(l.appraisal_openers),
            fact_words: words_list(l.fact_words),
            reported_speech: words_list(l.reported_speech),
            context_stopwords: words_list(l.context_stopwords),
            effort_verbs: sorted(words_list(l.effort_verbs)),
            effort_skip: words_list(l.effort_skip),
            effort_not_before: words_list(l.effort_not_before),
            past_acts: sorted(words_list(l.past_acts)),
            not_acts: sorted(words_list(l.not_acts)),
            act_skip: words_list(l.act_skip),
            chain_openers: words_list(l.chain_openers),
            generic_words: words_list(l.generic_words),
            person_words: words_list(l.person_words),
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

    pub fn text_lexicon(&self) -> text::Lexicon<'_> {
        text::Lexicon {
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

#[cfg(test)]
mod tests {
    use super::super::format::RULES_TOML;
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
    fn bad_rules_are_an_error_not_a_panic() {
        assert!(Rules::from_toml("not toml [").is_err());
        assert!(Rules::from_toml("[lexicon]\n").is_err());
    }
}
