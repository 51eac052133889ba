//! `structuredClone(value, options)` and the conversions between clone errors and exceptions.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/structured-data.html#dom-structuredclone>

use boa_engine::{
    Context, JsError, JsNativeError, JsObject, JsResult, JsSymbol, JsValue, js_string,
};
use postern_clone::{
    DeserializeError, SerializeError, SerializedWithTransfer, structured_deserialize_with_transfer,
    structured_serialize_with_transfer,
};

use crate::agent::AgentState;
use crate::agent::realm_data::RealmData;
use crate::html::scripting::environments;
use crate::html::structured_data::{BoaDeserializeHost, BoaSerializeHost};
use crate::html::web_messaging::message_port;
use crate::webidl::conversions;
use crate::webidl::conversions::{arg, type_error};
use crate::webidl::declaration::{InterfaceDeclaration, Operation};
use crate::webidl::dom_exception;
use crate::webidl::interface::define_global_members;

/// `partial interface mixin WindowOrWorkerGlobalScope` (structured cloning), as the Window
/// includes it: what scripts see.
///
/// Spec: <https://html.spec.whatwg.org/multipage/structured-data.html#structured-cloning>
pub(crate) const WINDOW_STRUCTURED_CLONE_MEMBERS: InterfaceDeclaration = InterfaceDeclaration {
    name: "Window",
    inherits: None,
    constructor: None,
    constants: &[],
    attributes: &[],
    // any structuredClone(any value, optional StructuredSerializeOptions options = {});
    operations: &[Operation::new("structuredClone", 1, structured_clone)],
    static_operations: &[],
    mixins: &[],
};

/// StructuredSerializeWithTransfer(value, transferList) in the current realm, with errors
/// a DataCloneError becomes a "DataCloneError" DOMException, an exception thrown by a
/// getter propagates.
///
/// Spec: <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializewithtransfer>
pub(crate) fn serialize_with_transfer(
    context: &mut Context,
    value: &JsValue,
    transfer_list: &[JsObject],
) -> JsResult<SerializedWithTransfer> {
    let result = {
        let mut host = BoaSerializeHost::new(context)?;
        // The current settings object's cross-origin isolated capability (false: a
        // SharedArrayBuffer anywhere in `value` then throws a DataCloneError naming where it
        // is, StructuredSerializeInternal step 13.1.1, and postMessage sends nothing).
        let cross_origin_isolated = environments::cross_origin_isolated_capability();
        structured_serialize_with_transfer(&mut host, value, transfer_list, cross_origin_isolated)
    };
    match result {
        Ok(serialized) => Ok(serialized),
        Err(SerializeError::DataClone(error)) => Err(dom_exception::throw(
            context,
            "DataCloneError",
            &error.message,
        )),
        Err(SerializeError::Host(error)) => Err(error),
    }
}

/// StructuredDeserializeWithTransfer(serializeWithTransferResult, the current realm):
/// `[[Deserialized]]` and `[[TransferredValues]]` (ArrayBuffers and MessagePorts, in transfer
/// list order).
///
/// Spec: <https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserializewithtransfer>
pub(crate) fn deserialize_with_transfer(
    context: &mut Context,
    serialized: SerializedWithTransfer,
) -> JsResult<(JsValue, Vec<JsValue>)> {
    let mut host = BoaDeserializeHost::new(context);
    let result = structured_deserialize_with_transfer(&mut host, serialized);
    if result.is_err() {
        // The ports already received are unreachable by script: they are closed (their
        // peers get `close`) rather than left entangled for ever.
        let received = host.into_received_ports();
        let state = AgentState::of(context)?;
        for port in received {
            message_port::close_port(&state, &port);
        }
    }
    match result {
        Ok(result) => Ok(result),
        Err(DeserializeError::Host(error)) => Err(error),
        Err(DeserializeError::Malformed(reason)) => Err(JsError::from(
            JsNativeError::typ().with_message(format!("malformed serialized record: {reason}")),
        )),
    }
}

/// The most entries a `sequence<object>` (a transfer list) may have here.
const MAX_SEQUENCE_LENGTH: usize = 1 << 17;

