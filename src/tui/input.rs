//! Reads the terminal's bytes and turns them into keys and pastes, on unix.
//!
//! crossterm's own reader waits for a bracketed paste's end marker however long it takes:
//! if the marker never arrives (a terminal that drops it, a cut connection), every later
//! key, Ctrl+C included, is swallowed into the paste and the app looks frozen. This reader
//! keeps the same key meanings and guards the paste: it ends when no byte has come for
//! [`PASTE_QUIET`], and a paste larger than [`PASTE_CAP`] is handed on in pieces, so input
//! never stalls and nothing typed is lost. A Ctrl+C inside a paste that never ended is
//! read as the key it was.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What the terminal sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    Paste(String),
    /// The window changed size (from SIGWINCH, not from the bytes).
    Resize(u16, u16),
}

/// A paste with no byte for this long is taken as ended: its end marker was lost.
pub const PASTE_QUIET: Duration = Duration::from_millis(1500);
/// Pasted text is handed on in pieces of at most this many bytes.
pub const PASTE_CAP: usize = 16 * 1024 * 1024;

const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// Bytes in, keys and pastes out.
#[derive(Debug, Default)]
pub struct Parser {
    pending: Vec<u8>,
    paste: Option<Vec<u8>>,
    last_byte: Option<Instant>,
}

impl Parser {
    /// Takes bytes as they were read. `now` is when they arrived; `more` is true when the
    /// read filled its buffer, so more bytes are waiting. As in crossterm, an Escape that
    /// ends a read with nothing waiting is the Esc key.
    pub fn feed(&mut self, bytes: &[u8], more: bool, now: Instant, out: &mut Vec<Input>) {
        if !bytes.is_empty() {
            self.last_byte = Some(now);
        }
        self.pending.extend_from_slice(bytes);
        self.drain(out, if more { Flush::Nothing } else { Flush::Esc });
    }

    /// Called when no byte came for a while: a lone Escape is the Esc key, and a paste
    /// still open after [`PASTE_QUIET`] is ended.
    pub fn idle(&mut self, now: Instant, out: &mut Vec<Input>) {
        let quiet = self
            .last_byte
            .map_or(Duration::MAX, |t| now.duration_since(t));
        if let Some(paste) = self.paste.take() {
            if quiet < PASTE_QUIET {
                self.paste = Some(paste);
                return;
            }
            // The end marker never came. A Ctrl+C in it was most likely pressed to get
            // out: the text before it is the paste, the key is a key, the rest is input.
            match paste.iter().position(|&b| b == 0x03) {
                Some(i) => {
                    push_paste(&paste[..i], out);
                    out.push(Input::Key(KeyEvent::new(
                        KeyCode::Char('c'),
                        KeyModifiers::CONTROL,
                    )));
                    let mut rest = paste[i + 1..].to_vec();
                    rest.append(&mut self.pending);
                    self.pending = rest;
                }
                None => push_paste(&paste, out),
            }
        }
        self.drain(out, Flush::All);
    }

    /// True while a paste is open (its end marker not yet seen).
    pub fn in_paste(&self) -> bool {
        self.paste.is_some()
    }

    fn drain(&mut self, out: &mut Vec<Input>, flush: Flush) {
        loop {
            if let Some(paste) = self.paste.as_mut() {
                // Look for the end marker in what is new, plus the marker's length back.
                let from = paste.len().saturating_sub(PASTE_END.len() - 1);
                paste.append(&mut self.pending);
                match find(&paste[from..], PASTE_END) {
                    Some(at) => {
                        let end = from + at;
                        self.pending = paste.split_off(end + PASTE_END.len());
                        paste.truncate(end);
                        push_paste(paste, out);
                        self.paste = None;
                        continue;
                    }
                    None => {
                        if paste.len() >= PASTE_CAP {
                            // Hand on all but a possible start of the end marker.
                            let keep = paste.len() - (PASTE_END.len() - 1);
                            let tail = paste.split_off(keep);
                            push_paste(paste, out);
                            *paste = tail;
                        }
                        return;
                    }
                }
            }
            if self.pending.is_empty() {
                return;
            }
            if self.pending.starts_with(PASTE_START) {
                self.pending.drain(..PASTE_START.len());
                self.paste = Some(Vec::new());
                continue;
            }
            match parse_key(&self.pending, flush) {
                Parsed::Key(key, used) => {
                    self.pending.drain(..used);
                    if let Some(key) = key {
                        out.push(Input::Key(key));
                    }
                }
                Parsed::NeedMore => return,
            }
        }
    }
}

