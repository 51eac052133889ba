//! A minimal `Response`: a body made of a Blob, a BufferSource or a string, read once with
//! `arrayBuffer()`, `bytes()` or `text()`.
//!
//! Deviation: minimal Response for the structured-clone batteries (which read Blobs back
//! with `new Response(blob).arrayBuffer()`); Postern has no fetch, no headers, no status,
//! no streams.
//!
//! Spec: <https://fetch.spec.whatwg.org/#response-class>

use std::cell::Cell;

use boa_engine::object::builtins::{JsPromise, JsUint8Array};
use boa_engine::{Context, Finalize, JsData, JsResult, JsString, JsValue, Trace};
use postern_clone::SharedBytes;

use crate::encoding::get_a_copy_of_the_buffer_source;
use crate::file_api::blob::{blob_of, new_array_buffer, utf_8_decode};
use crate::webidl::conversions::{arg, to_usv_string, type_error};
use crate::webidl::declaration::{Attribute, Constructor, InterfaceDeclaration, Operation};
use crate::webidl::interface::{create_an_object_implementing, new_target};

/// `interface Response` (the Body mixin's reading members only).
///
/// Spec: <https://fetch.spec.whatwg.org/#response-class>
pub(crate) const RESPONSE: InterfaceDeclaration = InterfaceDeclaration {
    name: "Response",
    inherits: None,
    constructor: Some(Constructor {
        length: 0,
        steps: construct,
    }),
    constants: &[],
    // Body: readonly attribute boolean bodyUsed;
    attributes: &[Attribute::readonly("bodyUsed", get_body_used)],
    operations: &[
        // Body: [NewObject] Promise<ArrayBuffer> arrayBuffer();
        Operation::new("arrayBuffer", 0, array_buffer).returning_promise(),
        // Body: [NewObject] Promise<Uint8Array> bytes();
        Operation::new("bytes", 0, bytes).returning_promise(),
        // Body: [NewObject] Promise<USVString> text();
        Operation::new("text", 0, text).returning_promise(),
    ],
    static_operations: &[],
    mixins: &[],
};

/// A Response's body: its bytes (shared with the Blob it was made from), and whether it was
/// read.
#[derive(Trace, Finalize, JsData)]
struct Response {
    /// The body's source bytes.
    #[unsafe_ignore_trace]
    body: SharedBytes,
    /// Whether the body was consumed (`bodyUsed`).
    #[unsafe_ignore_trace]
    used: Cell<bool>,
}

/// `new Response(body)`: a body extracted from a Blob, a BufferSource, a string, or none.
///
/// Spec: <https://fetch.spec.whatwg.org/#dom-response>
fn construct(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "Response")?;
    let body = arg(args, 0);
    // (Extract a body: a Blob's bytes, a copy of a BufferSource's, a string's UTF-8.)
    // TODO(spec): FormData, URLSearchParams, ReadableStream bodies; the init dictionary.
    let bytes = match body.as_object() {
        _ if body.is_null_or_undefined() => SharedBytes::default(),
        Some(object) if blob_of(&object).is_some() => blob_of(&object)
            .map(|blob| blob.bytes.clone())
            .unwrap_or_default(),
        Some(_) => match get_a_copy_of_the_buffer_source(&body, "Response", context) {
            Ok(bytes) => SharedBytes::new(bytes),
            Err(_) => SharedBytes::new(to_usv_string(&body, context)?.into_bytes()),
        },
        None => SharedBytes::new(to_usv_string(&body, context)?.into_bytes()),
    };
    let response = Response {
        body: bytes,
        used: Cell::new(false),
    };
    Ok(create_an_object_implementing(context, "Response", Some(&new_target), response)?.into())
}

/// `bodyUsed`.
///
/// Spec: <https://fetch.spec.whatwg.org/#dom-body-bodyused>
fn get_body_used(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    let used = this
        .as_object()
        .and_then(|o| o.downcast_ref::<Response>().map(|r| r.used.get()));
    Ok(JsValue::new(used.unwrap_or(false)))
}

/// Consume body: the bytes, once; a body already used rejects with a TypeError.
///
/// Spec: <https://fetch.spec.whatwg.org/#concept-body-consume-body>
fn consume_body(this: &JsValue) -> Result<SharedBytes, String> {
    let object = this.as_object().ok_or("not a Response")?;
    let response = object.downcast_ref::<Response>().ok_or("not a Response")?;
    // 1. If object is unusable, then return a promise rejected with a TypeError.
    if response.used.get() {
        return Err("Failed to execute on 'Response': body stream already read".into());
    }
    // 2-6. Read all bytes of the body's stream. (Deviation: from memory, at once.)
    response.used.set(true);
    Ok(response.body.clone())
}

/// A promise for `make(bytes)` of the consumed body, or rejected with a TypeError.
fn consume_into(
    this: &JsValue,
    context: &mut Context,
    make: fn(&[u8], &mut Context) -> JsResult<JsValue>,
) -> JsResult<JsValue> {
    let promise = match consume_body(this) {
        Ok(bytes) => {
            let value = make(&bytes, context)?;
            JsPromise::resolve(value, context)?
        }
        Err(message) => JsPromise::reject(type_error(message), context)?,
    };
    Ok(promise.into())
}

/// `arrayBuffer()`.
///
/// Spec: <https://fetch.spec.whatwg.org/#dom-body-arraybuffer>
fn array_buffer(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    consume_into(this, context, |bytes, context| {
        Ok(new_array_buffer(bytes, context)?.into())
    })
}

/// `bytes()`.
///
/// Spec: <https://fetch.spec.whatwg.org/#dom-body-bytes>
fn bytes(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    consume_into(this, context, |bytes, context| {
        let buffer = new_array_buffer(bytes, context)?;
        Ok(JsUint8Array::from_array_buffer(buffer, context)?.into())
    })
}

/// `text()`.
///
/// Spec: <https://fetch.spec.whatwg.org/#dom-body-text>
fn text(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    consume_into(this, context, |bytes, _| {
        Ok(JsString::from(utf_8_decode(bytes).as_str()).into())
    })
}
