//! The safety plan form: one field per section, one item per line.

use crate::app::field::Field;
use crate::content::tools::{SafetyPlan, SafetyStep};
use crate::domain::worksheets::{SafetyPlanSheet, SafetySection, Worksheet, lines_of};

pub struct SafetySectionForm {
    pub section: SafetySection,
    pub title: String,
    pub prompt: String,
    pub hints: Vec<String>,
    /// One item per line.
    pub field: Field,
}

pub struct SafetyForm {
    pub content: &'static SafetyPlan,
    pub sections: Vec<SafetySectionForm>,
}

/// The domain's section for the content's step.
pub fn section_of(step: SafetyStep) -> SafetySection {
    match step {
        SafetyStep::WarningSigns => SafetySection::WarningSigns,
        SafetyStep::InternalCoping => SafetySection::InternalCoping,
        SafetyStep::SocialDistraction => SafetySection::SocialDistraction,
        SafetyStep::PeopleToAsk => SafetySection::PeopleToAsk,
        SafetyStep::Professionals => SafetySection::Professionals,
        SafetyStep::SafeEnvironment => SafetySection::SafeEnvironment,
        SafetyStep::ReasonsForLiving => SafetySection::ReasonsForLiving,
    }
}

impl SafetyForm {
    pub(super) fn new(content: &'static SafetyPlan, saved: Option<&Worksheet>) -> SafetyForm {
        let mut form = SafetyForm {
            content,
            sections: SafetySection::ALL
                .into_iter()
                .map(|section| {
                    let info = content
                        .sections
                        .iter()
                        .find(|s| section_of(s.step) == section);
                    SafetySectionForm {
                        section,
                        title: info.map_or(section.label().to_string(), |i| i.title.clone()),
                        prompt: info.map(|i| i.prompt.clone()).unwrap_or_default(),
                        hints: info.map(|i| i.hints.clone()).unwrap_or_default(),
                        field: Field::multi("one item per line, in the peer's words"),
                    }
                })
                .collect(),
        };
        if let Some(Worksheet::SafetyPlan(plan)) = saved {
            form.fill(plan);
        }
        form
    }

    /// Replaces what the form shows with `plan`.
    pub fn fill(&mut self, plan: &SafetyPlanSheet) {
        for s in &mut self.sections {
            s.field.set_text(&plan.items(s.section).join("\n"));
        }
    }

    pub fn sheet(&self) -> SafetyPlanSheet {
        let mut plan = SafetyPlanSheet::default();
        for s in &self.sections {
            *plan.items_mut(s.section) = lines_of(&s.field.text());
        }
        plan
    }
}
