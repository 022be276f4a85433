//! A session note as Markdown, for `notes show` and `notes export`. Pure: no files, no clock.

use std::fmt::Write as _;

use super::{Session, Stage, Timestamp};

/// "2026-01-05 10:00 (-05:00)": the local time the session happened, with its offset.
pub fn format_time(t: &Timestamp) -> String {
    t.format("%Y-%m-%d %H:%M (%:z)").to_string()
}

/// "45 min", "1 h 05 min", "under a minute".
pub fn format_duration(seconds: i64) -> String {
    let minutes = seconds.max(0) / 60;
    match minutes {
        0 => "under a minute".to_string(),
        m if m < 60 => format!("{m} min"),
        m => format!("{} h {:02} min", m / 60, m % 60),
    }
}

/// Renders the whole note: title, facts, time per stage, flags, notes, summary, goals with
/// next steps, activities, tools used and amendments with their times. Empty summary
/// sections are left out.
/// Who attended a group session: when they came and went, lines noted, their words and
/// next steps. An attendee archived since still shows, under the alias of the time.
fn group_section(out: &mut String, s: &Session) {
    let _ = writeln!(out, "\n## Attendees\n");
    if s.attendees.is_empty() {
        let _ = writeln!(out, "_No one yet._");
    }
    for a in &s.attendees {
        let left = a
            .left_at
            .map(|l| format!(", left {}", l.format("%H:%M")))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "### {} (joined {}{left})\n",
            one_line(&a.peer_alias),
            a.joined_at.format("%H:%M")
        );
        for l in &a.noted {
            let _ = writeln!(out, "- {} {}", l.at.format("%H:%M"), one_line(&l.text));
        }
        if !a.line.trim().is_empty() {
            let _ = writeln!(out, "- In their words: {}", one_line(&a.line));
        }
        for st in &a.next_steps {
            let by = st.by_when.map(|d| format!(" (by {d})")).unwrap_or_default();
            let _ = writeln!(out, "- Next step: {}{by}", one_line(&st.what));
        }
        let _ = writeln!(out);
    }
}

pub fn render(s: &Session) -> String {
    render_named(s, &|_| None)
}

/// [`render`], with tools called by their names (`names` looks a tool id up); an id it does
/// not know is shown in words ("ask share ask") rather than raw.
pub fn render_named(s: &Session, names: &dyn Fn(&str) -> Option<String>) -> String {
    render_in(s, names, &|_| true)
}

