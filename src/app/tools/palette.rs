//! Choosing a tool: every tool, those that fit the current stage first, narrowed as you type
//! (by name, then keywords, then a fuzzy match on names).

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use super::super::Action;
use super::super::field::Field;
use crate::content::{Content, Tool};
use crate::domain::Stage;

pub struct Palette {
    pub filter: Field,
    pub selected: usize,
}

impl Palette {
    pub fn new(placeholder: &str) -> Palette {
        let mut filter = Field::single(placeholder).with_max_chars(40);
        filter.set_focused(true);
        Palette {
            filter,
            selected: 0,
        }
    }

    /// Moves the selection or narrows the list. Returns true when Enter chose a tool.
    pub fn handle(&mut self, action: &Action, count: usize) -> bool {
        match action {
            Action::Input(key) => {
                let narrowed = self.filter.input(key);
                if narrowed {
                    self.selected = 0;
                }
            }
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => self.selected = (self.selected + 1).min(count.saturating_sub(1)),
            Action::PageUp => self.selected = self.selected.saturating_sub(8),
            Action::PageDown => self.selected = (self.selected + 8).min(count.saturating_sub(1)),
            Action::Submit => return count > 0,
            _ => {}
        }
        false
    }
}

/// One row of the palette.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub tool: &'static Tool,
    /// The tool is suggested for the current stage.
    pub fits: bool,
}

/// The tools to show for `filter`: with no filter, the stage's tools (in the stage's order)
/// then the rest; with one, the best matches first, the stage's tools first among equals.
pub fn entries(content: &'static Content, stage: Option<Stage>, filter: &str) -> Vec<Entry> {
    let suggested: Vec<&'static Tool> = stage.map(|s| content.tools_for(s)).unwrap_or_default();
    let mut ordered: Vec<Entry> = suggested
        .iter()
        .map(|t| Entry {
            tool: t,
            fits: true,
        })
        .collect();
    ordered.extend(
        content
            .tools()
            .iter()
            .filter(|t| !suggested.iter().any(|s| s.id == t.id))
            .map(|tool| Entry { tool, fits: false }),
    );
    let needle = filter.trim().to_lowercase();
    if needle.is_empty() {
        return ordered;
    }
    let mut matcher = Matcher::new(Config::DEFAULT);
    let pattern = Pattern::new(
        &needle,
        CaseMatching::Ignore,
        Normalization::Smart,
        AtomKind::Fuzzy,
    );
    let mut buf = Vec::new();
    let mut fuzzy =
        |hay: &str| -> Option<u32> { pattern.score(Utf32Str::new(hay, &mut buf), &mut matcher) };
    let mut scored: Vec<(u8, u32, usize, Entry)> = Vec::new();
    for (i, e) in ordered.into_iter().enumerate() {
        let name = e.tool.name.to_lowercase();
        let keywords = e.tool.keywords.join(" · ").to_lowercase();
        let tier_score = if name.contains(&needle) {
            Some((0, 0))
        } else if keywords.contains(&needle) || e.tool.id.contains(&needle) {
            Some((1, 0))
        } else {
            // Fuzzy on names only: across keywords it matches too much to help.
            fuzzy(&name).map(|s| (2, s))
        };
        if let Some((tier, score)) = tier_score {
            scored.push((tier, score, i, e));
        }
    }
    // Better tier first, then a higher fuzzy score, then the unfiltered order (which
    // already puts the stage's tools first).
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    scored.into_iter().map(|(.., e)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content() -> &'static Content {
        crate::content::builtin().expect("content")
    }

    fn ids(entries: &[Entry]) -> Vec<&str> {
        entries.iter().map(|e| e.tool.id.as_str()).collect()
    }

    #[test]
    fn the_stages_tools_come_first_then_every_other_tool() {
        let c = content();
        for stage in Stage::ALL {
            let all = entries(c, Some(stage), "");
            assert_eq!(all.len(), c.tools().len(), "every tool is listed once");
            let suggested: Vec<&str> = c.tools_for(stage).iter().map(|t| t.id.as_str()).collect();
            assert_eq!(&ids(&all)[..suggested.len()], suggested.as_slice());
            assert!(all[..suggested.len()].iter().all(|e| e.fits));
            assert!(all[suggested.len()..].iter().all(|e| !e.fits));
        }
    }

    #[test]
    fn typing_narrows_by_name_then_keyword_then_fuzzy() {
        let c = content();
        let found = entries(c, Some(Stage::Connecting), "safety");
        assert_eq!(found[0].tool.id, "safety_plan");
        let found = entries(c, Some(Stage::Connecting), "pros and cons");
        assert_eq!(found[0].tool.id, "advantages_disadvantages", "a keyword");
        let found = entries(c, None, "ask shr");
        assert_eq!(found[0].tool.id, "ask_share_ask", "fuzzy");
        assert!(entries(c, None, "zzzzqqq").is_empty());
        let found = entries(c, Some(Stage::Planning), "plan");
        assert!(found.iter().any(|e| e.tool.id == "planning"));
    }
}
