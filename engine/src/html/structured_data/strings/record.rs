//! The serializing side: record strings for boa strings and property keys.

use boa_engine::JsString;
use boa_engine::property::PropertyKey;
use boa_engine::string::JsStrVariant;
use postern_clone::RecordString;

use super::{
    DirectMap, MAX_SHARED_UNITS, address_hash, content_hash, js_identity, property_key,
    record_address,
};

/// Array indices below this have their key strings made once (`"0"`, `"1"`, ...).
const SHARED_INDICES: u32 = 1024;

/// The record strings made for boa strings and keys.
#[derive(Default)]
pub(crate) struct RecordStrings {
    /// By the boa string they were made for (its units' address): the same string met
    /// again, as a shape's key or a literal's value is, costs one comparison.
    by_identity: DirectMap<JsString, RecordString, 10>,
    /// By content: an equal string made elsewhere (`'t' + i` in a loop) shares the record
    /// string made first.
    by_content: DirectMap<JsString, RecordString, 10>,
    /// The property key each key string stands for, by the record string's address.
    keys: DirectMap<RecordString, PropertyKey, 8>,
    /// The key strings of the array indices below [`SHARED_INDICES`] met so far.
    indices: Vec<Option<RecordString>>,
    /// Room to widen a Latin-1 string into before it is copied.
    scratch: Vec<u16>,
}

impl RecordStrings {
    /// The code units of `string`, shared with the same or an equal string made before.
    pub(crate) fn string(&mut self, string: &JsString) -> RecordString {
        if string.len() > MAX_SHARED_UNITS {
            return self.copy(string);
        }
        let identity = js_identity(string);
        let by_identity = address_hash(identity.0);
        if let Some(made) = self
            .by_identity
            .get(by_identity, |made| js_identity(made) == identity)
        {
            return made.clone();
        }
        let by_content = content_hash(&string.as_str());
        let made = match self.by_content.get(by_content, |made| made == string) {
            Some(made) => made.clone(),
            None => {
                let made = self.copy(string);
                self.by_content
                    .put(by_content, string.clone(), made.clone());
                made
            }
        };
        self.by_identity
            .put(by_identity, string.clone(), made.clone());
        made
    }

    /// The record string of a property key (`None` for a Symbol), remembered so that
    /// [`property_key`](Self::property_key) gives `key` back without making it again.
    pub(crate) fn key(&mut self, key: &PropertyKey) -> Option<RecordString> {
        match key {
            PropertyKey::Symbol(_) => None,
            PropertyKey::Index(index) => Some(self.index(index.get())),
            PropertyKey::String(name) => {
                let made = self.string(name);
                let address = record_address(&made);
                let known = self
                    .keys
                    .get(address_hash(address), |known| {
                        RecordString::ptr_eq(known, &made)
                    })
                    .is_some();
                if !known && made.len() <= MAX_SHARED_UNITS {
                    self.keys
                        .put(address_hash(address), made.clone(), key.clone());
                }
                Some(made)
            }
        }
    }

    /// The property key a record string from [`key`](Self::key) stands for.
    pub(crate) fn property_key(&mut self, key: &RecordString) -> PropertyKey {
        let address = address_hash(record_address(key));
        match self
            .keys
            .get(address, |known| RecordString::ptr_eq(known, key))
        {
            Some(property) => property.clone(),
            None => property_key(key.as_units()),
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

#[cfg(test)]
mod tests {
    use super::*;
    use boa_engine::JsSymbol;

    #[test]
    fn equal_strings_share_one_record_string() {
        let mut strings = RecordStrings::default();
        let a = strings.string(&JsString::from("alpha"));
        let b = strings.string(&JsString::from(&[0x61u16, 0x6c, 0x70, 0x68, 0x61][..]));
        assert_eq!(a.as_units(), "alpha".encode_utf16().collect::<Vec<_>>());
        assert_eq!(a, b, "Latin-1 and UTF-16 of one content");
        let alpha = JsString::from("alpha");
        let c = strings.string(&alpha);
        let d = strings.string(&alpha.clone());
        assert!(RecordString::ptr_eq(&c, &d), "the same boa string twice");
        let e = strings.string(&JsString::from("alpha"));
        assert!(
            RecordString::ptr_eq(&c, &e),
            "an equal boa string made elsewhere"
        );
        let long = JsString::from("x".repeat(MAX_SHARED_UNITS + 1).as_str());
        let f = strings.string(&long);
        let g = strings.string(&long);
        assert!(
            !RecordString::ptr_eq(&f, &g),
            "long strings are not remembered"
        );
        assert_eq!(f, g);
    }

    #[test]
    fn a_string_that_lost_its_slot_is_made_again_with_its_contents() {
        let mut strings = RecordStrings::default();
        let made: Vec<(JsString, RecordString)> = (0..5000)
            .map(|i| {
                let string = JsString::from(format!("s{i}").as_str());
                let record = strings.string(&string);
                (string, record)
            })
            .collect();
        for (string, record) in &made {
            let again = strings.string(string);
            assert_eq!(&again, record);
            assert_eq!(again.as_units(), string.to_vec().as_slice());
        }
        assert!(strings.by_identity.len() <= 1 << 10);
    }

    #[test]
    fn keys_come_back_as_the_same_property_keys() {
        let mut strings = RecordStrings::default();
        let name = PropertyKey::from(JsString::from("name"));
        let record = strings.key(&name).unwrap_or_default();
        assert_eq!(record, RecordString::from("name"));
        assert_eq!(strings.property_key(&record), name);

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
}
