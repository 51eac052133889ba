//! [`SerializeHost`] for boa values: what StructuredSerializeInternal and the transfer steps
//! of StructuredSerializeWithTransfer read.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal>
//!
//! Nothing here runs page script except where the trait says it may (`get`, `to_string`):
//! internal slots are read through boa's Rust API or through native getters captured before
//! any page script ran ([`RealmData`]).

use std::sync::Arc;

use boa_engine::builtins::array_buffer::SharedArrayBuffer;
use boa_engine::object::builtins::{
    JsArray, JsArrayBuffer, JsDataView, JsMap, JsSet, JsSharedArrayBuffer, JsTypedArray,
};
use boa_engine::realm::Realm;
use boa_engine::{
    Context, JsError, JsNativeError, JsObject, JsString, JsValue, JsVariant, js_string,
};
use postern_clone::{
    BackingStore, CloneString, MapEntries, ObjectKind, PlatformSerialization, PlatformTransferData,
    RecordString, SerializeHost, SharedBytes, SharedMemory, ValueKind,
};

mod classify;
mod own_properties;

use self::own_properties::has_ordinary_own_properties;
use crate::agent::AgentState;
use crate::agent::realm_data::RealmData;
use crate::file_api::blob::{blob_of, blob_serialization_steps};
use crate::file_api::file::{file_of, file_serialization_steps};
use crate::html::structured_data::strings::{Cached, RecordStrings};
use crate::html::structured_data::{BoaBytes, clone_string, data_clone_error, js_string};
use crate::html::web_messaging::message_port;
use crate::webidl::dom_exception;

/// Reads boa values for StructuredSerializeInternal.
pub struct BoaSerializeHost<'a> {
    context: &'a mut Context,
    /// The realm current when the serialization began, whose captured functions the walk
    /// uses.
    realm: Realm,
    /// Those functions, copied out of the realm when first needed (most values need none).
    intrinsics: Option<RealmData>,
    /// The record strings made so far.
    strings: RecordStrings,
}

impl<'a> BoaSerializeHost<'a> {
    /// A host over `context`, using the functions captured from the current realm before any
    /// script ran (so page scripts cannot change what the walk sees).
    pub fn new(context: &'a mut Context) -> Result<Self, JsError> {
        let realm = context.realm().clone();
        // (Checked now, copied when first needed.)
        RealmData::window_of_realm(&realm)?;
        Ok(BoaSerializeHost {
            context,
            realm,
            intrinsics: None,
            strings: RecordStrings::take(),
        })
    }

    /// The functions captured from the realm before any script ran.
    fn intrinsics(&mut self) -> Result<&RealmData, JsError> {
        let intrinsics = match self.intrinsics.take() {
            Some(intrinsics) => intrinsics,
            None => RealmData::of_realm(&self.realm)?,
        };
        Ok(self.intrinsics.insert(intrinsics))
    }
}

