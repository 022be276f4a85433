//! The JSON store as the app sees it.

use std::sync::{Arc, PoisonError};

use uuid::Uuid;

use super::NoteStore;
use crate::app::HistoryItem;
use crate::app::tools::SafetyPlanSave;
use crate::domain::competency::CompetencyRecord;
use crate::domain::practice::{RolePlayRecord, RoundRecord};
use crate::domain::secret::Passphrase;
use crate::domain::text_index::SharedTextIndex;
use crate::domain::worksheets::{SafetyPlanHistory, StandaloneWorksheet};
use crate::domain::{Peer, Session};
use crate::storage::Store;

impl NoteStore for Store {
    fn peers(&self) -> Vec<Peer> {
        Store::peers(self).to_vec()
    }

    fn history(&self) -> Vec<HistoryItem> {
        let index = self
            .search_index_if_ready()
            .map(|i| i.read().unwrap_or_else(PoisonError::into_inner));
        self.sessions()
            .iter()
            .map(|e| {
                HistoryItem::new(
                    Arc::clone(&e.listed),
                    index.as_ref().and_then(|i| i.number_of(e.id)),
                )
            })
            .collect()
    }

    fn check_index(&mut self) -> Option<super::effects::LateCheck> {
        let check = Store::check_index(self)?;
        Some(super::effects::LateCheck {
            changed: check.changed,
            notices: check
                .problems
                .iter()
                .filter(|p| super::worth_telling(p))
                .map(ToString::to_string)
                .collect(),
        })
    }

    fn preload_search(&self) {
        Store::preload_search(self);
    }

    fn search_texts_ready(&self) -> bool {
        Store::search_texts_ready(self)
    }

    fn search_index(&self) -> Option<SharedTextIndex> {
        Some(Arc::clone(Store::search_index(self)))
    }

    fn save_peer(&mut self, peer: &Peer) -> Result<(), String> {
        Store::save_peer(self, peer).map_err(|e| e.to_string())
    }

    fn save_session(&mut self, session: &Session) -> Result<(), String> {
        Store::save_session(self, session).map_err(|e| e.to_string())
    }

    fn save_draft(&mut self, session: &Session) -> Result<(), String> {
        Store::save_draft(self, session).map_err(|e| e.to_string())
    }

    fn discard_draft(&mut self, id: Uuid) -> Result<(), String> {
        Store::discard_draft(self, id).map_err(|e| e.to_string())
    }

    fn load_session(&self, id: Uuid) -> Result<Session, String> {
        Store::load_session(self, id).map_err(|e| e.to_string())
    }

    fn worksheets(&self) -> Result<Vec<StandaloneWorksheet>, String> {
        Ok(Store::worksheets(self))
    }

    fn save_worksheet(&mut self, worksheet: &StandaloneWorksheet) -> Result<(), String> {
        Store::save_worksheet(self, worksheet).map_err(|e| e.to_string())
    }

    fn delete_worksheet(&mut self, id: Uuid) -> Result<(), String> {
        Store::delete_worksheet(self, id).map_err(|e| e.to_string())
    }

    fn safety_plan(&self, peer_id: Uuid) -> Result<Option<SafetyPlanHistory>, String> {
        Store::safety_plan(self, peer_id).map_err(|e| e.to_string())
    }

    fn save_safety_plan(
        &mut self,
        save: &SafetyPlanSave,
    ) -> Result<(SafetyPlanHistory, Option<u32>), String> {
        Store::save_safety_plan(
            self,
            save.peer_id,
            save.plan.clone(),
            save.saved_at,
            save.session_id,
        )
        .map_err(|e| e.to_string())
    }
    fn practice_rounds(&self) -> (Vec<RoundRecord>, Vec<String>) {
        let (rounds, problems) = Store::practice_rounds(self);
        (rounds, tell(&problems))
    }

    fn save_practice_round(&mut self, round: &RoundRecord) -> Result<(), String> {
        Store::save_practice_round(self, round).map_err(|e| e.to_string())
    }

    fn practice_roleplays(&self) -> (Vec<RolePlayRecord>, Vec<String>) {
        let (list, problems) = Store::practice_roleplays(self);
        (list, tell(&problems))
    }

