//! Editing a peer's goals from the peer page: set a goal's status (achieved, changed, set
//! aside, or active again), its target date and its life area. Each change is saved to the
//! goals file at once, as a specialist would expect from a record they keep.

use uuid::Uuid;

use super::field::Field;
use super::{Action, App, Effect};
use crate::domain::goals::GoalStatus;
use crate::domain::summary::parse_date;

/// The part of a goal being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalPart {
    Target,
    LifeArea,
}

/// The goal list of the peer page while it has the keyboard.
#[derive(Debug, Clone, Default)]
pub struct GoalEdit {
    /// The goal chosen (by id, so a goal keeps the cursor when a status moves it).
    pub selected: Option<Uuid>,
    /// The part being typed, its field, and what was wrong with the last try.
    pub typing: Option<(GoalPart, Field, Option<String>)>,
}

/// The peer's goals in the order the page shows them.
pub fn goal_ids(app: &App, peer_id: Uuid) -> Vec<Uuid> {
    app.journey
        .goals
        .for_peer(peer_id)
        .iter()
        .map(|g| g.id)
        .collect()
}

/// Opens the goal list on the peer page.
pub fn open(app: &mut App) -> Vec<Effect> {
    let Some(page) = app.peer_page.as_ref() else {
        return vec![];
    };
    let ids = goal_ids(app, page.peer_id);
    if ids.is_empty() {
        app.info("No goals yet: goals are added at the end of a session.");
        return vec![];
    }
    if let Some(page) = app.peer_page.as_mut() {
        page.goals = Some(Box::new(GoalEdit {
            selected: ids.first().copied(),
            typing: None,
        }));
    }
    vec![]
}

/// Handles a key while the goal list is open.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(page) = app.peer_page.as_ref() else {
        return vec![];
    };
    let peer_id = page.peer_id;
    let ids = goal_ids(app, peer_id);
    let Some(edit) = page.goals.as_deref().cloned() else {
        return vec![];
    };
    let index = edit
        .selected
        .and_then(|id| ids.iter().position(|g| *g == id))
        .unwrap_or(0);
    let Some(goal_id) = ids.get(index).copied() else {
        set(app, None);
        return vec![];
    };
    if let Some((part, mut field, _)) = edit.typing {
        return match action {
            Action::Input(key) => {
                field.input(key);
                set(
                    app,
                    Some(GoalEdit {
                        typing: Some((part, field, None)),
                        ..edit
                    }),
                );
                vec![]
            }
            Action::Submit | Action::Save => commit(app, edit.selected, goal_id, part, field),
            Action::Back => {
                set(
                    app,
                    Some(GoalEdit {
                        typing: None,
                        ..edit
                    }),
                );
                vec![]
            }
            _ => vec![],
        };
    }
    match action {
        Action::Up | Action::Down => {
            let next = if matches!(action, Action::Up) {
                index.saturating_sub(1)
            } else {
                (index + 1).min(ids.len().saturating_sub(1))
            };
            set(
                app,
                Some(GoalEdit {
                    selected: ids.get(next).copied(),
                    ..edit
                }),
            );
            vec![]
        }
        Action::SetGoalStatus(status) => set_status(app, goal_id, status),
        Action::EditGoalTarget | Action::EditGoalArea => {
            let Some(goal) = app.journey.goals.get(goal_id) else {
                return vec![];
            };
            let (part, hint, text) = if matches!(action, Action::EditGoalTarget) {
                (
                    GoalPart::Target,
                    "2026-03-14, +7, 10d or 2w; empty for none",
                    goal.target.map(|d| d.to_string()).unwrap_or_default(),
                )
            } else {
                (
                    GoalPart::LifeArea,
                    "health, work, housing, family…",
                    goal.life_area.clone(),
                )
            };
            let mut field = Field::single(hint).with_text(&text);
            field.set_focused(true);
            set(
                app,
                Some(GoalEdit {
                    typing: Some((part, field, None)),
                    ..edit
                }),
            );
            vec![]
        }
        Action::Back => {
            set(app, None);
            vec![]
        }
        _ => vec![],
    }
}

fn set(app: &mut App, edit: Option<GoalEdit>) {
    if let Some(page) = app.peer_page.as_mut() {
        page.goals = edit.map(Box::new);
    }
}

fn set_status(app: &mut App, goal_id: Uuid, status: GoalStatus) -> Vec<Effect> {
    let today = super::journey::today(app);
    let Some(goal) = app.journey.goals.get_mut(goal_id) else {
        return vec![];
    };
    if goal.status == status {
        app.info(format!("This goal is already {}.", status.label()));
        return vec![];
    }
    goal.set_status(status, today);
    app.info(format!("Goal marked {} today.", status.label()));
    vec![Effect::SaveGoals(app.journey.goals.clone())]
}

fn commit(
    app: &mut App,
    selected: Option<Uuid>,
    goal_id: Uuid,
    part: GoalPart,
    field: Field,
) -> Vec<Effect> {
    let today = super::journey::today(app);
    let text = field.text().trim().to_string();
    let Some(goal) = app.journey.goals.get_mut(goal_id) else {
        return vec![];
    };
    match part {
        GoalPart::Target => match parse_date(&text, today) {
            Ok(date) => {
                goal.target = date;
                let said = date.map_or("Target date cleared.".to_string(), |d| {
                    format!("Target date set to {d}.")
                });
                app.info(said);
            }
            Err(why) => {
                set(
                    app,
                    Some(GoalEdit {
                        selected,
                        typing: Some((part, field, Some(why))),
                    }),
                );
                return vec![];
            }
        },
        GoalPart::LifeArea => {
            goal.life_area = text.split_whitespace().collect::<Vec<_>>().join(" ");
            app.info("Life area saved.");
        }
    }
    set(
        app,
        Some(GoalEdit {
            selected,
            typing: None,
        }),
    );
    vec![Effect::SaveGoals(app.journey.goals.clone())]
}
