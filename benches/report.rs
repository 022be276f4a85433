//! Report budget: with 10,000 saved sessions, a month's and a year's report must take well
//! under 100 ms, from opening the folder (read-only, as `alongside report` does) to the
//! JSON text. Plain `std::time` measurements: `cargo bench --bench report`. Set
//! `ALONGSIDE_BENCH_SESSIONS` to try another size.

mod common;
use common::measure;
use std::hint::black_box;

use alongside::cli::report::{self, ReportFormat};
use alongside::domain::report::DayRange;
use alongside::storage::Store;
use chrono::NaiveDate;

const RUNS: usize = 15;

fn main() {
    let sessions: usize = std::env::var("ALONGSIDE_BENCH_SESSIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let dir = common::temp_dir();
    let generated = common::generate(dir.path(), sessions, (sessions / 200).max(6));
    println!(
        "generated {} sessions in {:.2} s",
        generated.sessions,
        generated.elapsed.as_secs_f64()
    );
    let content = match alongside::content::builtin() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("content: {e}");
            std::process::exit(1);
        }
    };
    // Generated sessions end on 2026-03-02 and reach back over the months before.
    let Some(day) = NaiveDate::from_ymd_opt(2026, 2, 15) else {
        return;
    };
    for (label, range) in [
        ("month", DayRange::month_of(day)),
        ("year (12 months to the last session)", {
            let to = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or(day);
            DayRange::new(to - chrono::Duration::days(364), to).unwrap_or(DayRange::year_of(day))
        }),
    ] {
        let (store, _) = Store::open_read_only(dir.path()).expect("open");
        let r = report::build(&store, content, range).expect("report");
        println!("{label}: {} sessions in the range", r.sessions);
        measure(
            &format!("report, {label}: computed from the open store"),
            RUNS,
            || {
                let r = report::build(&store, content, range).expect("report");
                black_box(report::render(&r, ReportFormat::Json).expect("json"));
            },
        );
        measure(
            &format!("report, {label}: open read-only + JSON"),
            RUNS,
            || {
                let (store, _) = Store::open_read_only(dir.path()).expect("open");
                let mut sink = std::io::sink();
                report::command(&store, content, range, ReportFormat::Json, &mut sink)
                    .expect("report");
            },
        );
    }
}
