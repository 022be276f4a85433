//! The pieces every tool is built from: a list of typed items (with an optional importance
//! or date), a checklist with a note per item, a choice of one option, and a read-only
//! document whose lines can be put into the notes. Each piece handles the keys of its own
//! mode and reports what happened, so the tools only arrange them.

use chrono::NaiveDate;

use super::super::Action;
use super::super::field::Field;
use crate::domain::summary::parse_date;
use crate::domain::worksheets::{CheckItem, Importance, MAX_ITEM_CHARS};

/// What a key did to a tool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to note (a move, or a key with no meaning here).
    Nothing,
    /// What the tool holds changed: keep it.
    Changed,
    /// Put this text into the session notes.
    Insert(String),
    /// A short message for the status line.
    Info(String),
    /// Something could not be done; say why.
    Error(String),
}

impl Outcome {
    pub fn changed(yes: bool) -> Outcome {
        if yes {
            Outcome::Changed
        } else {
            Outcome::Nothing
        }
    }
}

/// Which keys a focused piece needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartMode {
    /// A text field has the keyboard.
    Text,
    /// A one-item editor (a new item, an item's note) has the keyboard.
    Input,
    /// A list of items: add, edit, remove, rate, reorder.
    List,
    /// A checklist: tick, write a note.
    Checks,
    /// One option of a few.
    Choice,
    /// A read-only document with lines to put into the notes.
    Lines,
}

/// Feeds a key to a text field that is a stop of its own.
pub fn text_input(field: &mut Field, action: &Action) -> Outcome {
    match action {
        Action::Input(key) => Outcome::changed(field.input(key)),
        _ => Outcome::Nothing,
    }
}

// ----- a list of items -----

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub text: String,
    pub importance: Option<Importance>,
    pub date: Option<NaiveDate>,
}

impl Item {
    pub fn new(text: &str) -> Item {
        Item {
            text: text.to_string(),
            importance: None,
            date: None,
        }
    }
}

/// Typing one item: its text and, for dated lists, its date.
#[derive(Debug, Clone)]
pub struct ItemInput {
    pub text: Field,
    pub date: Option<Field>,
    /// The item being edited; `None` adds a new one.
    pub editing: Option<usize>,
    /// The date field has the keyboard.
    pub on_date: bool,
    pub error: Option<String>,
}

impl ItemInput {
    fn refocus(&mut self) {
        self.text.set_focused(!self.on_date);
        if let Some(d) = &mut self.date {
            d.set_focused(self.on_date);
        }
    }
}

#[derive(Debug, Clone)]
pub struct ItemList {
    pub items: Vec<Item>,
    pub selected: usize,
    pub input: Option<ItemInput>,
    /// Items can be given an importance from 1 to 5.
    pub rated: bool,
    /// Items have a date ("by when").
    pub dated: bool,
    /// What the input says when empty, e.g. "in the peer's words".
    pub placeholder: &'static str,
    /// The day relative dates (+7, 2w) count from.
    pub today: NaiveDate,
}

impl ItemList {
    pub fn new(placeholder: &'static str, today: NaiveDate) -> ItemList {
        ItemList {
            items: Vec::new(),
            selected: 0,
            input: None,
            rated: false,
            dated: false,
            placeholder,
            today,
        }
    }

    pub fn rated(mut self) -> ItemList {
        self.rated = true;
        self
    }

    pub fn dated(mut self) -> ItemList {
        self.dated = true;
        self
    }

    pub fn with_items(mut self, items: Vec<Item>) -> ItemList {
        self.items = items;
        self
    }

    pub fn mode(&self) -> PartMode {
        if self.input.is_some() {
            PartMode::Input
        } else {
            PartMode::List
        }
    }

    fn open_input(&mut self, editing: Option<usize>) {
        let item = editing.and_then(|i| self.items.get(i));
        let text = Field::single(self.placeholder)
            .with_max_chars(MAX_ITEM_CHARS)
            .with_text(item.map(|i| i.text.as_str()).unwrap_or(""));
        let date = self.dated.then(|| {
            Field::single("date: YYYY-MM-DD, +7 or 2w").with_text(
                &item
                    .and_then(|i| i.date)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            )
        });
        let mut input = ItemInput {
            text,
            date,
            editing,
            on_date: false,
            error: None,
        };
        input.refocus();
        self.input = Some(input);
    }

