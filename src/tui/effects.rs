//! Carries out the app's effects against the store and reports the results back as actions.

use std::collections::VecDeque;

use uuid::Uuid;

use crate::app::tools::SafetyPlanSave;
use crate::app::{self, Action, App, Done, Effect, HistoryItem};
use crate::domain::activity_log::ActivityLog;
use crate::domain::competency::CompetencyRecord;
use crate::domain::goals::{GoalBook, Journey};
use crate::domain::practice::{RolePlayRecord, RoundRecord};
use crate::domain::report::{DayRange, FieldAverages, Report};
use crate::domain::secret::Passphrase;
use crate::domain::settings::Settings;
use crate::domain::worksheets::{SafetyPlanHistory, StandaloneWorksheet};
use crate::domain::{Peer, Session, Timestamp};

/// Said by a store that was not built to keep worksheets.
const NO_WORKSHEETS: &str = "this store cannot keep worksheets or safety plans";

/// What the check of the saved files found after the first frame ([`NoteStore::check_index`]).
#[derive(Debug, Default)]
pub struct LateCheck {
    /// Sessions were added, removed or changed outside the app: the lists are read again.
    pub changed: bool,
    /// What to tell the user (files moved aside, files left alone).
    pub notices: Vec<String>,
}

/// What the app needs from storage. Errors are plain sentences for the user: what happened
/// and what to do. They never contain note text.
pub trait NoteStore {
    fn peers(&self) -> Vec<Peer>;
    fn history(&self) -> Vec<HistoryItem>;
    fn save_peer(&mut self, peer: &Peer) -> Result<(), String>;
    /// Saves an ended session's note durably, then drops its draft.
    fn save_session(&mut self, session: &Session) -> Result<(), String>;
    fn save_draft(&mut self, session: &Session) -> Result<(), String>;
    fn discard_draft(&mut self, id: Uuid) -> Result<(), String>;
    fn load_session(&self, id: Uuid) -> Result<Session, String>;
    /// Starts reading every saved session's search text in the background, for a store
    /// that leaves them out of start-up; the app calls it once its first frame is drawn.
    fn preload_search(&self) {}

    /// Whether [`NoteStore::search_index`] would return without waiting for the texts to
    /// be read (true for a store that does not read them in the background).
    fn search_texts_ready(&self) -> bool {
        true
    }

    /// Every saved session's search text (as the store's shared token index), for a store
    /// that leaves them out of [`NoteStore::history`] until after the first frame. Waits
    /// for them to be read.
    fn search_index(&self) -> Option<crate::domain::text_index::SharedTextIndex> {
        None
    }

    /// For a store opened with the check of its saved files left for after the first
    /// frame: runs that check. `None` when nothing was left.
    fn check_index(&mut self) -> Option<LateCheck> {
        None
    }

