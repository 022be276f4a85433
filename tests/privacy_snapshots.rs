//! The blank, lock and crisis screens at 80x24, and no panic at any size.

mod common;

use alongside::app::App;
use alongside::app::privacy::{LockPrompt, LockWhy};
use common::*;
use ratatui::crossterm::event::KeyCode;

fn screens() -> Vec<(&'static str, App)> {
    let mut out = Vec::new();

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::Char('n')));
    press(&mut app, &mut store, key(KeyCode::Enter));
    press(&mut app, &mut store, key(KeyCode::Enter));
    type_text(&mut app, &mut store, "private words");
    press(&mut app, &mut store, ctrl('b'));
    out.push(("privacy_blank", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    press(&mut app, &mut store, key(KeyCode::F(9)));
    out.push(("privacy_crisis", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    app.privacy.configure(true, 10, app.now);
    app.privacy.lock = Some(LockPrompt::new(LockWhy::Idle));
    type_text(&mut app, &mut store, "secret");
    out.push(("privacy_locked", app));

    let mut store = sample_store();
    let mut app = app_from(&store);
    app.privacy.configure(true, 10, app.now);
    app.privacy.lock = Some(LockPrompt::new(LockWhy::Blanked));
    app.privacy.lock.as_mut().expect("lock").error =
        Some("That passphrase is not right. Try again.".into());
    press(&mut app, &mut store, key(KeyCode::F(9)));
    out.push(("privacy_crisis_over_lock", app));
    out
}

#[test]
fn privacy_screens_at_80x24() {
    for (name, app) in screens() {
        let term = render(&app, 80, 24);
        insta::assert_snapshot!(name, term.backend());
    }
}

#[test]
fn privacy_screens_never_panic_at_any_size() {
    for (_, app) in screens() {
        for w in 0..=90 {
            for h in (0..=30).step_by(2) {
                render(&app, w, h);
            }
        }
    }
}
