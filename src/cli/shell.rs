//! Shell conventions: completion scripts and a manual page, both generated from the same
//! clap definition as the command line itself, so they never drift from it.

use std::io::Write;

use anyhow::{Context, Result};
use clap::CommandFactory;

use super::args::Cli;

/// Writes the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<()> {
    let mut cmd = Cli::command();
    clap_complete::generate(shell, &mut cmd, "alongside", out);
    Ok(())
}

/// Writes the manual page (section 1, roff).
pub fn man(out: &mut dyn Write) -> Result<()> {
    let cmd = Cli::command();
    clap_mangen::Man::new(cmd)
        .render(out)
        .context("could not write the manual page")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completions_name_every_command_for_each_shell() {
        for shell in [
            clap_complete::Shell::Bash,
            clap_complete::Shell::Zsh,
            clap_complete::Shell::Fish,
            clap_complete::Shell::PowerShell,
        ] {
            let mut out = Vec::new();
            completions(shell, &mut out).expect("completions");
            let text = String::from_utf8(out).expect("utf-8");
            for word in ["notes", "demo", "completions", "man", "data-dir"] {
                assert!(text.contains(word), "{shell:?} lacks {word}");
            }
        }
    }

    #[test]
    fn the_man_page_has_a_name_synopsis_and_the_commands() {
        let mut out = Vec::new();
        man(&mut out).expect("man");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(
            text.starts_with(".ie") || text.contains(".TH alongside"),
            "{}",
            &text[..80]
        );
        assert!(text.contains(".SH NAME"));
        assert!(text.contains(".SH SYNOPSIS"));
        assert!(text.contains("completions"));
        assert!(text.contains("\\-\\-data\\-dir") || text.contains("data-dir"));
    }
}
