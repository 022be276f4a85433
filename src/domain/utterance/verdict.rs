//! What one sentence does by the rules: its [`Verdict`], weighed from the evidence, with the
//! depth evidence a reflection would carry.

use super::Label;
use super::evidence::{
    Evidence, cue_evidence, fill, find_matches, imperative_evidence, names_effort,
    question_evidence,
};
use super::rules::{Position, Rules, Target};
use super::text::Sentence;
use super::vocab::WordClass;

/// The acts a sentence can perform, before a question is split into open and closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    Question,
    Advice,
    Affirmation,
    Summary,
    Information,
    Reflection,
    Other,
}

/// Order used to break ties: earlier wins.
const ACTS: [Act; 7] = [
    Act::Question,
    Act::Advice,
    Act::Affirmation,
    Act::Summary,
    Act::Information,
    Act::Reflection,
    Act::Other,
];

fn act_of(target: Target) -> Act {
    match target {
        Target::OpenQuestion | Target::ClosedQuestion | Target::Question => Act::Question,
        Target::Reflection => Act::Reflection,
        Target::Affirmation => Act::Affirmation,
        Target::Summary => Act::Summary,
        Target::Information => Act::Information,
        Target::Advice => Act::Advice,
        Target::Other => Act::Other,
    }
}

/// What one sentence does, by the rules.
#[derive(Debug, Clone)]
pub(super) struct Verdict {
    pub label: Label,
    pub score: f32,
    pub runner_up: f32,
    pub reasons: Vec<String>,
    /// Depth evidence, whatever the sentence reads as (the learned model may call it a
    /// reflection when the rules do not).
    pub depth: f32,
    pub depth_reasons: Vec<String>,
    pub summary_cue: Option<String>,
    pub summary_weight: f32,
    pub permission: bool,
    /// The whole sentence is a short check such as "did I miss anything".
    pub check_in: Option<String>,
    pub words: usize,
    /// Indices into `rules.cues` of the cue groups that counted.
    pub cues: Vec<usize>,
    /// Indices into `rules.depth_cues` that matched.
    pub depth_cues: Vec<usize>,
    /// The sentence is only a backchannel ("mm-hmm", "okay").
    pub backchannel: bool,
    /// The sentence has the form of a question (a question word, an auxiliary first, a
    /// question mark), whatever label it got.
    pub question_form: bool,
    /// The question form shows in the words, not only in a question mark.
    pub question_word_form: bool,
    /// No cue at all: read as a reflection only by default. Only about half of such
    /// statements are reflections (neutral information, praise, fragments fall here too),
    /// so the learned model sees it as a feature; a "you" statement with no other cue is
    /// one too.
    pub fallback: bool,
    /// No cue and no "you" at the start: read as a reflection only by default, decided by
    /// the learned model without the rules' vote.
    pub plain: bool,
}

impl Verdict {
    fn other(reason: String, words: usize) -> Verdict {
        Verdict {
            label: Label::Other,
            score: 1.0,
            runner_up: 0.0,
            reasons: vec![reason],
            depth: 0.0,
            depth_reasons: Vec::new(),
            summary_cue: None,
            summary_weight: 0.0,
            permission: false,
            check_in: None,
            words,
            cues: Vec::new(),
            depth_cues: Vec::new(),
            backchannel: false,
            question_form: false,
            question_word_form: false,
            fallback: false,
            plain: false,
        }
    }

    pub(super) fn decisive(&self) -> bool {
        self.label != Label::Other
    }

    /// Decisive, or a backchannel: the sentences whose label the model's first and last
    /// sentence features, and the rules' vote, look at.
    pub(super) fn acts(&self) -> bool {
        self.decisive() || self.backchannel
    }
}

