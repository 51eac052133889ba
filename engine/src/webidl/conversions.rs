//! Conversions between JS values and Web IDL types (arguments, DOMString, FrozenArray) and the
//! TypeError the bindings throw.

use boa_engine::object::IntegrityLevel;
use boa_engine::object::builtins::JsArray;
use boa_engine::{Context, JsError, JsNativeError, JsObject, JsResult, JsValue, js_string};

/// The `i`th argument, or `undefined`.
pub(crate) fn arg(args: &[JsValue], i: usize) -> JsValue {
    args.get(i).cloned().unwrap_or_default()
}

/// WebIDL DOMString conversion (`ToString`).
pub(crate) fn to_dom_string(value: &JsValue, context: &mut Context) -> JsResult<String> {
    Ok(value.to_string(context)?.to_std_string_escaped())
}

/// A TypeError.
pub(crate) fn type_error(message: impl Into<String>) -> JsError {
    JsNativeError::typ().with_message(message.into()).into()
}

/// A `FrozenArray<T>` of the values of `list` (an array-like's elements by index), or an empty
/// one: a new array, frozen.
///
/// Spec: <https://webidl.spec.whatwg.org/#es-frozen-array>
pub(crate) fn frozen_array(list: &JsValue, context: &mut Context) -> JsResult<JsValue> {
    let array = JsArray::new(context)?;
    if let Some(object) = list.as_object() {
        let length = object
            .get(js_string!("length"), context)?
            .to_length(context)?;
        for i in 0..length {
            array.push(object.get(i, context)?, context)?;
        }
    }
    let object: JsObject = array.into();
    object.set_integrity_level(IntegrityLevel::Frozen, context)?;
    Ok(object.into())
}
