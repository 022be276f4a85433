use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = alongside::cli::args::Cli::parse();
    match alongside::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // Output piped into a command that stopped reading (`| head`): nothing to report.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            // One line: what happened and, through the context chain, where.
            eprintln!("alongside: {}", alongside::cli::one_line(&e));
            ExitCode::FAILURE
        }
    }
}
