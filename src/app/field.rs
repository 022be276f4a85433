//! A text field backed by `ratatui-textarea`, used for every typed input so editing keys
//! behave the same everywhere.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};

/// What reaches a text field: a key, or text pasted in one piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Typed {
    Key(KeyEvent),
    Paste(String),
}

impl From<KeyEvent> for Typed {
    fn from(key: KeyEvent) -> Typed {
        Typed::Key(key)
    }
}

impl From<&Typed> for Typed {
    fn from(t: &Typed) -> Typed {
        t.clone()
    }
}

/// Pasted text as it may be stored: line ends made `\n`, control characters other than
/// newline and tab dropped (a pasted BEL or Escape must never act as a key).
pub fn clean_paste(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[derive(Debug, Clone)]
pub struct Field {
    area: TextArea<'static>,
    single_line: bool,
    max_chars: Option<usize>,
}

/// The longest passphrase the masked field takes, in characters.
pub const MASKED_MAX_CHARS: usize = 256;

impl Field {
    /// A one-line field: Enter is left to the form (usually "next" or "submit").
    pub fn single(placeholder: &str) -> Field {
        Field::build(placeholder, true)
    }

    /// A multi-line field: Enter starts a new line, long lines wrap at words.
    pub fn multi(placeholder: &str) -> Field {
        Field::build(placeholder, false)
    }

    fn build(placeholder: &str, single_line: bool) -> Field {
        let mut area = TextArea::default();
        area.set_placeholder_text(placeholder);
        // Dim, not grey: a placeholder must look like one without colour too (NO_COLOR).
        area.set_placeholder_style(Style::default().add_modifier(Modifier::DIM));
        area.set_cursor_line_style(Style::default());
        if !single_line {
            area.set_wrap_mode(WrapMode::WordOrGlyph);
        }
        let mut field = Field {
            area,
            single_line,
            max_chars: None,
        };
        field.set_focused(false);
        field
    }

    pub fn with_max_chars(mut self, max: usize) -> Field {
        self.max_chars = Some(max);
        self
    }

    pub fn with_text(mut self, text: &str) -> Field {
        self.set_text(text);
        self
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn is_blank(&self) -> bool {
        self.area.lines().iter().all(|l| l.trim().is_empty())
    }

    pub fn set_text(&mut self, text: &str) {
        let lines: Vec<String> = if self.single_line {
            vec![text.replace(['\n', '\r'], " ")]
        } else {
            // `split`, not `lines`: a trailing newline is kept, so text typed after a
            // resumed draft starts on its own line.
            text.split('\n')
                .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
                .collect()
        };
        self.rebuild(lines);
        self.area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        self.area.move_cursor(ratatui_textarea::CursorMove::End);
    }

    /// Replaces the text area with these lines, keeping how it looks and behaves.
    fn rebuild(&mut self, lines: Vec<String>) {
        let placeholder = self.area.placeholder_text().to_string();
        let focused = self.area.cursor_style() != Style::default();
        let mask = self.area.mask_char();
        let mut area = TextArea::new(if lines.is_empty() {
            vec![String::new()]
        } else {
            lines
        });
        area.set_placeholder_text(placeholder);
        // Dim, not grey: a placeholder must look like one without colour too (NO_COLOR).
        area.set_placeholder_style(Style::default().add_modifier(Modifier::DIM));
        area.set_cursor_line_style(Style::default());
        if !self.single_line {
            area.set_wrap_mode(WrapMode::WordOrGlyph);
        }
        if let Some(c) = mask {
            area.set_mask_char(c);
            area.set_max_histories(0);
        }
        self.area = area;
        self.set_focused(focused);
    }

    /// Puts pasted text in at the cursor in one step, however long: control characters other
    /// than newline and tab are dropped, a one-line field gets spaces for newlines, and a
    /// limit on length is kept. Returns true when the text changed.
    pub fn paste(&mut self, text: &str) -> bool {
        let mut text = clean_paste(text);
        if self.single_line {
            text = text.replace('\n', " ");
        }
        if let Some(max) = self.max_chars {
            let count: usize = self.area.lines().iter().map(|l| l.chars().count()).sum();
            let room = max.saturating_sub(count);
            if let Some((cut, _)) = text.char_indices().nth(room) {
                text.truncate(cut);
            }
        }
        if text.is_empty() {
            return false;
        }
        let ratatui_textarea::DataCursor(row, col) = self.area.cursor();
        let mut lines = self.area.lines().to_vec();
        let at_end = row + 1 == lines.len();
        let Some(line) = lines.get(row) else {
            return false;
        };
        let byte = line.char_indices().nth(col).map_or(line.len(), |(b, _)| b);
        let (before, after) = (line[..byte].to_string(), line[byte..].to_string());
        let mut pasted: Vec<String> = text.split('\n').map(str::to_string).collect();
        let n = pasted.len();
        let last_chars = pasted[n - 1].chars().count();
        let cursor_col = if n == 1 { col + last_chars } else { last_chars };
        pasted[0].insert_str(0, &before);
        pasted[n - 1].push_str(&after);
        let ends_text = at_end && after.is_empty();
        lines.splice(row..=row, pasted);
        self.rebuild(lines);
        if ends_text {
            self.area.move_cursor(ratatui_textarea::CursorMove::Bottom);
            self.area.move_cursor(ratatui_textarea::CursorMove::End);
        } else {
            let r = u16::try_from(row + n - 1).unwrap_or(u16::MAX);
            let c = u16::try_from(cursor_col).unwrap_or(u16::MAX);
            self.area
                .move_cursor(ratatui_textarea::CursorMove::Jump(r, c));
        }
        true
    }

    /// Feeds typed or pasted input to the field. Returns true when the text changed.
    pub fn input(&mut self, typed: impl Into<Typed>) -> bool {
        match typed.into() {
            Typed::Key(key) => self.key(key),
            Typed::Paste(text) => self.paste(&text),
        }
    }

    /// Shows the cursor only in the focused field, so it is always clear where typing goes.
    pub fn set_focused(&mut self, focused: bool) {
        let style = if focused {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default()
        };
        self.area.set_cursor_style(style);
    }

    /// Feeds a key to the field. Returns true when the text changed.
    pub fn key(&mut self, key: KeyEvent) -> bool {
        let is_newline = matches!(key.code, KeyCode::Enter)
            || (key.modifiers.contains(KeyModifiers::CONTROL)
                && matches!(key.code, KeyCode::Char('m' | 'j')));
        if self.single_line && is_newline {
            return false;
        }
        if let Some(max) = self.max_chars {
            let inserts = matches!(key.code, KeyCode::Char(_))
                && !key.modifiers.contains(KeyModifiers::CONTROL)
                && !key.modifiers.contains(KeyModifiers::ALT);
            let count: usize = self.area.lines().iter().map(|l| l.chars().count()).sum();
            if inserts && count >= max {
                return false;
            }
        }
        self.area.input(key)
    }

    /// Inserts text at the cursor (e.g. a prompt chosen from a tool).
    pub fn insert(&mut self, text: &str) {
        if self.single_line {
            self.area.insert_str(text.replace(['\n', '\r'], " "));
        } else {
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    self.area.insert_newline();
                }
                self.area.insert_str(line);
            }
        }
    }

    pub fn textarea(&self) -> &TextArea<'static> {
        &self.area
    }

    /// A one-line field that shows `•` for every character and keeps no undo history, for
    /// passphrases.
    ///
    /// Its one line is allocated once, big enough for [`MASKED_MAX_CHARS`] characters of any
    /// width, and typing stops there: the text is edited in place and never moved to a larger
    /// buffer, which would leave an unwiped copy behind in freed memory.
    pub fn masked(placeholder: &str) -> Field {
        let mut f = Field::single(placeholder).with_max_chars(MASKED_MAX_CHARS);
        f.area = TextArea::new(vec![String::with_capacity(MASKED_MAX_CHARS * 4)]);
        f.area.set_placeholder_text(placeholder);
        f.area.set_cursor_line_style(Style::default());
        f.area.set_mask_char('•');
        f.area.set_max_histories(0);
        f.set_focused(false);
        f
    }

    /// The capacity of a masked field's line, in bytes (for tests).
    #[doc(hidden)]
    pub fn line_capacity(&self) -> usize {
        self.area.lines().first().map_or(0, String::capacity)
    }

    /// Takes the text out as a zeroizing string, leaving the field empty; the field's own
    /// copy is wiped from memory.
    pub fn take_secret(&mut self) -> zeroize::Zeroizing<String> {
        let placeholder = self.area.placeholder_text().to_string();
        let focused = self.area.cursor_style() != Style::default();
        let old = std::mem::replace(self, Field::masked(&placeholder));
        self.set_focused(focused);
        let mut lines = old.area.into_lines();
        let text = zeroize::Zeroizing::new(lines.join(""));
        for line in &mut lines {
            zeroize::Zeroize::zeroize(line);
        }
        text
    }

    /// Selects all the text, so typing replaces it (a search box reopened).
    pub fn select_all(&mut self) {
        self.area.select_all();
    }

    /// Whether the line with the cursor holds nothing but spaces.
    pub fn cursor_line_is_blank(&self) -> bool {
        let row = self.area.cursor().0;
        self.area
            .lines()
            .get(row)
            .is_none_or(|l| l.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn a_masked_field_never_moves_its_text_to_a_new_buffer() {
        let mut f = Field::masked("passphrase");
        let cap = f.line_capacity();
        for _ in 0..(MASKED_MAX_CHARS + 20) {
            f.input(key('é'));
        }
        assert_eq!(f.text().chars().count(), MASKED_MAX_CHARS);
        assert_eq!(f.line_capacity(), cap, "the line was reallocated");
        assert_eq!(*f.take_secret(), "é".repeat(MASKED_MAX_CHARS));
    }

    #[test]
    fn single_line_field_ignores_enter() {
        let mut f = Field::single("alias");
        f.input(key('J'));
        f.input(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        f.input(key('D'));
        assert_eq!(f.text(), "JD");
    }

    #[test]
    fn multi_line_field_keeps_lines() {
        let mut f = Field::multi("notes");
        f.input(key('a'));
        f.input(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        f.input(key('b'));
        assert_eq!(f.text(), "a\nb");
    }

    #[test]
    fn max_chars_stops_typing_but_not_deleting() {
        let mut f = Field::single("x").with_max_chars(2);
        for c in "abc".chars() {
            f.input(key(c));
        }
        assert_eq!(f.text(), "ab");
        f.input(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
        assert_eq!(f.text(), "a");
    }

    #[test]
    fn a_trailing_newline_is_kept() {
        let mut f = Field::multi("notes").with_text("one\n");
        f.input(key('x'));
        assert_eq!(f.text(), "one\nx");
    }

    #[test]
    fn paste_lands_whole_at_the_cursor_without_control_characters() {
        let mut f = Field::multi("notes").with_text("ab");
        f.input(KeyEvent::new(KeyCode::Left, KeyModifiers::NONE));
        assert!(f.input(Typed::Paste("1\u{7}\r\n2\t\u{1b}[A3".into())));
        assert_eq!(f.text(), "a1\n2\t[A3b");
        f.input(key('!'));
        assert_eq!(f.text(), "a1\n2\t[A3!b");
        let mut s = Field::single("x").with_max_chars(5);
        s.input(Typed::Paste("one\ntwo".into()));
        assert_eq!(s.text(), "one t");
    }

    #[test]
    fn a_megabyte_paste_is_exact() {
        let text: String = (0..20_000)
            .map(|i| format!("line {i} with some words ü ✓\n"))
            .collect();
        assert!(text.len() > 600_000);
        let mut f = Field::multi("notes");
        f.input(Typed::Paste(text.clone()));
        assert_eq!(f.text(), text);
        f.input(key('z'));
        assert_eq!(f.text(), format!("{text}z"));
    }

    #[test]
    fn set_text_and_insert() {
        let mut f = Field::multi("notes").with_text("one\ntwo");
        f.insert(" more");
        assert_eq!(f.text(), "one\ntwo more");
        let mut s = Field::single("x").with_text("a\nb");
        s.insert("c\nd");
        assert_eq!(s.text(), "a bc d");
    }
}