impl Drop for BoaSerializeHost<'_> {
    /// The record strings made go back to the thread, for its next clone.
    fn drop(&mut self) {
        std::mem::take(&mut self.strings).give_back();
    }
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

    /// The internal slots of steps 7–24 of StructuredSerializeInternal (the answer the spec's
    /// order gives; see `classify_object_slots` for the order the tests run in).
    fn classify_object(&mut self, object: &JsObject) -> ObjectKind {
        self.classify_object_slots(object)
    }

    fn object_identity(&self, object: &JsObject) -> usize {
        std::ptr::from_ref(object.as_ref()) as *const () as usize
    }

    fn enumerable_own_string_keys(
        &mut self,
        object: &JsObject,
    ) -> Result<Vec<CloneString>, JsError> {
        let object_keys = self.intrinsics()?.object_keys.clone();
        let keys = object_keys.call(
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

    /// Through the realm's original `Object.getOwnPropertyDescriptor`, which runs no getter
    /// (only called for Error objects, which are not proxies).
    fn own_data_property(
        &mut self,
        object: &JsObject,
        key: &CloneString,
    ) -> Result<Option<JsValue>, JsError> {
        let get_own_property_descriptor = self.intrinsics()?.get_own_property_descriptor.clone();
        let descriptor = get_own_property_descriptor.call(
            &JsValue::undefined(),
            &[object.clone().into(), js_string(key).into()],
            self.context,
        )?;
        let Some(descriptor) = descriptor.as_object() else {
            return Ok(None);
        };
        // FromPropertyDescriptor made a fresh ordinary object: its own "value" is a data
        // property exactly when the property is a data property.
        if !descriptor.has_own_property(js_string!("value"), self.context)? {
            return Ok(None);
        }
        descriptor.get(js_string!("value"), self.context).map(Some)
    }

    fn to_string(&mut self, value: &JsValue) -> Result<CloneString, JsError> {
        Ok(clone_string(&value.to_string(self.context)?))
    }

    fn read_array_buffer<R>(&mut self, buffer: &JsObject, read: impl FnOnce(&[u8]) -> R) -> R {
        match JsArrayBuffer::from_object(buffer.clone()) {
            Ok(buffer) => match buffer.data() {
                Some(data) => read(&data),
                None => read(&[]),
            },
            Err(_) => read(&[]),
        }
    }

    /// A handle on the SharedArrayBuffer's data block (boa's, which is `Send + Sync`),
    /// tagged with the surrounding agent's agent cluster: each agent here is alone in its
    /// agent cluster (there are no dedicated workers), so the agent's id names the cluster.
    ///
    /// Not reached yet: the serialization runs without the cross-origin isolated capability,
    /// so step 13.1.1 throws first.
    // TODO(spec): cross-origin isolation (COOP/COEP) for the capability, and the
    // deserialization steps of a SharedArrayBuffer record (BoaDeserializeHost).
    fn shared_array_buffer_memory(&mut self, buffer: &JsObject) -> SharedMemory {
        let agent_cluster = AgentState::of(self.context).map_or(u64::MAX, |agent| agent.id.0);
        let block = JsSharedArrayBuffer::from_object(buffer.clone())
            .map(|shared| shared.inner())
            .unwrap_or_else(|_| SharedArrayBuffer::empty());
        SharedMemory::new(Arc::new(block), agent_cluster)
    }

    fn view_buffer(&mut self, view: &JsObject) -> JsObject {
        let buffer = if let Ok(typed_array) = JsTypedArray::from_object(view.clone()) {
            typed_array.buffer(self.context).ok()
        } else if let Ok(data_view) = JsDataView::from_object(view.clone()) {
            data_view.buffer(self.context).ok()
        } else {
            None
        };
        // (A view always has a buffer; failing that, the view itself is "not an
        // ArrayBuffer" to the algorithm.)
        buffer
            .and_then(|b| b.as_object())
            .unwrap_or_else(|| view.clone())
    }

    fn map_entries(&mut self, map: &JsObject) -> Result<MapEntries<JsValue>, JsError> {
        let map = JsMap::from_object(map.clone())?;
        let mut entries = Vec::new();
        map.for_each_native(|key, value| {
            entries.push((key, value));
            Ok(())
        })?;
        Ok(entries)
    }

    fn set_entries(&mut self, set: &JsObject) -> Result<Vec<JsValue>, JsError> {
        let set = JsSet::from_object(set.clone())
            .map_err(|_| JsNativeError::typ().with_message("not a Set"))?;
        let mut entries = Vec::new();
        set.for_each_native(|value| {
            entries.push(value);
            Ok(())
        })?;
        Ok(entries)
    }

    /// The serialization steps of DOMException, Blob and File.
    ///
    /// Spec: <https://webidl.spec.whatwg.org/#idl-DOMException> (serialization steps)
    fn serialization_steps(
        &mut self,
        object: &JsObject,
        interface: &str,
        _for_storage: bool,
    ) -> Result<PlatformSerialization<JsValue>, JsError> {
        match interface {
            "File" => {
                if let Some(file) = file_of(object) {
                    return Ok(file_serialization_steps(&file));
                }
            }
            "Blob" => {
                if let Some(blob) = blob_of(object) {
                    return Ok(blob_serialization_steps(&blob));
                }
            }
            _ => {}
        }
        match (interface, dom_exception::name_and_message(object)) {
            ("DOMException", Some((name, message))) => {
                // 1. Set serialized.[[Name]] to value's name.
                // 2. Set serialized.[[Message]] to value's message.
                // 3. User agents should attach a serialized representation of any interesting
                //    accompanying data which are not yet specified, notably the stack
                //    property, to serialized.
                // TODO(spec): step 3 (the stack).
                Ok(PlatformSerialization {
                    fields: vec![
                        ("Name".into(), JsString::from(name.as_str()).into()),
                        ("Message".into(), JsString::from(message.as_str()).into()),
                    ],
                    bytes: SharedBytes::default(),
                })
            }
            _ => Err(data_clone_error(
                self.context,
                &format!("{interface} objects cannot be serialized"),
            )),
        }
    }

    /// `? DetachArrayBuffer(buffer)`, taking boa's data block out of the buffer as it is.
    fn detach_array_buffer(&mut self, buffer: &JsObject) -> Result<BackingStore, JsError> {
        let buffer = JsArrayBuffer::from_object(buffer.clone())?;
        let block = buffer.detach(&JsValue::undefined())?;
        Ok(BackingStore::new(BoaBytes(block)))
    }

    fn transfer_steps(
        &mut self,
        object: &JsObject,
        interface: &str,
    ) -> Result<PlatformTransferData, JsError> {
        // MessagePort is the one transferable platform interface so far.
        let state = AgentState::of(self.context)?;
        let result = match interface {
            "MessagePort" => message_port::transfer_steps(&state, object),
            _ => Err("objects of this interface cannot be transferred"),
        };
        result.map_err(|reason| data_clone_error(self.context, &format!("{interface}: {reason}")))
    }

    fn set_detached(&mut self, object: &JsObject) {
        if let Ok(state) = AgentState::of(self.context) {
            message_port::detach(&state, object);
        }
    }

    // Fast paths: each key and string is copied once, into a record string shared by the
    // equal ones (`strings`), and the own properties of ordinary objects and Arrays are read
    // from boa's property map (`own_properties`).

    fn classify_value_shared(&mut self, value: &JsValue) -> ValueKind<JsObject, RecordString> {
        match value.variant() {
            JsVariant::String(s) => ValueKind::String(self.strings.string(&s)),
            // (Not a String: nothing to copy.)
            _ => self.classify_value(value).map_string(RecordString::from),
        }
    }

    fn append_enumerable_own_keys(
        &mut self,
        object: &JsObject,
        keys: &mut Vec<RecordString>,
    ) -> Result<(), JsError> {
        if has_ordinary_own_properties(object) {
            return self.append_ordinary_enumerable_own_keys(object, keys);
        }
        let own = self.enumerable_own_string_keys(object)?;
        keys.extend(own.into_iter().map(RecordString::from));
        Ok(())
    }

    fn get_own_property(
        &mut self,
        object: &JsObject,
        key: &RecordString,
    ) -> Result<Option<JsValue>, JsError> {
        if has_ordinary_own_properties(object) {
            return self.get_ordinary_own_property(object, key);
        }
        let key = CloneString::from(key);
        if self.has_own_property(object, &key)? {
            self.get(object, &key).map(Some)
        } else {
            Ok(None)
        }
    }
}
