//! Accuracy of the utterance classifier on labelled sets in `tests/data/`.
//!
//! Run with `cargo test --test utterance_labelled -- --nocapture` to see the confusion
//! matrices (rows: true label, columns: predicted) and per-class precision and recall.
//!
//! * `utterances.tsv` (348 rows) was written before any rules. Every 5th data row is held
//!   out: rules were tuned only on the other rows (set `UTTERANCE_SHOW_ERRORS=1` to list the
//!   training rows that are wrong; held-out rows are never listed).
//! * `utterances_fresh.tsv` (120 rows, transcript-like) was written after the first rules and
//!   measured before it was used for error analysis (then: 84.2% 8-way, 85.8% four-way,
//!   93.3% open vs closed); it has been tuned on since.
//! * `utterances_check.tsv` (70 rows) was written after all tuning and is only measured.
//!
//! The four-way grouping folds summaries into reflections (MITI 4 codes a summary as a
//! complex reflection) and affirmations into other.

use alongside::domain::utterance::train::{Evaluation, parse_corpus, parse_second};
use alongside::domain::utterance::{Depth, Group, Label, classify, classify_in_context};

/// Check sets of the corpus (see the README's utterance-engine section): written with the
/// training turns but never trained or tuned on.
const CHECK_TRANSCRIPT: &str = include_str!("data/corpus_check_transcript.tsv");
const CHECK_TYPED: &str = include_str!("data/corpus_check_typed.tsv");
/// Typed answers from a writer who never saw the engine, second-coded blind; measured only.
const CHECK_TYPED_BLIND: &str = include_str!("data/corpus_check_typed_blind.tsv");
/// Typed answers from a fourth writer who never saw the engine (a natural mix of labels),
/// second-coded blind; measured only.
const CHECK_TYPED_BLIND2: &str = include_str!("data/corpus_check_typed_blind2.tsv");
const SECOND_CODING: &str = include_str!("../assets/utterance/corpus/second_coding.tsv");

/// A corpus check set measured twice: each turn alone, and with the peer's line before it
/// (the set's `context` column, as a drill knows its prompt statement).
struct Measured {
    /// Against the first coding, each turn alone.
    alone: Evaluation,
    /// Against the first coding, with the peer's line where the row has one.
    with_context: Evaluation,
    /// Turns both coders agree on, with the peer's line.
    agreed: Evaluation,
}

/// Measures a corpus check set against the first coding, and against the turns both coders
/// agree on.
fn evaluate_corpus(name: &str, text: &str) -> Measured {
    let rows = parse_corpus(text).expect("check set parses");
    let second = parse_second(SECOND_CODING).expect("second coding parses");
    let mut alone = Evaluation::new();
    let mut with_context = Evaluation::new();
    let mut agreed_alone = Evaluation::new();
    let mut agreed = Evaluation::new();
    for r in &rows {
        let fb = classify(&r.text);
        let peer = Some(r.context.as_str()).filter(|c| !c.trim().is_empty());
        let fc = classify_in_context(&r.text, peer);
        alone.add(r.label, r.depth, &fb);
        with_context.add(r.label, r.depth, &fc);
        let s = second.iter().find(|s| s.id == r.id);
        if s.is_none_or(|s| s.label == r.label) {
            let depth = match s {
                Some(s) if s.depth != r.depth => None,
                _ => r.depth,
            };
            agreed_alone.add(r.label, depth, &fb);
            agreed.add(r.label, depth, &fc);
        }
    }
    print!(
        "{}",
        alone.report(&format!("{name}, first coding, turn alone"))
    );
    print!(
        "{}",
        agreed_alone.report(&format!("{name}, turns both coders agree on, turn alone"))
    );
    print!(
        "{}",
        with_context.report(&format!("{name}, first coding, with the peer's line"))
    );
    print!(
        "{}",
        agreed.report(&format!(
            "{name}, turns both coders agree on, with the peer's line"
        ))
    );
    Measured {
        alone,
        with_context,
        agreed,
    }
}

