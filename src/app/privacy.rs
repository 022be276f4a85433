//! Privacy overlays that work from anywhere: a blank screen for when someone walks in
//! (Ctrl+B), crisis resources (F9), and the lock that asks for the passphrase again after the
//! app was blanked or left idle. The screen underneath and everything typed in it stay as
//! they were; the overlays only cover them.

use chrono::Duration;

use super::field::Field;
use super::{Action, App, Effect};
use crate::domain::Timestamp;
use crate::domain::secret::Passphrase;

/// Shown in the passphrase field before anything is typed.
pub const PASSPHRASE_PLACEHOLDER: &str = "passphrase";

/// Minutes without a key press before locking, unless configured.
pub const DEFAULT_LOCK_MINUTES: u32 = 10;

/// Why the lock screen is up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockWhy {
    /// The screen was blanked with Ctrl+B and a key was pressed.
    Blanked,
    /// Nobody pressed a key for the configured time.
    Idle,
}

/// The passphrase prompt over a blank screen.
#[derive(Debug, Clone)]
pub struct LockPrompt {
    pub field: Field,
    pub why: LockWhy,
    /// The last failed attempt's message.
    pub error: Option<String>,
    /// Failed attempts since the lock.
    pub failures: u32,
}

impl LockPrompt {
    pub fn new(why: LockWhy) -> LockPrompt {
        let mut field = Field::masked(PASSPHRASE_PLACEHOLDER);
        field.set_focused(true);
        LockPrompt {
            field,
            why,
            error: None,
            failures: 0,
        }
    }
}

/// Scroll position of the crisis overlay.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CrisisView {
    pub scroll: u16,
}

/// The privacy state of the app.
#[derive(Debug, Clone)]
pub struct Privacy {
    /// The data folder is encrypted: unblanking and idle locks ask for the passphrase.
    pub encrypted: bool,
    /// Idle time before locking; `None` never locks.
    pub lock_after: Option<Duration>,
    /// The last key press, for the idle lock.
    pub last_input: Timestamp,
    /// The screen is blanked (Ctrl+B); any key ends it.
    pub blank: bool,
    /// The passphrase prompt, when locked.
    pub lock: Option<LockPrompt>,
    /// The crisis resources overlay, when open.
    pub crisis: Option<CrisisView>,
}

impl Privacy {
    pub fn new(now: Timestamp) -> Privacy {
        Privacy {
            encrypted: false,
            lock_after: minutes(DEFAULT_LOCK_MINUTES),
            last_input: now,
            blank: false,
            lock: None,
            crisis: None,
        }
    }

    /// Sets whether the folder is encrypted and the idle time (0 minutes never locks).
    pub fn configure(&mut self, encrypted: bool, lock_after_minutes: u32, now: Timestamp) {
        self.encrypted = encrypted;
        self.lock_after = minutes(lock_after_minutes);
        self.last_input = now;
    }

    /// True when nothing of the app may be drawn: blanked or locked.
    pub fn hides_screen(&self) -> bool {
        self.blank || self.lock.is_some()
    }
}

fn minutes(m: u32) -> Option<Duration> {
    (m > 0).then(|| Duration::minutes(i64::from(m)))
}

/// Ctrl+B: blank the screen at once. Typing in progress is untouched (the field keeps its
/// text; the key itself is not typed).
pub fn blank(app: &mut App) -> Vec<Effect> {
    app.privacy.blank = true;
    app.privacy.crisis = None;
    vec![]
}

/// Any key on the blank screen: back to the app, or to the passphrase prompt when encrypted.
pub fn unblank(app: &mut App) -> Vec<Effect> {
    app.privacy.blank = false;
    if app.privacy.encrypted && app.privacy.lock.is_none() {
        app.privacy.lock = Some(LockPrompt::new(LockWhy::Blanked));
    }
    vec![]
}

/// F9: open or close the crisis resources. It opens over anything, the lock included, and
/// closing it returns to exactly where the person was.
pub fn toggle_crisis(app: &mut App) -> Vec<Effect> {
    app.privacy.crisis = match app.privacy.crisis {
        Some(_) => None,
        None => Some(CrisisView::default()),
    };
    vec![]
}

/// Locks after the idle time: the passphrase prompt when encrypted, else a blank screen.
pub fn tick(app: &mut App, now: Timestamp) -> Vec<Effect> {
    let Some(after) = app.privacy.lock_after else {
        return vec![];
    };
    if app.privacy.hides_screen() || now - app.privacy.last_input < after {
        return vec![];
    }
    app.privacy.crisis = None;
    if app.privacy.encrypted {
        app.privacy.lock = Some(LockPrompt::new(LockWhy::Idle));
    } else {
        app.privacy.blank = true;
    }
    // Keep a running session on disk while nobody is watching the screen.
    match &app.live {
        Some(live) => vec![Effect::SaveDraft(live.snapshot())],
        None => vec![],
    }
}

/// Handles an action while an overlay has the keyboard. `None` lets the action through to
/// the screen underneath.
pub fn intercept(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    if let Some(view) = app.privacy.crisis.as_mut() {
        match action {
            Action::Up => view.scroll = view.scroll.saturating_sub(1),
            Action::Down => view.scroll = view.scroll.saturating_add(1),
            Action::PageUp => view.scroll = view.scroll.saturating_sub(10),
            Action::PageDown => view.scroll = view.scroll.saturating_add(10),
            Action::Back => app.privacy.crisis = None,
            _ => return None,
        }
        return Some(vec![]);
    }
    if app.privacy.blank {
        return None;
    }
    let prompt = app.privacy.lock.as_mut()?;
    let effects = match action {
        Action::Input(key) => {
            prompt.field.input(key);
            vec![]
        }
        Action::Back => {
            drop(prompt.field.take_secret());
            prompt.error = None;
            vec![]
        }
        Action::Submit => {
            let text = prompt.field.take_secret();
            if text.is_empty() {
                prompt.error = Some("Type the passphrase, then press Enter.".into());
                vec![]
            } else {
                vec![Effect::CheckPassphrase(Passphrase::new(text.to_string()))]
            }
        }
        // Everything else waits until the app is unlocked.
        _ => vec![],
    };
    Some(effects)
}

/// The passphrase was right: back to exactly where the person was.
pub fn unlocked(app: &mut App) -> Vec<Effect> {
    app.privacy.lock = None;
    app.privacy.blank = false;
    app.privacy.last_input = app.now;
    vec![]
}

/// The passphrase was wrong (or could not be checked): say so and ask again.
pub fn unlock_failed(app: &mut App, message: String) {
    if let Some(prompt) = app.privacy.lock.as_mut() {
        prompt.failures += 1;
        prompt.error = Some(message);
    }
}
