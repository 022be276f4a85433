//! Organization overrides: `.toml` files in a directory that replace or add content.
//!
//! Two shapes are accepted. A file with a top-level `id` is one whole tool, in the same
//! shape as `assets/tools/<id>.toml`: it replaces the built-in tool with that id or adds a
//! new one. Any other file is a bundle of optional lists, each entry replacing the entry
//! with the same id or adding a new one:
//!
//! ```toml
//! [[crisis.local]]
//! id = "county-mobile-crisis"
//! name = "County mobile crisis team"
//! description = "Comes to the person, day or night, anywhere in the county."
//! contacts = [{ method = "call", value = "555-0100" }]
//!
//! [[stages]]      # a whole stage, same shape as in assets/stages.toml
//! [[tools]]       # a whole tool, same shape as a tool file
//! [[qualities]]
//! [[roles]]
//! [crisis]        # `intro`, and `[[crisis.national]]` entries, are replaceable too
//! [[language]]    # a peer-language entry, same shape as in assets/language.toml
//! [[progress_layouts]]  # a progress note layout, same shape as in assets/progress_layouts.toml
//! ```
//!
//! Files are applied in name order. Each file is all or nothing: if it does not parse, or
//! the content it produces breaks a rule, it is skipped and reported with its name (and a
//! line when one can be found), and the content stays as it was before that file.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::crisis::CrisisResource;
use super::error::ContentProblem;
use super::qualities::Quality;
use super::roles::RoleArea;
use super::stages::StageInfo;
use super::text::find_line;
use super::tools::{RawTool, resolve_sections};
use super::validate::{Issue, validate};
use super::{Content, builtin};
use crate::domain::language::LanguageRule;
use crate::domain::progress::ProgressLayout;

