//! A text field backed by `ratatui-textarea`, used for every typed input so editing keys
//! behave the same everywhere.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{TextArea, WrapMode};

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
            text.lines().map(str::to_string).collect()
        };
        let placeholder = self.area.placeholder_text().to_string();
        let focused = self.area.cursor_style() != Style::default();
        let mut area = TextArea::new(if lines.is_empty() {
            vec![String::new()]
        } else {
            lines
        });
        area.set_placeholder_text(placeholder);
        area.set_cursor_line_style(Style::default());
        if !self.single_line {
            area.set_wrap_mode(WrapMode::WordOrGlyph);
        }
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        self.area = area;
        self.set_focused(focused);
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
    pub fn input(&mut self, key: KeyEvent) -> bool {
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
    fn set_text_and_insert() {
        let mut f = Field::multi("notes").with_text("one\ntwo");
        f.insert(" more");
        assert_eq!(f.text(), "one\ntwo more");
        let mut s = Field::single("x").with_text("a\nb");
        s.insert("c\nd");
        assert_eq!(s.text(), "a bc d");
    }
}
