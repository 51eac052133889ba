//! [`PropertySnapshot`]: step 26.4 of StructuredSerializeInternal in one host call, for an
//! object whose property reads cannot be observed.

use super::ValueKind;
use crate::record::{RecordString, RecordValue};

/// Where a host writes an object's own enumerable properties when it takes the fast path of
/// [`SerializeHost::snapshot_own_properties`](super::SerializeHost::snapshot_own_properties).
///
/// Primitives go straight into the record; an object value leaves a placeholder that the
/// walk fills when it reaches that property, exactly as it would have reached it one
/// `[[Get]]` at a time.
pub struct PropertySnapshot<'a, O> {
    /// The record's flat properties (the object's run is appended).
    pub(crate) properties: &'a mut Vec<(RecordString, RecordValue)>,
    /// The object values still to serialize, with where their placeholder is.
    pub(crate) objects: &'a mut Vec<(usize, O)>,
}

impl<O> PropertySnapshot<'_, O> {
    /// Appends the next property, `key` with the value `[[Get]]` gives, already classified.
    ///
    /// Returns false for a value the fast path cannot take (a Symbol, which fails to
    /// serialize): the host then returns false and the walk takes the slow path, which
    /// reports the error with its path.
    #[inline]
    pub fn push(&mut self, key: RecordString, value: ValueKind<O, RecordString>) -> bool {
        let value = match value {
            ValueKind::Undefined => RecordValue::Undefined,
            ValueKind::Null => RecordValue::Null,
            ValueKind::Boolean(b) => RecordValue::Boolean(b),
            ValueKind::Number(n) => RecordValue::Number(n),
            ValueKind::BigInt(digits) => RecordValue::BigInt(digits),
            ValueKind::String(s) => RecordValue::String(s),
            ValueKind::Symbol => return false,
            ValueKind::Object(object) => {
                self.objects.push((self.properties.len(), object));
                RecordValue::Undefined
            }
        };
        self.properties.push((key, value));
        true
    }

    /// Makes room for `additional` more properties.
    pub fn reserve(&mut self, additional: usize) {
        self.properties.reserve(additional);
    }
}
