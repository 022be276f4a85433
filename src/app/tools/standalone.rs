//! The tools between meetings: choose a tool, choose a peer (or no one), fill it, and save
//! it as a standalone worksheet or discard it. Changes not saved yet are kept automatically.

use super::forms::{BuildCtx, ToolForm};
use super::palette;
use super::parts::{Outcome, PartMode};
use super::{OpenTool, PeerPick, SafetyPlanSave, StandaloneTool, ToolConfirm, report};
use crate::app::field::Field;
use crate::app::{AUTOSAVE_SECONDS, Action, App, Confirm, Effect, Screen};
use crate::content::{Tool, ToolBody};
use crate::domain::worksheets::{Discarded, StandaloneWorksheet, Worksheet};
use crate::domain::{Peer, Timestamp};

/// Home `t` opened the tools screen: the list of tools, and the saved worksheets read fresh.
/// (A running session stays where it is; its palette is the way to the tools there.)
pub fn opened(app: &mut App) -> Vec<Effect> {
    if app.screen != Screen::Tools {
        return vec![];
    }
    let tools = &mut app.tools;
    tools.list = super::Palette::new("type to find a tool");
    tools.focus_saved = false;
    tools.pick = None;
    tools.return_to = None;
    vec![Effect::LoadWorksheets]
}

/// Opens the tools screen at one tool, by id (the wellbeing screen's way to self-care).
/// Closing the tool goes back to the screen it was opened from.
pub fn open_standalone(app: &mut App, id: &str, now: Timestamp) -> Vec<Effect> {
    let Some(tool) = app.content.tool(id) else {
        app.info("That tool is not in this organisation's list.");
        return vec![];
    };
    let from = app.screen;
    app.screen = Screen::Tools;
    let mut effects = opened(app);
    effects.extend(choose_tool(app, tool, now));
    if app.tools.open.is_some() {
        app.tools.return_to = Some(from);
    }
    effects
}

pub fn update(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    if app.tools.open.is_some() {
        let effects = tool_action(app, &action, now);
        if app.tools.open.is_none()
            && let Some(screen) = app.tools.return_to.take()
        {
            app.screen = screen;
        }
        return effects;
    }
    app.tools.return_to = None;
    if app.tools.pick.is_some() {
        return pick_action(app, &action, now);
    }
    if matches!(action, Action::OpenPalette) {
        return vec![];
    }
    if app.tools.focus_saved {
        return saved_action(app, &action, now);
    }
    list_action(app, &action, now)
}

fn list_action(app: &mut App, action: &Action, now: Timestamp) -> Vec<Effect> {
    let content = app.content;
    let tools = &mut app.tools;
    match action {
        Action::Back => {
            app.screen = Screen::Home;
            return vec![];
        }
        Action::NextField | Action::PrevField => {
            if tools.saved.is_empty() {
                app.info("No saved worksheets yet.");
            } else {
                tools.focus_saved = true;
            }
            return vec![];
        }
        _ => {}
    }
    let entries = palette::entries(content, None, &tools.list.filter.text());
    if tools.list.handle(action, entries.len())
        && let Some(entry) = entries.get(tools.list.selected)
    {
        return choose_tool(app, entry.tool, now);
    }
    vec![]
}

/// A tool was chosen: reading tools open at once; others ask who the worksheet is for.
fn choose_tool(app: &mut App, tool: &'static Tool, now: Timestamp) -> Vec<Effect> {
    let open = OpenTool::open(app.content, tool, None, ctx(now), now);
    if !open.form.keeps_a_sheet() {
        // Coming back to the list later starts from the whole list again.
        app.tools.list = super::Palette::new("type to find a tool");
        app.tools.open = Some(StandaloneTool {
            record: StandaloneWorksheet::new(&open.tool.id, &open.tool.name, None, now),
            tool: open,
            dirty: false,
            last_kept_at: None,
            saving: false,
        });
        return vec![];
    }
    let mut filter = Field::single("type to find a peer");
    filter.set_focused(true);
    app.tools.pick = Some(PeerPick {
        tool,
        filter,
        selected: 0,
    });
    vec![]
}

fn ctx(now: Timestamp) -> BuildCtx {
    BuildCtx {
        today: now.date_naive(),
        stage: crate::domain::Stage::Connecting,
    }
}

/// Peers the picker offers for `filter`: every active peer whose alias matches.
pub fn pick_choices<'a>(peers: &'a [Peer], filter: &str) -> Vec<&'a Peer> {
    let needle = filter.trim().to_lowercase();
    peers
        .iter()
        .filter(|p| !p.archived && p.alias.to_lowercase().contains(&needle))
        .collect()
}

/// Whether a safety plan is being chosen for: it must be for one peer.
pub fn needs_a_peer(tool: &Tool) -> bool {
    matches!(tool.body, ToolBody::SafetyPlan(_))
}

