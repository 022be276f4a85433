//! The specialist's settings: who writes the notes and for which service. Kept in
//! `settings.toml` in the platform config folder; read and written by `crate::storage::settings`.

use serde::{Deserialize, Serialize};

/// Days between check-ins when a peer has no interval of their own.
pub const DEFAULT_CHECK_IN_DAYS: u32 = 7;
/// The longest a text setting may be, in characters.
pub const MAX_TEXT_CHARS: usize = 120;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// The specialist's name as it goes on a progress note.
    pub name: String,
    /// e.g. "CPS".
    pub credential: String,
    pub organisation: String,
    /// e.g. "Peer support services".
    pub service_name: String,
    /// The billing or service code, e.g. "H0038".
    pub service_code: String,
    /// Days between check-ins for a peer with no interval of their own (1 to 365).
    pub check_in_days: u32,
    /// The progress note layout used when none is named (an id from the layouts).
    pub progress_layout: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            name: String::new(),
            credential: String::new(),
            organisation: String::new(),
            service_name: "Peer support".to_string(),
            service_code: String::new(),
            check_in_days: DEFAULT_CHECK_IN_DAYS,
            progress_layout: "girp".to_string(),
        }
    }
}

/// A settings file that cannot be used, with where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct SettingsError {
    pub line: usize,
    pub message: String,
}

/// One field of the settings form and `alongside settings`, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingField {
    Name,
    Credential,
    Organisation,
    ServiceName,
    ServiceCode,
    CheckInDays,
}

impl SettingField {
    pub const ALL: [SettingField; 6] = [
        SettingField::Name,
        SettingField::Credential,
        SettingField::Organisation,
        SettingField::ServiceName,
        SettingField::ServiceCode,
        SettingField::CheckInDays,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SettingField::Name => "Your name",
            SettingField::Credential => "Credential (e.g. CPS)",
            SettingField::Organisation => "Organisation",
            SettingField::ServiceName => "Service name",
            SettingField::ServiceCode => "Service code",
            SettingField::CheckInDays => "Check in every (days)",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            SettingField::Name => "name",
            SettingField::Credential => "credential",
            SettingField::Organisation => "organisation",
            SettingField::ServiceName => "service_name",
            SettingField::ServiceCode => "service_code",
            SettingField::CheckInDays => "check_in_days",
        }
    }
}

impl Settings {
    /// Reads settings text. Missing keys take their defaults; a key that is not known, a
    /// wrong type or an out-of-range value is an error with its line.
    pub fn parse(src: &str) -> Result<Settings, SettingsError> {
        let settings: Settings = toml::from_str(src).map_err(|e| {
            let line = e
                .span()
                .map(|s| src[..s.start.min(src.len())].matches('\n').count() + 1)
                .unwrap_or(1);
            SettingsError {
                line,
                message: e.message().trim().to_string(),
            }
        })?;
        if let Err(message) = settings.check() {
            let key = if message.contains("check-in") {
                "check_in_days"
            } else {
                ""
            };
            let line = src
                .lines()
                .position(|l| !key.is_empty() && l.trim_start().starts_with(key))
                .map(|i| i + 1)
                .unwrap_or(1);
            return Err(SettingsError { line, message });
        }
        Ok(settings)
    }

    /// The settings as `settings.toml` holds them.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }

    /// Checks every value.
    pub fn check(&self) -> Result<(), String> {
        if !(1..=365).contains(&self.check_in_days) {
            return Err(format!(
                "the check-in interval must be 1 to 365 days, not {}",
                self.check_in_days
            ));
        }
        for f in SettingField::ALL {
            if f != SettingField::CheckInDays && self.get(f).chars().count() > MAX_TEXT_CHARS {
                return Err(format!(
                    "{} is longer than {MAX_TEXT_CHARS} characters",
                    f.label()
                ));
            }
        }
        Ok(())
    }

    pub fn get(&self, f: SettingField) -> String {
        match f {
            SettingField::Name => self.name.clone(),
            SettingField::Credential => self.credential.clone(),
            SettingField::Organisation => self.organisation.clone(),
            SettingField::ServiceName => self.service_name.clone(),
            SettingField::ServiceCode => self.service_code.clone(),
            SettingField::CheckInDays => self.check_in_days.to_string(),
        }
    }

    /// Sets one field from typed text.
    pub fn set(&mut self, f: SettingField, value: &str) -> Result<(), String> {
        let v = value.trim().to_string();
        match f {
            SettingField::Name => self.name = v,
            SettingField::Credential => self.credential = v,
            SettingField::Organisation => self.organisation = v,
            SettingField::ServiceName => self.service_name = v,
            SettingField::ServiceCode => self.service_code = v,
            SettingField::CheckInDays => {
                self.check_in_days = v
                    .parse()
                    .ok()
                    .filter(|d| (1..=365).contains(d))
                    .ok_or_else(|| "Check-in interval: a number of days, 1 to 365.".to_string())?
            }
        }
        self.check()
    }

    /// "Name, CPS, Organisation", leaving out what is blank.
    pub fn provider_line(&self) -> String {
        [&self.name, &self.credential, &self.organisation]
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// "Service name (code)".
    pub fn service_line(&self) -> String {
        match (self.service_name.trim(), self.service_code.trim()) {
            ("", "") => String::new(),
            (n, "") => n.to_string(),
            ("", c) => c.to_string(),
            (n, c) => format!("{n} ({c})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_keys_take_defaults_and_round_trip() {
        let s = Settings::parse("name = \"Sam R\"\ncredential = \"CPS\"\n").expect("ok");
        assert_eq!(s.name, "Sam R");
        assert_eq!(s.check_in_days, DEFAULT_CHECK_IN_DAYS);
        assert_eq!(Settings::parse(&s.to_toml()).expect("round trip"), s);
        assert_eq!(s.provider_line(), "Sam R, CPS");
    }

    #[test]
    fn bad_files_are_reported_with_their_line() {
        let e = Settings::parse("name = \"A\"\n\nnmae = \"B\"\n").expect_err("unknown key");
        assert_eq!(e.line, 3, "{e}");
        let e = Settings::parse("name = \"A\"\ncheck_in_days = 0\n").expect_err("range");
        assert_eq!(e.line, 2, "{e}");
        assert!(e.message.contains("1 to 365"));
        let e = Settings::parse("check_in_days = \"x\"\n").expect_err("type");
        assert_eq!(e.line, 1);
    }

    #[test]
    fn setting_a_field_checks_it() {
        let mut s = Settings::default();
        assert!(s.set(SettingField::CheckInDays, "400").is_err());
        s.set(SettingField::CheckInDays, " 14 ").expect("ok");
        assert_eq!(s.check_in_days, 14);
        s.set(SettingField::ServiceCode, "H0038").expect("ok");
        assert_eq!(s.service_line(), "Peer support (H0038)");
    }
}
