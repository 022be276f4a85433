//! Reading the note back with the peer at the end of a session (collaborative
//! documentation): the note as they would read it, their words first, and a field for their
//! corrections or comments in their own words. Saving records that it was reviewed, and when.

use super::field::Field;
use super::{Action, App, Effect};
use crate::domain::{PeerComment, ReadBack, Timestamp};

pub struct ReadBackView {
    /// The peer's corrections or comments, in their words.
    pub comment: Field,
    pub scroll: u16,
}

impl ReadBackView {
    fn new() -> ReadBackView {
        let mut comment = Field::multi("Anything the peer wants to correct or add, in their words");
        comment.set_focused(true);
        ReadBackView { comment, scroll: 0 }
    }
}

/// Opens the read-back from the end-of-session form.
pub fn open(app: &mut App) {
    if let Some(live) = app.live.as_mut() {
        live.read_back = Some(ReadBackView::new());
    }
}

/// Keys while the read-back is open. Returns `None` when it is not open.
pub fn update(app: &mut App, action: &Action, now: Timestamp) -> Option<Vec<Effect>> {
    let live = app.live.as_mut()?;
    let view = live.read_back.as_mut()?;
    match action {
        Action::Input(key) if view.comment.input(key.clone()) => live.dirty = true,
        Action::PageUp => view.scroll = view.scroll.saturating_sub(5),
        Action::PageDown => view.scroll = view.scroll.saturating_add(5),
        Action::Back => live.read_back = None,
        Action::Save => {
            let text = view.comment.text().trim().to_string();
            let mut record = live.session.read_back.clone().unwrap_or(ReadBack {
                at: now,
                comments: Vec::new(),
            });
            record.at = now;
            if !text.is_empty() {
                record.comments.push(PeerComment { at: now, text });
            }
            live.session.read_back = Some(record);
            live.read_back = None;
            live.dirty = true;
            return Some(super::live::save_note(app, now));
        }
        _ => {}
    }
    Some(vec![])
}
