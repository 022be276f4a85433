//! Durability, proven: the real binary saves notes in a loop and is killed with SIGKILL at
//! random moments, hundreds of times. After every kill, every note it reported saved must
//! read back byte for byte, and the store must open cleanly: nothing quarantined, nothing
//! unreadable, the index listing exactly the notes on disk.
//!
//! The loop runs both ways: calling the store directly, and through the app itself (keys,
//! autosave on a tick, the summary's Ctrl+S), so the path a person uses is killed too. A
//! trial fails if the process ever stops by itself or prints anything (a panic after
//! "ready", a refused save).
//!
//! `cargo test --test crash_harness` runs a few hundred trials (well under a minute);
//! `cargo test --test crash_harness -- --ignored` runs thousands.

#![cfg(unix)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use alongside::cli::debug::{NOTE_MARKER, loop_session};
use alongside::domain::secret::Passphrase;
use alongside::storage::crypt::{self, migrate};
use alongside::storage::schema::encode_session;
use alongside::storage::{ProblemKind, Store};
use uuid::Uuid;

const PASSPHRASE: &str = "harness passphrase";

/// A small, seedable generator for kill times (no dependency needed for this).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

struct Outcome {
    trials: usize,
    notes_checked: usize,
    kills_mid_run: usize,
    /// The most notes one folder held, to show kills land among saves.
    saved_total: usize,
}

/// Runs `trials` kill trials on one data folder (new folders every `per_dir` trials so it
/// stays small), checking everything after each.
fn run(trials: usize, encrypted: bool, through_app: bool, seed: u64) -> Outcome {
    let bin = env!("CARGO_BIN_EXE_alongside");
    let mut rng = Rng(seed | 1);
    let mut out = Outcome {
        trials: 0,
        notes_checked: 0,
        kills_mid_run: 0,
        saved_total: 0,
    };
    let per_dir = 25;
    let mut dir = scratch_dir();
    // Notes reported saved so far in this folder: id -> (loop seed, n).
    let mut saved: BTreeMap<Uuid, (u64, u64)> = BTreeMap::new();
    for trial in 0..trials {
        if trial % per_dir == 0 {
            crypt::forget(dir.path());
            dir = scratch_dir();
            saved.clear();
            if encrypted {
                prepare_encrypted(dir.path());
            }
        }
        let loop_seed = seed.wrapping_mul(1000).wrapping_add(trial as u64);
        let mut cmd = Command::new(bin);
        cmd.arg("debug-save-loop")
            .arg("--data-dir")
            .arg(dir.path())
            .arg("--seed")
            .arg(loop_seed.to_string())
            .env_remove("ALONGSIDE_PASSPHRASE")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if through_app {
            cmd.arg("--through-app");
        }
        if encrypted {
            cmd.env("ALONGSIDE_PASSPHRASE", PASSPHRASE);
        }
        let mut child = cmd.spawn().expect("spawn");
        let stdout = child.stdout.take().expect("stdout");
        let mut stderr = child.stderr.take().expect("stderr");
        let errors = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = std::io::Read::read_to_string(&mut stderr, &mut text);
            text
        });
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        // One trial in eight is killed while the store is still opening (tidying up after
        // the previous kill); the rest somewhere in the first few dozen saves, so every step
        // of saving a draft, a note, the index and removing the draft is hit.
        let mut lines = Vec::new();
        if rng.below(8) == 0 {
            std::thread::sleep(Duration::from_micros(rng.below(30_000)));
        } else {
            let deadline = Instant::now() + Duration::from_secs(20);
            loop {
                match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                    Ok(line) if line == "ready" => break,
                    Ok(line) => lines.push(line),
                    Err(_) => panic!("the save loop never became ready"),
                }
            }
            std::thread::sleep(Duration::from_micros(rng.below(60_000)));
        }
        let ended_by_itself = child.try_wait().expect("wait").is_some();
        if !ended_by_itself {
            out.kills_mid_run += 1;
        }
        let _ = child.kill(); // SIGKILL
        let status = child.wait().expect("wait");
        assert!(!status.success(), "the loop never ends by itself");
        let _ = reader.join();
        // A killed process prints nothing: anything on standard error (a panic, a failed
        // save, a refused open) fails the trial.
        let errors = errors.join().unwrap_or_default();
        assert!(
            errors.is_empty() && !ended_by_itself,
            "trial {trial}: the loop stopped by itself or reported: {errors}"
        );
        for line in lines.into_iter().chain(rx.try_iter()) {
            let mut parts = line.split_whitespace();
            if let (Some("saved"), Some(n), Some(id)) = (parts.next(), parts.next(), parts.next()) {
                let id = Uuid::parse_str(id).expect("id");
                saved.insert(id, (loop_seed, n.parse().expect("n")));
            }
        }
        out.notes_checked += check(dir.path(), &saved, encrypted, through_app);
        out.saved_total = saved.len().max(out.saved_total);
        out.trials += 1;
    }
    crypt::forget(dir.path());
    out
}

/// A folder in memory when the system has one (/dev/shm), else a normal temporary folder.
/// SIGKILL does not drop the page cache, so what this harness checks (renames that are all
/// or nothing, leftovers tidied, the index agreeing with the files) is the same on any file
/// system, and a RAM one keeps hundreds of trials fast. Power-cut durability (the flushes)
/// is covered by the storage tests' injected faults at every step of a write.
fn scratch_dir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(d) = tempfile::tempdir_in(shm)
    {
        return d;
    }
    tempfile::tempdir().expect("dir")
}

