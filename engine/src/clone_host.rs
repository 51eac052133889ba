//! The `postern-clone` capability traits implemented for boa values.
//!
//! `postern-clone` walks values without knowing boa; this module answers its questions about
//! boa values ([`BoaSerializeHost`]) and builds values in a target realm
//! ([`BoaDeserializeHost`]). Objects are created in whatever realm the context is in, so
//! callers enter the target realm first.

use boa_engine::object::builtins::{
    JsArray, JsArrayBuffer, JsDataView, JsDate, JsMap, JsPromise, JsProxy, JsRegExp, JsSet,
    JsTypedArray, JsWeakMap, JsWeakSet,
};
use boa_engine::{
    Context, JsBigInt, JsError, JsNativeError, JsObject, JsString, JsValue, JsVariant,
};
use postern_clone::{
    BackingStore, CloneString, DeserializeHost, ErrorName, MapEntries, ObjectKind,
    PlatformSerialization, PlatformTransferData, SerializeHost, SharedMemory, ValueKind, ViewKind,
};

use crate::realm_data::RealmIntrinsics;

/// Reads boa values for StructuredSerializeInternal.
pub struct BoaSerializeHost<'a> {
    context: &'a mut Context,
    intrinsics: RealmIntrinsics,
}

impl<'a> BoaSerializeHost<'a> {
    /// A host over `context`, using the functions captured from the current realm before any
    /// script ran (so page scripts cannot change what the walk sees).
    pub fn new(context: &'a mut Context) -> Result<Self, JsError> {
        let intrinsics = RealmIntrinsics::of_current_realm(context)?;
        Ok(BoaSerializeHost {
            context,
            intrinsics,
        })
    }
}

fn clone_string(string: &JsString) -> CloneString {
    CloneString(string.to_vec())
}

fn js_string(string: &CloneString) -> JsString {
    JsString::from(string.as_units())
}

