//! [`SerializeHost`] for [`NativeHeap`], and the model's exceptions.
//!
//! The same concept as `host/serialize_host.rs` one layer down: that file declares the trait,
//! this one implements it for the native model.

use thiserror::Error;

use super::{NativeHeap, NativeKind, NativeObject, NativeObjectId, NativeValue};
use crate::host::{ObjectKind, PropertySnapshot, SerializeHost, ValueKind};
use crate::record::{CloneString, RecordString};
use crate::types::{
    BackingStore, PlatformSerialization, PlatformTransferData, SharedBytes, SharedMemory,
};

/// The "exceptions" of the native model.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum NativeError {
    /// A property holding [`NativeValue::Throwing`] was read: its "getter" threw this.
    /// Converting a Symbol to a string throws `TypeError: ...` this way too.
    #[error("thrown: {0}")]
    Thrown(String),
    /// An id that names no object of this heap (e.g. one from another heap).
    #[error("no object {0:?} in this heap")]
    UnknownObject(NativeObjectId),
    /// A "DataCloneError" DOMException made by the host: an interface not exposed, a
    /// SharedArrayBuffer of another agent cluster, a transfer the model cannot do.
    #[error("DataCloneError: {0}")]
    DataClone(String),
}

/// What a transferable platform object's transfer steps move into its data holder in the
/// native model.
#[derive(Debug)]
pub(super) struct NativeTransferData {
    /// The object's fields (primitives only).
    pub(super) fields: Vec<(String, NativeValue)>,
    /// The object's opaque bytes.
    pub(super) bytes: SharedBytes,
}

impl NativeHeap {
    /// The object `id` names, or [`NativeError::UnknownObject`].
    pub(super) fn known(&self, id: NativeObjectId) -> Result<&NativeObject, NativeError> {
        self.object(id).ok_or(NativeError::UnknownObject(id))
    }

    /// The object `id` names, mutably, or [`NativeError::UnknownObject`].
    pub(super) fn known_mut(
        &mut self,
        id: NativeObjectId,
    ) -> Result<&mut NativeObject, NativeError> {
        self.object_mut(id).ok_or(NativeError::UnknownObject(id))
    }
}

impl SerializeHost for NativeHeap {
    type Value = NativeValue;
    type Object = NativeObjectId;
    type Error = NativeError;

    fn classify_value(&mut self, value: &NativeValue) -> ValueKind<NativeObjectId> {
        classify(value, |s| CloneString::from(s))
    }

    /// An id of no object of this heap is reported as not serializable, `"an unknown
    /// object"`; so is a platform object of an interface the registry does not have.
    fn classify_object(&mut self, object: &NativeObjectId) -> ObjectKind {
        let Some(found) = self.object(*object) else {
            return ObjectKind::NotSerializable("an unknown object".into());
        };
        match &found.kind {
            NativeKind::Ordinary => ObjectKind::Ordinary,
            NativeKind::Array { length } => ObjectKind::Array { length: *length },
            NativeKind::Function => ObjectKind::Callable,
            NativeKind::NotSerializable(what) => ObjectKind::NotSerializable(what.clone()),
            NativeKind::BooleanObject(b) => ObjectKind::BooleanObject(*b),
            NativeKind::NumberObject(n) => ObjectKind::NumberObject(*n),
            NativeKind::BigIntObject(digits) => ObjectKind::BigIntObject(digits.clone()),
            NativeKind::StringObject(s) => ObjectKind::StringObject(s.clone()),
            NativeKind::Date(time) => ObjectKind::Date(*time),
            NativeKind::RegExp(regexp) => ObjectKind::RegExp {
                source: regexp.source.clone(),
                flags: regexp.flags.clone(),
            },
            NativeKind::ArrayBuffer(buffer) => ObjectKind::ArrayBuffer {
                detached: buffer.data.is_none(),
                max_byte_length: buffer.max_byte_length,
            },
            NativeKind::SharedArrayBuffer(shared) => ObjectKind::SharedArrayBuffer {
                byte_length: shared.block.len(),
                max_byte_length: shared.max_byte_length,
            },
            NativeKind::View(view) => ObjectKind::ArrayBufferView {
                kind: view.kind,
                byte_offset: view.byte_offset,
                length: view.length,
                out_of_bounds: self.view_out_of_bounds(*object).unwrap_or(true),
            },
            NativeKind::Map(_) => ObjectKind::Map,
            NativeKind::Set(_) => ObjectKind::Set,
            NativeKind::Error(_) => ObjectKind::Error,
            NativeKind::Platform(platform) => match self.interface(&platform.interface) {
                Some(interface) => ObjectKind::Platform {
                    interface: platform.interface.clone(),
                    serializable: interface.serializable,
                    transferable: interface.transferable,
                    detached: platform.detached,
                },
                None => ObjectKind::NotSerializable(format!(
                    "a {} (unknown interface)",
                    platform.interface
                )),
            },
        }
    }