/// Depth evidence for a sentence read as a reflection.
fn depth_evidence(s: &Sentence, rules: &Rules) -> (f32, Vec<String>, Vec<usize>) {
    let matches = find_matches(s, rules, true);
    let mut score = 0.0;
    let mut reasons = Vec::new();
    let mut ids = Vec::new();
    let mut used = vec![0usize; rules.depth_cues.len()];
    for m in &matches {
        let (Some(cue), Some(u)) = (rules.depth_cues.get(m.cue), used.get_mut(m.cue)) else {
            continue;
        };
        if *u >= cue.max_matches || cue.at == Position::Lead {
            continue;
        }
        *u += 1;
        score += cue.weight;
        ids.push(m.cue);
        let text = cue
            .phrases
            .get(m.phrase)
            .map(|p| p.text.as_str())
            .unwrap_or("");
        reasons.push(fill(&cue.reason, text));
    }
    if let Some(f) = s
        .ids
        .iter()
        .position(|&id| rules.vocab.is(id, WordClass::Feeling))
        .and_then(|i| s.words.get(i))
    {
        score += rules.weights.feeling;
        reasons.push(fill(&rules.reasons.feeling, f));
    }
    if s.words.len() >= rules.weights.long_reflection_words {
        score += rules.weights.long_reflection;
        reasons.push(rules.reasons.long_reflection.clone());
    }
    (score, reasons, ids)
}

/// The backchannel a sentence consists of, if it is one: a listed phrase, or only
/// single-word backchannels and discourse markers ("yeah, no, totally").
fn backchannel(s: &Sentence, rules: &Rules) -> Option<String> {
    let lex = &rules.lexicon;
    if let Some(b) = lex
        .backchannels
        .iter()
        .find(|b| b.as_slice() == s.core_words() || b.as_slice() == s.words.as_slice())
    {
        return Some(b.join(" "));
    }
    let single = |&id: &u32| rules.vocab.is(id, WordClass::Backchannel);
    let all = !s.ids.is_empty()
        && s.ids
            .iter()
            .all(|id| single(id) || rules.vocab.is(*id, WordClass::DiscourseMarker))
        && s.ids.iter().any(single);
    all.then(|| s.words.join(" "))
}

