//! The read-only tools as documents: OARS starters for a stage, the reflective listening
//! cheat sheet, guides, and the reference parts of planning. Lines that are something to say
//! (a starter, a prompt, a worked reflection) can be put into the notes.

use super::parts::DocLine;
use crate::content::tools::{Guide, OarsSet, PlanningPossibilities, ReflectiveListening};

/// The ten kinds of OARS prompt for one stage, each under its own heading.
pub fn oars(set: &OarsSet) -> Vec<DocLine> {
    let mut out = Vec::new();
    for (category, prompts) in set.categories() {
        if !out.is_empty() {
            out.push(DocLine::blank());
        }
        out.push(DocLine::heading(format!(
            "{} · {}",
            category.letter(),
            category.label()
        )));
        out.extend(prompts.iter().map(DocLine::prompt));
    }
    out
}

/// What comes after "You: " in an example written "Peer: ... / You: ...".
fn your_part(example: &str) -> &str {
    example
        .split_once("You:")
        .map(|(_, you)| you.trim())
        .unwrap_or(example)
}

pub fn listening(r: &ReflectiveListening) -> Vec<DocLine> {
    let mut out = vec![DocLine::text(&r.intro), DocLine::blank()];
    out.push(DocLine::heading("Levels of reflection"));
    for level in &r.levels {
        out.push(DocLine::subheading(&level.name));
        out.push(DocLine::text(&level.description));
        out.extend(level.starters.iter().map(DocLine::prompt));
        out.push(DocLine::prompt_as(
            format!("Example: {}", level.example),
            your_part(&level.example),
        ));
    }
    out.push(DocLine::blank());
    out.push(DocLine::heading("Feeling words, mild to strong"));
    for family in &r.feelings {
        out.push(DocLine::subheading(&family.family));
        for (intensity, words) in family.by_intensity() {
            let joined = words.join(", ");
            out.push(DocLine::prompt_as(
                format!("{}: {joined}", intensity.label()),
                joined,
            ));
        }
    }
    out.push(DocLine::blank());
    out.push(DocLine::heading("Roadblocks to listening"));
    for block in &r.roadblocks {
        out.push(DocLine::subheading(&block.name));
        out.push(DocLine::point(format!(
            "Sounds like: {}",
            block.sounds_like
        )));
        out.push(DocLine::text(format!(
            "Why it gets in the way: {}",
            block.why_it_blocks
        )));
    }
    out.push(DocLine::blank());
    out.push(DocLine::heading("Worked examples"));
    for e in &r.examples {
        out.push(DocLine::text(format!("Peer says: {}", e.peer_says)));
        out.push(DocLine::prompt_as(
            format!("Reflection: {}", e.reflection),
            e.reflection.clone(),
        ));
        out.push(DocLine::text(format!("Why it works: {}", e.why_it_works)));
        out.push(DocLine::blank());
    }
    out.push(DocLine::heading("Tips"));
    out.extend(r.tips.iter().map(DocLine::point));
    out
}

pub fn guide(g: &Guide) -> Vec<DocLine> {
    let mut out = vec![DocLine::text(&g.intro)];
    for s in &g.sections {
        out.push(DocLine::blank());
        out.push(DocLine::heading(&s.title));
        if let Some(text) = &s.text {
            out.push(DocLine::text(text));
        }
        out.extend(s.points.iter().map(DocLine::point));
    }
    out.push(DocLine::blank());
    out.push(DocLine::heading("Questions to consider"));
    out.extend(g.prompts.iter().map(DocLine::prompt));
    out
}

/// Testing the water, and the pitfalls of planning with what to do instead.
pub fn possibilities(p: &PlanningPossibilities) -> Vec<DocLine> {
    let mut out = vec![DocLine::text(&p.intro), DocLine::blank()];
    out.push(DocLine::heading("Testing the water"));
    out.extend(p.testing_the_water.iter().map(DocLine::prompt));
    out.push(DocLine::blank());
    out.push(DocLine::heading("Pitfalls and possibilities"));
    for pair in &p.pairs {
        out.push(DocLine::point(format!("Pitfall: {}", pair.pitfall)));
        out.push(DocLine::text(format!("Instead: {}", pair.possibility)));
    }
    out
}

/// The whole of planning's reference part on its own, signals included.
pub fn possibilities_with_signals(p: &PlanningPossibilities) -> Vec<DocLine> {
    let mut out = vec![DocLine::heading("Signs a peer may be ready to plan")];
    for s in &p.readiness_signals {
        out.push(DocLine::point(format!("{}: {}", s.name, s.text)));
    }
    out.push(DocLine::blank());
    out.extend(possibilities(p));
    out
}
