//! Shared test fixtures: an in-memory store with injectable failures, fixed times, and a
//! way to press keys the way the run loop does.
#![allow(dead_code)]

pub mod previous_release;
mod screen;
#[allow(unused_imports)]
pub use screen::*;

use alongside::app::tools::SafetyPlanSave;
use alongside::app::{self, App, HistoryItem, keymap};
use alongside::domain::competency::CompetencyRecord;
use alongside::domain::goals::{GoalBook, Journey, LastTime};
use alongside::domain::listed::{AttendeeEntry, Listed};
use alongside::domain::practice::{RolePlayRecord, RoundRecord};
use alongside::domain::text_index::TextIndex;
use alongside::domain::worksheets::{SafetyPlanHistory, StandaloneWorksheet};
use alongside::domain::{Peer, Session, SessionKind, Stage, Timestamp};
use alongside::tui::{NoteStore, execute};
use chrono::Duration;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use uuid::Uuid;

pub fn t0() -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-03-02T09:30:00-05:00").expect("time")
}

pub fn at(minutes: i64) -> Timestamp {
    t0() + Duration::minutes(minutes)
}

#[derive(Default)]
pub struct MemoryStore {
    pub peers: Vec<Peer>,
    pub sessions: Vec<Session>,
    pub drafts: Vec<Session>,
    /// When set, every write fails with this message (a full disk, a read-only folder).
    pub fail_writes: Option<String>,
    pub writes: usize,
    pub worksheets: Vec<StandaloneWorksheet>,
    pub safety_plans: Vec<SafetyPlanHistory>,
    /// Saved practice rounds, oldest first.
    pub rounds: Vec<RoundRecord>,
    /// Saved coded role-plays, in the order first saved.
    pub roleplays: Vec<RolePlayRecord>,
    pub competencies: CompetencyRecord,
    pub activity_log: alongside::domain::activity_log::ActivityLog,
    pub settings: Option<alongside::domain::settings::Settings>,
    /// Every peer's goals, as goals.json would hold them.
    pub goals: GoalBook,
    /// The specialist's own wellbeing checks, as wellbeing.json would hold them.
    pub wellbeing: alongside::domain::wellbeing::WellbeingLog,
    /// The search index shared with the app, made again from `sessions` whenever the
    /// app is given the history (so sessions pushed by a test are found too).
    pub search: alongside::domain::text_index::SharedTextIndex,
}

impl MemoryStore {
    fn refresh_search(&self) {
        let texts: Vec<(Uuid, String)> = self
            .sessions
            .iter()
            .map(|s| (s.id, alongside::storage::index::search_text_of(s)))
            .collect();
        *self
            .search
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) =
            TextIndex::build(texts.iter().map(|(id, t)| (*id, t.as_str())));
    }

    fn check(&mut self) -> Result<(), String> {
        self.writes += 1;
        match &self.fail_writes {
            Some(m) => Err(m.clone()),
            None => Ok(()),
        }
    }
}

pub fn history_item(s: &Session) -> HistoryItem {
    HistoryItem::new(
        std::sync::Arc::new(Listed {
            id: s.id,
            peer_id: s.peer_id,
            peer_alias: s.peer_alias.as_str().into(),
            kind: s.kind,
            started_at: s.started_at,
            duration_seconds: s.measured.as_ref().map(|m| m.duration_seconds).unwrap_or(0),
            flags: s.flags,
            amendments: s.amendments.len() as u32,
            preview: s.notes.lines().next().unwrap_or("").into(),
            attendees: s
                .attendees
                .iter()
                .map(|a| AttendeeEntry {
                    peer_id: a.peer_id,
                    peer_alias: a.peer_alias.as_str().into(),
                    joined_at: a.joined_at,
                    left_at: a.left_at,
                })
                .collect(),
        }),
        None,
    )
}

