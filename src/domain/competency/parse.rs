//! Reading dates and hours as people type them, and showing hours back.

use chrono::NaiveDate;

use super::CompetencyError;

/// A date typed as `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<NaiveDate, CompetencyError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| CompetencyError::BadDate)
}

/// Minutes from `1.5` (hours), `1:30` (hours and minutes), `90m` / `90 min` (minutes) or
/// `2h`. Rounded to the nearest minute.
pub fn parse_hours(text: &str) -> Result<u32, CompetencyError> {
    let t = text.trim().to_lowercase();
    let bad = || CompetencyError::BadHours;
    if t.is_empty() {
        return Err(bad());
    }
    let minutes: f64 = if let Some((h, m)) = t.split_once(':') {
        let h: u32 = h.trim().parse().map_err(|_| bad())?;
        let m: u32 = m.trim().parse().map_err(|_| bad())?;
        if m >= 60 {
            return Err(bad());
        }
        f64::from(h) * 60.0 + f64::from(m)
    } else if let Some(m) = ["minutes", "mins", "min", "m"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
    {
        m.trim().parse::<f64>().map_err(|_| bad())?
    } else {
        let h = ["hours", "hrs", "hr", "h"]
            .iter()
            .find_map(|s| t.strip_suffix(s))
            .unwrap_or(&t);
        h.trim().parse::<f64>().map_err(|_| bad())? * 60.0
    };
    if !minutes.is_finite() || minutes < 0.0 {
        return Err(bad());
    }
    if minutes > f64::from(super::MAX_MINUTES_PER_ENTRY) {
        return Err(CompetencyError::HoursOutOfRange);
    }
    Ok(minutes.round() as u32)
}

/// Minutes as decimal hours: `90` → `1.5`, `20` → `0.33`, `120` → `2`.
pub fn format_hours(minutes: u64) -> String {
    let hundredths = (minutes * 100 + 30) / 60;
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    match frac {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_in_the_forms_people_type() {
        assert_eq!(parse_hours("1.5"), Ok(90));
        assert_eq!(parse_hours(" 2 "), Ok(120));
        assert_eq!(parse_hours("1:30"), Ok(90));
        assert_eq!(parse_hours("0:45"), Ok(45));
        assert_eq!(parse_hours("90m"), Ok(90));
        assert_eq!(parse_hours("45 min"), Ok(45));
        assert_eq!(parse_hours("2h"), Ok(120));
        assert_eq!(parse_hours("0.25 hours"), Ok(15));
        assert_eq!(parse_hours("1:75"), Err(CompetencyError::BadHours));
        assert_eq!(parse_hours("lots"), Err(CompetencyError::BadHours));
        assert_eq!(parse_hours(""), Err(CompetencyError::BadHours));
        assert_eq!(parse_hours("-1"), Err(CompetencyError::BadHours));
        assert_eq!(parse_hours("NaN"), Err(CompetencyError::BadHours));
        assert_eq!(parse_hours("25"), Err(CompetencyError::HoursOutOfRange));
    }

    #[test]
    fn dates_and_hours_shown_back() {
        assert!(parse_date("2026-03-02").is_ok());
        assert_eq!(parse_date("3/2/2026"), Err(CompetencyError::BadDate));
        assert_eq!(parse_date("2026-02-30"), Err(CompetencyError::BadDate));
        assert_eq!(format_hours(90), "1.5");
        assert_eq!(format_hours(120), "2");
        assert_eq!(format_hours(20), "0.33");
        assert_eq!(format_hours(45), "0.75");
        assert_eq!(format_hours(0), "0");
        assert_eq!(format_hours(61), "1.02");
    }
}
