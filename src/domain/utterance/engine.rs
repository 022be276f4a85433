//! One label for a turn by the rules alone: every sentence's verdict, then the turn's main
//! behaviour (a summary when several reflections or a summary cue gather material).

use super::evidence::fill;
use super::rules::{Position, Rules, matches_at};
use super::text::{self, Sentence, sentences};
pub(super) use super::verdict::Verdict;
use super::verdict::{analyse, dedup};
use super::{Depth, Feedback, Label};

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
    // "The car's failed its MOT, there's the dentist to pay, and your hours were cut.": three
    // separate matters in one list are a summary (coding manual), though each clause alone
    // reads as a reflection.
    if summary_reasons.is_empty()
        && chosen.label == Label::Reflection
        && parsed
            .iter()
            .any(|s| text::gathers_matters(s, &rules.lexicon.chain_openers))
    {
        summary_reasons.push(r.summary_by_list.clone());
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
            // A check is a yes/no question or a listed check-in ("Is that right?"), or any
            // short question after information ("What do you make of that?"); a short
            // open question after a reflection ("What happens then?") is what the person
            // answers, and keeps its weight.
            let check = v.label == Label::ClosedQuestion
                || v.check_in.is_some()
                || decisive
                    .iter()
                    .take(i)
                    .any(|p| matches!(p.label, Label::Information | Label::Advice));
            let trailing = i + 1 == n
                && n > 1
                && check
                && (v.words <= CHECK_MAX_WORDS || v.check_in.is_some())
                && words_before(i) as f32 >= 1.5 * v.words as f32
                && !decisive.iter().take(i).any(|p| p.label.is_question());
            // "Can I make a suggestion? You could try a pill organiser.": a permission ask
            // followed at once by the share is a lead-in; the share is what the turn does
            // (coding manual).
            let lead_in =
                v.permission && decisive.iter().skip(i + 1).any(|p| !p.label.is_question());
            w *= if trailing || lead_in {
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
pub(super) fn continuation(s: &Sentence, rules: &Rules) -> Option<String> {
    rules
        .depth_cues
        .iter()
        .filter(|c| c.name == "continuation" || c.at == Position::Lead)
        .flat_map(|c| c.phrases.iter())
        .filter(|p| matches_at(&s.words, 0, &p.words))
        .max_by_key(|p| p.words.len())
        .map(|p| p.text.clone())
}
