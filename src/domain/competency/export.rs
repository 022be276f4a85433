//! The competency record for a supervisor, as Markdown or CSV.
//!
//! CSV follows RFC 4180 (fields quoted when they hold a comma, quote or line break; quotes
//! doubled; CRLF line ends). Free text typed by the trainee that starts with `=`, `+`, `-`
//! or `@` gets a leading `'` so a spreadsheet shows it as text instead of running it as a
//! formula.

use std::fmt::Write;

use chrono::NaiveDate;

use super::{CompetencyRecord, SkillMark, format_hours, skill_id, split_skill_id};
use crate::content::CompetencyArea;

/// Markdown: totals, a table by area, every skill with its evidence, and the hours log.
pub fn markdown(record: &CompetencyRecord, areas: &[CompetencyArea], today: NaiveDate) -> String {
    let mut out = String::new();
    let total_skills: usize = areas.iter().map(|a| a.skill_count as usize).sum();
    let progress: Vec<_> = areas
        .iter()
        .map(|a| record.area_progress(&a.id, a.skill_count as usize))
        .collect();
    let shown: usize = progress.iter().map(|p| p.demonstrated).sum();
    let signed: usize = progress.iter().map(|p| p.signed_off).sum();
    let _ = writeln!(out, "# Competency record\n");
    let _ = writeln!(
        out,
        "Work Process Schedule: {shown} of {total_skills} skills demonstrated, {signed} signed off; {} on-the-job hours.  ",
        format_hours(record.total_minutes())
    );
    let _ = writeln!(out, "Exported {today}.\n");
    let _ = writeln!(
        out,
        "| Competency area | Demonstrated | Signed off | Hours |"
    );
    let _ = writeln!(out, "| --- | ---: | ---: | ---: |");
    for (a, p) in areas.iter().zip(&progress) {
        let _ = writeln!(
            out,
            "| {} | {}/{} | {} | {} |",
            cell(&a.name),
            p.demonstrated,
            p.total,
            p.signed_off,
            format_hours(p.minutes)
        );
    }
    let _ = writeln!(
        out,
        "| **Total** | **{shown}/{total_skills}** | **{signed}** | **{}** |",
        format_hours(record.total_minutes())
    );
    for a in areas {
        let _ = writeln!(out, "\n## {}\n", inline(&a.name));
        for n in 1..=a.skill_count as usize {
            let text = a
                .skills
                .get(n - 1)
                .map(String::as_str)
                .unwrap_or("(skill text not available)");
            let id = skill_id(&a.id, n);
            match record.mark(&id) {
                Some(m) => {
                    let _ = writeln!(out, "- [x] {n}. {}", inline(text));
                    write_mark(&mut out, m);
                }
                None => {
                    let _ = writeln!(out, "- [ ] {n}. {}", inline(text));
                }
            }
        }
        let hours: Vec<_> = record.hours_for(&a.id).collect();
        if !hours.is_empty() {
            let _ = writeln!(out, "\nOn-the-job hours:\n");
            let _ = writeln!(out, "| Date | Hours | Note |");
            let _ = writeln!(out, "| --- | ---: | --- |");
            for h in hours {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} |",
                    h.date,
                    format_hours(u64::from(h.minutes)),
                    cell(&h.note)
                );
            }
        }
    }
    let known = |id: &str| {
        split_skill_id(id).is_some_and(|(area, n)| {
            areas
                .iter()
                .any(|a| a.id == area && n <= a.skill_count as usize)
        })
    };
    let unknown: Vec<_> = record.skills.iter().filter(|(id, _)| !known(id)).collect();
    let stray_hours: Vec<_> = record
        .hours
        .iter()
        .filter(|h| !areas.iter().any(|a| a.id == h.area))
        .collect();
    if !unknown.is_empty() || !stray_hours.is_empty() {
        let _ = writeln!(
            out,
            "\n## Other records\n\nKept from a different version of the schedule.\n"
        );
        for (id, m) in unknown {
            let _ = writeln!(out, "- [x] `{id}`");
            write_mark(&mut out, m);
        }
        for h in stray_hours {
            let _ = writeln!(
                out,
                "- `{}`: {} hours on {} {}",
                h.area,
                format_hours(u64::from(h.minutes)),
                h.date,
                inline(&h.note)
            );
        }
    }
    out
}

