//! The in-session tools and the same tools between meetings.
//!
//! Inside a session, a palette (t, or Ctrl+T even while typing notes) lists every tool, those
//! that fit the current stage first. A chosen tool replaces the notes on screen; the notes
//! and every tool opened stay in the running session ([`SessionTools`] lives in
//! `LiveSession`), so switching back and forth never loses text, and the draft snapshot
//! carries what each tool holds. Reading tools (OARS, the listening cheat sheet, guides) put
//! lines into the notes. A peer's saved safety plan is read when the session starts and
//! offered on the session screen.
//!
//! Between meetings ([`ToolsApp`], home `t`), a tool is filled for a peer (or no one) and
//! saved as a standalone worksheet, or discarded; unsaved changes are kept automatically so
//! a crash loses nothing. A safety plan is always for one peer and every save is a new
//! version.

pub mod docs;
pub mod forms;
pub mod palette;
pub mod parts;
mod session;
mod standalone;

use std::collections::HashMap;

use uuid::Uuid;

use super::field::Field;
use super::keymap::Mode;
use super::{Action, App, Effect, Screen};
use crate::content::tools::SharedSection;
use crate::content::{Content, Tool};
use crate::domain::worksheets::{
    SafetyPlanHistory, SafetyPlanSheet, SessionWorksheet, StandaloneWorksheet, Worksheet,
};
use crate::domain::{Session, Timestamp};
use forms::{BuildCtx, PlanningForm, ToolForm};
use palette::Palette;
use parts::{Outcome, PartMode};

pub use session::in_session;
pub use standalone::{
    answer, needs_a_peer, open_standalone, opened, pick_choices, update as update_standalone,
};

/// A request to save a new version of a peer's safety plan.
#[derive(Debug, Clone, PartialEq)]
pub struct SafetyPlanSave {
    pub peer_id: Uuid,
    pub plan: SafetyPlanSheet,
    pub saved_at: Timestamp,
    /// The session it was saved in, if any.
    pub session_id: Option<Uuid>,
}

/// A question only the tools ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToolConfirm {
    /// Close a standalone worksheet without saving its changes.
    DiscardChanges,
    /// Delete a saved standalone worksheet for good.
    DeleteSaved(Uuid),
}

impl ToolConfirm {
    pub fn question(self) -> &'static str {
        match self {
            ToolConfirm::DiscardChanges => {
                "Close without saving? Changes since the last save are thrown away."
            }
            ToolConfirm::DeleteSaved(_) => {
                "Delete this saved worksheet for good? It cannot be recovered."
            }
        }
    }
}

/// One tool, open (or kept open) with its form.
pub struct OpenTool {
    /// The tool whose content the form shows: the planning tool when brainstorming or the
    /// planning pitfalls were chosen, so all of planning is one sheet.
    pub tool: &'static Tool,
    /// The id of the tool chosen, as recorded in the session's `tools_used`.
    pub chosen_id: String,
    pub form: ToolForm,
    /// The stop (part of the form) with the keyboard.
    pub focus: usize,
    pub opened_at: Timestamp,
    pub updated_at: Timestamp,
    /// Changed since it was opened or last saved.
    pub changed: bool,
    /// For a safety plan: the latest saved version it started from, and when it was saved.
    pub base_version: Option<(u32, Timestamp)>,
    /// For a safety plan: the saved version being looked at instead of the form.
    pub viewing_version: Option<u32>,
}

impl OpenTool {
    /// Opens `chosen`, filled with `saved`. A tool that shows a section of planning opens
    /// the planning form at that section.
    pub fn open(
        content: &'static Content,
        chosen: &'static Tool,
        saved: Option<&Worksheet>,
        ctx: BuildCtx,
        now: Timestamp,
    ) -> OpenTool {
        let tool = sheet_tool(content, chosen);
        let form = ToolForm::build(tool, saved, ctx);
        let mut open = OpenTool {
            tool,
            chosen_id: chosen.id.clone(),
            form,
            focus: 0,
            opened_at: now,
            updated_at: now,
            changed: false,
            base_version: None,
            viewing_version: None,
        };
        open.focus_section(chosen);
        open
    }

