//! Utterances classified per second by the shipped engine (rules + learned model), one
//! process, one thread. Budget: at least 50,000 a second.

use std::time::Instant;

use alongside::domain::utterance::{classify, classify_in_context};

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
    let cpu_start = thread_cpu_ns();
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
    print_cpu_rate(n, cpu_start);
    with_peer_lines();
}

/// The same turns read against the peer's line before each (the corpus `context` column), as
/// the drills read an answer: the peer's line is split and compared too.
fn with_peer_lines() {
    let pairs: Vec<(Option<&str>, &str)> = CORPUS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let f: Vec<&str> = l.splitn(6, '\t').collect();
            let peer = f.get(4).copied().filter(|c| !c.trim().is_empty());
            Some((peer, *f.get(5)?))
        })
        .collect();
    let rounds = 20;
    let cpu_start = thread_cpu_ns();
    let start = Instant::now();
    for _ in 0..rounds {
        for (peer, t) in &pairs {
            std::hint::black_box(classify_in_context(t, *peer));
        }
    }
    let n = rounds * pairs.len();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "with the peer's line: {n} turns in {secs:.3} s = {:.0} per second",
        n as f64 / secs
    );
    print_cpu_rate(n, cpu_start);
}

/// The rate of `n` turns by this thread's CPU time since `cpu_start`: on a loaded machine
/// wall time counts the time other processes held the CPU; the thread's own CPU time shows
/// what one process needs.
fn print_cpu_rate(n: usize, cpu_start: Option<u64>) {
    if let (Some(a), Some(b)) = (cpu_start, thread_cpu_ns()) {
        let cpu = (b.saturating_sub(a)) as f64 / 1e9;
        if cpu > 0.0 {
            println!(
                "  by this thread's CPU time: {cpu:.3} s = {:.0} per second",
                n as f64 / cpu
            );
        }
    }
}

/// Nanoseconds this thread has run on a CPU (Linux); `None` elsewhere.
fn thread_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}