    fn object_identity(&self, object: &NativeObjectId) -> usize {
        object.index()
    }

    /// Strings are shared with the record, not copied.
    fn classify_value_shared(
        &mut self,
        value: &NativeValue,
    ) -> ValueKind<NativeObjectId, RecordString> {
        classify_shared(value)
    }

    /// Looks at `position` first (the keys are listed in property order), then searches;
    /// the value is classified where it is, not copied.
    fn get_listed_property(
        &mut self,
        object: &NativeObjectId,
        key: &RecordString,
        position: usize,
    ) -> Result<Option<ValueKind<NativeObjectId, RecordString>>, NativeError> {
        let object = self.known(*object)?;
        let value = match object.properties().get(position) {
            Some((listed, value)) if listed == key => Some(value),
            _ => object.get(key),
        };
        match value {
            Some(value) => Ok(Some(classify_shared(read(value)?))),
            None => Ok(None),
        }
    }

    /// Always (unless [turned off](NativeHeap::set_property_snapshots)), unless a property
    /// holds [`NativeValue::Throwing`] (the walk then reads each property in turn and throws
    /// when it reaches that one): every property is a data property and nothing in the walk
    /// can change a heap object.
    fn snapshot_own_properties(
        &mut self,
        object: &NativeObjectId,
        snapshot: &mut PropertySnapshot<'_, NativeObjectId>,
    ) -> bool {
        if !self.property_snapshots() {
            return false;
        }
        let Some(object) = self.object(*object) else {
            return false;
        };
        snapshot.reserve(object.properties().len());
        object.properties().iter().all(|(key, value)| {
            !matches!(value, NativeValue::Throwing(_))
                && snapshot.push(key.clone(), classify_shared(value))
        })
    }

    /// Keys are shared with the record, not copied.
    fn append_enumerable_own_keys(
        &mut self,
        object: &NativeObjectId,
        keys: &mut Vec<RecordString>,
    ) -> Result<(), NativeError> {
        let object = self.known(*object)?;
        keys.extend(object.properties().iter().map(|(k, _)| k.clone()));
        Ok(())
    }

    /// Ids are positions in the heap.
    fn dense_identity_bound(&self) -> Option<usize> {
        Some(self.len())
    }

    fn enumerable_own_string_keys(
        &mut self,
        object: &NativeObjectId,
    ) -> Result<Vec<CloneString>, NativeError> {
        let object = self.known(*object)?;
        let keys = object.properties().iter();
        Ok(keys.map(|(k, _)| CloneString::from(k)).collect())
    }

    fn has_own_property(
        &mut self,
        object: &NativeObjectId,
        key: &CloneString,
    ) -> Result<bool, NativeError> {
        Ok(self.known(*object)?.has(key))
    }

    /// A missing property reads as `undefined` (there is no prototype chain), except an
    /// Error's `name`, which reads as its prototype's name.
    fn get(
        &mut self,
        object: &NativeObjectId,
        key: &CloneString,
    ) -> Result<NativeValue, NativeError> {
        let found = self.known(*object)?;
        match found.get(key) {
            Some(value) => read(value).cloned(),
            None => match &found.kind {
                NativeKind::Error(name) if key.as_units() == [0x6E, 0x61, 0x6D, 0x65] => {
                    Ok(NativeValue::from(name.as_str()))
                }
                _ => Ok(NativeValue::Undefined),
            },
        }
    }

