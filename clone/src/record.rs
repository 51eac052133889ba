//! The serialized record: plain data that can cross threads.
//!
//! The spec's records nest and share through the memory map; here every object record lives
//! once in [`SerializedRecord::objects`] and values refer to it by [`ObjectIndex`], so shared
//! references and cycles are just repeated indices, and no walk over a record needs recursion.
//! The `[[Properties]]` of every Object and Array record sit in one vector,
//! [`SerializedRecord::properties`], each object's in one run it refers to by
//! [`PropertyRange`]: a record holds a handful of allocations, not one per object.
//! Serializable platform objects keep their data in a side table,
//! [`SerializedRecord::platform`], referred to by [`PlatformIndex`]. ArrayBuffer contents are
//! one `Vec<u8>` each, encoded as one byte string.

use serde::{Deserialize, Serialize};

pub use crate::record_vec::RecordVec;
pub use crate::string::{CloneString, RecordString};
use crate::types::{ErrorName, SharedBytes, SharedMemory, ViewKind};

/// The position of an object record in [`SerializedRecord::objects`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ObjectIndex(pub u32);

/// The position of a platform object's data in [`SerializedRecord::platform`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PlatformIndex(pub u32);

/// The position of a transfer data holder in
/// [`SerializedWithTransfer::transfer_data_holders`](crate::SerializedWithTransfer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TransferIndex(pub u32);

/// Where an Object's or Array's `[[Properties]]` are in [`SerializedRecord::properties`]:
/// `len` entries from `start`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PropertyRange {
    /// The position of the first property.
    pub start: u32,
    /// How many properties there are.
    pub len: u32,
}

impl PropertyRange {
    /// The positions the range covers, or `None` if its end overflows.
    pub fn positions(self) -> Option<std::ops::Range<usize>> {
        let start = usize::try_from(self.start).ok()?;
        let end = start.checked_add(usize::try_from(self.len).ok()?)?;
        Some(start..end)
    }
}

/// A serialized value: a primitive, or a reference to an object record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum RecordValue {
    /// `{ [[Type]]: "primitive", [[Value]]: undefined }`.
    #[default]
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
    String(RecordString),
    /// An object: the index of its record (the memory map made explicit).
    Object(ObjectIndex),
}

/// A serialized object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RecordObject {
    /// `{ [[Type]]: "Object", [[Properties]] }`.
    Object {
        /// Own enumerable string-keyed properties, in order: where they are in
        /// [`SerializedRecord::properties`].
        properties: PropertyRange,
    },
    /// `{ [[Type]]: "Array", [[Length]], [[Properties]] }`.
    Array {
        /// The array's length (holes are indices with no property).
        length: u32,
        /// Own enumerable string-keyed properties, in order (indices and others): where they
        /// are in [`SerializedRecord::properties`].
        properties: PropertyRange,
    },
    /// `{ [[Type]]: "Boolean", [[BooleanData]] }`: a Boolean wrapper object.
    Boolean(bool),
    /// `{ [[Type]]: "Number", [[NumberData]] }`: a Number wrapper object.
    Number(f64),
    /// `{ [[Type]]: "BigInt", [[BigIntData]] }`: a BigInt wrapper object (decimal digits).
    BigInt(String),
    /// `{ [[Type]]: "String", [[StringData]] }`: a String wrapper object.
    String(CloneString),
    /// `{ [[Type]]: "Date", [[DateValue]] }`: the time value (NaN for an invalid date).
    Date(f64),
    /// `{ [[Type]]: "RegExp", [[OriginalSource]], [[OriginalFlags]] }` (the matcher is
    /// compiled again from them).
    RegExp(Box<RegExpRecord>),
    /// `{ [[Type]]: "ArrayBuffer" | "ResizableArrayBuffer", [[ArrayBufferData]],
    /// [[ArrayBufferByteLength]], [[ArrayBufferMaxByteLength]] }`: the byte length is
    /// `data.len()`.
    ArrayBuffer {
        /// A copy of the bytes.
        #[serde(with = "serde_bytes")]
        data: Vec<u8>,
        /// `[[ArrayBufferMaxByteLength]]`, for a resizable buffer.
        max_byte_length: Option<u64>,
    },
    /// `{ [[Type]]: "ArrayBufferView", [[Constructor]], [[ArrayBufferSerialized]],
    /// [[ByteLength]], [[ByteOffset]], [[ArrayLength]] }`.
    ArrayBufferView {
        /// `[[Constructor]]`.
        kind: ViewKind,
        /// `[[ArrayBufferSerialized]]`: the record of the viewed buffer (an ArrayBuffer,
        /// SharedArrayBuffer or transferred ArrayBuffer record).
        buffer: ObjectIndex,
        /// `[[ByteOffset]]`.
        byte_offset: u64,
        /// `[[ArrayLength]]` (elements) of a typed array, `[[ByteLength]]` of a DataView;
        /// `None` for a length-tracking view (`auto`).
        length: Option<u64>,
    },
    /// `{ [[Type]]: "Map", [[MapData]] }`: entries in insertion order.
    Map {
        /// `[[MapData]]`.
        entries: Vec<(RecordValue, RecordValue)>,
    },
    /// `{ [[Type]]: "Set", [[SetData]] }`: entries in insertion order.
    Set {
        /// `[[SetData]]`.
        entries: Vec<RecordValue>,
    },
    /// `{ [[Type]]: "Error", [[Name]], [[Message]] }`.
    Error {
        /// `[[Name]]`, already normalised.
        name: ErrorName,
        /// `[[Message]]`: `None` for undefined.
        message: Option<CloneString>,
    },
    /// A serializable platform object: `{ [[Type]]: interface name, ... }`, its data in the
    /// side table.
    Platform(PlatformIndex),
    /// The transfer data holder a transferred object was serialized as (the spec pre-fills
    /// the memory with it): deserialized as the value the holder was received into.
    Transferred(TransferIndex),
    /// `{ [[Type]]: "SharedArrayBuffer" | "GrowableSharedArrayBuffer", ... }`: shared memory,
    /// which never leaves the process (the byte encoding refuses it). It is the last variant
    /// so that skipping it in the encoding shifts no other variant's tag.
    #[serde(skip)]
    SharedArrayBuffer(Box<SharedArrayBufferRecord>),
}

