//! The practice bank: drill texts and items from `assets/practice/*.toml`, embedded at
//! compile time, parsed once and checked.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::drill::{Drill, Part, SkillChoice};
use crate::domain::Stage;
use crate::domain::utterance::Label;

/// The asset files: (path for messages, text).
pub const DRILLS_TOML: (&str, &str) = (
    "assets/practice/drills.toml",
    include_str!("../../../assets/practice/drills.toml"),
);
pub const OPEN_UP_TOML: (&str, &str) = (
    "assets/practice/open_up.toml",
    include_str!("../../../assets/practice/open_up.toml"),
);
pub const REFLECT_TOML: (&str, &str) = (
    "assets/practice/reflect.toml",
    include_str!("../../../assets/practice/reflect.toml"),
);
pub const NAME_SKILL_TOML: (&str, &str) = (
    "assets/practice/name_skill.toml",
    include_str!("../../../assets/practice/name_skill.toml"),
);
pub const ASK_SHARE_ASK_TOML: (&str, &str) = (
    "assets/practice/ask_share_ask.toml",
    include_str!("../../../assets/practice/ask_share_ask.toml"),
);

/// How hard an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard];

    pub fn id(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Easy => "Easy",
            Difficulty::Medium => "Medium",
            Difficulty::Hard => "Hard",
        }
    }
}

/// The part of life an item is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LifeArea {
    SubstanceUse,
    MentalHealth,
    Housing,
    Work,
    Family,
    Health,
    Legal,
}

impl LifeArea {
    pub const ALL: [LifeArea; 7] = [
        LifeArea::SubstanceUse,
        LifeArea::MentalHealth,
        LifeArea::Housing,
        LifeArea::Work,
        LifeArea::Family,
        LifeArea::Health,
        LifeArea::Legal,
    ];

    pub fn label(self) -> &'static str {
        match self {
            LifeArea::SubstanceUse => "substance use",
            LifeArea::MentalHealth => "mental health",
            LifeArea::Housing => "housing",
            LifeArea::Work => "work",
            LifeArea::Family => "family",
            LifeArea::Health => "health",
            LifeArea::Legal => "legal",
        }
    }
}

/// "Open it up": what the peer said, a closed question, and open ones to compare with.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenUpItem {
    pub id: String,
    pub stage: Stage,
    pub difficulty: Difficulty,
    pub area: LifeArea,
    pub context: String,
    pub closed: String,
    pub models: Vec<String>,
}

/// The kind of a complex reflection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplexKind {
    Feeling,
    Meaning,
    DoubleSided,
}

impl ComplexKind {
    pub fn label(self) -> &'static str {
        match self {
            ComplexKind::Feeling => "feeling",
            ComplexKind::Meaning => "meaning",
            ComplexKind::DoubleSided => "double-sided",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplexModel {
    pub kind: ComplexKind,
    pub text: String,
}

/// "Reflect it": a peer's statement and model reflections.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReflectItem {
    pub id: String,
    pub stage: Stage,
    pub difficulty: Difficulty,
    pub area: LifeArea,
    pub statement: String,
    pub simple: Vec<String>,
    pub complex: Vec<ComplexModel>,
}

/// "Name the skill": a specialist's line and the skill it shows.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameSkillItem {
    pub id: String,
    pub stage: Stage,
    pub difficulty: Difficulty,
    pub area: LifeArea,
    /// What the peer said just before, when it helps.
    #[serde(default)]
    pub context: Option<String>,
    pub line: String,
    pub answer: SkillChoice,
    pub why: String,
    /// Set when the utterance engine reads the line differently: why our answer stands.
    #[serde(default)]
    pub engine_differs: Option<String>,
}

/// "Ask-Share-Ask": a situation and one way through the three steps.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AskShareAskItem {
    pub id: String,
    pub stage: Stage,
    pub difficulty: Difficulty,
    pub area: LifeArea,
    pub situation: String,
    pub ask: String,
    pub share: String,
    pub ask_again: String,
}

/// Texts for one part of a drill.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartText {
    pub part: Part,
    pub prompt: String,
    pub goal: String,
    pub met: String,
    /// Tips when the goal is missed: by label id, with `default` for the rest.
    pub missed: BTreeMap<String, String>,
}

