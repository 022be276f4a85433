//! The tools inside a running session: the palette, the open tool, putting lines into the
//! notes, and saving the peer's safety plan.

use super::forms::{BuildCtx, ToolForm};
use super::palette::{self, Palette};
use super::parts::{Outcome, PartMode};
use super::{OpenTool, PlanStatus, SafetyPlanSave, report};
use crate::app::field::Field;
use crate::app::live::LiveSession;
use crate::app::{Action, App, Effect};
use crate::content::{Content, Tool};
use crate::domain::Timestamp;
use crate::domain::worksheets::Worksheet;

/// Handles `action` when the tools have the keyboard in a session (or it opens them).
/// `None` leaves the action to the session screen.
pub fn in_session(app: &mut App, action: &Action, now: Timestamp) -> Option<Vec<Effect>> {
    let content = app.content;
    let live = app.live.as_mut()?;
    match action {
        Action::OpenPalette => {
            toggle_palette(live);
            return Some(vec![]);
        }
        Action::OpenSafetyPlan => {
            let tool = content
                .tools()
                .iter()
                .find(|t| matches!(t.body, crate::content::ToolBody::SafetyPlan(_)));
            match tool {
                Some(tool) => open_tool(live, content, tool, now),
                None => app.error("No safety plan tool is available in this content."),
            }
            return Some(vec![]);
        }
        _ => {}
    }
    if live.tools.palette.is_some() {
        return Some(palette_action(app, action, now));
    }
    live.tools.active?;
    Some(tool_action(app, action, now))
}

fn toggle_palette(live: &mut LiveSession) {
    live.tools.palette = match live.tools.palette {
        Some(_) => None,
        None => Some(Palette::new("type to find a tool")),
    };
}

fn palette_action(app: &mut App, action: &Action, now: Timestamp) -> Vec<Effect> {
    let content = app.content;
    let Some(live) = app.live.as_mut() else {
        return vec![];
    };
    let stage = live.session.current_stage();
    let Some(p) = live.tools.palette.as_mut() else {
        return vec![];
    };
    if matches!(action, Action::Back) {
        live.tools.palette = None;
        return vec![];
    }
    let entries = palette::entries(content, Some(stage), &p.filter.text());
    if p.handle(action, entries.len()) {
        let chosen = entries.get(p.selected).map(|e| e.tool);
        live.tools.palette = None;
        if let Some(tool) = chosen {
            open_tool(live, content, tool, now);
        }
    }
    vec![]
}

/// Opens `chosen` in the session: the form kept from earlier if it was opened before, else
/// a new one filled from the note (or, for a safety plan, the peer's latest version).
fn open_tool(
    live: &mut LiveSession,
    content: &'static Content,
    chosen: &'static Tool,
    now: Timestamp,
) {
    live.session.record_tool(&chosen.id, now);
    live.dirty = true;
    let sheet_id = chosen
        .part_of
        .as_ref()
        .map(|of| of.tool.clone())
        .unwrap_or_else(|| chosen.id.clone());
    if let Some(i) = live
        .tools
        .forms
        .iter()
        .position(|f| f.sheet_id() == sheet_id)
    {
        live.tools.active = Some(i);
        let stage = live.session.current_stage();
        if let Some(f) = live.tools.forms.get_mut(i) {
            f.chosen_id = chosen.id.clone();
            f.focus_section(chosen);
            // OARS follows the session: starters for the stage it is in now.
            if let ToolForm::Reader(r) = &mut f.form {
                r.follow_stage(stage);
            }
        }
        return;
    }
    let from_note: Option<Worksheet> = live
        .session
        .worksheets
        .iter()
        .find(|w| w.tool_id == sheet_id)
        .map(|w| w.sheet.clone());
    let latest_plan = live.tools.plan.latest().cloned();
    let saved = from_note.or_else(|| {
        matches!(chosen.body, crate::content::ToolBody::SafetyPlan(_))
            .then(|| {
                latest_plan
                    .as_ref()
                    .map(|v| Worksheet::SafetyPlan(v.plan.clone()))
            })
            .flatten()
    });
    let ctx = BuildCtx {
        today: now.date_naive(),
        stage: live.session.current_stage(),
    };
    let mut open = OpenTool::open(content, chosen, saved.as_ref(), ctx, now);
    if matches!(open.form, ToolForm::SafetyPlan(_)) {
        open.base_version = latest_plan.map(|v| (v.version, v.saved_at));
    }
    if let Some(kept) = live
        .session
        .worksheets
        .iter()
        .find(|w| w.tool_id == sheet_id)
    {
        open.opened_at = kept.opened_at;
        open.updated_at = kept.updated_at;
    }
    live.tools.forms.push(open);
    live.tools.active = Some(live.tools.forms.len() - 1);
}

