//! Trains the utterance model from the corpus in `assets/utterance/corpus/` and writes
//! `assets/utterance/model.bin` and the coder agreement report.
//!
//! ```text
//! cargo run --release --example train_utterance_model          # retrain, write the files
//! cargo run --release --example train_utterance_model -- --cv  # 5-fold cross-validation
//! cargo run --release --example train_utterance_model -- --cv --writer E,G  # unseen writers
//! cargo run --release --example train_utterance_model -- --cv --context only # peer-line use
//! ```
//!
//! Cross-validation prints each held-out turn's figures alone and with the peer's line (the
//! corpus `context` column); `--errors` lists what is wrong with the peer's line,
//! `--errors-alone` what is wrong from the turn alone.
//!
//! Only the training rows are read for training; the check sets in `tests/data/` are read
//! only to report how far the two coders agree.

use std::fs;

use alongside::domain::utterance::train::{
    self, ContextUse, CorpusRow, Evaluation, SECOND_CODING_FILE, TRAIN_FILES, TrainConfig,
};
use alongside::domain::utterance::{Classifier, rules::RULES_TOML};
use anyhow::{Context, Result};

const CHECK_FILES: [&str; 4] = [
    "tests/data/corpus_check_transcript.tsv",
    "tests/data/corpus_check_typed.tsv",
    "tests/data/corpus_check_typed_blind.tsv",
    "tests/data/corpus_check_typed_blind2.tsv",
];
const MODEL_FILE: &str = "assets/utterance/model.bin";
const AGREEMENT_FILE: &str = "assets/utterance/corpus/AGREEMENT.md";

fn read(path: &str) -> Result<String> {
    fs::read_to_string(path)
        .with_context(|| format!("reading {path} (run from the repository root)"))
}

fn main() -> Result<()> {
    let texts: Vec<String> = TRAIN_FILES.iter().map(|p| read(p)).collect::<Result<_>>()?;
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let second_text = read(SECOND_CODING_FILE)?;
    if std::env::args().any(|a| a == "--cv") {
        return cross_validate(&refs, &second_text);
    }
    let model = train::train_shipped(&refs, &second_text).map_err(anyhow::Error::msg)?;
    let bytes = model.to_bytes();
    fs::write(MODEL_FILE, &bytes).with_context(|| format!("writing {MODEL_FILE}"))?;
    println!("wrote {MODEL_FILE} ({} bytes)", bytes.len());
    write_agreement(&refs, &second_text)?;
    Ok(())
}

fn rows_of(texts: &[&str]) -> Result<Vec<CorpusRow>> {
    let mut rows = Vec::new();
    for t in texts {
        rows.extend(train::parse_corpus(t).map_err(anyhow::Error::msg)?);
    }
    Ok(rows)
}

fn write_agreement(train_texts: &[&str], second_text: &str) -> Result<()> {
    let second = train::parse_second(second_text).map_err(anyhow::Error::msg)?;
    let mut all = rows_of(train_texts)?;
    let checks: Vec<String> = CHECK_FILES.iter().map(|p| read(p)).collect::<Result<_>>()?;
    all.extend(rows_of(
        &checks.iter().map(String::as_str).collect::<Vec<_>>(),
    )?);
    let mut out = String::from(
        "# Agreement between the two coders\n\n\
         Written by `cargo run --release --example train_utterance_model`. The second coder \
         labelled every turn blind, without seeing the first labels. Kappa is Cohen's.\n\n\
         | turns | measure | n | agreement | kappa |\n| --- | --- | --- | --- | --- |\n",
    );
    type Keep = fn(&CorpusRow) -> bool;
    let styles: [(&str, Keep); 3] = [
        ("transcript", |r| r.id.starts_with('T')),
        ("typed", |r| !r.id.starts_with('T')),
        ("all", |_| true),
    ];
    for (name, keep) in styles {
        let rows: Vec<CorpusRow> = all.iter().filter(|r| keep(r)).cloned().collect();
        let a = train::coder_agreement(&rows, &second);
        for (m, x) in [
            ("8 labels", a.labels),
            ("4 groups", a.groups),
            ("depth (both coded a reflection)", a.depth),
        ] {
            out.push_str(&format!(
                "| {name} | {m} | {} | {:.1}% | {:.3} |\n",
                x.n, x.percent, x.kappa
            ));
        }
    }
    let coded = all
        .iter()
        .filter(|r| second.iter().any(|s| s.id == r.id))
        .count();
    out.push_str(&format!(
        "\n{coded} of {} turns have a second coding; training uses the training turns \
         where the two labels agree.\n",
        all.len()
    ));
    fs::write(AGREEMENT_FILE, out).with_context(|| format!("writing {AGREEMENT_FILE}"))?;
    println!("wrote {AGREEMENT_FILE}");
    Ok(())
}

