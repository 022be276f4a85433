//! Progress notes: a saved session written out for a documentation system, in the labelled
//! parts a program's records require, as plain text that fits 80 columns.
//!
//! Which parts appear, in what order and under which labels is a [`ProgressLayout`], read
//! from `assets/progress_layouts.toml` (an organisation can replace or add layouts). Each
//! part is a label and the pieces of the note that fill it ([`Piece`]).

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::note_markdown::format_duration;
use super::settings::Settings;
use super::{Session, Timestamp};

/// Widest line a progress note uses.
pub const WIDTH: usize = 80;

/// A piece of the note a part can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Piece {
    Date,
    Start,
    End,
    Duration,
    /// How the session took place (in person, phone...).
    Setting,
    /// The service name and code from the settings.
    Service,
    /// The specialist's name, credential and organisation from the settings.
    Provider,
    /// The peer's alias.
    Peer,
    /// The peer's goals this session worked on, in their words.
    GoalsAddressed,
    /// Direct activities, with minutes.
    Activities,
    /// Tools used, by name.
    Tools,
    /// Stages visited, with minutes.
    Stages,
    /// What was discussed.
    Discussed,
    /// The session notes typed during the meeting.
    Notes,
    /// What matters to the peer, in their words.
    TheirWords,
    /// Strengths noticed.
    Strengths,
    /// The peer's own comments from reading the note back, and when it was read back.
    PeerReview,
    /// Next steps with who and by when.
    NextSteps,
    /// The follow-up date.
    FollowUp,
    /// Flags raised (safety concern, follow-up needed).
    Flags,
    /// Later additions to the note.
    Amendments,
}

/// One labelled part of a progress note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub label: String,
    pub pieces: Vec<Piece>,
}

/// A whole progress note's shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressLayout {
    pub id: String,
    pub name: String,
    pub parts: Vec<Part>,
}

/// A goal the session worked on, as the progress note and reports see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalAddressed {
    /// The goal in the peer's words.
    pub text: String,
    /// How it stands, when recorded (e.g. "achieved").
    pub progress: Option<String>,
    /// What the peer said about it this session, when recorded.
    pub their_words: Option<String>,
}

/// The goals a session worked on. The one place that decides it: the peer's goals the
/// session recorded (with progress and the peer's words), or, for notes written before goals
/// belonged to peers, the summary's goals in the peer's words.
pub fn goals_addressed(session: &Session) -> Vec<GoalAddressed> {
    if !session.goals_addressed.is_empty() {
        return session
            .goals_addressed
            .iter()
            .map(|g| GoalAddressed {
                text: g.text.trim().to_string(),
                progress: g.progress.map(|p| p.label().to_string()),
                their_words: Some(g.their_words.trim().to_string()).filter(|w| !w.is_empty()),
            })
            .collect();
    }
    session
        .summary
        .goals
        .iter()
        .filter(|g| !g.in_their_words.trim().is_empty())
        .map(|g| GoalAddressed {
            text: g.in_their_words.trim().to_string(),
            progress: None,
            their_words: None,
        })
        .collect()
}

/// Tool names by id, for the Intervention part; ids without a name are shown as they are.
pub type ToolNames<'a> = &'a dyn Fn(&str) -> Option<String>;

fn time_of(t: &Timestamp) -> String {
    t.format("%H:%M (UTC%:z)").to_string()
}

/// Wraps `text` to `width` columns, breaking at spaces; words longer than a line are cut.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(10);
    let mut out = Vec::new();
    for para in text.lines() {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let mut word = word.to_string();
            // A very long word is cut into pieces that fit.
            while word.width() > width {
                let mut cut = String::new();
                for c in word.chars() {
                    if (cut.clone() + &c.to_string()).width() > width {
                        break;
                    }
                    cut.push(c);
                }
                if !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                }
                word = word[cut.len()..].to_string();
                out.push(cut);
            }
            if line.is_empty() {
                line = word;
            } else if line.width() + 1 + word.width() <= width {
                line.push(' ');
                line.push_str(&word);
            } else {
                out.push(std::mem::replace(&mut line, word));
            }
        }
        if !line.is_empty() {
            out.push(line);
        }
    }
    out
}