    /// Turns the open input into an item. Blank text stores nothing. Returns whether the
    /// list changed, or why the input cannot be stored yet.
    pub fn commit(&mut self) -> Result<bool, String> {
        let Some(input) = self.input.as_mut() else {
            return Ok(false);
        };
        let text = input.text.text().trim().to_string();
        let date = match &input.date {
            Some(f) => match parse_date(&f.text(), self.today) {
                Ok(d) => d,
                Err(e) => {
                    input.on_date = true;
                    input.refocus();
                    input.error = Some(e.clone());
                    return Err(e);
                }
            },
            None => None,
        };
        if text.is_empty() {
            return Ok(false);
        }
        match input.editing.and_then(|i| self.items.get_mut(i)) {
            Some(item) => {
                let changed = item.text != text || item.date != date;
                item.text = text;
                item.date = date;
                Ok(changed)
            }
            None => {
                self.items.push(Item {
                    text,
                    importance: None,
                    date,
                });
                self.selected = self.items.len() - 1;
                Ok(true)
            }
        }
    }

    /// The items with whatever is half-typed in the input, as a draft should keep them. A
    /// date that does not read yet is left out; the input still holds it.
    pub fn items_with_pending(&self) -> Vec<Item> {
        let mut items = self.items.clone();
        let Some(input) = &self.input else {
            return items;
        };
        let text = input.text.text().trim().to_string();
        if text.is_empty() {
            return items;
        }
        let date = input
            .date
            .as_ref()
            .and_then(|f| parse_date(&f.text(), self.today).ok().flatten());
        match input.editing.and_then(|i| items.get_mut(i)) {
            Some(item) => {
                item.text = text;
                item.date = date;
            }
            None => items.push(Item {
                text,
                importance: None,
                date,
            }),
        }
        items
    }

    /// Stores what is typed and closes the input, so leaving never loses text.
    pub fn finish_input(&mut self) -> Outcome {
        match self.commit() {
            Ok(changed) => {
                self.input = None;
                Outcome::changed(changed)
            }
            Err(e) => Outcome::Error(e),
        }
    }

    pub fn handle(&mut self, action: &Action) -> Outcome {
        if let Some(input) = self.input.as_mut() {
            return match action {
                Action::Input(key) => {
                    input.error = None;
                    let field = match (&mut input.date, input.on_date) {
                        (Some(d), true) => d,
                        _ => &mut input.text,
                    };
                    // Typing counts as a change, so a draft keeps a half-typed item too.
                    Outcome::changed(field.input(key))
                }
                Action::NextField | Action::PrevField if input.date.is_some() => {
                    input.on_date = !input.on_date;
                    input.refocus();
                    Outcome::Nothing
                }
                // Enter ends the input, adding or editing alike: the new item is selected,
                // so the next key (`4`, `K`) acts on it instead of starting another item.
                Action::Submit | Action::Back => self.finish_input(),
                _ => Outcome::Nothing,
            };
        }
        let len = self.items.len();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(len.saturating_sub(1)),
            Action::AddItem => self.open_input(None),
            Action::Submit if len == 0 => self.open_input(None),
            Action::EditItem | Action::Submit if self.selected < len => {
                self.open_input(Some(self.selected));
            }
            Action::RemoveItem if self.selected < len => {
                self.items.remove(self.selected);
                self.selected = self.selected.min(self.items.len().saturating_sub(1));
                return Outcome::Changed;
            }
            Action::SetImportance(n) if self.rated => {
                let Some(item) = self.items.get_mut(self.selected) else {
                    return Outcome::Info("Add an item first (a).".into());
                };
                let new = Importance::new(*n);
                if item.importance == new {
                    return Outcome::Nothing;
                }
                item.importance = new;
                return Outcome::Changed;
            }
            Action::MoveItemUp if self.selected > 0 && self.selected < len => {
                self.items.swap(self.selected, self.selected - 1);
                self.selected -= 1;
                return Outcome::Changed;
            }
            Action::MoveItemDown if self.selected + 1 < len => {
                self.items.swap(self.selected, self.selected + 1);
                self.selected += 1;
                return Outcome::Changed;
            }
            _ => {}
        }
        Outcome::Nothing
    }
}

// ----- a checklist -----

#[derive(Debug, Clone)]
pub struct CheckList {
    pub items: Vec<CheckItem>,
    pub selected: usize,
    /// The note of the selected item, while it is being written.
    pub note: Option<Field>,
}

impl CheckList {
    pub fn new(items: Vec<CheckItem>) -> CheckList {
        CheckList {
            items,
            selected: 0,
            note: None,
        }
    }

    pub fn mode(&self) -> PartMode {
        if self.note.is_some() {
            PartMode::Input
        } else {
            PartMode::Checks
        }
    }

