//! The rule asset's file format: what cues are evidence for, where they match, the numeric
//! weights and reason texts, and the raw lists as they stand in the file.

use serde::Deserialize;

/// The rules shipped with the app.
pub const RULES_TOML: &str = include_str!("../../../../assets/utterance/rules.toml");

/// What a cue is evidence for. `Question` is a question whose open/closed form is decided by
/// other evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    OpenQuestion,
    ClosedQuestion,
    Question,
    Reflection,
    Affirmation,
    Summary,
    Information,
    Advice,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// At the start of the sentence or of a clause, after discourse markers.
    #[default]
    Start,
    /// At any word.
    Anywhere,
    /// The whole sentence.
    Whole,
    /// At the very first word of the sentence, before discourse markers are skipped.
    Lead,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CueFile {
    pub(super) name: String,
    pub(super) label: Target,
    #[serde(default)]
    pub(super) at: Position,
    pub(super) weight: f32,
    pub(super) reason: String,
    pub(super) phrases: Vec<String>,
    #[serde(default)]
    pub(super) unless_followed_by: Vec<String>,
    #[serde(default)]
    pub(super) unless_preceded_by: Vec<String>,
    #[serde(default)]
    pub(super) unless_after_you: Vec<String>,
    #[serde(default = "one")]
    pub(super) max_matches: usize,
}

