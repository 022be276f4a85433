//! Reference search budget: results must update on every key press with no visible lag, so
//! one search (what a key press runs) should take well under 16 ms, a frame at 60 Hz.
//! Plain `std::time` measurements (no harness): `cargo bench --bench reference_search`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use alongside::content::{self, SearchIndex};

/// Queries typed one character at a time, as a person would.
const TYPED: &[&str] = &[
    "three steps gentle refusal",
    "a good open question for exploring values",
    "the signs a peer is ready to plan",
    "refelctive listening",
    "decisional balance",
    "988",
    "ask permission share",
    "trauma informed care",
    "advance directives",
    "warning signs safety plan",
];

fn main() {
    let content = match content::builtin() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("the built-in content did not load: {e}");
            std::process::exit(1);
        }
    };

    let mut flatten = Vec::new();
    let mut builds = Vec::new();
    let mut index = None;
    for _ in 0..10 {
        let start = Instant::now();
        let entries = content.reference_entries();
        flatten.push(start.elapsed());
        let start = Instant::now();
        let idx = SearchIndex::new(entries);
        builds.push(start.elapsed());
        index = Some(idx);
    }
    let Some(mut index) = index else { return };
    let body_chars: usize = index.entries().iter().map(|e| e.body.chars().count()).sum();
    println!(
        "{} entries, {} body characters, {} distinct words",
        index.entries().len(),
        body_chars,
        index.vocabulary_size()
    );
    report("content.reference_entries()", &mut flatten);
    report("SearchIndex::new", &mut builds);

    let mut keys = Vec::new();
    let mut cold = Vec::new();
    let mut hits = 0;
    for _ in 0..5 {
        for q in TYPED {
            for (end, _) in q.char_indices().skip(1).chain([(q.len(), ' ')]) {
                let start = Instant::now();
                let r = index.search(black_box(&q[..end]));
                keys.push(start.elapsed());
                hits += r.hits.len();
            }
            // The whole query at once (pasted, or typed after a different search).
            index.search("zzz");
            let start = Instant::now();
            hits += index.search(black_box(q)).hits.len();
            cold.push(start.elapsed());
        }
    }
    black_box(hits);
    report("one key press while typing", &mut keys);
    report("a whole query from scratch", &mut cold);
}

fn report(what: &str, times: &mut [Duration]) {
    times.sort();
    let n = times.len();
    let total: Duration = times.iter().sum();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{what}: {n} runs, mean {:.3} ms, median {:.3} ms, p95 {:.3} ms, max {:.3} ms",
        ms(total / n as u32),
        ms(times[n / 2]),
        ms(times[(n * 95 / 100).min(n - 1)]),
        ms(times[n - 1]),
    );
}