    /// The items with the note being written, as a draft should keep them.
    pub fn items_with_pending(&self) -> Vec<CheckItem> {
        let mut items = self.items.clone();
        if let (Some(field), Some(item)) = (&self.note, items.get_mut(self.selected)) {
            item.note = field.text().trim().to_string();
        }
        items
    }

    /// Stores the note being written and closes it.
    pub fn finish_input(&mut self) -> Outcome {
        let Some(field) = self.note.take() else {
            return Outcome::Nothing;
        };
        let text = field.text().trim().to_string();
        match self.items.get_mut(self.selected) {
            Some(item) if item.note != text => {
                item.note = text;
                Outcome::Changed
            }
            _ => Outcome::Nothing,
        }
    }

    pub fn handle(&mut self, action: &Action) -> Outcome {
        if let Some(field) = self.note.as_mut() {
            return match action {
                Action::Input(key) => Outcome::changed(field.input(key)),
                Action::Submit | Action::Back | Action::NextField | Action::PrevField => {
                    self.finish_input()
                }
                _ => Outcome::Nothing,
            };
        }
        let len = self.items.len();
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(len.saturating_sub(1)),
            Action::PageUp => self.selected = self.selected.saturating_sub(8),
            Action::PageDown => self.selected = (self.selected + 8).min(len.saturating_sub(1)),
            Action::ToggleItem => {
                if let Some(item) = self.items.get_mut(self.selected) {
                    item.done = !item.done;
                    return Outcome::Changed;
                }
            }
            Action::Submit | Action::EditItem => {
                if let Some(item) = self.items.get(self.selected) {
                    let mut f = Field::single("a note about this item").with_text(&item.note);
                    f.set_focused(true);
                    self.note = Some(f);
                }
            }
            _ => {}
        }
        Outcome::Nothing
    }
}

// ----- one option of a few -----

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    pub selected: usize,
    pub count: usize,
}

impl Choice {
    pub fn handle(&mut self, action: &Action) -> Outcome {
        let before = self.selected;
        match action {
            Action::Up | Action::PrevSection => self.selected = self.selected.saturating_sub(1),
            Action::Down | Action::NextSection => {
                self.selected = (self.selected + 1).min(self.count.saturating_sub(1))
            }
            Action::ToggleItem => self.selected = (self.selected + 1) % self.count.max(1),
            _ => {}
        }
        Outcome::changed(before != self.selected)
    }
}

// ----- a read-only document -----

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Starts a section; ←/→ jump between these.
    Heading,
    /// A smaller heading inside a section.
    Subheading,
    /// Plain explanation.
    Text,
    /// A point in a list.
    Point,
    /// Something to say: a starter, a prompt, an example reflection.
    Prompt,
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub kind: LineKind,
    pub text: String,
    /// What goes into the notes when this line is chosen.
    pub insert: Option<String>,
}

impl DocLine {
    pub fn heading(text: impl Into<String>) -> DocLine {
        DocLine {
            kind: LineKind::Heading,
            text: text.into(),
            insert: None,
        }
    }
    pub fn subheading(text: impl Into<String>) -> DocLine {
        DocLine {
            kind: LineKind::Subheading,
            text: text.into(),
            insert: None,
        }
    }
    pub fn text(text: impl Into<String>) -> DocLine {
        DocLine {
            kind: LineKind::Text,
            text: text.into(),
            insert: None,
        }
    }
    pub fn point(text: impl Into<String>) -> DocLine {
        DocLine {
            kind: LineKind::Point,
            text: text.into(),
            insert: None,
        }
    }
    /// A line that goes into the notes as it reads.
    pub fn prompt(text: impl Into<String>) -> DocLine {
        let text = text.into();
        DocLine {
            kind: LineKind::Prompt,
            insert: Some(text.clone()),
            text,
        }
    }
    /// A line shown one way and put into the notes another.
    pub fn prompt_as(text: impl Into<String>, insert: impl Into<String>) -> DocLine {
        DocLine {
            kind: LineKind::Prompt,
            text: text.into(),
            insert: Some(insert.into()),
        }
    }
    pub fn blank() -> DocLine {
        DocLine {
            kind: LineKind::Blank,
            text: String::new(),
            insert: None,
        }
    }
}

/// A document read line by line. The cursor is on one line; lines with something to say can
/// be put into the notes.
#[derive(Debug, Clone, Default)]
pub struct Lines {
    pub lines: Vec<DocLine>,
    pub cursor: usize,
}

