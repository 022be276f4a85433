//! Role-play transcripts: one turn a line, `S:` / `P:` (or `Specialist:` / `Peer:`) in
//! front; a line without a prefix continues the turn before it. Every specialist turn is
//! coded by the utterance engine, with reasons, and can then be corrected by the trainee.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::tally::Code;
use crate::domain::utterance::{self, Feedback};

/// Largest transcript read, in bytes: a long role-play is a few dozen kilobytes.
pub const MAX_TRANSCRIPT_BYTES: usize = 1024 * 1024;

/// Who is speaking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Speaker {
    Specialist,
    Peer,
}

impl Speaker {
    pub fn id(self) -> &'static str {
        match self {
            Speaker::Specialist => "specialist",
            Speaker::Peer => "peer",
        }
    }

    /// "S" or "P", as in the transcript.
    pub fn letter(self) -> &'static str {
        match self {
            Speaker::Specialist => "S",
            Speaker::Peer => "P",
        }
    }
}

/// One turn as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    pub speaker: Speaker,
    pub text: String,
}

/// A parsed transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transcript {
    pub turns: Vec<Turn>,
    /// Non-blank lines before the first speaker prefix, left out.
    pub lines_left_out: usize,
}

/// Why a transcript could not be read. Never quotes the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TranscriptError {
    Empty,
    NoSpeakers,
    Binary,
    TooLarge { bytes: usize },
}

impl fmt::Display for TranscriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TranscriptError::Empty => write!(
                f,
                "the transcript is empty; write one turn a line, starting with S: or P:"
            ),
            TranscriptError::NoSpeakers => write!(
                f,
                "no line starts with a speaker (S:, P:, Specialist: or Peer:); put one in front of each turn"
            ),
            TranscriptError::Binary => write!(
                f,
                "this is not a text transcript (it holds binary data); give a plain text file"
            ),
            TranscriptError::TooLarge { bytes } => write!(
                f,
                "the transcript is {:.1} MB, more than the {} MB read; split it into shorter role-plays",
                *bytes as f64 / (1024.0 * 1024.0),
                MAX_TRANSCRIPT_BYTES / (1024 * 1024)
            ),
        }
    }
}

impl std::error::Error for TranscriptError {}

/// The speaker and the rest of the line, if the line starts with a prefix.
fn split_prefix(line: &str) -> Option<(Speaker, &str)> {
    let (head, rest) = line.split_once(':')?;
    let speaker = match head.trim().to_lowercase().as_str() {
        "s" | "specialist" => Speaker::Specialist,
        "p" | "peer" => Speaker::Peer,
        _ => return None,
    };
    Some((speaker, rest.trim()))
}

/// True when a line starts with a speaker prefix.
pub fn is_turn(line: &str) -> bool {
    split_prefix(line.trim()).is_some()
}

/// Reads transcript bytes: refuses binary data and files over [`MAX_TRANSCRIPT_BYTES`];
/// invalid UTF-8 in text is decoded lossily.
pub fn parse_bytes(bytes: &[u8]) -> Result<Transcript, TranscriptError> {
    if bytes.len() > MAX_TRANSCRIPT_BYTES {
        return Err(TranscriptError::TooLarge { bytes: bytes.len() });
    }
    let controls = bytes
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if bytes.contains(&0) || controls * 100 > bytes.len() {
        return Err(TranscriptError::Binary);
    }
    parse(&String::from_utf8_lossy(bytes))
}

/// Reads transcript text. Blank lines are skipped; lines before the first prefix are left
/// out and counted; turns left with no words are dropped.
pub fn parse(text: &str) -> Result<Transcript, TranscriptError> {
    if text.trim().is_empty() {
        return Err(TranscriptError::Empty);
    }
    let mut turns: Vec<Turn> = Vec::new();
    let mut lines_left_out = 0;
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        match (split_prefix(line), turns.last_mut()) {
            (Some((speaker, rest)), _) => turns.push(Turn {
                speaker,
                text: rest.to_string(),
            }),
            (None, Some(last)) => {
                if !last.text.is_empty() {
                    last.text.push(' ');
                }
                last.text.push_str(line);
            }
            (None, None) => lines_left_out += 1,
        }
    }
    turns.retain(|t| !t.text.is_empty());
    if turns.is_empty() {
        return Err(if lines_left_out > 0 {
            TranscriptError::NoSpeakers
        } else {
            TranscriptError::Empty
        });
    }
    Ok(Transcript {
        turns,
        lines_left_out,
    })
}

/// A turn with the engine's code (specialist turns) and the trainee's correction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodedTurn {
    pub speaker: Speaker,
    pub text: String,
    /// The engine's reading; `None` for the peer's turns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine: Option<Feedback>,
    /// The trainee's code when it differs from (or confirms) the engine's; `None` keeps
    /// the engine's. For the peer's turns: change or sustain talk, if marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trainee: Option<Code>,
}

impl CodedTurn {
    /// The code that counts: the trainee's, else the engine's.
    pub fn code(&self) -> Option<Code> {
        self.trainee
            .or_else(|| self.engine.as_ref().map(Code::from_feedback))
    }
}