/// The source and flags of a serialized RegExp.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegExpRecord {
    /// `[[OriginalSource]]`.
    pub source: CloneString,
    /// `[[OriginalFlags]]` (ASCII letters from `dgimsuvy`, each at most once).
    pub flags: String,
}

/// A serialized SharedArrayBuffer.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedArrayBufferRecord {
    /// `[[ArrayBufferData]]` and `[[AgentCluster]]`.
    pub memory: SharedMemory,
    /// `[[ArrayBufferByteLength]]` when it was serialized.
    pub byte_length: u64,
    /// `[[ArrayBufferMaxByteLength]]`, for a growable one.
    pub max_byte_length: Option<u64>,
}

/// A serializable platform object's record: `{ [[Type]]: interface, ...fields }`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlatformRecord {
    /// `[[Type]]`: the identifier of the primary interface, e.g. `"DOMException"`.
    pub interface: String,
    /// The fields its serialization steps set, each sub-serialized.
    pub fields: Vec<(String, RecordValue)>,
    /// Opaque data of the host's (shared between the record's clones, encoded as a byte
    /// string).
    pub bytes: SharedBytes,
}

impl RecordObject {
    /// Where the object's `[[Properties]]` are, for an Object or an Array.
    pub fn property_range(&self) -> Option<PropertyRange> {
        match self {
            RecordObject::Object { properties } | RecordObject::Array { properties, .. } => {
                Some(*properties)
            }
            _ => None,
        }
    }

    /// What the record is, with its article, for messages: `"an Array"`, `"a Map"`, ...
    pub fn describe(&self) -> &'static str {
        match self {
            RecordObject::Object { .. } => "an Object",
            RecordObject::Array { .. } => "an Array",
            RecordObject::Boolean(_) => "a Boolean object",
            RecordObject::Number(_) => "a Number object",
            RecordObject::BigInt(_) => "a BigInt object",
            RecordObject::String(_) => "a String object",
            RecordObject::Date(_) => "a Date",
            RecordObject::RegExp(_) => "a RegExp",
            RecordObject::ArrayBuffer { .. } => "an ArrayBuffer",
            RecordObject::SharedArrayBuffer(_) => "a SharedArrayBuffer",
            RecordObject::ArrayBufferView { .. } => "an ArrayBuffer view",
            RecordObject::Map { .. } => "a Map",
            RecordObject::Set { .. } => "a Set",
            RecordObject::Error { .. } => "an Error",
            RecordObject::Platform(_) => "a platform object",
            RecordObject::Transferred(_) => "a transferred object",
        }
    }
}

/// The result of StructuredSerialize: a root value and the object records it reaches.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SerializedRecord {
    /// The serialized value itself.
    pub root: RecordValue,
    /// Every object record, in the order serialization first met the object (transferred
    /// objects first, in transfer list order). (A single one is kept inline: see
    /// [`RecordVec`].)
    pub objects: RecordVec<RecordObject>,
    /// The `[[Properties]]` of every Object and Array record, each object's in the one run
    /// its [`PropertyRange`] names. Serialization gives each object its own run, in the order
    /// of `objects`; entries no range covers (left by properties a getter deleted before
    /// they were read) are ignored. (A single one is kept inline: see [`RecordVec`].)
    pub properties: RecordVec<(RecordString, RecordValue)>,
    /// The serializable platform objects' data, referred to by [`RecordObject::Platform`].
    #[serde(default)]
    pub platform: Vec<PlatformRecord>,
}

impl SerializedRecord {
    /// The `[[Properties]]` of `object` (a record of this one): empty for records that have
    /// none, `None` if its range is not within [`properties`](Self::properties).
    pub fn properties_of(&self, object: &RecordObject) -> Option<&[(RecordString, RecordValue)]> {
        match object.property_range() {
            Some(range) => self.properties.get(range.positions()?),
            None => Some(&[]),
        }
    }

    /// The first Object or Array (its position and range) whose run of properties does not
    /// start at or after the previous one's end, or is not within
    /// [`properties`](Self::properties); `None` if every run is in the order of `objects`,
    /// apart and in range (as serialization writes them).
    pub(crate) fn misplaced_property_run(&self) -> Option<(usize, PropertyRange)> {
        // Where the previous run ends.
        let mut end = 0;
        for (i, object) in self.objects.iter().enumerate() {
            let Some(range) = object.property_range() else {
                continue;
            };
            match range.positions() {
                Some(run) if run.start >= end && run.end <= self.properties.len() => end = run.end,
                _ => return Some((i, range)),
            }
        }
        None
    }

    /// Appends an Object or Array's `properties` to [`properties`](Self::properties) and
    /// returns their range (for building records by hand), or `None` if the record would
    /// hold more than `u32::MAX` properties.
    pub fn push_properties(
        &mut self,
        properties: impl IntoIterator<Item = (RecordString, RecordValue)>,
    ) -> Option<PropertyRange> {
        let start = u32::try_from(self.properties.len()).ok()?;
        self.properties.extend(properties);
        let end = u32::try_from(self.properties.len()).ok()?;
        Some(PropertyRange {
            start,
            len: end.checked_sub(start)?,
        })
    }
}
