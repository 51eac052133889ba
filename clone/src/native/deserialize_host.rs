//! [`DeserializeHost`] for [`NativeHeap`].
//!
//! The same concept as `host/deserialize_host.rs` one layer down: that file declares the
//! trait, this one implements it for the native model.

use super::serialize_host::NativeTransferData;
use super::{
    NativeArrayBuffer, NativeError, NativeHeap, NativeKind, NativeObject, NativeObjectId,
    NativePlatform, NativeRegExp, NativeSharedBuffer, NativeValue, NativeView, SharedBlock,
};
use crate::host::DeserializeHost;
use crate::record::{CloneString, RecordString};
use crate::types::{
    BackingStore, ErrorName, PlatformTransferData, SharedBytes, SharedMemory, ViewKind,
};

impl NativeHeap {
    /// A new object of `kind` with no properties.
    fn create(&mut self, kind: NativeKind) -> Result<NativeObjectId, NativeError> {
        Ok(self.alloc(NativeObject::new(kind)))
    }

    /// The platform state of `object`, to set up.
    fn platform_mut(&mut self, object: NativeObjectId) -> Result<&mut NativePlatform, NativeError> {
        match &mut self.known_mut(object)?.kind {
            NativeKind::Platform(platform) => Ok(platform),
            _ => Err(NativeError::DataClone("not a platform object".into())),
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
        NativeValue::String(value.into())
    }

    /// Shares the units with the record.
    fn string_shared(&mut self, value: &RecordString) -> NativeValue {
        NativeValue::String(value.clone())
    }

    /// Keeps the units as they are.
    fn string_moved(&mut self, value: RecordString) -> NativeValue {
        NativeValue::String(value)
    }

    fn bigint(&mut self, digits: &str) -> Result<NativeValue, NativeError> {
        Ok(NativeValue::BigInt(digits.to_owned()))
    }

    fn create_object(&mut self) -> Result<NativeObjectId, NativeError> {
        self.create(NativeKind::Ordinary)
    }

    fn create_array(&mut self, length: u32) -> Result<NativeObjectId, NativeError> {
        self.create(NativeKind::Array { length })
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
        self.known_mut(*object)?.set(key, value);
        Ok(())
    }

    /// Shares the key with the record.
    fn create_data_property_shared(
        &mut self,
        object: &NativeObjectId,
        key: &RecordString,
        value: NativeValue,
    ) -> Result<(), NativeError> {
        self.known_mut(*object)?.set(key.clone(), value);
        Ok(())
    }

    /// Appends them in one go (the object is new).
    fn create_data_properties<'k>(
        &mut self,
        object: &NativeObjectId,
        properties: impl Iterator<Item = (&'k RecordString, NativeValue)>,
    ) -> Result<(), NativeError> {
        let properties = properties.map(|(key, value)| (key.clone(), value));
        self.known_mut(*object)?.set_all(properties);
        Ok(())
    }

    fn create_data_properties_moved(
        &mut self,
        object: &NativeObjectId,
        properties: impl Iterator<Item = (RecordString, NativeValue)>,
    ) -> Result<(), NativeError> {
        self.known_mut(*object)?.set_all(properties);
        Ok(())
    }

    fn reserve_objects(&mut self, additional: usize) {
        self.reserve(additional);
    }

    fn reserve_properties(&mut self, object: &NativeObjectId, additional: usize) {
        if let Some(object) = self.object_mut(*object) {
            object.reserve(additional);
        }
    }

    fn create_boolean_object(&mut self, value: bool) -> Result<NativeObjectId, NativeError> {
        self.create(NativeKind::BooleanObject(value))
    }

    fn create_number_object(&mut self, value: f64) -> Result<NativeObjectId, NativeError> {
        self.create(NativeKind::NumberObject(value))
    }

    fn create_bigint_object(&mut self, digits: &str) -> Result<NativeObjectId, NativeError> {
        self.create(NativeKind::BigIntObject(digits.to_owned()))
    }

    fn create_string_object(&mut self, value: &CloneString) -> Result<NativeObjectId, NativeError> {
        self.create(NativeKind::StringObject(value.clone()))
    }

    fn create_date(&mut self, time: f64) -> Result<NativeObjectId, NativeError> {
        self.create(NativeKind::Date(time))
    }

    fn create_regexp(
        &mut self,
        source: &CloneString,
        flags: &str,
    ) -> Result<NativeObjectId, NativeError> {
        self.create(NativeKind::RegExp(Box::new(NativeRegExp {
            source: source.clone(),
            flags: flags.to_owned(),
        })))
    }

    /// Adopts a `Vec<u8>` store as it is (O(1)); copies any other store.
    fn create_array_buffer(
        &mut self,
        data: BackingStore,
        max_byte_length: Option<usize>,
    ) -> Result<NativeObjectId, NativeError> {
        self.create(NativeKind::ArrayBuffer(Box::new(NativeArrayBuffer {
            data: Some(data.into_vec()),
            max_byte_length,
        })))
    }

    /// A DataCloneError unless `memory` is of this heap's agent cluster and a
    /// [`SharedBlock`].
    fn create_shared_array_buffer(
        &mut self,
        memory: &SharedMemory,
        max_byte_length: Option<usize>,
    ) -> Result<NativeObjectId, NativeError> {
        if memory.agent_cluster() != self.agent_cluster() {
            return Err(NativeError::DataClone(format!(
                "a SharedArrayBuffer of agent cluster {} cannot be deserialized in agent \
                 cluster {}",
                memory.agent_cluster(),
                self.agent_cluster()
            )));
        }
        let Some(block) = memory.downcast::<SharedBlock>() else {
            return Err(NativeError::DataClone(
                "a SharedArrayBuffer of another host".into(),
            ));
        };
        self.create(NativeKind::SharedArrayBuffer(NativeSharedBuffer {
            block,
            max_byte_length,
        }))
    }

    fn create_array_buffer_view(
        &mut self,
        kind: ViewKind,
        buffer: &NativeObjectId,
        byte_offset: usize,
        length: Option<usize>,
    ) -> Result<NativeObjectId, NativeError> {
        if self.buffer_byte_length(*buffer).is_none() {
            return Err(NativeError::Thrown("TypeError: not an ArrayBuffer".into()));
        }
        self.create(NativeKind::View(Box::new(NativeView {
            kind,
            buffer: *buffer,
            byte_offset,
            length,
        })))
    }

    fn create_map(&mut self) -> Result<NativeObjectId, NativeError> {
        self.create(NativeKind::Map(Vec::new()))
    }

    fn map_append(
        &mut self,
        map: &NativeObjectId,
        key: NativeValue,
        value: NativeValue,
    ) -> Result<(), NativeError> {
        match &mut self.known_mut(*map)?.kind {
            NativeKind::Map(entries) => entries.push((key, value)),
            _ => return Err(NativeError::Thrown("TypeError: not a Map".into())),
        }
        Ok(())
    }

    fn create_set(&mut self) -> Result<NativeObjectId, NativeError> {
        self.create(NativeKind::Set(Vec::new()))
    }

    fn set_append(&mut self, set: &NativeObjectId, value: NativeValue) -> Result<(), NativeError> {
        match &mut self.known_mut(*set)?.kind {
            NativeKind::Set(entries) => entries.push(value),
            _ => return Err(NativeError::Thrown("TypeError: not a Set".into())),
        }
        Ok(())
    }

    fn create_error(
        &mut self,
        name: ErrorName,
        message: Option<&CloneString>,
    ) -> Result<NativeObjectId, NativeError> {
        let mut object = NativeObject::new(NativeKind::Error(name));
        if let Some(message) = message {
            object.set("message", NativeValue::String(message.into()));
        }
        Ok(self.alloc(object))
    }

    /// A DataCloneError if the registry does not have `interface` or it is not exposed.
    fn create_platform_object(&mut self, interface: &str) -> Result<NativeObjectId, NativeError> {
        if !self.interface(interface).is_some_and(|i| i.exposed) {
            return Err(NativeError::DataClone(format!(
                "{interface} is not exposed in the target realm"
            )));
        }
        self.create(NativeKind::Platform(Box::new(NativePlatform {
            interface: interface.to_owned(),
            fields: Vec::new(),
            bytes: SharedBytes::default(),
            detached: false,
        })))
    }

    fn deserialization_steps(
        &mut self,
        object: &NativeObjectId,
        _interface: &str,
        fields: Vec<(String, NativeValue)>,
        bytes: &SharedBytes,
    ) -> Result<(), NativeError> {
        let platform = self.platform_mut(*object)?;
        platform.fields = fields;
        platform.bytes = bytes.clone();
        Ok(())
    }

    fn transfer_receiving_steps(
        &mut self,
        object: &NativeObjectId,
        interface: &str,
        data: PlatformTransferData,
    ) -> Result<(), NativeError> {
        let Ok(data) = data.downcast::<NativeTransferData>() else {
            return Err(NativeError::DataClone(format!(
                "a {interface} transferred by another host"
            )));
        };
        let platform = self.platform_mut(*object)?;
        platform.fields = data.fields;
        platform.bytes = data.bytes;
        Ok(())
    }
}