    /// Moves to the part of the form `chosen` is about (brainstorming inside planning).
    pub fn focus_section(&mut self, chosen: &Tool) {
        if let (ToolForm::Planning(_), Some(of)) = (&self.form, &chosen.part_of) {
            self.focus = match of.section {
                SharedSection::Brainstorming => PlanningForm::BRAINSTORM,
                SharedSection::Possibilities => PlanningForm::REFERENCE,
            };
        }
        self.form.refocus(self.focus);
    }

    /// The id the filled sheet is kept under.
    pub fn sheet_id(&self) -> &str {
        &self.tool.id
    }

    pub fn mode(&self) -> PartMode {
        self.form.mode_of(self.focus)
    }

    pub fn rated(&self) -> bool {
        self.form.rated(self.focus)
    }

    fn move_focus(&mut self, forward: bool) -> Outcome {
        let outcome = self.form.finish_input(self.focus);
        if matches!(outcome, Outcome::Error(_)) {
            return outcome;
        }
        let n = self.form.stops().max(1);
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
        self.form.refocus(self.focus);
        outcome
    }

    /// Stores anything half-typed (a new item, a note) before saving or leaving.
    pub fn finish_input(&mut self) -> Outcome {
        self.form.finish_input(self.focus)
    }

    /// Passes a key on to the form; Tab and Shift+Tab move between its parts.
    pub fn handle(&mut self, action: &Action, now: Timestamp) -> Outcome {
        let tab = matches!(action, Action::NextField | Action::PrevField);
        let outcome = if tab && !self.input_takes_tab() {
            self.move_focus(matches!(action, Action::NextField))
        } else {
            self.form.handle(self.focus, action)
        };
        if outcome == Outcome::Changed {
            self.changed = true;
            self.updated_at = now;
        }
        outcome
    }

    /// A step being typed has two fields (what, by when): Tab moves between them.
    fn input_takes_tab(&self) -> bool {
        matches!(&self.form, ToolForm::Planning(p)
            if self.focus == PlanningForm::STEPS && p.steps.input.is_some())
    }

    /// What the form holds, as kept in a session's note. `None` for reading tools.
    pub fn session_worksheet(&self) -> Option<SessionWorksheet> {
        self.form.sheet().map(|sheet| SessionWorksheet {
            tool_id: self.tool.id.clone(),
            tool_name: self.tool.name.clone(),
            opened_at: self.opened_at,
            updated_at: self.updated_at,
            sheet,
        })
    }
}

/// The tool whose form shows `chosen`: planning for its sections, else `chosen` itself.
fn sheet_tool(content: &'static Content, chosen: &'static Tool) -> &'static Tool {
    chosen
        .part_of
        .as_ref()
        .and_then(|of| content.tool(&of.tool))
        .unwrap_or(chosen)
}

/// What is known about the peer's saved safety plan during a session.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum PlanStatus {
    /// Not asked for yet.
    #[default]
    Unknown,
    Loading,
    /// Read: `None` when the peer has no plan yet.
    Loaded(Option<SafetyPlanHistory>),
    /// Could not be read; the message says why.
    Failed(String),
}

impl PlanStatus {
    pub fn latest(&self) -> Option<&crate::domain::worksheets::SafetyPlanVersion> {
        match self {
            PlanStatus::Loaded(Some(h)) => h.latest(),
            _ => None,
        }
    }
}

/// The tools of a running session. Every tool opened stays here until the session ends,
/// so closing one and coming back finds it as it was left.
#[derive(Default)]
pub struct SessionTools {
    pub palette: Option<Palette>,
    pub forms: Vec<OpenTool>,
    /// The tool on screen, an index into `forms`.
    pub active: Option<usize>,
    pub plan: PlanStatus,
}

impl SessionTools {
    /// Restores nothing but remembers nothing lost: filled sheets are already in the session
    /// and are used when their tool is opened again.
    pub fn active(&self) -> Option<&OpenTool> {
        self.active.and_then(|i| self.forms.get(i))
    }

    pub fn active_mut(&mut self) -> Option<&mut OpenTool> {
        self.active.and_then(|i| self.forms.get_mut(i))
    }

