//! Steps 24.3.1.2–3 of StructuredDeserialize on the Objects and Arrays the boa host made:
//! `! CreateDataProperty(value, key, deserializedValue)` put straight into boa's property
//! map where the spec's `[[DefineOwnProperty]]` would do nothing else.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserialize>,
//! <https://tc39.es/ecma262/#sec-createdataproperty>
//!
//! The objects are new, extensible and seen by no script yet (no script runs during
//! deserialization), so for a key that is not there yet OrdinaryDefineOwnProperty is one
//! insertion of `{ [[Value]], [[Writable]]: true, [[Enumerable]]: true, [[Configurable]]:
//! true }`; over a property of the same key (only a record built by hand repeats a key) it
//! replaces what this host put there, which is configurable: the same insertion again.

use boa_engine::property::{PropertyDescriptor, PropertyKey};
use boa_engine::{JsError, JsObject, JsValue, js_string};
use postern_clone::RecordString;

use crate::html::structured_data::deserialize_host::BoaDeserializeHost;

/// How an object's `[[DefineOwnProperty]]` treats a data property this host creates.
#[derive(Clone, Copy)]
enum Target {
    /// An ordinary object: OrdinaryDefineOwnProperty, an insertion.
    Ordinary,
    /// An Array exotic object whose `length` is `length`: an insertion for an array index
    /// below it and for a key that is neither an index nor `"length"`.
    Array {
        /// The value of the array's `length`.
        length: u32,
    },
    /// Anything else: its own `[[DefineOwnProperty]]`.
    Other,
}

/// `{ [[Value]]: value, [[Writable]]: true, [[Enumerable]]: true, [[Configurable]]: true }`.
fn data_property(value: JsValue) -> PropertyDescriptor {
    PropertyDescriptor::builder()
        .value(value)
        .writable(true)
        .enumerable(true)
        .configurable(true)
        .build()
}

/// `{ [[Value]]: length, [[Writable]]: true, [[Enumerable]]: false, [[Configurable]]:
/// false }`: the `length` of an Array made by ArrayCreate.
pub(super) fn array_length_property(length: u32) -> PropertyDescriptor {
    PropertyDescriptor::builder()
        .value(length)
        .writable(true)
        .enumerable(false)
        .configurable(false)
        .build()
}

/// What kind of target `object` is (an Array's `length` read once from its property map).
fn target_of(object: &JsObject) -> Target {
    if object.is_ordinary() {
        return Target::Ordinary;
    }
    if object.is_array() {
        let length = object
            .borrow()
            .properties()
            .get(&PropertyKey::from(js_string!("length")))
            .and_then(|desc| desc.value().and_then(JsValue::as_number))
            .and_then(|n| {
                (n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n)).then_some(n as u32)
            });
        if let Some(length) = length {
            return Target::Array { length };
        }
    }
    Target::Other
}

/// Whether `! CreateDataProperty(object, key, ...)` on `target` is an insertion into its
/// property map.
///
/// Spec: <https://tc39.es/ecma262/#sec-array-exotic-objects-defineownproperty-p-desc>
fn is_insertion(target: Target, key: &PropertyKey) -> bool {
    match (target, key) {
        (Target::Ordinary, _) => true,
        // 1. If P is "length", then return ? ArraySetLength(A, Desc).
        (Target::Array { .. }, PropertyKey::String(name)) => name != &js_string!("length"),
        // 2. Else if P is an array index, then
        //    a-d. Let length be lengthDesc.[[Value]] ...
        //    e. If index ≥ length and lengthDesc.[[Writable]] is false, return false.
        //    f. Let succeeded be ! OrdinaryDefineOwnProperty(A, P, Desc).
        //    h. If index ≥ length, then set length to index + 1 ...
        //    (Below length, only f: an insertion.)
        (Target::Array { length }, PropertyKey::Index(index)) => index.get() < length,
        // 3. Return ? OrdinaryDefineOwnProperty(A, P, Desc). (Symbols are never keys here.)
        (Target::Array { .. }, PropertyKey::Symbol(_)) => true,
        (Target::Other, _) => false,
    }
}

impl BoaDeserializeHost<'_> {
    /// `! CreateDataProperty(object, key, value)` for each of an Object's or Array's
    /// properties, in order (the keys' property keys made once per record string).
    pub(super) fn create_data_properties_in<K>(
        &mut self,
        object: &JsObject,
        properties: impl Iterator<Item = (K, JsValue)>,
    ) -> Result<(), JsError>
    where
        K: std::borrow::Borrow<RecordString>,
    {
        let target = target_of(object);
        for (key, value) in properties {
            let key = self.strings.key(key.borrow());
            if is_insertion(target, &key) {
                object.insert_property(key, data_property(value));
            } else {
                object.create_data_property_or_throw(key, value, self.context)?;
            }
        }
        Ok(())
    }
}