fn tool_action(app: &mut App, action: &Action, now: Timestamp) -> Vec<Effect> {
    let Some(live) = app.live.as_mut() else {
        return vec![];
    };
    let viewing = live
        .tools
        .active()
        .is_some_and(|o| o.viewing_version.is_some());
    if viewing || matches!(action, Action::ShowVersions) {
        let history = match &live.tools.plan {
            PlanStatus::Loaded(Some(h)) => Some(h),
            _ => None,
        };
        let Some(open) = live.tools.active.and_then(|i| live.tools.forms.get_mut(i)) else {
            return vec![];
        };
        let outcome = super::versions_action(open, history, action, now);
        if report(app, &outcome)
            && let Some(live) = app.live.as_mut()
        {
            live.dirty = true;
        }
        return vec![];
    }
    let Some(open) = live.tools.active_mut() else {
        return vec![];
    };
    match action {
        Action::Back if open.mode() != PartMode::Input => {
            let outcome = open.finish_input();
            live.tools.active = None;
            if outcome == Outcome::Changed {
                live.dirty = true;
            }
            return vec![];
        }
        Action::Save => return save(app, now),
        _ => {}
    }
    let outcome = open.handle(action, now);
    if let Outcome::Insert(text) = &outcome {
        insert_line(&mut live.notes, text);
        live.dirty = true;
        app.info(format!("Added to the notes: {}", super::short(text, 48)));
        return vec![];
    }
    if report(app, &outcome)
        && let Some(live) = app.live.as_mut()
    {
        live.dirty = true;
    }
    vec![]
}

/// Puts `text` into the notes on a line of its own, leaving the cursor on the next line.
fn insert_line(notes: &mut Field, text: &str) {
    let col = notes.textarea().cursor().1;
    if col > 0 {
        notes.insert("\n");
    }
    notes.insert(text);
    notes.insert("\n");
}

/// Ctrl+S in a tool: a safety plan is saved as a new version for the peer; anything else is
/// kept in the session's draft now and saved with the note when the session ends.
fn save(app: &mut App, now: Timestamp) -> Vec<Effect> {
    let Some(live) = app.live.as_mut() else {
        return vec![];
    };
    let peer_id = live.session.peer_id;
    let session_id = live.session.id;
    let Some(open) = live.tools.active_mut() else {
        return vec![];
    };
    if let Outcome::Error(e) = open.finish_input() {
        app.error(e);
        return vec![];
    }
    let plan = match &open.form {
        ToolForm::SafetyPlan(form) => Some(form.sheet()),
        _ => None,
    };
    live.dirty = false;
    live.last_draft_at = Some(now);
    let draft = Effect::SaveDraft(live.snapshot());
    match plan {
        Some(plan) if plan.is_empty() => {
            app.error("The safety plan is empty: write at least one line, then save.");
            vec![draft]
        }
        Some(plan) => {
            if matches!(live.tools.plan, PlanStatus::Failed(_)) {
                // The old file could not be read; the store moves it aside and starts again.
                app.info("Saving a new plan; the unreadable one is kept in quarantine.");
            }
            vec![
                draft,
                Effect::SaveSafetyPlan(SafetyPlanSave {
                    peer_id,
                    plan,
                    saved_at: now,
                    session_id: Some(session_id),
                }),
            ]
        }
        None => {
            app.info("Kept with this session's note; it is saved when the session ends.");
            vec![draft]
        }
    }
}
