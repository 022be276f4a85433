//! Utterances classified per second by the shipped engine (rules + learned model), one
//! process, one thread. Budget: at least 50,000 a second.

use std::time::Instant;

use alongside::domain::utterance::classify;

const CORPUS: &str = include_str!("../tests/data/corpus_check_transcript.tsv");

fn main() {
    let texts: Vec<&str> = CORPUS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.splitn(6, '\t').nth(5))
        .collect();
    // Warm up: compile the rules, load the model.
    for t in &texts {
        std::hint::black_box(classify(t));
    }
    let rounds = 20;
    let start = Instant::now();
    for _ in 0..rounds {
        for t in &texts {
            std::hint::black_box(classify(t));
        }
    }
    let n = rounds * texts.len();
    let secs = start.elapsed().as_secs_f64();
    let rate = n as f64 / secs;
    println!(
        "utterance classify: {n} transcript turns in {secs:.3} s = {rate:.0} per second (budget 50000)"
    );
}