impl SerializeHost for BoaSerializeHost<'_> {
    type Value = JsValue;
    type Object = JsObject;
    type Error = JsError;

    fn classify_value(&mut self, value: &JsValue) -> ValueKind<JsObject> {
        match value.variant() {
            JsVariant::Undefined => ValueKind::Undefined,
            JsVariant::Null => ValueKind::Null,
            JsVariant::Boolean(b) => ValueKind::Boolean(b),
            JsVariant::Integer32(n) => ValueKind::Number(f64::from(n)),
            JsVariant::Float64(n) => ValueKind::Number(n),
            JsVariant::String(s) => ValueKind::String(clone_string(&s)),
            JsVariant::Symbol(_) => ValueKind::Symbol,
            JsVariant::BigInt(b) => ValueKind::BigInt(b.to_string()),
            JsVariant::Object(o) => ValueKind::Object(o.clone()),
        }
    }

    fn classify_object(&mut self, object: &JsObject) -> ObjectKind {
        if object.is_callable() {
            return ObjectKind::Callable;
        }
        if JsProxy::from_object(object.clone()).is_ok() {
            return ObjectKind::NotSerializable("a Proxy".into());
        }
        if object.is_array() {
            // An Array's own "length" is a data property holding a uint32.
            let length = object
                .get(boa_engine::js_string!("length"), self.context)
                .ok()
                .and_then(|v| v.as_number())
                .map(|n| n as u32)
                .unwrap_or(0);
            return ObjectKind::Array { length };
        }
        if object.is_ordinary() {
            return ObjectKind::Ordinary;
        }
        ObjectKind::NotSerializable(describe_unsupported(object).into())
    }

    fn object_identity(&self, object: &JsObject) -> usize {
        std::ptr::from_ref(object.as_ref()) as *const () as usize
    }

    fn enumerable_own_string_keys(
        &mut self,
        object: &JsObject,
    ) -> Result<Vec<CloneString>, JsError> {
        let keys = self.intrinsics.object_keys.call(
            &JsValue::undefined(),
            &[object.clone().into()],
            self.context,
        )?;
        let keys = keys
            .as_object()
            .and_then(|o| JsArray::from_object(o.clone()).ok())
            .ok_or_else(|| JsNativeError::typ().with_message("Object.keys gave no array"))?;
        let length = keys.length(self.context)?;
        let mut out = Vec::with_capacity(usize::try_from(length).unwrap_or(0));
        for i in 0..length {
            let key = keys.get(i, self.context)?;
            if let Some(s) = key.as_string() {
                out.push(clone_string(&s));
            }
        }
        Ok(out)
    }

    fn has_own_property(&mut self, object: &JsObject, key: &CloneString) -> Result<bool, JsError> {
        object.has_own_property(js_string(key), self.context)
    }

    fn get(&mut self, object: &JsObject, key: &CloneString) -> Result<JsValue, JsError> {
        object.get(js_string(key), self.context)
    }

    // The kinds below are never returned by `classify_object` yet (it reports them as
    // NotSerializable), so the algorithm never calls these.
    // TODO(spec): the clone issue implements them for boa's Date, RegExp, ArrayBuffer, views,
    // Map, Set, Error, wrapper and platform objects.

    fn own_data_property(
        &mut self,
        object: &JsObject,
        key: &CloneString,
    ) -> Result<Option<JsValue>, JsError> {
        // Deviation: reads through [[Get]]; only used for Error objects, not classified yet.
        object.get(js_string(key), self.context).map(Some)
    }

    fn to_string(&mut self, value: &JsValue) -> Result<CloneString, JsError> {
        Ok(clone_string(&value.to_string(self.context)?))
    }

    fn read_array_buffer<R>(&mut self, _buffer: &JsObject, read: impl FnOnce(&[u8]) -> R) -> R {
        read(&[])
    }

    fn shared_array_buffer_memory(&mut self, _buffer: &JsObject) -> SharedMemory {
        SharedMemory::new(std::sync::Arc::new(()), 0)
    }

    fn view_buffer(&mut self, view: &JsObject) -> JsObject {
        view.clone()
    }

    fn map_entries(&mut self, _map: &JsObject) -> Result<MapEntries<JsValue>, JsError> {
        Err(not_yet("Map"))
    }

    fn set_entries(&mut self, _set: &JsObject) -> Result<Vec<JsValue>, JsError> {
        Err(not_yet("Set"))
    }

    fn serialization_steps(
        &mut self,
        _object: &JsObject,
        interface: &str,
        _for_storage: bool,
    ) -> Result<PlatformSerialization<JsValue>, JsError> {
        Err(not_yet(interface))
    }

    fn detach_array_buffer(&mut self, _buffer: &JsObject) -> Result<BackingStore, JsError> {
        Err(not_yet("ArrayBuffer transfer"))
    }

    fn transfer_steps(
        &mut self,
        _object: &JsObject,
        interface: &str,
    ) -> Result<PlatformTransferData, JsError> {
        Err(not_yet(interface))
    }

    fn set_detached(&mut self, _object: &JsObject) {}
}

/// The error for a kind of value this host cannot handle yet.
fn not_yet(what: &str) -> JsError {
    JsNativeError::typ()
        .with_message(format!(
            "{what} cannot be cloned by this version of Postern"
        ))
        .into()
}

/// Names an object kind that this version of the algorithm does not clone, for the
/// DataCloneError message.
fn describe_unsupported(object: &JsObject) -> &'static str {
    let o = || object.clone();
    if JsPromise::from_object(o()).is_ok() {
        "a Promise"
    } else if JsWeakMap::from_object(o()).is_ok() {
        "a WeakMap"
    } else if JsWeakSet::from_object(o()).is_ok() {
        "a WeakSet"
    } else if JsMap::from_object(o()).is_ok() {
        "a Map (not yet supported)"
    } else if JsSet::from_object(o()).is_ok() {
        "a Set (not yet supported)"
    } else if JsDate::from_object(o()).is_ok() {
        "a Date (not yet supported)"
    } else if JsRegExp::from_object(o()).is_ok() {
        "a RegExp (not yet supported)"
    } else if JsArrayBuffer::from_object(o()).is_ok() {
        "an ArrayBuffer (not yet supported)"
    } else if JsTypedArray::from_object(o()).is_ok() || JsDataView::from_object(o()).is_ok() {
        "an ArrayBuffer view (not yet supported)"
    } else {
        "a platform or exotic object"
    }
}