impl PartText {
    /// The tip for an answer the engine labelled `label` that missed the goal.
    pub fn missed_for(&self, label: Label) -> &str {
        self.missed
            .get(label.id())
            .or_else(|| self.missed.get("default"))
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// Texts for one drill.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrillText {
    pub id: Drill,
    pub name: String,
    pub summary: String,
    pub about: String,
    pub parts: Vec<PartText>,
}

impl DrillText {
    pub fn part(&self, part: Part) -> Option<&PartText> {
        self.parts.iter().find(|p| p.part == part)
    }
}

/// One answer of "Name the skill", with the key that picks it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceText {
    pub id: SkillChoice,
    pub key: char,
    pub name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DrillsFile {
    drills: Vec<DrillText>,
    choices: Vec<ChoiceText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemsFile<T> {
    items: Vec<T>,
}

/// Why the bank could not load. The shipped assets are checked by tests, so this only
/// shows up for a broken build.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BankError {
    #[error("{file}: {message}")]
    Parse { file: String, message: String },
    #[error("the practice bank is not valid: {}", .problems.join("; "))]
    Invalid { problems: Vec<String> },
}

/// A reference to one item of any drill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item<'a> {
    OpenUp(&'a OpenUpItem),
    Reflect(&'a ReflectItem),
    NameSkill(&'a NameSkillItem),
    AskShareAsk(&'a AskShareAskItem),
}

impl<'a> Item<'a> {
    pub fn id(self) -> &'a str {
        match self {
            Item::OpenUp(i) => &i.id,
            Item::Reflect(i) => &i.id,
            Item::NameSkill(i) => &i.id,
            Item::AskShareAsk(i) => &i.id,
        }
    }

    pub fn drill(self) -> Drill {
        match self {
            Item::OpenUp(_) => Drill::OpenUp,
            Item::Reflect(_) => Drill::Reflect,
            Item::NameSkill(_) => Drill::NameSkill,
            Item::AskShareAsk(_) => Drill::AskShareAsk,
        }
    }

    pub fn stage(self) -> Stage {
        match self {
            Item::OpenUp(i) => i.stage,
            Item::Reflect(i) => i.stage,
            Item::NameSkill(i) => i.stage,
            Item::AskShareAsk(i) => i.stage,
        }
    }

    pub fn difficulty(self) -> Difficulty {
        match self {
            Item::OpenUp(i) => i.difficulty,
            Item::Reflect(i) => i.difficulty,
            Item::NameSkill(i) => i.difficulty,
            Item::AskShareAsk(i) => i.difficulty,
        }
    }

    pub fn area(self) -> LifeArea {
        match self {
            Item::OpenUp(i) => i.area,
            Item::Reflect(i) => i.area,
            Item::NameSkill(i) => i.area,
            Item::AskShareAsk(i) => i.area,
        }
    }

    /// What the peer says in the item, which the trainee answers (the utterance engine reads
    /// an answer against it); `None` where the item sets a scene instead.
    pub fn peer_line(self) -> Option<&'a str> {
        match self {
            Item::OpenUp(i) => Some(i.context.as_str()),
            Item::Reflect(i) => Some(i.statement.as_str()),
            Item::NameSkill(i) => i.context.as_deref(),
            Item::AskShareAsk(_) => None,
        }
        .filter(|l| !l.trim().is_empty())
    }

    /// Model answers for a part, to compare with.
    pub fn models(self, part: Part) -> Vec<String> {
        match (self, part) {
            (Item::OpenUp(i), _) => i.models.clone(),
            (Item::Reflect(i), Part::Reflection) => i.simple.clone(),
            (Item::Reflect(i), _) => i
                .complex
                .iter()
                .map(|c| format!("({}) {}", c.kind.label(), c.text))
                .collect(),
            (Item::NameSkill(i), _) => vec![i.why.clone()],
            (Item::AskShareAsk(i), Part::Ask) => vec![i.ask.clone()],
            (Item::AskShareAsk(i), Part::Share) => vec![i.share.clone()],
            (Item::AskShareAsk(i), _) => vec![i.ask_again.clone()],
        }
    }
}

/// Everything the drills need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bank {
    /// In [`Drill::ALL`] order.
    drills: [DrillText; 4],
    /// In [`SkillChoice::ALL`] order.
    choices: [ChoiceText; 6],
    pub open_up: Vec<OpenUpItem>,
    pub reflect: Vec<ReflectItem>,
    pub name_skill: Vec<NameSkillItem>,
    pub ask_share_ask: Vec<AskShareAskItem>,
}

fn parse<T: serde::de::DeserializeOwned>((file, src): (&str, &str)) -> Result<T, BankError> {
    toml::from_str(src).map_err(|e| BankError::Parse {
        file: file.to_string(),
        message: e.to_string(),
    })
}

/// Puts entries in the order of `all`, or says which are missing or repeated.
fn in_order<K: Copy + PartialEq + std::fmt::Debug, T, const N: usize>(
    what: &str,
    all: [K; N],
    list: Vec<T>,
    key: impl Fn(&T) -> K,
    problems: &mut Vec<String>,
) -> Option<[T; N]> {
    let mut slots: [Option<T>; N] = std::array::from_fn(|_| None);
    for entry in list {
        let k = key(&entry);
        match all
            .iter()
            .position(|a| *a == k)
            .and_then(|i| slots.get_mut(i))
        {
            Some(slot @ None) => *slot = Some(entry),
            _ => problems.push(format!("{what} {k:?} appears more than once")),
        }
    }
    for (k, slot) in all.iter().zip(&slots) {
        if slot.is_none() {
            problems.push(format!("{what} {k:?} is missing"));
        }
    }
    let filled: Vec<T> = slots.into_iter().flatten().collect();
    <[T; N]>::try_from(filled).ok()
}

impl Bank {
    /// The shipped bank, parsed once.
    pub fn shipped() -> Result<&'static Bank, &'static BankError> {
        static SHIPPED: OnceLock<Result<Bank, BankError>> = OnceLock::new();
        SHIPPED
            .get_or_init(|| {
                Bank::from_sources(
                    DRILLS_TOML,
                    OPEN_UP_TOML,
                    REFLECT_TOML,
                    NAME_SKILL_TOML,
                    ASK_SHARE_ASK_TOML,
                )
            })
            .as_ref()
    }

