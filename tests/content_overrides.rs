//! Organization override files replace or add content; bad files are reported and skipped.

use std::fs;
use std::path::Path;

use alongside::content::tools::ToolBody;
use alongside::content::{self, Content, ContentProblem};
use alongside::domain::Stage;

fn builtin() -> &'static Content {
    content::builtin().unwrap_or_else(|e| panic!("{e}"))
}

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).expect("write override file");
}

const LOCAL_CRISIS: &str = r#"
[[crisis.local]]
id = "county-mobile"
name = "County mobile crisis team"
description = "Comes to the person, day or night."
contacts = [{ method = "call", value = "555-0100" }]
hours = "Every day, all hours"
"#;

const REPLACE_REFUSAL: &str = r#"id = "gentle_refusal"
name = "Saying no kindly"
summary = "Our agency's version."
stages = ["supporting"]
keywords = ["no"]

[gentle_refusal]
intro = "Short and kind."
reminders = ["Keep it brief."]

[[gentle_refusal.steps]]
name = "Acknowledge"
guidance = "Hear the need."
phrasings = ["I hear you."]

[[gentle_refusal.steps]]
name = "Limit"
guidance = "Say the limit."
phrasings = ["I can't do that."]

[[gentle_refusal.steps]]
name = "Offer"
guidance = "Offer something."
phrasings = ["Here's what I can do."]

[[gentle_refusal.examples]]
request = "A lift home?"
acknowledge = "Getting home is hard."
limit = "I can't drive peers."
offer = "Let's look at the bus times."
"#;

const NEW_TOOL_BUNDLE: &str = r#"
[[tools]]
id = "warmline"
name = "Our warmline"
summary = "When to suggest the agency warmline."
stages = ["supporting"]
keywords = ["warmline", "phone"]

[tools.guide]
intro = "The warmline is staffed by peers every evening."
prompts = ["Would it help to have someone to talk to in the evenings?"]

[[tools.guide.sections]]
title = "When to suggest it"
points = ["Evenings feel long", "The peer wants to talk, not a crisis line"]
"#;

/// Line 7 has an unknown field; everything else in the file is fine.
const BROKEN_AT_LINE_7: &str = r#"# Local resources
[[crisis.local]]
id = "clinic"
name = "Clinic"
description = "Walk-in clinic."
contacts = [{ method = "call", value = "555-0111" }]
opening = "9 to 5"
"#;

#[test]
fn overrides_replace_and_add_and_bad_files_are_reported_by_name_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "10-crisis.toml", LOCAL_CRISIS);
    write(dir.path(), "20-broken.toml", BROKEN_AT_LINE_7);
    write(dir.path(), "30-gentle_refusal.toml", REPLACE_REFUSAL);
    write(dir.path(), "40-new-tool.toml", NEW_TOOL_BUNDLE);
    write(dir.path(), "notes.txt", "not toml, ignored");

    let (c, problems) = Content::with_overrides(dir.path());

    assert_eq!(problems.len(), 1, "{problems:#?}");
    let p = &problems[0];
    assert_eq!(p.file_name(), "20-broken.toml");
    assert_eq!(p.line, Some(7));
    assert!(p.message.contains("opening"), "{}", p.message);
    assert!(p.to_string().contains("20-broken.toml:7:"), "{p}");

    // The good files still applied.
    let local: Vec<&str> = c.crisis().local.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        local,
        ["county-mobile"],
        "broken file's clinic is not added"
    );
    assert_eq!(
        c.crisis().all().next().map(|r| r.id.as_str()),
        Some("county-mobile")
    );
    let refusal = c.tool("gentle_refusal").expect("replaced tool");
    assert_eq!(refusal.name, "Saying no kindly");
    let warmline = c.tool("warmline").expect("added tool");
    assert!(matches!(warmline.body, ToolBody::Guide(_)));
    assert!(
        c.tools_for(Stage::Supporting)
            .iter()
            .any(|t| t.id == "warmline"),
        "a new tool shows at the stages it names"
    );
    // Untouched content is the built-in content.
    assert_eq!(c.tool("oars"), builtin().tool("oars"));
    assert_eq!(c.crisis().national, builtin().crisis().national);
    // The cached built-in content itself is never changed.
    assert!(builtin().crisis().local.is_empty());
    assert_eq!(
        builtin().tool("gentle_refusal").map(|t| t.name.as_str()),
        Some("Gentle refusal in three steps")
    );
}

#[test]
fn a_missing_directory_means_no_overrides() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (c, problems) = Content::with_overrides(&dir.path().join("does-not-exist"));
    assert!(problems.is_empty());
    assert_eq!(&c, builtin());
}

fn apply(name: &str, src: &str) -> (Content, Vec<ContentProblem>) {
    let mut c = builtin().clone();
    let problems = c.apply_str(Path::new(name), src);
    (c, problems)
}

#[test]
fn syntax_errors_point_at_their_line() {
    let (c, problems) = apply(
        "syntax.toml",
        "[[crisis.local]]\nid = \"x\"\nname = \"unterminated\n",
    );
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, Some(3));
    assert_eq!(&c, builtin());
}

