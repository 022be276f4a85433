//! One form per kind of tool: its pieces in Tab order, how keys reach them, and how it turns
//! into (and is rebuilt from) the typed worksheet in `crate::domain::worksheets`.

use chrono::NaiveDate;

use super::super::Action;
use super::super::field::Field;
use super::docs;
use super::parts::{CheckList, Choice, Item, ItemList, Lines, Outcome, PartMode, text_input};
use crate::content::tools::{
    AdvantagesDisadvantages, AskShareAsk, Checklist, ExploringValues, GentleRefusal, Oars,
    Planning, Quadrant, SafetyPlan, SafetyStep, Worksheet as ContentWorksheet,
};
use crate::content::{Tool, ToolBody};
use crate::domain::Stage;
use crate::domain::summary::parse_date;
use crate::domain::worksheets::{
    AskShareAskSheet, BalanceItem, ChecklistSheet, DecisionalBalance, GentleRefusalSheet,
    MAX_VALUE_CHARS, PlanStep, PlanningSheet, PromptAnswer, PromptAnswers, SafetyPlanSheet,
    SafetySection, SharePurpose, Side, ValuesSheet, Worksheet, lines_of, merge_checks,
};

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
                let mut lines = vec![super::parts::DocLine::text(&b.intro)];
                lines.extend(b.prompts.iter().map(super::parts::DocLine::prompt));
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

// ----- reading tools -----

pub struct ReaderForm {
    pub lines: Lines,
    /// For OARS: the starters and the stage they are shown for.
    pub oars: Option<(&'static Oars, Stage)>,
}

impl ReaderForm {
    fn plain(lines: Vec<super::parts::DocLine>) -> ReaderForm {
        ReaderForm {
            lines: Lines::new(lines),
            oars: None,
        }
    }

