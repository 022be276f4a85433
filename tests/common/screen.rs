//! Drawing the app into a test terminal, for snapshots and size sweeps.

use alongside::app::App;
use alongside::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The app drawn once into a `w` x `h` test terminal.
pub fn render(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| ui::draw(f, app)).expect("draw");
    term
}

/// The drawn screen as plain text, a line per row.
pub fn text_of(term: &Terminal<TestBackend>) -> String {
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Draws `app` at sizes from 1x1 to 120x40, down to far below the smallest supported
/// terminal: drawing must never panic.
pub fn draw_at_every_size(app: &App) {
    for w in [1, 10, 20, 40, 50, 60, 79, 120] {
        for h in [1, 3, 5, 10, 14, 24, 40] {
            render(app, w, h);
        }
    }
}

/// Draws `app` on a grid from 0x0 to 120x40 and at every size around the smallest supported
/// terminal, where layouts switch: drawing must never panic.
pub fn draw_on_size_grid(app: &App) {
    for w in (0..=120).step_by(7) {
        for h in (0..=40).step_by(3) {
            render(app, w, h);
        }
    }
    for w in ui::MIN_WIDTH - 1..=ui::MIN_WIDTH + 2 {
        for h in ui::MIN_HEIGHT - 1..=ui::MIN_HEIGHT + 2 {
            render(app, w, h);
        }
    }
}
