//! The serialized record: plain serde data that can cross threads.
//!
//! The spec's records nest and share through the memory map; here every object record lives
//! once in [`SerializedRecord::objects`] and values refer to it by [`ObjectIndex`], so shared
//! references and cycles are just repeated indices, and no walk over a record needs recursion.

use serde::{Deserialize, Serialize};

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

impl std::fmt::Display for CloneString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&String::from_utf16_lossy(&self.0))
    }
}

/// The position of an object record in [`SerializedRecord::objects`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ObjectIndex(pub u32);

/// A serialized value: a primitive, or a reference to an object record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RecordValue {
    /// `{ [[Type]]: "primitive", [[Value]]: undefined }`.
    Undefined,
    /// `{ [[Type]]: "primitive", [[Value]]: null }`.
    Null,
    /// A Boolean primitive.
    Boolean(bool),
    /// A Number primitive (−0 and NaN kept).
    Number(f64),
    /// A BigInt primitive as decimal digits with an optional leading `-`.
    BigInt(String),
    /// A String primitive.
    String(CloneString),
    /// An object: the index of its record (the memory map made explicit).
    Object(ObjectIndex),
}

/// A serialized object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RecordObject {
    /// `{ [[Type]]: "Object", [[Properties]] }`.
    Object {
        /// Own enumerable string-keyed properties, in order.
        properties: Vec<(CloneString, RecordValue)>,
    },
    /// `{ [[Type]]: "Array", [[Length]], [[Properties]] }`.
    Array {
        /// The array's length (holes are indices with no property).
        length: u32,
        /// Own enumerable string-keyed properties, in order (indices and others).
        properties: Vec<(CloneString, RecordValue)>,
    },
}

impl RecordObject {
    /// The object's `[[Properties]]`: its own enumerable string-keyed properties, in order.
    pub fn properties(&self) -> &[(CloneString, RecordValue)] {
        match self {
            RecordObject::Object { properties } | RecordObject::Array { properties, .. } => {
                properties
            }
        }
    }

    /// The object's `[[Properties]]`, to append to.
    pub(crate) fn properties_mut(&mut self) -> &mut Vec<(CloneString, RecordValue)> {
        match self {
            RecordObject::Object { properties } | RecordObject::Array { properties, .. } => {
                properties
            }
        }
    }
}

/// The result of StructuredSerialize: a root value and the object records it reaches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SerializedRecord {
    /// The serialized value itself.
    pub root: RecordValue,
    /// Every object record, in the order serialization first met the object.
    pub objects: Vec<RecordObject>,
}
