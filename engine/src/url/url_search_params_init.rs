//! The conversion of `URLSearchParams`' constructor argument to its Web IDL type,
//! `(sequence<sequence<USVString>> or record<USVString, USVString> or USVString)`: the union,
//! sequence and record conversions it needs.
//!
//! Spec: <https://webidl.spec.whatwg.org/#js-union>, <https://webidl.spec.whatwg.org/#js-sequence>,
//! <https://webidl.spec.whatwg.org/#js-record>

use std::collections::HashMap;

use boa_engine::builtins::object::OrdinaryObject;
use boa_engine::property::PropertyKey;
use boa_engine::{
    Context, JsNativeError, JsObject, JsResult, JsString, JsSymbol, JsValue, js_string,
};

use crate::webidl::conversions::to_usv_string;
use crate::webidl::conversions::type_error;

/// The longest sequence the constructor converts.
///
/// Deviation: a longer one throws a RangeError rather than growing until the agent runs out
/// of memory (an endless iterator is script's to write, but the loop reading it is Rust's).
const MAX_SEQUENCE_LENGTH: usize = 1 << 17;

/// The `init` argument of the constructor, converted to its union type.
pub(crate) enum Init {
    /// `sequence<sequence<USVString>>`.
    Sequence(Vec<Vec<String>>),
    /// `record<USVString, USVString>`.
    Record(Vec<(String, String)>),
    /// `USVString`.
    String(String),
}

/// Converts `init` to `(sequence<sequence<USVString>> or record<USVString, USVString> or
/// USVString)`, `""` when undefined.
///
/// Spec: <https://webidl.spec.whatwg.org/#js-union>
pub(crate) fn convert_init(value: &JsValue, context: &mut Context) -> JsResult<Init> {
    // (The optional argument's default: "".)
    if value.is_undefined() {
        return Ok(Init::String(String::new()));
    }
    // 11. If V is an Object, then:
    if let Some(object) = value.as_object() {
        // 1. If types includes a sequence type: let method be ? GetMethod(V,
        //    %Symbol.iterator%); if method is not undefined, return the result of creating a
        //    sequence of that type from V and method.
        if let Some(method) = get_method(&object, context)? {
            let outer = create_a_sequence_from_an_iterable(value, &method, context)?;
            let mut sequence = Vec::with_capacity(outer.len());
            for item in outer {
                sequence.push(sequence_of_usv_strings(&item, context)?);
            }
            return Ok(Init::Sequence(sequence));
        }
        // 4. If types includes a record type, then return the result of converting V to
        //    that record type.
        return Ok(Init::Record(record_of_usv_strings(&object, context)?));
    }
    // 12-16. ... If types includes a string type, then return the result of converting V to
    //    that type.
    Ok(Init::String(to_usv_string(value, context)?))
}

/// `GetMethod(V, %Symbol.iterator%)`: `None` when undefined or null.
///
/// Spec: <https://tc39.es/ecma262/#sec-getmethod>
pub(crate) fn get_method(object: &JsObject, context: &mut Context) -> JsResult<Option<JsObject>> {
    // 1. Let func be ? GetV(V, P).
    let func = object.get(JsSymbol::iterator(), context)?;
    // 2. If func is either undefined or null, return undefined.
    if func.is_null_or_undefined() {
        return Ok(None);
    }
    // 3. If IsCallable(func) is false, throw a TypeError exception.
    // 4. Return func.
    match func.as_object() {
        Some(func) if func.is_callable() => Ok(Some(func)),
        _ => Err(type_error("The value's @@iterator is not callable.")),
    }
}

/// Converts `value` to `sequence<USVString>`.
///
/// Spec: <https://webidl.spec.whatwg.org/#js-sequence>
fn sequence_of_usv_strings(value: &JsValue, context: &mut Context) -> JsResult<Vec<String>> {
    // 1. If V is not an Object, throw a TypeError.
    let Some(object) = value.as_object() else {
        return Err(type_error(
            "Failed to construct 'URLSearchParams': The provided value cannot be converted to a sequence.",
        ));
    };
    // 2. Let method be ? GetMethod(V, %Symbol.iterator%).
    // 3. If method is undefined, throw a TypeError.
    let Some(method) = get_method(&object, context)? else {
        return Err(type_error(
            "Failed to construct 'URLSearchParams': The object must have a callable @@iterator property.",
        ));
    };
    // 4. Return the result of creating a sequence from V and method.
    let items = create_a_sequence_from_an_iterable(value, &method, context)?;
    items
        .iter()
        .map(|item| to_usv_string(item, context))
        .collect()
}

