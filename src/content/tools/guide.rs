//! A plain guide of titled sections: used for advocacy and for self-care.

use serde::{Deserialize, Serialize};

use super::Body;
use crate::content::text::Text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub intro: String,
    pub sections: Vec<GuideSection>,
    /// Questions to think about or talk through.
    pub prompts: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuideSection {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub points: Vec<String>,
}

impl Body for Guide {
    fn write_text(&self, t: &mut Text) {
        t.para(&self.intro);
        for s in &self.sections {
            match &s.text {
                Some(text) => t.list(&format!("{}: {}", s.title, text), &s.points),
                None => t.list(&s.title, &s.points),
            };
        }
        t.list("Questions to consider", &self.prompts);
    }
}