#[test]
fn a_wrong_value_type_points_at_its_line() {
    let src = "[[crisis.local]]\nid = \"x\"\nname = \"X\"\ndescription = \"d\"\ncontacts = [{ method = \"pigeon\", value = \"1\" }]\n";
    let (_, problems) = apply("types.toml", src);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, Some(5));
    assert!(problems[0].message.contains("pigeon"));
}

#[test]
fn a_stage_pointing_at_an_unknown_tool_is_rejected_with_its_line() {
    let mut stage = toml::to_string(&serde_json::json!({
        "stages": [builtin().stage(Stage::Planning)]
    }))
    .expect("serialize stage");
    stage = stage.replace("\"brainstorming\"", "\"no_such_tool\"");
    let expected_line = stage
        .lines()
        .position(|l| l.contains("no_such_tool"))
        .map(|i| i + 1);
    let (c, problems) = apply("stage.toml", &stage);
    assert!(!problems.is_empty());
    assert!(problems.iter().any(|p| p.message.contains("no_such_tool")));
    assert_eq!(problems[0].line, expected_line);
    assert_eq!(&c, builtin());
}

#[test]
fn a_replaced_stage_applies() {
    let mut stage = builtin().stage(Stage::Planning).clone();
    stage.purpose = "Our agency's words for planning. Two sentences.".to_string();
    let src = toml::to_string(&serde_json::json!({ "stages": [stage] })).expect("serialize");
    let (c, problems) = apply("stage.toml", &src);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(c.stage(Stage::Planning).purpose, stage.purpose);
}

#[test]
fn empty_text_is_rejected() {
    let src = "[[crisis.local]]\nid = \"x\"\nname = \"\"\ndescription = \"d\"\ncontacts = [{ method = \"call\", value = \"1\" }]\n";
    let (c, problems) = apply("empty.toml", src);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message.contains("empty text"));
    assert_eq!(problems[0].line, Some(3));
    assert_eq!(&c, builtin());
}

#[test]
fn a_tool_with_two_bodies_or_none_is_rejected() {
    let none =
        "id = \"t\"\nname = \"T\"\nsummary = \"s\"\nstages = [\"planning\"]\nkeywords = [\"k\"]\n";
    let (_, problems) = apply("none.toml", none);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("no body"));
    assert_eq!(problems[0].line, Some(1));

    let two = format!(
        "{none}[section_of]\ntool = \"planning\"\nsection = \"brainstorming\"\n[guide]\nintro = \"i\"\nsections = []\nprompts = []\n"
    );
    let (_, problems) = apply("two.toml", &two);
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("more than one body"))
    );
}

#[test]
fn a_section_tool_follows_a_replaced_planning_tool() {
    let Some(ToolBody::Planning(plan)) = builtin().tool("planning").map(|t| &t.body) else {
        panic!("planning")
    };
    let mut plan = plan.clone();
    plan.brainstorming.intro = "Our agency's brainstorming intro.".to_string();
    let tool = builtin().tool("planning").expect("planning");
    let src = toml::to_string(&serde_json::json!({
        "id": tool.id,
        "name": tool.name,
        "summary": tool.summary,
        "stages": tool.stages,
        "keywords": tool.keywords,
        "planning": plan,
    }))
    .expect("serialize");
    let (c, problems) = apply("planning.toml", &src);
    assert!(problems.is_empty(), "{problems:?}");
    let Some(ToolBody::Brainstorming(b)) = c.tool("brainstorming").map(|t| &t.body) else {
        panic!("brainstorming")
    };
    assert_eq!(b.intro, "Our agency's brainstorming intro.");
}

#[test]
fn a_section_of_an_unknown_tool_is_rejected() {
    let src = "id = \"ideas\"\nname = \"Ideas\"\nsummary = \"s\"\nstages = [\"planning\"]\nkeywords = [\"k\"]\n[section_of]\ntool = \"nope\"\nsection = \"brainstorming\"\n";
    let (c, problems) = apply("ideas.toml", src);
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("does not exist"))
    );
    assert!(c.tool("ideas").is_none());
}

#[test]
fn truncated_and_mangled_files_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/tools");
    for name in ["oars.toml", "planning.toml", "safety_plan.toml"] {
        let src = fs::read_to_string(dir.join(name)).expect("read asset");
        let mut c = builtin().clone();
        let mut cut = 0;
        while cut < src.len() {
            if src.is_char_boundary(cut) {
                let _ = c.apply_str(Path::new(name), &src[..cut]);
                let mangled = format!("{}\u{0}{}", &src[..cut], &src[cut..]);
                let _ = c.apply_str(Path::new(name), &mangled);
            }
            cut += 211;
        }
        // The whole file applies cleanly and changes nothing.
        assert!(c.apply_str(Path::new(name), &src).is_empty());
    }
    let mut c = builtin().clone();
    for junk in ["", "=", "[[", "id = 3", "[crisis]\nlocal = 5", "\u{feff}"] {
        let _ = c.apply_str(Path::new("junk.toml"), junk);
    }
    assert_eq!(&c, builtin());
}
