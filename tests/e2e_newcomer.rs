//! A newcomer at 80x24, using only what the screen shows: every key pressed here is first
//! read off the key bar (or help). And a megabyte pasted into the notes, checked byte for
//! byte in the draft the app keeps.

mod pty;

use std::time::{Duration, Instant};

use pty::{ENTER, ESC, Pty};

const RIGHT: &str = "\x1b[C";
const CTRL_C: &str = "\x03";
const CTRL_S: &str = "\x13";

#[test]
fn a_newcomer_runs_a_whole_session_from_what_the_screen_shows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut app = Pty::spawn(&data, &[]);
    app.wait_for("n new session");

    // Esc on home goes nowhere: the app is still there, and says how to quit.
    app.send(ESC);
    std::thread::sleep(Duration::from_millis(300));
    app.wait_for("q quit");
    // A paste on home is not read as keys: "q" inside it does not quit, "n" opens nothing.
    app.paste("qn");
    std::thread::sleep(Duration::from_millis(300));
    app.wait_for("q quit");
    assert!(app.screen().contains("Home"), "{}", app.screen());

    app.press_shown("n new session", "n");
    app.wait_for("Who is this session with?");
    app.send("RB");
    app.wait_for("Add \"RB\" as a new peer");
    app.press_shown("Enter choose", ENTER);
    app.wait_for("New peer");
    app.press_shown("Ctrl+S save", CTRL_S);
    app.wait_for("how are you meeting");
    app.press_shown("Enter start", ENTER);

    app.wait_for("[1 Connecting]");
    app.send("Met at the library; talked about the week.");
    app.wait_for("about the week.");
    app.press_shown("Esc session commands", ESC);
    for stage in [
        "[2 Exploring]",
        "[3 Supporting]",
        "[4 Planning]",
        "[5 Advocating]",
    ] {
        app.press_shown("→ next stage", RIGHT);
        app.wait_for(stage);
    }
    // Finishing is always on the bar, however much else there is.
    app.press_shown("e end session", "e");
    app.wait_for("What matters");
    app.send("Finding a quieter place to live");
    app.wait_for("quieter place");
    app.press_shown("Ctrl+S save note", CTRL_S);
    app.wait_for("Note saved");

    app.press_shown("h history", "h");
    app.wait_for("Sessions (1 of 1)");
    app.press_shown("Enter open", ENTER);
    app.wait_for("a amend");
    // The notes are further down: the bar says how to scroll.
    for _ in 0..12 {
        if app.screen().contains("Met at the library") {
            break;
        }
        app.press_shown("↑↓ scroll", "\x1b[B");
        std::thread::sleep(Duration::from_millis(60));
    }
    app.wait_for("Met at the library");
    app.press_shown("Esc back", ESC);
    app.wait_for("Sessions (1 of 1)");
    app.press_shown("Esc back", ESC);
    app.wait_for("n new session");
    app.press_shown("q quit", "q");
    app.wait_exit();

    let notes: Vec<_> = std::fs::read_dir(data.join("sessions"))
        .expect("sessions")
        .filter_map(Result::ok)
        .collect();
    assert_eq!(notes.len(), 1, "one note saved");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(notes[0].path()).expect("read"))
            .expect("json");
    let stages: Vec<&str> = json["session"]["stage_log"]
        .as_array()
        .expect("stage log")
        .iter()
        .filter_map(|v| v["stage"].as_str())
        .collect();
    assert_eq!(
        stages,
        [
            "connecting",
            "exploring",
            "supporting",
            "planning",
            "advocating"
        ]
    );
}

#[test]
fn help_scrolls_to_its_last_line_in_a_real_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut app = Pty::spawn(&data, &[]);
    app.press_shown("? more", "?");
    app.wait_for("If someone is in crisis");
    app.wait_for("741741");
    app.send("\x1b[F"); // End
    app.wait_for("Keys can be changed");
    app.wait_for("(end)");
    app.press_shown("Esc close help", ESC);
    app.wait_for("n new session");
    app.send("q");
    app.wait_exit();
}

#[test]
fn a_megabyte_pasted_into_the_notes_is_kept_byte_for_byte() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut app = Pty::spawn(&data, &[]);
    app.wait_for("n new session");
    app.start_session_with_new_peer("PB");

    // Lines of mixed text (accents, symbols, tabs), one BEL that must be dropped, and a
    // last line to look for on screen.
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 1_048_576 {
        text.push_str(&format!(
            "{i:06}\tpeer said: café, naïve, ✓ – “quoted” [brackets] {{braces}} q e ! ? 1 2 3\n"
        ));
        i += 1;
    }
    text.push_str("the very last pasted line");
    let mut sent = text.clone();
    sent.insert(100, '\u{7}');
    let start = Instant::now();
    app.paste(&sent);
    app.wait_for("the very last pasted line");
    eprintln!(
        "{} bytes pasted and drawn in {:?}",
        sent.len(),
        start.elapsed()
    );
    // Typing goes on after the paste, at its end.
    app.send("!");
    app.wait_for("pasted line!");
    // Ctrl+C quits at once and keeps the draft, whatever is queued.
    app.send(CTRL_C);
    app.wait_exit();

    let drafts: Vec<_> = std::fs::read_dir(data.join("drafts"))
        .expect("drafts")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(drafts.len(), 1, "the session is kept as a draft");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(drafts[0].path()).expect("read"))
            .expect("json");
    let notes = json["session"]["notes"].as_str().expect("notes");
    let expected = format!("{text}!");
    assert_eq!(notes.len(), expected.len(), "same length");
    assert!(notes == expected, "the draft holds the paste byte for byte");
}

#[test]
fn a_paste_whose_end_never_comes_does_not_swallow_the_keys_after_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut app = Pty::spawn(&data, &[]);
    app.wait_for("n new session");
    app.start_session_with_new_peer("PB");
    // The start marker, text, and no end marker: a terminal that lost it.
    app.send("\x1b[200~half a paste, q e and no end");
    // Once input goes quiet the paste is taken as ended and shown.
    app.wait_for("half a paste, q e and no end");
    // Keys work again, and Ctrl+C quits at once, keeping the draft.
    app.send(" typed after");
    app.wait_for("no end typed after");
    app.send(CTRL_C);
    app.wait_exit();
    let drafts: Vec<_> = std::fs::read_dir(data.join("drafts"))
        .expect("drafts")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(drafts.len(), 1, "the session is kept as a draft");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(drafts[0].path()).expect("read"))
            .expect("json");
    assert_eq!(
        json["session"]["notes"].as_str(),
        Some("half a paste, q e and no end typed after")
    );
}

#[test]
fn ctrl_c_pressed_inside_a_paste_that_never_ended_still_quits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut app = Pty::spawn(&data, &[]);
    app.wait_for("n new session");
    app.send("\x1b[200~never ends");
    // Ctrl+C at once, inside the open paste: the app still leaves.
    app.send(CTRL_C);
    app.wait_exit();
}
