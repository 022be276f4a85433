//! A report written out: Markdown for reading, CSV for spreadsheets (guarded against
//! formula injection as the competency export is), and the bar chart rows the screen and
//! the Markdown share.

use std::fmt::Write as _;

use super::DirectActivity;
use super::activity_log::IndirectActivity;
use super::competency::export::{quote, typed};
use super::report::{Report, activity_label, hours};

/// One bar of the chart: an activity, its minutes and the field average for the range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub id: &'static str,
    pub label: &'static str,
    pub direct: bool,
    pub minutes: u32,
    pub average: u32,
}

/// Every activity, direct then indirect, in the seed's order, with the report's minutes.
pub fn bars(r: &Report) -> Vec<Bar> {
    let direct = DirectActivity::ALL
        .iter()
        .map(|a| (a.id(), a.label(), true));
    let indirect = IndirectActivity::ALL
        .iter()
        .map(|a| (a.id(), a.label(), false));
    direct
        .chain(indirect)
        .map(|(id, label, is_direct)| {
            let minutes = if is_direct {
                r.direct_minutes.get(id)
            } else {
                r.indirect_minutes.get(id)
            };
            Bar {
                id,
                label,
                direct: is_direct,
                minutes: minutes.copied().unwrap_or(0),
                average: r.field_average_minutes.get(id).copied().unwrap_or(0),
            }
        })
        .collect()
}

/// A text bar of `width` cells for `value` against `max`.
pub fn bar_text(value: u32, max: u32, width: usize) -> String {
    if max == 0 || width == 0 {
        return String::new();
    }
    let cells = (u64::from(value) * width as u64 + u64::from(max) / 2) / u64::from(max);
    let cells = if value > 0 { cells.max(1) } else { 0 };
    "█".repeat(usize::try_from(cells).unwrap_or(width).min(width))
}

/// The report in Markdown.
pub fn markdown(r: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Time report, {} to {}\n", r.from, r.to);
    let _ = writeln!(s, "{} days.\n", r.days);
    let _ = writeln!(s, "| | |\n|---|---|");
    let _ = writeln!(s, "| Sessions | {} |", r.sessions);
    let _ = writeln!(s, "| Session time | {} |", hours(r.session_minutes));
    let _ = writeln!(s, "| Direct time | {} |", hours(r.direct_total));
    let _ = writeln!(s, "| Indirect time | {} |", hours(r.indirect_total));
    let _ = writeln!(s, "| Peers seen | {} |", r.peers_seen);
    let _ = writeln!(s, "| New peers | {} |", r.new_peers);
    let _ = writeln!(s, "| Group attendances | {} |", r.group_attendances);
    let _ = writeln!(s, "| Goals addressed | {} |", r.goals_addressed);
    let _ = writeln!(s, "| Goals achieved | {} |", r.goals_achieved);
    let _ = writeln!(s, "| Next steps agreed | {} |", r.next_steps_agreed);
    let _ = writeln!(s, "| Next steps done | {} |", r.next_steps_done);
    let _ = writeln!(
        s,
        "| Notes read back with the peer | {} |",
        r.read_back_with_peer
    );
    let _ = writeln!(s, "\n## Hours by activity\n");
    let _ = writeln!(
        s,
        "Hours as h:mm. The field average is the reported average hours per day for the role, times the {} days of the range.\n",
        r.days
    );
    let _ = writeln!(
        s,
        "| Activity | Kind | Hours | Field average |\n|---|---|---|---|"
    );
    for b in bars(r) {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |",
            b.label,
            if b.direct { "direct" } else { "indirect" },
            hours(b.minutes),
            hours(b.average)
        );
    }
    let _ = writeln!(s, "\n## Sessions by kind\n");
    if r.sessions_by_kind.is_empty() {
        let _ = writeln!(s, "No sessions in this range.");
    } else {
        let _ = writeln!(s, "| Kind | Sessions |\n|---|---|");
        for (kind, n) in &r.sessions_by_kind {
            let _ = writeln!(s, "| {} | {n} |", kind.replace('_', " "));
        }
    }
    s
}

