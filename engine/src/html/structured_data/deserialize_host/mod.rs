//! [`DeserializeHost`] for boa: builds values in the context's current realm (the target
//! realm), with its prototypes.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserialize>

use boa_engine::builtins::object::OrdinaryObject;
use boa_engine::object::builtins::{
    AlignedVec, JsArray, JsArrayBuffer, JsDate, JsMap, JsRegExp, JsSet,
};
use boa_engine::property::PropertyDescriptor;
use boa_engine::{Context, JsBigInt, JsError, JsNativeError, JsObject, JsValue, js_string};
use postern_clone::{
    BackingStore, CloneString, DeserializeHost, ErrorName, PlatformTransferData, RecordString,
    SharedBytes, SharedMemory, ViewKind,
};

use self::properties::array_length_property;
use crate::agent::AgentState;
use crate::file_api::blob::{Blob, blob_deserialization_steps, create_blob, set_blob_state};
use crate::file_api::file::{File, create_file, file_deserialization_steps, set_file_state};
use crate::html::scripting::external_memory;
use crate::html::structured_data::strings::{BoaStrings, Cached};
use crate::html::structured_data::{BOA_BUFFER_ALIGNMENT, BoaBytes, data_clone_error, js_string};
use crate::html::web_messaging::message_port;
use crate::ids::PortId;
use crate::webidl::dom_exception;

mod properties;

/// Builds boa values in the current realm for StructuredDeserialize.
pub struct BoaDeserializeHost<'a> {
    context: &'a mut Context,
    /// The strings and keys made so far.
    strings: BoaStrings,
    /// The MessagePort objects the transfer-receiving steps set up so far.
    received_ports: Vec<JsObject>,
}

impl<'a> BoaDeserializeHost<'a> {
    /// A host creating objects in `context`'s current realm (enter the target realm first).
    pub fn new(context: &'a mut Context) -> Self {
        BoaDeserializeHost {
            context,
            strings: BoaStrings::take(),
            received_ports: Vec::new(),
        }
    }

    /// The MessagePort objects the transfer-receiving steps set up (what a deserialization
    /// that then failed leaves behind unreachable).
    pub fn into_received_ports(mut self) -> Vec<JsObject> {
        std::mem::take(&mut self.received_ports)
    }

    /// The current realm's constructor for a view kind.
    fn view_constructor(&mut self, kind: ViewKind) -> JsObject {
        let constructors = self.context.intrinsics().constructors();
        let constructor = match kind {
            ViewKind::Int8 => constructors.typed_int8_array(),
            ViewKind::Uint8 => constructors.typed_uint8_array(),
            ViewKind::Uint8Clamped => constructors.typed_uint8clamped_array(),
            ViewKind::Int16 => constructors.typed_int16_array(),
            ViewKind::Uint16 => constructors.typed_uint16_array(),
            ViewKind::Int32 => constructors.typed_int32_array(),
            ViewKind::Uint32 => constructors.typed_uint32_array(),
            ViewKind::Float16 => constructors.typed_float16_array(),
            ViewKind::Float32 => constructors.typed_float32_array(),
            ViewKind::Float64 => constructors.typed_float64_array(),
            ViewKind::BigInt64 => constructors.typed_bigint64_array(),
            ViewKind::BigUint64 => constructors.typed_biguint64_array(),
            ViewKind::DataView => constructors.data_view(),
        };
        constructor.constructor()
    }
}

impl Drop for BoaDeserializeHost<'_> {
    /// The boa strings and keys made go back to the thread, for its next clone.
    fn drop(&mut self) {
        std::mem::take(&mut self.strings).give_back();
    }
}

/// A string field of a platform record, as a DOMString.
fn string_field(fields: &[(String, JsValue)], name: &str) -> Result<String, JsError> {
    fields
        .iter()
        .find(|(field, _)| field == name)
        .and_then(|(_, value)| value.as_string())
        .map(|s| s.to_std_string_lossy())
        .ok_or_else(|| {
            JsNativeError::typ()
                .with_message(format!("malformed serialized record: no string {name}"))
                .into()
        })
}

