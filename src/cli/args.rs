//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::competencies::ExportFormat;
use super::journey::PeerFormat;
use super::notes::NoteFormat;
use super::report::ReportFormat;

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
    /// Print a completion script for a shell, e.g. `alongside completions bash >
    /// ~/.local/share/bash-completion/completions/alongside`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `alongside man > ~/.local/share/man/man1/alongside.1`.
    Man,
    /// Read saved notes from the shell, for documentation systems and scripts.
    Notes {
        #[command(subcommand)]
        command: NotesCommand,
    },
    /// Fill a data folder with fictional peers and sessions (for benchmarks and trials).
    Generate {
        /// How many sessions to write (at most 1,000,000).
        #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u64).range(0..=1_000_000))]
        sessions: u64,
        /// How many peers to spread them over (1 to 10,000).
        #[arg(long, default_value_t = 40, value_parser = clap::value_parser!(u64).range(1..=10_000))]
        peers: u64,
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
    /// Change the passphrase of an encrypted data folder. Only the key file is rewritten, so
    /// an old copy of the key file still opens the data with the old passphrase; add
    /// --rotate to make a new data key and re-encrypt every file.
    Passphrase {
        /// Also make a new data key and re-encrypt every file with it (as `rekey` does).
        #[arg(long)]
        rotate: bool,
    },
    /// Make a new data key and re-encrypt every file with it, keeping the passphrase. Use it
    /// when the passphrase or a backup of the key file may have leaked: afterwards no old
    /// key file opens anything. If it is interrupted, run it again: nothing is lost.
    Rekey,
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
        /// Save through the app itself (keys, autosave on ticks, the summary's save) rather
        /// than calling the store directly.
        #[arg(long)]
        through_app: bool,
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
    /// Your own private weekly wellbeing check: with no answers, the questions and a gentle
    /// summary over time; with ID=N answers (1-5), keeps this week's check. In no report or
    /// export.
    Wellbeing {
        /// Answers as ID=N, e.g. workload=3 boundaries=4.
        #[arg(value_name = "ID=N")]
        answers: Vec<String>,
        /// A note for yourself with the check.
        #[arg(long, default_value = "")]
        note: String,
        /// Print every check as JSON.
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
    /// Check words against the peer-language list: clinical, deficit or judging words, with
    /// plainer person-first ones to use instead. With no TEXT and no --note, reads one line
    /// at a time from stdin and writes one JSON object per line.
    Language {
        text: Option<String>,
        /// Check every text of a saved note (its id, or the first characters of it).
        #[arg(long, value_name = "ID", conflicts_with = "text")]
        note: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print where the settings file is and what it holds (your name, credential,
    /// organisation, service, check-in interval). Edit them from Home with `s`.
    Settings,
    /// Hours by activity (direct from sessions, indirect from the activity log), sessions by
    /// kind, peers seen, new peers, goals and next steps, over a range of days (default:
    /// this month).
    Report {
        /// First day, YYYY-MM-DD (default: the start of the month of --to, or of today).
        #[arg(long, value_name = "DATE")]
        from: Option<chrono::NaiveDate>,
        /// Last day, YYYY-MM-DD (default: the end of the month of --from, or of today).
        #[arg(long, value_name = "DATE")]
        to: Option<chrono::NaiveDate>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
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
        /// The progress note layout (e.g. girp, dap; default: the one in settings).
        #[arg(long, value_name = "ID")]
        layout: Option<String>,
    },
    /// Add notes saved as JSON: one file (as `notes show ID --format json` prints it) or a
    /// folder of them (as `notes export --format json` writes). Refuses an id that already
    /// exists, a newer schema or a file that is not a note, adding nothing.
    Import {
        /// A note file, or a folder of `.json` note files.
        path: PathBuf,
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
        /// The progress note layout (e.g. girp, dap; default: the one in settings).
        #[arg(long, value_name = "ID")]
        layout: Option<String>,
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
        /// What the peer said just before (a drill's statement): helps tell a restatement
        /// from new information, and the peer's own image handed back (simple) from a new
        /// one (complex). With no TEXT it applies to every line read.
        #[arg(long, value_name = "PEER_LINE")]
        context: Option<String>,
        /// With no TEXT: each line is the peer's line, a tab, then the utterance (a line
        /// without a tab is an utterance with no peer line).
        #[arg(long)]
        paired: bool,
    },
    /// Code a role-play transcript: one turn a line, starting with S: / P: (or
    /// Specialist: / Peer:); a line without a prefix continues the turn before it. Every
    /// specialist turn gets a label with reasons, then the MITI summary scores.
    Code {
        /// The transcript, a plain text file (at most 1 MB). Nothing is written anywhere.
        file: PathBuf,
        /// Print JSON: `turns` and `scores` (same as --format json).
        #[arg(long, conflicts_with = "format")]
        json: bool,
        #[arg(long, value_enum, default_value_t = CodeFormat::Text)]
        format: CodeFormat,
    },
    /// Print the debrief of a coded role-play (the newest, or the one with this id).
    Debrief {
        /// The role-play id (or a unique start of it); the newest when left out.
        id: Option<String>,
        #[arg(long, value_enum, default_value_t = DebriefFormat::Md)]
        format: DebriefFormat,
    },
    /// List coded role-plays, newest first, with their summary scores.
    Roleplays,
}

/// How `practice code` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CodeFormat {
    /// Each turn with its code and reasons, then the scores.
    Text,
    /// The debrief in Markdown, for a supervisor.
    Md,
    Json,
}

/// How `practice debrief` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DebriefFormat {
    Md,
    Json,
}
