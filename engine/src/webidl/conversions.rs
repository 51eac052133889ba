//! Small helpers shared by the bindings.

use boa_engine::object::builtins::JsArray;
use boa_engine::object::{FunctionObjectBuilder, IntegrityLevel};
use boa_engine::property::PropertyDescriptor;
use boa_engine::{
    Context, JsError, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
    js_string,
};

/// A function object of the current realm.
pub(crate) fn function(
    context: &mut Context,
    name: &str,
    length: usize,
    body: NativeFunction,
) -> JsObject {
    FunctionObjectBuilder::new(context.realm(), body)
        .name(JsString::from(name))
        .length(length)
        .build()
        .into()
}

/// Defines an operation (a method) on `object`, as WebIDL does: writable, enumerable,
/// configurable.
pub(crate) fn define_method(
    context: &mut Context,
    object: &JsObject,
    name: &str,
    length: usize,
    body: NativeFunction,
) -> JsResult<()> {
    let f = function(context, name, length, body);
    object.define_property_or_throw(
        JsString::from(name),
        PropertyDescriptor::builder()
            .value(f)
            .writable(true)
            .enumerable(true)
            .configurable(true),
        context,
    )?;
    Ok(())
}

/// Defines an attribute (an accessor pair) on `object`, as WebIDL does: enumerable,
/// configurable.
pub(crate) fn define_accessor(
    context: &mut Context,
    object: &JsObject,
    name: &str,
    getter: NativeFunction,
    setter: Option<NativeFunction>,
) -> JsResult<()> {
    let get = function(context, &format!("get {name}"), 0, getter);
    let mut descriptor = PropertyDescriptor::builder()
        .get(get)
        .enumerable(true)
        .configurable(true);
    if let Some(setter) = setter {
        descriptor = descriptor.set(function(context, &format!("set {name}"), 1, setter));
    } else {
        descriptor = descriptor.set(JsValue::undefined());
    }
    object.define_property_or_throw(JsString::from(name), descriptor, context)?;
    Ok(())
}

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
