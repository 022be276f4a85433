//! The life-area check-in during a one-on-one session: each area a rating from 1 to 10 and
//! a word on why, areas the peer adds, and Esc to skip it in one key.

use super::field::Field;
use super::{Action, App, Effect};
use crate::content::life_areas::life_areas;
use crate::domain::Timestamp;
use crate::domain::check_in::{AreaRating, CheckIn, parse_rating, rating_in_progress};

/// One area's row: its name (typed for an area the peer adds), rating and why.
pub struct CheckInRow {
    pub area: Field,
    /// A built-in area, whose name is not typed.
    pub builtin: bool,
    pub rating: Field,
    pub why: Field,
}

impl CheckInRow {
    fn new(area: &str, builtin: bool, rating: Option<u8>, why: &str) -> CheckInRow {
        CheckInRow {
            area: Field::single("their own area").with_text(area),
            builtin,
            rating: Field::single("1-10")
                .with_text(&rating.map(|r| r.to_string()).unwrap_or_default()),
            why: Field::single("a word on why").with_text(why),
        }
    }

    fn field_mut(&mut self, col: usize) -> &mut Field {
        match col {
            0 => &mut self.area,
            1 => &mut self.rating,
            _ => &mut self.why,
        }
    }
}

pub struct CheckInForm {
    pub rows: Vec<CheckInRow>,
    pub row: usize,
    /// 0: the area's name (own areas only), 1: rating, 2: why.
    pub col: usize,
    pub error: Option<String>,
}

impl CheckInForm {
    /// The built-in areas, then the peer's own from `earlier`, filled with `earlier`'s
    /// ratings when the check-in is opened again in the same session.
    pub fn new(earlier: Option<&CheckIn>) -> CheckInForm {
        let mut rows: Vec<CheckInRow> = life_areas()
            .iter()
            .map(|a| {
                let r = earlier.and_then(|c| c.ratings.iter().find(|r| *r.area == *a.label));
                CheckInRow::new(
                    &a.label,
                    true,
                    r.map(|r| r.rating),
                    r.map(|r| &*r.why).unwrap_or(""),
                )
            })
            .collect();
        for r in earlier.map(|c| &*c.ratings).unwrap_or(&[]) {
            if !life_areas().iter().any(|a| *a.label == *r.area) {
                rows.push(CheckInRow::new(&r.area, false, Some(r.rating), &r.why));
            }
        }
        let mut form = CheckInForm {
            rows,
            row: 0,
            col: 1,
            error: None,
        };
        form.refocus();
        form
    }

    fn refocus(&mut self) {
        let (row, col) = (self.row, self.col);
        for (i, r) in self.rows.iter_mut().enumerate() {
            for c in 0..3 {
                r.field_mut(c).set_focused(i == row && c == col);
            }
        }
    }

    fn first_col(&self, row: usize) -> usize {
        match self.rows.get(row) {
            Some(r) if !r.builtin => 0,
            _ => 1,
        }
    }

    fn next(&mut self, forward: bool) {
        if forward {
            if self.col < 2 {
                self.col += 1;
            } else if self.row + 1 < self.rows.len() {
                self.row += 1;
                self.col = self.first_col(self.row);
            }
        } else if self.col > self.first_col(self.row) {
            self.col -= 1;
        } else if self.row > 0 {
            self.row -= 1;
            self.col = 2;
        }
        self.refocus();
    }

    fn move_row(&mut self, down: bool) {
        self.row = if down {
            (self.row + 1).min(self.rows.len().saturating_sub(1))
        } else {
            self.row.saturating_sub(1)
        };
        self.col = self.col.max(self.first_col(self.row));
        self.refocus();
    }

    fn add_area(&mut self) {
        self.rows.push(CheckInRow::new("", false, None, ""));
        self.row = self.rows.len() - 1;
        self.col = 0;
        self.refocus();
    }

    /// The check-in as typed: only rated areas; `None` when nothing was rated.
    pub fn to_check_in(&self, at: Timestamp) -> Result<Option<CheckIn>, String> {
        let mut ratings = Vec::new();
        for r in &self.rows {
            let Some(rating) = parse_rating(&r.rating.text()).map_err(|e| e.to_string())? else {
                continue;
            };
            let name = r.area.text();
            let area = name.trim();
            if area.is_empty() {
                return Err("Give the area they added a name, or clear its rating.".into());
            }
            ratings.push(AreaRating::new(area, rating, r.why.text().trim()));
        }
        if ratings.is_empty() {
            return Ok(None);
        }
        CheckIn::new(at, ratings)
            .map(Some)
            .map_err(|e| e.to_string())
    }
}

/// Handles the check-in's keys while it is open, or opens it; `None` when not its action.
pub fn update(app: &mut App, action: &Action, now: Timestamp) -> Option<Vec<Effect>> {
    let live = app.live.as_mut()?;
    let Some(form) = live.check_in.as_mut() else {
        if matches!(action, Action::OpenCheckIn) {
            if live.session.is_group() {
                app.info("Check-ins are for one peer: use a one-on-one session.");
            } else {
                live.check_in = Some(Box::new(CheckInForm::new(live.session.check_in.as_ref())));
            }
            return Some(vec![]);
        }
        return None;
    };
    match action {
        Action::Input(key) => {
            let (row, col) = (form.row, form.col);
            if let Some(r) = form.rows.get_mut(row) {
                let field = r.field_mut(col);
                let before = field.text();
                field.input(key.clone());
                // A rating outside 1-10 is refused as it is typed.
                if col == 1 && !rating_in_progress(field.text().trim()) {
                    field.set_text(&before);
                    form.error = Some("A rating is a whole number from 1 to 10.".into());
                } else {
                    form.error = None;
                }
            }
        }
        Action::NextField | Action::Submit => form.next(true),
        Action::PrevField => form.next(false),
        Action::Up => form.move_row(false),
        Action::Down => form.move_row(true),
        Action::AddItem => form.add_area(),
        Action::Save => match form.to_check_in(now) {
            Ok(check_in) => {
                let rated = check_in.as_ref().map_or(0, |c| c.ratings.len());
                live.session.check_in = check_in;
                live.check_in = None;
                live.dirty = true;
                app.info(match rated {
                    0 => "Nothing rated: no check-in kept.".to_string(),
                    n => format!("Check-in kept: {n} area(s) rated."),
                });
            }
            Err(e) => form.error = Some(e),
        },
        Action::Back => {
            live.check_in = None;
            app.info("Check-in skipped.");
        }
        _ => {}
    }
    Some(vec![])
}
