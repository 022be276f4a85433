//! One form per kind of tool: its pieces in Tab order, how keys reach them, and how it turns
//! into (and is rebuilt from) the typed worksheet in `crate::domain::worksheets`. Each form
//! lives in its own module; this one holds the enum that dispatches to them.

mod ask_share_ask;
mod checklist;
mod decisional;
mod planning;
mod prompts;
mod reader;
mod refusal;
mod safety_plan;
mod values;

pub use ask_share_ask::{AsaForm, content_purpose};
pub use checklist::ChecklistForm;
pub use decisional::{DecisionalForm, side_of};
pub use planning::{HARM_REDUCTION, PlanningForm};
pub use prompts::{PromptSection, PromptsForm};
pub use reader::ReaderForm;
pub use refusal::RefusalForm;
pub use safety_plan::{SafetyForm, SafetySectionForm, section_of};
pub use values::{ValuesForm, ValuesInput};

use chrono::NaiveDate;

use super::docs;
use super::parts::{CheckList, Choice, DocLine, ItemList, Lines, Outcome, PartMode, text_input};
use crate::app::Action;
use crate::app::field::Field;
use crate::content::{Tool, ToolBody};
use crate::domain::Stage;
use crate::domain::worksheets::{ChecklistSheet, Worksheet};

/// What a form needs to know when it is built.
#[derive(Debug, Clone, Copy)]
pub struct BuildCtx {
    /// The day relative dates count from.
    pub today: NaiveDate,
    /// The stage OARS starters are shown for.
    pub stage: Stage,
}

pub enum ToolForm {
    /// OARS, the listening cheat sheet, guides, planning pitfalls: read and insert.
    Reader(ReaderForm),
    // The forms that hold several text fields are boxed: a field is large, and the enum
    // would otherwise be as large as its largest form.
    AskShareAsk(Box<AsaForm>),
    Decisional(Box<DecisionalForm>),
    Checklist(Box<ChecklistForm>),
    Values(Box<ValuesForm>),
    Prompts(PromptsForm),
    Refusal(Box<RefusalForm>),
    Planning(Box<PlanningForm>),
    SafetyPlan(SafetyForm),
}

