//! Search ranking over the real content: realistic queries a specialist types between
//! meetings, each expecting one entry among the first three results.

use alongside::content::{self, SearchIndex};

fn index() -> SearchIndex {
    let c = content::builtin().unwrap_or_else(|e| panic!("{e}"));
    SearchIndex::new(c.reference_entries())
}

/// (query, the entry that must be in the top three)
const QUERIES: &[(&str, &str)] = &[
    ("three steps gentle refusal", "tool:gentle_refusal"),
    (
        "what were the three steps of gentle refusal?",
        "tool:gentle_refusal",
    ),
    ("open question values", "tool:exploring_values"),
    (
        "a good open question for exploring values",
        "tool:exploring_values",
    ),
    ("ready to plan", "tool:planning_possibilities"),
    (
        "the signs a peer is ready to plan",
        "tool:planning_possibilities",
    ),
    ("signs of readiness", "tool:planning_possibilities"),
    ("988", "crisis:988"),
    ("decisional balance", "tool:advantages_disadvantages"),
    ("pros and cons", "tool:advantages_disadvantages"),
    ("trauma informed", "quality:trauma_informed"),
    (
        "trauma informed care",
        "concept:connecting.trauma_informed_care",
    ),
    ("boundaries", "concept:supporting.healthy_boundaries"),
    ("ask permission share", "tool:ask_share_ask"),
    ("refelctive listening", "tool:reflective_listening"),
    ("reflective listning", "tool:reflective_listening"),
    ("saying no to a request", "tool:gentle_refusal"),
    ("double sided reflection", "tool:oars"),
    ("veterans crisis", "crisis:veterans"),
    ("ambivalence", "concept:exploring.ambivalence"),
    ("harm reduction", "tool:planning"),
    ("first meeting checklist", "tool:initial_meeting"),
    ("peer is angry", "tool:response_to_anger"),
    ("ending the relationship", "tool:concluding_relationship"),
    ("burnout", "tool:self_care"),
    ("voluntary", "quality:voluntary"),
    ("advance directives", "skill:crises.5"),
    ("confidentiality", "concept:connecting.confidentiality"),
    ("3 month goal", "tool:planning"),
    ("natural supports", "concept:planning.natural_supports"),
    ("feeling words", "tool:reflective_listening"),
    ("testing the water", "tool:planning_possibilities"),
    ("motivational interviewing", "tool:oars"),
    ("person centred", "quality:person_centered"),
    ("stigma", "concept:supporting.stigma_culture_power"),
    ("mandatory reporting", "skill:training_law.2"),
    ("exploring stage", "stage:exploring"),
    ("affirmations", "tool:oars"),
    ("warning signs safety plan", "tool:safety_plan"),
    ("brainstrom", "tool:brainstorming"),
    ("share my recovery story", "tool:ask_share_ask"),
    ("active listening skills", "skill:communication.2"),
    ("open questions connecting", "tool:oars.connecting"),
    ("open questions exploring", "tool:oars.exploring"),
    ("suicide", "crisis:988"),
];

fn top(idx: &mut SearchIndex, q: &str, n: usize) -> Vec<String> {
    idx.search(q)
        .hits
        .iter()
        .take(n)
        .map(|h| idx.entries()[h.entry].id.clone())
        .collect()
}