/// Pasted bytes as text; bytes that are not UTF-8 become the replacement character.
fn push_paste(bytes: &[u8], out: &mut Vec<Input>) {
    if !bytes.is_empty() {
        out.push(Input::Paste(String::from_utf8_lossy(bytes).into_owned()));
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// What an unfinished sequence at the end of the bytes is taken as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flush {
    /// More is coming: wait for it.
    Nothing,
    /// The read ended there: a lone Escape is the key; other sequences wait.
    Esc,
    /// Nothing came for a while: everything is taken as it is.
    All,
}

enum Parsed {
    /// A key (or `None` for a sequence that means nothing here) and the bytes it used.
    Key(Option<KeyEvent>, usize),
    NeedMore,
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Option<KeyEvent> {
    Some(KeyEvent::new(code, modifiers))
}

/// One key from the start of `buf`, read as crossterm reads it.
fn parse_key(buf: &[u8], flush: Flush) -> Parsed {
    let none = KeyModifiers::NONE;
    let idle = flush == Flush::All;
    match buf[0] {
        0x1b => match buf.get(1) {
            None if flush != Flush::Nothing => Parsed::Key(key(KeyCode::Esc, none), 1),
            None => Parsed::NeedMore,
            Some(b'[') => parse_csi(buf, idle),
            Some(b'O') => match buf.get(2) {
                None if idle => Parsed::Key(key(KeyCode::Char('O'), KeyModifiers::ALT), 2),
                None => Parsed::NeedMore,
                Some(&b) => Parsed::Key(ss3(b).map(|c| KeyEvent::new(c, none)), 3),
            },
            Some(0x1b) => Parsed::Key(key(KeyCode::Esc, none), 1),
            Some(_) => match parse_key(&buf[1..], flush) {
                Parsed::Key(k, used) => Parsed::Key(
                    k.map(|mut k| {
                        k.modifiers |= KeyModifiers::ALT;
                        k
                    }),
                    used + 1,
                ),
                Parsed::NeedMore => Parsed::NeedMore,
            },
        },
        b'\r' => Parsed::Key(key(KeyCode::Enter, none), 1),
        b'\t' => Parsed::Key(key(KeyCode::Tab, none), 1),
        0x7f => Parsed::Key(key(KeyCode::Backspace, none), 1),
        c @ 0x01..=0x1a => Parsed::Key(
            key(KeyCode::Char((c - 1 + b'a') as char), KeyModifiers::CONTROL),
            1,
        ),
        c @ 0x1c..=0x1f => Parsed::Key(
            key(
                KeyCode::Char((c - 0x1c + b'4') as char),
                KeyModifiers::CONTROL,
            ),
            1,
        ),
        0 => Parsed::Key(key(KeyCode::Char(' '), KeyModifiers::CONTROL), 1),
        first => {
            let len = match first {
                0x00..=0x7f => 1,
                0xc0..=0xdf => 2,
                0xe0..=0xef => 3,
                0xf0..=0xf7 => 4,
                // Not the start of a character: skipped.
                _ => return Parsed::Key(None, 1),
            };
            if buf.len() < len {
                return if idle {
                    Parsed::Key(None, buf.len())
                } else {
                    Parsed::NeedMore
                };
            }
            match std::str::from_utf8(&buf[..len])
                .ok()
                .and_then(|s| s.chars().next())
            {
                Some(c) => {
                    let mods = if c.is_uppercase() {
                        KeyModifiers::SHIFT
                    } else {
                        none
                    };
                    Parsed::Key(key(KeyCode::Char(c), mods), len)
                }
                None => Parsed::Key(None, 1),
            }
        }
    }
}

fn ss3(b: u8) -> Option<KeyCode> {
    Some(match b {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + b - b'P'),
        _ => return None,
    })
}

/// `ESC [ params final`: arrows, Home/End, PgUp/PgDn, F-keys, Shift+Tab, with modifiers.
fn parse_csi(buf: &[u8], idle: bool) -> Parsed {
    let Some(end) = buf[2..].iter().position(|b| (0x40..=0x7e).contains(b)) else {
        // Unfinished: wait, unless nothing more is coming (then it means nothing).
        return if idle || buf.len() > 64 {
            Parsed::Key(None, buf.len())
        } else {
            Parsed::NeedMore
        };
    };
    let used = 2 + end + 1;
    let params = &buf[2..2 + end];
    let fin = buf[2 + end];
    let text = std::str::from_utf8(params).unwrap_or("");
    let mut nums = text.split(';').map(|p| p.split(':').next().unwrap_or(""));
    let first: Option<u32> = nums.next().and_then(|p| p.parse().ok());
    let mods = nums
        .next()
        .and_then(|p| p.parse::<u8>().ok())
        .map_or(KeyModifiers::NONE, modifiers);
    let code = match fin {
        b'A' => Some(KeyCode::Up),
        b'B' => Some(KeyCode::Down),
        b'C' => Some(KeyCode::Right),
        b'D' => Some(KeyCode::Left),
        b'H' => Some(KeyCode::Home),
        b'F' => Some(KeyCode::End),
        b'P'..=b'S' if !text.starts_with('<') => Some(KeyCode::F(1 + fin - b'P')),
        b'Z' => {
            return Parsed::Key(key(KeyCode::BackTab, KeyModifiers::SHIFT), used);
        }
        b'~' => match first {
            Some(1 | 7) => Some(KeyCode::Home),
            Some(2) => Some(KeyCode::Insert),
            Some(3) => Some(KeyCode::Delete),
            Some(4 | 8) => Some(KeyCode::End),
            Some(5) => Some(KeyCode::PageUp),
            Some(6) => Some(KeyCode::PageDown),
            Some(n @ 11..=15) => Some(KeyCode::F((n - 10) as u8)),
            Some(n @ 17..=21) => Some(KeyCode::F((n - 11) as u8)),
            Some(n @ 23..=24) => Some(KeyCode::F((n - 12) as u8)),
            // A paste end with no start, focus, mouse and reports mean nothing here.
            _ => None,
        },
        _ => None,
    };
    Parsed::Key(code.map(|c| KeyEvent::new(c, mods)), used)
}

/// xterm's modifier parameter: 1 + Shift(1) + Alt(2) + Ctrl(4).
fn modifiers(p: u8) -> KeyModifiers {
    let bits = p.saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    if bits & 1 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        m |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    m
}

/// Reads the terminal on this thread until it goes away or `send` refuses: keys, pastes,
/// and a new size when the window changes.
#[cfg(unix)]
pub fn read_terminal(
    send: &mut dyn FnMut(std::io::Result<ratatui::crossterm::event::Event>) -> bool,
) {
    use std::os::fd::AsRawFd;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    use ratatui::crossterm::event::Event;

    // Standard input when it is the terminal, as crossterm chooses, else the terminal itself.
    // SAFETY: isatty only looks at the descriptor.
    let tty_file = if unsafe { libc::isatty(libc::STDIN_FILENO) } == 1 {
        None
    } else {
        match std::fs::OpenOptions::new().read(true).open("/dev/tty") {
            Ok(f) => Some(f),
            Err(e) => {
                send(Err(e));
                return;
            }
        }
    };
    let fd = tty_file
        .as_ref()
        .map_or(libc::STDIN_FILENO, |f| f.as_raw_fd());
    let resized = Arc::new(AtomicBool::new(false));
    let _ = signal_hook::flag::register(signal_hook::consts::SIGWINCH, Arc::clone(&resized));
    let mut parser = Parser::default();
    let mut buf = vec![0u8; 64 * 1024];
    let mut out = Vec::new();
    loop {
        let mut pfd = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, for the length given.
        let ready = unsafe { libc::poll(&mut pfd, 1, 50) };
        let now = Instant::now();
        if ready < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            send(Err(e));
            return;
        }
        if ready > 0 && pfd.revents & libc::POLLIN != 0 {
            // SAFETY: reads into a buffer of the length given.
            let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n < 0 {
                let e = std::io::Error::last_os_error();
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::Interrupted | std::io::ErrorKind::WouldBlock
                ) {
                    continue;
                }
                send(Err(e));
                return;
            }
            let n = n as usize;
            if n == 0 {
                send(Err(std::io::ErrorKind::UnexpectedEof.into()));
                return;
            }
            parser.feed(&buf[..n], n == buf.len(), now, &mut out);
        } else if ready > 0 {
            // Hung up or closed: the terminal is gone.
            send(Err(std::io::ErrorKind::BrokenPipe.into()));
            return;
        } else {
            parser.idle(now, &mut out);
        }
        if resized.swap(false, Ordering::Relaxed)
            && let Ok((w, h)) = ratatui::crossterm::terminal::size()
        {
            out.push(Input::Resize(w, h));
        }
        for input in out.drain(..) {
            let event = match input {
                Input::Key(k) => Event::Key(k),
                Input::Paste(text) => Event::Paste(text),
                Input::Resize(w, h) => Event::Resize(w, h),
            };
            if !send(Ok(event)) {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(bytes: &[u8]) -> Vec<Input> {
        let mut p = Parser::default();
        let mut out = Vec::new();
        let t = Instant::now();
        p.feed(bytes, false, t, &mut out);
        p.idle(t + Duration::from_millis(60), &mut out);
        out
    }

    fn k(code: KeyCode) -> Input {
        Input::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn keys_read_as_crossterm_reads_them() {
        assert_eq!(
            parse(b"a\r\t\x7f\x1b[A\x1b[1;5C\x1bOP\x1b[5~\x1b[Z\x13"),
            vec![
                k(KeyCode::Char('a')),
                k(KeyCode::Enter),
                k(KeyCode::Tab),
                k(KeyCode::Backspace),
                k(KeyCode::Up),
                Input::Key(KeyEvent::new(KeyCode::Right, KeyModifiers::CONTROL)),
                k(KeyCode::F(1)),
                k(KeyCode::PageUp),
                Input::Key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
                Input::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)),
            ]
        );
        assert_eq!(parse(b"\x1b"), vec![k(KeyCode::Esc)], "a lone Escape");
        assert_eq!(parse("é✓".as_bytes()).len(), 2);
    }

    #[test]
    fn a_paste_arrives_whole_across_reads() {
        let mut p = Parser::default();
        let mut out = Vec::new();
        let t = Instant::now();
        p.feed(b"x\x1b[200~one\r\ntw", true, t, &mut out);
        p.feed(b"o q\x1b[20", true, t, &mut out);
        assert!(p.in_paste());
        p.feed(b"1~y", true, t, &mut out);
        assert_eq!(
            out,
            vec![
                k(KeyCode::Char('x')),
                Input::Paste("one\r\ntwo q".into()),
                k(KeyCode::Char('y')),
            ]
        );
    }

    #[test]
    fn a_paste_whose_end_never_comes_ends_when_input_goes_quiet() {
        let mut p = Parser::default();
        let mut out = Vec::new();
        let t = Instant::now();
        p.feed(b"\x1b[200~half a paste", true, t, &mut out);
        p.idle(t + Duration::from_millis(200), &mut out);
        assert!(out.is_empty(), "still arriving");
        p.idle(t + PASTE_QUIET, &mut out);
        assert_eq!(out, vec![Input::Paste("half a paste".into())]);
        assert!(!p.in_paste());
        // Keys work again.
        p.feed(b"q", false, t + PASTE_QUIET, &mut out);
        assert_eq!(out.last(), Some(&k(KeyCode::Char('q'))));
    }

    #[test]
    fn ctrl_c_inside_a_paste_that_never_ended_still_quits() {
        let mut p = Parser::default();
        let mut out = Vec::new();
        let t = Instant::now();
        p.feed(b"\x1b[200~stuck", true, t, &mut out);
        let later = t + Duration::from_secs(5);
        p.feed(b"\x03", false, later, &mut out);
        p.idle(later + PASTE_QUIET, &mut out);
        assert_eq!(
            out,
            vec![
                Input::Paste("stuck".into()),
                Input::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            ]
        );
    }

    #[test]
    fn a_huge_paste_is_handed_on_in_pieces_and_nothing_is_lost() {
        let mut p = Parser::default();
        let mut out = Vec::new();
        let t = Instant::now();
        p.feed(PASTE_START, true, t, &mut out);
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..17 {
            p.feed(&chunk, true, t, &mut out);
        }
        p.feed(PASTE_END, true, t, &mut out);
        let total: usize = out
            .iter()
            .map(|i| match i {
                Input::Paste(s) => s.len(),
                _ => 0,
            })
            .sum();
        assert_eq!(total, 17 << 20);
        assert!(out.len() >= 2, "in pieces");
    }
}