fn pick_action(app: &mut App, action: &Action, now: Timestamp) -> Vec<Effect> {
    let Some(pick) = app.tools.pick.as_mut() else {
        return vec![];
    };
    let choices: Vec<Peer> = pick_choices(&app.peers, &pick.filter.text())
        .into_iter()
        .cloned()
        .collect();
    // Row 0 is "no peer"; the peers follow.
    let rows = choices.len() + 1;
    match action {
        Action::Input(key) => {
            let narrowed = pick.filter.input(key);
            if narrowed {
                pick.selected = 0;
            }
        }
        Action::Up => pick.selected = pick.selected.saturating_sub(1),
        Action::Down => pick.selected = (pick.selected + 1).min(rows - 1),
        Action::Back => app.tools.pick = None,
        Action::Submit => {
            let tool = pick.tool;
            let peer = match pick.selected {
                0 => None,
                n => choices.get(n - 1).cloned(),
            };
            if peer.is_none() && needs_a_peer(tool) {
                app.error("A safety plan is kept for one peer: choose who it is for.");
                return vec![];
            }
            app.tools.pick = None;
            return start(app, tool, peer, now);
        }
        _ => {}
    }
    vec![]
}

/// Opens a new worksheet of `tool` for `peer`.
fn start(app: &mut App, tool: &'static Tool, peer: Option<Peer>, now: Timestamp) -> Vec<Effect> {
    app.tools.list = super::Palette::new("type to find a tool");
    let mut effects = Vec::new();
    let mut saved: Option<Worksheet> = None;
    let mut base = None;
    if needs_a_peer(tool)
        && let Some(p) = &peer
    {
        match app.tools.plans.get(&p.id).and_then(|h| h.latest()) {
            Some(latest) => {
                saved = Some(Worksheet::SafetyPlan(latest.plan.clone()));
                base = Some((latest.version, latest.saved_at));
            }
            // Read it now; the form fills in when it arrives, if still untouched.
            None => effects.push(Effect::LoadSafetyPlan(p.id)),
        }
    }
    let mut open = OpenTool::open(app.content, tool, saved.as_ref(), ctx(now), now);
    open.base_version = base;
    let record = StandaloneWorksheet::new(
        &open.tool.id,
        &open.tool.name,
        peer.as_ref().map(|p| (p.id, p.alias.as_str())),
        now,
    );
    app.tools.open = Some(StandaloneTool {
        record,
        tool: open,
        dirty: false,
        last_kept_at: None,
        saving: false,
    });
    effects
}

fn saved_action(app: &mut App, action: &Action, now: Timestamp) -> Vec<Effect> {
    let tools = &mut app.tools;
    let len = tools.saved.len();
    match action {
        Action::Up => tools.saved_selected = tools.saved_selected.saturating_sub(1),
        Action::Down => {
            tools.saved_selected = (tools.saved_selected + 1).min(len.saturating_sub(1))
        }
        Action::NextField | Action::PrevField => tools.focus_saved = false,
        Action::Back => app.screen = Screen::Home,
        Action::RemoveItem => {
            if let Some(w) = tools.saved.get(tools.saved_selected) {
                app.confirm = Some(Confirm::Tool(ToolConfirm::DeleteSaved(w.id)));
            }
        }
        Action::Submit => {
            let Some(record) = tools.saved.get(tools.saved_selected).cloned() else {
                return vec![];
            };
            let Some(tool) = app.content.tool(&record.tool_id) else {
                app.error(
                    "This worksheet's tool is not in the content any more; it was left as it is.",
                );
                return vec![];
            };
            let mut open = OpenTool::open(app.content, tool, record.current(), ctx(now), now);
            open.opened_at = record.created_at;
            open.updated_at = record.updated_at;
            let unsaved = record.has_unsaved();
            // Kept-but-unsaved changes count as changes, so closing asks first.
            open.changed = unsaved;
            // A safety plan draft: say which saved version it builds on.
            let mut effects = Vec::new();
            if let (ToolForm::SafetyPlan(_), Some(peer)) = (&open.form, record.peer_id) {
                match app.tools.plans.get(&peer).and_then(|h| h.latest()) {
                    Some(latest) => open.base_version = Some((latest.version, latest.saved_at)),
                    None => effects.push(Effect::LoadSafetyPlan(peer)),
                }
            }
            app.tools.open = Some(StandaloneTool {
                record,
                tool: open,
                dirty: false,
                last_kept_at: Some(now),
                saving: false,
            });
            if unsaved {
                app.info(
                    "Changes kept from last time are shown. Save (Ctrl+S) or discard them (Esc).",
                );
            }
            return effects;
        }
        _ => {}
    }
    vec![]
}

