//! Rules that loaded content must follow, whether built in or changed by an organization.

use std::collections::HashSet;

use serde::Serialize;
use serde_json::Value;

use super::Content;
use super::tools::unique;

/// One broken rule. `needle` is a piece of text likely to appear on the offending line of
/// an override file, used to point at a line when one can be found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Issue {
    pub message: String,
    pub needle: Option<String>,
}

impl Issue {
    fn new(message: String) -> Issue {
        Issue {
            message,
            needle: None,
        }
    }

    fn at(message: String, needle: String) -> Issue {
        Issue {
            message,
            needle: Some(needle),
        }
    }
}

/// Ids are short and plain so they can serve as file names and in reference ids.
pub(crate) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

fn check_id(what: &str, id: &str, issues: &mut Vec<Issue>) {
    if !valid_id(id) {
        issues.push(Issue::at(
            format!("{what} id `{id}` must use only a-z, 0-9, `_` and `-`"),
            format!("\"{id}\""),
        ));
    }
}

/// Every rule, over the whole content.
pub(crate) fn validate(c: &Content) -> Vec<Issue> {
    let mut issues = Vec::new();
    let tool_ids: HashSet<&str> = c.tools.iter().map(|t| t.id.as_str()).collect();

    for stage in &c.stages {
        let label = stage.id.label();
        walk(&format!("stage {label}"), stage, &[], &mut issues);
        let mut plain = Vec::new();
        unique(
            &format!("stage {label}: key concept id"),
            stage.key_concepts.iter().map(|k| k.id.as_str()),
            &mut plain,
        );
        unique(
            &format!("stage {label}: tool"),
            stage.tools.iter().map(String::as_str),
            &mut plain,
        );
        issues.extend(plain.into_iter().map(Issue::new));
        for k in &stage.key_concepts {
            check_id("key concept", &k.id, &mut issues);
        }
        for t in &stage.tools {
            if !tool_ids.contains(t.as_str()) {
                issues.push(Issue::at(
                    format!("stage {label} suggests tool `{t}`, which does not exist"),
                    format!("\"{t}\""),
                ));
            }
        }
    }

    let mut plain = Vec::new();
    unique("tool id", c.tools.iter().map(|t| t.id.as_str()), &mut plain);
    for tool in &c.tools {
        let what = format!("tool `{}`", tool.id);
        check_id("tool", &tool.id, &mut issues);
        walk(&what, tool, &[], &mut issues);
        unique(&format!("{what}: stage"), tool.stages.iter(), &mut plain);
        let mut body = Vec::new();
        tool.body.check(&mut body);
        plain.extend(body.into_iter().map(|m| format!("{what}: {m}")));
    }

    unique(
        "quality id",
        c.qualities.iter().map(|q| q.id.as_str()),
        &mut plain,
    );
    for q in &c.qualities {
        check_id("quality", &q.id, &mut issues);
        walk(&format!("quality `{}`", q.id), q, &[], &mut issues);
    }

    unique("role id", c.roles.iter().map(|r| r.id.as_str()), &mut plain);
    for r in &c.roles {
        check_id("role", &r.id, &mut issues);
        walk(&format!("role `{}`", r.id), r, &[], &mut issues);
    }

    unique(
        "competency id",
        c.competencies.iter().map(|r| r.id.as_str()),
        &mut plain,
    );
    for k in &c.competencies {
        check_id("competency", &k.id, &mut issues);
        walk(
            &format!("competency `{}`", k.id),
            k,
            &["skills"],
            &mut issues,
        );
        if !k.skills.is_empty() && k.skills.len() != k.skill_count as usize {
            plain.push(format!(
                "competency `{}` lists {} skills, but its skill_count is {}",
                k.id,
                k.skills.len(),
                k.skill_count
            ));
        }
    }
    let counted: u32 = c.competencies.iter().map(|k| k.skill_count).sum();
    if !c.competencies.is_empty() && counted != c.total_skills {
        plain.push(format!(
            "competency skill counts add up to {counted}, but the total says {}",
            c.total_skills
        ));
    }

    walk("crisis", &c.crisis, &["local"], &mut issues);
    unique(
        "crisis resource id",
        c.crisis.all().map(|r| r.id.as_str()),
        &mut plain,
    );
    for r in c.crisis.all() {
        check_id("crisis resource", &r.id, &mut issues);
    }

    for message in super::language::problems(&c.language, &c.progress_layouts) {
        // Point at the entry's id in an override file.
        let needle = message.split('`').nth(1).map(|id| format!("\"{id}\""));
        issues.push(Issue { message, needle });
    }

    issues.extend(plain.into_iter().map(Issue::new));
    issues
}

/// Reports every empty string and empty list inside `value`, except lists whose key is in
/// `may_be_empty`.
fn walk<T: Serialize>(what: &str, value: &T, may_be_empty: &[&str], issues: &mut Vec<Issue>) {
    match serde_json::to_value(value) {
        Ok(v) => walk_value(what, &v, "", may_be_empty, issues),
        Err(e) => issues.push(Issue::new(format!("{what}: cannot be checked: {e}"))),
    }
}

fn walk_value(what: &str, v: &Value, path: &str, may_be_empty: &[&str], out: &mut Vec<Issue>) {
    let at = if path.is_empty() { "" } else { " at " };
    match v {
        Value::String(s) if s.trim().is_empty() => {
            out.push(Issue::at(
                format!("{what}: empty text{at}{path}"),
                "\"\"".to_string(),
            ));
        }
        Value::Array(items) => {
            let key = path.rsplit('.').next().unwrap_or(path);
            if items.is_empty() && !may_be_empty.contains(&key) {
                out.push(Issue::at(
                    format!("{what}: empty list{at}{path}"),
                    "[]".to_string(),
                ));
            }
            for (i, item) in items.iter().enumerate() {
                walk_value(what, item, &format!("{path}[{i}]"), may_be_empty, out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                walk_value(what, item, &p, may_be_empty, out);
            }
        }
        _ => {}
    }
}
