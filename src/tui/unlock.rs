//! The passphrase prompt shown before the home screen when the data folder is encrypted.
//! Nothing is read from the folder until the passphrase opens its key; a wrong one changes
//! nothing and asks again.

use std::path::Path;

use anyhow::{Context, Result};
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

use super::terminal;
use crate::app::privacy::{LockPrompt, LockWhy};
use crate::domain::secret::Passphrase;
use crate::storage::crypt::{self, CryptError, CryptState};
use crate::ui;

/// Asks for the passphrase when `dir` is encrypted and not yet unlocked. Returns false when
/// the person chose to quit instead.
pub fn ask_if_needed(dir: &Path) -> Result<bool> {
    if !dir.is_dir() || crypt::is_unlocked(dir) {
        return Ok(true);
    }
    if crypt::state(dir).context("could not read the data folder")? != CryptState::Encrypted {
        // Plain, or a conversion to finish: opening says what to do.
        return Ok(true);
    }
    terminal::install_private_panic_hook();
    let mut term = ratatui::init();
    let outcome = prompt_loop(&mut term, dir);
    ratatui::restore();
    outcome
}

fn prompt_loop(term: &mut ratatui::DefaultTerminal, dir: &Path) -> Result<bool> {
    let mut prompt = LockPrompt::new(LockWhy::Idle);
    let mut crisis: Option<u16> = None;
    let content = crate::app::default_content();
    loop {
        term.draw(|frame| {
            let area = frame.area();
            ui::privacy::draw_lock(frame, area, &prompt, Some("This data folder is encrypted."));
            if let Some(scroll) = crisis {
                ui::privacy::draw_crisis(frame, area, content, scroll);
            }
        })
        .context("could not draw on the terminal")?;
        let Event::Key(key) = event::read().context("could not read the keyboard")? else {
            continue;
        };
        if key.kind != KeyEventKind::Press {
            continue;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if let Some(scroll) = crisis.as_mut() {
            match key.code {
                KeyCode::Up | KeyCode::Char('k') => *scroll = scroll.saturating_sub(1),
                KeyCode::Down | KeyCode::Char('j') => *scroll = scroll.saturating_add(1),
                KeyCode::Char('c') if ctrl => return Ok(false),
                _ => crisis = None,
            }
            continue;
        }
        match key.code {
            KeyCode::Char('c') if ctrl => return Ok(false),
            KeyCode::F(9) => crisis = Some(0),
            KeyCode::Esc => {
                drop(prompt.field.take_secret());
                prompt.error = None;
            }
            KeyCode::Enter => {
                let text = prompt.field.take_secret();
                if text.is_empty() {
                    prompt.error = Some("Type the passphrase, then press Enter.".into());
                    continue;
                }
                match crypt::unlock(dir, &Passphrase::new(text.to_string())) {
                    Ok(()) => return Ok(true),
                    Err(CryptError::WrongPassphrase) => {
                        prompt.failures += 1;
                        prompt.error = Some(format!(
                            "That passphrase is not right (try {}). Nothing was changed; try again.",
                            prompt.failures
                        ));
                    }
                    Err(e) => return Err(e.into()),
                }
            }
            _ => {
                prompt.field.input(key);
            }
        }
    }
}