/// The text of one piece: lines, without the label. Empty when there is nothing to say.
fn piece_lines(
    piece: Piece,
    s: &Session,
    settings: &Settings,
    tools: ToolNames<'_>,
) -> Vec<String> {
    let one = |t: String| if t.trim().is_empty() { vec![] } else { vec![t] };
    match piece {
        Piece::Date => one(s.started_at.format("%Y-%m-%d").to_string()),
        Piece::Start => one(time_of(&s.started_at)),
        Piece::End => s.ended_at.map(|e| vec![time_of(&e)]).unwrap_or_default(),
        Piece::Duration => {
            let secs = s
                .measured
                .as_ref()
                .map(|m| m.duration_seconds)
                .or_else(|| s.ended_at.map(|e| s.elapsed_seconds(e)))
                .unwrap_or(0);
            let minutes = (secs + 30) / 60;
            if minutes >= 60 {
                one(format!("{} ({minutes} minutes)", format_duration(secs)))
            } else {
                one(format!("{minutes} minutes"))
            }
        }
        Piece::Setting => one(s.kind.label().to_string()),
        Piece::Service => one(settings.service_line()),
        Piece::Provider => one(settings.provider_line()),
        Piece::Peer => one(s.peer_alias.clone()),
        Piece::GoalsAddressed => goals_addressed(s)
            .into_iter()
            .map(|g| {
                let mut line = format!("- {}", g.text);
                if let Some(p) = g.progress.filter(|p| !p.trim().is_empty()) {
                    let _ = write!(line, " ({p})");
                }
                if let Some(w) = g.their_words.filter(|w| !w.trim().is_empty()) {
                    let _ = write!(line, ": \"{w}\"");
                }
                line
            })
            .collect(),
        Piece::Activities => s
            .minutes_by_activity()
            .into_iter()
            .map(|(a, m)| format!("- {} ({m} min)", a.label()))
            .collect(),
        Piece::Tools => {
            let names: Vec<String> = s
                .tools_used
                .iter()
                .map(|t| tools(&t.tool_id).unwrap_or_else(|| t.tool_id.clone()))
                .collect();
            if names.is_empty() {
                vec![]
            } else {
                vec![format!("Tools used: {}.", names.join(", "))]
            }
        }
        Piece::Stages => {
            let stages = s
                .measured
                .as_ref()
                .map(|m| m.stage_seconds.clone())
                .unwrap_or_else(|| s.stage_seconds(s.ended_at.unwrap_or(s.started_at)));
            let parts: Vec<String> = stages
                .iter()
                .filter(|(_, secs)| **secs > 0)
                .map(|(st, secs)| format!("{} {} min", st.label(), (secs + 30) / 60))
                .collect();
            if parts.is_empty() {
                vec![]
            } else {
                vec![format!("Stages: {}.", parts.join(", "))]
            }
        }
        Piece::Discussed => one(s.summary.discussed.trim().to_string()),
        Piece::Notes => one(s.notes.trim().to_string()),
        Piece::TheirWords => {
            let w = s.summary.what_matters.trim();
            if w.is_empty() {
                vec![]
            } else {
                vec![format!("In their words: \"{w}\"")]
            }
        }
        Piece::Strengths => {
            let w = s.summary.strengths.trim();
            if w.is_empty() {
                vec![]
            } else {
                vec![format!("Strengths noticed: {w}")]
            }
        }
        Piece::PeerReview => match &s.read_back {
            None => vec![],
            Some(r) => {
                let mut v = vec![format!(
                    "Read back with the peer on {}.",
                    r.at.format("%Y-%m-%d at %H:%M")
                )];
                for c in &r.comments {
                    v.push(format!("The peer added: \"{}\"", c.text.trim()));
                }
                v
            }
        },
        Piece::NextSteps => s
            .summary
            .goals
            .iter()
            .flat_map(|g| &g.next_steps)
            .map(|st| {
                let mut line = format!("- {}", st.what.trim());
                let who = st.who.trim();
                if !who.is_empty() {
                    let _ = write!(line, " (who: {who}");
                    match st.by_when {
                        Some(d) => {
                            let _ = write!(line, ", by {d})");
                        }
                        None => line.push(')'),
                    }
                } else if let Some(d) = st.by_when {
                    let _ = write!(line, " (by {d})");
                }
                line
            })
            .collect(),
        Piece::FollowUp => s
            .summary
            .follow_up
            .map(|d| vec![format!("Follow-up: {d}")])
            .unwrap_or_default(),
        Piece::Flags => {
            let mut v = Vec::new();
            if s.flags.safety_concern {
                v.push("Safety concern raised.".to_string());
            }
            if s.flags.follow_up_needed {
                v.push("Follow-up needed.".to_string());
            }
            v
        }
        Piece::Amendments => s
            .amendments
            .iter()
            .map(|a| format!("Added {}: {}", a.at.format("%Y-%m-%d %H:%M"), a.text.trim()))
            .collect(),
    }
}

/// Writes `session` as a progress note in `layout`: each part's label, then its text.
/// A part with one short line keeps it beside the label; longer text goes below, indented.
/// A part with nothing recorded says so.
pub fn render(
    session: &Session,
    layout: &ProgressLayout,
    settings: &Settings,
    tools: ToolNames<'_>,
) -> String {
    let label_width = layout
        .parts
        .iter()
        .map(|p| unicode_width::UnicodeWidthStr::width(p.label.as_str()) + 1)
        .max()
        .unwrap_or(0)
        .min(20);
    let mut out = String::new();
    for part in &layout.parts {
        let lines: Vec<String> = part
            .pieces
            .iter()
            .flat_map(|p| piece_lines(*p, session, settings, tools))
            .collect();
        let head = format!("{}:", part.label);
        let pad =
            label_width.saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str())) + 1;
        let beside = WIDTH.saturating_sub(label_width + 1);
        match lines.as_slice() {
            [] => {
                let _ = writeln!(out, "{head}{}(none recorded)", " ".repeat(pad));
            }
            [only]
                if !only.starts_with("- ")
                    && unicode_width::UnicodeWidthStr::width(only.as_str()) <= beside =>
            {
                let _ = writeln!(out, "{head}{}{only}", " ".repeat(pad));
            }
            many => {
                let _ = writeln!(out, "{head}");
                for line in many {
                    let (indent, rest) = match line.strip_prefix("- ") {
                        Some(r) => ("  - ", r),
                        None => ("  ", line.as_str()),
                    };
                    let more = if indent == "  " { "  " } else { "    " };
                    for (i, w) in wrap(rest, WIDTH - 4).into_iter().enumerate() {
                        let lead = if i == 0 { indent } else { more };
                        let _ = writeln!(out, "{lead}{w}");
                    }
                }
            }
        }
    }
    out
}