    /// Puts what every tool holds into `session` (as a draft or the note holds it). A tool
    /// emptied again is taken out of the note.
    pub fn put_into(&self, session: &mut Session) {
        for form in &self.forms {
            let Some(ws) = form.session_worksheet() else {
                continue;
            };
            if ws.sheet.is_empty() {
                session.worksheets.retain(|w| w.tool_id != ws.tool_id);
            } else {
                session.put_worksheet(ws);
            }
        }
    }
}

/// A worksheet being filled between meetings.
pub struct StandaloneTool {
    pub record: StandaloneWorksheet,
    pub tool: OpenTool,
    /// Changed since it was last written (saved or kept).
    pub dirty: bool,
    pub last_kept_at: Option<Timestamp>,
    /// A save was asked for and not confirmed yet.
    pub saving: bool,
}

/// Choosing who a standalone worksheet is for.
pub struct PeerPick {
    pub tool: &'static Tool,
    pub filter: Field,
    pub selected: usize,
}

/// The tools between meetings.
pub struct ToolsApp {
    /// The list of tools, narrowed by typing.
    pub list: Palette,
    /// The saved worksheets list has the keyboard.
    pub focus_saved: bool,
    /// Standalone worksheets, most recently changed first.
    pub saved: Vec<StandaloneWorksheet>,
    pub saved_selected: usize,
    pub pick: Option<PeerPick>,
    pub open: Option<StandaloneTool>,
    /// Safety plans read for standalone use, by peer.
    pub plans: HashMap<Uuid, SafetyPlanHistory>,
    /// The screen a tool was opened from (not the tools list), to go back to when it closes.
    pub return_to: Option<crate::app::Screen>,
}

impl Default for ToolsApp {
    fn default() -> Self {
        ToolsApp {
            list: Palette::new("type to find a tool"),
            focus_saved: false,
            saved: Vec::new(),
            saved_selected: 0,
            pick: None,
            open: None,
            plans: HashMap::new(),
            return_to: None,
        }
    }
}

impl ToolsApp {
    /// Adds or replaces a worksheet in the saved list, keeping it newest first.
    fn upsert(&mut self, record: StandaloneWorksheet) {
        self.saved.retain(|w| w.id != record.id);
        self.saved.push(record);
        self.saved.sort_by_key(|w| std::cmp::Reverse(w.updated_at));
        self.saved_selected = self.saved_selected.min(self.saved.len().saturating_sub(1));
    }
}

/// Which keys the tools want right now, if they have the keyboard.
pub fn mode(app: &App) -> Option<Mode> {
    match app.screen {
        Screen::Session => {
            let tools = &app.live.as_ref()?.tools;
            if tools.palette.is_some() {
                return Some(Mode::Palette);
            }
            tools.active().map(|open| match open.viewing_version {
                Some(_) => Mode::ToolVersions,
                None => tool_mode(open),
            })
        }
        Screen::Tools => {
            let t = &app.tools;
            Some(match (&t.open, &t.pick) {
                // Between meetings there are no notes to put lines into.
                (Some(open), _) if open.tool.viewing_version.is_some() => Mode::ToolVersions,
                (Some(open), _) if open.tool.mode() == PartMode::Lines => Mode::ToolRead,
                (Some(open), _) => tool_mode(&open.tool),
                (None, Some(_)) => Mode::ToolsPickPeer,
                (None, None) if t.focus_saved => Mode::ToolsSaved,
                (None, None) => Mode::ToolsHome,
            })
        }
        _ => None,
    }
}

fn tool_mode(open: &OpenTool) -> Mode {
    match open.mode() {
        PartMode::Text => Mode::ToolText,
        PartMode::Input => Mode::ToolInput,
        PartMode::List if open.rated() => Mode::ToolRated,
        PartMode::List => Mode::ToolList,
        PartMode::Checks if matches!(open.form, ToolForm::Values(_)) => Mode::ToolPick,
        PartMode::Checks => Mode::ToolChecks,
        PartMode::Choice => Mode::ToolChoice,
        PartMode::Lines => Mode::ToolLines,
    }
}

/// The saved versions of the safety plan open on screen (in the session, or between
/// meetings), if any were read.
pub fn plan_history(app: &App) -> Option<&SafetyPlanHistory> {
    match app.screen {
        Screen::Session => match &app.live.as_ref()?.tools.plan {
            PlanStatus::Loaded(Some(h)) => Some(h),
            _ => None,
        },
        Screen::Tools => {
            let peer = app.tools.open.as_ref()?.record.peer_id?;
            app.tools.plans.get(&peer)
        }
        _ => None,
    }
}