/// Analyses one sentence.
pub(super) fn analyse(s: &Sentence, rules: &Rules) -> Verdict {
    let lex = &rules.lexicon;
    let w = &rules.weights;
    let r = &rules.reasons;
    let core = s.core_words();
    let words = s.words.len();
    if core.is_empty()
        || rules.vocab.all(&s.ids, WordClass::DiscourseMarker) && backchannel(s, rules).is_none()
    {
        return Verdict::other(r.only_fillers.clone(), words);
    }
    let check_in = lex
        .check_ins
        .iter()
        .find(|c| c.as_slice() == core)
        .map(|c| c.join(" "));
    if let Some(b) = backchannel(s, rules) {
        let mut v = Verdict::other(fill(&r.backchannel, &b), words);
        v.score = w.backchannel;
        v.backchannel = true;
        return v;
    }
    if s.cut_off && !s.question_mark && core.len() <= w.cut_off_max_words {
        let mut v = Verdict::other(fill(&r.cut_off, &core.join(" ")), words);
        v.score = w.cut_off;
        return v;
    }

    let matches = find_matches(s, rules, false);
    let mut evidence = Vec::new();
    let mut notes = Vec::new();
    let matches = cue_evidence(&matches, s, rules, &mut evidence);
    let question_word_form = question_evidence(s, &matches, rules, &mut evidence, &mut notes);
    let is_question_form = evidence.iter().any(|e| act_of(e.target) == Act::Question);
    if !is_question_form {
        imperative_evidence(s, &matches, rules, &mut evidence);
    }
    let first = core.first().map(String::as_str).unwrap_or("");
    let has_reflection_cue = evidence.iter().any(|e| e.target == Target::Reflection);
    // A "you" statement with no other cue is a reflection more often than not, but
    // affirmations ("You didn't give up when the first landlord said no.") look the same:
    // the learned model sees it flagged, and the rules keep their vote for a reflection.
    let you_first = matches!(first, "you" | "your" | "yourself");
    let mut fallback = evidence.is_empty() && you_first;
    let mut plain = false;
    if !is_question_form && !has_reflection_cue && you_first {
        evidence.push(Evidence {
            target: Target::Reflection,
            weight: w.you_statement,
            reason: fill(&r.you_statement, first),
        });
    }
    // Only where nothing but a plain "you" opening reads it as a reflection: "You feel you
    // held back" keeps its stem.
    let stem = matches.iter().any(|m| {
        rules.cues.get(m.cue).is_some_and(|c| {
            c.target == Target::Reflection && !w.weak_reflection_cues.contains(&c.name)
        })
    });
    if !is_question_form
        && !stem
        && let Some(verb) = names_effort(s, rules)
    {
        evidence.push(Evidence {
            target: Target::Affirmation,
            weight: w.effort_named,
            reason: fill(&r.effort_named, verb),
        });
    }
    if evidence.is_empty() {
        if matches!(first, "i" | "we" | "my" | "our" | "me" | "let") {
            evidence.push(Evidence {
                target: Target::Other,
                weight: w.self_statement,
                reason: fill(&r.self_statement, first),
            });
        } else {
            evidence.push(Evidence {
                target: Target::Reflection,
                weight: w.plain_statement,
                reason: r.plain_statement.clone(),
            });
            fallback = true;
            plain = true;
        }
    }

    let mut scores = [0.0f32; ACTS.len()];
    for e in &evidence {
        if let Some(i) = ACTS.iter().position(|&a| a == act_of(e.target))
            && let Some(s) = scores.get_mut(i)
        {
            *s += e.weight;
        }
    }
    let mut best = 0;
    for (i, &score) in scores.iter().enumerate() {
        if score > scores.get(best).copied().unwrap_or(0.0) {
            best = i;
        }
    }
    let act = ACTS.get(best).copied().unwrap_or(Act::Other);
    let score = scores.get(best).copied().unwrap_or(0.0);
    let runner_up = scores
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != best)
        .map(|(_, &s)| s)
        .fold(0.0f32, f32::max);
    let score_of = |target: Target| -> f32 {
        evidence
            .iter()
            .filter(|e| e.target == target)
            .map(|e| e.weight)
            .sum()
    };

    let mut reasons: Vec<String> = Vec::new();
    let label = match act {
        Act::Question => {
            let open = score_of(Target::OpenQuestion);
            let closed = score_of(Target::ClosedQuestion);
            let label = if open > closed {
                Label::OpenQuestion
            } else {
                Label::ClosedQuestion
            };
            let want = if label == Label::OpenQuestion {
                Target::OpenQuestion
            } else {
                Target::ClosedQuestion
            };
            reasons.extend(
                evidence
                    .iter()
                    .filter(|e| e.target == want)
                    .map(|e| e.reason.clone()),
            );
            if reasons.is_empty() {
                let statement = score_of(Target::Reflection) + score_of(Target::Affirmation) > 0.0;
                reasons.push(if statement {
                    r.question_mark_on_reflection.clone()
                } else {
                    r.question_mark_closed.clone()
                });
            }
            label
        }
        other => {
            reasons.extend(
                evidence
                    .iter()
                    .filter(|e| act_of(e.target) == other)
                    .map(|e| e.reason.clone()),
            );
            match other {
                Act::Advice => Label::Advice,
                Act::Affirmation => Label::Affirmation,
                Act::Summary => Label::Summary,
                Act::Information => Label::Information,
                Act::Reflection => Label::Reflection,
                _ => Label::Other,
            }
        }
    };
    reasons.extend(notes);
    let (depth, depth_reasons, depth_cues) = depth_evidence(s, rules);
    let summary = evidence.iter().find(|e| e.target == Target::Summary);
    let permission = matches.iter().any(|m| {
        rules
            .cues
            .get(m.cue)
            .is_some_and(|c| c.name == "permission")
    });
    dedup(&mut reasons);
    Verdict {
        label,
        score,
        runner_up,
        reasons,
        depth,
        depth_reasons,
        summary_cue: summary.map(|e| e.reason.clone()),
        summary_weight: summary.map(|e| e.weight).unwrap_or(0.0),
        permission,
        check_in,
        words,
        cues: matches.iter().map(|m| m.cue).collect(),
        depth_cues,
        backchannel: false,
        question_form: is_question_form,
        question_word_form,
        fallback,
        plain,
    }
}

pub(super) fn dedup(reasons: &mut Vec<String>) {
    let mut seen: Vec<String> = Vec::new();
    reasons.retain(|r| {
        if seen.contains(r) {
            false
        } else {
            seen.push(r.clone());
            true
        }
    });
}
