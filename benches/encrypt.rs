//! Turning encryption on and off for a whole data folder: `alongside encrypt` and
//! `alongside decrypt` on 10,000 saved sessions by default. Plain `std::time` measurements:
//! `cargo bench --bench encrypt`. Set `ALONGSIDE_BENCH_SESSIONS` to try another size
//! (100000) and `ALONGSIDE_BENCH_RUNS` for the number of encrypt-then-decrypt rounds.
//!
//! Each run derives a key from the passphrase once (scrypt, which age calibrates to about a
//! second on purpose); that step is timed on its own and left out of the conversion figures.
//! Goals (medians, release build, 2 cores): encrypt <= 5 s at 10k, <= 50 s at 100k.

mod common;

use std::time::{Duration, Instant};

use alongside::domain::secret::Passphrase;
use alongside::storage::Store;
use alongside::storage::crypt::migrate::{self, Options};

fn main() {
    let sessions: usize = env_number("ALONGSIDE_BENCH_SESSIONS").unwrap_or(10_000);
    let runs = env_number("ALONGSIDE_BENCH_RUNS")
        .unwrap_or(if sessions > 20_000 { 1 } else { 3 })
        .max(1);
    let dir = common::temp_dir();
    let generated = common::generate(dir.path(), sessions, (sessions / 200).max(6));
    let (files, bytes) = folder_size(dir.path());
    println!(
        "generated {} sessions in {:.2} s: {files} files, {:.1} MB",
        generated.sessions,
        generated.elapsed.as_secs_f64(),
        bytes as f64 / 1e6
    );
    let pass = Passphrase::from("bench passphrase");

    let mut encrypt = Vec::new();
    let mut decrypt = Vec::new();
    let mut derive = Vec::new();
    let mut converted = 0;
    for _ in 0..runs {
        let (took, report) = timed(|| migrate::encrypt(dir.path(), &pass, Options::default()));
        assert!(
            report.converted > generated.sessions,
            "encrypt left files out"
        );
        converted = report.converted;
        encrypt.push(took.saturating_sub(report.passphrase_time));
        derive.push(report.passphrase_time);

        let (took, report) = timed(|| migrate::decrypt(dir.path(), &pass, Options::default()));
        assert_eq!(report.converted, converted, "decrypt left files out");
        decrypt.push(took.saturating_sub(report.passphrase_time));
        derive.push(report.passphrase_time);
    }
    // The folder is plain again and whole.
    let (store, problems) = Store::open(dir.path()).expect("open");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(store.sessions().len(), generated.sessions);

    println!("{converted} files converted each way per run");
    common::report(
        &format!("encrypt {sessions} sessions (passphrase step excluded)"),
        encrypt,
    );
    common::report(
        &format!("decrypt {sessions} sessions (passphrase step excluded)"),
        decrypt,
    );
    common::report("passphrase step (scrypt, once per command)", derive);
}

/// Runs one conversion and returns how long it took with what it reported.
fn timed(
    f: impl FnOnce() -> Result<migrate::Report, alongside::storage::crypt::CryptError>,
) -> (Duration, migrate::Report) {
    let start = Instant::now();
    match f() {
        Ok(report) => (start.elapsed(), report),
        Err(e) => {
            eprintln!("conversion failed: {e}");
            std::process::exit(1);
        }
    }
}

/// The number of files under `dir` and their total size.
fn folder_size(dir: &std::path::Path) -> (usize, u64) {
    let mut files = 0;
    let mut bytes = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(entry.path()),
                Ok(t) if t.is_file() => {
                    files += 1;
                    bytes += entry.metadata().map(|m| m.len()).unwrap_or(0);
                }
                _ => {}
            }
        }
    }
    (files, bytes)
}

fn env_number(name: &str) -> Option<usize> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}