impl Lines {
    pub fn new(lines: Vec<DocLine>) -> Lines {
        let mut l = Lines { lines, cursor: 0 };
        // Start on the first line that says something, not on a blank.
        l.cursor = l
            .lines
            .iter()
            .position(|d| d.kind != LineKind::Blank)
            .unwrap_or(0);
        l
    }

    pub fn current(&self) -> Option<&DocLine> {
        self.lines.get(self.cursor)
    }

    fn move_by(&mut self, down: bool, steps: usize) {
        let blank = |i: usize| self.lines.get(i).is_none_or(|l| l.kind == LineKind::Blank);
        let last = self.lines.len().saturating_sub(1);
        let mut at = self.cursor;
        for _ in 0..steps {
            // One press is one line with something on it; blank lines are passed over.
            let mut next = at;
            loop {
                let step = if down {
                    (next + 1).min(last)
                } else {
                    next.saturating_sub(1)
                };
                if step == next {
                    break;
                }
                next = step;
                if !blank(next) {
                    break;
                }
            }
            if blank(next) {
                break;
            }
            at = next;
        }
        self.cursor = at;
    }

    fn jump_heading(&mut self, forward: bool) {
        let is_heading = |l: &DocLine| l.kind == LineKind::Heading;
        let found = if forward {
            self.lines
                .iter()
                .enumerate()
                .skip(self.cursor + 1)
                .find(|(_, l)| is_heading(l))
                .map(|(i, _)| i)
        } else {
            // The heading of this section, or of the one before when already on it.
            self.lines[..self.cursor.min(self.lines.len())]
                .iter()
                .rposition(is_heading)
        };
        if let Some(i) = found {
            self.cursor = i;
        }
    }

    /// Moves to the next line with something to say, starting over at the top.
    pub fn next_prompt(&mut self) -> bool {
        let n = self.lines.len();
        for step in 1..=n {
            let i = (self.cursor + step) % n;
            if self.lines[i].insert.is_some() {
                self.cursor = i;
                return true;
            }
        }
        false
    }

