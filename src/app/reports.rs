//! The Reports screen: this week, this month or a typed range, moved a period at a time;
//! the figures come from the store (the session index and the activity log).

use chrono::Duration;

use super::field::Field;
use super::{Action, App, Effect, Screen};
use crate::domain::Timestamp;
use crate::domain::report::{DayRange, Report};
use crate::domain::summary::parse_date;

/// What the range is, so "previous / next" moves by the right step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week,
    Month,
    Custom,
}

pub struct ReportsView {
    pub period: Period,
    pub range: DayRange,
    pub report: Option<Report>,
    pub scroll: u16,
    /// Typing a range: from, to, and which has the cursor.
    pub custom: Option<([Field; 2], usize)>,
    pub error: Option<String>,
}

impl ReportsView {
    fn new(today: chrono::NaiveDate) -> ReportsView {
        ReportsView {
            period: Period::Month,
            range: DayRange::month_of(today),
            report: None,
            scroll: 0,
            custom: None,
            error: None,
        }
    }
}

fn load(app: &mut App) -> Vec<Effect> {
    let Some(view) = app.reports.as_mut() else {
        return vec![];
    };
    view.scroll = 0;
    vec![Effect::LoadReport(view.range)]
}

pub fn opened(app: &mut App, now: Timestamp) -> Vec<Effect> {
    app.screen = Screen::Reports;
    if app.reports.is_none() {
        app.reports = Some(ReportsView::new(now.date_naive()));
    }
    load(app)
}

pub fn loaded(app: &mut App, report: Report) {
    if let Some(view) = app.reports.as_mut()
        && view.range.from == report.from
        && view.range.to == report.to
    {
        view.report = Some(report);
        view.error = None;
    }
}

pub fn update(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let today = now.date_naive();
    let Some(view) = app.reports.as_mut() else {
        app.screen = Screen::Home;
        return vec![];
    };
    if let Some((fields, focus)) = view.custom.as_mut() {
        match action {
            Action::Input(key) => {
                if let Some(f) = fields.get_mut(*focus) {
                    f.input(key);
                }
                view.error = None;
            }
            Action::NextField | Action::PrevField => {
                *focus = 1 - (*focus).min(1);
                for (i, f) in fields.iter_mut().enumerate() {
                    f.set_focused(i == *focus);
                }
            }
            Action::Submit | Action::Save => {
                let parse = |f: &Field| parse_date(&f.text(), today);
                let range = match (parse(&fields[0]), parse(&fields[1])) {
                    (Ok(Some(from)), Ok(Some(to))) => {
                        DayRange::new(from, to).map_err(|e| e.to_string())
                    }
                    (Err(e), _) | (_, Err(e)) => Err(e),
                    _ => Err("Give both days, as YYYY-MM-DD.".to_string()),
                };
                match range {
                    Ok(r) => {
                        view.range = r;
                        view.period = Period::Custom;
                        view.custom = None;
                        view.report = None;
                        return load(app);
                    }
                    Err(e) => view.error = Some(e.replace("--from", "From").replace("--to", "to")),
                }
            }
            Action::Back => {
                view.custom = None;
                view.error = None;
            }
            _ => {}
        }
        return vec![];
    }
    match action {
        Action::Up => {
            view.scroll = view.scroll.saturating_sub(1);
            return vec![];
        }
        Action::Down => {
            view.scroll = view.scroll.saturating_add(1);
            return vec![];
        }
        Action::ShowWeek => {
            view.period = Period::Week;
            view.range = DayRange::week_of(today);
        }
        Action::ShowMonth => {
            view.period = Period::Month;
            view.range = DayRange::month_of(today);
        }
        Action::PrevValue | Action::NextValue => {
            let forward = matches!(action, Action::NextValue);
            let r = view.range;
            view.range = match view.period {
                Period::Week => {
                    let d = if forward { 7 } else { -7 };
                    DayRange::week_of(r.from + Duration::days(d))
                }
                Period::Month => DayRange::month_of(if forward {
                    r.to + Duration::days(1)
                } else {
                    r.from - Duration::days(1)
                }),
                Period::Custom => {
                    let days = i64::from(r.days());
                    let d = if forward { days } else { -days };
                    DayRange {
                        from: r.from + Duration::days(d),
                        to: r.to + Duration::days(d),
                    }
                }
            };
        }
        Action::EditItem => {
            let mut from = Field::single("YYYY-MM-DD").with_text(&view.range.from.to_string());
            from.set_focused(true);
            let to = Field::single("YYYY-MM-DD").with_text(&view.range.to.to_string());
            view.custom = Some(([from, to], 0));
            return vec![];
        }
        Action::Back => {
            app.screen = Screen::Home;
            return vec![];
        }
        _ => return vec![],
    }
    if let Some(v) = app.reports.as_mut()
        && v.report
            .as_ref()
            .is_some_and(|r| r.from != v.range.from || r.to != v.range.to)
    {
        v.report = None;
    }
    load(app)
}
