//! Listing a folder of `<uuid>.json` records, setting temporary and unrecognised names apart.

use std::fs;
use std::path::Path;

use uuid::Uuid;

use super::super::layout;
use super::super::problem::{Problem, ProblemKind};

/// The `<uuid>.json` files of a folder.
pub(super) struct Listing {
    pub(super) ids: Vec<Uuid>,
    /// Files with other names (temporary files aside).
    pub(super) unrecognised: usize,
    /// The store's leftover temporary files.
    pub(super) temp_files: Vec<std::ffi::OsString>,
}

/// Lists the `<uuid>.json` files in `dir`, setting temporary files apart.
pub(super) fn list_record_ids(dir: &Path) -> Listing {
    let mut listing = Listing {
        ids: Vec::new(),
        unrecognised: 0,
        temp_files: Vec::new(),
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return listing;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if layout::is_temp_file_name(&name) {
            listing.temp_files.push(name);
            continue;
        }
        match layout::id_from_file_name(&name) {
            Some(id) => listing.ids.push(id),
            None => listing.unrecognised += 1,
        }
    }
    listing
}

/// Other names are counted and reported, never named: a name someone typed could hold
/// anything.
pub(super) fn unrecognised_problem(label: &str, count: usize) -> Problem {
    Problem {
        file: format!("{label}/"),
        kind: ProblemKind::UnrecognisedFiles { count },
    }
}

/// The ids of the records in `dir`, reporting unrecognised names.
pub(super) fn list_records(dir: &Path, label: &str, problems: &mut Vec<Problem>) -> Vec<Uuid> {
    let listing = list_record_ids(dir);
    if listing.unrecognised > 0 {
        problems.push(unrecognised_problem(label, listing.unrecognised));
    }
    listing.ids
}