/// Problems with a layout as written (empty when fine).
pub fn layout_problems(layout: &ProgressLayout) -> Vec<String> {
    let mut out = Vec::new();
    if layout.parts.is_empty() {
        out.push(format!("progress layout `{}` has no parts", layout.id));
    }
    for p in &layout.parts {
        if p.label.trim().is_empty() {
            out.push(format!(
                "progress layout `{}` has a part with no label",
                layout.id
            ));
        }
        if p.pieces.is_empty() {
            out.push(format!(
                "progress layout `{}`: part `{}` shows nothing",
                layout.id, p.label
            ));
        }
        if unicode_width::UnicodeWidthStr::width(p.label.as_str()) > 19 {
            out.push(format!(
                "progress layout `{}`: label `{}` is longer than 19 columns",
                layout.id, p.label
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Goal, NextStep, Peer, SessionKind};

    fn t(min: i64) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339("2026-01-05T10:00:00-05:00").expect("time")
            + chrono::Duration::minutes(min)
    }

    fn layout() -> ProgressLayout {
        let part = |label: &str, pieces: &[Piece]| Part {
            label: label.into(),
            pieces: pieces.to_vec(),
        };
        ProgressLayout {
            id: "t".into(),
            name: "test".into(),
            parts: vec![
                part("Date", &[Piece::Date]),
                part("Duration", &[Piece::Duration]),
                part("Provider", &[Piece::Provider]),
                part("Goals addressed", &[Piece::GoalsAddressed]),
                part("Response", &[Piece::TheirWords, Piece::PeerReview]),
                part("Plan", &[Piece::NextSteps, Piece::FollowUp]),
            ],
        }
    }

    fn session() -> Session {
        let peer = Peer::new("JD", t(0)).expect("peer");
        let mut s = Session::start(&peer, SessionKind::Phone, t(0));
        s.summary.what_matters = "word ".repeat(40);
        s.summary.goals.push(Goal {
            in_their_words: "Keep the flat".into(),
            goal_id: None,
            next_steps: vec![NextStep {
                what: "Call the housing office".into(),
                who: "peer".into(),
                by_when: chrono::NaiveDate::from_ymd_opt(2026, 1, 12),
                done: false,
            }],
        });
        s.finish(t(95)).expect("finish");
        s
    }

    #[test]
    fn parts_come_in_layout_order_wrapped_to_80_columns() {
        let text = render(&session(), &layout(), &Settings::default(), &|_| None);
        let labels: Vec<&str> = text
            .lines()
            .filter(|l| !l.starts_with(' '))
            .map(|l| l.split(':').next().unwrap_or(""))
            .collect();
        assert_eq!(
            labels,
            [
                "Date",
                "Duration",
                "Provider",
                "Goals addressed",
                "Response",
                "Plan"
            ]
        );
        assert!(
            text.contains("Duration:        1 h 35 min (95 minutes)"),
            "{text}"
        );
        assert!(text.contains("Provider:        (none recorded)"), "{text}");
        assert!(text.contains("  - Keep the flat"));
        assert!(text.contains("  - Call the housing office (who: peer, by 2026-01-12)"));
        assert!(
            text.lines()
                .all(|l| unicode_width::UnicodeWidthStr::width(l) <= WIDTH),
            "{text}"
        );
    }

    #[test]
    fn a_read_back_shows_in_the_response() {
        let mut s = session();
        s.read_back = Some(crate::domain::ReadBack {
            at: t(96),
            comments: vec![crate::domain::PeerComment {
                at: t(96),
                text: "It is the 8:10 bus".into(),
            }],
        });
        let text = render(&s, &layout(), &Settings::default(), &|_| None);
        assert!(text.contains("Read back with the peer on 2026-01-05 at 11:36."));
        assert!(text.contains("The peer added: \"It is the 8:10 bus\""));
    }

    #[test]
    fn layouts_without_parts_or_labels_are_reported() {
        let mut l = layout();
        l.parts[0].label = " ".into();
        l.parts[1].pieces.clear();
        assert_eq!(layout_problems(&l).len(), 2);
        l.parts.clear();
        assert_eq!(layout_problems(&l).len(), 1);
    }
}
