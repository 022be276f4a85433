use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = alongside::cli::args::Cli::parse();
    match alongside::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One line: what happened and, through the context chain, where.
            eprintln!("alongside: {}", alongside::cli::one_line(&e));
            ExitCode::FAILURE
        }
    }
}
