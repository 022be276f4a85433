//! The flat reference view covers everything and reads as plain text.

use std::collections::HashSet;

use alongside::content::{self, Content, RefKind};
use alongside::domain::Stage;

fn builtin() -> &'static Content {
    content::builtin().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn entries_cover_every_id() {
    let c = builtin();
    let entries = c.reference_entries();
    let ids: HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), entries.len(), "entry ids are unique");

    for s in c.stages() {
        assert!(ids.contains(format!("stage:{}", s.id.id()).as_str()));
        for k in &s.key_concepts {
            assert!(ids.contains(format!("concept:{}.{}", s.id.id(), k.id).as_str()));
        }
    }
    for t in c.tools() {
        assert!(
            ids.contains(format!("tool:{}", t.id).as_str()),
            "tool {}",
            t.id
        );
    }
    for stage in Stage::ALL {
        assert!(ids.contains(format!("tool:oars.{}", stage.id()).as_str()));
    }
    for q in c.qualities() {
        assert!(ids.contains(format!("quality:{}", q.id).as_str()));
    }
    for r in c.roles() {
        assert!(ids.contains(format!("role:{}", r.id).as_str()));
    }
    for k in c.competencies() {
        assert!(ids.contains(format!("competency:{}", k.id).as_str()));
    }
    for r in c.crisis().all() {
        assert!(ids.contains(format!("crisis:{}", r.id).as_str()));
    }
    assert!(ids.contains("crisis:all"));
}

#[test]
fn bodies_are_plain_text_and_never_empty() {
    for e in builtin().reference_entries() {
        assert!(!e.title.trim().is_empty(), "{} has a title", e.id);
        assert!(!e.body.trim().is_empty(), "{} has a body", e.id);
        assert!(
            !e.body.contains("\n\n\n"),
            "{}: one blank line between blocks",
            e.id
        );
        for line in e.body.lines() {
            assert_eq!(line, line.trim_end(), "{}: no trailing spaces", e.id);
            assert!(!line.starts_with(' '), "{}: no indented lines", e.id);
        }
    }
}

#[test]
fn kinds_and_stages_are_set() {
    let entries = builtin().reference_entries();
    let kind = |id: &str| {
        entries
            .iter()
            .find(|e| e.id == id)
            .map(|e| (e.kind, e.stage))
    };
    assert_eq!(
        kind("stage:planning"),
        Some((RefKind::Stage, Some(Stage::Planning)))
    );
    assert_eq!(
        kind("concept:exploring.ambivalence"),
        Some((RefKind::Concept, Some(Stage::Exploring)))
    );
    assert_eq!(kind("tool:oars"), Some((RefKind::Tool, None)));
    assert_eq!(
        kind("tool:oars.advocating"),
        Some((RefKind::Tool, Some(Stage::Advocating)))
    );
    assert_eq!(
        kind("tool:initial_meeting"),
        Some((RefKind::Tool, Some(Stage::Connecting)))
    );
    assert_eq!(kind("quality:voluntary"), Some((RefKind::Quality, None)));
    assert_eq!(kind("crisis:988"), Some((RefKind::Crisis, None)));
}

#[test]
fn tool_bodies_flatten_the_whole_tool() {
    let entries = builtin().reference_entries();
    let body = |id: &str| {
        entries
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.body.clone())
            .unwrap_or_default()
    };
    let oars = body("tool:oars");
    assert!(oars.contains("Double-sided reflections\n- "));
    assert!(oars.contains("What would you like to see change?"));
    let sp = body("tool:safety_plan");
    assert!(sp.contains("Warning signs"));
    assert!(sp.contains("What matters most to me"));
    let rl = body("tool:reflective_listening");
    assert!(rl.contains("heartbroken"));
    assert!(rl.contains("Reassuring or consoling"));
    let crisis = body("crisis:all");
    assert!(crisis.contains("- Text: 838255"));
    assert!(crisis.contains("- Chat: 988lifeline.org"));
    assert_eq!(
        entries
            .iter()
            .find(|e| e.id == "tool:oars.planning")
            .map(|e| e.target()),
        Some("oars.planning")
    );
}
