//! The Ask-Share-Ask form: why something is shared, then ask, share, ask again.

use crate::app::field::Field;
use crate::app::tools::parts::Choice;
use crate::content::tools::AskShareAsk;
use crate::domain::worksheets::{AskShareAskSheet, SharePurpose, Worksheet};

pub struct AsaForm {
    pub content: &'static AskShareAsk,
    pub purpose: Choice,
    /// Ask, share, ask again.
    pub fields: [Field; 3],
}

impl AsaForm {
    pub(super) fn new(content: &'static AskShareAsk, saved: Option<&Worksheet>) -> AsaForm {
        let s = match saved {
            Some(Worksheet::AskShareAsk(s)) => s.clone(),
            _ => AskShareAskSheet::default(),
        };
        AsaForm {
            content,
            purpose: Choice {
                selected: SharePurpose::ALL
                    .iter()
                    .position(|p| *p == s.purpose)
                    .unwrap_or(0),
                count: SharePurpose::ALL.len(),
            },
            fields: [
                Field::multi("what they know or want, and whether they'd like to hear more")
                    .with_text(&s.ask),
                Field::multi("what you offered, briefly").with_text(&s.share),
                Field::multi("what they made of it").with_text(&s.ask_again),
            ],
        }
    }

    pub fn purpose(&self) -> SharePurpose {
        SharePurpose::ALL
            .get(self.purpose.selected)
            .copied()
            .unwrap_or_default()
    }

    pub(super) fn sheet(&self) -> AskShareAskSheet {
        let [ask, share, ask_again] = &self.fields;
        AskShareAskSheet {
            purpose: self.purpose(),
            ask: ask.text().trim().to_string(),
            share: share.text().trim().to_string(),
            ask_again: ask_again.text().trim().to_string(),
        }
    }
}

/// The content's purpose for the domain's.
pub fn content_purpose(p: SharePurpose) -> crate::content::tools::AsaPurpose {
    use crate::content::tools::AsaPurpose;
    match p {
        SharePurpose::ProvidingInformation => AsaPurpose::ProvidingInformation,
        SharePurpose::SharingResource => AsaPurpose::SharingResource,
        SharePurpose::SharingRecoveryStory => AsaPurpose::SharingRecoveryStory,
    }
}
