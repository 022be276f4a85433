//! Reflective listening: levels of reflection, feeling words, roadblocks, worked examples.

use serde::{Deserialize, Serialize};

use super::Body;
use crate::content::text::Text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReflectiveListening {
    pub intro: String,
    /// From staying with the peer's words to reflecting feeling and meaning.
    pub levels: Vec<ReflectionLevel>,
    pub feelings: Vec<FeelingFamily>,
    pub roadblocks: Vec<Roadblock>,
    pub examples: Vec<WorkedExample>,
    pub tips: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReflectionLevel {
    pub name: String,
    pub description: String,
    pub starters: Vec<String>,
    /// One short illustration: what the peer said, then the reflection.
    pub example: String,
}

/// Feeling words of one family, by intensity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeelingFamily {
    pub family: String,
    pub mild: Vec<String>,
    pub moderate: Vec<String>,
    pub strong: Vec<String>,
}

impl FeelingFamily {
    pub fn by_intensity(&self) -> [(Intensity, &[String]); 3] {
        [
            (Intensity::Mild, &self.mild),
            (Intensity::Moderate, &self.moderate),
            (Intensity::Strong, &self.strong),
        ]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Intensity {
    Mild,
    Moderate,
    Strong,
}

impl Intensity {
    pub fn label(self) -> &'static str {
        match self {
            Intensity::Mild => "mild",
            Intensity::Moderate => "moderate",
            Intensity::Strong => "strong",
        }
    }
}

/// A common response that gets in the way of listening.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roadblock {
    pub name: String,
    pub sounds_like: String,
    pub why_it_blocks: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkedExample {
    pub peer_says: String,
    pub reflection: String,
    pub why_it_works: String,
}

impl Body for ReflectiveListening {
    fn write_text(&self, t: &mut Text) {
        t.para(&self.intro);
        for level in &self.levels {
            t.para(&format!("{}: {}", level.name, level.description));
            t.list("Starters", &level.starters);
            t.para(&format!("Example: {}", level.example));
        }
        t.para("Feeling words, from mild to strong:");
        for f in &self.feelings {
            let items: Vec<String> = f
                .by_intensity()
                .iter()
                .map(|(i, words)| format!("{}: {}", i.label(), words.join(", ")))
                .collect();
            t.list(&f.family, items);
        }
        t.para("Roadblocks to listening:");
        for r in &self.roadblocks {
            t.list(
                &r.name,
                [
                    format!("Sounds like: {}", r.sounds_like),
                    format!("Why it gets in the way: {}", r.why_it_blocks),
                ],
            );
        }
        t.para("Worked examples:");
        for e in &self.examples {
            t.list(
                &format!("Peer says: {}", e.peer_says),
                [
                    format!("Reflection: {}", e.reflection),
                    format!("Why it works: {}", e.why_it_works),
                ],
            );
        }
        t.list("Tips", &self.tips);
    }
}