    fn oars(o: &'static Oars, stage: Stage) -> ReaderForm {
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

    /// Shows the OARS starters for another stage.
    fn set_stage(&mut self, stage: Stage) -> Outcome {
        let Some((o, current)) = self.oars else {
            return Outcome::Nothing;
        };
        if current != stage {
            *self = ReaderForm::oars(o, stage);
        }
        Outcome::Info(format!("Starters for {}.", stage.label()))
    }
}

// ----- Ask-Share-Ask -----

pub struct AsaForm {
    pub content: &'static AskShareAsk,
    pub purpose: Choice,
    /// Ask, share, ask again.
    pub fields: [Field; 3],
}

impl AsaForm {
    fn new(content: &'static AskShareAsk, saved: Option<&Worksheet>) -> AsaForm {
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

    fn sheet(&self) -> AskShareAskSheet {
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

// ----- advantages and disadvantages -----

pub struct DecisionalForm {
    pub content: &'static AdvantagesDisadvantages,
    /// In [`Side::ALL`] order.
    pub boxes: [ItemList; 4],
    pub reflection: Field,
}

/// The domain's box for the content's quadrant.
pub fn side_of(q: Quadrant) -> Side {
    match q {
        Quadrant::GoodAboutNow => Side::GoodAboutNow,
        Quadrant::NotSoGoodAboutNow => Side::NotSoGoodAboutNow,
        Quadrant::GoodAboutChange => Side::GoodAboutChange,
        Quadrant::NotSoGoodAboutChange => Side::NotSoGoodAboutChange,
    }
}

impl DecisionalForm {
    fn new(
        content: &'static AdvantagesDisadvantages,
        saved: Option<&Worksheet>,
        today: NaiveDate,
    ) -> DecisionalForm {
        let s = match saved {
            Some(Worksheet::AdvantagesDisadvantages(s)) => s.clone(),
            _ => DecisionalBalance::default(),
        };
        let list = |side: Side| {
            ItemList::new("in the peer's words", today)
                .rated()
                .with_items(
                    s.items(side)
                        .iter()
                        .map(|i| Item {
                            text: i.text.clone(),
                            importance: i.importance,
                            date: None,
                        })
                        .collect(),
                )
        };
        DecisionalForm {
            content,
            boxes: Side::ALL.map(list),
            reflection: Field::multi("what stands out? what matters most? in the peer's words")
                .with_text(&s.reflection),
        }
    }

    pub fn sheet(&self) -> DecisionalBalance {
        let mut d = DecisionalBalance {
            reflection: self.reflection.text().trim().to_string(),
            ..DecisionalBalance::default()
        };
        for (side, list) in Side::ALL.into_iter().zip(&self.boxes) {
            *d.items_mut(side) = list
                .items_with_pending()
                .into_iter()
                .map(|i| BalanceItem {
                    text: i.text,
                    importance: i.importance,
                })
                .collect();
        }
        d
    }
}

// ----- checklists -----

pub struct ChecklistForm {
    pub content: &'static Checklist,
    pub list: CheckList,
}

impl ChecklistForm {
    fn new(content: &'static Checklist, saved: Option<&Worksheet>) -> ChecklistForm {
        let saved_items = match saved {
            Some(Worksheet::Checklist(s)) => s.items.as_slice(),
            _ => &[],
        };
        let current: Vec<(&str, &str)> = content
            .items
            .iter()
            .map(|i| (i.id.as_str(), i.title.as_str()))
            .collect();
        ChecklistForm {
            content,
            list: CheckList::new(merge_checks(&current, saved_items)),
        }
    }
}

// ----- exploring values -----

/// What the one-line input of the values form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValuesInput {
    /// A value in the peer's own words.
    Own,
    /// How the chosen value at this rank shows up now.
    Note(usize),
}

pub struct ValuesForm {
    pub content: &'static ExploringValues,
    pub sheet: ValuesSheet,
    /// Selected row of the list of values (the content's, then the peer's own).
    pub pick: usize,
    /// Selected row of the ranking.
    pub rank: usize,
    pub input: Option<(ValuesInput, Field)>,
}

impl ValuesForm {
    pub const PICK: usize = 0;
    pub const RANK: usize = 1;

    fn new(content: &'static ExploringValues, saved: Option<&Worksheet>) -> ValuesForm {
        ValuesForm {
            content,
            sheet: match saved {
                Some(Worksheet::Values(s)) => s.clone(),
                _ => ValuesSheet::default(),
            },
            pick: 0,
            rank: 0,
            input: None,
        }
    }

    /// The rows of the list: every listed value, then the peer's own.
    pub fn rows(&self) -> Vec<(&str, Option<&str>)> {
        let mut rows: Vec<(&str, Option<&str>)> = self
            .content
            .values
            .iter()
            .map(|v| (v.name.as_str(), Some(v.meaning.as_str())))
            .collect();
        rows.extend(
            self.sheet
                .chosen
                .iter()
                .filter(|c| c.own)
                .map(|c| (c.name.as_str(), None)),
        );
        rows
    }

    /// The sheet with whatever is half-typed (a value of their own, a note), as a draft
    /// should keep it.
    pub fn sheet_with_pending(&self) -> ValuesSheet {
        let mut sheet = self.sheet.clone();
        match &self.input {
            Some((ValuesInput::Own, field)) => {
                let _ = sheet.add_own(&field.text(), &self.listed());
            }
            Some((ValuesInput::Note(i), field)) => {
                sheet.set_note(*i, &field.text());
            }
            None => {}
        }
        sheet
    }

    fn listed(&self) -> Vec<&'static str> {
        self.content
            .values
            .iter()
            .map(|v| v.name.as_str())
            .collect()
    }

    fn mode(&self, stop: usize) -> PartMode {
        match (self.input.is_some(), stop) {
            (true, _) => PartMode::Input,
            (false, ValuesForm::PICK) => PartMode::Checks,
            (false, _) => PartMode::List,
        }
    }

    fn open_input(&mut self, what: ValuesInput) {
        let mut field = match what {
            ValuesInput::Own => {
                Field::single("a value in the peer's own words").with_max_chars(MAX_VALUE_CHARS)
            }
            ValuesInput::Note(i) => Field::single("how it shows up in their life now").with_text(
                self.sheet
                    .chosen
                    .get(i)
                    .map(|v| v.how_it_shows.as_str())
                    .unwrap_or(""),
            ),
        };
        field.set_focused(true);
        self.input = Some((what, field));
    }

    fn finish_input(&mut self) -> Outcome {
        let Some((what, field)) = self.input.take() else {
            return Outcome::Nothing;
        };
        let text = field.text();
        match what {
            ValuesInput::Own if text.trim().is_empty() => Outcome::Nothing,
            ValuesInput::Own => match self.sheet.add_own(&text, &self.listed()) {
                Ok(i) => {
                    self.rank = i;
                    self.pick = self
                        .rows()
                        .iter()
                        .position(|(n, _)| self.sheet.chosen.get(i).is_some_and(|c| c.name == *n))
                        .unwrap_or(self.pick);
                    Outcome::Changed
                }
                Err(e) => {
                    // Keep the typing so it can be fixed.
                    self.input = Some((what, field));
                    Outcome::Error(e)
                }
            },
            ValuesInput::Note(i) => {
                let before = self.sheet.chosen.get(i).map(|v| v.how_it_shows.clone());
                self.sheet.set_note(i, &text);
                let after = self.sheet.chosen.get(i).map(|v| v.how_it_shows.clone());
                Outcome::changed(before != after)
            }
        }
    }

    fn handle(&mut self, stop: usize, action: &Action) -> Outcome {
        if let Some((_, field)) = self.input.as_mut() {
            return match action {
                Action::Input(key) => Outcome::changed(field.input(key)),
                Action::Submit | Action::NextField | Action::PrevField => self.finish_input(),
                Action::Back => match self.finish_input() {
                    // Esc gives up on a value that cannot be added; nothing written is lost.
                    Outcome::Error(e) => {
                        self.input = None;
                        Outcome::Info(format!("Not added: {e}"))
                    }
                    other => other,
                },
                _ => Outcome::Nothing,
            };
        }
        if stop == ValuesForm::PICK {
            let len = self.rows().len();
            match action {
                Action::Up => self.pick = self.pick.saturating_sub(1),
                Action::Down => self.pick = (self.pick + 1).min(len.saturating_sub(1)),
                Action::PageUp => self.pick = self.pick.saturating_sub(8),
                Action::PageDown => self.pick = (self.pick + 8).min(len.saturating_sub(1)),
                Action::ToggleItem | Action::Submit => {
                    let Some(name) = self.rows().get(self.pick).map(|(n, _)| n.to_string()) else {
                        return Outcome::Nothing;
                    };
                    self.sheet.toggle(&name);
                    // An own value un-chosen leaves the list: keep the cursor in range.
                    self.pick = self.pick.min(self.rows().len().saturating_sub(1));
                    self.rank = self.rank.min(self.sheet.chosen.len().saturating_sub(1));
                    return Outcome::Changed;
                }
                Action::AddItem => self.open_input(ValuesInput::Own),
                _ => {}
            }
            return Outcome::Nothing;
        }
        let len = self.sheet.chosen.len();
        match action {
            Action::Up => self.rank = self.rank.saturating_sub(1),
            Action::Down => self.rank = (self.rank + 1).min(len.saturating_sub(1)),
            Action::MoveItemUp if self.rank < len => {
                let before = self.rank;
                self.rank = self.sheet.move_up(self.rank);
                return Outcome::changed(before != self.rank);
            }
            Action::MoveItemDown if self.rank < len => {
                let before = self.rank;
                self.rank = self.sheet.move_down(self.rank);
                return Outcome::changed(before != self.rank);
            }
            Action::EditItem | Action::Submit if self.rank < len => {
                self.open_input(ValuesInput::Note(self.rank))
            }
            Action::RemoveItem if self.rank < len => {
                self.sheet.chosen.remove(self.rank);
                self.rank = self.rank.min(self.sheet.chosen.len().saturating_sub(1));
                self.pick = self.pick.min(self.rows().len().saturating_sub(1));
                return Outcome::Changed;
            }
            Action::AddItem => self.open_input(ValuesInput::Own),
            Action::Submit | Action::EditItem => {
                return Outcome::Info("Choose values in the list first (Space).".into());
            }
            _ => {}
        }
        Outcome::Nothing
    }
}

// ----- a worksheet of prompts (preparing a response to anger) -----

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
    fn new(content: &'static ContentWorksheet, saved: Option<&Worksheet>) -> PromptsForm {
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

    fn sheet(&self) -> PromptAnswers {
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

// ----- gentle refusal -----

pub struct RefusalForm {
    pub content: &'static GentleRefusal,
    /// The request, then acknowledge, limit, offer.
    pub fields: [Field; 4],
}

impl RefusalForm {
    fn new(content: &'static GentleRefusal, saved: Option<&Worksheet>) -> RefusalForm {
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

    fn sheet(&self) -> GentleRefusalSheet {
        let [request, acknowledge, limit, offer] = &self.fields;
        GentleRefusalSheet {
            request: request.text().trim().to_string(),
            acknowledge: acknowledge.text().trim().to_string(),
            limit: limit.text().trim().to_string(),
            offer: offer.text().trim().to_string(),
        }
    }
}

// ----- planning -----

pub struct PlanningForm {
    pub content: &'static Planning,
    pub signals: CheckList,
    /// Testing the water, pitfalls and possibilities.
    pub reference: Lines,
    pub brainstorm: ItemList,
    pub goal: Field,
    pub goal_by: Field,
    pub steps: ItemList,
    pub pathways: CheckList,
    pub today: NaiveDate,
}

/// Pathway check items are marked so harm-reduction options read as such.
pub const HARM_REDUCTION: &str = "Harm reduction: ";

impl PlanningForm {
    pub const SIGNALS: usize = 0;
    pub const REFERENCE: usize = 1;
    pub const BRAINSTORM: usize = 2;
    pub const GOAL: usize = 3;
    pub const GOAL_BY: usize = 4;
    pub const STEPS: usize = 5;
    pub const PATHWAYS: usize = 6;
    pub const STOPS: usize = 7;

    fn new(
        content: &'static Planning,
        saved: Option<&Worksheet>,
        today: NaiveDate,
    ) -> PlanningForm {
        let s = match saved {
            Some(Worksheet::Planning(s)) => s.clone(),
            _ => PlanningSheet::default(),
        };
        let signals: Vec<(&str, &str)> = content
            .possibilities
            .readiness_signals
            .iter()
            .map(|r| (r.name.as_str(), r.name.as_str()))
            .collect();
        let harm: Vec<String> = content
            .pathways
            .harm_reduction
            .iter()
            .map(|h| format!("{HARM_REDUCTION}{h}"))
            .collect();
        let mut pathways: Vec<(&str, &str)> = content
            .pathways
            .examples
            .iter()
            .map(|e| (e.name.as_str(), e.name.as_str()))
            .collect();
        pathways.extend(harm.iter().map(|h| (h.as_str(), h.as_str())));
        let horizon =
            crate::domain::worksheets::default_goal_date(today, content.goal.horizon_months);
        PlanningForm {
            content,
            signals: CheckList::new(merge_checks(&signals, &s.signals)),
            reference: Lines::new(docs::possibilities(&content.possibilities)),
            brainstorm: ItemList::new("an idea, no judging", today)
                .with_items(s.brainstorm.iter().map(|b| Item::new(b)).collect()),
            goal: Field::single("the goal, in the peer's own words").with_text(&s.goal),
            goal_by: Field::single(&format!(
                "by when: {horizon} is {} months from today",
                content.goal.horizon_months
            ))
            .with_text(&s.goal_by.map(|d| d.to_string()).unwrap_or_default()),
            steps: ItemList::new("a small step", today).dated().with_items(
                s.steps
                    .iter()
                    .map(|st| Item {
                        text: st.what.clone(),
                        importance: None,
                        date: st.by_when,
                    })
                    .collect(),
            ),
            pathways: CheckList::new(merge_checks(&pathways, &s.pathways)),
            today,
        }
    }

    /// The goal's date, or why it cannot be read. Blank is no date.
    pub fn goal_date(&self) -> Result<Option<NaiveDate>, String> {
        parse_date(&self.goal_by.text(), self.today)
    }

    /// The sheet; a goal date that does not read yet is left out (the field keeps it).
    fn sheet(&self) -> PlanningSheet {
        PlanningSheet {
            signals: self.signals.items_with_pending(),
            brainstorm: self
                .brainstorm
                .items
                .iter()
                .map(|i| i.text.clone())
                .collect(),
            goal: self.goal.text().trim().to_string(),
            goal_by: self.goal_date().unwrap_or(None),
            steps: self
                .steps
                .items_with_pending()
                .into_iter()
                .map(|i| PlanStep {
                    what: i.text,
                    by_when: i.date,
                })
                .collect(),
            pathways: self.pathways.items_with_pending(),
        }
    }
}

// ----- safety plan -----

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
    fn new(content: &'static SafetyPlan, saved: Option<&Worksheet>) -> SafetyForm {
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