    /// Parses and checks a bank from file texts, each `(path, text)`.
    pub fn from_sources(
        drills: (&str, &str),
        open_up: (&str, &str),
        reflect: (&str, &str),
        name_skill: (&str, &str),
        ask_share_ask: (&str, &str),
    ) -> Result<Bank, BankError> {
        let texts: DrillsFile = parse(drills)?;
        let open_up: ItemsFile<OpenUpItem> = parse(open_up)?;
        let reflect: ItemsFile<ReflectItem> = parse(reflect)?;
        let name_skill: ItemsFile<NameSkillItem> = parse(name_skill)?;
        let ask_share_ask: ItemsFile<AskShareAskItem> = parse(ask_share_ask)?;
        let mut problems = Vec::new();
        let drills = in_order("drill", Drill::ALL, texts.drills, |d| d.id, &mut problems);
        let choices = in_order(
            "choice",
            SkillChoice::ALL,
            texts.choices,
            |c| c.id,
            &mut problems,
        );
        let (Some(drills), Some(choices)) = (drills, choices) else {
            return Err(BankError::Invalid { problems });
        };
        let bank = Bank {
            drills,
            choices,
            open_up: open_up.items,
            reflect: reflect.items,
            name_skill: name_skill.items,
            ask_share_ask: ask_share_ask.items,
        };
        problems.extend(bank.problems());
        if problems.is_empty() {
            Ok(bank)
        } else {
            Err(BankError::Invalid { problems })
        }
    }

    /// Rules every bank must follow: unique ids, every part's texts present, nothing blank.
    fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for d in &self.drills {
            let want: Vec<Part> = d.id.parts().to_vec();
            let have: Vec<Part> = d.parts.iter().map(|p| p.part).collect();
            if want != have {
                out.push(format!(
                    "drill {} should have parts {want:?}, has {have:?}",
                    d.id.id()
                ));
            }
            for p in &d.parts {
                if !p.missed.contains_key("default") {
                    out.push(format!(
                        "drill {} part {} has no default tip",
                        d.id.id(),
                        p.part.id()
                    ));
                }
                for key in p.missed.keys() {
                    if key != "default" && Label::from_id(key).is_none() {
                        out.push(format!(
                            "drill {} part {}: `{key}` is not a label",
                            d.id.id(),
                            p.part.id()
                        ));
                    }
                }
            }
        }
        let mut keys = HashSet::new();
        for c in &self.choices {
            if !keys.insert(c.key) {
                out.push(format!("choice key `{}` is used twice", c.key));
            }
        }
        let mut ids = HashSet::new();
        for item in self.all_items() {
            if !ids.insert(item.id()) {
                out.push(format!("item id `{}` is used twice", item.id()));
            }
            let blank = match item {
                Item::OpenUp(i) => {
                    i.models.is_empty()
                        || [&i.context, &i.closed]
                            .into_iter()
                            .chain(&i.models)
                            .any(|s| s.trim().is_empty())
                }
                Item::Reflect(i) => {
                    i.simple.is_empty()
                        || i.complex.is_empty()
                        || i.statement.trim().is_empty()
                        || i.simple.iter().any(|s| s.trim().is_empty())
                        || i.complex.iter().any(|c| c.text.trim().is_empty())
                }
                Item::NameSkill(i) => {
                    i.line.trim().is_empty()
                        || i.why.trim().is_empty()
                        || i.context.as_deref().is_some_and(|c| c.trim().is_empty())
                        || i.engine_differs
                            .as_deref()
                            .is_some_and(|c| c.trim().is_empty())
                }
                Item::AskShareAsk(i) => [&i.situation, &i.ask, &i.share, &i.ask_again]
                    .into_iter()
                    .any(|s| s.trim().is_empty()),
            };
            if blank {
                out.push(format!("item `{}` has an empty text or list", item.id()));
            }
        }
        out
    }

