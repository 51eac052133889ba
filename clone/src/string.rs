//! Strings as UTF-16 code units, so lone surrogates survive: [`CloneString`], owned (what the
//! host traits exchange), and [`RecordString`], shared by reference count (what records and
//! the native model hold, so a string or key moves between them in O(1)).

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A string as UTF-16 code units, so lone surrogates survive.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CloneString(pub Vec<u16>);

impl CloneString {
    /// The code units.
    pub fn as_units(&self) -> &[u16] {
        &self.0
    }
}

impl From<&str> for CloneString {
    fn from(value: &str) -> Self {
        CloneString(value.encode_utf16().collect())
    }
}

impl From<&RecordString> for CloneString {
    fn from(value: &RecordString) -> Self {
        CloneString(value.as_units().to_vec())
    }
}

impl From<RecordString> for CloneString {
    fn from(value: RecordString) -> Self {
        CloneString::from(&value)
    }
}

impl AsRef<[u16]> for CloneString {
    fn as_ref(&self) -> &[u16] {
        &self.0
    }
}

impl fmt::Display for CloneString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&String::from_utf16_lossy(&self.0))
    }
}

/// An immutable string as UTF-16 code units behind an atomic reference count: cloning one
/// shares the units (O(1), no allocation), so the same key or string can sit in a heap, a
/// record and another heap at once. `Send` and `Sync`, so records holding them can cross
/// threads.
///
/// Equality, ordering and hashing are those of the code units (equal pointers compare equal
/// without reading them). Encoded as a sequence of code units, exactly as a [`CloneString`]
/// is.
#[derive(Clone, Default, PartialOrd, Ord)]
pub struct RecordString(Arc<[u16]>);

impl PartialEq for RecordString {
    /// Shared units first, then the units. (`Arc`'s own `==` compares pointers first only
    /// for sized contents, so not for `[u16]`.)
    fn eq(&self, other: &Self) -> bool {
        RecordString::ptr_eq(self, other) || self.as_units() == other.as_units()
    }
}

impl Eq for RecordString {}

impl Hash for RecordString {
    /// The code units' hash (as [`Borrow<[u16]>`](Borrow) requires).
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_units().hash(state);
    }
}

impl RecordString {
    /// The code units.
    pub fn as_units(&self) -> &[u16] {
        &self.0
    }

    /// How many code units there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no code units.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `a` and `b` share their units (a clone of one another), not merely equal.
    pub fn ptr_eq(a: &RecordString, b: &RecordString) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl From<&str> for RecordString {
    fn from(value: &str) -> Self {
        RecordString(value.encode_utf16().collect())
    }
}

impl From<&[u16]> for RecordString {
    fn from(value: &[u16]) -> Self {
        RecordString(Arc::from(value))
    }
}

impl From<Vec<u16>> for RecordString {
    fn from(value: Vec<u16>) -> Self {
        RecordString(Arc::from(value))
    }
}

impl From<CloneString> for RecordString {
    fn from(value: CloneString) -> Self {
        RecordString::from(value.0)
    }
}

impl From<&CloneString> for RecordString {
    fn from(value: &CloneString) -> Self {
        RecordString::from(value.as_units())
    }
}

impl AsRef<[u16]> for RecordString {
    fn as_ref(&self) -> &[u16] {
        &self.0
    }
}

impl Borrow<[u16]> for RecordString {
    fn borrow(&self) -> &[u16] {
        &self.0
    }
}

impl PartialEq<CloneString> for RecordString {
    fn eq(&self, other: &CloneString) -> bool {
        self.as_units() == other.as_units()
    }
}

impl PartialEq<RecordString> for CloneString {
    fn eq(&self, other: &RecordString) -> bool {
        self.as_units() == other.as_units()
    }
}

impl fmt::Debug for RecordString {
    /// The string quoted when it is well-formed UTF-16, its code units otherwise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match String::from_utf16(&self.0) {
            Ok(text) => write!(f, "{text:?}"),
            Err(_) => write!(f, "{:?}", &*self.0),
        }
    }
}

impl fmt::Display for RecordString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&String::from_utf16_lossy(&self.0))
    }
}

impl Serialize for RecordString {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter())
    }
}

impl<'de> Deserialize<'de> for RecordString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<u16>::deserialize(deserializer).map(RecordString::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_as_a_clone_string_does() {
        let units = vec![0x61, 0xD800, 0x1234];
        let shared = postcard::to_allocvec(&RecordString::from(units.clone()));
        let owned = postcard::to_allocvec(&CloneString(units.clone()));
        assert_eq!(shared, owned);
        let bytes = owned.unwrap_or_default();
        let back: Result<RecordString, _> = postcard::from_bytes(&bytes);
        assert_eq!(back.map(|s| s.as_units().to_vec()), Ok(units));
    }

    #[test]
    fn clones_share_their_units() {
        let a = RecordString::from("key");
        let b = a.clone();
        assert!(RecordString::ptr_eq(&a, &b));
        assert_eq!(a, b);
        assert_eq!(a, RecordString::from("key"));
        assert_ne!(a, RecordString::from("kez"));
        // Hashed as its units, so a map keyed by RecordStrings is searched by units.
        let map = std::collections::HashMap::from([(a.clone(), 1)]);
        assert_eq!(map.get(&[0x6B, 0x65, 0x79][..]), Some(&1));
        assert!(!RecordString::ptr_eq(&a, &RecordString::from("key")));
        assert_eq!(a, CloneString::from("key"));
        assert_eq!(format!("{a:?}"), "\"key\"");
        assert_eq!(format!("{:?}", RecordString::from(vec![0xD800])), "[55296]");
    }
}
