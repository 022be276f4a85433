//! The peer-language word list, the progress note layouts and the field averages of time
//! by activity: the content behind documentation and reports.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::domain::DirectActivity;
use crate::domain::activity_log::IndirectActivity;
use crate::domain::language::{LanguageRule, rule_problems};
use crate::domain::progress::{ProgressLayout, layout_problems};
use crate::domain::report::FieldAverages;

/// The shape of `assets/language.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LanguageFile {
    pub language: Vec<LanguageRule>,
}

/// The shape of `assets/progress_layouts.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LayoutsFile {
    pub progress_layouts: Vec<ProgressLayout>,
}

/// The shape of `assets/activities.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AveragesFile {
    pub direct: BTreeMap<String, f64>,
    pub indirect: BTreeMap<String, f64>,
}

impl AveragesFile {
    /// Every average by activity id, or what is wrong.
    pub(crate) fn into_averages(self) -> Result<FieldAverages, Vec<String>> {
        let mut problems = Vec::new();
        for id in self.direct.keys() {
            if DirectActivity::from_id(id).is_none() {
                problems.push(format!("activities: `{id}` is not a direct activity"));
            }
        }
        for id in self.indirect.keys() {
            if IndirectActivity::from_id(id).is_none() {
                problems.push(format!("activities: `{id}` is not an indirect activity"));
            }
        }
        for (id, h) in self.direct.iter().chain(&self.indirect) {
            if !(0.0..=24.0).contains(h) {
                problems.push(format!("activities: `{id}` has {h} hours a day"));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(self
            .direct
            .into_iter()
            .chain(self.indirect)
            .map(|(id, h)| (id, (h * 60.0).round() as u32))
            .collect())
    }
}

/// Rules the word list and layouts must follow.
pub(crate) fn problems(rules: &[LanguageRule], layouts: &[ProgressLayout]) -> Vec<String> {
    let mut out = Vec::new();
    for r in rules {
        if !super::validate::valid_id(&r.id) {
            out.push(format!(
                "language entry id `{}` must use only a-z, 0-9, `_` and `-`",
                r.id
            ));
        }
        out.extend(rule_problems(r));
    }
    super::tools::unique(
        "language entry id",
        rules.iter().map(|r| r.id.as_str()),
        &mut out,
    );
    for l in layouts {
        out.extend(layout_problems(l));
    }
    super::tools::unique(
        "progress layout id",
        layouts.iter().map(|l| l.id.as_str()),
        &mut out,
    );
    out
}

#[cfg(test)]
mod tests {
    use crate::domain::language::check;

    fn rules() -> &'static [crate::domain::language::LanguageRule] {
        crate::content::builtin()
            .expect("built-in content")
            .language()
    }

    #[test]
    fn the_list_has_at_least_sixty_entries() {
        assert!(rules().len() >= 60, "{}", rules().len());
    }

    /// Every entry flags its own example sentence, and its ordinary sentence is left alone
    /// by the whole list, not only by that entry.
    #[test]
    fn every_entry_flags_its_sentence_and_leaves_the_ordinary_one_alone() {
        let all = rules();
        let mut failures = Vec::new();
        for r in all {
            let found = check(&r.flagged, all);
            if !found.iter().any(|f| f.rule == r.id) {
                failures.push(format!(
                    "{}: not flagged: {:?} -> {found:?}",
                    r.id, r.flagged
                ));
            }
            let found = check(&r.ordinary, all);
            if !found.is_empty() {
                let ids: Vec<&str> = found.iter().map(|f| f.rule.as_str()).collect();
                failures.push(format!(
                    "{}: ordinary flagged by {ids:?}: {:?}",
                    r.id, r.ordinary
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn ordinary_uses_named_in_the_brief_are_not_flagged() {
        for text in [
            "a clean apartment",
            "The landlord denied the application.",
            "Be patient with yourself.",
            "She is committed to her plan.",
            "The dirty laundry can wait.",
        ] {
            assert!(check(text, rules()).is_empty(), "{text}");
        }
        for (text, id) in [
            ("He refused to come to group.", "refused"),
            ("She has been clean since June.", "clean"),
            ("He committed suicide.", "committed-suicide"),
            ("The client is non-compliant.", "non-compliant"),
        ] {
            assert!(check(text, rules()).iter().any(|f| f.rule == id), "{text}");
        }
    }
}