    pub fn drill(&self, drill: Drill) -> &DrillText {
        &self.drills[Drill::ALL.iter().position(|d| *d == drill).unwrap_or(0)]
    }

    pub fn choices(&self) -> &[ChoiceText; 6] {
        &self.choices
    }

    pub fn choice(&self, choice: SkillChoice) -> &ChoiceText {
        &self.choices[SkillChoice::ALL
            .iter()
            .position(|c| *c == choice)
            .unwrap_or(0)]
    }

    /// The items of one drill, in file order.
    pub fn items(&self, drill: Drill) -> Vec<Item<'_>> {
        match drill {
            Drill::OpenUp => self.open_up.iter().map(Item::OpenUp).collect(),
            Drill::Reflect => self.reflect.iter().map(Item::Reflect).collect(),
            Drill::NameSkill => self.name_skill.iter().map(Item::NameSkill).collect(),
            Drill::AskShareAsk => self.ask_share_ask.iter().map(Item::AskShareAsk).collect(),
        }
    }

    pub fn all_items(&self) -> impl Iterator<Item = Item<'_>> {
        Drill::ALL.into_iter().flat_map(|d| self.items(d))
    }

    pub fn item(&self, id: &str) -> Option<Item<'_>> {
        // Looked up on every frame while a round shows, so without building lists.
        self.open_up
            .iter()
            .find(|i| i.id == id)
            .map(Item::OpenUp)
            .or_else(|| self.reflect.iter().find(|i| i.id == id).map(Item::Reflect))
            .or_else(|| {
                self.name_skill
                    .iter()
                    .find(|i| i.id == id)
                    .map(Item::NameSkill)
            })
            .or_else(|| {
                self.ask_share_ask
                    .iter()
                    .find(|i| i.id == id)
                    .map(Item::AskShareAsk)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_bank_loads() {
        let bank = Bank::shipped().expect("bank loads");
        assert!(bank.items(Drill::Reflect).len() >= 30);
        assert_eq!(bank.drill(Drill::AskShareAsk).parts.len(), 3);
        assert_eq!(bank.choice(SkillChoice::Summary).key, 's');
        let first = bank.items(Drill::OpenUp)[0];
        assert_eq!(bank.item(first.id()), Some(first));
    }

    #[test]
    fn broken_banks_say_what_is_wrong() {
        let dup = "[[items]]\nid = \"x\"\nstage = \"exploring\"\ndifficulty = \"easy\"\narea = \"work\"\ncontext = \"c\"\nclosed = \"q?\"\nmodels = [\"What?\"]\n";
        let two = format!("{dup}{dup}");
        let err = Bank::from_sources(
            DRILLS_TOML,
            ("open_up.toml", &two),
            REFLECT_TOML,
            NAME_SKILL_TOML,
            ASK_SHARE_ASK_TOML,
        )
        .expect_err("duplicate id");
        assert!(err.to_string().contains("`x` is used twice"), "{err}");

        let err = Bank::from_sources(
            ("drills.toml", "drills = []\nchoices = []\n"),
            OPEN_UP_TOML,
            REFLECT_TOML,
            NAME_SKILL_TOML,
            ASK_SHARE_ASK_TOML,
        )
        .expect_err("no drills");
        assert!(err.to_string().contains("missing"), "{err}");

        let err = Bank::from_sources(
            DRILLS_TOML,
            ("open_up.toml", "items = [{ id = 3 }]"),
            REFLECT_TOML,
            NAME_SKILL_TOML,
            ASK_SHARE_ASK_TOML,
        )
        .expect_err("bad shape");
        assert!(matches!(err, BankError::Parse { .. }));
    }

    #[test]
    fn missed_tips_fall_back_to_the_default() {
        let bank = Bank::shipped().expect("bank");
        let part = bank
            .drill(Drill::OpenUp)
            .part(Part::Open)
            .expect("open part");
        assert!(part.missed_for(Label::ClosedQuestion).contains("closed"));
        assert_eq!(part.missed_for(Label::Summary), part.missed["default"]);
    }
}
