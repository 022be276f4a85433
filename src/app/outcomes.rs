//! What the app does once an effect has finished, or failed: the messages a person sees
//! and the screen they are left on.

use super::{
    App, Done, Effect, EffectKind, Screen, competencies, history, office, practice, privacy,
    roleplay, tools, wellbeing,
};

pub(super) fn effect_done(app: &mut App, done: Done) -> Vec<Effect> {
    match done {
        Done::PeerSaved(_) => app.info("Peer saved."),
        Done::SessionSaved(id) => {
            if app.live.as_ref().is_some_and(|l| l.session.id == id) {
                app.live = None;
                app.screen = Screen::Home;
                app.info("Note saved. It is in History.");
            } else if history::amendment_saved(app, id) {
                app.info("Amendment saved. The original note is unchanged.");
            }
        }
        Done::DraftSaved(id) => {
            if let Some(live) = app.live.as_mut().filter(|l| l.session.id == id) {
                live.draft_saved(app.now);
            }
        }
        Done::DraftDiscarded(_) => app.info("Unfinished session discarded."),
        Done::WorksheetSaved(id) => tools::worksheet_saved(app, id),
        Done::WorksheetDeleted(id) => tools::worksheet_deleted(app, id),
        Done::SafetyPlanSaved { history, version } => tools::plan_saved(app, *history, version),
        Done::PracticeRoundSaved(id) => practice::saved(app, id),
        Done::RolePlaySaved(id) => roleplay::saved(app, id),
        Done::CompetenciesSaved => competencies::saved(app),
        Done::Unlocked => return privacy::unlocked(app),
        Done::SettingsSaved(s) => office::settings_saved(app, s),
        Done::ActivityLogSaved => office::saved(app),
        Done::FileWritten(path) => history::file_written(app, &path),
        Done::GoalsSaved => {}
        Done::WellbeingSaved => wellbeing::saved(app),
    }
    vec![]
}

pub(super) fn effect_failed(app: &mut App, effect: EffectKind, message: String) -> Vec<Effect> {
    if tools::effect_failed(app, effect, &message) {
        return vec![];
    }
    match effect {
        EffectKind::SaveDraft if app.quitting => {
            app.quitting = false;
            app.quit_blocked = true;
            app.error(format!(
                "{message} Your text is still here. Fix the problem and quit again, or press Ctrl+C again to quit without keeping it."
            ));
        }
        EffectKind::SaveDraft => {
            if let Some(live) = app.live.as_mut() {
                live.draft_failed(app.now);
            }
            app.error(format!(
                "Autosave failed: {message} Your text is still here."
            ));
        }
        EffectKind::SaveSession => app.error(format!(
            "{message} The note is still open here; save again (Ctrl+S) once fixed."
        )),
        EffectKind::SavePracticeRound => practice::save_failed(app, &message),
        EffectKind::SaveRolePlay => roleplay::save_failed(app, &message),
        EffectKind::SaveCompetencies => competencies::save_failed(app, &message),
        EffectKind::LoadCompetencies => competencies::load_failed(app, message),
        EffectKind::CheckPassphrase => privacy::unlock_failed(app, message),
        EffectKind::SaveActivityLog => office::save_failed(app, &message),
        EffectKind::SaveWellbeing => wellbeing::save_failed(app, &message),
        EffectKind::LoadWellbeing => wellbeing::load_failed(app, message),
        EffectKind::SaveGoals => app.error(format!(
            "The note is saved, but the peer's goals were not updated: {message}"
        )),
        _ => app.error(message),
    }
    vec![]
}