/// Mutable access to the piece at one stop.
enum Part<'a> {
    Text(&'a mut Field),
    Items(&'a mut ItemList),
    Checks(&'a mut CheckList),
    Choice(&'a mut Choice),
    Lines(&'a mut Lines),
}

impl Part<'_> {
    fn handle(self, action: &Action) -> Outcome {
        match self {
            Part::Text(f) => text_input(f, action),
            Part::Items(l) => l.handle(action),
            Part::Checks(c) => c.handle(action),
            Part::Choice(c) => c.handle(action),
            Part::Lines(l) => l.handle(action),
        }
    }

    fn finish_input(self) -> Outcome {
        match self {
            Part::Items(l) => l.finish_input(),
            Part::Checks(c) => c.finish_input(),
            _ => Outcome::Nothing,
        }
    }
}

impl ToolForm {
    /// Builds the form for `tool`, filled with `saved` when the tool was used before.
    pub fn build(tool: &'static Tool, saved: Option<&Worksheet>, ctx: BuildCtx) -> ToolForm {
        match &tool.body {
            ToolBody::Oars(o) => ToolForm::Reader(ReaderForm::oars(o, ctx.stage)),
            ToolBody::ReflectiveListening(r) => {
                ToolForm::Reader(ReaderForm::plain(docs::listening(r)))
            }
            ToolBody::Guide(g) => ToolForm::Reader(ReaderForm::plain(docs::guide(g))),
            ToolBody::PlanningPossibilities(p) => {
                ToolForm::Reader(ReaderForm::plain(docs::possibilities_with_signals(p)))
            }
            ToolBody::Brainstorming(b) => {
                // Only reached when brainstorming is not part of a planning tool.
                let mut lines = vec![DocLine::text(&b.intro)];
                lines.extend(b.prompts.iter().map(DocLine::prompt));
                ToolForm::Reader(ReaderForm::plain(lines))
            }
            ToolBody::AskShareAsk(a) => ToolForm::AskShareAsk(Box::new(AsaForm::new(a, saved))),
            ToolBody::AdvantagesDisadvantages(a) => {
                ToolForm::Decisional(Box::new(DecisionalForm::new(a, saved, ctx.today)))
            }
            ToolBody::Checklist(c) => ToolForm::Checklist(Box::new(ChecklistForm::new(c, saved))),
            ToolBody::Values(v) => ToolForm::Values(Box::new(ValuesForm::new(v, saved))),
            ToolBody::Worksheet(w) => ToolForm::Prompts(PromptsForm::new(w, saved)),
            ToolBody::GentleRefusal(g) => ToolForm::Refusal(Box::new(RefusalForm::new(g, saved))),
            ToolBody::Planning(p) => {
                ToolForm::Planning(Box::new(PlanningForm::new(p, saved, ctx.today)))
            }
            ToolBody::SafetyPlan(s) => ToolForm::SafetyPlan(SafetyForm::new(s, saved)),
        }
    }

    /// Whether the form holds anything worth saving (reading tools hold nothing).
    pub fn keeps_a_sheet(&self) -> bool {
        !matches!(self, ToolForm::Reader(_))
    }

    pub fn stops(&self) -> usize {
        match self {
            ToolForm::Reader(_) | ToolForm::Checklist(_) => 1,
            ToolForm::AskShareAsk(_) => 4,
            ToolForm::Decisional(_) => 5,
            ToolForm::Values(_) => 2,
            ToolForm::Prompts(p) => p.sections.len().max(1),
            ToolForm::Refusal(_) => 4,
            ToolForm::Planning(_) => PlanningForm::STOPS,
            ToolForm::SafetyPlan(s) => s.sections.len().max(1),
        }
    }

    fn part(&mut self, stop: usize) -> Option<Part<'_>> {
        Some(match self {
            ToolForm::Reader(r) => Part::Lines(&mut r.lines),
            ToolForm::AskShareAsk(a) => match stop {
                0 => Part::Choice(&mut a.purpose),
                n => Part::Text(a.fields.get_mut(n - 1)?),
            },
            ToolForm::Decisional(d) => match stop {
                0..4 => Part::Items(d.boxes.get_mut(stop)?),
                _ => Part::Text(&mut d.reflection),
            },
            ToolForm::Checklist(c) => Part::Checks(&mut c.list),
            ToolForm::Values(_) => return None,
            ToolForm::Prompts(p) => Part::Text(&mut p.sections.get_mut(stop)?.field),
            ToolForm::Refusal(r) => Part::Text(r.fields.get_mut(stop)?),
            ToolForm::Planning(p) => match stop {
                PlanningForm::SIGNALS => Part::Checks(&mut p.signals),
                PlanningForm::REFERENCE => Part::Lines(&mut p.reference),
                PlanningForm::BRAINSTORM => Part::Items(&mut p.brainstorm),
                PlanningForm::GOAL => Part::Text(&mut p.goal),
                PlanningForm::GOAL_BY => Part::Text(&mut p.goal_by),
                PlanningForm::STEPS => Part::Items(&mut p.steps),
                _ => Part::Checks(&mut p.pathways),
            },
            ToolForm::SafetyPlan(s) => Part::Text(&mut s.sections.get_mut(stop)?.field),
        })
    }

    /// Which keys the piece at `stop` needs, without changing anything.
    pub fn mode_of(&self, stop: usize) -> PartMode {
        match self {
            ToolForm::Reader(_) => PartMode::Lines,
            ToolForm::AskShareAsk(_) if stop == 0 => PartMode::Choice,
            ToolForm::Decisional(d) if stop < 4 => {
                d.boxes.get(stop).map_or(PartMode::List, |b| b.mode())
            }
            ToolForm::Checklist(c) => c.list.mode(),
            ToolForm::Values(v) => v.mode(stop),
            ToolForm::Planning(p) => match stop {
                PlanningForm::SIGNALS => p.signals.mode(),
                PlanningForm::REFERENCE => PartMode::Lines,
                PlanningForm::BRAINSTORM => p.brainstorm.mode(),
                PlanningForm::STEPS => p.steps.mode(),
                PlanningForm::PATHWAYS => p.pathways.mode(),
                _ => PartMode::Text,
            },
            _ => PartMode::Text,
        }
    }

    /// Whether the list at `stop` takes an importance (so 1-5 rate items).
    pub fn rated(&self, stop: usize) -> bool {
        matches!(self, ToolForm::Decisional(_)) && stop < 4
    }

    pub fn handle(&mut self, stop: usize, action: &Action) -> Outcome {
        match self {
            ToolForm::Values(v) => return v.handle(stop, action),
            ToolForm::Reader(r) => {
                if let Action::GoToStage(stage) = action {
                    return r.set_stage(*stage);
                }
            }
            _ => {}
        }
        match self.part(stop) {
            Some(p) => p.handle(action),
            None => Outcome::Nothing,
        }
    }

    /// Stores whatever is half-typed at `stop` (a new item, a note) before leaving it.
    pub fn finish_input(&mut self, stop: usize) -> Outcome {
        if let ToolForm::Values(v) = self {
            return v.finish_input();
        }
        match self.part(stop) {
            Some(p) => p.finish_input(),
            None => Outcome::Nothing,
        }
    }

    /// Shows the cursor only in the text field at `stop`.
    pub fn refocus(&mut self, stop: usize) {
        for i in 0..self.stops() {
            if let Some(Part::Text(f)) = self.part(i) {
                f.set_focused(i == stop);
            }
        }
    }

    /// What the form holds as a worksheet; `None` for reading tools.
    pub fn sheet(&self) -> Option<Worksheet> {
        Some(match self {
            ToolForm::Reader(_) => return None,
            ToolForm::AskShareAsk(a) => Worksheet::AskShareAsk(a.sheet()),
            ToolForm::Decisional(d) => Worksheet::AdvantagesDisadvantages(d.sheet()),
            ToolForm::Checklist(c) => Worksheet::Checklist(ChecklistSheet {
                items: c.list.items_with_pending(),
            }),
            ToolForm::Values(v) => Worksheet::Values(v.sheet_with_pending()),
            ToolForm::Prompts(p) => Worksheet::Prompts(p.sheet()),
            ToolForm::Refusal(r) => Worksheet::GentleRefusal(r.sheet()),
            ToolForm::Planning(p) => Worksheet::Planning(p.sheet()),
            ToolForm::SafetyPlan(s) => Worksheet::SafetyPlan(s.sheet()),
        })
    }
}
