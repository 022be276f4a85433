//! One label for a turn: the rules read every sentence, the learned model weighs the whole
//! turn, and rules keep the last word where they are reliable.
//!
//! * Empty turns, fillers and backchannels ("Mm.", "Mh-hmm. Okay.") are `other` by rule.
//! * Whether the turn is a question, a reflection, information, advice, an affirmation, a
//!   summary or other is the learned model's call (it sees the rules' findings as features).
//! * Open vs closed is decided by question form (rules): a turn with any open question is
//!   open ("What do you do on weekends? Do you see friends?"); fact questions are closed.
//! * Reflection depth is the depth model's call.

use super::context::ContextFeature;
use super::engine::{RuleTurn, rule_turn};
use super::evidence::fill;
use super::features::{Feature, Flag, Origin, RuleFeature, describe_words, extract};
use super::model::Model;
use super::rules::{Rules, Target};
use super::text::Sentence;
use super::{Depth, Feedback, Label};

/// How many features a reason names.
const NAMED_FEATURES: usize = 3;

/// The features of a turn as the model sees them, with the rules' reading of it.
/// With `peer`, the peer's line before the turn, the features also say what the turn takes
/// from it (see `context.rs`).
pub(super) fn turn_features(
    rules: &Rules,
    text: &str,
    peer: Option<&str>,
) -> (RuleTurn, Vec<Feature>) {
    let turn = rule_turn(rules, text);
    let mut features = extract(&turn.sentences, &turn.verdicts, turn.feedback.label, rules);
    if let Some(peer) = peer.filter(|p| !p.trim().is_empty()) {
        super::context::extend(
            &mut features,
            &turn.sentences,
            turn.feedback.label,
            peer,
            rules,
        );
    }
    (turn, features)
}

/// Names of the strongest features (strongest first), for a reason.
fn names(
    strongest: impl Iterator<Item = (Feature, f32)>,
    sentences: &[Sentence],
    rules: &Rules,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (f, _) in strongest {
        let name = match f.origin {
            Origin::Words { .. } => describe_words(sentences, f.origin),
            Origin::Rule(r) => r.describe(rules),
            Origin::Chars => None,
        };
        if let Some(n) = name
            && !out.contains(&n)
        {
            out.push(n);
        }
        if out.len() >= NAMED_FEATURES {
            break;
        }
    }
    out
}

/// The turn has the rule feature `rf`.
fn has(features: &[Feature], rf: RuleFeature) -> bool {
    features.iter().any(|f| f.origin == Origin::Rule(rf))
}

fn confidence(p: f32) -> f32 {
    (p.clamp(0.3, 0.99) * 100.0).round() / 100.0
}