    /// A property holding [`NativeValue::Throwing`] is an accessor: `None`.
    fn own_data_property(
        &mut self,
        object: &NativeObjectId,
        key: &CloneString,
    ) -> Result<Option<NativeValue>, NativeError> {
        Ok(match self.known(*object)?.get(key) {
            Some(NativeValue::Throwing(_)) | None => None,
            Some(value) => Some(value.clone()),
        })
    }

    /// An approximation of `ToString`: exact for strings, booleans, `undefined`, `null`,
    /// BigInts and integral numbers below 1e21; other numbers use Rust's shortest
    /// round-trip form; objects are `"[object Object]"`; a Symbol throws a TypeError.
    fn to_string(&mut self, value: &NativeValue) -> Result<CloneString, NativeError> {
        to_string(value)
    }

    fn read_array_buffer<R>(
        &mut self,
        buffer: &NativeObjectId,
        read: impl FnOnce(&[u8]) -> R,
    ) -> R {
        let bytes = self
            .array_buffer(*buffer)
            .and_then(|b| b.data.as_deref())
            .unwrap_or(&[]);
        read(bytes)
    }

    fn shared_array_buffer_memory(&mut self, buffer: &NativeObjectId) -> SharedMemory {
        let block: std::sync::Arc<dyn std::any::Any + Send + Sync> =
            match self.object(*buffer).map(|o| &o.kind) {
                Some(NativeKind::SharedArrayBuffer(shared)) => shared.block.clone(),
                _ => std::sync::Arc::new(super::SharedBlock::new(&[])),
            };
        SharedMemory::new(block, self.agent_cluster())
    }

    /// The view's buffer; for an object that is not a view, the object itself (which then
    /// fails to serialize as a buffer).
    fn view_buffer(&mut self, view: &NativeObjectId) -> NativeObjectId {
        match self.object(*view).map(|o| &o.kind) {
            Some(NativeKind::View(v)) => v.buffer,
            _ => *view,
        }
    }

    fn map_entries(
        &mut self,
        map: &NativeObjectId,
    ) -> Result<crate::host::MapEntries<NativeValue>, NativeError> {
        match &self.known(*map)?.kind {
            NativeKind::Map(entries) => Ok(entries.clone()),
            _ => Ok(Vec::new()),
        }
    }

    fn set_entries(&mut self, set: &NativeObjectId) -> Result<Vec<NativeValue>, NativeError> {
        match &self.known(*set)?.kind {
            NativeKind::Set(entries) => Ok(entries.clone()),
            _ => Ok(Vec::new()),
        }
    }

    /// Sub-serializes the object's fields and keeps its bytes. A field holding
    /// [`NativeValue::Throwing`] makes the steps throw.
    fn serialization_steps(
        &mut self,
        object: &NativeObjectId,
        _interface: &str,
        _for_storage: bool,
    ) -> Result<PlatformSerialization<NativeValue>, NativeError> {
        let NativeKind::Platform(platform) = &self.known(*object)?.kind else {
            return Ok(PlatformSerialization::default());
        };
        if let Some((_, NativeValue::Throwing(message))) = platform
            .fields
            .iter()
            .find(|(_, v)| matches!(v, NativeValue::Throwing(_)))
        {
            return Err(NativeError::Thrown(message.clone()));
        }
        Ok(PlatformSerialization {
            fields: platform.fields.clone(),
            bytes: platform.bytes.clone(),
        })
    }

    /// Takes the bytes out (a move of the `Vec`, O(1)); the buffer is left detached.
    fn detach_array_buffer(
        &mut self,
        buffer: &NativeObjectId,
    ) -> Result<BackingStore, NativeError> {
        match &mut self.known_mut(*buffer)?.kind {
            NativeKind::ArrayBuffer(b) => match b.data.take() {
                Some(data) => Ok(BackingStore::new(data)),
                None => Err(NativeError::Thrown("TypeError: already detached".into())),
            },
            _ => Err(NativeError::Thrown("TypeError: not an ArrayBuffer".into())),
        }
    }

