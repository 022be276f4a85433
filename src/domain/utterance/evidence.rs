//! Evidence for one sentence from the rule asset: cue phrases found in the words, question
//! form (wh-words, auxiliary + subject, question marks, tags) and commands.

use super::rules::{Position, Rules, Target};
use super::text::Sentence;
use super::vocab::WordClass;

/// One piece of evidence: which behaviour it points to, how strongly, and why.
#[derive(Debug, Clone)]
pub(super) struct Evidence {
    pub target: Target,
    pub weight: f32,
    pub reason: String,
}

/// The template with every "{cue}" replaced by `cue` (as `str::replace`, in one buffer of
/// the right size).
pub(super) fn fill(template: &str, cue: &str) -> String {
    const SLOT: &str = "{cue}";
    let mut out = String::with_capacity(template.len() + cue.len());
    let mut from = 0;
    while let Some(i) = template
        .get(from..)
        .and_then(|rest| rest.find('{'))
        .map(|j| from + j)
    {
        let (before, at) = template.split_at(i);
        out.push_str(before.get(from..).unwrap_or(""));
        if at.starts_with(SLOT) {
            out.push_str(cue);
            from = i + SLOT.len();
        } else {
            out.push('{');
            from = i + 1;
        }
    }
    out.push_str(template.get(from..).unwrap_or(""));
    out
}

pub(super) fn contains(list: &[String], word: &str) -> bool {
    super::rules::in_list(list, word)
}

/// A phrase match found in a sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct Match {
    pub cue: usize,
    pub phrase: usize,
    pub pos: usize,
    pub len: usize,
}

