//! The gentle refusal form: the request, then acknowledge, limit, offer.

use crate::app::field::Field;
use crate::content::tools::GentleRefusal;
use crate::domain::worksheets::{GentleRefusalSheet, Worksheet};

pub struct RefusalForm {
    pub content: &'static GentleRefusal,
    /// The request, then acknowledge, limit, offer.
    pub fields: [Field; 4],
}

impl RefusalForm {
    pub(super) fn new(content: &'static GentleRefusal, saved: Option<&Worksheet>) -> RefusalForm {
        let s = match saved {
            Some(Worksheet::GentleRefusal(s)) => s.clone(),
            _ => GentleRefusalSheet::default(),
        };
        RefusalForm {
            content,
            fields: [
                Field::multi("what the peer asked for").with_text(&s.request),
                Field::multi("show you heard the request and the need behind it")
                    .with_text(&s.acknowledge),
                Field::multi("the limit, in a sentence or two").with_text(&s.limit),
                Field::multi("what you can do instead").with_text(&s.offer),
            ],
        }
    }

    pub(super) fn sheet(&self) -> GentleRefusalSheet {
        let [request, acknowledge, limit, offer] = &self.fields;
        GentleRefusalSheet {
            request: request.text().trim().to_string(),
            acknowledge: acknowledge.text().trim().to_string(),
            limit: limit.text().trim().to_string(),
            offer: offer.text().trim().to_string(),
        }
    }
}
