//! The default iterator objects of `URLSearchParams` (`entries()`, `keys()`, `values()`,
//! `[Symbol.iterator]()`) and their prototype, `%URLSearchParams Iterator Prototype%`.
//!
//! Spec: <https://webidl.spec.whatwg.org/#es-default-iterator-object>,
//! <https://webidl.spec.whatwg.org/#es-iterator-prototype-object>

use std::cell::Cell;

use boa_engine::builtins::iterable::create_iter_result_object;
use boa_engine::object::builtins::JsArray;
use boa_engine::property::PropertyDescriptor;
use boa_engine::{
    Context, Finalize, JsData, JsObject, JsResult, JsString, JsSymbol, JsValue, NativeFunction,
    Trace, js_string,
};

use crate::url::url_search_params::pair_at;
use crate::webidl::conversions::type_error;
use crate::webidl::interface::function;

/// What a default iterator gives for each pair: its kind.
///
/// Spec: <https://webidl.spec.whatwg.org/#default-iterator-object-kind>
#[derive(Clone, Copy)]
pub(crate) enum IterationKind {
    /// "key": the pair's name.
    Key,
    /// "value": the pair's value.
    Value,
    /// "key+value": `[name, value]`.
    KeyValue,
}

/// A default iterator object's data: its target (a URLSearchParams), its kind and its index.
#[derive(Trace, Finalize, JsData)]
struct DefaultIterator {
    target: JsObject,
    #[unsafe_ignore_trace]
    kind: IterationKind,
    #[unsafe_ignore_trace]
    index: Cell<usize>,
}

/// The realm's `%URLSearchParams Iterator Prototype%`, kept in its host-defined slot.
#[derive(Trace, Finalize, JsData)]
struct IteratorPrototype(JsObject);

/// A new default iterator object for `target` with `kind`, index 0, whose prototype is the
/// current realm's iterator prototype object of URLSearchParams.
///
/// Spec: <https://webidl.spec.whatwg.org/#dfn-default-iterator-object>
pub(crate) fn create_a_default_iterator_object(
    context: &mut Context,
    target: JsObject,
    kind: IterationKind,
) -> JsResult<JsObject> {
    let prototype = context
        .realm()
        .host_defined()
        .get::<IteratorPrototype>()
        .map(|p| p.0.clone())
        .ok_or_else(|| type_error("URLSearchParams Iterator is not installed in this realm"))?;
    let data = DefaultIterator {
        target,
        kind,
        index: Cell::new(0),
    };
    Ok(JsObject::from_proto_and_data(prototype, data))
}

/// Creates the iterator prototype object of URLSearchParams in the current realm: its
/// [[Prototype]] is %Iterator.prototype%, it has `next()` and a @@toStringTag of
/// "URLSearchParams Iterator".
///
/// Spec: <https://webidl.spec.whatwg.org/#es-iterator-prototype-object>
pub(crate) fn install(context: &mut Context) -> JsResult<()> {
    let iterator_prototype = context.intrinsics().constructors().iterator().prototype();
    let prototype = JsObject::with_null_proto();
    prototype.set_prototype(Some(iterator_prototype));
    // The next property: { [[Writable]]: true, [[Enumerable]]: true, [[Configurable]]: true },
    // a built-in function of length 0 named "next".
    let next_function = function(context, "next", 0, NativeFunction::from_fn_ptr(next));
    prototype.define_property_or_throw(
        js_string!("next"),
        PropertyDescriptor::builder()
            .value(next_function)
            .writable(true)
            .enumerable(true)
            .configurable(true),
        context,
    )?;
    // The class string of an iterator prototype object is the interface's identifier
    // followed by " Iterator".
    prototype.define_property_or_throw(
        JsSymbol::to_string_tag(),
        PropertyDescriptor::builder()
            .value(js_string!("URLSearchParams Iterator"))
            .writable(false)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    context
        .realm()
        .host_defined_mut()
        .insert(IteratorPrototype(prototype));
    Ok(())
}

/// `%URLSearchParams Iterator Prototype%.next()`.
///
/// Spec: <https://webidl.spec.whatwg.org/#es-iterator-prototype-object>
fn next(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // 1. Let interface be the interface for which the iterator prototype object exists.
    // 2. Let thisValue be the this value.
    // 3. Let object be ? ToObject(thisValue).
    let object = this.to_object(context)?;
    // 4. If object is a platform object, then perform a security check. (Not a Window.)
    // 5. If object is not a default iterator object for interface, then throw a TypeError.
    let Some(iterator) = object.downcast_ref::<DefaultIterator>() else {
        return Err(type_error(
            "Illegal invocation: 'this' is not a URLSearchParams Iterator",
        ));
    };
    // 6. Let index be object's index. 7. Let kind be object's kind.
    let index = iterator.index.get();
    let kind = iterator.kind;
    // 8. Let values be object's target's value pairs to iterate over.
    // 9. Let len be the length of values.
    // 10. If index is greater than or equal to len, then return
    //     CreateIteratorResultObject(undefined, true).
    // 11. Let pair be the entry in values at index index.
    let Some((Some((key, value)), _)) = pair_at(&iterator.target, index) else {
        return Ok(create_iter_result_object(
            JsValue::undefined(),
            true,
            context,
        ));
    };
    // 12. Set object's index to index + 1.
    iterator.index.set(index + 1);
    drop(iterator);
    // 13. Return the iterator result for pair and kind.
    Ok(iterator_result(context, key, value, kind))
}

/// The iterator result for a pair and a kind.
///
/// Spec: <https://webidl.spec.whatwg.org/#iterator-result>
fn iterator_result(
    context: &mut Context,
    key: String,
    value: String,
    kind: IterationKind,
) -> JsValue {
    let key: JsValue = JsString::from(key.as_str()).into();
    let value: JsValue = JsString::from(value.as_str()).into();
    // 1. Let result be a value determined by the value of kind:
    let result = match kind {
        // "key": idlKey converted to a JavaScript value.
        IterationKind::Key => key,
        // "value": idlValue converted to a JavaScript value.
        IterationKind::Value => value,
        // "key+value": CreateArrayFromList(« key, value »).
        IterationKind::KeyValue => JsArray::from_iter([key, value], context).into(),
    };
    // 2. Return CreateIteratorResultObject(result, false).
    create_iter_result_object(result, false, context)
}