/// F6 in a safety plan, and the keys while a saved version is shown: older and newer
/// versions, Enter copies the one shown into the plan, Esc goes back to it.
fn versions_action(
    open: &mut OpenTool,
    history: Option<&SafetyPlanHistory>,
    action: &Action,
    now: Timestamp,
) -> Outcome {
    let ToolForm::SafetyPlan(form) = &mut open.form else {
        return Outcome::Info("Only the safety plan keeps versions.".into());
    };
    let Some(history) = history.filter(|h| !h.versions.is_empty()) else {
        open.viewing_version = None;
        return Outcome::Info("No saved versions yet: Ctrl+S saves the first.".into());
    };
    let mut numbers: Vec<u32> = history.versions.iter().map(|v| v.version).collect();
    numbers.sort_unstable();
    let Some(current) = open.viewing_version else {
        open.viewing_version = numbers.last().copied();
        return Outcome::Nothing;
    };
    let pos = numbers.iter().position(|n| *n == current).unwrap_or(0);
    match action {
        Action::Up | Action::PrevSection => {
            open.viewing_version = numbers.get(pos.saturating_sub(1)).copied();
        }
        Action::Down | Action::NextSection => {
            open.viewing_version = numbers.get((pos + 1).min(numbers.len() - 1)).copied();
        }
        Action::Submit => {
            if let Some(v) = history.versions.iter().find(|v| v.version == current) {
                form.fill(&v.plan);
                open.viewing_version = None;
                open.changed = true;
                open.updated_at = now;
                return Outcome::Info(format!(
                    "Version {current} copied into the plan. Ctrl+S saves it as a new version."
                ));
            }
        }
        Action::Back | Action::ShowVersions => open.viewing_version = None,
        _ => {}
    }
    Outcome::Nothing
}