    fn save_practice_roleplay(&mut self, record: &RolePlayRecord) -> Result<(), String> {
        Store::save_practice_roleplay(self, record).map_err(|e| e.to_string())
    }

    fn competencies(&self) -> Result<(CompetencyRecord, Vec<String>), String> {
        Store::competencies(self)
            .map(|(record, problems)| (record, tell(&problems)))
            .map_err(|e| e.to_string())
    }

    fn save_competencies(&mut self, record: &CompetencyRecord) -> Result<(), String> {
        Store::save_competencies(self, record).map_err(|e| e.to_string())
    }

    fn activity_log(&self) -> Result<crate::domain::activity_log::ActivityLog, String> {
        Store::activity_log(self)
            .map(|(log, _)| log)
            .map_err(|e| e.to_string())
    }

    fn save_activity_log(
        &mut self,
        log: &crate::domain::activity_log::ActivityLog,
    ) -> Result<(), String> {
        Store::save_activity_log(self, log).map_err(|e| e.to_string())
    }

    fn wellbeing(&self) -> Result<crate::domain::wellbeing::WellbeingLog, String> {
        Store::wellbeing(self)
            .map(|(log, _)| log)
            .map_err(|e| e.to_string())
    }

    fn save_wellbeing(
        &mut self,
        log: &crate::domain::wellbeing::WellbeingLog,
    ) -> Result<(), String> {
        Store::save_wellbeing(self, log).map_err(|e| e.to_string())
    }

    fn report(
        &self,
        range: crate::domain::report::DayRange,
        averages: &crate::domain::report::FieldAverages,
    ) -> Result<crate::domain::report::Report, String> {
        Store::report(self, range, averages).map_err(|e| e.to_string())
    }

    fn save_settings(
        &mut self,
        settings: &crate::domain::settings::Settings,
    ) -> Result<(), String> {
        let dir = crate::storage::settings::config_dir().ok_or_else(|| {
            "There is no home folder for the settings; set ALONGSIDE_CONFIG_DIR.".to_string()
        })?;
        crate::storage::settings::save(&dir, settings)
            .map(|_| ())
            .map_err(|e| format!("Could not write the settings in {}: {e}.", dir.display()))
    }

    fn data_dir(&self) -> Option<std::path::PathBuf> {
        Some(self.dir().to_path_buf())
    }

    fn journey(&self) -> crate::domain::goals::Journey {
        Store::journey(self).0
    }

    fn saved_row(
        &self,
        id: Uuid,
        started_at: crate::domain::Timestamp,
    ) -> Option<(HistoryItem, Option<crate::domain::Timestamp>)> {
        let replaced = self.last_indexed(id)?;
        let e = self.session_entry_at(id, started_at)?;
        let number = self.search_index_if_ready().and_then(|i| {
            i.read()
                .unwrap_or_else(PoisonError::into_inner)
                .number_of(e.id)
        });
        Some((HistoryItem::new(Arc::clone(&e.listed), number), replaced))
    }

    fn journey_of(&self, peers: &[Uuid]) -> Option<crate::domain::goals::Journey> {
        Some(Store::journey_of(self, peers))
    }

    fn goals(&self) -> Option<crate::domain::goals::GoalBook> {
        Some(Store::goal_book(self).0)
    }

    fn journey_and_notices(&self) -> (crate::domain::goals::Journey, Vec<String>) {
        let (journey, problems) = Store::journey(self);
        (journey, tell(&problems))
    }

    fn save_goals(&mut self, book: &crate::domain::goals::GoalBook) -> Result<(), String> {
        Store::save_goal_book(self, book).map_err(|e| e.to_string())
    }

    fn check_passphrase(&self, passphrase: &Passphrase) -> Result<(), String> {
        crate::storage::crypt::check_passphrase(self.dir(), passphrase).map_err(|e| match e {
            crate::storage::crypt::CryptError::WrongPassphrase => {
                "That passphrase is not right. Try again.".to_string()
            }
            other => other.to_string(),
        })
    }
}

/// The problems worth telling the person, as sentences.
fn tell(problems: &[crate::storage::Problem]) -> Vec<String> {
    problems
        .iter()
        .filter(|p| super::worth_telling(p))
        .map(ToString::to_string)
        .collect()
}
