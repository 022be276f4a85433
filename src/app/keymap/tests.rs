use std::path::Path;

use super::*;

fn all_modes() -> impl Iterator<Item = Mode> {
    Mode::ALL.into_iter()
}

#[test]
fn every_mode_has_ctrl_c_and_no_key_bound_twice() {
    for mode in all_modes() {
        let all = default_bindings(mode);
        assert!(!all.is_empty(), "{mode:?} has no keys");
        let keys: Vec<Key> = all.iter().flat_map(|b| b.keys.clone()).collect();
        for (i, k) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(k), "{mode:?}: {k:?} bound twice");
        }
        assert!(keys.contains(&Key::Ctrl('c')), "{mode:?} lacks Ctrl+C");
    }
}

#[test]
fn every_mode_is_listed_once() {
    for (i, m) in Mode::ALL.iter().enumerate() {
        assert!(!Mode::ALL[i + 1..].contains(m), "{m:?} listed twice");
    }
    for m in tools::MODES.into_iter().chain(trainee::MODES) {
        assert!(Mode::ALL.contains(&m));
    }
}

#[test]
fn ctrl_g_opens_the_reference_everywhere_but_a_question_and_the_privacy_screens() {
    for mode in all_modes()
        .filter(|m| !matches!(m, Mode::Confirm | Mode::Blank | Mode::Crisis | Mode::Unlock))
    {
        let toggles = default_bindings(mode).iter().any(|b| {
            b.keys.contains(&Key::Ctrl('g')) && matches!(b.action, Action::ToggleReference)
        });
        assert!(toggles, "{mode:?} lacks Ctrl+G");
    }
    assert!(
        !default_bindings(Mode::Confirm)
            .iter()
            .any(|b| b.keys.contains(&Key::Ctrl('g')))
    );
}

#[test]
fn typing_modes_bind_no_plain_printable_keys() {
    for mode in all_modes().filter(|m| m.is_typing()) {
        for binding in default_bindings(mode) {
            for k in binding.keys {
                assert!(
                    !matches!(k, Key::Char(_)),
                    "{mode:?} steals {k:?} from typing"
                );
            }
        }
    }
}

#[test]
fn esc_never_quits_home() {
    let home = default_bindings(Mode::Home);
    let esc = Key::Code(KeyCode::Esc);
    assert!(
        !home
            .iter()
            .any(|b| b.keys.contains(&esc) && matches!(b.action, Action::Quit | Action::Interrupt))
    );
    assert!(
        home.iter()
            .any(|b| b.keys.contains(&Key::Char('q')) && matches!(b.action, Action::Quit))
    );
}

/// The bar of a mode as text, the way it is drawn.
fn bar_text(mode: Mode, width: u16) -> String {
    let all = default_bindings(mode);
    let f = footer(&all, width);
    let mut s = String::new();
    for b in &f.shown {
        s.push_str(&format!("{} {}  ", b.hint, b.label));
    }
    if let Some(m) = f.more {
        s.push_str(&format!("{m} more  "));
    }
    s.trim_end().to_string()
}

#[test]
fn every_footer_fits_50_columns_with_its_finishing_keys() {
    for mode in all_modes() {
        let all = default_bindings(mode);
        let text = bar_text(mode, 50);
        assert!(text.width() <= 50, "{mode:?}: '{text}' is wider than 50");
        for b in all.iter().filter(|b| b.prio == Prio::Finish) {
            let piece = format!("{} {}", b.hint, b.label);
            assert!(
                text.contains(&piece),
                "{mode:?}: '{piece}' hidden in '{text}'"
            );
        }
    }
}

#[test]
fn a_footer_with_hidden_keys_ends_with_more() {
    // Help, a question, the blank, lock and crisis screens have no help to open.
    let no_help = [
        Mode::Help,
        Mode::Confirm,
        Mode::Blank,
        Mode::Crisis,
        Mode::Unlock,
    ];
    for mode in all_modes().filter(|m| !no_help.contains(m)) {
        for width in [50u16, 80, 120] {
            let text = bar_text(mode, width);
            assert!(
                text.ends_with("? more") || text.ends_with("F1 more"),
                "{mode:?} at {width}: '{text}'"
            );
        }
    }
}

#[test]
fn ending_a_session_is_on_the_bar_at_80_and_50_columns() {
    for width in [50, 80] {
        let text = bar_text(Mode::SessionCommands, width);
        assert!(text.contains("e end session"), "{text}");
        assert!(text.contains("q quit"), "{text}");
        assert!(text.ends_with("? more"), "{text}");
    }
    // Writing notes, Esc is the way back to the commands that end it.
    assert!(bar_text(Mode::Notes, 50).contains("Esc session commands"));
}

