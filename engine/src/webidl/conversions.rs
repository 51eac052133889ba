//! Conversions between JS values and Web IDL types (arguments, DOMString, FrozenArray) and the
//! TypeError the bindings throw.

use boa_engine::object::IntegrityLevel;
use boa_engine::object::builtins::JsArray;
use boa_engine::{Context, Finalize, JsError, JsNativeError, JsObject, JsResult, JsValue, Trace};
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
    Ok(value.to_string(context)?.to_std_string_lossy())
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
