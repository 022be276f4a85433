//! Terminal set-up and restore on every path: normal exit, error, panic, Ctrl+C.

use std::io::Write;

/// Installs a panic hook that reports only where the panic happened. A panic payload can
/// quote the string being processed (a note), so it is never printed.
pub fn install_private_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        disable_paste();
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_else(|| "an unknown place".into());
        let _ = writeln!(
            std::io::stderr(),
            "alongside stopped on an internal error at {place}. Saved notes are untouched; \
             a running session was kept as a draft if it could be. Please report this (the \
             place above is enough; do not include note text)."
        );
    }));
}

/// Asks the terminal to mark pasted text, so it arrives as one paste event.
pub fn enable_paste() {
    let _ = ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::event::EnableBracketedPaste
    );
}

/// Turns paste marking off again; on every way out, or the shell would see the markers.
pub fn disable_paste() {
    let _ = ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::event::DisableBracketedPaste
    );
}
