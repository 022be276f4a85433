//! A flat list of everything in the content, as plain text, for search and the reference.

use serde::Serialize;

use super::Content;
use super::crisis::CrisisResource;
use super::text::Text;
use super::tools::ToolBody;
use crate::domain::Stage;

/// One searchable entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RefEntry {
    /// Unique across all entries: `<kind>:<id>`, e.g. `tool:oars`, `stage:planning`,
    /// `concept:exploring.ambivalence`, `tool:oars.connecting`, `crisis:988`.
    pub id: String,
    pub title: String,
    pub kind: RefKind,
    /// Plain text: blocks separated by a blank line; list items on lines starting "- ".
    pub body: String,
    /// The stage the entry belongs to, when it belongs to exactly one.
    pub stage: Option<Stage>,
    /// Extra words people search for that the text may not use (a tool's `keywords`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}

impl RefEntry {
    /// The id without its kind prefix: the tool id for a tool, `exploring.ambivalence` for
    /// a concept, `oars.connecting` for the OARS prompts of one stage.
    pub fn target(&self) -> &str {
        self.id.split_once(':').map(|(_, t)| t).unwrap_or(&self.id)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RefKind {
    Stage,
    Concept,
    Tool,
    Quality,
    Crisis,
    Role,
    Competency,
    /// One skill of a competency area.
    Skill,
}

impl RefKind {
    pub fn label(self) -> &'static str {
        match self {
            RefKind::Stage => "Stage",
            RefKind::Concept => "Key concept",
            RefKind::Tool => "Tool",
            RefKind::Quality => "Quality",
            RefKind::Crisis => "Crisis",
            RefKind::Role => "Role",
            RefKind::Competency => "Competency",
            RefKind::Skill => "Skill",
        }
    }
}

fn crisis_text(r: &CrisisResource, t: &mut Text) {
    t.para(&r.description);
    t.list(
        "",
        r.contacts.iter().map(|c| match &c.note {
            Some(n) => format!("{}: {} ({n})", c.method.label(), c.value),
            None => format!("{}: {}", c.method.label(), c.value),
        }),
    );
    if let Some(h) = &r.hours {
        t.para(&format!("Hours: {h}"));
    }
}

impl Content {
    /// Every stage, key concept, tool (and the OARS prompts of each stage), quality, role,
    /// competency area and crisis resource, as plain text.
    pub fn reference_entries(&self) -> Vec<RefEntry> {
        let mut out = Vec::new();
        for s in self.stages() {
            let mut t = Text::new();
            t.para(&s.purpose);
            t.pairs(
                "Key concepts",
                s.key_concepts
                    .iter()
                    .map(|k| (k.name.as_str(), k.explanation.as_str())),
            );
            let tools: Vec<(&str, &str)> = s
                .tools
                .iter()
                .map(|id| {
                    self.tool(id)
                        .map_or((id.as_str(), ""), |t| (t.name.as_str(), t.summary.as_str()))
                })
                .collect();
            t.list(
                "Tools",
                tools.iter().map(|(name, summary)| {
                    if summary.is_empty() {
                        name.to_string()
                    } else {
                        format!("{name}: {summary}")
                    }
                }),
            );
            out.push(RefEntry {
                id: format!("stage:{}", s.id.id()),
                title: s.name.clone(),
                kind: RefKind::Stage,
                body: t.finish(),
                stage: Some(s.id),
                keywords: vec![format!("{} stage", s.name)],
            });
            for k in &s.key_concepts {
                let mut t = Text::new();
                t.para(&k.explanation);
                t.para(&format!("Key concept of the {} stage.", s.name));
                out.push(RefEntry {
                    id: format!("concept:{}.{}", s.id.id(), k.id),
                    title: k.name.clone(),
                    kind: RefKind::Concept,
                    body: t.finish(),
                    stage: Some(s.id),
                    keywords: Vec::new(),
                });
            }
        }
        for tool in self.tools() {
            let stage = match tool.stages.as_slice() {
                [only] => Some(*only),
                _ => None,
            };
            out.push(RefEntry {
                id: format!("tool:{}", tool.id),
                title: tool.name.clone(),
                kind: RefKind::Tool,
                body: tool.to_text(),
                stage,
                keywords: tool.keywords.clone(),
            });
            if let ToolBody::Oars(oars) = &tool.body {
                for (stage, set) in oars.stages.iter() {
                    let mut t = Text::new();
                    set.write_text(&mut t);
                    out.push(RefEntry {
                        id: format!("tool:{}.{}", tool.id, stage.id()),
                        title: format!("{}: {}", tool.name, stage.label()),
                        kind: RefKind::Tool,
                        body: t.finish(),
                        stage: Some(stage),
                        // The same words find a stage's prompts as find the whole tool.
                        keywords: tool.keywords.clone(),
                    });
                }
            }
        }
        for q in self.qualities() {
            let mut t = Text::new();
            t.para(&q.meaning).list("In practice", &q.in_practice);
            out.push(RefEntry {
                id: format!("quality:{}", q.id),
                title: q.name.clone(),
                kind: RefKind::Quality,
                body: t.finish(),
                stage: None,
                keywords: Vec::new(),
            });
        }
        for r in self.roles() {
            let mut t = Text::new();
            t.para(&r.summary).list("", &r.activities);
            out.push(RefEntry {
                id: format!("role:{}", r.id),
                title: r.name.clone(),
                kind: RefKind::Role,
                body: t.finish(),
                stage: None,
                keywords: Vec::new(),
            });
        }
        for k in self.competencies() {
            let mut t = Text::new();
            t.para(&k.summary);
            if k.skills.is_empty() {
                t.para(&format!("Skills in this area: {}.", k.skill_count))
                    .list("For example", &k.examples);
            } else {
                t.list(
                    &format!("Skills in this area ({})", k.skills.len()),
                    &k.skills,
                );
            }
            out.push(RefEntry {
                id: format!("competency:{}", k.id),
                title: k.name.clone(),
                kind: RefKind::Competency,
                body: t.finish(),
                stage: None,
                keywords: Vec::new(),
            });
        }
        // Each skill on its own, so a search for a skill finds it and, through it, its area.
        for k in self.competencies() {
            for (n, skill) in k.skills.iter().enumerate() {
                let mut t = Text::new();
                t.para(skill)
                    .para(&format!(
                        "Competency area: {} (skill {} of {}).",
                        k.name,
                        n + 1,
                        k.skills.len()
                    ))
                    .para(&k.summary);
                out.push(RefEntry {
                    id: format!("skill:{}.{}", k.id, n + 1),
                    title: skill.trim_end_matches('.').to_string(),
                    kind: RefKind::Skill,
                    body: t.finish(),
                    stage: None,
                    keywords: Vec::new(),
                });
            }
        }
        let crisis = self.crisis();
        let mut all = Text::new();
        all.para(&crisis.intro);
        for r in crisis.all() {
            all.para(&format!("{}:", r.name));
            crisis_text(r, &mut all);
        }
        out.push(RefEntry {
            id: "crisis:all".to_string(),
            title: "Crisis lines and resources".to_string(),
            kind: RefKind::Crisis,
            body: all.finish(),
            stage: None,
            keywords: Vec::new(),
        });
        for r in crisis.all() {
            let mut t = Text::new();
            crisis_text(r, &mut t);
            out.push(RefEntry {
                id: format!("crisis:{}", r.id),
                title: r.name.clone(),
                kind: RefKind::Crisis,
                body: t.finish(),
                stage: None,
                keywords: Vec::new(),
            });
        }
        out
    }
}
