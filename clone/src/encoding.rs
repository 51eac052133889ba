//! A byte encoding of [`SerializedRecord`]s, for records that leave the process (storage,
//! another process): a magic and version header followed by the record in
//! [postcard](https://docs.rs/postcard)'s compact format (varint integers, raw
//! ArrayBuffer bytes).
//!
//! Decoding treats its input as hostile: it never panics, never recurses (the record is
//! flat: objects refer to each other by index), allocates no more than the input can fill
//! (every length is checked against the bytes that remain; sequences are preallocated at
//! most 1 MiB ahead), and [validates](SerializedRecord::validate) the record so that
//! deserializing it cannot misbehave.

use thiserror::Error;

use crate::check::{self, BufferShape};
use crate::record::{ObjectIndex, RecordObject, RecordValue, SerializedRecord};

/// The first bytes of every encoded record.
pub const MAGIC: [u8; 4] = *b"PCLN";

/// The version of the format this crate writes and reads.
///
/// Version 2 keeps every Object's and Array's properties in one sequence, each object
/// referring to its run (version 1 nested them in each object).
pub const VERSION: u8 = 2;

/// Why a record could not be encoded.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum EncodeError {
    /// The record holds a SharedArrayBuffer, whose memory cannot leave the process.
    #[error("the record holds a SharedArrayBuffer, which cannot be encoded")]
    SharedMemory,
    /// The encoder failed (out of memory).
    #[error("the record could not be encoded: {0}")]
    Encoder(String),
}

/// Why bytes are not an encoded record.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The input does not start with [`MAGIC`].
    #[error("not an encoded record (bad magic)")]
    BadMagic,
    /// The input is of another version of the format.
    #[error("unsupported record version {0} (this build reads {VERSION})")]
    UnsupportedVersion(u8),
    /// The body is not a record (truncated, a bad tag, a length beyond the input, ...).
    #[error("malformed record encoding: {0}")]
    Syntax(String),
    /// Bytes follow the record.
    #[error("{0} bytes follow the record")]
    TrailingBytes(usize),
    /// The record decoded but is not well formed (see [`SerializedRecord::validate`]).
    #[error("invalid record: {0}")]
    Invalid(String),
}

impl SerializedRecord {
    /// Encodes the record: [`MAGIC`], [`VERSION`], then the record in postcard's format.
    ///
    /// # Errors
    ///
    /// [`EncodeError::SharedMemory`] if the record holds a SharedArrayBuffer.
    pub fn to_bytes(&self) -> Result<Vec<u8>, EncodeError> {
        if self
            .objects
            .iter()
            .any(|o| matches!(o, RecordObject::SharedArrayBuffer(_)))
        {
            return Err(EncodeError::SharedMemory);
        }
        let mut out = Vec::with_capacity(MAGIC.len() + 1 + self.encoded_size_hint());
        out.extend_from_slice(&MAGIC);
        out.push(VERSION);
        postcard::to_extend(self, out).map_err(|e| EncodeError::Encoder(e.to_string()))
    }

    /// Decodes and [validates](Self::validate) a record encoded by [`to_bytes`](Self::to_bytes).
    ///
    /// # Errors
    ///
    /// A [`DecodeError`] for anything but a whole, well-formed record of this version.
    pub fn from_bytes(bytes: &[u8]) -> Result<SerializedRecord, DecodeError> {
        let record = SerializedRecord::from_bytes_unvalidated(bytes)?;
        record.validate().map_err(DecodeError::Invalid)?;
        Ok(record)
    }

    /// Decodes a record without [validating](Self::validate) it, as
    /// [`from_bytes`](Self::from_bytes) otherwise does (for tests of the deserializer's own
    /// checks: [`structured_deserialize`](crate::structured_deserialize) stays safe on such a
    /// record, reporting what it meets as Malformed).
    ///
    /// # Errors
    ///
    /// A [`DecodeError`] other than [`DecodeError::Invalid`].
    pub fn from_bytes_unvalidated(bytes: &[u8]) -> Result<SerializedRecord, DecodeError> {
        let Some((magic, rest)) = bytes.split_first_chunk::<4>() else {
            return Err(DecodeError::BadMagic);
        };
        if *magic != MAGIC {
            return Err(DecodeError::BadMagic);
        }
        let Some((&version, body)) = rest.split_first() else {
            return Err(DecodeError::Syntax("no version".into()));
        };
        if version != VERSION {
            return Err(DecodeError::UnsupportedVersion(version));
        }
        let (record, trailing): (SerializedRecord, _) =
            postcard::take_from_bytes(body).map_err(|e| DecodeError::Syntax(e.to_string()))?;
        if !trailing.is_empty() {
            return Err(DecodeError::TrailingBytes(trailing.len()));
        }
        Ok(record)
    }

