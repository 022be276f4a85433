//! A worksheet of prompts and answers, such as preparing a response to anger.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromptAnswer {
    /// The section's title, e.g. "Early signs".
    pub title: String,
    /// The question as it was asked.
    pub prompt: String,
    #[serde(default)]
    pub answer: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromptAnswers {
    pub answers: Vec<PromptAnswer>,
}

impl PromptAnswers {
    pub fn is_empty(&self) -> bool {
        self.answers.iter().all(|a| a.answer.trim().is_empty())
    }

    /// The answer saved for a section title, if any.
    pub fn answer_for(&self, title: &str) -> Option<&str> {
        self.answers
            .iter()
            .find(|a| a.title == title)
            .map(|a| a.answer.as_str())
    }
}