    pub fn handle(&mut self, action: &Action) -> Outcome {
        match action {
            Action::Up => self.move_by(false, 1),
            Action::Down => self.move_by(true, 1),
            Action::PageUp => self.move_by(false, 8),
            Action::PageDown => self.move_by(true, 8),
            Action::PrevSection => self.jump_heading(false),
            Action::NextSection => self.jump_heading(true),
            Action::NextPrompt => {
                let found = self.next_prompt();
                if !found {
                    return Outcome::Info("There is nothing here to put into the notes.".into());
                }
            }
            Action::InsertIntoNotes => {
                return match self.current().and_then(|l| l.insert.clone()) {
                    Some(text) => Outcome::Insert(text),
                    None => Outcome::Info(
                        "Choose a starter or prompt (n jumps to the next one), then Enter.".into(),
                    ),
                };
            }
            _ => {}
        }
        Outcome::Nothing
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).expect("date")
    }

    fn typed(list: &mut ItemList, text: &str) {
        for c in text.chars() {
            list.handle(&Action::Input(
                KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE).into(),
            ));
        }
    }

    #[test]
    fn enter_ends_adding_so_the_next_digit_is_an_importance() {
        let mut list = ItemList::new("item", today()).rated();
        assert_eq!(list.mode(), PartMode::List);
        list.handle(&Action::AddItem);
        assert_eq!(list.mode(), PartMode::Input);
        assert_eq!(
            list.handle(&Action::Submit),
            Outcome::Nothing,
            "blank adds nothing"
        );
        assert_eq!(list.mode(), PartMode::List);
        list.handle(&Action::AddItem);
        typed(&mut list, "first");
        assert_eq!(list.handle(&Action::Submit), Outcome::Changed);
        assert_eq!(list.mode(), PartMode::List, "Enter ends adding");
        assert_eq!(list.handle(&Action::SetImportance(4)), Outcome::Changed);
        assert_eq!(list.items.len(), 1, "the 4 made no new item");
        assert_eq!(list.items[0].importance.map(|i| i.get()), Some(4));
        list.handle(&Action::AddItem);
        typed(&mut list, "second");
        list.handle(&Action::Submit);
        assert_eq!(list.selected, 1, "the new item is the selected one");
        list.handle(&Action::Up);
        list.handle(&Action::EditItem);
        typed(&mut list, " one");
        list.handle(&Action::Submit);
        assert_eq!(list.items[0].text, "first one");
        assert_eq!(list.mode(), PartMode::List);
        assert_eq!(list.handle(&Action::SetImportance(3)), Outcome::Changed);
        assert_eq!(list.items[0].importance.map(|i| i.get()), Some(3));
        assert_eq!(list.handle(&Action::SetImportance(0)), Outcome::Changed);
        assert_eq!(list.items[0].importance, None, "0 clears it");
        assert_eq!(list.handle(&Action::RemoveItem), Outcome::Changed);
        assert_eq!(list.items.len(), 1);
        assert_eq!(list.items[0].text, "second");
    }

    #[test]
    fn a_dated_item_needs_a_date_that_reads() {
        let mut list = ItemList::new("step", today()).dated();
        list.handle(&Action::AddItem);
        typed(&mut list, "call the clinic");
        list.handle(&Action::NextField);
        typed(&mut list, "soon");
        assert!(matches!(list.handle(&Action::Submit), Outcome::Error(_)));
        assert!(list.items.is_empty());
        assert_eq!(
            list.items_with_pending()[0].date,
            None,
            "a draft keeps the text even before the date reads"
        );
        for _ in 0..4 {
            list.handle(&Action::Input(
                KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE).into(),
            ));
        }
        typed(&mut list, "2w");
        list.handle(&Action::Back);
        assert_eq!(list.items[0].date, NaiveDate::from_ymd_opt(2026, 3, 16));
    }

    #[test]
    fn reordering_stays_in_bounds() {
        let mut list = ItemList::new("x", today()).with_items(vec![
            Item::new("a"),
            Item::new("b"),
            Item::new("c"),
        ]);
        assert_eq!(
            list.handle(&Action::MoveItemUp),
            Outcome::Nothing,
            "top stays"
        );
        list.handle(&Action::MoveItemDown);
        list.handle(&Action::MoveItemDown);
        assert_eq!(list.handle(&Action::MoveItemDown), Outcome::Nothing);
        let order: Vec<&str> = list.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(order, ["b", "c", "a"]);
        assert_eq!(list.selected, 2);
    }

    #[test]
    fn checklists_tick_and_keep_a_note() {
        let mut c = CheckList::new(vec![CheckItem::new("a", "A"), CheckItem::new("b", "B")]);
        c.handle(&Action::Down);
        c.handle(&Action::ToggleItem);
        assert!(c.items[1].done);
        c.handle(&Action::Submit);
        assert_eq!(c.mode(), PartMode::Input);
        if let Some(f) = c.note.as_mut() {
            f.insert("went fine");
        }
        assert_eq!(c.items_with_pending()[1].note, "went fine");
        assert_eq!(c.handle(&Action::Back), Outcome::Changed);
        assert_eq!(c.items[1].note, "went fine");
        c.handle(&Action::Down);
        assert_eq!(c.selected, 1, "stays on the last item");
    }

    #[test]
    fn documents_skip_blank_lines_and_find_the_next_prompt() {
        let mut l = Lines::new(vec![
            DocLine::blank(),
            DocLine::heading("One"),
            DocLine::text("about it"),
            DocLine::blank(),
            DocLine::heading("Two"),
            DocLine::prompt("say this"),
        ]);
        assert_eq!(l.cursor, 1, "starts on the first line with something");
        l.handle(&Action::Down);
        l.handle(&Action::Down);
        assert_eq!(l.cursor, 4, "the blank line is skipped");
        l.handle(&Action::PrevSection);
        assert_eq!(l.cursor, 1);
        l.handle(&Action::NextSection);
        assert_eq!(l.cursor, 4);
        assert!(matches!(
            l.handle(&Action::InsertIntoNotes),
            Outcome::Info(_)
        ));
        l.handle(&Action::NextPrompt);
        assert_eq!(
            l.handle(&Action::InsertIntoNotes),
            Outcome::Insert("say this".into())
        );
        l.handle(&Action::NextPrompt);
        assert_eq!(l.cursor, 5, "the only prompt: wraps round to itself");
        l.handle(&Action::PageDown);
        assert_eq!(l.cursor, 5);
        l.handle(&Action::PageUp);
        assert_eq!(l.cursor, 1);
    }

    #[test]
    fn a_choice_moves_within_its_options() {
        let mut c = Choice {
            selected: 0,
            count: 3,
        };
        assert_eq!(c.handle(&Action::Up), Outcome::Nothing);
        assert_eq!(c.handle(&Action::Down), Outcome::Changed);
        c.handle(&Action::Down);
        assert_eq!(c.handle(&Action::Down), Outcome::Nothing);
        c.handle(&Action::ToggleItem);
        assert_eq!(c.selected, 0, "Space wraps round");
    }
}