    /// Standalone worksheets, most recently changed first.
    fn worksheets(&self) -> Result<Vec<StandaloneWorksheet>, String> {
        Ok(Vec::new())
    }
    /// Saves a standalone worksheet durably.
    fn save_worksheet(&mut self, _worksheet: &StandaloneWorksheet) -> Result<(), String> {
        Err(NO_WORKSHEETS.into())
    }
    /// Deletes a discarded standalone worksheet; a missing one is fine.
    fn delete_worksheet(&mut self, _id: Uuid) -> Result<(), String> {
        Err(NO_WORKSHEETS.into())
    }
    /// Every version of a peer's safety plan, or `None` if they have none.
    fn safety_plan(&self, _peer_id: Uuid) -> Result<Option<SafetyPlanHistory>, String> {
        Ok(None)
    }
    /// Saves a new version of a peer's safety plan, keeping the old ones. Returns the whole
    /// history and the new version (`None` when the plan was unchanged and nothing written).
    fn save_safety_plan(
        &mut self,
        _save: &SafetyPlanSave,
    ) -> Result<(SafetyPlanHistory, Option<u32>), String> {
        Err(NO_WORKSHEETS.into())
    }
    /// Saved practice rounds, oldest first, and sentences about files that could not be
    /// read (those are set aside; the rest still load).
    fn practice_rounds(&self) -> (Vec<RoundRecord>, Vec<String>);
    /// Saves one practice round whole, replacing an earlier save of it.
    fn save_practice_round(&mut self, round: &RoundRecord) -> Result<(), String>;
    /// Saved role-plays, oldest first, and sentences about files that could not be read.
    fn practice_roleplays(&self) -> (Vec<RolePlayRecord>, Vec<String>) {
        (Vec::new(), Vec::new())
    }
    /// Saves one coded role-play whole, replacing an earlier save of it.
    fn save_practice_roleplay(&mut self, _record: &RolePlayRecord) -> Result<(), String> {
        Err("this store cannot keep role-plays".into())
    }
    /// The competency record (empty when none was saved), and sentences about problems.
    fn competencies(&self) -> Result<(CompetencyRecord, Vec<String>), String>;
    fn save_competencies(&mut self, record: &CompetencyRecord) -> Result<(), String>;
    /// Checks a passphrase typed on the lock screen against the data folder's key. A store
    /// without encryption has no passphrase to check.
    fn check_passphrase(&self, passphrase: &Passphrase) -> Result<(), String> {
        let _ = passphrase;
        Err("this data folder has no passphrase".into())
    }
    /// Every peer's goals, latest sessions and safety plan dates.
    fn journey(&self) -> Journey {
        Journey::default()
    }
    /// Just after session `id` was saved: its list row, and the start of the row it
    /// replaced (`None` for a new session), for a store that knows both without listing
    /// every session (`None` otherwise: the app then reads the whole history again).
    fn saved_row(
        &self,
        _id: Uuid,
        _started_at: Timestamp,
    ) -> Option<(HistoryItem, Option<Timestamp>)> {
        None
    }
    /// [`NoteStore::journey`] of `peers` alone, goals left empty, for a store that makes it
    /// without the whole journey (`None` otherwise: the whole journey is read again).
    fn journey_of(&self, _peers: &[Uuid]) -> Option<Journey> {
        None
    }
    /// Every peer's goals alone (`None` when only the whole journey can be read).
    fn goals(&self) -> Option<GoalBook> {
        None
    }
    /// [`NoteStore::journey`] with sentences about files that could not be read for it.
    fn journey_and_notices(&self) -> (Journey, Vec<String>) {
        (self.journey(), Vec::new())
    }
    /// Saves every peer's goals durably.
    fn save_goals(&mut self, _book: &GoalBook) -> Result<(), String> {
        Err("this store cannot keep goals".into())
    }
    /// The activity log (empty when nothing was logged).
    fn activity_log(&self) -> Result<ActivityLog, String> {
        Ok(ActivityLog::default())
    }
    fn save_activity_log(&mut self, _log: &ActivityLog) -> Result<(), String> {
        Err("this store cannot keep an activity log".into())
    }
    /// The specialist's own wellbeing checks (empty before the first).
    fn wellbeing(&self) -> Result<crate::domain::wellbeing::WellbeingLog, String> {
        Ok(Default::default())
    }
    /// Saves every wellbeing check durably.
    fn save_wellbeing(
        &mut self,
        _log: &crate::domain::wellbeing::WellbeingLog,
    ) -> Result<(), String> {
        Err("this store cannot keep wellbeing checks".into())
    }
    /// A report over `range` beside the field averages (minutes per day by activity id).
    fn report(&self, _range: DayRange, _averages: &FieldAverages) -> Result<Report, String> {
        Err("this store cannot add up reports".into())
    }
    /// Writes settings.toml in the config folder.
    fn save_settings(&mut self, _settings: &Settings) -> Result<(), String> {
        Err("this store has no settings file".into())
    }
    /// The data folder, so files the person writes never land inside it.
    fn data_dir(&self) -> Option<std::path::PathBuf> {
        None
    }
}

/// Writes a file the person asked for by name: owner-only, never over an existing file or
/// through a link, never inside the data folder.
fn write_new_file(store: &dyn NoteStore, path: &std::path::Path, text: &str) -> Result<(), String> {
    if let Some(data) = store.data_dir()
        && path.starts_with(&data)
    {
        return Err(format!(
            "{} is inside the data folder; choose a file elsewhere.",
            path.display()
        ));
    }
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(format!(
            "{} already exists; choose another name so nothing is overwritten.",
            path.display()
        ));
    }
    match path.parent() {
        Some(dir) if dir.as_os_str().is_empty() || dir.is_dir() => {}
        _ => {
            return Err(format!(
                "The folder for {} does not exist; choose an existing folder.",
                path.display()
            ));
        }
    }
    crate::storage::atomic::write_durably(path, text.as_bytes())
        .map(|_| ())
        .map_err(|e| format!("Could not write {}: {e}.", path.display()))
}

