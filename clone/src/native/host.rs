//! [`SerializeHost`] and [`DeserializeHost`] for [`NativeHeap`].

use thiserror::Error;

use super::{NativeHeap, NativeKind, NativeObject, NativeObjectId, NativeValue};
use crate::host::{DeserializeHost, ObjectKind, SerializeHost, ValueKind};
use crate::record::CloneString;

/// The "exceptions" of the native model.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum NativeError {
    /// A property holding [`NativeValue::Throwing`] was read: its "getter" threw this.
    #[error("thrown: {0}")]
    Thrown(String),
    /// An id that names no object of this heap (e.g. one from another heap).
    #[error("no object {0:?} in this heap")]
    UnknownObject(NativeObjectId),
}

impl NativeHeap {
    /// The object `id` names, or [`NativeError::UnknownObject`].
    fn known(&self, id: NativeObjectId) -> Result<&NativeObject, NativeError> {
        self.object(id).ok_or(NativeError::UnknownObject(id))
    }
}

impl SerializeHost for NativeHeap {
    type Value = NativeValue;
    type Object = NativeObjectId;
    type Error = NativeError;

    fn classify_value(&mut self, value: &NativeValue) -> ValueKind<NativeObjectId> {
        match value {
            NativeValue::Undefined | NativeValue::Throwing(_) => ValueKind::Undefined,
            NativeValue::Null => ValueKind::Null,
            NativeValue::Boolean(b) => ValueKind::Boolean(*b),
            NativeValue::Number(n) => ValueKind::Number(*n),
            NativeValue::BigInt(digits) => ValueKind::BigInt(digits.clone()),
            NativeValue::String(s) => ValueKind::String(s.clone()),
            NativeValue::Symbol(_) => ValueKind::Symbol,
            NativeValue::Object(id) => ValueKind::Object(*id),
        }
    }

    /// An id of no object of this heap is reported as not serializable, `"an unknown
    /// object"`.
    fn classify_object(&mut self, object: &NativeObjectId) -> ObjectKind {
        match self.object(*object).map(|o| &o.kind) {
            Some(NativeKind::Ordinary) => ObjectKind::Ordinary,
            Some(NativeKind::Array { length }) => ObjectKind::Array { length: *length },
            Some(NativeKind::Function) => ObjectKind::Callable,
            Some(NativeKind::NotSerializable(what)) => ObjectKind::NotSerializable(what.clone()),
            None => ObjectKind::NotSerializable("an unknown object".into()),
        }
    }

    fn object_identity(&self, object: &NativeObjectId) -> usize {
        object.index()
    }

    fn enumerable_own_string_keys(
        &mut self,
        object: &NativeObjectId,
    ) -> Result<Vec<CloneString>, NativeError> {
        let object = self.known(*object)?;
        Ok(object.properties().iter().map(|(k, _)| k.clone()).collect())
    }

    fn has_own_property(
        &mut self,
        object: &NativeObjectId,
        key: &CloneString,
    ) -> Result<bool, NativeError> {
        Ok(self.known(*object)?.has(key))
    }

    /// A missing property reads as `undefined` (there is no prototype chain).
    fn get(
        &mut self,
        object: &NativeObjectId,
        key: &CloneString,
    ) -> Result<NativeValue, NativeError> {
        match self.known(*object)?.get(key) {
            Some(NativeValue::Throwing(message)) => Err(NativeError::Thrown(message.clone())),
            Some(value) => Ok(value.clone()),
            None => Ok(NativeValue::Undefined),
        }
    }
}

impl DeserializeHost for NativeHeap {
    type Value = NativeValue;
    type Object = NativeObjectId;
    type Error = NativeError;

    fn undefined(&mut self) -> NativeValue {
        NativeValue::Undefined
    }

    fn null(&mut self) -> NativeValue {
        NativeValue::Null
    }

    fn boolean(&mut self, value: bool) -> NativeValue {
        NativeValue::Boolean(value)
    }

    fn number(&mut self, value: f64) -> NativeValue {
        NativeValue::Number(value)
    }

    fn string(&mut self, value: &CloneString) -> NativeValue {
        NativeValue::String(value.clone())
    }

    fn bigint(&mut self, digits: &str) -> Result<NativeValue, NativeError> {
        Ok(NativeValue::BigInt(digits.to_owned()))
    }

    fn create_object(&mut self) -> Result<NativeObjectId, NativeError> {
        Ok(self.alloc(NativeObject::new(NativeKind::Ordinary)))
    }

    fn create_array(&mut self, length: u32) -> Result<NativeObjectId, NativeError> {
        Ok(self.alloc(NativeObject::new(NativeKind::Array { length })))
    }

    fn object_value(&mut self, object: &NativeObjectId) -> NativeValue {
        NativeValue::Object(*object)
    }

    fn create_data_property(
        &mut self,
        object: &NativeObjectId,
        key: &CloneString,
        value: NativeValue,
    ) -> Result<(), NativeError> {
        let target = self
            .object_mut(*object)
            .ok_or(NativeError::UnknownObject(*object))?;
        target.set(key.clone(), value);
        Ok(())
    }
}
