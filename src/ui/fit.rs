//! Text shortened on purpose: at a word boundary with an ellipsis, so no word is ever cut
//! in two on screen.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` in at most `width` columns: whole words, then `…` when some were left out. A
/// single word wider than the room is cut only when nothing else would fit.
pub fn fit_words(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let room = width - 1;
    // Leading spaces are an indent: kept as they are.
    let body = text.trim_start_matches(' ');
    let indent = &text[..text.len() - body.len()];
    let mut out = String::new();
    for word in body.split(' ') {
        let add = if out.is_empty() {
            word.width()
        } else {
            word.width() + 1
        };
        if indent.len() + out.width() + add > room {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let out = out
        .trim_end_matches([' ', ',', ';', ':', '·', '(', '-'])
        .to_string();
    if out.is_empty() {
        // Not even one word fits: cut it, marked.
        let mut cut = String::new();
        for c in text.chars() {
            if cut.width() + c.width().unwrap_or(0) > room {
                break;
            }
            cut.push(c);
        }
        return format!("{cut}…");
    }
    format!("{indent}{out}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_whole() {
        assert_eq!(fit_words("No contact", 10), "No contact");
    }

    #[test]
    fn long_text_stops_at_a_word_with_an_ellipsis() {
        assert_eq!(fit_words("No contact since 2026-10-08", 15), "No contact…");
        assert_eq!(
            fit_words("Moss · check-in: No contact", 18),
            "Moss · check-in…"
        );
        for w in 1..30 {
            let s = fit_words("Tell one person about the plan", w);
            assert!(s.width() <= w, "{s} at {w}");
        }
    }

    #[test]
    fn a_single_long_word_is_cut_only_when_nothing_else_fits() {
        assert_eq!(fit_words("Extraordinarily", 6), "Extra…");
        assert_eq!(fit_words("anything", 0), "");
    }

    #[test]
    fn an_indent_is_kept() {
        assert_eq!(
            fit_words("    active since 2026-03-02", 20),
            "    active since…"
        );
    }
}
