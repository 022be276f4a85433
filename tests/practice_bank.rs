//! The practice bank: enough items per drill, tags that cover the stages, levels and life
//! areas, model answers that meet their own drill's goal, "name the skill" answers that
//! agree with the utterance engine (or say why not), and text of our own.

use std::collections::{BTreeMap, HashSet};

use alongside::domain::Stage;
use alongside::domain::practice::bank::{Difficulty, LifeArea};
use alongside::domain::practice::{Bank, Drill, Item, Part, RoundConfig, SkillChoice};
use alongside::domain::utterance::{Label, classify, classify_in_context};

fn bank() -> &'static Bank {
    Bank::shipped().expect("the shipped practice bank loads")
}

#[test]
fn enough_items_for_every_drill() {
    let b = bank();
    let counts: BTreeMap<Drill, usize> = Drill::ALL
        .into_iter()
        .map(|d| (d, b.items(d).len()))
        .collect();
    assert!(counts[&Drill::OpenUp] >= 24, "{counts:?}");
    assert!(counts[&Drill::Reflect] >= 40, "{counts:?}");
    assert!(counts[&Drill::NameSkill] >= 40, "{counts:?}");
    assert!(counts[&Drill::AskShareAsk] >= 24, "{counts:?}");
    // Peer statements (open up, reflect) and situations (Ask-Share-Ask) of our own.
    let statements = b.open_up.len() + b.reflect.len() + b.ask_share_ask.len();
    assert!(statements >= 80, "{statements} statements and situations");
}

#[test]
fn tags_cover_stages_levels_and_life_areas() {
    let b = bank();
    for drill in Drill::ALL {
        let items = b.items(drill);
        let areas: HashSet<LifeArea> = items.iter().map(|i| i.area()).collect();
        assert_eq!(
            areas.len(),
            LifeArea::ALL.len(),
            "{drill:?} misses a life area"
        );
        for level in Difficulty::ALL {
            let n = items.iter().filter(|i| i.difficulty() == level).count();
            assert!(n >= 5, "{drill:?} has only {n} {level:?} items");
            // A round filtered by level alone is always full.
            let cfg = RoundConfig {
                difficulty: Some(level),
                ..RoundConfig::new(drill)
            };
            assert_eq!(cfg.choose(b, 1, &[]).len(), cfg.size);
        }
        let stages: HashSet<Stage> = items.iter().map(|i| i.stage()).collect();
        match drill {
            // Ask-Share-Ask is a tool of supporting and planning, and of advocating for
            // a peer; the other drills fit every stage.
            Drill::AskShareAsk => assert_eq!(
                stages,
                HashSet::from([Stage::Supporting, Stage::Planning, Stage::Advocating])
            ),
            _ => assert_eq!(stages.len(), 5, "{drill:?} misses a stage: {stages:?}"),
        }
    }
    // Every stage has practice in at least three drills.
    for stage in Stage::ALL {
        let drills = Drill::ALL
            .into_iter()
            .filter(|d| b.items(*d).iter().any(|i| i.stage() == stage))
            .count();
        assert!(drills >= 3, "{stage:?}");
    }
}

#[test]
fn ids_name_their_drill() {
    for item in bank().all_items() {
        let prefix = match item.drill() {
            Drill::OpenUp => "ou-",
            Drill::Reflect => "rf-",
            Drill::NameSkill => "ns-",
            Drill::AskShareAsk => "asa-",
        };
        assert!(item.id().starts_with(prefix), "{}", item.id());
    }
}

/// Every model answer meets the goal of its part, as the engine judges it: the models are
/// what trainees compare with, so they must pass themselves.
fn b_peer(id: &str) -> Option<String> {
    bank()
        .all_items()
        .into_iter()
        .find(|i| i.id() == id)
        .and_then(|i| i.peer_line().map(str::to_string))
}

