//! A passphrase held in memory: wiped when dropped, never shown by `Debug`.

use std::fmt;

use zeroize::Zeroizing;

/// A passphrase the person typed (or a script passed). Its memory is overwritten with zeros
/// when the last copy is dropped, and `Debug` prints a placeholder, so a stray `{:?}` in a
/// log or a panic message can never reveal it.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    pub fn new(text: String) -> Passphrase {
        Passphrase(Zeroizing::new(text))
    }

    /// The text, for handing to the key derivation. Keep the borrow short.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<String> for Passphrase {
    fn from(text: String) -> Passphrase {
        Passphrase::new(text)
    }
}

impl From<&str> for Passphrase {
    fn from(text: &str) -> Passphrase {
        Passphrase::new(text.to_string())
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase([hidden])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_text() {
        let p = Passphrase::from("correct horse");
        assert_eq!(format!("{p:?}"), "Passphrase([hidden])");
        assert_eq!(p.expose(), "correct horse");
    }
}