/// Runs `effects` in order, feeding results back through `update`. A failed effect stops
/// the rest of its batch, so a quit never follows a draft that could not be kept.
/// Returns true when the app should exit.
pub fn execute(
    app: &mut App,
    store: &mut dyn NoteStore,
    effects: Vec<Effect>,
    now: Timestamp,
) -> bool {
    let mut queue: VecDeque<Effect> = effects.into();
    while let Some(effect) = queue.pop_front() {
        let kind = effect.kind();
        let refresh = Refresh::after(&effect);
        let result: Result<Option<Action>, String> = match effect {
            Effect::Quit => return true,
            Effect::SavePeer(p) => store
                .save_peer(&p)
                .map(|()| Some(Action::EffectDone(Done::PeerSaved(p.id)))),
            // Runs on the UI thread, and a note is shown saved only once this returns, after
            // its fsync; what follows it ([`Refresh`]) costs in proportion to the change.
            Effect::SaveSession(s) => store
                .save_session(&s)
                .map(|()| Some(Action::EffectDone(Done::SessionSaved(s.id)))),
            Effect::SaveDraft(s) => store
                .save_draft(&s)
                .map(|()| Some(Action::EffectDone(Done::DraftSaved(s.id)))),
            Effect::DiscardDraft(id) => store
                .discard_draft(id)
                .map(|()| Some(Action::EffectDone(Done::DraftDiscarded(id)))),
            Effect::LoadNote(id) => store
                .load_session(id)
                .map(|s| Some(Action::NoteLoaded(Box::new(s)))),
            Effect::SaveWorksheet(w) => store
                .save_worksheet(&w)
                .map(|()| Some(Action::EffectDone(Done::WorksheetSaved(w.id)))),
            Effect::DeleteWorksheet(id) => store
                .delete_worksheet(id)
                .map(|()| Some(Action::EffectDone(Done::WorksheetDeleted(id)))),
            Effect::LoadWorksheets => store
                .worksheets()
                .map(|list| Some(Action::WorksheetsLoaded(list))),
            Effect::LoadSafetyPlan(peer_id) => store.safety_plan(peer_id).map(|plan| {
                Some(Action::SafetyPlanLoaded {
                    peer_id,
                    plan: plan.map(Box::new),
                })
            }),
            Effect::SaveSafetyPlan(save) => {
                store.save_safety_plan(&save).map(|(history, version)| {
                    Some(Action::EffectDone(Done::SafetyPlanSaved {
                        history: Box::new(history),
                        version,
                    }))
                })
            }
            Effect::LoadPractice => {
                let (rounds, mut problems) = store.practice_rounds();
                let (roleplays, more) = store.practice_roleplays();
                problems.extend(more);
                Ok(Some(Action::PracticeLoaded {
                    rounds,
                    roleplays,
                    problems,
                }))
            }
            Effect::SaveRolePlay(r) => store
                .save_practice_roleplay(&r)
                .map(|()| Some(Action::EffectDone(Done::RolePlaySaved(r.id)))),
            Effect::ReadTranscript(path) => {
                Ok(Some(Action::TranscriptRead(read_transcript(&path))))
            }
            Effect::SavePracticeRound(r) => store
                .save_practice_round(&r)
                .map(|()| Some(Action::EffectDone(Done::PracticeRoundSaved(r.id)))),
            Effect::LoadCompetencies => store
                .competencies()
                .map(|(record, problems)| Some(Action::CompetenciesLoaded { record, problems })),
            Effect::SaveCompetencies(c) => store
                .save_competencies(&c)
                .map(|()| Some(Action::EffectDone(Done::CompetenciesSaved))),
            Effect::SaveGoals(book) => store
                .save_goals(&book)
                .map(|()| Some(Action::EffectDone(Done::GoalsSaved))),
            Effect::CheckPassphrase(p) => store
                .check_passphrase(&p)
                .map(|()| Some(Action::EffectDone(Done::Unlocked))),
            Effect::SaveSettings(s) => store
                .save_settings(&s)
                .map(|()| Some(Action::EffectDone(Done::SettingsSaved(s)))),
            Effect::LoadActivityLog => store
                .activity_log()
                .map(|log| Some(Action::ActivityLogLoaded(log))),
            Effect::SaveActivityLog(log) => store
                .save_activity_log(&log)
                .map(|()| Some(Action::EffectDone(Done::ActivityLogSaved))),
            Effect::LoadReport(range) => store
                .report(range, app.content.field_averages())
                .map(|r| Some(Action::ReportLoaded(Box::new(r)))),
            Effect::LoadWellbeing => store
                .wellbeing()
                .map(|log| Some(Action::WellbeingLoaded(log))),
            Effect::SaveWellbeing(log) => store
                .save_wellbeing(&log)
                .map(|()| Some(Action::EffectDone(Done::WellbeingSaved))),
            Effect::WriteFile { path, text } => write_new_file(store, &path, &text)
                .map(|()| Some(Action::EffectDone(Done::FileWritten(path)))),
        };
        match (result, kind) {
            (Ok(action), _) => {
                for loaded in refresh.read(app, store) {
                    queue.extend(app::update(app, loaded, now));
                }
                if let Some(a) = action {
                    queue.extend(app::update(app, a, now));
                }
            }
            (Err(message), Some(effect)) => {
                app::update(app, Action::EffectFailed { effect, message }, now);
                return false;
            }
            (Err(_), None) => return false,
        }
    }
    false
}