fn one() -> usize {
    1
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DepthCueFile {
    pub(super) name: String,
    #[serde(default = "anywhere")]
    pub(super) at: Position,
    pub(super) weight: f32,
    pub(super) reason: String,
    pub(super) phrases: Vec<String>,
    #[serde(default)]
    pub(super) unless_preceded_by: Vec<String>,
    #[serde(default = "one")]
    pub(super) max_matches: usize,
}

fn anywhere() -> Position {
    Position::Anywhere
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LexiconFile {
    pub(super) fillers: Vec<String>,
    pub(super) discourse_markers: Vec<String>,
    pub(super) filler_clauses: Vec<String>,
    pub(super) auxiliaries: Vec<String>,
    pub(super) question_subjects: Vec<String>,
    pub(super) subject_pronouns: Vec<String>,
    pub(super) wh_words: Vec<String>,
    pub(super) mid_wh_words: Vec<String>,
    pub(super) subordinators: Vec<String>,
    pub(super) imperative_verbs: Vec<String>,
    pub(super) imperative_skip: Vec<String>,
    pub(super) not_imperative_next: Vec<String>,
    #[serde(default)]
    pub(super) do_command_next: Vec<String>,
    pub(super) backchannels: Vec<String>,
    pub(super) tag_questions: Vec<String>,
    pub(super) check_ins: Vec<String>,
    pub(super) feeling_words: Vec<String>,
    #[serde(default)]
    pub(super) run_on_no_split_after: Vec<String>,
    #[serde(default)]
    pub(super) command_lead_ins: Vec<String>,
    #[serde(default)]
    pub(super) appraisal_openers: Vec<String>,
    #[serde(default)]
    pub(super) fact_words: Vec<String>,
    #[serde(default)]
    pub(super) reported_speech: Vec<String>,
    #[serde(default)]
    pub(super) context_stopwords: Vec<String>,
    #[serde(default)]
    pub(super) effort_verbs: Vec<String>,
    #[serde(default)]
    pub(super) effort_skip: Vec<String>,
    #[serde(default)]
    pub(super) effort_not_before: Vec<String>,
    #[serde(default)]
    pub(super) past_acts: Vec<String>,
    #[serde(default)]
    pub(super) not_acts: Vec<String>,
    #[serde(default)]
    pub(super) act_skip: Vec<String>,
    #[serde(default)]
    pub(super) chain_openers: Vec<String>,
    #[serde(default)]
    pub(super) generic_words: Vec<String>,
    #[serde(default)]
    pub(super) person_words: Vec<String>,
}

/// Numeric weights; see the comments in the asset.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    /// How much the rules' own label adds to the learned model's probability for it,
    /// times the rules' confidence.
    pub rule_vote: f32,
    /// A one-sentence turn whose rule evidence reaches `strong_rule_score` adds
    /// `strong_rule_vote` more: a clear cue the corpus has few examples of still counts.
    pub strong_rule_score: f32,
    pub strong_rule_vote: f32,
    /// The vote for the rules' reflection when the turn is only "you" statements with no cue.
    pub you_statement_vote: f32,
    /// The model's probability (after votes) at which it may call a turn an affirmation or
    /// advice with no cue the rules can name; its strongest features are the reasons.
    pub unnamed_sign_min: f32,
    /// Cue groups whose reflection reading is weak (a plain "you" opening): a turn resting
    /// only on them is treated like a "you" statement with no cue.
    #[serde(default)]
    pub weak_reflection_cues: Vec<String>,
    /// Depth cue groups whose match moves the depth model's log-odds by `depth_sure_vote`.
    pub depth_sure_cues: Vec<String>,
    pub depth_sure_vote: f32,
    pub question_mark: f32,
    pub question_mark_after_stem: f32,
    pub question_mark_closed: f32,
    pub tag_question: f32,
    pub wh_start: f32,
    pub wh_clause: f32,
    /// "Which of those matters most, and why?": an open part joined to a closed question.
    pub open_part: f32,
    pub aux_start: f32,
    pub aux_clause: f32,
    pub imperative: f32,
    pub you_statement: f32,
    /// "You held your boundary.": "you" and a verb of effort or choice, with no reflective
    /// stem; coders call it an affirmation (coding manual, affirmation or reflection).
    pub effort_named: f32,
    pub self_statement: f32,
    pub plain_statement: f32,
    pub backchannel: f32,
    /// A short sentence that breaks off at a dash ("And then the—").
    pub cut_off: f32,
    /// At most this many words for a cut-off sentence to count as a fragment.
    pub cut_off_max_words: usize,
    pub complex_threshold: f32,
    pub feeling: f32,
    pub long_reflection_words: usize,
    pub long_reflection: f32,
    pub several_reflections: f32,
    pub continuation: f32,
    pub summary_min_cue: f32,
    pub summary_min_words: usize,
    pub summary_min_reflections: usize,
}

/// Fixed reasons; see the asset.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reasons {
    pub empty_line: String,
    pub only_fillers: String,
    pub no_cue: String,
    pub backchannel: String,
    pub cut_off: String,
    pub question_mark: String,
    pub question_mark_closed: String,
    pub question_mark_on_reflection: String,
    pub tag_question: String,
    pub wh_start: String,
    pub wh_clause: String,
    pub fact_question: String,
    pub why_question: String,
    pub aux_start: String,
    pub aux_clause: String,
    pub imperative: String,
    pub you_statement: String,
    pub effort_named: String,
    pub rising_reflection: String,
    pub self_statement: String,
    pub plain_statement: String,
    pub complex: String,
    pub simple: String,
    pub feeling: String,
    pub long_reflection: String,
    pub several_reflections: String,
    pub continuation: String,
    pub summary_by_cue: String,
    pub summary_by_length: String,
    pub summary_by_list: String,
    pub check_in: String,
    pub multi_sentence: String,
    /// "mostly {cue}, then checks in with a short question"
    pub main_then_check: String,
    /// What each label does, as a verb phrase ("gives information"), by label id.
    pub activities: std::collections::BTreeMap<String, String>,
    pub asked_permission: String,
    /// The learned model's label differs from the rules': "{cue}" is the label.
    pub model_reads: String,
    /// The strongest features behind the label, listed in "{cue}".
    pub model_signs: String,
    /// The strongest features behind the depth, listed in "{cue}".
    pub depth_signs: String,
    pub also_advice: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RulesFile {
    pub(super) lexicon: LexiconFile,
    pub(super) weights: Weights,
    pub(super) reasons: Reasons,
    pub(super) cues: Vec<CueFile>,
    pub(super) depth_cues: Vec<DepthCueFile>,
}
