//! The live key map: the tables' defaults, with the user's `keys.toml` over them.
//!
//! ```toml
//! # Top-level lines remap a command in every mode that has it.
//! end-session = "E"
//! help = ["?", "F1"]
//!
//! # A table remaps it in one mode only (its name as `alongside` lists it).
//! [session-commands]
//! next-stage = ["l", "Right"]
//! ```
//!
//! A command is named by what it does, in kebab-case (`end-session`, `save`, `back`,
//! `go-to-stage-exploring`); help shows every name. A remapping that binds one key to two
//! commands of a mode, takes a letter from a typing mode, or names an unknown command or key
//! is refused with the file's name and line, and the whole file is then left out.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ratatui::crossterm::event::KeyCode;
use toml::de::{DeTable, DeValue};

use super::{Binding, Key, Mode, default_bindings};

/// Every mode's live bindings.
#[derive(Debug, Clone)]
pub struct Keymap {
    modes: HashMap<Mode, Vec<Binding>>,
}

/// What is wrong with a key file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFileError {
    pub path: PathBuf,
    /// 1-based; 0 when the whole file is at fault.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for KeyFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(
                f,
                "{} line {}: {}",
                self.path.display(),
                self.line,
                self.message
            )
        }
    }
}

impl std::error::Error for KeyFileError {}

impl Keymap {
    /// The keys as the tables declare them.
    pub fn defaults() -> &'static Keymap {
        static DEFAULTS: OnceLock<Keymap> = OnceLock::new();
        DEFAULTS.get_or_init(|| Keymap {
            modes: Mode::ALL
                .into_iter()
                .map(|m| (m, default_bindings(m)))
                .collect(),
        })
    }

    pub fn bindings(&self, mode: Mode) -> &[Binding] {
        self.modes.get(&mode).map_or(&[], Vec::as_slice)
    }

    /// Reads a key file; `path` is only used in messages.
    pub fn from_toml(text: &str, path: &Path) -> Result<Keymap, KeyFileError> {
        let err = |span: Option<std::ops::Range<usize>>, message: String| KeyFileError {
            path: path.to_path_buf(),
            line: span.map_or(0, |s| line_of(text, s.start)),
            message,
        };
        let table = DeTable::parse(text).map_err(|e| err(e.span(), first_line(e.message())))?;
        let mut map = Keymap::defaults().clone();
        // Mode tables after the top level, so a mode's own line wins.
        let mut scoped = Vec::new();
        for (name, value) in table.get_ref() {
            match value.get_ref() {
                DeValue::Table(t) => {
                    let Some(mode) = Mode::ALL.into_iter().find(|m| m.name() == *name.get_ref())
                    else {
                        return Err(err(
                            Some(name.span()),
                            format!("'{}' is not a mode", name.get_ref()),
                        ));
                    };
                    scoped.push((mode, t));
                }
                _ => {
                    let keys = parse_keys(value).map_err(|m| err(Some(value.span()), m))?;
                    let found = map.remap(None, name.get_ref(), &keys);
                    if !found {
                        return Err(err(
                            Some(name.span()),
                            format!("'{}' is not a command", name.get_ref()),
                        ));
                    }
                }
            }
        }
        for (mode, t) in scoped {
            for (name, value) in t {
                let keys = parse_keys(value).map_err(|m| err(Some(value.span()), m))?;
                if !map.remap(Some(mode), name.get_ref(), &keys) {
                    return Err(err(
                        Some(name.span()),
                        format!("'{}' is not a command in [{}]", name.get_ref(), mode.name()),
                    ));
                }
            }
        }
        if let Some((mode, key, a, b)) = map.conflict() {
            let line = text
                .lines()
                .position(|l| {
                    let l = l.trim_start();
                    [&a, &b].iter().any(|c| {
                        l.strip_prefix(c.as_str())
                            .is_some_and(|r| r.trim_start().starts_with('='))
                    })
                })
                .map_or(0, |i| i + 1);
            return Err(KeyFileError {
                path: path.to_path_buf(),
                line,
                message: format!(
                    "{} would run both '{a}' and '{b}' in [{}]; choose another key",
                    key.display(),
                    mode.name()
                ),
            });
        }
        if let Some((mode, key, cmd)) = map.steals_typing() {
            return Err(err(
                None,
                format!(
                    "'{cmd}' cannot use {} in [{}]: that key is typed there; use Ctrl, Esc, Tab or an F-key",
                    key.display(),
                    mode.name()
                ),
            ));
        }
        Ok(map)
    }

    /// Gives a command new keys in one mode, or in every mode; false when no mode has it.
    fn remap(&mut self, only: Option<Mode>, command: &str, keys: &[Key]) -> bool {
        let mut found = false;
        for (mode, list) in &mut self.modes {
            if only.is_some_and(|m| m != *mode) {
                continue;
            }
            for b in list.iter_mut().filter(|b| b.command() == command) {
                b.keys = keys.to_vec();
                b.hint = keys.first().map_or("(none)".into(), |k| k.display().into());
                found = true;
            }
        }
        found
    }

    /// A key that two commands of one mode share.
    fn conflict(&self) -> Option<(Mode, Key, String, String)> {
        for mode in Mode::ALL {
            let list = self.bindings(mode);
            for (i, a) in list.iter().enumerate() {
                for b in &list[i + 1..] {
                    if let Some(k) = a.keys.iter().find(|k| b.keys.contains(k)) {
                        return Some((mode, *k, a.command(), b.command()));
                    }
                }
            }
        }
        None
    }

    /// A plain character bound in a mode where characters are typed.
    fn steals_typing(&self) -> Option<(Mode, Key, String)> {
        Mode::ALL
            .into_iter()
            .filter(|m| m.is_typing())
            .find_map(|m| {
                self.bindings(m).iter().find_map(|b| {
                    b.keys
                        .iter()
                        .find(|k| matches!(k, Key::Char(_)))
                        .map(|k| (m, *k, b.command()))
                })
            })
    }
}