/// Converts a JS value to an IDL `sequence<object>`, by the iterator protocol.
///
/// Spec: <https://webidl.spec.whatwg.org/#js-sequence>
pub(crate) fn sequence_of_objects(
    value: &JsValue,
    context: &mut Context,
) -> JsResult<Vec<JsObject>> {
    // 1. If V is not an Object, throw a TypeError.
    let Some(object) = value.as_object() else {
        return Err(type_error("The value is not a sequence."));
    };
    // 2. Let method be ? GetMethod(V, %Symbol.iterator%).
    let method = object.get(JsSymbol::iterator(), context)?;
    // 3. If method is undefined, throw a TypeError.
    let method = match method.as_object() {
        Some(method) if method.is_callable() => method,
        _ if method.is_null_or_undefined() => {
            return Err(type_error("The value is not iterable."));
        }
        _ => return Err(type_error("The value's @@iterator is not callable.")),
    };
    // 4. Return the result of creating a sequence from V and method:
    //    1. Let iteratorRecord be ? GetIteratorFromMethod(iterable, method).
    let iterator = method.call(value, &[], context)?;
    let Some(iterator) = iterator.as_object() else {
        return Err(type_error("The iterator is not an object."));
    };
    let next = iterator.get(js_string!("next"), context)?;
    let Some(next) = next.as_object().filter(|n| n.is_callable()) else {
        return Err(type_error("The iterator's next is not callable."));
    };
    //    2. Let i be 0.
    let mut items = Vec::new();
    //    3. Repeat:
    loop {
        // Deviation: a sequence longer than MAX_SEQUENCE_LENGTH throws a RangeError rather
        // than growing until the agent runs out of memory (an endless iterator is script's
        // to write, and each step runs script, but this loop is Rust's).
        if items.len() >= MAX_SEQUENCE_LENGTH {
            return Err(JsNativeError::range()
                .with_message("The sequence is too long.")
                .into());
        }
        //  1. Let next be ? IteratorStepValue(iteratorRecord).
        let result = next.call(&iterator.clone().into(), &[], context)?;
        let Some(result) = result.as_object() else {
            return Err(type_error("The iterator result is not an object."));
        };
        //  2. If next is done, then return an IDL sequence value of type sequence<T> of
        //     length i, where the value of the element at index j is Sj.
        if result.get(js_string!("done"), context)?.to_boolean() {
            return Ok(items);
        }
        //  3. Initialize Si to the result of converting next to an IDL value of type T.
        let item = result.get(js_string!("value"), context)?;
        let Some(item) = item.as_object() else {
            return Err(type_error("A sequence<object> entry is not an object."));
        };
        //  4. Set i to i + 1.
        items.push(item);
    }
}

/// `structuredClone(value, options)`.
///
/// Spec: <https://html.spec.whatwg.org/multipage/structured-data.html#dom-structuredclone>
fn structured_clone(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // (WebIDL: `any value` is required; `optional StructuredSerializeOptions options = {}`,
    // a dictionary with `sequence<object> transfer = []`.)
    if args.is_empty() {
        return Err(conversions::type_error(
            "Failed to execute 'structuredClone' on 'Window': 1 argument required, but only 0 present.",
        ));
    }
    let options = arg(args, 1);
    let transfer = if options.is_null_or_undefined() {
        Vec::new()
    } else if let Some(options) = options.as_object() {
        let transfer = options.get(js_string!("transfer"), context)?;
        if transfer.is_undefined() {
            Vec::new()
        } else {
            sequence_of_objects(&transfer, context)?
        }
    } else {
        return Err(type_error(
            "Failed to execute 'structuredClone': The provided value is not of type \
             'StructuredSerializeOptions'.",
        ));
    };
    // 1. Let serialized be ? StructuredSerializeWithTransfer(value, options["transfer"]).
    let serialized = serialize_with_transfer(context, &arg(args, 0), &transfer)?;
    // 2. Let deserializeRecord be ? StructuredDeserializeWithTransfer(serialized, this's
    //    relevant realm). (`this` is a Window's global object, checked by `webidl::brand`.)
    let window = RealmData::window_of_this(this, context)?;
    let realm = AgentState::of(context)?
        .windows
        .borrow()
        .get(&window)
        .map(|w| w.realm.clone())
        .ok_or_else(|| type_error("the window is gone"))?;
    let previous = context.enter_realm(realm);
    let deserialized = deserialize_with_transfer(context, serialized);
    context.enter_realm(previous);
    // 3. Return deserializeRecord.[[Deserialized]].
    Ok(deserialized?.0)
}

/// Defines `structuredClone` on `global`.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    define_global_members(context, global, &WINDOW_STRUCTURED_CLONE_MEMBERS)
}
