//! Worksheets as Markdown, for the note view and exports. Free text that could start a
//! heading is escaped, as in the rest of the note.

use std::fmt::Write as _;

use super::{SafetySection, Side, TOP_VALUES, Worksheet};

pub(super) fn render(sheet: &Worksheet) -> String {
    let mut out = String::new();
    match sheet {
        Worksheet::AskShareAsk(s) => {
            let _ = writeln!(out, "Offered: {}\n", s.purpose.label());
            field(&mut out, "Ask", &s.ask);
            field(&mut out, "Share", &s.share);
            field(&mut out, "Ask again", &s.ask_again);
        }
        Worksheet::AdvantagesDisadvantages(s) => {
            for side in Side::ALL {
                let t = s.totals(side);
                if t.items == 0 {
                    let _ = writeln!(out, "{}: none\n", side.label());
                    continue;
                }
                let items = if t.items == 1 {
                    "1 item".to_string()
                } else {
                    format!("{} items", t.items)
                };
                let _ = write!(out, "{} ({items}", side.label());
                if t.rated > 0 {
                    let _ = write!(out, ", importance {}", t.importance);
                }
                let _ = writeln!(out, "):\n");
                for item in s.items(side) {
                    let imp = item
                        .importance
                        .map(|i| format!(" [{}]", i.get()))
                        .unwrap_or_default();
                    let _ = writeln!(out, "- {}{imp}", one_line(&item.text));
                }
                out.push('\n');
            }
            field(&mut out, "Reflection", &s.reflection);
        }
        Worksheet::Checklist(s) => {
            for item in &s.items {
                let mark = if item.done { "x" } else { " " };
                let _ = write!(out, "- [{mark}] {}", one_line(&item.title));
                if !item.note.trim().is_empty() {
                    let _ = write!(out, ": {}", one_line(&item.note));
                }
                out.push('\n');
            }
        }
        Worksheet::Values(s) => {
            for (i, v) in s.chosen.iter().enumerate() {
                if i == TOP_VALUES {
                    let _ = writeln!(out, "\nAlso chosen:\n");
                }
                let own = if v.own { " (their own)" } else { "" };
                let _ = write!(out, "{}. {}{own}", i + 1, one_line(&v.name));
                if !v.how_it_shows.trim().is_empty() {
                    let _ = write!(out, ": {}", one_line(&v.how_it_shows));
                }
                out.push('\n');
            }
        }
        Worksheet::Prompts(s) => {
            for a in &s.answers {
                field(&mut out, &a.title, &a.answer);
            }
        }
        Worksheet::GentleRefusal(s) => {
            field(&mut out, "The request", &s.request);
            field(&mut out, "1. Acknowledge", &s.acknowledge);
            field(&mut out, "2. State the limit kindly", &s.limit);
            field(&mut out, "3. Offer what you can", &s.offer);
        }
        Worksheet::Planning(s) => {
            let noticed: Vec<_> = s.signals.iter().filter(|i| i.is_used()).collect();
            if !noticed.is_empty() {
                let _ = writeln!(out, "Readiness signals noticed:\n");
                for i in noticed {
                    let mark = if i.done { "x" } else { " " };
                    let _ = write!(out, "- [{mark}] {}", one_line(&i.title));
                    if !i.note.trim().is_empty() {
                        let _ = write!(out, ": {}", one_line(&i.note));
                    }
                    out.push('\n');
                }
                out.push('\n');
            }
            if !s.brainstorm.is_empty() {
                let _ = writeln!(out, "Brainstorm:\n");
                for idea in &s.brainstorm {
                    let _ = writeln!(out, "- {}", one_line(idea));
                }
                out.push('\n');
            }
            if !s.goal.trim().is_empty() || s.goal_by.is_some() {
                let by = s.goal_by.map(|d| format!(" (by {d})")).unwrap_or_default();
                let _ = writeln!(out, "Goal{by}:\n\n{}\n", block(&s.goal));
            }
            if !s.steps.is_empty() {
                let _ = writeln!(out, "Steps:\n");
                for st in s.steps_in_order() {
                    let by = st.by_when.map(|d| format!(", by {d}")).unwrap_or_default();
                    let _ = writeln!(out, "- [ ] {}{by}", one_line(&st.what));
                }
                out.push('\n');
            }
            let considered: Vec<_> = s.pathways.iter().filter(|i| i.is_used()).collect();
            if !considered.is_empty() {
                let _ = writeln!(out, "Pathways considered:\n");
                for i in considered {
                    let _ = write!(out, "- {}", one_line(&i.title));
                    if !i.note.trim().is_empty() {
                        let _ = write!(out, ": {}", one_line(&i.note));
                    }
                    out.push('\n');
                }
            }
        }
        Worksheet::SafetyPlan(s) => {
            for (n, section) in SafetySection::ALL.into_iter().enumerate() {
                let _ = writeln!(out, "{}. {}:\n", n + 1, section.label());
                let items = s.items(section);
                if items.is_empty() {
                    let _ = writeln!(out, "Nothing written yet.\n");
                } else {
                    for item in items {
                        let _ = writeln!(out, "- {}", one_line(item));
                    }
                    out.push('\n');
                }
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn field(out: &mut String, label: &str, text: &str) {
    if !text.trim().is_empty() {
        let _ = writeln!(out, "{}:\n\n{}\n", one_line(label), block(text));
    }
}

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

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
