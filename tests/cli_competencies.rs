//! `alongside competencies export`, run as the real binary on a temporary data folder.

#[path = "storage_common/mod.rs"]
mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use alongside::domain::competency::export::CSV_HEADER;
use alongside::domain::competency::{CompetencyRecord, SkillRef};
use alongside::storage::Store;
use chrono::NaiveDate;
use common::t;
use uuid::Uuid;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

const EVIDENCE: &str =
    "Asked \"what matters most?\", then reflected it back,\nand the peer named two goals";

/// A data folder with two marked skills (one signed off) and two hours entries.
fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("dir");
    let mut r = CompetencyRecord::default();
    let skill = |area, n| SkillRef { area, n, count: 5 };
    r.set_mark(
        skill("engagement", 2),
        d("2026-01-02"),
        "Weekly check-in, in person",
        EVIDENCE,
        t(0),
    )
    .expect("mark");
    r.sign_off("engagement.2", "AB", d("2026-01-05"), t(0))
        .expect("sign");
    r.set_mark(
        skill("crises", 1),
        d("2026-01-03"),
        "Phone",
        "=noticed the warning signs early",
        t(0),
    )
    .expect("mark");
    for (id, area, min) in [(1u128, "engagement", 90u32), (2, "crises", 30)] {
        r.log_hours(
            Uuid::from_u128(id),
            area,
            d("2026-01-04"),
            min,
            "shadowing, then leading",
            t(0),
        )
        .expect("hours");
    }
    let (store, _) = Store::open(dir.path()).expect("open");
    store.save_competencies(&r).expect("save");
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alongside"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("ALONGSIDE_DATA_DIR")
        .output()
        .expect("run alongside")
}

/// RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the last record ends in CRLF"
    );
    rows
}

#[test]
fn csv_export_lists_every_skill_and_hours_entry_properly_quoted() {
    let dir = data_dir();
    let out = run(dir.path(), &["competencies", "export", "--format", "csv"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf8");
    assert!(text.contains("\r\n"));
    let rows = parse_csv(&text);
    assert_eq!(rows[0], CSV_HEADER);
    assert!(rows.iter().all(|r| r.len() == CSV_HEADER.len()));
    let skills: Vec<_> = rows.iter().filter(|r| r[0] == "skill").collect();
    assert_eq!(skills.len(), 111);
    let hours: Vec<_> = rows.iter().filter(|r| r[0] == "hours").collect();
    assert_eq!(hours.len(), 2);
    let marked = skills
        .iter()
        .find(|r| r[3] == "engagement.2")
        .expect("engagement.2");
    assert_eq!(marked[5], "yes");
    assert_eq!(marked[6], "2026-01-02");
    assert_eq!(marked[7], "Weekly check-in, in person");
    assert_eq!(marked[8], EVIDENCE);
    assert_eq!(
        (marked[9].as_str(), marked[10].as_str()),
        ("AB", "2026-01-05")
    );
    // Typed text that looks like a formula is kept as text.
    let crisis = skills
        .iter()
        .find(|r| r[3] == "crises.1")
        .expect("crises.1");
    assert_eq!(crisis[8], "'=noticed the warning signs early");
    assert_eq!(skills.iter().filter(|r| r[5] == "yes").count(), 2);
    assert_eq!(hours[0][11], "1.5");
    assert_eq!(hours[0][12], "shadowing, then leading");
}

#[test]
fn markdown_export_shows_totals_and_evidence() {
    let dir = data_dir();
    let out = run(dir.path(), &["competencies", "export", "--format", "md"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = String::from_utf8(out.stdout).expect("utf8");
    assert!(md.starts_with("# Competency record\n"));
    assert!(md.contains("2 of 111 skills demonstrated, 1 signed off; 2 on-the-job hours."));
    assert!(md.contains("| Helps peers manage crises | 1/5 | 0 | 0.5 |"));
    assert!(md.contains("| **Total** | **2/111** | **1** | **2** |"));
    assert!(md.contains("  - Signed off by AB on 2026-01-05"));
    assert!(md.contains("then reflected it back, and the peer named two goals"));
    // Markdown is the default.
    let default = run(dir.path(), &["competencies", "export"]);
    let default_md = String::from_utf8(default.stdout).expect("utf8");
    // Only the export date can differ between two runs a moment apart.
    let strip = |s: &str| {
        s.lines()
            .filter(|l| !l.starts_with("Exported "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&default_md), strip(&md));
}

#[test]
fn out_file_is_written_owner_only_and_matches_stdout() {
    let dir = data_dir();
    let target = dir.path().join("for-supervisor.csv");
    let out = run(
        dir.path(),
        &[
            "competencies",
            "export",
            "--format",
            "csv",
            "--out",
            target.to_str().expect("path"),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Wrote the competency record to"));
    #[cfg(unix)]
    assert_eq!(common::mode(&target), 0o600);
    let written = fs::read_to_string(&target).expect("read");
    let stdout = run(dir.path(), &["competencies", "export", "--format", "csv"]);
    assert_eq!(written, String::from_utf8(stdout.stdout).expect("utf8"));
    // No temporary files are left beside it.
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".alongside-tmp-")
        })
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn errors_are_one_clear_line() {
    let dir = tempfile::tempdir().expect("dir");
    let missing = dir.path().join("nope");
    let out = run(&missing, &["competencies", "export"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no data folder at"), "{err}");

    // An unreadable record is an error, not an empty export, and the file is left alone.
    let data = data_dir();
    let file = data.path().join("competencies.json");
    fs::write(
        &file,
        b"{\"schema_version\":1,\"competencies\":{\"skills\":",
    )
    .expect("write");
    let out = run(data.path(), &["competencies", "export", "--format", "csv"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("could not read the competency record"),
        "{err}"
    );
    assert!(err.contains("competencies.json"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(file.exists());

    // An empty data folder exports an empty record.
    let empty = tempfile::tempdir().expect("dir");
    Store::open(empty.path()).expect("create");
    let out = run(empty.path(), &["competencies", "export", "--format", "md"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 of 111 skills demonstrated"));

    // A folder given as --out is refused.
    let out = run(
        data.path(),
        &[
            "competencies",
            "export",
            "--out",
            data.path().to_str().expect("path"),
        ],
    );
    assert!(!out.status.success());
}
