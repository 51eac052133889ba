//! Step 26.4 of StructuredSerializeInternal on boa objects whose own properties are
//! ordinary: the keys listed and each property read straight from boa's property map, with
//! the keys shared with the record rather than copied twice.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal>
//!
//! Only ordinary objects and Arrays (whose `[[GetOwnProperty]]` and `[[OwnPropertyKeys]]` are
//! the ordinary ones: boa's Array overrides `[[DefineOwnProperty]]` alone) are read this way;
//! there these internal methods run no script, so reading boa's property map is what they
//! return. Getters still run, once each, in the same order, and their exceptions propagate.

use boa_engine::object::BorrowError;
use boa_engine::property::{DescriptorKind, PropertyKey};
use boa_engine::{JsError, JsNativeError, JsObject, JsValue};
use postern_clone::RecordString;

use crate::html::structured_data::serialize_host::BoaSerializeHost;

/// Whether `object`'s `[[GetOwnProperty]]` and `[[OwnPropertyKeys]]` are the ordinary ones.
pub(super) fn has_ordinary_own_properties(object: &JsObject) -> bool {
    object.is_ordinary() || object.is_array()
}

/// The error for an object boa is changing right now (never the case while a clone runs:
/// no script runs while its property map is read).
fn borrowed(_: BorrowError) -> JsError {
    JsNativeError::typ()
        .with_message("the object is in use")
        .into()
}

impl BoaSerializeHost<'_> {
    /// Appends `! EnumerableOwnProperties(object, key)` to `keys`, for an object with
    /// [ordinary own properties](has_ordinary_own_properties).
    ///
    /// Spec: <https://tc39.es/ecma262/#sec-enumerableownproperties>
    pub(super) fn append_ordinary_enumerable_own_keys(
        &mut self,
        object: &JsObject,
        keys: &mut Vec<RecordString>,
    ) -> Result<(), JsError> {
        // 1. Let ownKeys be ? O.[[OwnPropertyKeys]]().
        let own_keys = object.own_property_keys(self.context)?;
        // 2. Let results be a new empty List.
        keys.reserve(own_keys.len());
        let object = object.try_borrow().map_err(borrowed)?;
        let properties = object.properties();
        // 3. For each element key of ownKeys, do
        for key in &own_keys {
            // a. If key is a String, then
            if matches!(key, PropertyKey::Symbol(_)) {
                continue;
            }
            //    i. Let desc be ? O.[[GetOwnProperty]](key).
            //    ii. If desc is not undefined and desc.[[Enumerable]] is true, then
            //        1. If kind is key, append key to results.
            let enumerable = properties.get(key).and_then(|desc| desc.enumerable());
            if enumerable == Some(true)
                && let Some(key) = self.strings.key(key)
            {
                keys.push(key);
            }
        }
        // 4. Return results.
        Ok(())
    }

    /// `! HasOwnProperty(object, key)` and, if true, `? object.[[Get]](key, object)`, for an
    /// object with [ordinary own properties](has_ordinary_own_properties): `None` if there
    /// is no such own property (an earlier getter deleted it).
    ///
    /// Spec: <https://tc39.es/ecma262/#sec-hasownproperty>,
    /// <https://tc39.es/ecma262/#sec-ordinaryget>
    pub(super) fn get_ordinary_own_property(
        &mut self,
        object: &JsObject,
        key: &RecordString,
    ) -> Result<Option<JsValue>, JsError> {
        let key = self.strings.property_key(key);
        // HasOwnProperty(O, P):
        // 1. Let desc be ? O.[[GetOwnProperty]](P).
        let desc = object
            .try_borrow()
            .map_err(borrowed)?
            .properties()
            .get(&key);
        // 2. If desc is undefined, return false.
        let Some(desc) = desc else {
            return Ok(None);
        };
        // 3. Return true.
        // O.[[Get]](P, O) is OrdinaryGet(O, P, O), and O.[[GetOwnProperty]](P) gives the
        // same desc again (nothing ran in between):
        // 1. Let desc be ? O.[[GetOwnProperty]](P).
        // 2. If desc is undefined, then ... (not so: desc is an own property)
        let value = match desc.kind() {
            // 3. If IsDataDescriptor(desc) is true, return desc.[[Value]].
            DescriptorKind::Data { value, .. } => value.clone().unwrap_or_default(),
            // 4. Assert: IsAccessorDescriptor(desc) is true.
            // 5. Let getter be desc.[[Get]].
            DescriptorKind::Accessor { get, .. } => match get.as_ref().and_then(JsValue::as_object)
            {
                // 7. Return ? Call(getter, Receiver).
                Some(getter) => getter.call(&object.clone().into(), &[], self.context)?,
                // 6. If getter is undefined, return undefined.
                None => JsValue::undefined(),
            },
            // (A property map holds no generic descriptor.)
            DescriptorKind::Generic => JsValue::undefined(),
        };
        Ok(Some(value))
    }
}