#[test]
fn realistic_queries_find_the_right_entry_in_the_top_three() {
    assert!(QUERIES.len() >= 20);
    let mut idx = index();
    let mut failures = Vec::new();
    let mut first = 0;
    for (q, want) in QUERIES {
        let got = top(&mut idx, q, 5);
        if got.first().map(String::as_str) == Some(*want) {
            first += 1;
        }
        if !got.iter().take(3).any(|id| id == want) {
            failures.push(format!("{q:?}: wanted {want}, got {got:?}"));
        }
    }
    println!(
        "{first} of {} queries rank the expected entry first",
        QUERIES.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_prefix_of_a_query_searches_without_trouble() {
    // What the screen does on each key press.
    let mut idx = index();
    let q = "three steps gentle refusal";
    for end in 0..=q.len() {
        idx.search(&q[..end]);
    }
    assert_eq!(top(&mut idx, "gentle ref", 1), ["tool:gentle_refusal"]);
}

#[test]
fn unknown_queries_match_nothing_and_suggest_titles() {
    let mut idx = index();
    for q in ["xyzzy", "qqqq wwww", "zebra"] {
        assert!(idx.search(q).hits.is_empty(), "{q} matched something");
    }
    let s: Vec<String> = idx
        .suggest("saftey plna", 3)
        .into_iter()
        .map(|i| idx.entries()[i].id.clone())
        .collect();
    assert!(s.contains(&"tool:safety_plan".to_string()), "{s:?}");
}

#[test]
fn each_entry_is_found_by_its_own_title() {
    let mut idx = index();
    let titles: Vec<(String, String)> = idx
        .entries()
        .iter()
        .map(|e| (e.id.clone(), e.title.clone()))
        .collect();
    for (id, title) in titles {
        let got = top(&mut idx, &title, 3);
        assert!(got.contains(&id), "{title:?} ({id}) not in {got:?}");
    }
}

#[test]
#[ignore = "prints the rankings, for tuning"]
fn print_rankings() {
    let mut idx = index();
    for (q, want) in QUERIES {
        let r = idx.search(q);
        println!("{q:?} (want {want})");
        for h in r.hits.iter().take(4) {
            println!(
                "   {:>6} {}/{} {}",
                h.score,
                h.matched_terms,
                r.matches.terms.len(),
                idx.entries()[h.entry].id
            );
        }
    }
}

#[test]
fn search_aliases_name_real_entries() {
    let idx = index();
    let tuning = alongside::content::search::Tuning::builtin();
    assert!(!tuning.stopwords.is_empty());
    for id in tuning.aliases.keys() {
        assert!(idx.position(id).is_some(), "assets/search.toml names {id}");
    }
}

#[test]
fn every_skill_has_an_entry_that_names_its_area() {
    let c = content::builtin().unwrap_or_else(|e| panic!("{e}"));
    let entries = c.reference_entries();
    let skills: Vec<_> = entries
        .iter()
        .filter(|e| e.kind == content::RefKind::Skill)
        .collect();
    assert_eq!(skills.len() as u32, c.total_skills());
    for k in c.competencies() {
        assert_eq!(k.skills.len() as u32, k.skill_count, "{}", k.id);
        let area = entries
            .iter()
            .find(|e| e.id == format!("competency:{}", k.id))
            .expect("area entry");
        for (n, skill) in k.skills.iter().enumerate() {
            assert!(area.body.contains(skill.as_str()), "{} lists {skill}", k.id);
            let e = entries
                .iter()
                .find(|e| e.id == format!("skill:{}.{}", k.id, n + 1))
                .expect("skill entry");
            assert!(e.body.contains(&k.name), "{} names its area", e.id);
        }
    }
}

#[test]
fn safety_questions_find_the_safety_plan_and_crisis_lines_first() {
    let mut idx = index();
    for q in [
        "what to say when a peer is suicidal",
        "peer talking about killing himself",
        "overdose",
        "someone in danger right now",
    ] {
        let first = top(&mut idx, q, 3);
        assert_eq!(first[0], "tool:safety_plan", "{q}: {first:?}");
        assert_eq!(first[1], "crisis:988", "{q}: {first:?}");
        assert!(first[2].starts_with("crisis:"), "{q}: {first:?}");
    }
}

#[test]
fn lapse_warmlines_and_respite_have_entries() {
    let mut idx = index();
    for (q, want) in [
        ("relapse", "concept:supporting.lapse_return_to_use"),
        ("lapse", "concept:supporting.lapse_return_to_use"),
        ("return to use", "concept:supporting.lapse_return_to_use"),
        ("relapsed", "concept:supporting.lapse_return_to_use"),
        ("warmline", "concept:supporting.warmlines_respite"),
        ("peer-run respite", "concept:supporting.warmlines_respite"),
        ("substance use helpline", "crisis:samhsa"),
    ] {
        let first = top(&mut idx, q, 1);
        assert_eq!(first.first().map(String::as_str), Some(want), "{q}");
    }
}

#[test]
fn natural_questions_leave_weak_matches_out() {
    let mut idx = index();
    for q in [
        "what to say when a peer is suicidal",
        "how do I help a peer set goals",
        "signs a peer is ready to plan",
        "peer run respite",
    ] {
        let n = idx.search(q).hits.len();
        assert!(n <= 40, "{q}: {n} matches");
        assert!(n >= 1, "{q}: no match");
    }
}
