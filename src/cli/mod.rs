//! Command-line subcommands that work without the terminal UI.

pub mod args;
pub mod competencies;
pub mod debug;
mod demo_extras;
pub mod generate;
pub mod journey;
pub mod language;
pub mod notes;
pub mod notes_import;
pub mod passphrase;
pub mod practice;
pub mod privacy;
pub mod progress;
pub mod reference;
pub mod report;
pub mod roleplay;
pub mod settings;
pub mod shell;
pub mod wellbeing;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::storage::{Store, default_data_dir};
use args::{Cli, Command, CompetenciesCommand, NotesCommand, PeersCommand, PracticeCommand};

/// Runs what the command line asked for. Errors come back with context for a one-line
/// message on standard error.
/// Input echoed back in a message, with control characters (escape sequences, bells, line
/// breaks) shown as `\u{..}` so typed input can never drive the terminal.
pub fn shown(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        if c.is_control() {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// An error and its causes on one line, each cause once: a cause whose words the line
/// already holds (a store error quoting its own source) is not repeated.
pub fn one_line(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

pub fn run(cli: Cli) -> Result<()> {
    // A panic message can quote the text being handled; report only where it happened.
    crate::tui::install_private_panic_hook();
    let fd = cli.passphrase_fd;
    let data_dir = || -> Result<PathBuf> {
        cli.data_dir.clone().or_else(default_data_dir).context(
            "could not find a home folder for the data; pass --data-dir DIR or set ALONGSIDE_DATA_DIR",
        )
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match cli.command {
        None => {
            let dir = data_dir()?;
            // Given by descriptor or environment: unlock now. Otherwise the app asks.
            if passphrase::given(fd)?.is_some() {
                passphrase::unlock_if_needed(&dir, fd)?;
            }
            crate::tui::open_with(
                &dir,
                crate::tui::Options {
                    lock_after_minutes: cli.lock_after,
                    ask_settings: true,
                    demo: false,
                },
            )
        }
        Some(Command::Completions { shell }) => shell::completions(shell, &mut out),
        Some(Command::Man) => shell::man(&mut out),
        Some(Command::Demo) => {
            let demo = generate::demo_dir()?;
            // The folder is deleted when `demo` is dropped, after the app closes.
            crate::tui::open_with(
                demo.path(),
                crate::tui::Options {
                    lock_after_minutes: cli.lock_after,
                    // The demo never asks for settings: nothing in it is kept.
                    ask_settings: false,
                    demo: true,
                },
            )
        }
        Some(Command::Notes { command }) => {
            let dir = data_dir()?;
            passphrase::unlock_if_needed(&dir, fd)?;
            run_notes(&dir, command, &mut out)
        }
        Some(Command::Generate {
            sessions,
            peers,
            seed,
        }) => {
            let dir = data_dir()?;
            passphrase::unlock_if_needed(&dir, fd)?;
            // Both are bounded by the argument parser, so they fit any platform's usize.
            let sessions = usize::try_from(sessions).unwrap_or(usize::MAX);
            let peers = usize::try_from(peers).unwrap_or(usize::MAX);
            generate::run(&dir, sessions, peers, seed, &mut out)
        }
        Some(Command::Encrypt) => privacy::encrypt(&data_dir()?, fd, &mut out),
        Some(Command::Decrypt) => privacy::decrypt(&data_dir()?, fd, &mut out),
        Some(Command::Passphrase { rotate }) => privacy::change(&data_dir()?, fd, rotate, &mut out),
        Some(Command::Rekey) => privacy::rekey(&data_dir()?, fd, &mut out),
        Some(Command::DebugSaveLoop {
            seed,
            count,
            fail_writes,
            panic_after,
            through_app,
        }) => {
            let dir = data_dir()?;
            passphrase::unlock_if_needed(&dir, fd)?;
            if through_app {
                debug::app_loop(&dir, seed, count, &mut out)
            } else {
                debug::save_loop(&dir, seed, count, fail_writes, panic_after, &mut out)
            }
        }
        Some(Command::Ref {
            query,
            list,
            all,
            json,
        }) => {
            let mut notices = Vec::new();
            let content = crate::tui::load_content(&mut notices);
            for n in notices {
                eprintln!("alongside: {n}");
            }
            let request = reference::Request {
                query: query.join(" "),
                list,
                all,
                json,
                width: reference::output_width(),
            };
            reference::run(content, &request, &mut out)
        }
        Some(Command::Practice { command }) => match command {
            PracticeCommand::Classify {
                text,
                json,
                context,
                paired,
            } => {
                let stdin = std::io::stdin();
                let how = practice::ClassifyInput {
                    text: text.as_deref(),
                    context: context.as_deref(),
                    paired,
                    json,
                };
                practice::classify_command(&how, &mut stdin.lock(), &mut out)
            }
            PracticeCommand::Code { file, json, format } => {
                let format = if json { args::CodeFormat::Json } else { format };
                let notes = roleplay::code_command(&file, format, &mut out)?;
                for n in notes {
                    eprintln!("alongside: {n}");
                }
                Ok(())
            }
            PracticeCommand::Debrief { id, format } => {
                let dir = data_dir()?;
                passphrase::unlock_if_needed(&dir, fd)?;
                let store = open_for_reading(&dir)?;
                roleplay::debrief_command(&store, id.as_deref(), format, &mut out)
            }
            PracticeCommand::Roleplays => {
                let dir = data_dir()?;
                passphrase::unlock_if_needed(&dir, fd)?;
                let store = open_for_reading(&dir)?;
                roleplay::list_command(&store, &mut out)
            }
        },
        Some(Command::Competencies { command }) => {
            let dir = data_dir()?;
            passphrase::unlock_if_needed(&dir, fd)?;
            run_competencies(&dir, command, &mut out)
        }
        Some(Command::Language { text, note, json }) => {
            let content = quiet_content();
            match note {
                None => {
                    let stdin = std::io::stdin();
                    language::check_command(
                        content.language(),
                        text.as_deref(),
                        json,
                        &mut stdin.lock(),
                        &mut out,
                    )
                }
                Some(id) => {
                    let dir = data_dir()?;
                    passphrase::unlock_if_needed(&dir, fd)?;
                    let store = open_and_tell(&dir)?;
                    let id = notes::resolve_id(&store, &id)?;
                    let session = store.load_session(id)?;
                    language::check_note(content.language(), &session, json, &mut out)
                }
            }
        }
        Some(Command::Settings) => settings::show(&config_dir()?, &mut out),
        Some(Command::Report { from, to, format }) => {
            let range = report::range(from, to, crate::domain::now().date_naive())?;
            let dir = data_dir()?;
            passphrase::unlock_if_needed(&dir, fd)?;
            let store = open_and_tell(&dir)?;
            report::command(&store, quiet_content(), range, format, &mut out)
        }
        Some(Command::Wellbeing {
            answers,
            note,
            json,
        }) => {
            let dir = data_dir()?;
            passphrase::unlock_if_needed(&dir, fd)?;
            // Keeping a check writes; showing only reads.
            let store = if answers.is_empty() {
                open_and_tell(&dir)?
            } else {
                let (store, problems) = Store::open(&dir)?;
                notes::report_problems(&problems, &mut std::io::stderr())?;
                store
            };
            wellbeing::command(
                &store,
                &answers,
                &note,
                json,
                crate::domain::now(),
                &mut out,
            )
        }
        Some(Command::Due { within, json }) => {
            let dir = data_dir()?;
            passphrase::unlock_if_needed(&dir, fd)?;
            let (store, journey) = open_journey(&dir)?;
            let today = crate::domain::now().date_naive();
            journey::due(&store, &journey, within, json, today, &mut out)
        }
        Some(Command::Peers { command }) => {
            let dir = data_dir()?;
            passphrase::unlock_if_needed(&dir, fd)?;
            let (store, journey) = open_journey(&dir)?;
            match command {
                PeersCommand::List { json } => journey::list(&store, &journey, json, &mut out),
                PeersCommand::Show { peer, json, format } => {
                    let format = if json {
                        journey::PeerFormat::Json
                    } else {
                        format
                    };
                    let today = crate::domain::now().date_naive();
                    journey::show(&store, &journey, &peer, format, today, &mut out)
                }
            }
        }
    }
}

/// The config folder, or a one-line error saying how to give one.
pub fn config_dir() -> Result<PathBuf> {
    crate::storage::settings::config_dir().context(
        "could not find a home folder for the settings; set ALONGSIDE_CONFIG_DIR to a folder",
    )
}

/// The content with any organisation overrides, problems told on stderr.
fn quiet_content() -> &'static crate::content::Content {
    let mut notices = Vec::new();
    let content = crate::tui::load_content(&mut notices);
    for n in notices {
        eprintln!("alongside: {n}");
    }
    content
}

/// The settings, a bad file told on stderr (the defaults are used).
fn settings_or_defaults() -> crate::domain::settings::Settings {
    let Some(dir) = crate::storage::settings::config_dir() else {
        return crate::domain::settings::Settings::default();
    };
    let loaded = crate::storage::settings::load(&dir);
    if let crate::storage::settings::Loaded::Bad(msg) = &loaded {
        eprintln!("alongside: {msg}");
    }
    loaded.settings()
}

/// Opens an existing data folder read-only, problems told on stderr.
fn open_and_tell(dir: &Path) -> Result<Store> {
    let (store, problems) = open_existing(dir)?;
    notes::report_problems(&problems, &mut std::io::stderr())?;
    Ok(store)
}

/// Opens an existing data folder read-only.
fn open_for_reading(dir: &Path) -> Result<Store> {
    open_existing(dir).map(|(store, _)| store)
}

/// Opens an existing data folder read-only with the problems found; a missing folder is
/// an error that says how to make one.
fn open_existing(dir: &Path) -> Result<(Store, Vec<crate::storage::Problem>)> {
    if !dir.is_dir() {
        anyhow::bail!(
            "no data folder at {}; start the app once, or pass --data-dir DIR",
            dir.display()
        );
    }
    Store::open_read_only(dir)
        .with_context(|| format!("could not read the data folder {}", dir.display()))
}

/// Opens the data folder read only with every peer's goals, latest sessions and safety
/// plans, reporting unreadable files on standard error.
fn open_journey(dir: &Path) -> Result<(Store, crate::domain::goals::Journey)> {
    if !dir.is_dir() {
        anyhow::bail!(
            "no data folder at {}; start the app once, or pass --data-dir DIR",
            dir.display()
        );
    }
    let (store, mut problems) = Store::open_read_only(dir)
        .with_context(|| format!("could not read the data folder {}", dir.display()))?;
    let (journey, more) = store.journey();
    problems.extend(more);
    notes::report_problems(&problems, &mut std::io::stderr())?;
    Ok((store, journey))
}

fn run_competencies(dir: &Path, command: CompetenciesCommand, out: &mut dyn Write) -> Result<()> {
    if !dir.is_dir() {
        anyhow::bail!(
            "no data folder at {}; start the app once, or pass --data-dir DIR",
            dir.display()
        );
    }
    let (store, _) = Store::open_read_only(dir)
        .with_context(|| format!("could not read the data folder {}", dir.display()))?;
    match command {
        CompetenciesCommand::Export { format, out: file } => competencies::export_command(
            &store,
            format,
            file.as_deref(),
            crate::domain::now().date_naive(),
            out,
        ),
    }
}

/// What progress notes are written with; settings and overrides are read only for them.
fn progress_context(
    format: notes::NoteFormat,
    layout: Option<&str>,
) -> Result<progress::ProgressContext> {
    if format != notes::NoteFormat::Progress {
        if layout.is_some() {
            anyhow::bail!("--layout is for --format progress");
        }
        return progress::ProgressContext::builtin();
    }
    progress::ProgressContext::new(quiet_content(), settings_or_defaults(), layout)
}

fn run_notes(dir: &Path, command: NotesCommand, out: &mut dyn Write) -> Result<()> {
    if !dir.is_dir() {
        anyhow::bail!(
            "no data folder at {}; start the app once, or pass --data-dir DIR",
            dir.display()
        );
    }
    let command = match command {
        NotesCommand::Import { path } => {
            let (mut store, problems) = Store::open(dir)
                .with_context(|| format!("could not open the data folder {}", dir.display()))?;
            notes::report_problems(&problems, &mut std::io::stderr())?;
            return notes_import::import(&mut store, &path, out);
        }
        // A full id: read that one file, not the index.
        NotesCommand::Show { id, format, layout } if uuid::Uuid::parse_str(id.trim()).is_ok() => {
            let progress = progress_context(format, layout.as_deref())?;
            let id = notes::resolve_id_without_index(&id)?;
            let session = Store::read_session_only(dir, id)
                .with_context(|| format!("could not read the data folder {}", dir.display()))?;
            // Only the Markdown note marks goals removed since; the goals file is read for
            // nothing else, as it grows with the peer's history.
            let goals = (format == notes::NoteFormat::Md && !session.goals_addressed.is_empty())
                .then(|| Store::read_goals_only(dir))
                .flatten();
            return notes::print_note(&session, format, &progress, goals.as_ref(), out);
        }
        other => other,
    };
    let (store, problems) = Store::open_read_only(dir)
        .with_context(|| format!("could not read the data folder {}", dir.display()))?;
    notes::report_problems(&problems, &mut std::io::stderr())?;
    match command {
        NotesCommand::List { peer, json } => notes::list(&store, peer.as_deref(), json, out),
        NotesCommand::Show { id, format, layout } => {
            let progress = progress_context(format, layout.as_deref())?;
            notes::show_with(&store, &id, format, &progress, out)
        }
        NotesCommand::Export {
            format,
            out: out_dir,
            plaintext,
            layout,
        } => {
            if !plaintext && crate::storage::crypt::is_unlocked(dir) {
                anyhow::bail!(
                    "this data folder is encrypted, and exported notes would be readable by anyone with the files. Add --plaintext to export them anyway, and delete them when done."
                );
            }
            let progress = progress_context(format, layout.as_deref())?;
            notes::export_with(&store, format, &progress, &out_dir, out)
        }
        NotesCommand::Import { .. } => unreachable!("handled above"),
    }
}