    /// Checks that the record is well formed: every [`ObjectIndex`] and platform index is in
    /// range, every Object's and Array's [`PropertyRange`](crate::PropertyRange) is within
    /// [`properties`](Self::properties) and starts at or after the previous one's end (in
    /// the order of `objects`, as serialization writes them: runs never overlap, so the
    /// properties deserialization creates are at most as many as the record holds), BigInt
    /// digits are `-?[0-9]+`, RegExp flags are flags, every view's buffer is
    /// a buffer record and the view lies within it, no resizable ArrayBuffer is longer than
    /// its maximum. (Transfer indices are checked when the record is deserialized with its
    /// data holders.) Linear in the size of the record; no recursion.
    ///
    /// [`structured_deserialize`](crate::structured_deserialize) checks the same of what it
    /// uses, so this is needed only to reject a bad record early.
    ///
    /// # Errors
    ///
    /// The first problem found, as `objects[3] is a Uint16Array whose byte offset 1 is not a
    /// multiple of 2`.
    pub fn validate(&self) -> Result<(), String> {
        let place = |i: usize| format!("objects[{i}]");
        self.check_value(&self.root, || "root".into())?;
        for (i, (_, value)) in self.properties.iter().enumerate() {
            self.check_value(value, || format!("properties[{i}]"))?;
        }
        if let Some((i, properties)) = self.misplaced_property_run() {
            return Err(format!(
                "{} has properties {}..+{}, which are not after the previous object's within \
                 the record's {}",
                place(i),
                properties.start,
                properties.len,
                self.properties.len()
            ));
        }
        for (i, object) in self.objects.iter().enumerate() {
            let at = |r: Result<(), String>| r.map_err(|what| format!("{} {what}", place(i)));
            match object {
                RecordObject::Map { entries } => {
                    for (key, value) in entries {
                        self.check_value(key, || place(i))?;
                        self.check_value(value, || place(i))?;
                    }
                }
                RecordObject::Set { entries } => {
                    for value in entries {
                        self.check_value(value, || place(i))?;
                    }
                }
                RecordObject::BigInt(digits) => {
                    at(check::bigint_digits(digits, "a BigInt object"))?;
                }
                RecordObject::RegExp(regexp) => at(check::regexp_flags(&regexp.flags))?,
                RecordObject::ArrayBuffer {
                    data,
                    max_byte_length,
                } => at(check::array_buffer_lengths(
                    u64::try_from(data.len()).unwrap_or(u64::MAX),
                    *max_byte_length,
                ))?,
                RecordObject::ArrayBufferView {
                    kind,
                    buffer,
                    byte_offset,
                    length,
                } => {
                    let target = self.object(*buffer).ok_or_else(|| {
                        format!("{} has a buffer {} out of range", place(i), buffer.0)
                    })?;
                    let shape = match target {
                        RecordObject::ArrayBuffer {
                            data,
                            max_byte_length,
                        } => Some(BufferShape {
                            byte_length: u64::try_from(data.len()).unwrap_or(u64::MAX),
                            resizable: max_byte_length.is_some(),
                        }),
                        RecordObject::SharedArrayBuffer(shared) => Some(BufferShape {
                            byte_length: shared.byte_length,
                            resizable: shared.max_byte_length.is_some(),
                        }),
                        // Its shape is known from the data holder only.
                        RecordObject::Transferred(_) => None,
                        other => {
                            return Err(format!(
                                "{}'s buffer is {}, not an ArrayBuffer",
                                place(i),
                                other.describe()
                            ));
                        }
                    };
                    if let Some(shape) = shape {
                        at(check::view_bounds(*kind, *byte_offset, *length, shape))?;
                    }
                }
                RecordObject::Platform(platform) => {
                    let record = usize::try_from(platform.0)
                        .ok()
                        .and_then(|p| self.platform.get(p))
                        .ok_or_else(|| {
                            format!(
                                "{} has a platform record {} out of range",
                                place(i),
                                platform.0
                            )
                        })?;
                    for (_, value) in &record.fields {
                        self.check_value(value, || place(i))?;
                    }
                }
                // (Their runs of properties are checked above.)
                RecordObject::Object { .. } | RecordObject::Array { .. } => {}
                RecordObject::Boolean(_)
                | RecordObject::Number(_)
                | RecordObject::String(_)
                | RecordObject::Date(_)
                | RecordObject::SharedArrayBuffer(_)
                | RecordObject::Error { .. }
                | RecordObject::Transferred(_) => {}
            }
        }
        Ok(())
    }

    /// The record at `index`, if there is one.
    fn object(&self, index: ObjectIndex) -> Option<&RecordObject> {
        self.objects.get(usize::try_from(index.0).ok()?)
    }

    /// Checks a value's index or BigInt digits; `place` names where it is.
    fn check_value(&self, value: &RecordValue, place: impl Fn() -> String) -> Result<(), String> {
        match value {
            RecordValue::Object(index) if self.object(*index).is_none() => Err(format!(
                "{} refers to object {}, but the record has {} objects",
                place(),
                index.0,
                self.objects.len()
            )),
            RecordValue::BigInt(digits) => check::bigint_digits(digits, "a BigInt")
                .map_err(|what| format!("{} holds a value that {what}", place())),
            _ => Ok(()),
        }
    }

    /// A guess of the encoded size, to allocate once for large buffers.
    fn encoded_size_hint(&self) -> usize {
        let buffers: usize = self
            .objects
            .iter()
            .map(|o| match o {
                RecordObject::ArrayBuffer { data, .. } => data.len() + 10,
                _ => 16,
            })
            .sum();
        let properties = self.properties.len().saturating_mul(16);
        buffers.saturating_add(properties).saturating_add(16)
    }
}