#[test]
fn model_answers_meet_their_own_goals() {
    let mut failures = Vec::new();
    // Judged alone and, as the drills judge them, against the item's peer line.
    let mut check_in = |id: &str, part: Part, text: &str, peer: Option<&str>| {
        for (how, fb) in [
            ("alone", classify(text)),
            ("after the peer's line", classify_in_context(text, peer)),
        ] {
            if !part.met_by(&fb) {
                failures.push(format!(
                    "{id} {part:?} ({how}): {text:?} reads as {:?} {:?}",
                    fb.label, fb.reflection_depth
                ));
            }
        }
    };
    let mut check = |id: &str, part: Part, text: &str| {
        let peer = b_peer(id);
        check_in(id, part, text, peer.as_deref());
    };
    let b = bank();
    for i in &b.open_up {
        for m in &i.models {
            check(&i.id, Part::Open, m);
        }
    }
    for i in &b.reflect {
        for m in &i.simple {
            check(&i.id, Part::Reflection, m);
        }
        for m in &i.complex {
            check(&i.id, Part::ComplexReflection, &m.text);
        }
    }
    for i in &b.ask_share_ask {
        check(&i.id, Part::Ask, &i.ask);
        check(&i.id, Part::Share, &i.share);
        check(&i.id, Part::AskAgain, &i.ask_again);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The closed question of an "open it up" item really is closed.
#[test]
fn open_up_prompts_are_closed_questions() {
    for i in &bank().open_up {
        assert_eq!(
            classify(&i.closed).label,
            Label::ClosedQuestion,
            "{}: {:?}",
            i.id,
            i.closed
        );
    }
}

#[test]
fn name_the_skill_answers_agree_with_the_engine_or_say_why_not() {
    let mut failures = Vec::new();
    let mut marked = 0;
    for i in &bank().name_skill {
        let fb = classify(&i.line);
        let engine = SkillChoice::of_label(fb.label);
        match (&i.engine_differs, engine == Some(i.answer)) {
            (None, true) => {}
            (None, false) => failures.push(format!(
                "{}: answer {:?} but the engine reads {:?}; fix the line or add engine_differs",
                i.id, i.answer, fb.label
            )),
            (Some(_), true) => failures.push(format!(
                "{}: engine_differs is stale, the engine now agrees",
                i.id
            )),
            (Some(_), false) => marked += 1,
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Marked items stay the exception.
    assert!(marked <= 4, "{marked} items disagree with the engine");
    // Every answer is used, in roughly even numbers.
    for choice in SkillChoice::ALL {
        let n = bank()
            .name_skill
            .iter()
            .filter(|i| i.answer == choice)
            .count();
        assert!(n >= 5, "{choice:?} is the answer of only {n} items");
    }
}

#[test]
fn every_item_can_be_found_and_has_models() {
    let b = bank();
    for item in b.all_items() {
        assert_eq!(b.item(item.id()), Some(item));
        for part in item.drill().parts() {
            assert!(!item.models(*part).is_empty(), "{} {part:?}", item.id());
        }
        if let Item::NameSkill(ns) = item {
            assert!(!ns.why.trim().is_empty());
        }
    }
}

/// Sequences of words from the domain sources, to check that the bank is in our own words.
fn seed_ngrams(n: usize) -> HashSet<String> {
    let dir = std::path::Path::new("/work/shared/seeds");
    let mut out = HashSet::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let Ok(text) = std::fs::read_to_string(e.path()) else {
            continue;
        };
        let words = words(&text);
        for w in words.windows(n) {
            out.insert(w.join(" "));
        }
    }
    out
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn bank_and_skill_texts_are_our_own_words() {
    const N: usize = 8;
    let seeds = seed_ngrams(N);
    if seeds.is_empty() {
        // The sources are not part of the repository; nothing to compare with elsewhere.
        return;
    }
    let b = bank();
    let mut texts: Vec<String> = Vec::new();
    for i in &b.open_up {
        texts.extend([i.context.clone(), i.closed.clone()]);
        texts.extend(i.models.iter().cloned());
    }
    for i in &b.reflect {
        texts.push(i.statement.clone());
        texts.extend(i.simple.iter().cloned());
        texts.extend(i.complex.iter().map(|c| c.text.clone()));
    }
    for i in &b.name_skill {
        texts.extend([i.line.clone(), i.why.clone()]);
    }
    for i in &b.ask_share_ask {
        texts.extend([
            i.situation.clone(),
            i.ask.clone(),
            i.share.clone(),
            i.ask_again.clone(),
        ]);
    }
    for d in Drill::ALL {
        texts.push(b.drill(d).about.clone());
    }
    let content = alongside::content::builtin().expect("content");
    for a in content.competencies() {
        texts.extend(a.skills.iter().cloned());
    }
    let mut copied = Vec::new();
    for t in &texts {
        for w in words(t).windows(N) {
            let g = w.join(" ");
            if seeds.contains(&g) {
                copied.push(format!("{g:?} in {t:?}"));
            }
        }
    }
    assert!(copied.is_empty(), "{}", copied.join("\n"));
}
