//! The reference in a real terminal: `alongside ref` wraps to the terminal's width, and the
//! app opens the reference with Ctrl+G during a session, adds a line to the notes, and
//! closes back to them; the line is saved with the note.

mod pty;

use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::Session;
use pty::{CTRL_S, ENTER, ESC, Pty};
use unicode_width::UnicodeWidthStr;

const CTRL_G: &str = "\x07";

#[test]
fn ref_wraps_to_the_terminal_width() {
    let config = tempfile::tempdir().expect("dir");
    // The shell sets the terminal's size before the command starts, so there is no race
    // between setting it and the command asking for it.
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("stty cols 60 rows 40 && exec \"$0\" ref gentle refusal")
        .arg(env!("CARGO_BIN_EXE_alongside"));
    cmd.env("XDG_CONFIG_HOME", config.path());
    cmd.env("TERM", "xterm-256color");
    let mut session = Session::spawn(cmd).expect("spawn in a pty");
    let mut out = Vec::new();
    let start = Instant::now();
    let mut buf = [0u8; 8192];
    loop {
        match session.try_read(&mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(_) => {
                if !session.get_process().is_alive().unwrap_or(false) {
                    // Drain what is left.
                    while let Ok(n) = session.try_read(&mut buf) {
                        if n == 0 {
                            break;
                        }
                        out.extend_from_slice(&buf[..n]);
                    }
                    break;
                }
                assert!(
                    start.elapsed() < Duration::from_secs(30),
                    "ref did not finish"
                );
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }
    let text = String::from_utf8_lossy(&out).replace('\r', "");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Gentle refusal in three steps")),
        "{text}"
    );
    let widest = lines.iter().map(|l| l.width()).max().unwrap_or(0);
    // Wrapped to the 60 columns of this terminal, not the 80 used for pipes.
    assert!(widest <= 60, "{text}");
    assert!(widest > 50, "{text}");
}

#[test]
fn the_reference_adds_a_line_to_session_notes_in_a_real_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut app = Pty::spawn(&data, &[]);
    app.wait_for("New session");
    app.start_session_with_new_peer("RB");
    app.send("Wants to move toward a plan.");
    app.wait_for("toward a plan.");

    // Ctrl+G while typing: the reference opens; typing searches.
    app.send(CTRL_G);
    app.wait_for("type to search");
    app.send("testing the water");
    app.wait_for("Planning pitfalls and possibilities");
    app.send(ENTER);
    app.wait_for("add line to notes");
    // Down to the first "testing the water" question, then add it.
    let screen = app.screen();
    assert!(screen.contains("Testing the water"), "{screen}");
    app.send("\x1b[B");
    app.wait_for("line ");
    app.send(ENTER);
    app.wait_for("Line added to the session notes");
    app.send(CTRL_G);
    app.wait_for("Esc session commands");
    let screen = app.screen();
    assert!(screen.contains("Wants to move toward a plan."), "{screen}");
    assert!(!screen.contains("type to search"));

    // End and save: the added line is in the saved note.
    app.send(ESC);
    app.wait_for("write notes");
    app.send("e");
    app.wait_for("What matters");
    app.send(CTRL_S);
    // Nothing is written in the summary: asked first.
    app.wait_for("Nothing is written in the summary");
    app.send("y");
    app.wait_for("Note saved");
    app.send("q");
    app.wait_exit();
    let sessions = data.join("sessions");
    let file = std::fs::read_dir(&sessions)
        .expect("sessions")
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "json"))
        .expect("one note");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(file.path()).expect("read")).expect("json");
    let notes = json["session"]["notes"].as_str().expect("notes");
    let mut lines = notes.lines();
    assert_eq!(lines.next(), Some("Wants to move toward a plan."));
    let added = lines.next().expect("a line was added");
    assert!(!added.is_empty() && !added.starts_with("- "), "{notes}");
}
