//! A short string that can be a slice of a larger shared one, so that the one-line previews
//! of 100,000 sessions read together take one allocation instead of one each.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// Derefs to `str`; cloning shares the text. Written and read as a plain JSON string.
#[derive(Clone)]
pub struct SharedStr {
    all: Arc<str>,
    start: u32,
    end: u32,
}

impl SharedStr {
    /// The part `start..end` (byte offsets on character boundaries) of `all`; `None`
    /// when the range does not fit.
    pub fn slice(all: &Arc<str>, start: usize, end: usize) -> Option<SharedStr> {
        all.get(start..end)?;
        Some(SharedStr {
            all: Arc::clone(all),
            start: u32::try_from(start).ok()?,
            end: u32::try_from(end).ok()?,
        })
    }
}

impl Default for SharedStr {
    fn default() -> Self {
        SharedStr::from("")
    }
}

impl std::ops::Deref for SharedStr {
    type Target = str;
    fn deref(&self) -> &str {
        // The range was checked when made.
        self.all
            .get(self.start as usize..self.end as usize)
            .unwrap_or_default()
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> Self {
        SharedStr::from(Arc::<str>::from(s))
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> Self {
        SharedStr::from(Arc::<str>::from(s))
    }
}

impl From<Arc<str>> for SharedStr {
    fn from(all: Arc<str>) -> Self {
        // A string past 4 GB is cut rather than refused: previews are short.
        let end = u32::try_from(all.len()).unwrap_or(0);
        SharedStr { all, start: 0, end }
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Eq for SharedStr {}

impl std::fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

impl std::fmt::Display for SharedStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

impl<'de> Deserialize<'de> for SharedStr {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(SharedStr::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_share_one_string_and_read_as_plain_strings() {
        let all: Arc<str> = Arc::from("héllo world");
        let a = SharedStr::slice(&all, 0, 6).expect("fits");
        let b = SharedStr::slice(&all, 7, 12).expect("fits");
        assert_eq!(&*a, "héllo");
        assert_eq!(&*b, "world");
        assert!(SharedStr::slice(&all, 2, 4).is_none(), "inside a character");
        assert!(SharedStr::slice(&all, 7, 40).is_none());
        assert_eq!(serde_json::to_string(&a).expect("encode"), "\"héllo\"");
        let back: SharedStr = serde_json::from_str("\"héllo\"").expect("decode");
        assert_eq!(back, a);
        assert_eq!(Arc::strong_count(&all), 3);
    }
}