/// Floors just under what the shipped model reaches (8 labels, simple vs complex), each turn
/// alone and with the peer's line: a regression is caught.
struct Floors {
    alone: (f64, f64),
    with_context: (f64, f64),
}

fn hold_to(name: &str, m: &Measured, floors: &Floors) {
    for (how, e, (acc_floor, depth_floor)) in [
        ("alone", &m.alone, floors.alone),
        ("with the peer's line", &m.with_context, floors.with_context),
    ] {
        let acc = e.accuracy();
        let depth = e.depth_accuracy();
        assert!(
            acc >= acc_floor,
            "{name} ({how}): 8-label accuracy {acc:.3} is below {acc_floor}"
        );
        assert!(
            depth >= depth_floor,
            "{name} ({how}): simple vs complex {depth:.3} is below {depth_floor}"
        );
    }
}

#[test]
fn transcript_check_set_meets_the_goals() {
    let m = evaluate_corpus("check set: transcript style", CHECK_TRANSCRIPT);
    assert!(
        m.alone.n >= 200,
        "transcript check set has {} turns",
        m.alone.n
    );
    for e in [&m.alone, &m.with_context] {
        let oc = e.open_closed_accuracy();
        let f1 = e.group_macro_f1();
        assert!(oc >= 0.80, "open vs closed {oc:.3} is below 0.80");
        assert!(f1 >= 0.72, "4-way macro-F1 {f1:.3} is below 0.72");
    }
}

#[test]
fn typed_check_set_meets_the_goals() {
    let name = "check set: clean typed answers";
    let m = evaluate_corpus(name, CHECK_TYPED);
    assert!(m.alone.n >= 80, "typed check set has {} turns", m.alone.n);
    // The goals are 0.96 (8 labels) and 0.92 (depth); the shipped model reaches 0.94 / 0.912
    // alone and 0.94 / 1.00 with the peer's line (8 labels NOT met, see the README).
    hold_to(
        name,
        &m,
        &Floors {
            alone: (0.935, 0.91),
            // One reflection of 34 may move with a retrain: still above the goal.
            with_context: (0.935, 0.965),
        },
    );
}

/// Measures a blind typed check set (200 turns, second-coded blind).
fn measure_blind_set(name: &str, text: &str, floors: &Floors) {
    let m = evaluate_corpus(name, text);
    assert!(m.alone.n >= 200, "{name} has {} turns", m.alone.n);
    assert!(
        m.agreed.n >= 190,
        "second coding covers {name}: {} agreed",
        m.agreed.n
    );
    hold_to(name, &m, floors);
}

#[test]
fn blind_typed_check_set_is_measured() {
    // The goals are 0.96 and 0.92; the shipped model reaches 0.94 / 0.98 alone and
    // 0.95 / 0.966 with the peer's line (depth met; 8 labels NOT met, two turns short with
    // the line, see the README).
    measure_blind_set(
        "check set: typed answers written blind",
        CHECK_TYPED_BLIND,
        &Floors {
            alone: (0.93, 0.975),
            with_context: (0.95, 0.96),
        },
    );
}

#[test]
fn second_blind_typed_check_set_is_measured() {
    // The goals are 0.96 and 0.92; the shipped model reaches 0.97 / 0.867 alone and
    // 0.97 / 0.95 with the peer's line (both met with the line, 8 labels alone too; see the
    // README). Depth alone was 0.883 (53 of 60) before the depth model's own step size and
    // decay: one turn fewer here, while 5-fold and held-out writers rose.
    measure_blind_set(
        "check set: typed answers written blind, fourth writer",
        CHECK_TYPED_BLIND2,
        &Floors {
            alone: (0.965, 0.86),
            with_context: (0.96, 0.945),
        },
    );
}

struct Row {
    label: Label,
    depth: Option<Depth>,
    text: String,
    held_out: bool,
}

fn load() -> Vec<Row> {
    parse(include_str!("data/utterances.tsv"))
}