/// [`render_named`], knowing which of the peer's goals still exist (`goal_exists`): the goals
/// the session worked on that were removed since are marked so, with the text they had.
pub fn render_in(
    s: &Session,
    names: &dyn Fn(&str) -> Option<String>,
    goal_exists: &dyn Fn(uuid::Uuid) -> bool,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} {} — {}\n",
        if s.is_group() {
            "Group session:"
        } else {
            "Session with"
        },
        one_line(&s.peer_alias),
        format_time(&s.started_at)
    );
    let _ = writeln!(out, "- Kind: {}", s.kind.label());
    match s.ended_at {
        Some(end) => {
            let secs = s
                .measured
                .as_ref()
                .map(|m| m.duration_seconds)
                .unwrap_or_else(|| s.elapsed_seconds(end));
            let _ = writeln!(out, "- Duration: {}", format_duration(secs));
            let _ = writeln!(out, "- Ended: {}", format_time(&end));
        }
        None => {
            let _ = writeln!(out, "- Not ended (draft)");
        }
    }
    let mut flags = Vec::new();
    if s.flags.safety_concern {
        flags.push("safety concern");
    }
    if s.flags.follow_up_needed {
        flags.push("follow-up needed");
    }
    let flags = if flags.is_empty() {
        "none".to_string()
    } else {
        flags.join(", ")
    };
    let _ = writeln!(out, "- Flags: {flags}");
    let _ = writeln!(out, "- Id: {}", s.id);

    let stage_seconds = match &s.measured {
        Some(m) => m.stage_seconds.clone(),
        None => {
            let until = s
                .ended_at
                .or_else(|| s.stage_log.last().map(|v| v.entered_at))
                .unwrap_or(s.started_at);
            s.stage_seconds(until)
        }
    };
    if !stage_seconds.is_empty() {
        let _ = writeln!(out, "\n## Time in each stage\n");
        let _ = writeln!(out, "| Stage | Time |\n| --- | --- |");
        for stage in Stage::ALL {
            if let Some(secs) = stage_seconds.get(&stage) {
                let _ = writeln!(out, "| {} | {} |", stage.label(), format_duration(*secs));
            }
        }
    }

    if s.is_group() {
        group_section(&mut out, s);
    }

    let _ = writeln!(out, "\n## Notes\n");
    if s.notes.trim().is_empty() {
        let _ = writeln!(out, "_No notes._");
    } else {
        let _ = writeln!(out, "{}", block(&s.notes));
    }

    let sum = &s.summary;
    section(&mut out, "What matters to them", &sum.what_matters);
    section(&mut out, "What we discussed", &sum.discussed);
    section(&mut out, "Strengths", &sum.strengths);
    if !sum.goals.is_empty() {
        let _ = writeln!(out, "\n## Goals\n");
        for (i, g) in sum.goals.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, one_line(&g.in_their_words));
            for step in &g.next_steps {
                let mut line = format!("   - [ ] {}", one_line(&step.what));
                if !step.who.trim().is_empty() {
                    let _ = write!(line, " — {}", one_line(&step.who));
                }
                if let Some(d) = step.by_when {
                    let _ = write!(line, ", by {d}");
                }
                let _ = writeln!(out, "{line}");
            }
        }
    }
    super::note_goals::write_section(&mut out, s, goal_exists);
    if let Some(d) = sum.follow_up {
        let _ = writeln!(out, "\n## Follow-up\n\n{d}");
    }
    if !sum.activities.is_empty() {
        let _ = writeln!(out, "\n## Activities\n");
        for a in &sum.activities {
            let _ = writeln!(out, "- {}", a.label());
        }
    }
    if !s.tools_used.is_empty() {
        let _ = writeln!(out, "\n## Tools used\n");
        for t in &s.tools_used {
            let times = if t.times_opened == 1 {
                String::new()
            } else {
                format!(" ({} times)", t.times_opened)
            };
            let _ = writeln!(
                out,
                "- {}{times}, first opened {}",
                one_line(&names(&t.tool_id).unwrap_or_else(|| t.tool_id.replace(['_', '-'], " "))),
                t.first_opened_at.format("%H:%M")
            );
        }
    }
    if !s.worksheets.is_empty() {
        let _ = writeln!(out, "\n## Worksheets\n");
        for w in &s.worksheets {
            let _ = writeln!(
                out,
                "### {}\n\n{}\n",
                one_line(&w.tool_name),
                w.sheet.to_markdown()
            );
        }
    }
    if let Some(r) = &s.read_back {
        let _ = writeln!(
            out,
            "\n## Read back with the peer\n\nOn {}.\n",
            format_time(&r.at)
        );
        for c in &r.comments {
            let _ = writeln!(out, "The peer added:\n\n{}\n", block(&c.text));
        }
    }
    if !s.amendments.is_empty() {
        let _ = writeln!(out, "\n## Amendments\n");
        for a in &s.amendments {
            let _ = writeln!(out, "### {}\n\n{}\n", format_time(&a.at), block(&a.text));
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn section(out: &mut String, title: &str, text: &str) {
    if !text.trim().is_empty() {
        let _ = writeln!(out, "\n## {title}\n\n{}", block(text));
    }
}

/// Free text as a Markdown block: lines that would start a heading are escaped so a note
/// cannot restructure the document.
fn block(text: &str) -> String {
    text.trim()
        .lines()
        .map(|l| {
            if l.trim_start().starts_with('#') {
                format!("\\{}", l.trim_start())
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text that must stay on one line (titles, list items).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DirectActivity, Goal, NextStep, Peer, SessionKind};
    use chrono::{Duration, NaiveDate};

    fn t(min: i64) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-01-05T10:00:00-05:00").expect("time")
            + Duration::minutes(min)
    }

    fn session() -> Session {
        let peer = Peer::new("JD", t(0)).expect("peer");
        let mut s = Session::start(&peer, SessionKind::InPerson, t(0));
        s.enter_stage(Stage::Exploring, t(10)).expect("stage");
        s.enter_stage(Stage::Planning, t(40)).expect("stage");
        s.record_tool("oars", t(12));
        s.record_tool("oars", t(14));
        s.notes = "Talked about the new job.\n# not a heading".into();
        s.flags.follow_up_needed = true;
        s.summary.what_matters = "Keeping the job".into();
        s.summary.goals.push(Goal {
            in_their_words: "Finish the certificate".into(),
            goal_id: None,
            next_steps: vec![NextStep {
                what: "Call the training centre".into(),
                who: "peer".into(),
                by_when: NaiveDate::from_ymd_opt(2026, 1, 12),
                done: false,
            }],
        });
        s.summary.activities = vec![DirectActivity::SkillBuildingMentoringGoalSetting];
        s.finish(t(65)).expect("finish");
        s.amend("Called back: course starts in March.", t(24 * 60))
            .expect("amend");
        s
    }

    #[test]
    fn renders_every_part_of_the_note() {
        let md = render(&session());
        for want in [
            "# Session with JD — 2026-01-05 10:00 (-05:00)",
            "- Kind: In person",
            "- Duration: 1 h 05 min",
            "- Flags: follow-up needed",
            "| Connecting | 10 min |",
            "| Exploring | 30 min |",
            "| Planning | 25 min |",
            "## Notes\n\nTalked about the new job.\n\\# not a heading",
            "## What matters to them\n\nKeeping the job",
            "1. Finish the certificate\n   - [ ] Call the training centre — peer, by 2026-01-12",
            "- Skill building / mentoring / goal setting",
            "- oars (2 times), first opened 10:12",
            "### 2026-01-06 10:00 (-05:00)\n\nCalled back: course starts in March.",
        ] {
            assert!(md.contains(want), "missing {want:?} in\n{md}");
        }
        assert!(!md.contains("## Strengths"), "empty sections are left out");
        assert!(md.ends_with('\n') && !md.ends_with("\n\n"));
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(format_duration(20), "under a minute");
        assert_eq!(format_duration(45 * 60 + 59), "45 min");
        assert_eq!(format_duration(65 * 60), "1 h 05 min");
        assert_eq!(format_duration(-5), "under a minute");
    }
}
