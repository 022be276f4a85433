//! What can go wrong when loading content.

use std::fmt;
use std::path::{Path, PathBuf};

use super::text::line_col;

/// The built-in content failed to load. This is a bug in the shipped assets; tests guard
/// against it, and the app should show the message rather than exit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    /// A built-in asset file is not valid TOML or does not have the expected shape.
    #[error("{}", located(.file, *.line, *.column, .message))]
    Parse {
        file: String,
        line: Option<usize>,
        column: Option<usize>,
        message: String,
    },
    /// The built-in assets parsed but break a rule (missing stage, unknown tool, empty text…).
    #[error("built-in content is not valid: {}", .problems.join("; "))]
    Invalid { problems: Vec<String> },
}

/// A problem with one organization override file. The file was skipped as a whole; the
/// content it would have changed stays as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentProblem {
    pub file: PathBuf,
    /// 1-based line, when the problem can be pinned to one.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    pub message: String,
}

impl ContentProblem {
    pub(crate) fn whole_file(file: &Path, message: impl Into<String>) -> ContentProblem {
        ContentProblem {
            file: file.to_path_buf(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    pub(crate) fn from_toml(file: &Path, src: &str, err: &toml::de::Error) -> ContentProblem {
        let (line, column) = match err.span() {
            Some(span) => {
                let (l, c) = line_col(src, span.start);
                (Some(l), Some(c))
            }
            None => (None, None),
        };
        ContentProblem {
            file: file.to_path_buf(),
            line,
            column,
            message: err.message().trim().to_string(),
        }
    }

    /// Just the file's name (no directories), for short messages.
    pub fn file_name(&self) -> String {
        self.file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.file.display().to_string())
    }
}

impl fmt::Display for ContentProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&located(
            &self.file.display().to_string(),
            self.line,
            self.column,
            &self.message,
        ))
    }
}

impl ContentError {
    pub(crate) fn from_toml(file: &str, src: &str, err: &toml::de::Error) -> ContentError {
        let p = ContentProblem::from_toml(Path::new(file), src, err);
        ContentError::Parse {
            file: file.to_string(),
            line: p.line,
            column: p.column,
            message: p.message,
        }
    }
}

fn located(file: &str, line: Option<usize>, column: Option<usize>, message: &str) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!("{file}:{l}:{c}: {message}"),
        (Some(l), None) => format!("{file}:{l}: {message}"),
        _ => format!("{file}: {message}"),
    }
}