    /// Moves the fields and bytes into the data holder; only primitive fields can move
    /// (an object is realm-bound): an object field is a DataCloneError.
    fn transfer_steps(
        &mut self,
        object: &NativeObjectId,
        interface: &str,
    ) -> Result<PlatformTransferData, NativeError> {
        let NativeKind::Platform(platform) = &mut self.known_mut(*object)?.kind else {
            return Err(NativeError::DataClone(format!("not a {interface}")));
        };
        if platform
            .fields
            .iter()
            .any(|(_, v)| matches!(v, NativeValue::Object(_)))
        {
            return Err(NativeError::DataClone(format!(
                "a {interface} with object fields cannot be transferred"
            )));
        }
        Ok(PlatformTransferData::new(NativeTransferData {
            fields: std::mem::take(&mut platform.fields),
            bytes: std::mem::take(&mut platform.bytes),
        }))
    }

    fn set_detached(&mut self, object: &NativeObjectId) {
        if let Some(NativeObject {
            kind: NativeKind::Platform(platform),
            ..
        }) = self.object_mut(*object)
        {
            platform.detached = true;
        }
    }
}

/// The value of a property as `[[Get]]` reads it: one holding [`NativeValue::Throwing`] is
/// an accessor whose getter throws.
fn read(value: &NativeValue) -> Result<&NativeValue, NativeError> {
    match value {
        NativeValue::Throwing(message) => Err(NativeError::Thrown(message.clone())),
        value => Ok(value),
    }
}

/// What `value` is, its string shared.
fn classify_shared(value: &NativeValue) -> ValueKind<NativeObjectId, RecordString> {
    classify(value, RecordString::clone)
}

/// What `value` is, its string given as `string` makes it (a property holding
/// [`NativeValue::Throwing`] is read through [`get`](SerializeHost::get) and throws;
/// anywhere else it is `undefined`).
fn classify<S>(
    value: &NativeValue,
    string: impl FnOnce(&RecordString) -> S,
) -> ValueKind<NativeObjectId, S> {
    match value {
        NativeValue::String(s) => ValueKind::String(string(s)),
        NativeValue::Object(id) => ValueKind::Object(*id),
        NativeValue::Number(n) => ValueKind::Number(*n),
        NativeValue::Undefined | NativeValue::Throwing(_) => ValueKind::Undefined,
        NativeValue::Null => ValueKind::Null,
        NativeValue::Boolean(b) => ValueKind::Boolean(*b),
        NativeValue::BigInt(digits) => ValueKind::BigInt(digits.clone()),
        NativeValue::Symbol(_) => ValueKind::Symbol,
    }
}

/// The native model's approximation of `ToString` (see [`SerializeHost::to_string`] above).
pub(super) fn to_string(value: &NativeValue) -> Result<CloneString, NativeError> {
    let text = match value {
        NativeValue::String(s) => return Ok(CloneString::from(s)),
        NativeValue::Undefined | NativeValue::Throwing(_) => "undefined".to_owned(),
        NativeValue::Null => "null".to_owned(),
        NativeValue::Boolean(b) => b.to_string(),
        NativeValue::BigInt(digits) => digits.clone(),
        NativeValue::Number(n) => number_to_string(*n),
        NativeValue::Symbol(_) => {
            return Err(NativeError::Thrown(
                "TypeError: Cannot convert a Symbol value to a string".into(),
            ));
        }
        NativeValue::Object(_) => "[object Object]".to_owned(),
    };
    Ok(CloneString::from(text.as_str()))
}

/// An approximation of Number::toString (see [`SerializeHost::to_string`] above).
fn number_to_string(n: f64) -> String {
    if n.is_nan() {
        "NaN".into()
    } else if n.is_infinite() {
        if n > 0.0 { "Infinity" } else { "-Infinity" }.into()
    } else if n == 0.0 {
        "0".into()
    } else if n.fract() == 0.0 && n.abs() < 1e21 {
        format!("{n:.0}")
    } else {
        format!("{n}")
    }
}