/// What a successful effect changed that the app's lists or journey show, and so what is
/// read again after it: only the saved session's row and the journey of the peers it served,
/// never every row, whenever the store can give those alone.
enum Refresh {
    Nothing,
    /// A peer was saved: the peer list (sessions keep the alias they were saved with).
    Peers,
    /// A session was saved: its row, and the journey of the peers it served before and
    /// after.
    Session {
        id: Uuid,
        started_at: Timestamp,
    },
    /// The goals were saved.
    Goals,
    /// A peer's safety plan was saved: their part of the journey.
    PlanOf(Uuid),
}

impl Refresh {
    /// What `effect` would change.
    fn after(effect: &Effect) -> Refresh {
        match effect {
            Effect::SavePeer(_) => Refresh::Peers,
            Effect::SaveSession(s) => Refresh::Session {
                id: s.id,
                started_at: s.started_at,
            },
            Effect::SaveGoals(_) => Refresh::Goals,
            Effect::SaveSafetyPlan(save) => Refresh::PlanOf(save.peer_id),
            _ => Refresh::Nothing,
        }
    }

    /// The actions that bring the app up to date after the effect succeeded.
    fn read(self, app: &App, store: &dyn NoteStore) -> Vec<Action> {
        match self {
            Refresh::Nothing => Vec::new(),
            Refresh::Peers => vec![Action::PeersLoaded(store.peers())],
            Refresh::Session { id, started_at } => {
                let Some((row, replaced)) = store.saved_row(id, started_at) else {
                    return vec![
                        Action::DataLoaded {
                            peers: store.peers(),
                            history: store.history(),
                        },
                        Action::JourneyLoaded(Box::new(store.journey())),
                    ];
                };
                // The peers the replaced row served lose it.
                let mut peers: Vec<Uuid> = replaced
                    .and_then(|start| app.history_position(id, start))
                    .map(|at| app.history[at].served().collect())
                    .unwrap_or_default();
                for p in row.served() {
                    if !peers.contains(&p) {
                        peers.push(p);
                    }
                }
                let mut out = vec![Action::HistoryRowLoaded {
                    row: Box::new(row),
                    replaced,
                }];
                out.extend(journey_of(app, store, peers));
                out
            }
            Refresh::Goals => vec![match store.goals() {
                Some(goals) => Action::GoalsLoaded(Box::new(goals)),
                None => Action::JourneyLoaded(Box::new(store.journey())),
            }],
            Refresh::PlanOf(peer) => journey_of(app, store, vec![peer]).into_iter().collect(),
        }
    }
}

/// The journey of `peers` read again, or the whole journey for a store that cannot read
/// theirs alone. Nothing while the journey is still to be read whole (just after start).
fn journey_of(app: &App, store: &dyn NoteStore, peers: Vec<Uuid>) -> Option<Action> {
    if app.journey_pending {
        return None;
    }
    Some(match store.journey_of(&peers) {
        Some(part) => Action::JourneyOfPeersLoaded {
            peers,
            part: Box::new(part),
        },
        None => Action::JourneyLoaded(Box::new(store.journey())),
    })
}

/// Reads a transcript file named by the trainee. Only reads: nothing is written outside the
/// data folder. The message names the path and says what to do; it never quotes the file.
pub fn read_transcript(
    path: &std::path::Path,
) -> Result<crate::domain::practice::Transcript, String> {
    use std::io::Read;

    use crate::domain::practice::transcript::{self, MAX_TRANSCRIPT_BYTES};
    let expanded = match (path.strip_prefix("~"), std::env::var_os("HOME")) {
        (Ok(rest), Some(home)) => std::path::PathBuf::from(home).join(rest),
        _ => path.to_path_buf(),
    };
    let shown = expanded.display();
    let file = std::fs::File::open(&expanded).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("No file at {shown}; check the path."),
        std::io::ErrorKind::PermissionDenied => {
            format!("{shown} cannot be read (permission denied).")
        }
        _ => format!("{shown} could not be opened ({}).", e.kind()),
    })?;
    let mut bytes = Vec::new();
    file.take(MAX_TRANSCRIPT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{shown} could not be read ({}); is it a folder?", e.kind()))?;
    if bytes.len() > MAX_TRANSCRIPT_BYTES {
        let size = std::fs::metadata(&expanded)
            .map(|m| m.len() as usize)
            .unwrap_or(bytes.len());
        return Err(format!(
            "{shown}: {}.",
            transcript::TranscriptError::TooLarge { bytes: size }
        ));
    }
    transcript::parse_bytes(&bytes).map_err(|e| format!("{shown}: {e}."))
}
