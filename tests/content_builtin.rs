//! The built-in assets load, validate, and hold what the UI relies on.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use alongside::content::tools::{
    AsaPurpose, OarsCategory, Quadrant, SafetyStep, SharedSection, ToolBody,
};
use alongside::content::{self, ContactMethod, Content};
use alongside::domain::Stage;

fn builtin() -> &'static Content {
    match content::builtin() {
        Ok(c) => c,
        Err(e) => panic!("built-in content failed to load: {e}"),
    }
}

#[test]
fn builtin_loads_and_is_cached() {
    let a = builtin();
    let b = builtin();
    assert!(
        std::ptr::eq(a, b),
        "the cached accessor returns the same content"
    );
    let fresh = Content::builtin().expect("uncached load");
    assert_eq!(&fresh, a);
}

#[test]
fn every_tool_file_on_disk_is_embedded_and_named_after_its_id() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/tools");
    let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
        .expect("assets/tools exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    let embedded: BTreeSet<String> = content::builtin_tool_files()
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(on_disk, embedded);
    let ids: BTreeSet<String> = builtin().tools().iter().map(|t| t.id.clone()).collect();
    assert_eq!(ids, embedded);
}

#[test]
fn the_five_stages_are_present_in_order() {
    let c = builtin();
    let ids: Vec<Stage> = c.stages().iter().map(|s| s.id).collect();
    assert_eq!(ids, Stage::ALL.to_vec());
    for stage in Stage::ALL {
        let info = c.stage(stage);
        assert_eq!(info.id, stage);
        assert_eq!(info.name, stage.label());
        assert!(!info.key_concepts.is_empty(), "{stage} has key concepts");
        assert!(!info.tools.is_empty(), "{stage} suggests tools");
    }
}

#[test]
fn purposes_are_two_or_three_sentences() {
    for s in builtin().stages() {
        let sentences = s.purpose.matches(". ").count() + 1;
        assert!(
            (2..=3).contains(&sentences),
            "{} purpose has {sentences} sentences",
            s.id
        );
    }
}

#[test]
fn stage_tool_references_resolve_both_ways() {
    let c = builtin();
    for stage in Stage::ALL {
        for id in &c.stage(stage).tools {
            let tool = c
                .tool(id)
                .unwrap_or_else(|| panic!("{stage} lists unknown tool {id}"));
            assert!(tool.fits(stage), "tool {id} should list stage {stage}");
        }
    }
    for tool in c.tools() {
        for stage in &tool.stages {
            assert!(
                c.stage(*stage).tools.contains(&tool.id),
                "stage {stage} should suggest tool {}",
                tool.id
            );
        }
        assert!(!tool.keywords.is_empty());
    }
    // Every tool is suggested somewhere.
    for tool in c.tools() {
        assert!(!tool.stages.is_empty(), "{} fits no stage", tool.id);
    }
}

#[test]
fn tools_for_a_stage_follow_the_stage_order() {
    let c = builtin();
    let ids: Vec<&str> = c
        .tools_for(Stage::Connecting)
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    let listed: Vec<&str> = c
        .stage(Stage::Connecting)
        .tools
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(ids, listed);
}

#[test]
fn oars_has_at_least_six_distinct_prompts_of_every_kind_for_every_stage() {
    let c = builtin();
    for stage in Stage::ALL {
        let set = c.oars_for(stage).expect("OARS present");
        for (category, prompts) in set.categories() {
            assert!(
                prompts.len() >= 6,
                "{stage} {} has {} prompts",
                category.label(),
                prompts.len()
            );
            let distinct: BTreeSet<&String> = prompts.iter().collect();
            assert_eq!(distinct.len(), prompts.len());
        }
        assert_eq!(set.categories().count(), OarsCategory::ALL.len());
    }
}

/// Every piece of text in a tool's body, so duplicates can be found. A feeling family's
/// label ("Sad") is left out: it is the name of a group that rightly contains the word "sad".
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.trim().to_lowercase()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(m) => m
            .iter()
            .filter(|(k, _)| k.as_str() != "family")
            .for_each(|(_, x)| strings(x, out)),
        _ => {}
    }
}

#[test]
fn no_tool_repeats_a_prompt_or_any_other_text() {
    for tool in builtin().tools() {
        let value = serde_json::to_value(&tool.body).expect("serialize");
        let mut all = Vec::new();
        strings(&value, &mut all);
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for s in &all {
            *seen.entry(s.as_str()).or_default() += 1;
        }
        let dups: Vec<_> = seen.into_iter().filter(|(_, n)| *n > 1).collect();
        assert!(dups.is_empty(), "tool {} repeats: {dups:?}", tool.id);
    }
}

#[test]
fn reflective_listening_covers_levels_feelings_roadblocks_and_examples() {
    let tool = builtin().tool("reflective_listening").expect("tool");
    let ToolBody::ReflectiveListening(rl) = &tool.body else {
        panic!("wrong body kind")
    };
    let levels: Vec<&str> = rl.levels.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(levels.first(), Some(&"Repeating"));
    assert!(levels.contains(&"Reflecting feeling"));
    assert_eq!(levels.last(), Some(&"Reflecting meaning"));
    let families: Vec<&str> = rl.feelings.iter().map(|f| f.family.as_str()).collect();
    for f in [
        "Sad", "Angry", "Afraid", "Happy", "Ashamed", "Confused", "Hopeful",
    ] {
        assert!(families.contains(&f), "feeling family {f}");
    }
    assert!(rl.roadblocks.len() >= 12);
    assert!(rl.examples.len() >= 3);
}

