//! The deserializing side: boa strings and property keys for record strings.

use boa_engine::JsString;
use boa_engine::property::PropertyKey;
use boa_engine::string::JsStr;
use postern_clone::RecordString;

use super::{DirectMap, MAX_SHARED_UNITS, address_hash, property_key, record_address};

/// The boa strings and keys made for record strings.
#[derive(Default)]
pub(crate) struct BoaStrings {
    /// Strings made so far, by the address of the record string they were made from.
    strings: DirectMap<RecordString, JsString, 10>,
    /// Property keys made so far, likewise.
    keys: DirectMap<RecordString, PropertyKey, 8>,
    /// Room to narrow a string to Latin-1 in.
    scratch: Vec<u8>,
}

impl BoaStrings {
    /// A boa string with the code units of `string` (the one made before for the same
    /// shared record string, if the table still has it).
    pub(crate) fn string(&mut self, string: &RecordString) -> JsString {
        if string.len() > MAX_SHARED_UNITS {
            return self.make(string.as_units());
        }
        let address = address_hash(record_address(string));
        if let Some(made) = self
            .strings
            .get(address, |made_from| RecordString::ptr_eq(made_from, string))
        {
            return made.clone();
        }
        let made = self.make(string.as_units());
        self.strings.put(address, string.clone(), made.clone());
        made
    }

    /// The property key whose string is `key` (the one made before for the same shared
    /// record string, if the table still has it).
    pub(crate) fn key(&mut self, key: &RecordString) -> PropertyKey {
        if key.len() > MAX_SHARED_UNITS {
            return property_key(key.as_units());
        }
        let address = address_hash(record_address(key));
        if let Some(made) = self
            .keys
            .get(address, |made_from| RecordString::ptr_eq(made_from, key))
        {
            return made.clone();
        }
        let made = match property_key(key.as_units()) {
            PropertyKey::String(_) => PropertyKey::String(self.make(key.as_units())),
            other => other,
        };
        self.keys.put(address, key.clone(), made.clone());
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
    }

    #[test]
    fn strings_that_lost_their_slots_are_made_again() {
        let mut strings = BoaStrings::default();
        let records: Vec<RecordString> = (0..3000)
            .map(|i| RecordString::from(format!("r{i}").as_str()))
            .collect();
        let made: Vec<JsString> = records.iter().map(|r| strings.string(r)).collect();
        for (record, first) in records.iter().zip(&made) {
            assert_eq!(&strings.string(record), first);
            assert_eq!(
                strings.key(record),
                PropertyKey::from(first.clone()),
                "keys too"
            );
        }
    }
}
