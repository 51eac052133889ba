//! Conversions between JS values and Web IDL types (arguments, DOMString, FrozenArray) and the
//! TypeError the bindings throw.

use boa_engine::object::IntegrityLevel;
use boa_engine::object::builtins::JsArray;
use boa_engine::string::JsStrVariant;
use boa_engine::{
    Context, Finalize, JsError, JsNativeError, JsObject, JsResult, JsString, JsValue, Trace,
};
use boa_gc::GcRefCell;

/// The `i`th argument, or `undefined`.
pub(crate) fn arg(args: &[JsValue], i: usize) -> JsValue {
    args.get(i).cloned().unwrap_or_default()
}

/// WebIDL DOMString conversion (`ToString`), as a Rust string.
///
/// Deviation: a DOMString may hold lone surrogates, which a Rust string cannot; they become
/// U+FFFD (as USVString conversion does), not the six characters of an escape.
pub(crate) fn to_dom_string(value: &JsValue, context: &mut Context) -> JsResult<String> {
    Ok(string_lossy(&value.to_string(context)?))
}

/// `string` as a Rust string, each lone surrogate as U+FFFD: boa's `to_std_string_lossy`
/// without its detour through `Display` (a formatter call per character run), which showed
/// in the profile of every `postMessage(message, targetOrigin)`.
pub(crate) fn string_lossy(string: &JsString) -> String {
    match string.variant() {
        // Each Latin-1 code unit is the code point of the same number.
        JsStrVariant::Latin1(bytes) => bytes.iter().map(|&byte| char::from(byte)).collect(),
        JsStrVariant::Utf16(units) => String::from_utf16_lossy(units),
    }
}

/// Web IDL's USVString conversion: `ToString`, then each lone surrogate becomes U+FFFD.
///
/// Spec: <https://webidl.spec.whatwg.org/#js-USVString>
pub(crate) fn to_usv_string(value: &JsValue, context: &mut Context) -> JsResult<String> {
    // 1. Let string be the result of converting V to a DOMString.
    // 2. Return an IDL USVString value that is the result of converting string to a sequence
    //    of scalar values.
    Ok(string_lossy(&value.to_string(context)?))
}

/// An optional USVString argument: `None` when it is missing or `undefined` (Web IDL treats
/// an `undefined` optional argument without a default as not given).
///
/// Spec: <https://webidl.spec.whatwg.org/#js-overloads> (step 11.3 of the overload
/// resolution algorithm)
pub(crate) fn optional_usv_string(
    value: &JsValue,
    context: &mut Context,
) -> JsResult<Option<String>> {
    if value.is_undefined() {
        return Ok(None);
    }
    to_usv_string(value, context).map(Some)
}

/// Throws the TypeError Web IDL's overload resolution throws when fewer than `required`
/// arguments are passed: `what` names the member (`Failed to execute 'append' on
/// 'URLSearchParams'`).
///
/// Spec: <https://webidl.spec.whatwg.org/#dfn-overload-resolution-algorithm> (step 3)
pub(crate) fn required_arguments(args: &[JsValue], required: usize, what: &str) -> JsResult<()> {
    if args.len() >= required {
        return Ok(());
    }
    let plural = if required == 1 { "" } else { "s" };
    Err(type_error(format!(
        "{what}: {required} argument{plural} required, but only {} present.",
        args.len()
    )))
}

/// A TypeError.
pub(crate) fn type_error(message: impl Into<String>) -> JsError {
    JsNativeError::typ().with_message(message.into()).into()
}

/// The value of a `FrozenArray<T>` attribute that is made the first time it is read and is the
/// same array every read after (an event's `ports`: most listeners never read it, and building
/// a frozen array for every message is not free). Unobservable: the array is new, and frozen,
/// when script first sees it.
#[derive(Trace, Finalize, Default)]
pub(crate) struct LazyFrozenArray {
    items: GcRefCell<Vec<JsValue>>,
    array: GcRefCell<Option<JsValue>>,
}

impl LazyFrozenArray {
    /// The attribute's value will be a frozen array of `items`.
    pub(crate) fn new(items: Vec<JsValue>) -> Self {
        LazyFrozenArray {
            items: GcRefCell::new(items),
            array: GcRefCell::new(None),
        }
    }

    /// The frozen array if it was made already; otherwise the items to make it of (taken:
    /// the caller makes the array with [`frozen_array_of`] and hands it to [`Self::set`]).
    pub(crate) fn get_or_items(&self) -> Result<JsValue, Vec<JsValue>> {
        match self.array.borrow().as_ref() {
            Some(array) => Ok(array.clone()),
            None => Err(std::mem::take(&mut *self.items.borrow_mut())),
        }
    }

    /// Records the array made of the items.
    pub(crate) fn set(&self, array: JsValue) {
        *self.array.borrow_mut() = Some(array);
    }
}

/// A new frozen array of `items`.
pub(crate) fn frozen_array_of(items: Vec<JsValue>, context: &mut Context) -> JsResult<JsValue> {
    let object: JsObject = JsArray::from_iter(items, context).into();
    object.set_integrity_level(IntegrityLevel::Frozen, context)?;
    Ok(object.into())
}
