//! The quick reference: an overlay over whatever screen is open, reachable from anywhere with
//! Ctrl+G (home: `g`). Browse by stage, tool, competency area, quality, or role and crisis
//! line; or type to search everything. Inside a session, a line or a whole entry can be added
//! to the notes.
//!
//! The overlay never touches the screen underneath: closing it (Esc, or Ctrl+G again) shows
//! that screen exactly as it was, and reopening shows the reference as it was left.

use super::field::Field;
use super::{Action, App, Effect, Screen};
use crate::content::search::{Matches, Results, SearchIndex};
use crate::content::{Content, RefKind};
use crate::domain::{Stage, Timestamp};

/// The ways to browse when nothing is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefTab {
    Stages,
    Tools,
    Competencies,
    Qualities,
    RolesAndCrisis,
}

impl RefTab {
    pub const ALL: [RefTab; 5] = [
        RefTab::Stages,
        RefTab::Tools,
        RefTab::Competencies,
        RefTab::Qualities,
        RefTab::RolesAndCrisis,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RefTab::Stages => "Stages",
            RefTab::Tools => "Tools",
            RefTab::Competencies => "Competencies",
            RefTab::Qualities => "Qualities",
            RefTab::RolesAndCrisis => "Roles & crisis lines",
        }
    }

    /// For narrow terminals.
    pub fn short_label(self) -> &'static str {
        match self {
            RefTab::Stages => "Stages",
            RefTab::Tools => "Tools",
            RefTab::Competencies => "Skills",
            RefTab::Qualities => "Qualities",
            RefTab::RolesAndCrisis => "Crisis",
        }
    }

    fn index(self) -> usize {
        RefTab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    fn step(self, forward: bool) -> RefTab {
        let n = RefTab::ALL.len();
        let i = self.index();
        RefTab::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

/// One row of the list: an entry, indented under its parent when browsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// Index into the search index's entries.
    pub entry: usize,
    pub depth: u8,
    /// The body line that best matches the search, shown under the title.
    pub best_line: Option<usize>,
}

/// An entry open for reading, with a line cursor (the line that "add line" adds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub entry: usize,
    /// The body's non-empty lines; `gap_before` marks the start of a new block.
    pub lines: Vec<ReadingLine>,
    pub cursor: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadingLine {
    pub text: String,
    pub gap_before: bool,
}

impl Reading {
    fn new(entry: usize, body: &str, start: Option<usize>) -> Reading {
        let mut lines = Vec::new();
        let mut gap = false;
        for l in body.lines() {
            if l.trim().is_empty() {
                gap = !lines.is_empty();
                continue;
            }
            lines.push(ReadingLine {
                text: l.to_string(),
                gap_before: gap,
            });
            gap = false;
        }
        let cursor = start.unwrap_or(0).min(lines.len().saturating_sub(1));
        Reading {
            entry,
            lines,
            cursor,
        }
    }

    fn step(&mut self, by: isize) {
        let last = self.lines.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(by).min(last);
    }
}

/// Everything the reference overlay shows. Kept after closing, so reopening shows it as left.
pub struct ReferenceView {
    pub index: SearchIndex,
    /// Shown, or kept hidden for next time.
    pub visible: bool,
    pub query: Field,
    pub tab: RefTab,
    /// What the query matched, for highlighting; empty when browsing.
    pub matches: Matches,
    /// The rows listed now: search results, or the current tab when nothing is typed.
    pub rows: Vec<Row>,
    pub selected: usize,
    /// The selection in each tab, so switching back keeps the place.
    tab_selected: [usize; 5],
    tabs: [Vec<Row>; 5],
    /// Titles suggested when a search matched nothing.
    pub suggestions: Vec<usize>,
    /// No result matched every word of the query.
    pub partial: bool,
    pub reading: Option<Reading>,
}

impl ReferenceView {
    pub fn new(content: &Content) -> ReferenceView {
        let index = SearchIndex::new(content.reference_entries());
        let tabs = RefTab::ALL.map(|t| browse_rows(content, &index, t));
        let mut query = Field::single("type to search every stage, tool, skill and quality")
            .with_max_chars(200);
        query.set_focused(true);
        let mut view = ReferenceView {
            index,
            visible: true,
            query,
            tab: RefTab::Stages,
            matches: Matches::default(),
            rows: Vec::new(),
            selected: 0,
            tab_selected: [0; 5],
            tabs,
            suggestions: Vec::new(),
            partial: false,
            reading: None,
        };
        view.refresh();
        view
    }

    /// Whether a search is showing (rather than a browse tab).
    pub fn searching(&self) -> bool {
        !self.query.is_blank()
    }

    /// Runs the query again, or shows the current tab when it is empty.
    fn refresh(&mut self) {
        self.suggestions.clear();
        self.partial = false;
        if !self.searching() {
            self.matches = Matches::default();
            self.rows = self.tabs[self.tab.index()].clone();
            self.selected =
                self.tab_selected[self.tab.index()].min(self.rows.len().saturating_sub(1));
            return;
        }
        let text = self.query.text();
        let Results { hits, matches } = self.index.search(&text);
        self.rows = hits
            .iter()
            .map(|h| Row {
                entry: h.entry,
                depth: 0,
                best_line: h.best_line,
            })
            .collect();
        if self.rows.is_empty() {
            self.suggestions = self.index.suggest(&text, 3);
        }
        self.partial = hits
            .first()
            .is_some_and(|h| h.matched_terms < matches.terms.len());
        self.matches = matches;
        self.selected = 0;
    }

    fn set_tab(&mut self, tab: RefTab) {
        self.tab_selected[self.tab.index()] = self.selected;
        self.tab = tab;
        self.refresh();
    }

    fn select(&mut self, by: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(by).min(last);
        if !self.searching() {
            self.tab_selected[self.tab.index()] = self.selected;
        }
    }

    fn open_selected(&mut self) {
        let Some(row) = self.rows.get(self.selected).copied() else {
            return;
        };
        if let Some(e) = self.index.entry(row.entry) {
            self.reading = Some(Reading::new(row.entry, &e.body, row.best_line));
        }
    }

    /// The open entry's title and the line under the cursor, or the whole entry.
    fn text_to_insert(&self, whole: bool) -> Option<String> {
        let reading = self.reading.as_ref()?;
        let entry = self.index.entry(reading.entry)?;
        if whole {
            return Some(format!("{}\n{}", entry.title, entry.body));
        }
        let line = reading.lines.get(reading.cursor)?;
        Some(
            line.text
                .strip_prefix("- ")
                .unwrap_or(&line.text)
                .to_string(),
        )
    }
}

/// The rows of one browse tab, built once from the content's structure.
fn browse_rows(content: &Content, index: &SearchIndex, tab: RefTab) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut push = |id: &str, depth: u8| {
        if let Some(entry) = index.position(id) {
            rows.push(Row {
                entry,
                depth,
                best_line: None,
            });
        }
    };
    match tab {
        RefTab::Stages => {
            for s in content.stages() {
                push(&format!("stage:{}", s.id.id()), 0);
                for k in &s.key_concepts {
                    push(&format!("concept:{}.{}", s.id.id(), k.id), 1);
                }
                for t in &s.tools {
                    // Under a stage, OARS means that stage's prompts.
                    let staged = format!("tool:{t}.{}", s.id.id());
                    if index.position(&staged).is_some() {
                        push(&staged, 1);
                    } else {
                        push(&format!("tool:{t}"), 1);
                    }
                }
            }
        }
        RefTab::Tools => {
            for t in content.tools() {
                push(&format!("tool:{}", t.id), 0);
                for s in Stage::ALL {
                    push(&format!("tool:{}.{}", t.id, s.id()), 1);
                }
            }
        }
        RefTab::Competencies => {
            for k in content.competencies() {
                push(&format!("competency:{}", k.id), 0);
                for n in 1..=k.skills.len() {
                    push(&format!("skill:{}.{n}", k.id), 1);
                }
            }
        }
        RefTab::Qualities => {
            for q in content.qualities() {
                push(&format!("quality:{}", q.id), 0);
            }
        }
        RefTab::RolesAndCrisis => {
            for e in index.entries() {
                if matches!(e.kind, RefKind::Crisis | RefKind::Role) {
                    rows.push(Row {
                        entry: index.position(&e.id).unwrap_or(0),
                        depth: 0,
                        best_line: None,
                    });
                }
            }
        }
    }
    rows
}

