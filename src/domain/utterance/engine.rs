//! The classifier proper: evidence for each sentence, then one label for the turn.

use super::rules::{Position, Rules, Target, matches_at};
use super::text::{Sentence, sentences};
use super::{Depth, Feedback, Label};

/// One piece of evidence: which behaviour it points to, how strongly, and why.
#[derive(Debug, Clone)]
struct Evidence {
    target: Target,
    weight: f32,
    reason: String,
}

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
    runner_up: f32,
    pub reasons: Vec<String>,
    /// Depth evidence, whatever the sentence reads as (the learned model may call it a
    /// reflection when the rules do not).
    pub depth: f32,
    pub depth_reasons: Vec<String>,
    summary_cue: Option<String>,
    summary_weight: f32,
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
        }
    }

    fn decisive(&self) -> bool {
        self.label != Label::Other
    }
}

fn fill(template: &str, cue: &str) -> String {
    template.replace("{cue}", cue)
}

fn contains(list: &[String], word: &str) -> bool {
    list.iter().any(|w| w == word)
}

/// A phrase match found in a sentence.
#[derive(Debug, Clone, Copy)]
struct Match {
    cue: usize,
    phrase: usize,
    pos: usize,
    len: usize,
}

/// Where "start" cues may match: the sentence core and the start of every later clause, each
/// after skipping discourse markers.
fn start_positions(s: &Sentence, rules: &Rules) -> Vec<usize> {
    let markers = &rules.lexicon.discourse_markers;
    let mut out = vec![0, s.core];
    for (i, &start) in s.clause_start.iter().enumerate() {
        if start && i > 0 {
            out.push(i);
            let mut j = i;
            while j + 1 < s.words.len() && contains(markers, &s.words[j]) {
                j += 1;
                out.push(j);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Finds all cue matches, keeping only the longest where cues from different groups overlap.
fn find_matches(s: &Sentence, rules: &Rules, depth: bool) -> Vec<Match> {
    let cues = if depth {
        &rules.depth_cues
    } else {
        &rules.cues
    };
    let index = rules.index(depth);
    let starts = start_positions(s, rules);
    let mut found = Vec::new();
    for (pos, word) in s.words.iter().enumerate() {
        let Some(entries) = index.get(word) else {
            continue;
        };
        for &(ci, pi) in entries {
            let Some(cue) = cues.get(ci) else {
                continue;
            };
            let Some(phrase) = cue.phrases.get(pi) else {
                continue;
            };
            let allowed = match cue.at {
                Position::Anywhere => true,
                Position::Start => starts.binary_search(&pos).is_ok(),
                Position::Whole => pos == s.core && s.words.len() == s.core + phrase.words.len(),
                Position::Lead => pos == 0,
            };
            if !allowed || !matches_at(&s.words, pos, &phrase.words) {
                continue;
            }
            let len = phrase.words.len();
            if let Some(next) = s.words.get(pos + len)
                && contains(&cue.unless_followed_by, next)
            {
                continue;
            }
            if pos > 0
                && s.words
                    .get(pos - 1)
                    .is_some_and(|prev| contains(&cue.unless_preceded_by, prev))
            {
                continue;
            }
            found.push(Match {
                cue: ci,
                phrase: pi,
                pos,
                len,
            });
        }
    }
    // Longest first; a match inside a longer match of another group is dropped.
    found.sort_by(|a, b| b.len.cmp(&a.len).then(a.pos.cmp(&b.pos)));
    let mut kept: Vec<Match> = Vec::new();
    for m in found {
        let covered = kept
            .iter()
            .any(|k| k.cue != m.cue && k.pos <= m.pos && m.pos + m.len <= k.pos + k.len);
        if !covered {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.pos);
    kept
}

/// Evidence from cue groups: each group adds its weight at most `max_matches` times.
/// Returns the matches that counted.
fn cue_evidence(
    matches: &[Match],
    s: &Sentence,
    rules: &Rules,
    out: &mut Vec<Evidence>,
) -> Vec<Match> {
    let mut accepted = Vec::new();
    let mut used = vec![0usize; rules.cues.len()];
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for m in matches {
        let Some(cue) = rules.cues.get(m.cue) else {
            continue;
        };
        let Some(count) = used.get_mut(m.cue) else {
            continue;
        };
        if *count >= cue.max_matches || seen.contains(&(m.cue, m.phrase)) {
            continue;
        }
        // "when you drink, ..." : a wh-word followed by a pronoun opens a clause, not a question.
        // "when you say you're done, what does..." : same, even before a question mark.
        if cue.name == "fact_question" {
            let next = s.words.get(m.pos + m.len).map(String::as_str).unwrap_or("");
            let clause = contains(&rules.lexicon.subject_pronouns, next) && m.len == 1;
            if clause || (next.is_empty() && !s.question_mark) {
                continue;
            }
        }
        *count += 1;
        seen.push((m.cue, m.phrase));
        accepted.push(*m);
        let text = cue
            .phrases
            .get(m.phrase)
            .map(|p| p.text.as_str())
            .unwrap_or("");
        out.push(Evidence {
            target: cue.target,
            weight: cue.weight,
            reason: fill(&cue.reason, text),
        });
    }
    accepted
}

fn word_at(words: &[String], i: usize) -> &str {
    words.get(i).map(String::as_str).unwrap_or("")
}

/// "do you", "is it", "don't you": an auxiliary and a subject at `i`.
fn aux_subject_at(words: &[String], i: usize, rules: &Rules) -> Option<String> {
    let lex = &rules.lexicon;
    let aux = word_at(words, i);
    if !contains(&lex.auxiliaries, aux) {
        return None;
    }
    let next = word_at(words, i + 1);
    if contains(&lex.question_subjects, next) && next != "not" {
        return Some(format!("{aux} {next}"));
    }
    let after = word_at(words, i + 2);
    if next == "not" && contains(&lex.subject_pronouns, after) {
        return Some(format!("{aux} {next} {after}"));
    }
    None
}

/// Structural question evidence: wh-words, auxiliaries, question marks, tags.
fn question_evidence(
    s: &Sentence,
    matches: &[Match],
    rules: &Rules,
    out: &mut Vec<Evidence>,
    notes: &mut Vec<String>,
) -> bool {
    let lex = &rules.lexicon;
    let w = &rules.weights;
    let r = &rules.reasons;
    let words = &s.words;
    let core = s.core;
    let covered_at_core = matches.iter().any(|m| m.pos == core);
    let first = word_at(words, core);
    let second = word_at(words, core + 1);
    let mut has_form = covered_at_core
        && matches.iter().any(|m| {
            m.pos == core
                && rules.cues.get(m.cue).is_some_and(|c| {
                    matches!(
                        c.target,
                        Target::OpenQuestion
                            | Target::ClosedQuestion
                            | Target::Question
                            | Target::Advice
                    )
                })
        });

    if !covered_at_core && contains(&lex.wh_words, first) {
        let embedded = contains(&lex.subject_pronouns, second) || second.is_empty();
        if !embedded || s.question_mark {
            out.push(Evidence {
                target: Target::OpenQuestion,
                weight: w.wh_start,
                reason: fill(&r.wh_start, first),
            });
            has_form = true;
        }
    }
    if first == "why" && (has_form || s.question_mark) {
        notes.push(r.why_question.clone());
    }
    if !covered_at_core
        && !has_form
        && let Some(cue) = aux_subject_at(words, core, rules)
    {
        out.push(Evidence {
            target: Target::ClosedQuestion,
            weight: w.aux_start,
            reason: fill(&r.aux_start, &cue),
        });
        has_form = true;
    }
    if !has_form {
        // A question in a later clause: "I'm curious, what made you call"; "..., is she around".
        let subordinate = contains(&lex.subordinators, first);
        for i in (core + 1)..words.len() {
            let word = word_at(words, i);
            let next = word_at(words, i + 1);
            let at_clause = s.clause_start.get(i).copied().unwrap_or(false)
                || (i > 0
                    && contains(&lex.discourse_markers, word_at(words, i - 1))
                    && s.clause_start.get(i - 1).copied().unwrap_or(false));
            if contains(&lex.mid_wh_words, word) {
                let pronoun_next = contains(&lex.subject_pronouns, next) || next.is_empty();
                let inverted = contains(&lex.auxiliaries, next)
                    && contains(&lex.subject_pronouns, word_at(words, i + 2));
                if inverted || (at_clause && !pronoun_next) || (subordinate && !pronoun_next) {
                    out.push(Evidence {
                        target: Target::OpenQuestion,
                        weight: w.wh_clause,
                        reason: fill(&r.wh_clause, word),
                    });
                    if word == "why" {
                        notes.push(r.why_question.clone());
                    }
                    has_form = true;
                    break;
                }
            }
            if at_clause
                && let Some(cue) = aux_subject_at(words, i, rules)
                && (s.question_mark || cue.ends_with("you"))
            {
                out.push(Evidence {
                    target: Target::ClosedQuestion,
                    weight: w.aux_clause,
                    reason: fill(&r.aux_clause, &cue),
                });
                has_form = true;
                break;
            }
        }
    }
    if s.question_mark {
        // "..., right?" : the last clause is a tag.
        let last_clause = s.clause_start.iter().rposition(|&c| c).unwrap_or(0);
        let tail = words.get(last_clause..).unwrap_or(&[]);
        let tag = (last_clause > 0)
            .then(|| lex.tag_questions.iter().find(|t| t.as_slice() == tail))
            .flatten();
        if let Some(tag) = tag {
            out.push(Evidence {
                target: Target::ClosedQuestion,
                weight: w.tag_question,
                reason: fill(&r.tag_question, &tag.join(" ")),
            });
        } else {
            out.push(Evidence {
                target: Target::Question,
                weight: w.question_mark,
                reason: r.question_mark.clone(),
            });
        }
    }
    has_form
}

/// A command: "call the landlord", "just don't go".
fn imperative_evidence(s: &Sentence, matches: &[Match], rules: &Rules, out: &mut Vec<Evidence>) {
    let lex = &rules.lexicon;
    let mut i = s.core;
    // "I'd stop going there": what I would do is advice too.
    let i_would = word_at(&s.words, i) == "i" && word_at(&s.words, i + 1) == "would";
    if i_would {
        i += 2;
    }
    while contains(&lex.imperative_skip, word_at(&s.words, i)) && i + 1 < s.words.len() {
        i += 1;
    }
    if matches
        .iter()
        .any(|m| m.pos == i || (m.pos == s.core && !i_would))
    {
        return;
    }
    let verb = word_at(&s.words, i);
    let next = word_at(&s.words, i + 1);
    if !contains(&lex.imperative_verbs, verb)
        || next.is_empty()
        || contains(&lex.not_imperative_next, next)
    {
        return;
    }
    // "do" only as "do not ...": "do you" is a question, handled elsewhere.
    if verb == "do" && next != "not" {
        return;
    }
    let cue = match (verb, i_would) {
        ("do", _) => "do not".to_string(),
        (_, true) => format!("i would {verb}"),
        _ => verb.to_string(),
    };
    out.push(Evidence {
        target: Target::Advice,
        weight: rules.weights.imperative,
        reason: fill(&rules.reasons.imperative, &cue),
    });
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
        .words
        .iter()
        .find(|w| contains(&rules.lexicon.feeling_words, w))
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
    let single = |w: &String| {
        lex.backchannels
            .iter()
            .any(|b| b.len() == 1 && b.first() == Some(w))
    };
    let all = !s.words.is_empty()
        && s.words
            .iter()
            .all(|w| single(w) || contains(&lex.discourse_markers, w))
        && s.words.iter().any(single);
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
        || s.words.iter().all(|w| contains(&lex.discourse_markers, w))
            && backchannel(s, rules).is_none()
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
    if !is_question_form && !has_reflection_cue && matches!(first, "you" | "your" | "yourself") {
        evidence.push(Evidence {
            target: Target::Reflection,
            weight: w.you_statement,
            reason: fill(&r.you_statement, first),
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
    }
}

fn dedup(reasons: &mut Vec<String>) {
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

fn confidence(score: f32, runner_up: f32) -> f32 {
    let c = 0.5 + 0.5 * (score - runner_up).max(0.0) / (score + 1.0);
    (c.clamp(0.3, 0.99) * 100.0).round() / 100.0
}

/// What the rules make of a turn: its sentences, each sentence's verdict, and the rules'
/// label for the whole turn.
pub(super) struct RuleTurn {
    pub sentences: Vec<Sentence>,
    pub verdicts: Vec<Verdict>,
    pub feedback: Feedback,
}

/// Reads a turn with the rules alone.
pub(super) fn rule_turn(rules: &Rules, text: &str) -> RuleTurn {
    let r = &rules.reasons;
    let parsed = if text.trim().is_empty() {
        Vec::new()
    } else {
        sentences(text, &rules.text_lexicon())
    };
    let verdicts: Vec<Verdict> = parsed.iter().map(|s| analyse(s, rules)).collect();
    let feedback = if text.trim().is_empty() {
        Feedback::new(Label::Other, None, vec![r.empty_line.clone()], 1.0)
    } else if parsed.is_empty() {
        Feedback::new(Label::Other, None, vec![r.only_fillers.clone()], 0.9)
    } else {
        turn_feedback(rules, &parsed, &verdicts)
    };
    RuleTurn {
        sentences: parsed,
        verdicts,
        feedback,
    }
}

/// The rules' label for a turn of one or more sentences.
fn turn_feedback(rules: &Rules, parsed: &[Sentence], verdicts: &[Verdict]) -> Feedback {
    let r = &rules.reasons;
    let w = &rules.weights;
    let decisive: Vec<&Verdict> = verdicts.iter().filter(|v| v.decisive()).collect();
    let Some(last_decisive) = decisive.last().copied() else {
        let v = verdicts.last().or(verdicts.first());
        let (reasons, conf) = v
            .map(|v| (v.reasons.clone(), confidence(v.score, v.runner_up)))
            .unwrap_or_else(|| (vec![r.no_cue.clone()], 0.5));
        return Feedback::new(Label::Other, None, reasons, conf);
    };
    let chosen = main_behaviour(&decisive).unwrap_or(last_decisive);
    let total_words: usize = verdicts.iter().map(|v| v.words).sum();
    let reflective = decisive
        .iter()
        .filter(|v| matches!(v.label, Label::Reflection | Label::Summary))
        .count();

    // Summary: a summary cue with enough material, or several reflections strung together.
    let summary_cue = verdicts
        .iter()
        .filter(|v| v.summary_weight >= w.summary_min_cue)
        .find_map(|v| v.summary_cue.clone());
    let ends_in_check = chosen
        .check_in
        .clone()
        .filter(|_| chosen.label.is_question());
    let chosen_allows_summary = !chosen.label.is_question() && chosen.label != Label::Advice;
    let enough = total_words >= w.summary_min_words || decisive.len() >= 2;
    let mut summary_reasons = Vec::new();
    if let Some(cue) = &summary_cue
        && enough
        && (chosen_allows_summary || ends_in_check.is_some())
    {
        summary_reasons.push(cue.clone());
    }
    if summary_reasons.is_empty()
        && reflective >= w.summary_min_reflections
        && (chosen_allows_summary || ends_in_check.is_some())
    {
        summary_reasons.push(r.summary_by_length.clone());
    }
    if !summary_reasons.is_empty() {
        if let Some(check) = ends_in_check {
            summary_reasons.push(fill(&r.check_in, &check));
        }
        let conf = if summary_cue.is_some() { 0.8 } else { 0.6 };
        return Feedback::new(Label::Summary, None, summary_reasons, conf);
    }

    let label = chosen.label;
    let mut reasons = chosen.reasons.clone();
    let mut depth = None;
    if label == Label::Reflection {
        let mut score = 0.0;
        let mut depth_reasons = Vec::new();
        for v in decisive.iter().filter(|v| v.label == Label::Reflection) {
            score += v.depth;
            depth_reasons.extend(v.depth_reasons.iter().cloned());
        }
        if let Some(first) = parsed
            .iter()
            .zip(verdicts)
            .find(|(_, v)| v.label == Label::Reflection)
            .map(|(s, _)| s)
            && let Some(cue) = continuation(first, rules)
        {
            score += w.continuation;
            depth_reasons.insert(0, fill(&r.continuation, &cue));
        }
        if reflective >= 2 {
            score += w.several_reflections;
            depth_reasons.push(r.several_reflections.clone());
        }
        dedup(&mut depth_reasons);
        if score >= w.complex_threshold {
            depth = Some(Depth::Complex);
            reasons.push(r.complex.clone());
            reasons.extend(depth_reasons);
        } else {
            depth = Some(Depth::Simple);
            reasons.push(r.simple.clone());
        }
    }
    let distinct_labels = {
        let mut labels: Vec<Label> = decisive.iter().map(|v| v.label).collect();
        labels.dedup();
        labels.len()
    };
    if distinct_labels > 1 {
        let activity = r.activities.get(label.id()).cloned().unwrap_or_default();
        let trailing_check = !std::ptr::eq(last_decisive, chosen)
            && last_decisive.label.is_question()
            && !label.is_question();
        let template = if trailing_check {
            &r.main_then_check
        } else {
            &r.multi_sentence
        };
        reasons.push(fill(template, &activity));
    }
    let chosen_at = decisive
        .iter()
        .position(|v| std::ptr::eq(*v, chosen))
        .unwrap_or(0);
    let before = decisive.get(..chosen_at).unwrap_or(&[]);
    if matches!(label, Label::Information | Label::Advice) && before.iter().any(|v| v.permission) {
        reasons.push(r.asked_permission.clone());
    } else if label != Label::Advice && decisive.iter().any(|v| v.label == Label::Advice) {
        reasons.push(r.also_advice.clone());
    }
    dedup(&mut reasons);
    Feedback::new(
        label,
        depth,
        reasons,
        confidence(chosen.score, chosen.runner_up),
    )
}

/// A short question after longer material ("... What do you make of that?") checks in
/// rather than leads: it weighs this much of its length.
const TRAILING_CHECK_WEIGHT: f32 = 0.3;
/// A question that leads weighs more than its length: it is what the person answers.
const QUESTION_WEIGHT: f32 = 1.5;
/// Longest question, in words, that can be a trailing check.
const CHECK_MAX_WORDS: usize = 8;

/// The sentence whose behaviour is the turn's main behaviour: every sentence that does
/// something votes with its length, scaled by how clear its evidence is and by its role.
/// Questions in a row vote together, and an open one among them makes the group open.
pub(super) fn main_behaviour<'a>(decisive: &[&'a Verdict]) -> Option<&'a Verdict> {
    let n = decisive.len();
    let words_before = |i: usize| -> usize { decisive.iter().take(i).map(|v| v.words).sum() };
    let weight = |i: usize, v: &Verdict| -> f32 {
        let clarity = 0.5 + v.score.min(6.0) / 6.0;
        let mut w = v.words.max(1) as f32 * clarity;
        if v.label.is_question() {
            let trailing = i + 1 == n
                && n > 1
                && (v.words <= CHECK_MAX_WORDS || v.check_in.is_some())
                && words_before(i) as f32 >= 1.5 * v.words as f32
                && !decisive.iter().take(i).any(|p| p.label.is_question());
            w *= if trailing {
                TRAILING_CHECK_WEIGHT
            } else {
                QUESTION_WEIGHT
            };
        }
        w
    };
    let bucket = |l: Label| {
        if l.is_question() {
            Label::OpenQuestion
        } else {
            l
        }
    };
    let mut totals: Vec<(Label, f32)> = Vec::new();
    for (i, v) in decisive.iter().enumerate() {
        let b = bucket(v.label);
        let w = weight(i, v);
        match totals.iter_mut().find(|(l, _)| *l == b) {
            Some(t) => t.1 += w,
            None => totals.push((b, w)),
        }
    }
    // Ties go to the behaviour that came last.
    let best = totals
        .iter()
        .rev()
        .fold(None::<(Label, f32)>, |acc, &(l, w)| match acc {
            Some((_, bw)) if bw >= w => acc,
            _ => Some((l, w)),
        })
        .map(|(l, _)| l);
    let members = || {
        decisive
            .iter()
            .enumerate()
            .filter(|(_, v)| Some(bucket(v.label)) == best)
    };
    let open = members().find(|(_, v)| v.label == Label::OpenQuestion);
    let heaviest = members().fold(None::<(usize, f32)>, |acc, (i, v)| {
        let w = weight(i, v);
        match acc {
            Some((_, bw)) if bw > w => acc,
            _ => Some((i, w)),
        }
    });
    let index = open.map(|(i, _)| i).or(heaviest.map(|(i, _)| i));
    index
        .and_then(|i| decisive.get(i).copied())
        .or_else(|| decisive.last().copied())
}

/// "and you're wondering...": the first word of the sentence continues the person's paragraph.
fn continuation(s: &Sentence, rules: &Rules) -> Option<String> {
    rules
        .depth_cues
        .iter()
        .filter(|c| c.name == "continuation" || c.at == Position::Lead)
        .flat_map(|c| c.phrases.iter())
        .filter(|p| matches_at(&s.words, 0, &p.words))
        .max_by_key(|p| p.words.len())
        .map(|p| p.text.clone())
}