/// Loads `keys.toml` from the config folder, if there is one; a bad file leaves the default
/// keys in place and is reported.
pub fn load(path: &Path) -> Result<Option<Keymap>, KeyFileError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(KeyFileError {
                path: path.to_path_buf(),
                line: 0,
                message: format!("cannot be read ({})", e.kind()),
            });
        }
    };
    Keymap::from_toml(&text, path).map(Some)
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(0, |t| t.bytes().filter(|b| *b == b'\n').count() + 1)
}

fn first_line(message: &str) -> String {
    message
        .lines()
        .next()
        .unwrap_or("not valid TOML")
        .to_string()
}

fn parse_keys(value: &toml::Spanned<DeValue<'_>>) -> Result<Vec<Key>, String> {
    match value.get_ref() {
        DeValue::String(s) => Ok(vec![parse_key(s)?]),
        DeValue::Array(items) => items
            .iter()
            .map(|v| match v.get_ref() {
                DeValue::String(s) => parse_key(s),
                _ => Err("keys are written as strings, like \"q\" or \"Ctrl+S\"".into()),
            })
            .collect(),
        _ => Err(
            "keys are written as a string or a list of strings, like \"q\" or [\"q\", \"F10\"]"
                .into(),
        ),
    }
}

/// `"q"`, `"Space"`, `"Ctrl+S"`, `"Esc"`, `"Shift+Tab"`, `"F10"`, `"Up"` or `"↑"`…
pub fn parse_key(s: &str) -> Result<Key, String> {
    let bad = || format!("'{s}' is not a key (try \"q\", \"Ctrl+S\", \"Esc\", \"F10\")");
    let mut chars = s.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return match c {
            '↑' => Ok(Key::Code(KeyCode::Up)),
            '↓' => Ok(Key::Code(KeyCode::Down)),
            '←' => Ok(Key::Code(KeyCode::Left)),
            '→' => Ok(Key::Code(KeyCode::Right)),
            c if c.is_control() => Err(bad()),
            c => Ok(Key::Char(c)),
        };
    }
    let lower = s.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("ctrl+") {
        let mut r = rest.chars();
        return match (r.next(), r.next()) {
            (Some(c), None) if c.is_ascii_alphanumeric() => Ok(Key::Ctrl(c)),
            _ => Err(bad()),
        };
    }
    if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        return if (1..=12).contains(&n) {
            Ok(Key::Code(KeyCode::F(n)))
        } else {
            Err(bad())
        };
    }
    let code = match lower.as_str() {
        "space" => return Ok(Key::Char(' ')),
        "esc" | "escape" => KeyCode::Esc,
        "enter" | "return" => KeyCode::Enter,
        "tab" => KeyCode::Tab,
        "shift+tab" | "backtab" => KeyCode::BackTab,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        _ => return Err(bad()),
    };
    Ok(Key::Code(code))
}
