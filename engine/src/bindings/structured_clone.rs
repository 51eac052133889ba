//! `structuredClone(value)` and the conversions between clone errors and exceptions.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/structured-data.html#dom-structuredclone>

use boa_engine::{Context, JsError, JsNativeError, JsObject, JsResult, JsValue, NativeFunction};
use postern_clone::{
    DeserializeError, SerializeError, SerializedRecord, structured_deserialize,
    structured_serialize,
};

use super::util::{arg, define_method};
use crate::clone_host::{BoaDeserializeHost, BoaSerializeHost};

/// StructuredSerialize in the current realm; a DataCloneError becomes a "DataCloneError"
/// DOMException, an exception thrown by a getter propagates.
pub(crate) fn serialize(context: &mut Context, value: &JsValue) -> JsResult<SerializedRecord> {
    let result = {
        let mut host = BoaSerializeHost::new(context)?;
        structured_serialize(&mut host, value)
    };
    match result {
        Ok(record) => Ok(record),
        Err(SerializeError::DataClone(error)) => Err(super::dom_exception::throw(
            context,
            "DataCloneError",
            &error.message,
        )),
        Err(SerializeError::Host(error)) => Err(error),
    }
}

/// StructuredDeserialize into the current realm.
pub(crate) fn deserialize(context: &mut Context, record: &SerializedRecord) -> JsResult<JsValue> {
    let mut host = BoaDeserializeHost::new(context);
    match structured_deserialize(&mut host, record) {
        Ok(value) => Ok(value),
        Err(DeserializeError::Host(error)) => Err(error),
        Err(DeserializeError::Malformed(reason)) => Err(JsError::from(
            JsNativeError::typ().with_message(format!("malformed serialized record: {reason}")),
        )),
    }
}

/// `structuredClone(value, options)`.
fn structured_clone(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // 1. Let serialized be ? StructuredSerializeWithTransfer(value, options["transfer"]).
    // TODO(spec): options["transfer"] (the clone issue).
    let record = serialize(context, &arg(args, 0))?;
    // 2. Let deserializeRecord be ? StructuredDeserializeWithTransfer(serialized, this's
    //    relevant realm).
    // 3. Return deserializeRecord.[[Deserialized]].
    deserialize(context, &record)
}

/// Defines `structuredClone` on `global`.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    define_method(
        context,
        global,
        "structuredClone",
        1,
        NativeFunction::from_fn_ptr(structured_clone),
    )
}
