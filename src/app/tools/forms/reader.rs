//! Reading tools (OARS, the listening cheat sheet, guides, planning pitfalls): lines to read
//! and insert, nothing to save.

use crate::app::tools::docs;
use crate::app::tools::parts::{DocLine, Lines, Outcome};
use crate::content::tools::Oars;
use crate::domain::Stage;

pub struct ReaderForm {
    pub lines: Lines,
    /// For OARS: the starters and the stage they are shown for.
    pub oars: Option<(&'static Oars, Stage)>,
}

impl ReaderForm {
    pub(super) fn plain(lines: Vec<DocLine>) -> ReaderForm {
        ReaderForm {
            lines: Lines::new(lines),
            oars: None,
        }
    }

    pub(super) fn oars(o: &'static Oars, stage: Stage) -> ReaderForm {
        let mut r = ReaderForm {
            lines: Lines::new(docs::oars(o.for_stage(stage))),
            oars: Some((o, stage)),
        };
        // Start on the first open question, ready to use.
        r.lines.next_prompt();
        r
    }

    /// Shows the OARS starters for `stage`, if this is OARS and it shows another stage.
    pub fn follow_stage(&mut self, stage: Stage) {
        if let Some((o, current)) = self.oars
            && current != stage
        {
            *self = ReaderForm::oars(o, stage);
        }
    }

    /// Shows the OARS starters for another stage, saying which; reading tools other than OARS
    /// have no stages.
    pub(super) fn set_stage(&mut self, stage: Stage) -> Outcome {
        if self.oars.is_none() {
            return Outcome::Nothing;
        }
        self.follow_stage(stage);
        Outcome::Info(format!("Starters for {}.", stage.label()))
    }
}