#[test]
fn command_names_are_kebab_case_actions() {
    assert_eq!(command_name(&Action::EndSession), "end-session");
    assert_eq!(
        command_name(&Action::GoToStage(crate::domain::Stage::Exploring)),
        "go-to-stage-exploring"
    );
    assert_eq!(command_name(&Action::SetImportance(3)), "set-importance-3");
    assert_eq!(
        command_name(&Action::Open(crate::app::Destination::NewSession)),
        "open-new-session"
    );
    assert_eq!(command_name(&Action::Confirm(true)), "confirm-true");
    assert_eq!(Mode::SessionCommands.name(), "session-commands");
}

fn load(text: &str) -> Result<Keymap, KeyFileError> {
    Keymap::from_toml(text, Path::new("keys.toml"))
}

#[test]
fn keys_toml_remaps_everywhere_or_in_one_mode() {
    let map = load("end-session = \"E\"\n[home]\nquit = [\"Q\", \"F10\"]\n").expect("valid");
    let session = map.bindings(Mode::SessionCommands);
    let end = session
        .iter()
        .find(|b| matches!(b.action, Action::EndSession))
        .expect("end session");
    assert_eq!(end.keys, vec![Key::Char('E')]);
    assert_eq!(end.hint, "E");
    let quit = map
        .bindings(Mode::Home)
        .iter()
        .find(|b| matches!(b.action, Action::Quit))
        .expect("quit");
    assert_eq!(quit.keys, vec![Key::Char('Q'), Key::Code(KeyCode::F(10))]);
    // Only home's quit moved.
    let session_quit = session
        .iter()
        .find(|b| matches!(b.action, Action::Quit))
        .expect("quit");
    assert_eq!(session_quit.keys, vec![Key::Char('q')]);
}

#[test]
fn keys_toml_mistakes_are_reported_by_name_and_line() {
    let e = load("# mine\nend-sesion = \"E\"\n").expect_err("unknown command");
    assert_eq!(e.line, 2);
    assert!(e.to_string().starts_with("keys.toml line 2:"), "{e}");
    assert!(e.message.contains("end-sesion"), "{e}");

    let e = load("\n\nend-session = \"Ctrl+\"\n").expect_err("bad key");
    assert_eq!(e.line, 3);

    let e = load("[sesion]\nquit = \"Q\"\n").expect_err("unknown mode");
    assert_eq!(e.line, 1);
    assert!(e.message.contains("sesion"));

    let e = load("end-session = \"E\nx").expect_err("not toml");
    assert!(e.line >= 1, "{e}");
}

#[test]
fn keys_toml_conflicts_are_refused() {
    // `f` is follow-up in the session: ending it with `f` too would be ambiguous.
    let e = load("\nend-session = \"f\"\n").expect_err("conflict");
    assert!(e.message.contains("end-session"), "{e}");
    assert!(e.message.contains("toggle-follow-up"), "{e}");
    assert_eq!(e.line, 2);
    // A letter cannot be taken from a field where it is typed.
    let e = load("[notes]\nleave-notes = \"x\"\n").expect_err("typing");
    assert!(e.message.contains("typed"), "{e}");
}

#[test]
fn keys_parse_as_written_in_help() {
    for (text, key) in [
        ("q", Key::Char('q')),
        ("Space", Key::Char(' ')),
        ("Ctrl+S", Key::Ctrl('s')),
        ("esc", Key::Code(KeyCode::Esc)),
        ("Shift+Tab", Key::Code(KeyCode::BackTab)),
        ("F10", Key::Code(KeyCode::F(10))),
        ("PgDn", Key::Code(KeyCode::PageDown)),
        ("↑", Key::Code(KeyCode::Up)),
    ] {
        assert_eq!(user::parse_key(text), Ok(key), "{text}");
        assert_eq!(user::parse_key(&key.display()), Ok(key), "{text}");
    }
    assert!(user::parse_key("Hyper+Q").is_err());
    assert!(user::parse_key("F13").is_err());
}

#[test]
fn the_readme_example_is_a_valid_key_file() {
    let readme = include_str!("../../../README.md");
    let start = readme.find("end-session = [").expect("example in README");
    let end = start + readme[start..].find("```").expect("end of example");
    let map = load(&readme[start..end]).expect("the README example loads");
    let next = map
        .bindings(Mode::SessionCommands)
        .iter()
        .find(|b| matches!(b.action, Action::NextStage))
        .expect("next stage");
    assert_eq!(next.keys, vec![Key::Char('l'), Key::Code(KeyCode::Right)]);
}
