//! Strings and property keys between boa and records, made once per clone each.
//!
//! A record holds strings as [`RecordString`]s (reference-counted UTF-16) and boa holds them
//! as [`JsString`]s, so each crossing is one copy of the code units. Values are full of the
//! same few keys (every element of `[{id, name}, ...]` has the keys `id` and `name`) and often
//! of the same short strings, so both sides remember what they made during one clone: the
//! serializing side gives equal strings one shared [`RecordString`], and the deserializing
//! side, meeting that same shared string again, gives back the [`JsString`] or
//! [`PropertyKey`] it made the first time. Nothing here is observable from script: strings
//! are immutable and compared by content.
//!
//! Both tables are bounded (entries and string length), so a value or record of many
//! distinct strings costs at most a bounded table, and their hashers are randomly seeded.

use std::collections::HashMap;

use boa_engine::JsString;
use boa_engine::property::PropertyKey;
use boa_engine::string::{JsStr, JsStrVariant};
use foldhash::fast::RandomState;
use postern_clone::RecordString;

/// How many strings a table remembers.
const MAX_ENTRIES: usize = 1 << 14;
/// Strings longer than this are made afresh each time (long strings seldom repeat, and
/// hashing them costs about what copying them does).
const MAX_SHARED_UNITS: usize = 64;
/// Array indices below this have their key strings made once (`"0"`, `"1"`, ...).
const SHARED_INDICES: u32 = 1024;

/// The address of a record string's code units: equal for clones of one string, and not
/// reused while a clone is held (each table holds the strings whose address it keeps).
fn address(string: &RecordString) -> usize {
    string.as_units().as_ptr() as usize
}

/// A [`PropertyKey`] from code units: an array index when they spell one, else a string.
fn property_key(units: &[u16]) -> PropertyKey {
    PropertyKey::from(JsStr::utf16(units))
}

/// The record strings of one serialization.
#[derive(Default)]
pub(super) struct RecordStrings {
    /// Strings made so far, by content.
    by_content: HashMap<JsString, RecordString, RandomState>,
    /// The property key each key string stands for, by the string's address.
    keys: HashMap<usize, (RecordString, PropertyKey), RandomState>,
    /// The key strings of the array indices below [`SHARED_INDICES`] met so far.
    indices: Vec<Option<RecordString>>,
    /// Room to widen a Latin-1 string into before it is copied.
    scratch: Vec<u16>,
}

impl RecordStrings {
    /// The code units of `string`, shared with an equal string made before in this clone.
    pub(super) fn string(&mut self, string: &JsString) -> RecordString {
        if string.len() > MAX_SHARED_UNITS {
            return self.copy(string);
        }
        if let Some(made) = self.by_content.get(string) {
            return made.clone();
        }
        let made = self.copy(string);
        if self.by_content.len() < MAX_ENTRIES {
            self.by_content.insert(string.clone(), made.clone());
        }
        made
    }

    /// The record string of a property key (`None` for a Symbol), remembered so that
    /// [`property_key`](Self::property_key) gives `key` back without making it again.
    pub(super) fn key(&mut self, key: &PropertyKey) -> Option<RecordString> {
        match key {
            PropertyKey::Symbol(_) => None,
            PropertyKey::Index(index) => Some(self.index(index.get())),
            PropertyKey::String(name) => {
                let made = self.string(name);
                if self.keys.len() < MAX_ENTRIES {
                    self.keys
                        .entry(address(&made))
                        .or_insert_with(|| (made.clone(), key.clone()));
                }
                Some(made)
            }
        }
    }

    /// The property key a record string from [`key`](Self::key) stands for.
    pub(super) fn property_key(&self, key: &RecordString) -> PropertyKey {
        match self.keys.get(&address(key)) {
            Some((made, property)) if RecordString::ptr_eq(made, key) => property.clone(),
            _ => property_key(key.as_units()),
        }
    }

    /// The key string of the array index `index` (its decimal digits).
    fn index(&mut self, index: u32) -> RecordString {
        let digits = || RecordString::from(index.to_string().as_str());
        if index >= SHARED_INDICES {
            return digits();
        }
        let slot = index as usize;
        if self.indices.len() <= slot {
            self.indices.resize(slot + 1, None);
        }
        match self.indices.get_mut(slot) {
            Some(Some(made)) => made.clone(),
            Some(empty) => empty.insert(digits()).clone(),
            None => digits(),
        }
    }

    /// The code units of `string`, copied once.
    fn copy(&mut self, string: &JsString) -> RecordString {
        match string.as_str().variant() {
            JsStrVariant::Utf16(units) => RecordString::from(units),
            JsStrVariant::Latin1(bytes) => {
                self.scratch.clear();
                self.scratch
                    .extend(bytes.iter().map(|&byte| u16::from(byte)));
                RecordString::from(self.scratch.as_slice())
            }
        }
    }
}

/// The boa strings and keys of one deserialization.
#[derive(Default)]
pub(super) struct BoaStrings {
    /// Strings made so far, by the address of the record string they were made from.
    strings: HashMap<usize, (RecordString, JsString), RandomState>,
    /// Property keys made so far, likewise.
    keys: HashMap<usize, (RecordString, PropertyKey), RandomState>,
    /// Room to narrow a string to Latin-1 in.
    scratch: Vec<u8>,
}