impl NoteStore for MemoryStore {
    fn peers(&self) -> Vec<Peer> {
        self.peers.clone()
    }
    fn history(&self) -> Vec<HistoryItem> {
        self.refresh_search();
        self.sessions.iter().map(history_item).collect()
    }
    fn search_index(&self) -> Option<alongside::domain::text_index::SharedTextIndex> {
        self.refresh_search();
        Some(std::sync::Arc::clone(&self.search))
    }
    fn save_peer(&mut self, peer: &Peer) -> Result<(), String> {
        self.check()?;
        match self.peers.iter_mut().find(|p| p.id == peer.id) {
            Some(p) => *p = peer.clone(),
            None => self.peers.push(peer.clone()),
        }
        Ok(())
    }
    fn journey(&self) -> Journey {
        let mut j = Journey {
            goals: self.goals.clone(),
            ..Journey::default()
        };
        // Newest first; of equal start times, the one saved last.
        let mut sessions: Vec<&Session> = self.sessions.iter().rev().collect();
        sessions.sort_by_key(|s| std::cmp::Reverse(s.started_at));
        for s in sessions {
            let day = s.started_at.date_naive();
            j.last_contact.entry(s.peer_id).or_insert(day);
            j.last.entry(s.peer_id).or_insert_with(|| LastTime::of(s));
            if let Some(c) = &s.check_in {
                j.add_check_in(s.peer_id, s.id, c);
            }
            if s.flags.safety_concern {
                let st = j.safety.entry(s.peer_id).or_default();
                st.flagged_on.get_or_insert(day);
            }
        }
        for h in &self.safety_plans {
            if let Some(v) = h.latest() {
                let st = j.safety.entry(h.peer_id).or_default();
                st.plan_version = Some(v.version);
                st.plan_reviewed = Some(v.saved_at.date_naive());
            }
        }
        j
    }
    fn save_goals(&mut self, book: &GoalBook) -> Result<(), String> {
        self.check()?;
        self.goals = book.clone();
        Ok(())
    }
    fn save_session(&mut self, session: &Session) -> Result<(), String> {
        self.check()?;
        match self.sessions.iter_mut().find(|s| s.id == session.id) {
            Some(s) => *s = session.clone(),
            None => self.sessions.push(session.clone()),
        }
        self.drafts.retain(|d| d.id != session.id);
        Ok(())
    }
    fn save_draft(&mut self, session: &Session) -> Result<(), String> {
        self.check()?;
        self.drafts.retain(|d| d.id != session.id);
        self.drafts.push(session.clone());
        Ok(())
    }
    fn discard_draft(&mut self, id: Uuid) -> Result<(), String> {
        self.check()?;
        self.drafts.retain(|d| d.id != id);
        Ok(())
    }
    fn load_session(&self, id: Uuid) -> Result<Session, String> {
        self.sessions
            .iter()
            .find(|s| s.id == id)
            .cloned()
            .ok_or_else(|| "no such note".to_string())
    }
    fn worksheets(&self) -> Result<Vec<StandaloneWorksheet>, String> {
        let mut list = self.worksheets.clone();
        list.sort_by_key(|w| std::cmp::Reverse(w.updated_at));
        Ok(list)
    }
    fn save_worksheet(&mut self, worksheet: &StandaloneWorksheet) -> Result<(), String> {
        self.check()?;
        self.worksheets.retain(|w| w.id != worksheet.id);
        self.worksheets.push(worksheet.clone());
        Ok(())
    }
    fn delete_worksheet(&mut self, id: Uuid) -> Result<(), String> {
        self.check()?;
        self.worksheets.retain(|w| w.id != id);
        Ok(())
    }
    fn safety_plan(&self, peer_id: Uuid) -> Result<Option<SafetyPlanHistory>, String> {
        Ok(self
            .safety_plans
            .iter()
            .find(|h| h.peer_id == peer_id)
            .cloned())
    }
    fn save_safety_plan(
        &mut self,
        save: &SafetyPlanSave,
    ) -> Result<(SafetyPlanHistory, Option<u32>), String> {
        self.check()?;
        let mut h = self
            .safety_plan(save.peer_id)?
            .unwrap_or_else(|| SafetyPlanHistory::new(save.peer_id));
        let version = match h.add_version(save.plan.clone(), save.saved_at, save.session_id) {
            Ok(v) => Some(v),
            Err(alongside::domain::worksheets::SafetyPlanError::Unchanged) => None,
            Err(e) => return Err(e.to_string()),
        };
        self.safety_plans.retain(|p| p.peer_id != save.peer_id);
        self.safety_plans.push(h.clone());
        Ok((h, version))
    }
    fn practice_rounds(&self) -> (Vec<RoundRecord>, Vec<String>) {
        (self.rounds.clone(), Vec::new())
    }
    fn save_practice_round(&mut self, round: &RoundRecord) -> Result<(), String> {
        self.check()?;
        match self.rounds.iter_mut().find(|r| r.id == round.id) {
            Some(r) => *r = round.clone(),
            None => self.rounds.push(round.clone()),
        }
        Ok(())
    }
    fn practice_roleplays(&self) -> (Vec<RolePlayRecord>, Vec<String>) {
        (self.roleplays.clone(), Vec::new())
    }
    fn save_practice_roleplay(&mut self, record: &RolePlayRecord) -> Result<(), String> {
        self.check()?;
        match self.roleplays.iter_mut().find(|r| r.id == record.id) {
            Some(r) => *r = record.clone(),
            None => self.roleplays.push(record.clone()),
        }
        Ok(())
    }
    fn competencies(&self) -> Result<(CompetencyRecord, Vec<String>), String> {
        Ok((self.competencies.clone(), Vec::new()))
    }
    fn save_competencies(&mut self, record: &CompetencyRecord) -> Result<(), String> {
        self.check()?;
        self.competencies = record.clone();
        Ok(())
    }
    fn activity_log(&self) -> Result<alongside::domain::activity_log::ActivityLog, String> {
        Ok(self.activity_log.clone())
    }
    fn save_activity_log(
        &mut self,
        log: &alongside::domain::activity_log::ActivityLog,
    ) -> Result<(), String> {
        self.check()?;
        self.activity_log = log.clone();
        Ok(())
    }
    fn report(
        &self,
        range: alongside::domain::report::DayRange,
        averages: &alongside::domain::report::FieldAverages,
    ) -> Result<alongside::domain::report::Report, String> {
        use alongside::domain::report::{self, SessionFacts, SessionRow};
        let facts: Vec<SessionFacts> = self.sessions.iter().map(SessionFacts::of).collect();
        let rows: Vec<SessionRow> = self
            .sessions
            .iter()
            .zip(&facts)
            .map(|(s, f)| SessionRow {
                id: s.id,
                peer_id: s.peer_id,
                kind: s.kind,
                started_at: s.started_at,
                minutes: s.duration_minutes(),
                facts: f,
            })
            .collect();
        let first = report::first_seen(rows.iter().copied());
        Ok(report::build(
            range,
            rows.iter().copied(),
            &first,
            &self.activity_log.entries,
            averages,
        ))
    }
    fn wellbeing(&self) -> Result<alongside::domain::wellbeing::WellbeingLog, String> {
        Ok(self.wellbeing.clone())
    }
    fn save_wellbeing(
        &mut self,
        log: &alongside::domain::wellbeing::WellbeingLog,
    ) -> Result<(), String> {
        self.check()?;
        self.wellbeing = log.clone();
        Ok(())
    }
    fn save_settings(
        &mut self,
        settings: &alongside::domain::settings::Settings,
    ) -> Result<(), String> {
        self.check()?;
        self.settings = Some(settings.clone());
        Ok(())
    }
}

