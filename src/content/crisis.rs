//! Crisis lines and local resources, always one key away in the app.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrisisResources {
    /// A short note shown above the list.
    pub intro: String,
    /// Lines that are the same everywhere the app is used (988, Veterans Crisis Line, 911).
    pub national: Vec<CrisisResource>,
    /// Resources an organization adds through an override file. Empty in the built-in content.
    #[serde(default)]
    pub local: Vec<CrisisResource>,
}

impl CrisisResources {
    /// Local resources first (an organization knows its own community best), then national.
    pub fn all(&self) -> impl Iterator<Item = &CrisisResource> {
        self.local.iter().chain(self.national.iter())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrisisResource {
    pub id: String,
    pub name: String,
    /// Who it is for and when to use it.
    pub description: String,
    pub contacts: Vec<Contact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub method: ContactMethod,
    /// The number, address or place, exactly as a person would use it.
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactMethod {
    Call,
    Text,
    Chat,
    Web,
    Email,
    Visit,
}

impl ContactMethod {
    pub fn label(self) -> &'static str {
        match self {
            ContactMethod::Call => "Call",
            ContactMethod::Text => "Text",
            ContactMethod::Chat => "Chat",
            ContactMethod::Web => "Web",
            ContactMethod::Email => "Email",
            ContactMethod::Visit => "Visit",
        }
    }
}

/// The shape of `assets/crisis.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CrisisFile {
    pub crisis: CrisisResources,
}

impl CrisisResource {
    /// "988 Suicide & Crisis Lifeline: Call 988 · Text 988 · Chat 988lifeline.org", for
    /// places with room for one line per resource.
    pub fn one_line(&self) -> String {
        let contacts: Vec<String> = self
            .contacts
            .iter()
            .map(|c| match &c.note {
                Some(note) => format!("{} {} ({note})", c.method.label(), c.value),
                None => format!("{} {}", c.method.label(), c.value),
            })
            .collect();
        format!("{}: {}", self.name, contacts.join(" · "))
    }
}
