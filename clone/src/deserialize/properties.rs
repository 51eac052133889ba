//! The record's `[[Properties]]` as StructuredDeserialize reads them: borrowed from the
//! record, or moved out of an owned one.

use crate::record::{PropertyRange, RecordString, RecordValue, SerializedRecord};

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
    Owned(Vec<(Option<RecordString>, RecordValue)>),
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
    /// run of its own, after the previous one's (as serialization writes them); else
    /// `None`, and the record keeps them.
    pub(crate) fn take(record: &mut SerializedRecord) -> Option<PropertyStore<'static>> {
        let mut end = 0;
        for object in &record.objects {
            if let Some(run) = object.property_range().and_then(|range| range.positions()) {
                if run.start < end {
                    return None;
                }
                end = run.end;
            }
        }
        let properties = std::mem::take(&mut record.properties);
        // (The same layout: collected in place, without a new allocation.)
        let owned = properties.into_iter().map(|(k, v)| (Some(k), v)).collect();
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

    /// Whether the values in `run` are all simple primitives: undefined, null, Booleans,
    /// Numbers and Strings (deserializing them cannot fail or start an object).
    pub(crate) fn all_simple(&self, run: std::ops::Range<usize>) -> bool {
        let simple = |value: &RecordValue| {
            matches!(
                value,
                RecordValue::Undefined
                    | RecordValue::Null
                    | RecordValue::Boolean(_)
                    | RecordValue::Number(_)
                    | RecordValue::String(_)
            )
        };
        match self {
            PropertyStore::Borrowed(properties) => properties
                .get(run)
                .is_some_and(|run| run.iter().all(|(_, value)| simple(value))),
            PropertyStore::Owned(properties) => properties
                .get(run)
                .is_some_and(|run| run.iter().all(|(_, value)| simple(value))),
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