impl DeserializeHost for BoaDeserializeHost<'_> {
    type Value = JsValue;
    type Object = JsObject;
    type Error = JsError;

    fn undefined(&mut self) -> JsValue {
        JsValue::undefined()
    }
    fn null(&mut self) -> JsValue {
        JsValue::null()
    }
    fn boolean(&mut self, value: bool) -> JsValue {
        JsValue::new(value)
    }
    fn number(&mut self, value: f64) -> JsValue {
        JsValue::new(value)
    }
    fn string(&mut self, value: &CloneString) -> JsValue {
        JsValue::new(js_string(value))
    }
    fn bigint(&mut self, digits: &str) -> Result<JsValue, JsError> {
        JsBigInt::from_string(digits)
            .map(JsValue::new)
            .ok_or_else(|| {
                JsNativeError::syntax()
                    .with_message("malformed BigInt")
                    .into()
            })
    }
    /// A new ordinary object of the target realm's `%Object.prototype%`, on boa's shared
    /// shapes (as an object literal is): objects given the same keys in the same order share
    /// one shape rather than each building a property table of its own.
    fn create_object(&mut self) -> Result<JsObject, JsError> {
        let prototype = self
            .context
            .intrinsics()
            .constructors()
            .object()
            .prototype();
        Ok(JsObject::new(self.context.root_shape(), prototype, OrdinaryObject).upcast())
    }
    /// `! ArrayCreate(length)`: an empty Array of the target realm (on boa's template for
    /// Arrays) whose `length` is then given its value, as ArrayCreate's last step does
    /// (`! OrdinaryDefineOwnProperty(A, "length", { [[Value]]: length, [[Writable]]: true,
    /// [[Enumerable]]: false, [[Configurable]]: false })`): the property is there with these
    /// attributes, so only its value changes.
    fn create_array(&mut self, length: u32) -> Result<JsObject, JsError> {
        let array: JsObject = JsArray::new(self.context)?.into();
        array.insert_property(js_string!("length"), array_length_property(length));
        Ok(array)
    }
    fn object_value(&mut self, object: &JsObject) -> JsValue {
        object.clone().into()
    }
    fn create_data_property(
        &mut self,
        object: &JsObject,
        key: &CloneString,
        value: JsValue,
    ) -> Result<(), JsError> {
        object.create_data_property_or_throw(js_string(key), value, self.context)?;
        Ok(())
    }

    // Steps 5-8 of StructuredDeserialize: ToObject of a primitive makes the wrapper with the
    // current (target) realm's prototype.
    fn create_boolean_object(&mut self, value: bool) -> Result<JsObject, JsError> {
        JsValue::new(value).to_object(self.context)
    }
    fn create_number_object(&mut self, value: f64) -> Result<JsObject, JsError> {
        JsValue::new(value).to_object(self.context)
    }
    fn create_bigint_object(&mut self, digits: &str) -> Result<JsObject, JsError> {
        self.bigint(digits)?.to_object(self.context)
    }
    fn create_string_object(&mut self, value: &CloneString) -> Result<JsObject, JsError> {
        JsValue::new(js_string(value)).to_object(self.context)
    }
    /// Step 9: a new Date whose [[DateValue]] is `time` (set through the native `setTime`,
    /// which applies TimeClip).
    fn create_date(&mut self, time: f64) -> Result<JsObject, JsError> {
        let date = JsDate::new(self.context);
        date.set_time(time, self.context)?;
        Ok(date.into())
    }
    /// Step 10: a new RegExp compiled from the source and flags; its lastIndex is 0.
    fn create_regexp(&mut self, source: &CloneString, flags: &str) -> Result<JsObject, JsError> {
        let source = JsValue::new(js_string(source));
        let flags = JsValue::new(boa_engine::JsString::from(flags));
        Ok(JsRegExp::new(source, flags, self.context)?.into())
    }
    /// Steps 14-15: a new ArrayBuffer adopting `data` as its data block.
    fn create_array_buffer(
        &mut self,
        data: BackingStore,
        max_byte_length: Option<usize>,
    ) -> Result<JsObject, JsError> {
        if let Some(max) = max_byte_length {
            let limit = self.context.host_hooks().max_buffer_size(self.context);
            if u64::try_from(max).map_or(true, |max| max > limit) {
                return Err(JsNativeError::range()
                    .with_message("maxByteLength exceeds the maximum buffer size")
                    .into());
            }
        }
        let block = match data.downcast::<BoaBytes>() {
            // A transferred boa data block moves in as it is.
            Ok(BoaBytes(block)) => block,
            // Deviation: boa keeps data blocks 64-byte aligned, so bytes from a record (a
            // `Vec<u8>`) are copied once into an aligned block.
            Err(other) => {
                external_memory::will_make_data_block(other.len());
                let mut block = AlignedVec::<u8>::new(BOA_BUFFER_ALIGNMENT);
                block.try_reserve_exact(other.len()).map_err(|_| {
                    JsNativeError::range().with_message("cannot allocate the ArrayBuffer")
                })?;
                block.extend_from_slice(other.bytes());
                block
            }
        };
        let buffer = JsArrayBuffer::from_byte_block(block, self.context)?;
        let buffer = match max_byte_length {
            Some(max) => buffer.with_max_byte_length(u64::try_from(max).unwrap_or(u64::MAX)),
            None => buffer,
        };
        Ok(buffer.into())
    }
    fn create_shared_array_buffer(
        &mut self,
        _memory: &SharedMemory,
        _max_byte_length: Option<usize>,
    ) -> Result<JsObject, JsError> {
        // TODO(spec): SharedArrayBuffers (steps 12-13) once cross-origin isolation is
        // modelled: no record this engine makes holds one (serialization throws at step
        // 13.1.1 first), so a record holding one was built elsewhere.
        Err(data_clone_error(
            self.context,
            "a SharedArrayBuffer cannot be deserialized in this agent cluster",
        ))
    }
    /// Step 16: a new typed array or DataView, made by the target realm's constructor (which
    /// runs no script for a buffer and numbers).
    fn create_array_buffer_view(
        &mut self,
        kind: ViewKind,
        buffer: &JsObject,
        byte_offset: usize,
        length: Option<usize>,
    ) -> Result<JsObject, JsError> {
        let constructor = self.view_constructor(kind);
        let length = length.map_or_else(JsValue::undefined, |n| JsValue::new(n as f64));
        let args = [
            buffer.clone().into(),
            JsValue::new(byte_offset as f64),
            length,
        ];
        constructor.construct(&args, None, self.context)
    }
    fn create_map(&mut self) -> Result<JsObject, JsError> {
        Ok(JsMap::new(self.context).into())
    }
    fn map_append(&mut self, map: &JsObject, key: JsValue, value: JsValue) -> Result<(), JsError> {
        JsMap::from_object(map.clone())?.set(key, value, self.context)?;
        Ok(())
    }
    fn create_set(&mut self) -> Result<JsObject, JsError> {
        Ok(JsSet::new(self.context).into())
    }
    fn set_append(&mut self, set: &JsObject, value: JsValue) -> Result<(), JsError> {
        JsSet::from_object(set.clone())
            .map_err(|_| JsNativeError::typ().with_message("not a Set"))?
            .add(value, self.context)?;
        Ok(())
    }
    /// Step 19: an Error of the target realm's `%name.prototype%`, with a `message` own data
    /// property only if the record has one.
    fn create_error(
        &mut self,
        name: ErrorName,
        message: Option<&CloneString>,
    ) -> Result<JsObject, JsError> {
        let native = match name {
            ErrorName::Error => JsNativeError::error(),
            ErrorName::EvalError => JsNativeError::eval(),
            ErrorName::RangeError => JsNativeError::range(),
            ErrorName::ReferenceError => JsNativeError::reference(),
            ErrorName::SyntaxError => JsNativeError::syntax(),
            ErrorName::TypeError => JsNativeError::typ(),
            ErrorName::UriError => JsNativeError::uri(),
        };
        // (into_opaque always defines "message": it is redefined with the record's UTF-16
        // message, or deleted.)
        let error = native.into_opaque(self.context);
        match message {
            Some(message) => {
                error.define_property_or_throw(
                    js_string!("message"),
                    PropertyDescriptor::builder()
                        .value(js_string(message))
                        .writable(true)
                        .enumerable(false)
                        .configurable(true),
                    self.context,
                )?;
            }
            None => {
                error.delete_property_or_throw(js_string!("message"), self.context)?;
            }
        }
        Ok(error)
    }
    fn create_platform_object(&mut self, interface: &str) -> Result<JsObject, JsError> {
        match interface {
            "DOMException" => dom_exception::create(self.context, "Error", ""),
            // Set up by the deserialization steps.
            "Blob" => create_blob(self.context, Blob::default()),
            "File" => create_file(self.context, File::default()),
            // Set up by the transfer-receiving steps (a MessagePort is never serialized).
            "MessagePort" => message_port::create_port_object(self.context, PortId(0)),
            _ => Err(data_clone_error(
                self.context,
                &format!("{interface} is not exposed in the target realm"),
            )),
        }
    }
    /// The deserialization steps of DOMException, Blob and File.
    ///
    /// Spec: <https://webidl.spec.whatwg.org/#idl-DOMException> (deserialization steps)
    fn deserialization_steps(
        &mut self,
        object: &JsObject,
        interface: &str,
        fields: Vec<(String, JsValue)>,
        bytes: &SharedBytes,
    ) -> Result<(), JsError> {
        let file_api = match interface {
            "Blob" => Some(
                blob_deserialization_steps(&fields, bytes).map(|blob| set_blob_state(object, blob)),
            ),
            "File" => Some(
                file_deserialization_steps(&fields, bytes).map(|file| set_file_state(object, file)),
            ),
            _ => None,
        };
        if let Some(result) = file_api {
            return match result {
                Ok(true) => Ok(()),
                Ok(false) => Err(JsNativeError::typ()
                    .with_message(format!("not a {interface}"))
                    .into()),
                Err(message) => Err(data_clone_error(self.context, &message)),
            };
        }
        if interface != "DOMException" {
            return Err(data_clone_error(
                self.context,
                &format!("{interface} objects cannot be deserialized"),
            ));
        }
        // 1. Set value's name to serialized.[[Name]].
        let name = string_field(&fields, "Name")?;
        // 2. Set value's message to serialized.[[Message]].
        let message = string_field(&fields, "Message")?;
        // 3. If any other data is attached to serialized, then deserialize and attach it to
        //    value.
        if !dom_exception::set_name_and_message(object, name, message) {
            return Err(JsNativeError::typ()
                .with_message("not a DOMException")
                .into());
        }
        Ok(())
    }
    /// Equal strings of a record share their units: the boa string made for the first
    /// is given again for the others.
    fn string_shared(&mut self, value: &RecordString) -> JsValue {
        JsValue::new(self.strings.string(value))
    }
    /// The key's property key made once for all the objects of the record that have it,
    /// the property put in boa's property map directly where CreateDataProperty is an
    /// insertion (see `properties`).
    fn create_data_property_shared(
        &mut self,
        object: &JsObject,
        key: &RecordString,
        value: JsValue,
    ) -> Result<(), JsError> {
        self.create_data_properties_in(object, std::iter::once((key, value)))
    }
    fn create_data_properties<'k>(
        &mut self,
        object: &JsObject,
        properties: impl Iterator<Item = (&'k RecordString, JsValue)>,
    ) -> Result<(), JsError> {
        self.create_data_properties_in(object, properties)
    }
    fn create_data_properties_moved(
        &mut self,
        object: &JsObject,
        properties: impl Iterator<Item = (RecordString, JsValue)>,
    ) -> Result<(), JsError> {
        self.create_data_properties_in(object, properties)
    }
    fn transfer_receiving_steps(
        &mut self,
        object: &JsObject,
        interface: &str,
        data: PlatformTransferData,
    ) -> Result<(), JsError> {
        let state = AgentState::of(self.context)?;
        let result = match interface {
            "MessagePort" => {
                let received = message_port::transfer_receiving_steps(&state, object, data);
                if received.is_ok() {
                    self.received_ports.push(object.clone());
                }
                received
            }
            _ => Err("objects of this interface cannot be transferred"),
        };
        result.map_err(|reason| data_clone_error(self.context, &format!("{interface}: {reason}")))
    }
}