/// A store with three peers and a few ended sessions at fixed times.
pub fn sample_store() -> MemoryStore {
    let mut store = MemoryStore::default();
    for (n, alias) in ["JD", "Sunny", "KM"].into_iter().enumerate() {
        let mut p = Peer::new(alias, at(-60 * 24 * 30)).expect("peer");
        // Fixed ids keep snapshots that show them stable.
        p.id = Uuid::from_u128(0x100 + n as u128);
        if alias == "Sunny" {
            p.set_pronouns("she/her").expect("ok");
            p.set_preferences("Prefers mornings; text before calling.")
                .expect("ok");
        }
        store.peers.push(p);
    }
    let jd = store.peers[0].clone();
    let sunny = store.peers[1].clone();
    for (i, (peer, kind, notes)) in [
        (
            &jd,
            SessionKind::InPerson,
            "Talked about the new job and sleep.",
        ),
        (
            &sunny,
            SessionKind::Phone,
            "Housing application is moving; feeling hopeful.",
        ),
        (
            &jd,
            SessionKind::Video,
            "Planning for the family visit next month.",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let start = at(-60 * 24 * (10 - i as i64 * 3));
        let mut s = Session::start(peer, kind, start);
        s.id = Uuid::from_u128(0x200 + i as u128);
        s.notes = notes.to_string();
        s.enter_stage(Stage::Exploring, start + Duration::minutes(10))
            .expect("ok");
        s.flags.follow_up_needed = i == 1;
        s.finish(start + Duration::minutes(40 + i as i64 * 5))
            .expect("ok");
        store.sessions.push(s);
    }
    store
}

pub fn app_from(store: &MemoryStore) -> App {
    let mut app = App::new(
        store.peers(),
        store.history(),
        store.drafts.clone(),
        Vec::new(),
        t0(),
    );
    app.journey = store.journey();
    if let Some(index) = store.search_index() {
        app.attach_search_index(index);
    }
    app
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Presses one key at time `now`, as the run loop would. Returns true if the app quit.
pub fn press_at(app: &mut App, store: &mut MemoryStore, ev: KeyEvent, now: Timestamp) -> bool {
    match keymap::map_key(app, ev) {
        Some(action) => {
            let effects = app::update(app, action, now);
            execute(app, store, effects, now)
        }
        None => false,
    }
}

pub fn press(app: &mut App, store: &mut MemoryStore, ev: KeyEvent) -> bool {
    let now = app.now;
    press_at(app, store, ev, now)
}

pub fn type_text(app: &mut App, store: &mut MemoryStore, text: &str) {
    for c in text.chars() {
        let ev = if c == '\n' {
            key(KeyCode::Enter)
        } else {
            key(KeyCode::Char(c))
        };
        press(app, store, ev);
    }
}

pub fn tick(app: &mut App, store: &mut MemoryStore, now: Timestamp) {
    let effects = app::update(app, app::Action::Tick, now);
    execute(app, store, effects, now);
}