/// The second set, written after the rules in a transcript-like style; never tuned on.
fn load_fresh() -> Vec<Row> {
    parse(include_str!("data/utterances_fresh.tsv"))
}

/// The third set, written after all tuning; only ever measured, never tuned on.
fn load_check() -> Vec<Row> {
    parse(include_str!("data/utterances_check.tsv"))
}

fn parse(data: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut index = 0;
    for line in data.lines() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("label\t") {
            continue;
        }
        let mut parts = line.splitn(3, '\t');
        let (Some(label), Some(depth), Some(text)) = (parts.next(), parts.next(), parts.next())
        else {
            panic!("bad row: {line}");
        };
        let label = Label::from_id(label).unwrap_or_else(|| panic!("bad label in: {line}"));
        let depth = Depth::from_id(depth);
        rows.push(Row {
            label,
            depth,
            text: text.to_string(),
            held_out: index % 5 == 4,
        });
        index += 1;
    }
    rows
}

struct Report {
    n: usize,
    correct: usize,
    q_total: usize,
    q_correct: usize,
    g_correct: usize,
    depth_total: usize,
    depth_correct: usize,
}

fn evaluate(name: &str, rows: &[&Row]) -> Report {
    let mut matrix = [[0usize; 8]; 8];
    let mut group_matrix = [[0usize; 4]; 4];
    let mut r = Report {
        n: rows.len(),
        correct: 0,
        q_total: 0,
        q_correct: 0,
        g_correct: 0,
        depth_total: 0,
        depth_correct: 0,
    };
    // Held-out and check rows are never listed, so they cannot leak into tuning.
    let show = std::env::var("UTTERANCE_SHOW_ERRORS").is_ok() && !name.starts_with("check");
    let gi = |g: Group| match g {
        Group::Question => 0,
        Group::Reflection => 1,
        Group::Input => 2,
        Group::Other => 3,
    };
    for row in rows {
        let fb = classify(&row.text);
        let t = Label::ALL.iter().position(|&l| l == row.label).unwrap_or(7);
        let p = Label::ALL.iter().position(|&l| l == fb.label).unwrap_or(7);
        matrix[t][p] += 1;
        group_matrix[gi(row.label.group())][gi(fb.label.group())] += 1;
        if row.label == fb.label {
            r.correct += 1;
        }
        if row.label.group() == fb.label.group() {
            r.g_correct += 1;
        }
        if row.label.is_question() {
            r.q_total += 1;
            if fb.label == row.label {
                r.q_correct += 1;
            }
        }
        if row.label == Label::Reflection && fb.label == Label::Reflection {
            r.depth_total += 1;
            if fb.reflection_depth == row.depth {
                r.depth_correct += 1;
            }
        }
        let depth_wrong = row.label == Label::Reflection
            && fb.label == Label::Reflection
            && fb.reflection_depth != row.depth;
        if show && !row.held_out && (row.label != fb.label || depth_wrong) {
            println!(
                "WRONG {:>16} {:?} -> {:>16} {:?} | {} | {:?}",
                row.label.id(),
                row.depth,
                fb.label.id(),
                fb.reflection_depth,
                row.text,
                fb.reasons
            );
        }
    }
    let short = [
        "open", "closed", "refl", "affirm", "summ", "info", "advice", "other",
    ];
    println!("\n== {name}: {} utterances", r.n);
    println!("confusion matrix (rows: true, columns: predicted)");
    print!("{:>8}", "");
    for s in short {
        print!("{s:>8}");
    }
    println!();
    for (s, row) in short.iter().zip(&matrix) {
        print!("{s:>8}");
        for n in row {
            print!("{n:>8}");
        }
        println!();
    }
    println!(
        "{:>8} {:>9} {:>9} {:>9}",
        "class", "precision", "recall", "support"
    );
    for (i, s) in short.iter().enumerate() {
        let tp = matrix[i][i];
        let predicted: usize = (0..8).map(|t| matrix[t][i]).sum();
        let actual: usize = matrix[i].iter().sum();
        let pct = |a: usize, b: usize| {
            if b == 0 {
                "-".to_string()
            } else {
                format!("{:.1}%", 100.0 * a as f64 / b as f64)
            }
        };
        println!(
            "{s:>8} {:>9} {:>9} {actual:>9}",
            pct(tp, predicted),
            pct(tp, actual)
        );
    }
    let groups = ["question", "reflect", "input", "other"];
    println!("four-way grouping (summary -> reflection, affirmation -> other)");
    print!("{:>9}", "");
    for g in groups {
        print!("{g:>9}");
    }
    println!();
    for (g, row) in groups.iter().zip(&group_matrix) {
        print!("{g:>9}");
        for n in row {
            print!("{n:>9}");
        }
        println!();
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!(
        "8-way accuracy:          {:.1}% ({}/{})",
        pct(r.correct, r.n),
        r.correct,
        r.n
    );
    println!(
        "4-way group accuracy:    {:.1}% ({}/{})",
        pct(r.g_correct, r.n),
        r.g_correct,
        r.n
    );
    println!(
        "open vs closed accuracy: {:.1}% ({}/{} true questions)",
        pct(r.q_correct, r.q_total),
        r.q_correct,
        r.q_total
    );
    println!(
        "reflection depth:        {:.1}% ({}/{} reflections predicted as reflections)",
        pct(r.depth_correct, r.depth_total),
        r.depth_correct,
        r.depth_total
    );
    r
}

#[test]
fn labelled_set_accuracy() {
    let rows = load();
    assert!(rows.len() >= 300, "labelled set has {} rows", rows.len());
    let train: Vec<&Row> = rows.iter().filter(|r| !r.held_out).collect();
    let held: Vec<&Row> = rows.iter().filter(|r| r.held_out).collect();
    let all: Vec<&Row> = rows.iter().collect();
    println!("(run with --nocapture to see this report)");
    let tr = evaluate("training rows (4 of every 5)", &train);
    let ho = evaluate("held-out rows (every 5th, never tuned on)", &held);
    let al = evaluate("all rows", &all);
    for (name, r) in [("all", &al), ("held-out", &ho), ("training", &tr)] {
        let q = r.q_correct as f64 / r.q_total.max(1) as f64;
        let g = r.g_correct as f64 / r.n.max(1) as f64;
        assert!(
            q >= 0.90,
            "{name}: open vs closed accuracy {:.1}% is below 90%",
            100.0 * q
        );
        assert!(
            g >= 0.75,
            "{name}: four-way accuracy {:.1}% is below 75%",
            100.0 * g
        );
    }
}

#[test]
fn fresh_set_accuracy() {
    let rows = load_fresh();
    assert!(rows.len() >= 100, "fresh set has {} rows", rows.len());
    let all: Vec<&Row> = rows.iter().collect();
    let r = evaluate(
        "fresh transcript-style rows (written after the rules)",
        &all,
    );
    let q = r.q_correct as f64 / r.q_total.max(1) as f64;
    let g = r.g_correct as f64 / r.n.max(1) as f64;
    assert!(
        q >= 0.90,
        "fresh: open vs closed accuracy {:.1}% is below 90%",
        100.0 * q
    );
    assert!(
        g >= 0.75,
        "fresh: four-way accuracy {:.1}% is below 75%",
        100.0 * g
    );
}

#[test]
fn check_set_accuracy() {
    let rows = load_check();
    let all: Vec<&Row> = rows.iter().collect();
    let r = evaluate(
        "check rows (written after all tuning, never tuned on)",
        &all,
    );
    let q = r.q_correct as f64 / r.q_total.max(1) as f64;
    let g = r.g_correct as f64 / r.n.max(1) as f64;
    assert!(
        q >= 0.90,
        "check: open vs closed accuracy {:.1}% is below 90%",
        100.0 * q
    );
    assert!(
        g >= 0.75,
        "check: four-way accuracy {:.1}% is below 75%",
        100.0 * g
    );
}

#[test]
fn labelled_set_is_balanced_and_varied() {
    let rows = load();
    let count = |l: Label| rows.iter().filter(|r| r.label == l).count();
    assert!(count(Label::OpenQuestion) >= 70);
    assert!(count(Label::ClosedQuestion) >= 60);
    assert!(count(Label::Reflection) >= 80);
    assert!(count(Label::Affirmation) >= 30);
    assert!(count(Label::Summary) >= 15);
    assert!(count(Label::Information) >= 20);
    assert!(count(Label::Advice) >= 25);
    assert!(count(Label::Other) >= 20);
    for r in &rows {
        assert_eq!(
            r.depth.is_some(),
            r.label == Label::Reflection,
            "depth only for reflections: {}",
            r.text
        );
    }
}

/// Retraining from the corpus in the repository gives the shipped weights, byte for byte.
/// Slow unoptimised: run with `cargo test --release --test utterance_labelled -- --ignored`.
#[test]
#[ignore]
fn retraining_reproduces_the_shipped_model() {
    let train = [
        include_str!("../assets/utterance/corpus/transcript_train.tsv"),
        include_str!("../assets/utterance/corpus/typed_train.tsv"),
    ];
    let model = alongside::domain::utterance::train::train_shipped(&train, SECOND_CODING)
        .expect("corpus parses");
    let shipped: &[u8] = include_bytes!("../assets/utterance/model.bin");
    assert!(
        model.to_bytes() == shipped,
        "retrained weights differ from the shipped file"
    );
}

/// The label a reason concludes, if it concludes one: reasons end in what they read the
/// words as ("...: an open question", "...: a reflection").
fn concluded_label(reason: &str) -> Option<Label> {
    let ends = |s: &str| reason.ends_with(s);
    if ends(": an open question") {
        Some(Label::OpenQuestion)
    } else if ends(": a yes/no question")
        || ends("(closed) question")
        || reason.contains(": a short-answer (closed) question")
    {
        Some(Label::ClosedQuestion)
    } else if ends(": a reflection") || ends(": read as a reflection of what was said") {
        Some(Label::Reflection)
    } else if ends(": a summary") {
        Some(Label::Summary)
    } else if ends(": other") {
        Some(Label::Other)
    } else {
        Label::ALL.into_iter().find(|l| {
            reason == format!("the turn as a whole reads as {} (learned model)", l.name())
        })
    }
}

/// Feedback never contradicts its own label: no reason concludes a different label, on
/// every turn of every check set. "What time is your appointment?" is closed because it
/// asks for a fact, and the reasons say so.
#[test]
fn reasons_agree_with_the_label_on_every_check_item() {
    let mut texts: Vec<String> = Vec::new();
    for set in [CHECK_TRANSCRIPT, CHECK_TYPED] {
        texts.extend(
            parse_corpus(set)
                .expect("check set parses")
                .into_iter()
                .map(|r| r.text),
        );
    }
    for set in [
        include_str!("data/utterances_check.tsv"),
        include_str!("data/utterances_fresh.tsv"),
    ] {
        texts.extend(parse(set).into_iter().map(|r| r.text));
    }
    let mut wrong = Vec::new();
    for t in &texts {
        let fb = classify(t);
        for reason in &fb.reasons {
            if let Some(l) = concluded_label(reason)
                && l != fb.label
            {
                wrong.push(format!("{} -> {} but {reason:?}", t, fb.label.id()));
            }
        }
        if fb.reasons.is_empty() {
            wrong.push(format!("{t} -> {} with no reason", fb.label.id()));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} turns contradict their label:\n{}",
        wrong.len(),
        texts.len(),
        wrong.join("\n")
    );
    let fb = classify("What time is your appointment?");
    assert_eq!(fb.label, Label::ClosedQuestion);
    assert!(
        fb.reasons
            .iter()
            .any(|r| r.contains("'what time' asks for a specific fact")),
        "{:?}",
        fb.reasons
    );
}
