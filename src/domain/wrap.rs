//! Word wrapping for plain text with list markers, shared by the reference screen, the
//! `ref` command and the note view (which needs its row count to scroll to a real end).

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// Continuation rows of a list item line up after its marker: "- " or "1. ".
pub fn hanging_indent(text: &str) -> usize {
    if text.starts_with("- ") {
        return 2;
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && text[digits..].starts_with(". ") {
        return digits + 2;
    }
    0
}

/// One wrapped row: a byte range of the line, and the spaces before it.
pub struct Segment {
    pub range: Range<usize>,
    pub indent: usize,
}

/// Word-wraps `text` to `width` columns, continuation rows indented by `hang`. Words longer
/// than a row are broken.
pub fn wrap(text: &str, width: usize, hang: usize) -> Vec<Segment> {
    let width = width.max(1);
    let hang = if hang * 2 >= width { 0 } else { hang };
    let mut out = Vec::new();
    let mut start = 0;
    let mut indent = 0;
    while start < text.len() {
        let room = width - indent;
        let mut used = 0;
        let mut end = start;
        let mut last_space = None;
        for (i, c) in text[start..].char_indices() {
            let w = c.width().unwrap_or(0);
            if used + w > room {
                break;
            }
            used += w;
            end = start + i + c.len_utf8();
            if c == ' ' {
                last_space = Some(start + i);
            }
        }
        if end >= text.len() {
            out.push(Segment {
                range: start..text.len(),
                indent,
            });
            break;
        }
        let (cut, next) = match last_space {
            Some(s) if s > start => (s, s + 1),
            // No space to break at: break the word (at least one character).
            _ if end > start => (end, end),
            _ => {
                let one = text[start..].chars().next().map_or(1, char::len_utf8);
                (start + one, start + one)
            }
        };
        out.push(Segment {
            range: start..cut,
            indent,
        });
        start = next;
        indent = hang;
    }
    if out.is_empty() {
        out.push(Segment {
            range: 0..0,
            indent: 0,
        });
    }
    out
}

/// `text` wrapped to `width` columns, as lines with their indent.
pub fn wrap_lines(text: &str, width: usize) -> Vec<String> {
    wrap(text, width, hanging_indent(text))
        .into_iter()
        .map(|s| format!("{}{}", " ".repeat(s.indent), &text[s.range]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn rows(text: &str, width: usize, hang: usize) -> Vec<String> {
        wrap(text, width, hang)
            .into_iter()
            .map(|s| format!("{}{}", " ".repeat(s.indent), &text[s.range]))
            .collect()
    }

    #[test]
    fn wrap_breaks_at_spaces_with_a_hanging_indent() {
        assert_eq!(
            rows("- one two three four", 10, 2),
            ["- one two", "  three", "  four"]
        );
        assert_eq!(rows("short", 10, 0), ["short"]);
        assert_eq!(rows("", 10, 0), [""]);
        assert_eq!(rows("abcdefghij", 4, 0), ["abcd", "efgh", "ij"]);
        for row in rows("日本語のテキストです", 5, 0) {
            assert!(row.width() <= 5);
        }
    }

    #[test]
    fn hanging_indent_follows_markers() {
        assert_eq!(hanging_indent("- item"), 2);
        assert_eq!(hanging_indent("2. Step"), 3);
        assert_eq!(hanging_indent("Plain"), 0);
        assert_eq!(hanging_indent("2024 was"), 0);
    }

    #[test]
    fn wrap_lines_uses_the_marker_as_indent() {
        assert_eq!(
            wrap_lines("1. Ask first then share", 10),
            ["1. Ask", "   first", "   then", "   share"]
        );
    }
}