/// Where "start" cues may match: the sentence core and the start of every later clause, each
/// after skipping discourse markers.
fn start_positions(s: &Sentence, rules: &Rules) -> Vec<usize> {
    let marker = |j: usize| {
        s.ids
            .get(j)
            .is_some_and(|&id| rules.vocab.is(id, WordClass::DiscourseMarker))
    };
    let mut out = vec![0, s.core];
    for (i, &start) in s.clause_start.iter().enumerate() {
        if start && i > 0 {
            out.push(i);
            let mut j = i;
            while j + 1 < s.words.len() && marker(j) {
                j += 1;
                out.push(j);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// "you feel like you have to ...", "you are thinking you should ...": before `pos`, "you"
/// is followed within two words by one of the cue's reporting words.
fn said_by_them(words: &[String], pos: usize, cue: &super::rules::Cue) -> bool {
    let before = words.get(..pos).unwrap_or(&[]);
    before.iter().enumerate().any(|(i, w)| {
        w == "you"
            && before
                .get(i + 1..(i + 3).min(before.len()))
                .is_some_and(|next| next.iter().any(|n| contains(&cue.unless_after_you, n)))
    })
}

/// Finds all cue matches, keeping only the longest where cues from different groups overlap.
pub(super) fn find_matches(s: &Sentence, rules: &Rules, depth: bool) -> Vec<Match> {
    let cues = if depth {
        &rules.depth_cues
    } else {
        &rules.cues
    };
    let index = rules.index(depth);
    let starts = start_positions(s, rules);
    let mut found = Vec::new();
    let mut entries = Vec::new();
    for pos in 0..s.words.len() {
        index.candidates(&s.ids, pos, &mut entries);
        for &(ci, pi) in &entries {
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
            if !allowed || !phrase.matches_in(s, pos) {
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
            if !cue.unless_after_you.is_empty() && said_by_them(&s.words, pos, cue) {
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
pub(super) fn cue_evidence(
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
            // "When a hearing gets moved, the court sends ...": with no question mark and no
            // auxiliary after it, "when" / "where" opens a clause of a statement.
            // "..., which means they may take it to court": "which" / "who" / "whose" after
            // the first clause of a statement opens a relative clause.
            let word = word_at(&s.words, m.pos);
            let statement_clause = m.len == 1
                && !s.question_mark
                && ((matches!(word, "when" | "where")
                    && !contains(&rules.lexicon.auxiliaries, next))
                    || (m.pos > s.core && matches!(word, "which" | "who" | "whose")));
            if clause || statement_clause || (next.is_empty() && !s.question_mark) {
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

/// "you" followed by a verb of effort, perhaps after a few small words ("you have really
/// pushed", "you held"): the verb.
pub(super) fn names_effort<'s>(s: &'s Sentence, rules: &Rules) -> Option<&'s str> {
    let lex = &rules.lexicon;
    s.words.iter().enumerate().find_map(|(i, w)| {
        if w != "you" {
            return None;
        }
        let at = verb_after_you(&s.words, i, &lex.effort_skip)?;
        let verb = s.words.get(at)?;
        if super::rules::in_list(&lex.effort_not_before, word_at(&s.words, at + 1)) {
            return None;
        }
        // "you're done with", "you're stuck": after "are" / "were" only an "-ing" form
        // names an effort ("you're pushing through").
        let state = s
            .words
            .get(i + 1..at)
            .is_some_and(|skipped| skipped.iter().any(|x| x == "are" || x == "were"));
        (super::rules::in_sorted(&lex.effort_verbs, verb) && (!state || verb.ends_with("ing")))
            .then_some(verb.as_str())
    })
}

/// A sentence that opens "you" and a verb in the past tense ("You rang them yourself."),
/// perhaps after a few small words: the verb. Feelings, wants and losses do not count.
pub(super) fn past_act<'s>(s: &'s Sentence, rules: &Rules) -> Option<&'s str> {
    let lex = &rules.lexicon;
    if s.core_words().first().map(String::as_str) != Some("you") {
        return None;
    }
    let at = verb_after_you(&s.words, s.core, &lex.act_skip)?;
    let verb = s.words.get(at)?;
    let past =
        (verb.len() > 3 && verb.ends_with("ed")) || super::rules::in_sorted(&lex.past_acts, verb);
    let feeling = s
        .ids
        .get(at)
        .is_some_and(|&id| rules.vocab.is(id, super::vocab::WordClass::Feeling));
    (past && !feeling && !super::rules::in_sorted(&lex.not_acts, verb)).then_some(verb.as_str())
}

/// Where the verb after the "you" at `you_at` stands: the first word after it not in `skip`
/// ("you have really pushed": the small words "have" and "really" are skipped).
fn verb_after_you(words: &[String], you_at: usize, skip: &[String]) -> Option<usize> {
    (you_at + 1..words.len()).find(|&i| !super::rules::in_list(skip, word_at(words, i)))
}

pub(super) fn word_at(words: &[String], i: usize) -> &str {
    words.get(i).map(String::as_str).unwrap_or("")
}

/// "do you", "is it", "don't you": an auxiliary and a subject at `i`.
fn aux_subject_at(s: &Sentence, i: usize, rules: &Rules) -> Option<String> {
    let lex = &rules.lexicon;
    let words = &s.words;
    let aux = word_at(words, i);
    if !contains(&lex.auxiliaries, aux) {
        return None;
    }
    let next = word_at(words, i + 1);
    // "Have a good weekend.", "Do a practice run on Monday.": "have a" / "do a" with no
    // question mark is a wish or a command.
    if !s.question_mark && matches!(aux, "have" | "has" | "do") && matches!(next, "a" | "an") {
        return None;
    }
    if contains(&lex.question_subjects, next) && next != "not" {
        return Some(format!("{aux} {next}"));
    }
    let after = word_at(words, i + 2);
    if next == "not" && contains(&lex.subject_pronouns, after) {
        return Some(format!("{aux} {next} {after}"));
    }
    None
}

/// Whether a cue whose target passes `wanted` matched at word `pos`.
fn cue_at(matches: &[Match], rules: &Rules, pos: usize, wanted: impl Fn(Target) -> bool) -> bool {
    matches
        .iter()
        .any(|m| m.pos == pos && rules.cues.get(m.cue).is_some_and(|c| wanted(c.target)))
}

/// Structural question evidence: wh-words, auxiliaries, question marks, tags.
pub(super) fn question_evidence(
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
    let mut has_form = cue_at(matches, rules, core, |t| {
        matches!(
            t,
            Target::OpenQuestion | Target::ClosedQuestion | Target::Question | Target::Advice
        )
    });

    // An exclamation, not a question: "How exciting!", "What a thoughtful thing to do."
    // (no question mark, and no auxiliary after the wh-word as in "how are you").
    let exclamative = !s.question_mark
        && ((first == "what" && matches!(second, "a" | "an"))
            || (s.exclamation
                && matches!(first, "how" | "what")
                && !contains(&lex.auxiliaries, second)));
    // "When a freeze ends they review it again.": a clause-opening wh-word ("when") that a
    // full stop closes, with no auxiliary after it ("when do you ..."), opens a statement.
    let subordinate = contains(&lex.subordinators, first);
    let written_statement = s.full_stop && subordinate && !contains(&lex.auxiliaries, second);
    if !covered_at_core && !exclamative && !written_statement && contains(&lex.wh_words, first) {
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
        && let Some(cue) = aux_subject_at(s, core, rules)
    {
        out.push(Evidence {
            target: Target::ClosedQuestion,
            weight: w.aux_start,
            reason: fill(&r.aux_start, &cue),
        });
        has_form = true;
    }
    // "..., right?", "..., doesn't it?": a tag in the last clause, weighed below on its own.
    let tag = tag_clause(s, rules);
    if !has_form {
        // A question in a later clause: "I'm curious, what made you call"; "..., is she around".
        // After an opening subordinate clause ("when ...", "if ...", "thinking about ...") a
        // wh-word needs no clause break in speech ("when you think about it what comes up"),
        // but a sentence closed by a full stop is written as a statement ("When I did nights,
        // I never knew what time it was.").
        let subordinate = subordinate && !s.full_stop;
        for i in (core + 1)..words.len() {
            let word = word_at(words, i);
            let next = word_at(words, i + 1);
            let at_clause = s.starts_clause(i)
                || (i > 0
                    && s.starts_clause(i - 1)
                    && s.ids
                        .get(i - 1)
                        .is_some_and(|&id| rules.vocab.is(id, WordClass::DiscourseMarker)));
            if contains(&lex.mid_wh_words, word) {
                let pronoun_next = contains(&lex.subject_pronouns, next) || next.is_empty();
                let inverted = contains(&lex.auxiliaries, next)
                    && contains(&lex.subject_pronouns, word_at(words, i + 2));
                // The last item of a list in a statement: "the rent, the trouble at work,
                // and how little you're sleeping", "and how weekends are the hardest"
                // ("how" + a word, and no auxiliary + pronoun as in "how much do you").
                let list_item = !s.question_mark
                    && word == "how"
                    && matches!(word_at(words, i.wrapping_sub(1)), "and" | "or")
                    && next != "come"
                    && !contains(&lex.auxiliaries, next)
                    && !(contains(&lex.auxiliaries, word_at(words, i + 2))
                        && contains(&lex.subject_pronouns, word_at(words, i + 3)));
                if !list_item
                    && (inverted || (at_clause && !pronoun_next) || (subordinate && !pronoun_next))
                {
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
                && tag.is_none_or(|(at, _)| at != i)
                && let Some(cue) = aux_subject_at(s, i, rules)
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
    // "Which of those feels most urgent, and why?": an open part joined by "and" / "or" after
    // a closed form makes the question open; a fact question joined the same way ("..., and
    // how much is it?", a closed cue where the wh-word stands) does not.
    let closed_form = out.iter().any(|e| e.target == Target::ClosedQuestion);
    if closed_form && s.question_mark {
        let joined_open = (core + 1..words.len()).find(|&i| {
            s.starts_clause(i)
                && matches!(word_at(words, i), "and" | "or")
                && contains(&lex.mid_wh_words, word_at(words, i + 1))
                && !contains(&lex.subject_pronouns, word_at(words, i + 2))
                && !cue_at(matches, rules, i + 1, |t| t == Target::ClosedQuestion)
                && tag.is_none_or(|(at, _)| at != i && at != i + 1)
        });
        if let Some(i) = joined_open {
            out.push(Evidence {
                target: Target::OpenQuestion,
                weight: w.open_part,
                reason: fill(&r.wh_clause, word_at(words, i + 1)),
            });
        }
    }
    if s.question_mark {
        // A reflective opening (not the plain "you" one) and no question form: a
        // restatement said with a rising tone, or with a tag ("Sounds like you're worn out,
        // right?"). "So" before the statement opens it reflectively too ("So the rent's gone
        // up again?"): the typed corpus codes such turns reflections 57 times to 1.
        let stem = !has_form
            && (s.lead_words().iter().any(|w| w == "so")
                || matches.iter().any(|m| {
                    m.pos <= core
                        && rules.cues.get(m.cue).is_some_and(|c| {
                            c.target == Target::Reflection
                                && !w.weak_reflection_cues.contains(&c.name)
                        })
                }));
        if stem {
            notes.push(r.rising_reflection.clone());
        }
        // Coders keep a reflective opening a reflection whether the voice rises or a tag
        // follows (coding manual, DECISION on rising intonation): the "?" or the tag then
        // weighs less than the stem.
        out.push(match tag {
            Some((_, tag)) => Evidence {
                target: Target::ClosedQuestion,
                weight: if stem {
                    w.question_mark_after_stem
                } else {
                    w.tag_question
                },
                reason: fill(&r.tag_question, &tag.join(" ")),
            },
            None => Evidence {
                target: Target::Question,
                weight: if stem {
                    w.question_mark_after_stem
                } else {
                    w.question_mark
                },
                reason: r.question_mark.clone(),
            },
        });
    }
    has_form
}

/// The last clause of a question when it is a tag ("..., right?"): where it starts, and the tag.
fn tag_clause<'r>(s: &Sentence, rules: &'r Rules) -> Option<(usize, &'r [String])> {
    if !s.question_mark {
        return None;
    }
    let at = s
        .clause_start
        .iter()
        .rposition(|&c| c)
        .filter(|&at| at > 0)?;
    let tail = s.words.get(at..)?;
    rules
        .lexicon
        .tag_questions
        .iter()
        .find(|t| t.as_slice() == tail)
        .map(|t| (at, t.as_slice()))
}

/// A command: "call the landlord", "just don't go".
pub(super) fn imperative_evidence(
    s: &Sentence,
    matches: &[Match],
    rules: &Rules,
    out: &mut Vec<Evidence>,
) {
    let lex = &rules.lexicon;
    imperative_at(s, s.core, matches, rules, out);
    // "Next time, count your breaths.": a lead-in clause, then a command.
    if out.iter().any(|e| e.target == Target::Advice)
        || !contains(&lex.command_lead_ins, word_at(&s.words, s.core))
    {
        return;
    }
    if let Some(at) = s
        .clause_start
        .iter()
        .enumerate()
        .skip(s.core + 1)
        .find(|(_, c)| **c)
        .map(|(i, _)| i)
    {
        imperative_at(s, at, matches, rules, out);
    }
}

/// A command starting at word `start`.
fn imperative_at(
    s: &Sentence,
    start: usize,
    matches: &[Match],
    rules: &Rules,
    out: &mut Vec<Evidence>,
) {
    let lex = &rules.lexicon;
    let mut i = start;
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
        .any(|m| m.pos == i || (m.pos == start && !i_would))
    {
        return;
    }
    let verb = word_at(&s.words, i);
    let next = word_at(&s.words, i + 1);
    let listed_verb = s
        .ids
        .get(i)
        .is_some_and(|&id| rules.vocab.is(id, WordClass::ImperativeVerb));
    if !listed_verb || next.is_empty() || contains(&lex.not_imperative_next, next) {
        return;
    }
    // "do not ...", or "do a ..." with no "?": "do you" is a question, handled elsewhere.
    if verb == "do" && (!contains(&lex.do_command_next, next) || (next != "not" && s.question_mark))
    {
        return;
    }
    let cue = match (verb, i_would) {
        ("do", _) => format!("do {next}"),
        (_, true) => format!("i would {verb}"),
        _ => verb.to_string(),
    };
    out.push(Evidence {
        target: Target::Advice,
        weight: rules.weights.imperative,
        reason: fill(&rules.reasons.imperative, &cue),
    });
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fill_replaces_like_str_replace() {
        for template in [
            "",
            "{cue}",
            "starts with '{cue}': an open question",
            "{cue} and {cue}",
            "{{cue}}",
            "{cu {cue",
            "no slot { here }",
            "ends with {",
            "é{cue}ü",
        ] {
            for cue in ["", "how", "{cue}", "you’re"] {
                assert_eq!(fill(template, cue), template.replace("{cue}", cue));
            }
        }
    }
}