/// `text` on one line, cut to `max` characters with "…".
fn short(text: &str, max: usize) -> String {
    let one: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= max {
        return one;
    }
    let mut cut: String = one.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Reports a piece's outcome on the status line; true when what the tool holds changed.
fn report(app: &mut App, outcome: &Outcome) -> bool {
    match outcome {
        Outcome::Changed => return true,
        Outcome::Info(m) => app.info(m.clone()),
        Outcome::Error(m) => app.error(m.clone()),
        Outcome::Nothing | Outcome::Insert(_) => {}
    }
    false
}

/// Time passed: ask for the session peer's safety plan once, and keep an open standalone
/// worksheet's changes every few seconds.
pub fn tick(app: &mut App, now: Timestamp) -> Vec<Effect> {
    let mut effects = Vec::new();
    if let Some(live) = app.live.as_mut()
        && live.tools.plan == PlanStatus::Unknown
    {
        live.tools.plan = PlanStatus::Loading;
        effects.push(Effect::LoadSafetyPlan(live.session.peer_id));
    }
    effects.extend(standalone::autosave(app, now, false));
    effects
}

/// Ctrl+C: keep an open standalone worksheet's unsaved changes before quitting.
pub fn on_interrupt(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    standalone::autosave(app, now, true)
}

/// A peer's safety plan was read.
pub fn plan_loaded(app: &mut App, peer_id: Uuid, plan: Option<SafetyPlanHistory>) {
    if let Some(live) = app.live.as_mut().filter(|l| l.session.peer_id == peer_id) {
        live.tools.plan = PlanStatus::Loaded(plan.clone());
        if let Some(open) = live
            .tools
            .forms
            .iter_mut()
            .find(|f| matches!(f.form, ToolForm::SafetyPlan(_)))
        {
            start_from_latest(open, plan.as_ref());
        }
    }
    if let Some(plan) = &plan {
        app.tools.plans.insert(peer_id, plan.clone());
    }
    if let Some(open) = app
        .tools
        .open
        .as_mut()
        .filter(|o| o.record.peer_id == Some(peer_id))
    {
        start_from_latest(&mut open.tool, plan.as_ref());
    }
}

/// Fills an untouched safety plan form with the latest saved version.
fn start_from_latest(open: &mut OpenTool, plan: Option<&SafetyPlanHistory>) {
    let Some(latest) = plan.and_then(|p| p.latest()) else {
        return;
    };
    if let ToolForm::SafetyPlan(form) = &mut open.form {
        open.base_version = Some((latest.version, latest.saved_at));
        if !open.changed && form.sheet().is_empty() {
            form.fill(&latest.plan);
        }
    }
}

/// A safety plan was saved (or found unchanged).
pub fn plan_saved(app: &mut App, history: SafetyPlanHistory, version: Option<u32>) {
    let peer_id = history.peer_id;
    let latest = history.latest().map(|v| (v.version, v.saved_at));
    let mut touched: Vec<&mut OpenTool> = Vec::new();
    if let Some(live) = app.live.as_mut().filter(|l| l.session.peer_id == peer_id) {
        live.tools.plan = PlanStatus::Loaded(Some(history.clone()));
        touched.extend(
            live.tools
                .forms
                .iter_mut()
                .filter(|f| matches!(f.form, ToolForm::SafetyPlan(_))),
        );
    }
    if let Some(open) = app.tools.open.as_mut().filter(|o| {
        o.record.peer_id == Some(peer_id) && matches!(o.tool.form, ToolForm::SafetyPlan(_))
    }) {
        open.dirty = false;
        open.saving = false;
        touched.push(&mut open.tool);
    }
    for open in touched {
        open.base_version = latest;
        open.changed = false;
    }
    app.tools.plans.insert(peer_id, history);
    match (version, latest) {
        (Some(1), _) => app
            .info("Safety plan saved as version 1. Each later save adds a version; none are lost."),
        (Some(v), _) => app.info(format!(
            "Safety plan saved as version {v}. Earlier versions are kept."
        )),
        (None, Some((v, _))) => app.info(format!(
            "No changes since version {v}, so no new version was saved."
        )),
        (None, None) => {}
    }
}

/// A standalone worksheet was written.
pub fn worksheet_saved(app: &mut App, id: Uuid) {
    let tools = &mut app.tools;
    let Some(open) = tools.open.as_mut().filter(|o| o.record.id == id) else {
        return;
    };
    let was_saving = std::mem::take(&mut open.saving);
    let record = open.record.clone();
    if was_saving {
        open.tool.changed = false;
    }
    tools.upsert(record);
    if was_saving {
        app.info("Worksheet saved. It is listed under Saved worksheets.");
    }
}

/// A standalone worksheet was deleted (discarded, or deleted from the list).
pub fn worksheet_deleted(app: &mut App, id: Uuid) {
    app.tools.saved.retain(|w| w.id != id);
    let len = app.tools.saved.len();
    app.tools.saved_selected = app.tools.saved_selected.min(len.saturating_sub(1));
    if len == 0 {
        app.tools.focus_saved = false;
    }
}

/// A tool effect failed. Returns true when it was one of the tools' own.
pub fn effect_failed(app: &mut App, effect: super::EffectKind, message: &str) -> bool {
    use super::EffectKind as K;
    match effect {
        K::SaveWorksheet if app.quitting => {
            app.quitting = false;
            app.quit_blocked = true;
            app.error(format!(
                "{message} The worksheet is still open. Fix the problem and quit again, or press Ctrl+C again to quit without keeping it."
            ));
        }
        K::SaveWorksheet => {
            if let Some(open) = app.tools.open.as_mut() {
                open.saving = false;
                open.dirty = true;
            }
            app.error(format!("{message} Your worksheet is still here."));
        }
        K::SaveSafetyPlan => {
            if let Some(open) = app.tools.open.as_mut() {
                open.saving = false;
            }
            app.error(format!(
                "{message} The plan is still open here; save again (Ctrl+S) once fixed."
            ));
        }
        K::LoadSafetyPlan => {
            if let Some(live) = app.live.as_mut()
                && live.tools.plan == PlanStatus::Loading
            {
                live.tools.plan = PlanStatus::Failed(message.to_string());
            }
            app.error(format!("Could not read the peer's safety plan: {message}"));
        }
        K::DeleteWorksheet | K::LoadWorksheets => app.error(message.to_string()),
        _ => return false,
    }
    true
}
