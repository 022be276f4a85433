//! Drives the real binary in a pseudo-terminal and reads the screen as a terminal would
//! show it (a vt100 emulator), so tests wait for what a person would see rather than for
//! bytes in the output stream, which ratatui sends as diffs.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::session::OsSession;
use expectrl::{Expect, Session};

pub const ESC: &str = "\x1b";
pub const TAB: &str = "\t";
pub const ENTER: &str = "\r";
pub const CTRL_S: &str = "\x13";
pub const CTRL_T: &str = "\x14";

const WAIT: Duration = Duration::from_secs(30);

pub struct Pty {
    session: OsSession,
    parser: vt100::Parser,
}

/// Starts `alongside --data-dir DATA ARGS...` in an 80x24 pseudo-terminal, with a 20 s
/// limit on each raw `expect`.
pub fn spawn_session(data: &Path, args: &[&str]) -> OsSession {
    spawn_with(data, args, true)
}

fn spawn_with(data: &Path, args: &[&str], settings: bool) -> OsSession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_alongside"));
    cmd.arg("--data-dir").arg(data).args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("ALONGSIDE_DATA_DIR");
    // Settings beside the data folder, already written, so the first-run question does not
    // appear and the person's own config folder is never touched.
    let config = config_dir_for(data);
    if settings && !config.join("settings.toml").exists() {
        std::fs::create_dir_all(&config).expect("config folder");
        std::fs::write(
            config.join("settings.toml"),
            "name = \"Sam R\"\ncredential = \"CPS\"\n",
        )
        .expect("settings");
    }
    cmd.env("ALONGSIDE_CONFIG_DIR", &config);
    let mut session = Session::spawn(cmd).expect("spawn alongside in a pty");
    session
        .get_process_mut()
        .set_window_size(80, 24)
        .expect("window size");
    session.set_expect_timeout(Some(Duration::from_secs(20)));
    session
}

/// The config folder a test app started on `data` uses: beside it, never the person's own.
pub fn config_dir_for(data: &Path) -> std::path::PathBuf {
    std::path::PathBuf::from(format!("{}-config", data.display()))
}

/// Waits for the app to exit, draining its output meanwhile so it never blocks on a full
/// pty. `on_output` sees every chunk read.
fn drain_until_exit(session: &mut OsSession, mut on_output: impl FnMut(&[u8])) {
    let start = Instant::now();
    let mut buf = [0u8; 16384];
    while session.get_process().is_alive().unwrap_or(false) {
        assert!(start.elapsed() < WAIT, "app did not quit");
        while let Ok(n) = session.try_read(&mut buf) {
            if n == 0 {
                break;
            }
            on_output(&buf[..n]);
        }
        std::thread::sleep(Duration::from_millis(30));
    }
}

/// `drain_until_exit` for tests that read the raw session rather than a [`Pty`].
pub fn wait_for_exit(session: &mut OsSession) {
    drain_until_exit(session, |_| {});
}

impl Pty {
    /// [`Pty::spawn`] with no settings written yet, as on a first run.
    pub fn spawn_first_run(data: &Path, args: &[&str]) -> Pty {
        Pty {
            session: spawn_with(data, args, false),
            parser: vt100::Parser::default(),
        }
    }

    /// Starts `alongside --data-dir DATA ARGS...` in an 80x24 terminal.
    pub fn spawn(data: &Path, args: &[&str]) -> Pty {
        Pty {
            session: spawn_session(data, args),
            parser: vt100::Parser::default(),
        }
    }

    fn pump(&mut self) {
        let mut buf = [0u8; 16384];
        while let Ok(n) = self.session.try_read(&mut buf) {
            if n == 0 {
                break;
            }
            self.parser.process(&buf[..n]);
        }
    }

    /// The screen as text, one line per row.
    pub fn screen(&mut self) -> String {
        self.pump();
        self.parser.screen().contents()
    }

    /// Waits until `text` is on screen; fails with the screen shown if it never appears.
    pub fn wait_for(&mut self, text: &str) {
        let start = Instant::now();
        loop {
            if self.screen().contains(text) {
                return;
            }
            if start.elapsed() > WAIT {
                panic!("waited for {text:?}; the screen shows:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Sends keys. Text typed into a field can go in one call; a lone Esc must be followed
    /// by `wait_for` before the next key, or the terminal may read both as one sequence.
    pub fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("send keys");
    }

    /// Sends a large block in pieces, reading the screen between them so neither side
    /// blocks on a full pseudo-terminal.
    pub fn send_bulk(&mut self, data: &[u8]) {
        use std::io::Write;
        for chunk in data.chunks(4096) {
            self.session.write_all(chunk).expect("send bulk");
            self.pump();
        }
        self.session.flush().expect("flush");
    }

    /// Pastes text as a terminal does with bracketed paste on.
    pub fn paste(&mut self, text: &str) {
        let mut data = b"\x1b[200~".to_vec();
        data.extend_from_slice(text.as_bytes());
        data.extend_from_slice(b"\x1b[201~");
        self.send_bulk(&data);
    }

    /// The bottom row: the key bar.
    pub fn footer(&mut self) -> String {
        self.screen()
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .to_string()
    }

    /// Presses a key only after checking the key bar offers it as `hint label`, as a person
    /// reading the screen would.
    pub fn press_shown(&mut self, shown: &str, keys: &str) {
        let start = Instant::now();
        while !self.footer().contains(shown) {
            if start.elapsed() > WAIT {
                panic!("the key bar never offered {shown:?}:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        self.send(keys);
    }

    /// From Home: starts an in-person session with a new peer added under `alias`, and
    /// waits until the notes take typing.
    pub fn start_session_with_new_peer(&mut self, alias: &str) {
        self.send("n");
        self.wait_for("Who is this session with?");
        self.send(alias);
        self.wait_for(&format!("Add \"{alias}\" as a new peer"));
        self.send(ENTER);
        self.wait_for("New peer");
        self.send(CTRL_S);
        self.wait_for("how are you meeting");
        self.send(ENTER);
        self.wait_for("Esc session commands");
    }

    pub fn pid(&self) -> i32 {
        self.session.get_process().pid().as_raw()
    }

    /// The config folder a test app started on `data` uses: beside it, never the person's own.
    pub fn config_dir_for(data: &Path) -> std::path::PathBuf {
        std::path::PathBuf::from(format!("{}-config", data.display()))
    }

    /// Waits for the app to exit, reading its output meanwhile so it never blocks.
    pub fn wait_exit(&mut self) {
        let start = Instant::now();
        while self.session.get_process().is_alive().unwrap_or(false) {
            assert!(
                start.elapsed() < WAIT,
                "app did not quit:\n{}",
                self.screen()
            );
            self.pump();
            std::thread::sleep(Duration::from_millis(30));
        }
    }
}