fn row(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| quote(&typed(f))).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// The report as CSV (RFC 4180): one row per figure, `section,id,label,value,field_average`.
pub fn csv(r: &Report) -> String {
    let mut s = String::new();
    row(
        &mut s,
        &["section", "id", "label", "value", "field_average"].map(String::from),
    );
    for (id, label, day) in [("from", "From", r.from), ("to", "To", r.to)] {
        row(
            &mut s,
            &[
                "range".into(),
                id.into(),
                label.into(),
                day.to_string(),
                String::new(),
            ],
        );
    }
    let mut fig = |id: &str, label: &str, value: u32| {
        row(
            &mut s,
            &[
                "total".into(),
                id.into(),
                label.into(),
                value.to_string(),
                String::new(),
            ],
        )
    };
    fig("days", "Days", r.days);
    fig("sessions", "Sessions", r.sessions);
    fig("session_minutes", "Session minutes", r.session_minutes);
    fig("direct_minutes", "Direct minutes", r.direct_total);
    fig("indirect_minutes", "Indirect minutes", r.indirect_total);
    fig("peers_seen", "Peers seen", r.peers_seen);
    fig("new_peers", "New peers", r.new_peers);
    fig(
        "group_attendances",
        "Group attendances",
        r.group_attendances,
    );
    fig("goals_addressed", "Goals addressed", r.goals_addressed);
    fig("goals_achieved", "Goals achieved", r.goals_achieved);
    fig(
        "next_steps_agreed",
        "Next steps agreed",
        r.next_steps_agreed,
    );
    fig("next_steps_done", "Next steps done", r.next_steps_done);
    fig(
        "read_back_with_peer",
        "Read back with the peer",
        r.read_back_with_peer,
    );
    for b in bars(r) {
        row(
            &mut s,
            &[
                if b.direct { "direct" } else { "indirect" }.into(),
                b.id.into(),
                b.label.into(),
                b.minutes.to_string(),
                b.average.to_string(),
            ],
        );
    }
    for (kind, n) in &r.sessions_by_kind {
        row(
            &mut s,
            &[
                "kind".into(),
                kind.clone(),
                activity_label(kind).replace('_', " "),
                n.to_string(),
                String::new(),
            ],
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashMap};

    use chrono::NaiveDate;

    use super::*;
    use crate::domain::report::{DayRange, build};

    fn report() -> Report {
        let d = NaiveDate::from_ymd_opt(2026, 3, 1).expect("date");
        let averages = BTreeMap::from([("advocacy".to_string(), 36)]);
        build(
            DayRange::week_of(d),
            Vec::new(),
            &HashMap::new(),
            &[],
            &averages,
        )
    }

    #[test]
    fn csv_has_a_row_per_activity_and_guards_formulas() {
        let text = csv(&report());
        let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines[0], "section,id,label,value,field_average");
        assert_eq!(lines.len(), 1 + 2 + 13 + 15);
        assert!(lines.contains(&"direct,advocacy,Advocacy,0,252"));
        let mut out = String::new();
        row(&mut out, &["=HYPERLINK(\"x\")".into(), "-1".into()]);
        assert_eq!(out, "\"'=HYPERLINK(\"\"x\"\")\",'-1\r\n");
    }

    #[test]
    fn bars_scale_to_the_width() {
        assert_eq!(bar_text(50, 100, 10).chars().count(), 5);
        assert_eq!(bar_text(100, 100, 10).chars().count(), 10);
        assert_eq!(bar_text(1, 1000, 10).chars().count(), 1);
        assert_eq!(bar_text(0, 100, 10), "");
        assert_eq!(bar_text(5, 0, 10), "");
    }

    #[test]
    fn markdown_lists_every_activity() {
        let md = markdown(&report());
        for a in DirectActivity::ALL {
            assert!(md.contains(a.label()), "{}", a.label());
        }
        for a in IndirectActivity::ALL {
            assert!(md.contains(a.label()), "{}", a.label());
        }
    }
}
