//! The record's `[[Properties]]` as StructuredDeserialize reads them: borrowed from the
//! record, or moved out of an owned one.

use crate::record::{
    ObjectIndex, PropertyRange, RecordString, RecordValue, RecordVec, SerializedRecord,
};

/// Every Object's and Array's `[[Properties]]`, by position in the record.
///
/// Moved out of an owned record, each value is taken when it is deserialized and each key
/// when its object is done, so strings and keys change hands without touching their
/// reference counts. That needs every object to have a run of its own (runs that overlap,
/// which only a record built by hand can have, keep the borrowed form).
pub(crate) enum PropertyStore<'r> {
    /// Read in place (the record stays whole).
    Borrowed(&'r [(RecordString, RecordValue)]),
    /// Moved out of the record: a key is `None` once its object took it.
    Owned(RecordVec<(Option<RecordString>, RecordValue)>),
}

/// A property value to deserialize: read in place, or moved out.
pub(crate) enum PropertyValue<'r> {
    /// A value still in the record.
    Borrowed(&'r RecordValue),
    /// A value moved out of an owned record.
    Moved(RecordValue),
}

impl<'r> PropertyStore<'r> {
    /// The properties of `record`, read in place.
    pub(crate) fn borrowed(record: &'r SerializedRecord) -> Self {
        PropertyStore::Borrowed(&record.properties)
    }

    /// The properties moved out of an owned `record`, if every Object and Array there has a
    /// run of its own, after the previous one's and within the properties (as serialization
    /// writes them); else `None`, and the record keeps them.
    pub(crate) fn take(record: &mut SerializedRecord) -> Option<PropertyStore<'static>> {
        if record.misplaced_property_run().is_some() {
            return None;
        }
        let properties = std::mem::take(&mut record.properties);
        // (The same layout: a single property stays inline, a `Vec`'s are collected in
        // place, without a new allocation.)
        let owned = properties.map(|(k, v)| (Some(k), v));
        Some(PropertyStore::Owned(owned))
    }

    /// How many properties there are.
    pub(crate) fn len(&self) -> usize {
        match self {
            PropertyStore::Borrowed(properties) => properties.len(),
            PropertyStore::Owned(properties) => properties.len(),
        }
    }

    /// The positions of an Object's or Array's properties `range`, or `None` if they are
    /// not within the properties.
    pub(crate) fn run(&self, range: PropertyRange) -> Option<std::ops::Range<usize>> {
        range.positions().filter(|run| run.end <= self.len())
    }

    /// The value at `at` if it is a [simple primitive](Simple), moved out if the
    /// properties are owned; `None` if it is not (it stays where it is).
    pub(crate) fn take_simple(&mut self, at: usize) -> Option<Simple<'r>> {
        match self {
            PropertyStore::Borrowed(properties) => {
                let properties: &'r [(RecordString, RecordValue)] = properties;
                Simple::of(&properties.get(at)?.1).ok()
            }
            PropertyStore::Owned(properties) => {
                let (_, slot) = properties.get_mut(at)?;
                match Simple::of_moved(std::mem::take(slot)) {
                    Ok(simple) => Some(simple),
                    Err(other) => {
                        *slot = other;
                        None
                    }
                }
            }
        }
    }

    /// The key at `at`, while its object is not done.
    pub(crate) fn key(&self, at: usize) -> Option<&RecordString> {
        match self {
            PropertyStore::Borrowed(properties) => properties.get(at).map(|(key, _)| key),
            PropertyStore::Owned(properties) => properties.get(at)?.0.as_ref(),
        }
    }

    /// The value at `at`, moved out if the properties are owned (each is deserialized once:
    /// its run is its object's alone).
    pub(crate) fn value(&mut self, at: usize) -> Option<PropertyValue<'r>> {
        match self {
            PropertyStore::Borrowed(properties) => {
                let properties: &'r [(RecordString, RecordValue)] = properties;
                properties
                    .get(at)
                    .map(|(_, value)| PropertyValue::Borrowed(value))
            }
            PropertyStore::Owned(properties) => properties
                .get_mut(at)
                .map(|(_, value)| PropertyValue::Moved(std::mem::take(value))),
        }
    }
}

/// A simple primitive: undefined, null, a Boolean, a Number or a String, which
/// deserializes (step 5) without a check, cannot fail and starts no object.
pub(crate) enum Simple<'r> {
    /// `undefined`.
    Undefined,
    /// `null`.
    Null,
    /// A Boolean.
    Boolean(bool),
    /// A Number.
    Number(f64),
    /// A String still in the record.
    String(&'r RecordString),
    /// A String moved out of an owned record.
    MovedString(RecordString),
}

/// A primitive that is not [simple](Simple), or an object.
pub(crate) enum NotSimple<'r> {
    /// A BigInt's digits (not yet checked).
    BigInt(&'r str),
    /// An object record.
    Object(ObjectIndex),
}

impl<'r> Simple<'r> {
    /// `value` as a simple primitive, or what else it is.
    pub(crate) fn of(value: &'r RecordValue) -> Result<Self, NotSimple<'r>> {
        Ok(match value {
            RecordValue::Undefined => Simple::Undefined,
            RecordValue::Null => Simple::Null,
            RecordValue::Boolean(b) => Simple::Boolean(*b),
            RecordValue::Number(n) => Simple::Number(*n),
            RecordValue::String(s) => Simple::String(s),
            RecordValue::BigInt(digits) => return Err(NotSimple::BigInt(digits)),
            RecordValue::Object(index) => return Err(NotSimple::Object(*index)),
        })
    }

    /// `value`, moved out of an owned record, as a simple primitive, or `value` back if it
    /// is not one.
    pub(crate) fn of_moved(value: RecordValue) -> Result<Self, RecordValue> {
        Ok(match value {
            RecordValue::Undefined => Simple::Undefined,
            RecordValue::Null => Simple::Null,
            RecordValue::Boolean(b) => Simple::Boolean(b),
            RecordValue::Number(n) => Simple::Number(n),
            RecordValue::String(s) => Simple::MovedString(s),
            other @ (RecordValue::BigInt(_) | RecordValue::Object(_)) => return Err(other),
        })
    }
}
