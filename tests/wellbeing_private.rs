//! The specialist's wellbeing check: kept (sealed when the folder is encrypted) and shown
//! when asked for by name, and absent from every export and report.

#[path = "storage_common/mod.rs"]
mod common;

use std::fs;

use alongside::cli::journey::{self as peers_cli, PeerFormat};
use alongside::cli::notes::{self, NoteFormat};
use alongside::cli::report::{self, ReportFormat};
use alongside::cli::wellbeing;
use alongside::domain::report::DayRange;
use alongside::domain::secret::Passphrase;
use alongside::storage::Store;
use alongside::storage::crypt::migrate::{self, Options};
use chrono::NaiveDate;
use common::{peer, session, t};

const PRIVATE: &str = "rough week, running on empty";

fn run(f: impl FnOnce(&mut Vec<u8>) -> anyhow::Result<()>) -> String {
    let mut out = Vec::new();
    f(&mut out).expect("command");
    String::from_utf8(out).expect("utf8")
}

#[test]
fn the_wellbeing_check_is_kept_sealed_and_in_no_export_or_report() {
    for encrypted in [false, true] {
        let dir = tempfile::tempdir().expect("dir");
        if encrypted {
            drop(Store::open(dir.path()).expect("create"));
            let fast = Options {
                work_factor: Some(4),
                stop: None,
            };
            migrate::encrypt(dir.path(), &Passphrase::from("blue kettle morning"), fast)
                .expect("encrypt");
        }
        let jd = peer("JD");
        {
            let (mut store, _) = Store::open(dir.path()).expect("open");
            store.save_peer(&jd).expect("peer");
            store
                .save_session(&session(&jd, 0, "talked about work"))
                .expect("save");
            let answers = ["workload=2".to_string(), "supervision=4".to_string()];
            let kept = run(|out| wellbeing::command(&store, &answers, PRIVATE, false, t(60), out));
            assert!(kept.contains("Only you can see this"), "{kept}");
            assert!(kept.contains("Workload: 2"), "{kept}");
            let refused = wellbeing::command(
                &store,
                &["workload=9".to_string()],
                "",
                false,
                t(61),
                &mut Vec::new(),
            );
            assert!(refused.is_err(), "answers are 1 to 5");
        }
        let file = fs::read(dir.path().join("wellbeing.json")).expect("kept");
        assert_eq!(
            String::from_utf8_lossy(&file).contains(PRIVATE),
            !encrypted,
            "sealed exactly when the folder is encrypted"
        );

        let (store, _) = Store::open_read_only(dir.path()).expect("open");
        // Asked for by name, it is there.
        let json = run(|out| wellbeing::command(&store, &[], "", true, t(90), out));
        assert!(json.contains(PRIVATE));

        // Every export and report leaves it out.
        let mut outputs = Vec::new();
        for format in [NoteFormat::Md, NoteFormat::Json, NoteFormat::Progress] {
            let out_dir = tempfile::tempdir().expect("out");
            run(|out| notes::export(&store, format, &out_dir.path().join("x"), out));
            for e in fs::read_dir(out_dir.path().join("x")).expect("exported") {
                outputs.push(fs::read_to_string(e.expect("entry").path()).expect("read"));
            }
        }
        outputs.push(run(|out| notes::list(&store, None, true, out)));
        let range = DayRange::new(
            NaiveDate::from_ymd_opt(2026, 1, 1).expect("day"),
            NaiveDate::from_ymd_opt(2026, 1, 31).expect("day"),
        )
        .expect("range");
        let content = alongside::app::default_content();
        for format in [ReportFormat::Md, ReportFormat::Csv, ReportFormat::Json] {
            outputs.push(run(|out| {
                report::command(&store, content, range, format, out)
            }));
        }
        let (journey, _) = store.journey();
        let today = NaiveDate::from_ymd_opt(2026, 1, 6).expect("day");
        outputs.push(run(|out| {
            peers_cli::show(&store, &journey, "JD", PeerFormat::Json, today, out)
        }));
        outputs.push(run(|out| {
            peers_cli::show(&store, &journey, "JD", PeerFormat::Md, today, out)
        }));
        outputs.push(run(|out| {
            peers_cli::due(&store, &journey, 7, true, today, out)
        }));
        outputs.push(run(|out| {
            peers_cli::due(&store, &journey, 7, false, today, out)
        }));
        outputs.push(run(|out| notes::list(&store, None, false, out)));
        assert!(outputs.len() >= 12);
        for text in &outputs {
            assert!(!text.contains(PRIVATE), "wellbeing leaked into:\n{text}");
            assert!(!text.to_lowercase().contains("wellbeing"), "{text}");
            assert!(!text.contains("supervision\": 4"), "{text}");
        }
    }
}
