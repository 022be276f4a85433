//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::competencies::ExportFormat;
use super::journey::PeerFormat;
use super::notes::NoteFormat;

/// A calm, keyboard-driven companion for peer support sessions. With no command, opens the
/// app on your data folder.
#[derive(Debug, Parser)]
#[command(name = "alongside", version, about, long_about = None)]
pub struct Cli {
    /// The data folder (default: the platform's data directory for alongside).
    #[arg(long, global = true, env = "ALONGSIDE_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Read the passphrase of an encrypted data folder from this open file descriptor (its
    /// first line) instead of asking. Scripts can also set ALONGSIDE_PASSPHRASE.
    #[arg(long, global = true, value_name = "N")]
    pub passphrase_fd: Option<u32>,

    /// Lock the app (blank screen, passphrase asked again) after this many minutes without a
    /// key press; 0 never locks. Without encryption the screen is only blanked.
    #[arg(
        long,
        global = true,
        value_name = "MINUTES",
        default_value_t = 10,
        env = "ALONGSIDE_LOCK_AFTER"
    )]
    pub lock_after: u32,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the app on a throwaway folder filled with fictional sample peers and sessions.
    Demo,
    /// Read saved notes from the shell, for documentation systems and scripts.
    Notes {
        #[command(subcommand)]
        command: NotesCommand,
    },
    /// Fill a data folder with fictional peers and sessions (for benchmarks and trials).
    Generate {
        /// How many sessions to write.
        #[arg(long, default_value_t = 1000)]
        sessions: usize,
        /// How many peers to spread them over.
        #[arg(long, default_value_t = 40)]
        peers: usize,
        /// Seed for the fictional data, so runs can be repeated.
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
    /// Turn on encryption at rest for the data folder: asks for a new passphrase twice, then
    /// encrypts every file, checking each before its readable copy is removed. If it is
    /// interrupted, run it again: nothing is lost.
    Encrypt,
    /// Turn encryption at rest off: every file is decrypted and the key removed.
    Decrypt,
    /// Change the passphrase of an encrypted data folder (only the key is rewritten).
    Passphrase,
    /// For the crash and privacy tests: save fictional notes in a loop.
    #[command(hide = true)]
    DebugSaveLoop {
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Stop after this many notes (default: run until killed).
        #[arg(long)]
        count: Option<u64>,
        #[arg(long, value_enum)]
        fail_writes: Option<super::debug::FailWrites>,
        #[arg(long)]
        panic_after: Option<u64>,
    },
    /// Practice tools for trainees.
    Practice {
        #[command(subcommand)]
        command: PracticeCommand,
    },
    /// Look something up in the reference: stages, key concepts, tools, skills, qualities,
    /// roles and crisis lines. Prints the best match, wrapped to the terminal.
    Ref {
        /// Words to look for, e.g. `gentle refusal` or `signs of readiness`; an entry id
        /// from --list works too.
        query: Vec<String>,
        /// List every entry's id and title.
        #[arg(long, conflicts_with = "query")]
        list: bool,
        /// Print every match's id and title, best first, instead of the best match.
        #[arg(long)]
        all: bool,
        /// Print the matches, with scores, as JSON.
        #[arg(long)]
        json: bool,
    },
    /// What is coming up: follow-ups, next steps, goal target dates, check-ins and safety
    /// plan reviews due within DAYS (overdue ones included), soonest first.
    Due {
        /// How many days ahead to look.
        #[arg(long, default_value_t = 7, value_name = "DAYS")]
        within: u32,
        /// Print a JSON array of {kind, peer_id, peer_alias, due, text, overdue}.
        #[arg(long)]
        json: bool,
    },
    /// The peers: a list, or one peer's page (goals, next steps, sessions, safety plan).
    Peers {
        #[command(subcommand)]
        command: PeersCommand,
    },
    /// The trainee's competency record (skills demonstrated, sign-offs, on-the-job hours).
    Competencies {
        #[command(subcommand)]
        command: CompetenciesCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum CompetenciesCommand {
    /// Print the record for a supervisor, or write it to a file (owner-only).
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum NotesCommand {
    /// List saved sessions, newest first.
    List {
        /// Only this peer's sessions (by alias).
        #[arg(long, value_name = "ALIAS")]
        peer: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Print one note.
    Show {
        /// The session id (or a unique start of it).
        id: String,
        #[arg(long, value_enum, default_value_t = NoteFormat::Md)]
        format: NoteFormat,
    },
    /// Write every note to a folder, one file each.
    Export {
        #[arg(long, value_enum)]
        format: NoteFormat,
        /// The folder to write to (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Write readable files even though the data folder is encrypted (they are not
        /// protected: keep them somewhere safe and delete them when done).
        #[arg(long)]
        plaintext: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum PeersCommand {
    /// One line per peer: sessions, last session, active goals, open next steps.
    List {
        /// Print JSON instead of lines.
        #[arg(long)]
        json: bool,
    },
    /// One peer's page: profile, goals with their progress and next steps, the latest
    /// sessions and the safety plan.
    Show {
        /// The peer's alias, or their id (or a unique start of it).
        peer: String,
        /// Print JSON (the same as --format json).
        #[arg(long, conflicts_with = "format")]
        json: bool,
        #[arg(long, value_enum, default_value_t = PeerFormat::Md)]
        format: PeerFormat,
    },
}

#[derive(Debug, Subcommand)]
pub enum PracticeCommand {
    /// Say what kind of utterance a line is (open question, reflection, ...) and why.
    /// With no TEXT, reads one utterance per line from stdin and writes JSON lines.
    Classify {
        text: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}