/// Builds boa values in the current realm for StructuredDeserialize.
pub struct BoaDeserializeHost<'a> {
    context: &'a mut Context,
}

impl<'a> BoaDeserializeHost<'a> {
    /// A host creating objects in `context`'s current realm (enter the target realm first).
    pub fn new(context: &'a mut Context) -> Self {
        BoaDeserializeHost { context }
    }
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
    fn create_object(&mut self) -> Result<JsObject, JsError> {
        Ok(JsObject::with_object_proto(self.context.intrinsics()))
    }
    fn create_array(&mut self, length: u32) -> Result<JsObject, JsError> {
        let array: JsObject = JsArray::new(self.context)?.into();
        array.set(boa_engine::js_string!("length"), length, true, self.context)?;
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

    // Records never hold these kinds yet (the serializer does not produce them), but a record
    // is untrusted input: building one of them is refused.
    // TODO(spec): the clone issue implements them.

    fn create_boolean_object(&mut self, _value: bool) -> Result<JsObject, JsError> {
        Err(not_yet("Boolean object"))
    }
    fn create_number_object(&mut self, _value: f64) -> Result<JsObject, JsError> {
        Err(not_yet("Number object"))
    }
    fn create_bigint_object(&mut self, _digits: &str) -> Result<JsObject, JsError> {
        Err(not_yet("BigInt object"))
    }
    fn create_string_object(&mut self, _value: &CloneString) -> Result<JsObject, JsError> {
        Err(not_yet("String object"))
    }
    fn create_date(&mut self, _time: f64) -> Result<JsObject, JsError> {
        Err(not_yet("Date"))
    }
    fn create_regexp(&mut self, _source: &CloneString, _flags: &str) -> Result<JsObject, JsError> {
        Err(not_yet("RegExp"))
    }
    fn create_array_buffer(
        &mut self,
        _data: BackingStore,
        _max_byte_length: Option<usize>,
    ) -> Result<JsObject, JsError> {
        Err(not_yet("ArrayBuffer"))
    }
    fn create_shared_array_buffer(
        &mut self,
        _memory: &SharedMemory,
        _max_byte_length: Option<usize>,
    ) -> Result<JsObject, JsError> {
        Err(not_yet("SharedArrayBuffer"))
    }
    fn create_array_buffer_view(
        &mut self,
        _kind: ViewKind,
        _buffer: &JsObject,
        _byte_offset: usize,
        _length: Option<usize>,
    ) -> Result<JsObject, JsError> {
        Err(not_yet("ArrayBuffer view"))
    }
    fn create_map(&mut self) -> Result<JsObject, JsError> {
        Err(not_yet("Map"))
    }
    fn map_append(
        &mut self,
        _map: &JsObject,
        _key: JsValue,
        _value: JsValue,
    ) -> Result<(), JsError> {
        Err(not_yet("Map"))
    }
    fn create_set(&mut self) -> Result<JsObject, JsError> {
        Err(not_yet("Set"))
    }
    fn set_append(&mut self, _set: &JsObject, _value: JsValue) -> Result<(), JsError> {
        Err(not_yet("Set"))
    }
    fn create_error(
        &mut self,
        _name: ErrorName,
        _message: Option<&CloneString>,
    ) -> Result<JsObject, JsError> {
        Err(not_yet("Error"))
    }
    fn create_platform_object(&mut self, interface: &str) -> Result<JsObject, JsError> {
        Err(not_yet(interface))
    }
    fn deserialization_steps(
        &mut self,
        _object: &JsObject,
        interface: &str,
        _fields: Vec<(String, JsValue)>,
        _bytes: &[u8],
    ) -> Result<(), JsError> {
        Err(not_yet(interface))
    }
    fn transfer_receiving_steps(
        &mut self,
        _object: &JsObject,
        interface: &str,
        _data: PlatformTransferData,
    ) -> Result<(), JsError> {
        Err(not_yet(interface))
    }
}