impl BoaStrings {
    /// A boa string with the code units of `string` (the one made before for the same
    /// shared record string, if any).
    pub(super) fn string(&mut self, string: &RecordString) -> JsString {
        if string.len() > MAX_SHARED_UNITS {
            return self.make(string.as_units());
        }
        if let Some((made_from, made)) = self.strings.get(&address(string))
            && RecordString::ptr_eq(made_from, string)
        {
            return made.clone();
        }
        let made = self.make(string.as_units());
        if self.strings.len() < MAX_ENTRIES {
            self.strings
                .insert(address(string), (string.clone(), made.clone()));
        }
        made
    }

    /// The property key whose string is `key` (the one made before for the same shared
    /// record string, if any).
    pub(super) fn key(&mut self, key: &RecordString) -> PropertyKey {
        if key.len() > MAX_SHARED_UNITS {
            return property_key(key.as_units());
        }
        if let Some((made_from, made)) = self.keys.get(&address(key))
            && RecordString::ptr_eq(made_from, key)
        {
            return made.clone();
        }
        let made = match property_key(key.as_units()) {
            PropertyKey::String(_) => PropertyKey::String(self.make(key.as_units())),
            other => other,
        };
        if self.keys.len() < MAX_ENTRIES {
            self.keys.insert(address(key), (key.clone(), made.clone()));
        }
        made
    }

    /// A boa string of `units`, stored as Latin-1 when every unit fits (as boa stores
    /// the strings of a script's source), else as UTF-16.
    fn make(&mut self, units: &[u16]) -> JsString {
        self.scratch.clear();
        for &unit in units {
            match u8::try_from(unit) {
                Ok(byte) => self.scratch.push(byte),
                Err(_) => return JsString::from(units),
            }
        }
        JsString::from(JsStr::latin1(&self.scratch))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use boa_engine::JsSymbol;

    #[test]
    fn equal_strings_share_one_record_string() {
        let mut strings = RecordStrings::default();
        let a = strings.string(&JsString::from("alpha"));
        let b = strings.string(&JsString::from(&[0x61u16, 0x6c, 0x70, 0x68, 0x61][..]));
        assert!(
            RecordString::ptr_eq(&a, &b),
            "Latin-1 and UTF-16 of one content"
        );
        assert_eq!(a.as_units(), "alpha".encode_utf16().collect::<Vec<_>>());
        let long = JsString::from("x".repeat(MAX_SHARED_UNITS + 1).as_str());
        let c = strings.string(&long);
        let d = strings.string(&long);
        assert!(
            !RecordString::ptr_eq(&c, &d),
            "long strings are not remembered"
        );
        assert_eq!(c, d);
    }

    #[test]
    fn keys_come_back_as_the_same_property_keys() {
        let mut strings = RecordStrings::default();
        let name = PropertyKey::from(JsString::from("name"));
        let record = strings.key(&name).unwrap_or_default();
        assert_eq!(record, RecordString::from("name"));
        assert_eq!(strings.property_key(&record), name);
        assert!(
            strings
                .keys
                .get(&address(&record))
                .is_some_and(|(made, key)| RecordString::ptr_eq(made, &record) && *key == name),
            "the key is remembered with the property key it stands for"
        );

        let index = PropertyKey::from(7u32);
        let seven = strings.key(&index).unwrap_or_default();
        assert_eq!(seven, RecordString::from("7"));
        let again = strings.key(&index).unwrap_or_default();
        assert!(
            RecordString::ptr_eq(&seven, &again),
            "small indices are made once"
        );
        assert_eq!(strings.property_key(&seven), index);

        let big = PropertyKey::from(4_000_000_000u32);
        let big_record = strings.key(&big).unwrap_or_default();
        assert_eq!(big_record, RecordString::from("4000000000"));
        assert_eq!(strings.property_key(&big_record), big);

        let other = RecordString::from("other");
        let expected = PropertyKey::from(JsString::from("other"));
        assert_eq!(
            strings.property_key(&other),
            expected,
            "a key made elsewhere"
        );
        assert_eq!(strings.key(&PropertyKey::from(JsSymbol::iterator())), None);
    }

    #[test]
    fn shared_record_strings_give_one_boa_string() {
        let mut strings = BoaStrings::default();
        let shared = RecordString::from("beta");
        let a = strings.string(&shared);
        let b = strings.string(&shared.clone());
        assert_eq!(a, JsString::from("beta"));
        assert_eq!(a, b);
        assert_eq!(
            strings.strings.len(),
            1,
            "made once for the shared record string"
        );
        assert!(strings.strings.contains_key(&address(&shared)));
        let lone = RecordString::from(vec![0xD800, 0x61]);
        assert_eq!(strings.string(&lone).to_vec(), vec![0xD800, 0x61]);
        let wide = RecordString::from("\u{263a}");
        assert_eq!(strings.string(&wide), JsString::from("\u{263a}"));
        assert_eq!(
            strings.key(&RecordString::from("12")),
            PropertyKey::from(12u32)
        );
        let not_index = PropertyKey::from(JsString::from("012"));
        assert_eq!(strings.key(&RecordString::from("012")), not_index);
        let key = RecordString::from("id");
        assert_eq!(strings.key(&key), PropertyKey::from(JsString::from("id")));
        let made = strings.keys.len();
        assert_eq!(strings.key(&key), PropertyKey::from(JsString::from("id")));
        assert_eq!(
            strings.keys.len(),
            made,
            "the second time, the key made before"
        );
        assert!(strings.keys.contains_key(&address(&key)));
    }
}