/// Files larger than this are not read: content files are a few tens of kilobytes.
const MAX_FILE_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Bundle {
    #[serde(default)]
    stages: Vec<StageInfo>,
    #[serde(default)]
    tools: Vec<RawTool>,
    #[serde(default)]
    qualities: Vec<Quality>,
    #[serde(default)]
    roles: Vec<RoleArea>,
    #[serde(default)]
    crisis: Option<CrisisOverride>,
    #[serde(default)]
    language: Vec<LanguageRule>,
    #[serde(default)]
    progress_layouts: Vec<ProgressLayout>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CrisisOverride {
    #[serde(default)]
    intro: Option<String>,
    #[serde(default)]
    national: Vec<CrisisResource>,
    #[serde(default)]
    local: Vec<CrisisResource>,
}

/// Replaces the entry with the same id, or appends.
fn upsert<T>(list: &mut Vec<T>, item: T, id: impl Fn(&T) -> &str) {
    match list.iter_mut().find(|x| id(x) == id(&item)) {
        Some(slot) => *slot = item,
        None => list.push(item),
    }
}

impl Content {
    /// The built-in content with an organization's override files from `dir` applied.
    /// A missing directory means no overrides. Never fails: problems come back as a list.
    pub fn with_overrides(dir: &Path) -> (Content, Vec<ContentProblem>) {
        let (mut content, mut problems) = match builtin() {
            Ok(c) => (c.clone(), Vec::new()),
            Err(e) => (
                Content::fallback(),
                vec![ContentProblem::whole_file(
                    Path::new("<built-in>"),
                    e.to_string(),
                )],
            ),
        };
        problems.extend(content.apply_overrides(dir));
        (content, problems)
    }

    /// Applies every `.toml` file in `dir`, in name order. See the module docs for the format.
    pub fn apply_overrides(&mut self, dir: &Path) -> Vec<ContentProblem> {
        let entries = match fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
            Err(e) => {
                return vec![ContentProblem::whole_file(
                    dir,
                    format!("cannot read the override folder: {e}"),
                )];
            }
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("toml"))
                    && p.is_file()
            })
            .collect();
        files.sort();
        let mut problems = Vec::new();
        for file in files {
            problems.extend(self.apply_file(&file));
        }
        problems
    }

    /// Applies one override file; on any problem, leaves `self` unchanged.
    pub fn apply_file(&mut self, file: &Path) -> Vec<ContentProblem> {
        match fs::metadata(file) {
            Ok(m) if m.len() > MAX_FILE_BYTES => {
                return vec![ContentProblem::whole_file(
                    file,
                    format!("file is larger than {MAX_FILE_BYTES} bytes; skipped"),
                )];
            }
            Ok(_) => {}
            Err(e) => {
                return vec![ContentProblem::whole_file(
                    file,
                    format!("cannot read: {e}"),
                )];
            }
        }
        let src = match fs::read_to_string(file) {
            Ok(s) => s,
            Err(e) => {
                return vec![ContentProblem::whole_file(
                    file,
                    format!("cannot read: {e}"),
                )];
            }
        };
        self.apply_str(file, &src)
    }

    /// Applies override text as if read from `file` (the name is only used in problems).
    pub fn apply_str(&mut self, file: &Path, src: &str) -> Vec<ContentProblem> {
        let table: toml::Table = match toml::from_str(src) {
            Ok(t) => t,
            Err(e) => return vec![ContentProblem::from_toml(file, src, &e)],
        };
        let bundle = if table.contains_key("id") {
            toml::from_str::<RawTool>(src).map(|tool| Bundle {
                stages: Vec::new(),
                tools: vec![tool],
                qualities: Vec::new(),
                roles: Vec::new(),
                crisis: None,
                language: Vec::new(),
                progress_layouts: Vec::new(),
            })
        } else {
            toml::from_str::<Bundle>(src)
        };
        let bundle = match bundle {
            Ok(b) => b,
            Err(e) => return vec![ContentProblem::from_toml(file, src, &e)],
        };

        let mut next = self.clone();
        let mut issues = Vec::new();
        for stage in bundle.stages {
            if let Some(slot) = next.stages.iter_mut().find(|s| s.id == stage.id) {
                *slot = stage;
            }
        }
        for raw in bundle.tools {
            let needle = format!("\"{}\"", raw.id);
            match raw.into_tool() {
                Ok(tool) => upsert(&mut next.tools, tool, |t| &t.id),
                Err(message) => issues.push(Issue {
                    message,
                    needle: Some(needle),
                }),
            }
        }
        for q in bundle.qualities {
            upsert(&mut next.qualities, q, |q| &q.id);
        }
        for r in bundle.roles {
            upsert(&mut next.roles, r, |r| &r.id);
        }
        for r in bundle.language {
            upsert(&mut next.language, r, |r| &r.id);
        }
        for l in bundle.progress_layouts {
            upsert(&mut next.progress_layouts, l, |l| &l.id);
        }
        if let Some(c) = bundle.crisis {
            if let Some(intro) = c.intro {
                next.crisis.intro = intro;
            }
            for r in c.national {
                upsert(&mut next.crisis.national, r, |r| &r.id);
            }
            for r in c.local {
                upsert(&mut next.crisis.local, r, |r| &r.id);
            }
        }
        issues.extend(
            resolve_sections(&mut next.tools)
                .into_iter()
                .map(|message| Issue {
                    message,
                    needle: None,
                }),
        );
        // Only rules this file breaks count: the content it started from may already be the
        // bare fallback, which is not complete.
        let before: Vec<String> = validate(self).into_iter().map(|i| i.message).collect();
        issues.extend(
            validate(&next)
                .into_iter()
                .filter(|i| !before.contains(&i.message)),
        );
        if issues.is_empty() {
            *self = next;
            return Vec::new();
        }
        issues
            .into_iter()
            .map(|issue| {
                let line = issue.needle.as_deref().and_then(|n| find_line(src, n));
                ContentProblem {
                    file: file.to_path_buf(),
                    line,
                    column: None,
                    message: format!("{}; this file was not applied", issue.message),
                }
            })
            .collect()
    }
}
