//! What Postern's replacements of ECMAScript built-ins share: defining them as the standard
//! defines a built-in method, and RequireObjectCoercible for their `this`.

use boa_engine::object::FunctionObjectBuilder;
use boa_engine::property::PropertyDescriptor;
use boa_engine::{Context, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction};

/// Defines each `(name, length, steps)` on `object` as a built-in function of the current
/// realm: a data property, writable, not enumerable, configurable (ECMA-262 clause 18,
/// "ECMAScript Standard Built-in Objects"), replacing what was there.
pub(crate) fn define_builtin_methods<const N: usize>(
    context: &mut Context,
    object: &JsObject,
    methods: [(&str, usize, NativeFunction); N],
) {
    for (name, length, steps) in methods {
        let function: JsObject = FunctionObjectBuilder::new(context.realm(), steps)
            .name(JsString::from(name))
            .length(length)
            .build()
            .into();
        object.insert_property(
            JsString::from(name),
            PropertyDescriptor::builder()
                .value(function)
                .writable(true)
                .enumerable(false)
                .configurable(true),
        );
    }
}

/// RequireObjectCoercible(this value) for `String.prototype[method]`: a TypeError for
/// undefined and null.
///
/// Spec: <https://tc39.es/ecma262/#sec-requireobjectcoercible>
pub(crate) fn require_object_coercible(this: &JsValue, method: &str) -> JsResult<()> {
    if this.is_null_or_undefined() {
        return Err(JsNativeError::typ()
            .with_message(format!(
                "String.prototype.{method} called on null or undefined"
            ))
            .into());
    }
    Ok(())
}

/// RequireObjectCoercible(this value), then ToString: the first two steps of most
/// `String.prototype` methods.
pub(crate) fn this_string(
    this: &JsValue,
    method: &str,
    context: &mut Context,
) -> JsResult<JsString> {
    require_object_coercible(this, method)?;
    this.to_string(context)
}
