//! Why a file could not be read: content-free reasons, shared by every layer (the lowest
//! module after the file layer, so sealing and decoding both use it without depending on
//! each other).

use std::fmt;

/// Why a file could not be read. Its `Display` never includes any of the file's content:
/// serde_json's own messages can quote values from the file, so only the error's category
/// and position are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The file is empty.
    Empty,
    /// Not valid JSON at this position.
    Syntax { line: usize, column: usize },
    /// The JSON stops before it is complete (often a write cut short by a crash).
    EndsEarly { line: usize, column: usize },
    /// Valid JSON, but not the expected fields or types. Position 0 means unknown.
    Shape { line: usize, column: usize },
    /// No `schema_version` field.
    NoVersion,
    /// A `schema_version` older than any migration knows.
    UnknownOldVersion { found: u64 },
    /// A session file whose note has a different id from its file name.
    IdMismatch,
    /// The file could not be read from disk.
    Io { kind: std::io::ErrorKind },
    /// The file is encrypted and no key is unlocked to open it. The file itself may be fine,
    /// so it is never quarantined for this.
    Locked,
    /// The file is encrypted but the folder's key does not open it: it was changed, cut
    /// short, or comes from another folder.
    Damaged,
    /// A symbolic link stands where the file should be. It is never followed.
    Link,
}

impl Reason {
    /// The content-free reason for a serde_json error: its category and position only.
    pub fn of_json(e: &serde_json::Error) -> Reason {
        use serde_json::error::Category;
        let (line, column) = (e.line(), e.column());
        match e.classify() {
            Category::Syntax => Reason::Syntax { line, column },
            Category::Eof if line <= 1 && column == 0 => Reason::Empty,
            Category::Eof => Reason::EndsEarly { line, column },
            Category::Data => Reason::Shape { line, column },
            Category::Io => Reason::Io {
                kind: e.io_error_kind().unwrap_or(std::io::ErrorKind::Other),
            },
        }
    }
}

fn at(line: usize, column: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(" at line {line}, column {column}")
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Empty => f.write_str("the file is empty"),
            Reason::Syntax { line, column } => {
                write!(f, "it is not valid JSON{}", at(*line, *column))
            }
            Reason::EndsEarly { line, column } => write!(
                f,
                "it ends before the JSON is complete{}",
                at(*line, *column)
            ),
            Reason::Shape { line, column } => write!(
                f,
                "it does not have the fields this app expects{}",
                at(*line, *column)
            ),
            Reason::NoVersion => f.write_str("it has no schema_version"),
            Reason::UnknownOldVersion { found } => {
                write!(f, "schema_version {found} is not one this app can upgrade")
            }
            Reason::IdMismatch => f.write_str("the id inside differs from the file name"),
            Reason::Io { kind } => write!(f, "it could not be read ({kind})"),
            Reason::Locked => f.write_str("it is encrypted and the data folder is not unlocked"),
            Reason::Link => f.write_str(
                "it is a symbolic link, and alongside never follows links inside its data folder",
            ),
            Reason::Damaged => f.write_str(
                "it is encrypted but does not open with this folder's key (changed, cut short, or from another folder)",
            ),
        }
    }
}
