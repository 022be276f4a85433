//! Whether an answer fits its item, not only its form: a reflection about what the peer
//! said, an open question that does not judge, a first ask that asks permission or what
//! they know. Word lists live in `assets/practice/fit.toml`.

use std::sync::OnceLock;

use serde::Deserialize;

const FIT_TOML: &str = include_str!("../../../assets/practice/fit.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitRules {
    pub judging_why: Vec<String>,
    pub judging_why_reason: String,
    pub ask_permission: Vec<String>,
    pub ask_knowledge: Vec<String>,
    pub ask_reason: String,
    pub off_topic_reason: String,
    pub stopwords: Vec<String>,
    pub feeling_groups: Vec<Vec<String>>,
}

/// The shipped rules; `None` only if the embedded asset were broken (a test rules it out).
pub fn shipped() -> Option<&'static FitRules> {
    static RULES: OnceLock<Option<FitRules>> = OnceLock::new();
    RULES.get_or_init(|| toml::from_str(FIT_TOML).ok()).as_ref()
}

fn normalise(text: &str) -> String {
    text.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'")
}

fn words(text: &str) -> Vec<String> {
    normalise(text)
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Crude stem: the first four letters, so "drinking" and "drink", "heating" and "heat" meet.
fn stem(word: &str) -> String {
    word.chars().take(4).collect()
}

impl FitRules {
    /// The reason an open question judges, if it does.
    pub fn judging_why(&self, text: &str) -> Option<String> {
        let t = normalise(text);
        self.judging_why
            .iter()
            .find(|p| t.contains(p.as_str()))
            .map(|p| self.judging_why_reason.replace("{cue}", p))
    }

    /// The first ask of Ask-Share-Ask asks permission or what they already know.
    pub fn ask_fits(&self, text: &str) -> bool {
        let t = normalise(text);
        self.ask_permission
            .iter()
            .chain(&self.ask_knowledge)
            .any(|p| t.contains(p.as_str()))
    }

    fn content(&self, text: &str) -> Vec<String> {
        words(text)
            .into_iter()
            .filter(|w| w.chars().count() >= 4 && !self.stopwords.contains(w))
            .collect()
    }

    fn feelings(&self, text: &str) -> Vec<usize> {
        let ws = words(text);
        self.feeling_groups
            .iter()
            .enumerate()
            .filter(|(_, g)| ws.iter().any(|w| g.contains(w)))
            .map(|(i, _)| i)
            .collect()
    }

    /// A reflection fits when it shares a content word (by stem) or a feeling group with
    /// the statement it reflects.
    pub fn reflection_fits(&self, statement: &str, answer: &str) -> bool {
        let said: Vec<String> = self.content(statement).iter().map(|w| stem(w)).collect();
        let shares_word = self.content(answer).iter().any(|w| said.contains(&stem(w)));
        let felt = self.feelings(statement);
        let shares_feeling = self.feelings(answer).iter().any(|g| felt.contains(g));
        shares_word || shares_feeling
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> &'static FitRules {
        shipped().expect("fit asset parses")
    }

    #[test]
    fn judging_why_is_named() {
        let r = rules()
            .judging_why("Why haven't you stopped drinking yet?")
            .expect("judging");
        assert!(r.contains("roadblock"));
        assert!(
            rules()
                .judging_why("Why is this a good time to change?")
                .is_none()
        );
    }

    #[test]
    fn first_ask_needs_permission_or_knowledge() {
        assert!(rules().ask_fits("What do you already know about the patch?"));
        assert!(rules().ask_fits("Would it be OK if I shared what worked for me?"));
        assert!(!rules().ask_fits("Have you thought about it?"));
    }

    #[test]
    fn reflection_must_be_about_the_statement() {
        let said = "My landlord keeps ignoring my texts about the heat.";
        assert!(rules().reflection_fits(said, "You're fed up with your landlord."));
        assert!(rules().reflection_fits(
            said,
            "The cold apartment and the silence about the heating are wearing on you."
        ));
        assert!(!rules().reflection_fits(
            said,
            "You're proud of how far you've come with your sobriety."
        ));
        // A feeling word from the same group counts.
        assert!(rules().reflection_fits("I'm terrified of the hearing.", "You're scared."));
    }
}