fn prepare_encrypted(dir: &Path) {
    Store::open(dir).expect("create");
    let opts = migrate::Options {
        work_factor: Some(4),
        stop: None,
    };
    migrate::encrypt(dir, &Passphrase::from(PASSPHRASE), opts).expect("encrypt");
    crypt::forget(dir);
}

/// Opens the folder as the app would and checks every note reported saved. Returns how many.
fn check(
    dir: &Path,
    saved: &BTreeMap<Uuid, (u64, u64)>,
    encrypted: bool,
    through_app: bool,
) -> usize {
    if encrypted {
        crypt::unlock(dir, &Passphrase::from(PASSPHRASE)).expect("unlock");
    }
    let (mut store, problems) = Store::open(dir).expect("the store opens after a kill");
    for p in &problems {
        assert!(
            !matches!(
                p.kind,
                ProblemKind::Quarantined { .. } | ProblemKind::Unreadable { .. }
            ),
            "a kill damaged a file: {p}"
        );
    }
    assert_eq!(
        std::fs::read_dir(dir.join("quarantine"))
            .expect("q")
            .count(),
        0,
        "nothing in quarantine"
    );
    let key = encrypted.then(|| crypt::read_key(dir, &Passphrase::from(PASSPHRASE)).expect("key"));
    for (&id, &(seed, n)) in saved {
        if through_app {
            // Saved through the app: its id is random, its text starts with the marker.
            let got = store
                .load_session(id)
                .expect("a note saved through the app");
            assert!(got.notes.starts_with(&format!("{NOTE_MARKER} {seed}/{n} ")));
            assert!(got.ended_at.is_some());
            assert!(store.session_entry(id).is_some(), "the index lists it");
            continue;
        }
        let expected = loop_session(seed, n);
        assert_eq!(expected.id, id);
        let raw = std::fs::read(dir.join(format!("sessions/{id}.json"))).expect("note file");
        let plain = match &key {
            Some(k) => {
                assert!(
                    crypt::is_sealed(&raw),
                    "an encrypted folder holds a readable note"
                );
                k.open_for_test(&raw).expect("opens")
            }
            None => raw,
        };
        assert_eq!(
            plain,
            encode_session(&expected).expect("encode"),
            "note {n} of loop {seed} differs on disk"
        );
        assert_eq!(store.load_session(id).expect("load"), expected);
        assert!(
            store.session_entry(id).is_some(),
            "the index lists every note"
        );
    }
    // The index agrees with the folder: rebuilding it from the files changes nothing.
    let listed: Vec<Uuid> = store.sessions().iter().map(|e| e.id).collect();
    let rebuilt = store.rebuild_index();
    assert!(rebuilt.is_empty(), "{rebuilt:?}");
    let again: Vec<Uuid> = store.sessions().iter().map(|e| e.id).collect();
    assert_eq!(listed, again, "index consistent with the session files");
    drop(store);
    if encrypted {
        crypt::forget(dir);
    }
    saved.len()
}

fn report(label: &str, o: &Outcome, started: Instant) {
    println!(
        "crash harness ({label}): {} SIGKILL trials ({} while running), {} note checks (byte for byte through the store), up to {} notes in one folder, {:.1} s",
        o.trials,
        o.kills_mid_run,
        o.notes_checked,
        o.saved_total,
        started.elapsed().as_secs_f64()
    );
}

/// Plain and encrypted runs share one test on purpose: a child forked by a parallel test
/// holds a copy of every open file (the folder's lock included) until it starts the binary,
/// which would make an open here fail now and then for reasons no user can meet.
#[test]
fn notes_survive_sigkill_at_random_moments() {
    let started = Instant::now();
    let o = run(200, false, false, 7);
    report("plain", &o, started);
    assert_eq!(o.trials, 200);
    assert!(o.kills_mid_run > o.trials / 2, "most kills land mid-run");
    assert!(o.notes_checked > 0);

    let started = Instant::now();
    let o = run(60, true, false, 11);
    report("encrypted", &o, started);
    assert_eq!(o.trials, 60);
    assert!(o.notes_checked > 0);

    // Through the app's own keys, autosave and summary save.
    let started = Instant::now();
    let o = run(80, false, true, 13);
    report("plain, through the app", &o, started);
    assert_eq!(o.trials, 80);
    assert!(o.notes_checked > 0);

    let started = Instant::now();
    let o = run(30, true, true, 17);
    report("encrypted, through the app", &o, started);
    assert_eq!(o.trials, 30);
    assert!(o.notes_checked > 0);
}

#[test]
#[ignore = "long run: cargo test --test crash_harness -- --ignored"]
fn notes_survive_thousands_of_kills() {
    let started = Instant::now();
    let o = run(3000, false, false, 1234);
    report("plain, long", &o, started);
    let started = Instant::now();
    let o = run(1000, true, false, 4321);
    report("encrypted, long", &o, started);
    let started = Instant::now();
    let o = run(1000, false, true, 5678);
    report("plain through the app, long", &o, started);
}