/// The values `iterable`'s iterator gives (converting them to the sequence's type is the
/// caller's).
///
/// Spec: <https://webidl.spec.whatwg.org/#create-sequence-from-iterable>
pub(crate) fn create_a_sequence_from_an_iterable(
    iterable: &JsValue,
    method: &JsObject,
    context: &mut Context,
) -> JsResult<Vec<JsValue>> {
    // 1. Let iteratorRecord be ? GetIteratorFromMethod(iterable, method).
    let iterator = method.call(iterable, &[], context)?;
    let Some(iterator) = iterator.as_object() else {
        return Err(type_error("The iterator is not an object."));
    };
    let next = iterator.get(js_string!("next"), context)?;
    // 2. Let i be 0.
    let mut items = Vec::new();
    // 3. Repeat:
    loop {
        if items.len() >= MAX_SEQUENCE_LENGTH {
            return Err(JsNativeError::range()
                .with_message("The sequence is too long.")
                .into());
        }
        // 1. Let next be ? IteratorStepValue(iteratorRecord).
        let Some(next) = next.as_object().filter(|next| next.is_callable()) else {
            return Err(type_error("The iterator's next is not callable."));
        };
        let result = next.call(&iterator.clone().into(), &[], context)?;
        let Some(result) = result.as_object() else {
            return Err(type_error("The iterator result is not an object."));
        };
        // 2. If next is done, then return an IDL sequence value of length i.
        if result.get(js_string!("done"), context)?.to_boolean() {
            return Ok(items);
        }
        // 3. Initialize Si to the result of converting next to an IDL value of type T.
        // 4. Set i to i + 1.
        items.push(result.get(js_string!("value"), context)?);
    }
}

/// Converts `object` to `record<USVString, USVString>`: its own enumerable properties, in
/// property order; a key that converts to one already there replaces its value in place.
///
/// Spec: <https://webidl.spec.whatwg.org/#js-record>
fn record_of_usv_strings(
    object: &JsObject,
    context: &mut Context,
) -> JsResult<Vec<(String, String)>> {
    // 1. If V is not an Object, throw a TypeError. (It is: the union chose the record.)
    // 2. Let result be a new empty instance of record<K, V>.
    let mut result: Vec<(String, String)> = Vec::new();
    // Where each key is in `result` (so a record of many keys is not quadratic).
    let mut index: HashMap<String, usize> = HashMap::new();
    // 3. Let keys be ? O.[[OwnPropertyKeys]]().
    let keys = object.own_property_keys(context)?;
    // 4. For each key of keys:
    for key in keys {
        if result.len() >= MAX_SEQUENCE_LENGTH {
            return Err(JsNativeError::range()
                .with_message("The record is too large.")
                .into());
        }
        // 1. Let desc be ? O.[[GetOwnProperty]](key).
        // 2. If desc is not undefined and desc.[[Enumerable]] is true:
        //    (`propertyIsEnumerable` is exactly that one [[GetOwnProperty]].)
        let key_value: JsValue = match &key {
            PropertyKey::String(s) => s.clone().into(),
            PropertyKey::Symbol(s) => s.clone().into(),
            PropertyKey::Index(i) => JsString::from(i.get().to_string()).into(),
        };
        let enumerable = OrdinaryObject::property_is_enumerable(
            &object.clone().into(),
            std::slice::from_ref(&key_value),
            context,
        )?;
        if !enumerable.to_boolean() {
            continue;
        }
        // 1. Let typedKey be key converted to an IDL value of type K. (A Symbol throws.)
        let typed_key = to_usv_string(&key_value, context)?;
        // 2. Let value be ? Get(O, key).
        let value = object.get(key, context)?;
        // 3. Let typedValue be value converted to an IDL value of type V.
        let typed_value = to_usv_string(&value, context)?;
        // 4. Set result[typedKey] to typedValue.
        match index.get(&typed_key).and_then(|&i| result.get_mut(i)) {
            Some(entry) => entry.1 = typed_value,
            None => {
                index.insert(typed_key.clone(), result.len());
                result.push((typed_key, typed_value));
            }
        }
    }
    // 5. Return result.
    Ok(result)
}