/// Classifies one turn with rules and model.
pub(super) fn classify_turn(
    rules: &Rules,
    model: Option<&Model>,
    text: &str,
    peer: Option<&str>,
) -> Feedback {
    let r = &rules.reasons;
    let (turn, features) = turn_features(rules, text, peer);
    // Taken apart, not cloned: the rules' feedback is often the answer as it stands.
    let RuleTurn {
        sentences,
        verdicts,
        feedback: rule_fb,
    } = turn;
    let Some(model) = model else {
        return rule_fb;
    };
    // Nothing but fillers and backchannels: the rules are sure.
    let only_backchannels = verdicts
        .iter()
        .all(|v| v.backchannel || (v.label == Label::Other && v.words <= 2));
    if sentences.is_empty() || only_backchannels {
        return rule_fb;
    }
    let mut pred = model.predict(&features);
    // The rules' label gets a vote in proportion to how clear their evidence was: a clear
    // "you should" stays advice even where the model has seen few like it.
    let w = &rules.weights;
    let acting: Vec<_> = verdicts.iter().filter(|v| v.acts()).collect();
    // "What do I need to bring?" / "Bring photo ID.": a command that answers the peer's
    // question says what the process asks for (information, coding manual); the model,
    // which sees that the peer asked, decides without the rules' extra vote for advice.
    let answers_a_question = rule_fb.label == Label::Advice
        && has(&features, RuleFeature::Context(ContextFeature::PeerAsked));
    let strong = acting.len() == 1
        && !answers_a_question
        && acting.first().is_some_and(|v| {
            // Question form in the words (a wh-word, an auxiliary and a subject) is what
            // the rules read reliably: it counts as clear evidence whatever its weight.
            v.label == rule_fb.label
                && (v.score >= w.strong_rule_score
                    || (v.label.is_question() && v.question_word_form))
        });
    let by_default = !acting.is_empty() && acting.iter().all(|v| v.plain);
    // A "you" statement with no other cue: the learned model, trained on few affirmations of
    // that shape, read too many plain restatements ("You've been without heat for a week")
    // as affirmations, so the rules' reading as a reflection gets its own vote (tuned by
    // cross-validation on the training turns once more affirmations of that shape were in).
    // A reflection that rests only on a plain "you" opening ("You've been ...", "Your ...")
    // is read the same way: affirmations open like that as often as restatements do.
    let weak = |v: &&super::verdict::Verdict| {
        v.label == Label::Reflection
            && v.cues.iter().all(|&c| {
                rules.cues.get(c).is_none_or(|cue| {
                    cue.target != Target::Reflection || w.weak_reflection_cues.contains(&cue.name)
                })
            })
    };
    let you_only = !acting.is_empty() && acting.iter().all(|v| (v.fallback && !v.plain) || weak(v));
    let vote = if by_default {
        0.0
    } else if you_only {
        w.you_statement_vote
    } else {
        w.rule_vote * rule_fb.confidence + if strong { w.strong_rule_vote } else { 0.0 }
    };
    if let Some(i) = Label::ALL.iter().position(|l| *l == rule_fb.label)
        && let Some(p) = pred.probs.get_mut(i)
    {
        *p += vote;
    }
    // Affirmation and advice need a sign the rules can name (a strength named, "you
    // should", a command): without one the model's call would leave the trainee with no
    // reason, and plain restatements ("You've been without heat for a week") are not praise
    // or advice. The model alone may call it so when it is sure (its strongest features are
    // then the reasons), but only where the rules found no
    // reflective opening: a plain "you ..." statement or no cue at all. "You'd like to make
    // things right" and "It sounds like it's over" keep their reflective stems.
    let unnamed_ok = by_default || you_only || rule_fb.label != Label::Reflection;
    let effort = has(&features, RuleFeature::Flag(Flag::Effort));
    let sign_of = |l: Label| {
        if unnamed_ok && pred.prob(l) >= w.unnamed_sign_min * (1.0 + vote) {
            return true;
        }
        // An effort named after "you" ("You held your boundary.") is a sign of praise the
        // reasons can name.
        if l == Label::Affirmation && effort {
            return true;
        }
        let target = match l {
            Label::Affirmation => Target::Affirmation,
            Label::Advice => Target::Advice,
            _ => return true,
        };
        verdicts.iter().any(|v| {
            v.label == l
                || v.cues
                    .iter()
                    .any(|&c| rules.cues.get(c).is_some_and(|cue| cue.target == target))
        })
    };
    let Some(best) = pred.best_of(sign_of) else {
        return rule_fb;
    };
    let label = if best.is_question() {
        let open = verdicts.iter().any(|v| v.label == Label::OpenQuestion);
        let closed = verdicts.iter().any(|v| v.label == Label::ClosedQuestion);
        if open {
            Label::OpenQuestion
        } else if closed {
            Label::ClosedQuestion
        } else {
            best
        }
    } else {
        best
    };
    // A permission ask followed at once by the share: the share is what the turn does
    // (coding manual). The model has seen few such turns and reads the ask; the rules, which
    // weigh the ask as a lead-in, decide.
    let label = if label.is_question()
        && !rule_fb.label.is_question()
        && has(&features, RuleFeature::Flag(Flag::SharesAfterPermission))
    {
        rule_fb.label
    } else {
        label
    };
    let p = if label.is_question() {
        pred.prob(Label::OpenQuestion) + pred.prob(Label::ClosedQuestion)
    } else {
        pred.prob(label)
    } / (1.0 + vote);
    let runner_up = pred
        .best_of(|l| {
            if label.is_question() {
                !l.is_question()
            } else {
                l != label
            }
        })
        .unwrap_or(Label::Other);

    let mut reasons: Vec<String> = Vec::new();
    if rule_fb.label == label {
        reasons.extend(rule_fb.reasons);
    } else if label.is_question() && rule_fb.label.is_question() {
        // Another question in the turn decided open vs closed: its reasons, so the feedback
        // never calls an open turn a yes/no question.
        for v in verdicts.iter().filter(|v| v.label == label) {
            reasons.extend(v.reasons.iter().cloned());
        }
    } else {
        reasons.push(fill(&r.model_reads, label.name()));
        // The reasons of the sentences that do what the turn does.
        for v in verdicts.iter().filter(|v| v.label == label) {
            reasons.extend(v.reasons.iter().cloned());
        }
    }
    // Reasons about depth come from the depth model below.
    let (before, after) = r
        .continuation
        .split_once("{cue}")
        .unwrap_or((&r.continuation, ""));
    reasons.retain(|x| {
        x != &r.complex
            && x != &r.simple
            && x != &r.several_reflections
            && !(x.starts_with(before) && x.ends_with(after))
            && !verdicts.iter().any(|v| v.depth_reasons.contains(x))
    });
    if matches!(label, Label::Information | Label::Advice) && verdicts.iter().any(|v| v.permission)
    {
        reasons.push(r.asked_permission.clone());
    }
    let model_label = if label.is_question() { best } else { label };
    let signs = names(
        model.strongest_for(&features, model_label, runner_up),
        &sentences,
        rules,
    );
    if !signs.is_empty() {
        reasons.push(fill(&r.model_signs, &signs.join(", ")));
    }

    let mut depth = None;
    if label == Label::Reflection {
        // Two sides or an image named by the rules are what coders call complex nearly
        // always: they move the model's log-odds by a fixed vote.
        let pc = model.complex_probability(&features).clamp(1e-6, 1.0 - 1e-6);
        let sure_cue = verdicts.iter().any(|v| {
            v.depth_cues.iter().any(|&c| {
                rules
                    .depth_cues
                    .get(c)
                    .is_some_and(|d| w.depth_sure_cues.contains(&d.name))
            })
        });
        let shift = if sure_cue { w.depth_sure_vote } else { 0.0 };
        let complex = (pc / (1.0 - pc)).ln() + shift >= 0.0;
        depth = Some(if complex {
            Depth::Complex
        } else {
            Depth::Simple
        });
        reasons.push(if complex {
            r.complex.clone()
        } else {
            r.simple.clone()
        });
        let signs = names(
            model.strongest_for_depth(&features, complex),
            &sentences,
            rules,
        );
        if !signs.is_empty() {
            reasons.push(fill(&r.depth_signs, &signs.join(", ")));
        }
    }
    let mut kept: Vec<String> = Vec::with_capacity(reasons.len());
    for x in reasons {
        if !kept.contains(&x) {
            kept.push(x);
        }
    }
    Feedback::new(label, depth, kept, confidence(p))
}