fn write_mark(out: &mut String, m: &SkillMark) {
    let _ = writeln!(
        out,
        "  - Demonstrated {} in: {}",
        m.date,
        inline(&m.context)
    );
    let _ = writeln!(out, "  - Evidence: {}", inline(&m.evidence));
    match &m.sign_off {
        Some(s) => {
            let _ = writeln!(
                out,
                "  - Signed off by {} on {}",
                inline(&s.initials),
                s.date
            );
        }
        None => {
            let _ = writeln!(out, "  - Not signed off yet");
        }
    }
}

/// Text on one Markdown line: line breaks become spaces, and characters that would start
/// markup mid-line are escaped.
fn inline(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(flat.len());
    for c in flat.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text in a Markdown table cell.
fn cell(text: &str) -> String {
    inline(text)
}

/// The CSV header.
pub const CSV_HEADER: [&str; 13] = [
    "kind",
    "area_id",
    "area",
    "skill_id",
    "skill",
    "demonstrated",
    "date",
    "context",
    "evidence",
    "signed_off_by",
    "signed_off_on",
    "hours",
    "note",
];

/// CSV: one row per skill of the schedule (demonstrated or not), then one per hours entry,
/// then any records for skills or areas this schedule does not list.
pub fn csv(record: &CompetencyRecord, areas: &[CompetencyArea]) -> String {
    let mut out = String::new();
    row(&mut out, CSV_HEADER.iter().map(|h| h.to_string()).collect());
    let mut listed = std::collections::HashSet::new();
    for a in areas {
        for n in 1..=a.skill_count as usize {
            let id = skill_id(&a.id, n);
            let text = a.skills.get(n - 1).cloned().unwrap_or_default();
            let m = record.mark(&id);
            listed.insert(id.clone());
            out_skill(&mut out, &a.id, &a.name, &id, &text, m);
        }
    }
    for (id, m) in &record.skills {
        if !listed.contains(id) {
            let area = split_skill_id(id).map(|(a, _)| a).unwrap_or("");
            out_skill(&mut out, area, "", id, "", Some(m));
        }
    }
    for h in &record.hours {
        let name = areas
            .iter()
            .find(|a| a.id == h.area)
            .map(|a| a.name.clone())
            .unwrap_or_default();
        row(
            &mut out,
            vec![
                "hours".into(),
                h.area.clone(),
                name,
                String::new(),
                String::new(),
                String::new(),
                h.date.to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                format_hours(u64::from(h.minutes)),
                typed(&h.note),
            ],
        );
    }
    out
}

fn out_skill(
    out: &mut String,
    area_id: &str,
    area: &str,
    id: &str,
    text: &str,
    m: Option<&SkillMark>,
) {
    let sign = m.and_then(|m| m.sign_off.as_ref());
    row(
        out,
        vec![
            "skill".into(),
            area_id.to_string(),
            area.to_string(),
            id.to_string(),
            text.to_string(),
            if m.is_some() { "yes" } else { "no" }.into(),
            m.map(|m| m.date.to_string()).unwrap_or_default(),
            m.map(|m| typed(&m.context)).unwrap_or_default(),
            m.map(|m| typed(&m.evidence)).unwrap_or_default(),
            sign.map(|s| typed(&s.initials)).unwrap_or_default(),
            sign.map(|s| s.date.to_string()).unwrap_or_default(),
            String::new(),
            String::new(),
        ],
    );
}

/// Text the trainee typed: kept as typed, but never read as a spreadsheet formula.
pub fn typed(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// One RFC 4180 field.
pub fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ') {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

fn row(out: &mut String, fields: Vec<String>) {
    let line: Vec<String> = fields.iter().map(|f| quote(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn now() -> crate::domain::Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-03-02T09:30:00-05:00").expect("time")
    }

    fn areas() -> Vec<CompetencyArea> {
        vec![CompetencyArea {
            id: "engagement".into(),
            name: "Engages peers".into(),
            summary: "s".into(),
            skill_count: 2,
            examples: vec!["e".into()],
            skills: vec!["Makes first contact.".into(), "Listens closely.".into()],
        }]
    }

    fn record() -> CompetencyRecord {
        let mut r = CompetencyRecord::default();
        r.set_mark(
            super::super::SkillRef {
                area: "engagement",
                n: 2,
                count: 2,
            },
            d("2026-02-20"),
            "Drop-in, \"quiet\" room",
            "=SUM(A1) looked like a formula, | and a pipe\nand a second line",
            now(),
        )
        .expect("mark");
        r.sign_off("engagement.2", "AB", d("2026-03-01"), now())
            .expect("sign");
        r.log_hours(
            uuid::Uuid::from_u128(1),
            "engagement",
            d("2026-02-21"),
            90,
            "shadowed, then led",
            now(),
        )
        .expect("hours");
        r
    }

    #[test]
    fn csv_is_quoted_and_has_every_skill() {
        let text = csv(&record(), &areas());
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], CSV_HEADER.join(","));
        assert_eq!(
            lines[1],
            "skill,engagement,Engages peers,engagement.1,Makes first contact.,no,,,,,,,"
        );
        assert!(lines[2].starts_with(
            "skill,engagement,Engages peers,engagement.2,Listens closely.,yes,2026-02-20,\"Drop-in, \"\"quiet\"\" room\",\"'=SUM(A1) looked like a formula, | and a pipe\nand a second line\",AB,2026-03-01,,"
        ));
        assert!(text.contains(
            "hours,engagement,Engages peers,,,,2026-02-21,,,,,1.5,\"shadowed, then led\"\r\n"
        ));
        assert!(text.ends_with("\r\n"));
    }

    #[test]
    fn quoting_rules() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
        assert_eq!(quote(" padded"), "\" padded\"");
        assert_eq!(typed("-3 days"), "'-3 days");
        assert_eq!(typed("fine"), "fine");
    }

    #[test]
    fn markdown_lists_totals_skills_and_hours() {
        let md = markdown(&record(), &areas(), d("2026-03-02"));
        assert!(md.starts_with("# Competency record\n"));
        assert!(md.contains("1 of 2 skills demonstrated, 1 signed off; 1.5 on-the-job hours."));
        assert!(md.contains("| Engages peers | 1/2 | 1 | 1.5 |"));
        assert!(md.contains("- [ ] 1. Makes first contact."));
        assert!(md.contains("- [x] 2. Listens closely."));
        assert!(md.contains(
            "  - Evidence: =SUM(A1) looked like a formula, \\| and a pipe and a second line"
        ));
        assert!(md.contains("  - Signed off by AB on 2026-03-01"));
        assert!(md.contains("| 2026-02-21 | 1.5 | shadowed, then led |"));
        assert!(!md.contains("Other records"));
    }

    #[test]
    fn records_for_unknown_skills_are_still_exported() {
        let mut r = record();
        r.skills.insert(
            "future_area.3".into(),
            r.mark("engagement.2").expect("mark").clone(),
        );
        let md = markdown(&r, &areas(), d("2026-03-02"));
        assert!(md.contains("## Other records"));
        assert!(md.contains("`future_area.3`"));
        let csv = csv(&r, &areas());
        assert!(csv.contains("skill,future_area,,future_area.3,,yes,"));
    }
}