/// Codes every specialist turn with the engine.
pub fn code(transcript: &Transcript) -> Vec<CodedTurn> {
    // A specialist turn is read against the peer's turn just before it, when there is one.
    let mut peer: Option<&str> = None;
    let mut out = Vec::with_capacity(transcript.turns.len());
    for t in &transcript.turns {
        let engine = (t.speaker == Speaker::Specialist)
            .then(|| utterance::classify_in_context(&t.text, peer));
        peer = (t.speaker != Speaker::Specialist).then_some(t.text.as_str());
        out.push(CodedTurn {
            speaker: t.speaker,
            text: t.text.clone(),
            engine,
            trainee: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::utterance::Label;

    #[test]
    fn prefixes_in_both_forms_and_any_case() {
        let t = parse("S: Hi there.\nP: hello\nspecialist: What brings you in?\nPEER : Work.")
            .expect("parses");
        let who: Vec<Speaker> = t.turns.iter().map(|t| t.speaker).collect();
        assert_eq!(
            who,
            [
                Speaker::Specialist,
                Speaker::Peer,
                Speaker::Specialist,
                Speaker::Peer
            ]
        );
        assert_eq!(t.turns[3].text, "Work.");
        assert_eq!(t.lines_left_out, 0);
    }

    #[test]
    fn unprefixed_lines_continue_the_turn_and_blank_lines_are_skipped() {
        let t = parse("P: I keep missing rent\n\nand my landlord is angry.\r\nS: You're worried\n  about losing the flat.\n")
            .expect("parses");
        assert_eq!(t.turns.len(), 2);
        assert_eq!(
            t.turns[0].text,
            "I keep missing rent and my landlord is angry."
        );
        assert_eq!(t.turns[1].text, "You're worried about losing the flat.");
    }

    #[test]
    fn lines_before_the_first_speaker_are_counted_and_left_out() {
        let t = parse("Role-play 3, week 2\n\nS: What matters most to you?").expect("parses");
        assert_eq!(t.lines_left_out, 1);
        assert_eq!(t.turns.len(), 1);
    }

    #[test]
    fn a_colon_later_in_a_line_is_not_a_prefix() {
        let t = parse("S: Tell me more.\nNote: this is said slowly").expect("parses");
        assert_eq!(t.turns.len(), 1);
        assert_eq!(t.turns[0].text, "Tell me more. Note: this is said slowly");
    }

    #[test]
    fn empty_turns_are_dropped() {
        let t = parse("S:\nP:   \nS: How are you?").expect("parses");
        assert_eq!(t.turns.len(), 1);
        // A prefix alone followed by words on the next line is a turn.
        let t = parse("S:\nHow are you?").expect("parses");
        assert_eq!(t.turns[0].text, "How are you?");
    }

    #[test]
    fn bad_input_gives_a_clear_error() {
        assert_eq!(parse(""), Err(TranscriptError::Empty));
        assert_eq!(parse(" \n\t\n"), Err(TranscriptError::Empty));
        assert_eq!(parse("S:\nP:"), Err(TranscriptError::Empty));
        assert_eq!(
            parse("hello there\nhow are you"),
            Err(TranscriptError::NoSpeakers)
        );
        assert_eq!(
            parse_bytes(b"\x7fELF\x02\x01\x01\0\0\0\0"),
            Err(TranscriptError::Binary)
        );
        let big = vec![b'a'; MAX_TRANSCRIPT_BYTES + 1];
        assert!(matches!(
            parse_bytes(&big),
            Err(TranscriptError::TooLarge { .. })
        ));
        for e in [
            TranscriptError::Empty,
            TranscriptError::NoSpeakers,
            TranscriptError::Binary,
            TranscriptError::TooLarge { bytes: 10 << 20 },
        ] {
            let text = e.to_string();
            assert!(!text.contains('\n'), "one line: {text}");
        }
        assert!(
            TranscriptError::TooLarge { bytes: 10 << 20 }
                .to_string()
                .contains("10.0 MB")
        );
    }

    #[test]
    fn invalid_utf8_is_read_lossily() {
        let t = parse_bytes(b"S: do you \xff drink?\n").expect("parses");
        assert!(t.turns[0].text.contains('\u{FFFD}'));
    }

    #[test]
    fn only_specialist_turns_are_coded() {
        let t = parse("S: What brings you here today?\nP: My sister made me come.\nS: It sounds like you're worried about the rent.")
            .expect("parses");
        let coded = code(&t);
        assert_eq!(coded.len(), 3);
        assert_eq!(
            coded[0].engine.as_ref().map(|f| f.label),
            Some(Label::OpenQuestion)
        );
        assert!(coded[1].engine.is_none());
        assert_eq!(coded[1].code(), None);
        assert_eq!(
            coded[2].engine.as_ref().map(|f| f.label),
            Some(Label::Reflection)
        );
        assert!(
            coded[2]
                .engine
                .as_ref()
                .is_some_and(|f| !f.reasons.is_empty())
        );
    }
}