fn tool_action(app: &mut App, action: &Action, now: Timestamp) -> Vec<Effect> {
    let tools = &mut app.tools;
    let Some(open) = tools.open.as_mut() else {
        return vec![];
    };
    if open.tool.viewing_version.is_some() || matches!(action, Action::ShowVersions) {
        let history = open.record.peer_id.and_then(|p| tools.plans.get(&p));
        let outcome = super::versions_action(&mut open.tool, history, action, now);
        if report(app, &outcome)
            && let Some(open) = app.tools.open.as_mut()
        {
            open.dirty = true;
        }
        return vec![];
    }
    let Some(open) = app.tools.open.as_mut() else {
        return vec![];
    };
    match action {
        Action::OpenSafetyPlan => return vec![],
        // "Other tools" between meetings is the list of tools: leave this one as Esc does.
        Action::Back | Action::OpenPalette if open.tool.mode() != PartMode::Input => {
            let outcome = open.tool.finish_input();
            if outcome == Outcome::Changed {
                open.tool.changed = true;
                open.dirty = true;
            }
            if open.tool.changed && open.tool.form.keeps_a_sheet() {
                app.confirm = Some(Confirm::Tool(ToolConfirm::DiscardChanges));
            } else {
                app.tools.open = None;
            }
            return vec![];
        }
        Action::Save => return save(app, now),
        _ => {}
    }
    let outcome = open.tool.handle(action, now);
    if let Outcome::Insert(_) = outcome {
        app.info("Between meetings there are no notes to add to; this is here to read.");
        return vec![];
    }
    if report(app, &outcome)
        && let Some(open) = app.tools.open.as_mut()
    {
        open.dirty = true;
    }
    vec![]
}

fn save(app: &mut App, now: Timestamp) -> Vec<Effect> {
    let Some(open) = app.tools.open.as_mut() else {
        return vec![];
    };
    if let Outcome::Error(e) = open.tool.finish_input() {
        app.error(e);
        return vec![];
    }
    let Some(sheet) = open.tool.form.sheet() else {
        app.info("There is nothing to save in a tool for reading.");
        return vec![];
    };
    if sheet.is_empty() {
        app.error("Nothing to save yet: fill in at least one part first.");
        return vec![];
    }
    open.saving = true;
    open.dirty = false;
    open.last_kept_at = Some(now);
    if let (ToolForm::SafetyPlan(form), Some(peer_id)) = (&open.tool.form, open.record.peer_id) {
        // The plan's versions are its saved copies; the kept draft is no longer needed.
        return vec![
            Effect::SaveSafetyPlan(SafetyPlanSave {
                peer_id,
                plan: form.sheet(),
                saved_at: now,
                session_id: None,
            }),
            Effect::DeleteWorksheet(open.record.id),
        ];
    }
    open.record.save(sheet, now);
    vec![Effect::SaveWorksheet(open.record.clone())]
}

/// Keeps an open worksheet's unsaved changes: every few seconds while typing (`force` for
/// a quit, at once). A worksheet with nothing in it is not written.
pub(super) fn autosave(app: &mut App, now: Timestamp, force: bool) -> Vec<Effect> {
    let Some(open) = app.tools.open.as_mut() else {
        return vec![];
    };
    let due = open
        .last_kept_at
        .is_none_or(|t| (now - t).num_seconds() >= AUTOSAVE_SECONDS);
    if !open.dirty || !(due || force) || open.saving {
        return vec![];
    }
    let Some(sheet) = open.tool.form.sheet() else {
        return vec![];
    };
    if sheet.is_empty() && open.record.saved.is_none() && open.record.unsaved.is_none() {
        return vec![];
    }
    open.dirty = false;
    open.last_kept_at = Some(now);
    open.record.keep_unsaved(sheet, now);
    vec![Effect::SaveWorksheet(open.record.clone())]
}

/// The answer to one of the tools' questions.
pub fn answer(app: &mut App, question: ToolConfirm) -> Vec<Effect> {
    match question {
        ToolConfirm::DiscardChanges => {
            let Some(mut open) = app.tools.open.take() else {
                return vec![];
            };
            let written = open.last_kept_at.is_some() || open.record.saved.is_some();
            match open.record.discard_unsaved() {
                Discarded::Deleted if written => {
                    app.info("Worksheet discarded.");
                    vec![Effect::DeleteWorksheet(open.record.id)]
                }
                Discarded::Deleted => {
                    app.info("Worksheet discarded.");
                    vec![]
                }
                Discarded::Reverted => {
                    app.info("Changes discarded; the saved worksheet is as it was.");
                    app.tools.upsert(open.record.clone());
                    vec![Effect::SaveWorksheet(open.record)]
                }
            }
        }
        ToolConfirm::DeleteSaved(id) => {
            app.info("Worksheet deleted.");
            vec![Effect::DeleteWorksheet(id)]
        }
    }
}
