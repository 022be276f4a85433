//! Small helpers for turning structured content into plain text, and byte offsets into lines.

/// Builds the plain-text body of a reference entry: blocks separated by one blank line,
/// list items on lines that start with `- `.
#[derive(Debug, Default)]
pub(crate) struct Text {
    blocks: Vec<String>,
}

/// Collapses every run of whitespace (including newlines) into a single space.
pub(crate) fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Text {
    pub(crate) fn new() -> Text {
        Text::default()
    }

    /// A paragraph of running text. Empty text adds nothing.
    pub(crate) fn para(&mut self, s: &str) -> &mut Self {
        let s = tidy(s);
        if !s.is_empty() {
            self.blocks.push(s);
        }
        self
    }

    /// An optional heading line followed by one `- ` line per item. No items, no block.
    pub(crate) fn list<I, S>(&mut self, heading: &str, items: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let lines: Vec<String> = items
            .into_iter()
            .map(|i| tidy(i.as_ref()))
            .filter(|i| !i.is_empty())
            .map(|i| format!("- {i}"))
            .collect();
        if lines.is_empty() {
            return self;
        }
        let heading = tidy(heading);
        let mut block = String::new();
        if !heading.is_empty() {
            block.push_str(&heading);
            block.push('\n');
        }
        block.push_str(&lines.join("\n"));
        self.blocks.push(block);
        self
    }

    /// A list whose items are "name: explanation".
    pub(crate) fn pairs<'a, I>(&mut self, heading: &str, items: I) -> &mut Self
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        let items: Vec<String> = items
            .into_iter()
            .map(|(a, b)| format!("{}: {}", tidy(a), tidy(b)))
            .collect();
        self.list(heading, items)
    }

    pub(crate) fn finish(&self) -> String {
        self.blocks.join("\n\n")
    }
}

/// 1-based line and column of a byte offset in `src`. Offsets past the end point at the end;
/// offsets inside a multi-byte character count that character.
pub(crate) fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// The 1-based line of the first occurrence of `needle`, if any.
pub(crate) fn find_line(src: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    src.find(needle).map(|at| line_col(src, at).0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_from_one() {
        let src = "a = 1\nbb = 2\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 6), (2, 1));
        assert_eq!(line_col(src, 9), (2, 4));
        assert_eq!(line_col(src, 999), (3, 1));
    }

    #[test]
    fn line_col_survives_multibyte_offsets() {
        let src = "é = 1\nx";
        assert_eq!(line_col(src, 1), (1, 1));
        assert_eq!(line_col(src, 7), (2, 1));
    }

    #[test]
    fn text_blocks_are_separated_by_blank_lines() {
        let mut t = Text::new();
        t.para("First   paragraph\n continues.")
            .list("Heading", ["one", "", "two"])
            .list("Nothing", Vec::<String>::new());
        assert_eq!(
            t.finish(),
            "First paragraph continues.\n\nHeading\n- one\n- two"
        );
    }
}