#[test]
fn worksheets_have_their_required_parts() {
    let c = builtin();
    let Some(ToolBody::AdvantagesDisadvantages(ad)) =
        c.tool("advantages_disadvantages").map(|t| &t.body)
    else {
        panic!("advantages_disadvantages")
    };
    for q in Quadrant::ALL {
        assert!(ad.quadrant(q).is_some_and(|i| !i.hints.is_empty()));
    }

    let Some(ToolBody::AskShareAsk(asa)) = c.tool("ask_share_ask").map(|t| &t.body) else {
        panic!("ask_share_ask")
    };
    for p in AsaPurpose::ALL {
        let u = asa.for_purpose(p).expect("use present");
        assert!(!u.ask.examples.is_empty() && !u.share.examples.is_empty());
        assert!(!u.ask_again.examples.is_empty());
    }

    let Some(ToolBody::SafetyPlan(sp)) = c.tool("safety_plan").map(|t| &t.body) else {
        panic!("safety_plan")
    };
    let steps: Vec<SafetyStep> = sp.sections.iter().map(|s| s.step).collect();
    assert_eq!(steps, SafetyStep::ALL.to_vec());

    let Some(ToolBody::GentleRefusal(gr)) = c.tool("gentle_refusal").map(|t| &t.body) else {
        panic!("gentle_refusal")
    };
    assert_eq!(gr.steps.len(), 3);

    let Some(ToolBody::Values(v)) = c.tool("exploring_values").map(|t| &t.body) else {
        panic!("exploring_values")
    };
    assert!(
        (38..=45).contains(&v.values.len()),
        "{} values",
        v.values.len()
    );

    for id in ["initial_meeting", "concluding_relationship"] {
        let Some(ToolBody::Checklist(cl)) = c.tool(id).map(|t| &t.body) else {
            panic!("{id} is a checklist")
        };
        assert!(cl.items.len() >= 8);
    }
    let Some(ToolBody::Checklist(first)) = c.tool("initial_meeting").map(|t| &t.body) else {
        panic!("initial_meeting")
    };
    for item in &first.items {
        assert!(
            item.say_it.is_some(),
            "initial meeting item {} says how",
            item.id
        );
    }
}

#[test]
fn section_tools_show_the_planning_sections() {
    let c = builtin();
    let Some(ToolBody::Planning(plan)) = c.tool("planning").map(|t| &t.body) else {
        panic!("planning")
    };
    assert_eq!(plan.goal.horizon_months, 3);
    assert!(!plan.pathways.harm_reduction.is_empty());
    let b = c.tool("brainstorming").expect("brainstorming");
    assert_eq!(b.body, ToolBody::Brainstorming(plan.brainstorming.clone()));
    assert_eq!(
        b.part_of.as_ref().map(|p| (p.tool.as_str(), p.section)),
        Some(("planning", SharedSection::Brainstorming))
    );
    let p = c.tool("planning_possibilities").expect("possibilities");
    assert_eq!(
        p.body,
        ToolBody::PlanningPossibilities(plan.possibilities.clone())
    );
}

#[test]
fn crisis_lines_are_complete_and_local_starts_empty() {
    let crisis = builtin().crisis();
    assert!(crisis.local.is_empty());
    let line = |id: &str| {
        crisis
            .national
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("crisis line {id}"))
    };
    let has = |id: &str, m: ContactMethod, v: &str| {
        line(id)
            .contacts
            .iter()
            .any(|c| c.method == m && c.value.contains(v))
    };
    assert!(has("988", ContactMethod::Call, "988"));
    assert!(has("988", ContactMethod::Text, "988"));
    assert!(has("988", ContactMethod::Chat, "988lifeline.org"));
    assert!(has("veterans", ContactMethod::Call, "988"));
    assert!(
        line("veterans")
            .contacts
            .iter()
            .any(|c| c.note.as_deref() == Some("then press 1"))
    );
    assert!(has("veterans", ContactMethod::Text, "838255"));
    assert!(has("emergency", ContactMethod::Call, "911"));
    assert!(has("samhsa", ContactMethod::Call, "1-800-662-4357"));
    assert!(has("crisis-text-line", ContactMethod::Text, "741741"));
    assert!(line("crisis-text-line").one_line().contains("HOME"));
}

#[test]
fn the_five_qualities_are_present() {
    let ids: Vec<&str> = builtin()
        .qualities()
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "recovery_oriented",
            "person_centered",
            "voluntary",
            "relationship_focused",
            "trauma_informed"
        ]
    );
}

#[test]
fn roles_and_competencies_are_present() {
    let c = builtin();
    let roles: Vec<&str> = c.roles().iter().map(|r| r.id.as_str()).collect();
    for r in [
        "groups",
        "individual_sessions",
        "recovery_support",
        "mentoring",
        "advocacy",
        "crisis_assistance",
    ] {
        assert!(roles.contains(&r), "role {r}");
    }
    assert_eq!(c.total_skills(), 111);
    let sum: u32 = c.competencies().iter().map(|k| k.skill_count).sum();
    assert_eq!(sum, 111);
}

#[test]
fn fallback_still_has_every_stage_and_the_crisis_lines() {
    let f = Content::fallback();
    assert_eq!(f.stages().len(), 5);
    assert!(f.tools().is_empty());
    assert!(f.crisis().national.iter().any(|r| r.id == "988"));
    assert!(f.crisis().national.iter().any(|r| r.id == "emergency"));
}