impl App {
    /// Whether the reference is showing over the current screen.
    pub fn reference_open(&self) -> bool {
        self.reference.as_ref().is_some_and(|r| r.visible)
    }

    /// Whether lines from the reference can go into notes now: a session is on screen.
    pub fn reference_can_insert(&self) -> bool {
        self.screen == Screen::Session && self.live.is_some()
    }
}

/// Ctrl+G: opens the reference over the current screen, or closes it.
pub fn toggle(app: &mut App) {
    app.help_open = false;
    match app.reference.as_mut() {
        Some(view) if view.visible => view.visible = false,
        Some(view) => {
            view.visible = true;
            // Typing replaces the last search; Enter or the arrows carry on with it.
            view.query.select_all();
        }
        None => app.reference = Some(Box::new(ReferenceView::new(app.content))),
    }
}

/// Keys while the reference is open.
pub fn update(app: &mut App, action: Action, _now: Timestamp) -> Vec<Effect> {
    let can_insert = app.reference_can_insert();
    let Some(view) = app.reference.as_mut() else {
        return vec![];
    };
    if let Some(reading) = view.reading.as_mut() {
        match action {
            Action::Up => reading.step(-1),
            Action::Down => reading.step(1),
            Action::PageUp => reading.step(-10),
            Action::PageDown => reading.step(10),
            Action::Back => view.reading = None,
            Action::StartFilter => {
                view.reading = None;
                view.query.select_all();
            }
            Action::Submit | Action::AddItem => {
                let whole = matches!(action, Action::AddItem);
                let text = view.text_to_insert(whole);
                if whole {
                    // Next line for the next add; adding the whole entry stays put.
                } else if let Some(r) = view.reading.as_mut() {
                    r.step(1);
                }
                insert_into_notes(app, text, can_insert, whole);
            }
            _ => {}
        }
        return vec![];
    }
    match action {
        Action::Input(key) if view.query.input(&key) => view.refresh(),
        Action::Up => view.select(-1),
        Action::Down => view.select(1),
        Action::PageUp => view.select(-10),
        Action::PageDown => view.select(10),
        Action::Submit => view.open_selected(),
        Action::NextField | Action::PrevField => {
            if view.searching() {
                // Tab leaves the search for browsing, at the tab that was showing.
                view.query.set_text("");
                view.refresh();
            } else {
                let next = view.tab.step(matches!(action, Action::NextField));
                view.set_tab(next);
            }
        }
        Action::Back => view.visible = false,
        _ => {}
    }
    vec![]
}

fn insert_into_notes(app: &mut App, text: Option<String>, can_insert: bool, whole: bool) {
    let Some(text) = text else {
        return;
    };
    if !can_insert {
        app.info("Open the reference during a session to add lines to its notes.");
        return;
    }
    let Some(live) = app.live.as_mut() else {
        return;
    };
    // Each addition starts on a line of its own.
    let text = if live.notes.cursor_line_is_blank() {
        text
    } else {
        format!("\n{text}")
    };
    live.notes.insert(&text);
    live.dirty = true;
    app.info(if whole {
        "Entry added to the session notes. Esc twice to go back to them."
    } else {
        "Line added to the session notes; the next line is selected."
    });
}
