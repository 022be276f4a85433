//! A worksheet of prompts (preparing a response to anger): one answer per section.

use crate::app::field::Field;
use crate::content::tools::Worksheet as ContentWorksheet;
use crate::domain::worksheets::{PromptAnswer, PromptAnswers, Worksheet};

pub struct PromptSection {
    pub title: String,
    pub prompt: String,
    pub hints: Vec<String>,
    pub field: Field,
}

pub struct PromptsForm {
    pub content: &'static ContentWorksheet,
    pub sections: Vec<PromptSection>,
}

impl PromptsForm {
    pub(super) fn new(
        content: &'static ContentWorksheet,
        saved: Option<&Worksheet>,
    ) -> PromptsForm {
        let saved = match saved {
            Some(Worksheet::Prompts(s)) => s.clone(),
            _ => PromptAnswers::default(),
        };
        let mut sections: Vec<PromptSection> = content
            .sections
            .iter()
            .map(|s| PromptSection {
                title: s.title.clone(),
                prompt: s.prompt.clone(),
                hints: s.hints.clone(),
                field: Field::multi("your answer")
                    .with_text(saved.answer_for(&s.title).unwrap_or("")),
            })
            .collect();
        // Answers to sections the content no longer has are kept, never dropped.
        for a in &saved.answers {
            if !sections.iter().any(|s| s.title == a.title) && !a.answer.trim().is_empty() {
                sections.push(PromptSection {
                    title: a.title.clone(),
                    prompt: a.prompt.clone(),
                    hints: Vec::new(),
                    field: Field::multi("your answer").with_text(&a.answer),
                });
            }
        }
        PromptsForm { content, sections }
    }

    pub(super) fn sheet(&self) -> PromptAnswers {
        PromptAnswers {
            answers: self
                .sections
                .iter()
                .map(|s| PromptAnswer {
                    title: s.title.clone(),
                    prompt: s.prompt.clone(),
                    answer: s.field.text().trim().to_string(),
                })
                .collect(),
        }
    }
}