/// 5-fold cross-validation on the agreed training rows: for choosing settings without
/// touching the check sets.
fn cross_validate(train_texts: &[&str], second_text: &str) -> Result<()> {
    let second = train::parse_second(second_text).map_err(anyhow::Error::msg)?;
    let rows = train::agreed_training_rows(&rows_of(train_texts)?, &second);
    let arg_vote = {
        let args: Vec<String> = std::env::args().collect();
        args.iter()
            .position(|a| a == "--strong-vote")
            .and_then(|i| args.get(i + 1).cloned())
    };
    let mut rules_text = match arg_vote {
        Some(v) => RULES_TOML.replace("strong_rule_vote = 1.0", &format!("strong_rule_vote = {v}")),
        None => RULES_TOML.to_string(),
    };
    // `--set name=value` replaces a weight in the rules for this run.
    let args: Vec<String> = std::env::args().collect();
    for pair in args.windows(2).filter(|p| p[0] == "--set").map(|p| &p[1]) {
        let Some((name, value)) = pair.split_once('=') else {
            continue;
        };
        let prefix = format!("{name} = ");
        // The first line only: [weights] comes before [reasons], which reuses some names.
        let mut done = false;
        rules_text = rules_text
            .lines()
            .map(|l| {
                if !done && l.starts_with(&prefix) {
                    done = true;
                    format!("{prefix}{value}")
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
    }
    let rules = Classifier::from_toml(&rules_text)?;
    let arg = |name: &str| -> Option<f64> {
        let args: Vec<String> = std::env::args().collect();
        let i = args.iter().position(|a| a == name)?;
        args.get(i + 1)?.parse().ok()
    };
    let mut cfg = TrainConfig::default();
    if let Some(e) = arg("--epochs") {
        cfg.epochs = e as usize;
    }
    if let Some(x) = arg("--lr") {
        cfg.learning_rate = x;
    }
    if let Some(x) = arg("--l2") {
        cfg.l2 = x;
    }
    if let Some(x) = arg("--depth-lr") {
        cfg.depth_learning_rate = x;
    }
    if let Some(x) = arg("--depth-l2") {
        cfg.depth_l2 = x;
    }
    if std::env::args().any(|a| a == "--depth-without-length") {
        cfg.depth_uses_length = false;
    }
    // `--context ignore|both|only`: how training uses the peer's line (default: both).
    if let Some(mode) = args
        .iter()
        .position(|a| a == "--context")
        .and_then(|i| args.get(i + 1))
    {
        cfg.context = match mode.as_str() {
            "ignore" => ContextUse::Ignore,
            "only" => ContextUse::Only,
            _ => ContextUse::Both,
        };
    }
    let show_errors = std::env::args().any(|a| a == "--errors" || a == "--errors-alone");
    let errors_alone = std::env::args().any(|a| a == "--errors-alone");
    // `--writer E,G,Za`: hold out each named writer's block (ids starting with that prefix)
    // in turn, training on everything else: how the model does on a writer it never saw,
    // closer to a held-out set than shuffled folds.
    let writers: Vec<String> = {
        let args: Vec<String> = std::env::args().collect();
        args.iter()
            .position(|a| a == "--writer")
            .and_then(|i| args.get(i + 1))
            .map(|s| {
                s.split(',')
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    };
    let held = |fold: usize, i: usize, r: &CorpusRow| -> bool {
        match writers.get(fold) {
            Some(w) => r.id.starts_with(w.as_str()),
            None => i % 5 == fold,
        }
    };
    let folds = if writers.is_empty() { 5 } else { writers.len() };
    let mut by_style = [Evaluation::new(), Evaluation::new()];
    let mut in_context = [Evaluation::new(), Evaluation::new()];
    let mut rules_only = [Evaluation::new(), Evaluation::new()];
    for fold in 0..folds {
        let fit: Vec<CorpusRow> = rows
            .iter()
            .enumerate()
            .filter(|(i, r)| !held(fold, *i, r))
            .map(|(_, r)| r.clone())
            .collect();
        let model = train::train(&rules, &fit, cfg);
        let c = rules.clone().with_model(Some(model));
        for (i, r) in rows.iter().enumerate() {
            if !held(fold, i, r) {
                continue;
            }
            let style = usize::from(!r.id.starts_with('T'));
            let alone = c.classify(&r.text);
            let peer = (!r.context.trim().is_empty()).then_some(r.context.as_str());
            let with = c.classify_in_context(&r.text, peer);
            in_context[style].add(r.label, r.depth, &with);
            // `--errors` lists what the model gets wrong knowing the peer's line;
            // `--errors-alone`, what it gets wrong from the turn alone.
            let fb = if errors_alone { &alone } else { &with };
            let depth_wrong = r.label == fb.label
                && r.depth.is_some()
                && fb.reflection_depth.is_some()
                && r.depth != fb.reflection_depth;
            if show_errors && (fb.label != r.label || depth_wrong) {
                println!(
                    "WRONG {} {}/{:?} -> {}/{:?} | {} | {:?}",
                    r.id,
                    r.label.id(),
                    r.depth,
                    fb.label.id(),
                    fb.reflection_depth,
                    r.text,
                    fb.reasons
                );
            }
            by_style[style].add(r.label, r.depth, &alone);
            rules_only[style].add(r.label, r.depth, &rules.classify(&r.text));
        }
    }
    let how = if writers.is_empty() {
        "5-fold".to_string()
    } else {
        format!("writers held out: {writers:?}")
    };
    for (i, name) in ["transcript", "typed"].iter().enumerate() {
        if by_style[i].n == 0 {
            continue;
        }
        print!(
            "{}",
            rules_only[i].report(&format!("rules alone, {name} ({how})"))
        );
        print!(
            "{}",
            by_style[i].report(&format!("rules + model, {name}, turn alone ({how})"))
        );
        print!(
            "{}",
            in_context[i].report(&format!(
                "rules + model, {name}, with the peer's line where known ({how})"
            ))
        );
    }
    Ok(())
}
