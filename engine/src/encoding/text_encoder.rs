//! The `TextEncoder` interface: strings to UTF-8.
//!
//! Spec: <https://encoding.spec.whatwg.org/#interface-textencoder>

use boa_engine::object::ObjectInitializer;
use boa_engine::object::builtins::{JsArrayBuffer, JsTypedArray, JsUint8Array};
use boa_engine::property::Attribute as PropertyAttribute;
use boa_engine::{Context, Finalize, JsData, JsResult, JsValue, Trace, js_string};

use crate::webidl::conversions::{arg, to_usv_string, type_error};
use crate::webidl::declaration::{Attribute, Constructor, InterfaceDeclaration, Operation};
use crate::webidl::interface::{create_an_object_implementing, new_target};

/// `interface TextEncoder` (with the `TextEncoderCommon` mixin): what scripts see.
///
/// Spec: <https://encoding.spec.whatwg.org/#interface-textencoder>
pub(crate) const TEXT_ENCODER: InterfaceDeclaration = InterfaceDeclaration {
    name: "TextEncoder",
    inherits: None,
    constructor: Some(Constructor {
        length: 0,
        steps: construct,
    }),
    constants: &[],
    // TextEncoderCommon: readonly attribute DOMString encoding;
    attributes: &[Attribute::readonly("encoding", get_encoding)],
    operations: &[
        // [NewObject] Uint8Array encode(optional USVString input = "");
        Operation::new("encode", 0, encode),
        // TextEncoderEncodeIntoResult encodeInto(USVString source,
        //                                        [AllowShared] Uint8Array destination);
        Operation::new("encodeInto", 2, encode_into),
    ],
    static_operations: &[],
    mixins: &[],
};

/// A TextEncoder's data (it has no state: its encoding is UTF-8).
#[derive(Clone, Copy, Trace, Finalize, JsData)]
#[boa_gc(empty_trace)]
struct TextEncoder;

/// `new TextEncoder()`: the steps are to do nothing.
///
/// Spec: <https://encoding.spec.whatwg.org/#dom-textencoder>
fn construct(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "TextEncoder")?;
    Ok(
        create_an_object_implementing(context, "TextEncoder", Some(&new_target), TextEncoder)?
            .into(),
    )
}

/// Checks that `this` is a TextEncoder.
fn this_encoder(this: &JsValue) -> JsResult<()> {
    this.as_object()
        .filter(|o| o.downcast_ref::<TextEncoder>().is_some())
        .map(|_| ())
        .ok_or_else(|| type_error("Illegal invocation: 'this' is not a TextEncoder"))
}

/// `encoding`: "utf-8".
///
/// Spec: <https://encoding.spec.whatwg.org/#dom-textencoder-encoding>
fn get_encoding(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    this_encoder(this)?;
    Ok(js_string!("utf-8").into())
}

/// `encode(input)`: input's UTF-8 encoding, in a new Uint8Array.
///
/// Spec: <https://encoding.spec.whatwg.org/#dom-textencoder-encode>
fn encode(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_encoder(this)?;
    let input = match args.first() {
        None => String::new(),
        Some(value) if value.is_undefined() => String::new(),
        Some(value) => to_usv_string(value, context)?,
    };
    // 1. Convert input to an I/O queue of scalar values.
    // 2. Let output be the I/O queue of bytes « end-of-queue ».
    // 3. While true: process each item with the UTF-8 encoder, pushing its bytes to
    //    output; at end-of-queue, convert output into a byte sequence and return a
    //    Uint8Array object wrapping an ArrayBuffer containing output.
    Ok(JsUint8Array::from_iter(input.into_bytes(), context)?.into())
}

/// `encodeInto(source, destination)`: as much of source's UTF-8 encoding as fits in
/// destination, whole scalar values only; `{ read, written }` in UTF-16 code units and bytes.
///
/// Spec: <https://encoding.spec.whatwg.org/#dom-textencoder-encodeinto>
fn encode_into(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    this_encoder(this)?;
    if args.len() < 2 {
        return Err(type_error(format!(
            "Failed to execute 'encodeInto' on 'TextEncoder': 2 arguments required, but only {} present.",
            args.len()
        )));
    }
    let source = to_usv_string(&arg(args, 0), context)?;
    let destination = arg(args, 1)
        .as_object()
        .and_then(|o| JsTypedArray::from_object(o).ok())
        .filter(|view| {
            matches!(
                view.kind(),
                Some(boa_engine::builtins::typed_array::TypedArrayKind::Uint8)
            )
        })
        .ok_or_else(|| {
            type_error(
                "Failed to execute 'encodeInto' on 'TextEncoder': parameter 2 is not of type 'Uint8Array'.",
            )
        })?;
    let offset = destination.byte_offset(context)?;
    let length = destination.byte_length(context)?;
    let buffer = destination
        .buffer(context)?
        .as_object()
        .and_then(|b| JsArrayBuffer::from_object(b).ok());
    // 1. Let read be 0. 2. Let written be 0.
    let (mut read, mut written) = (0usize, 0usize);
    if let Some(buffer) = buffer
        && let Some(mut data) = buffer.data_mut()
        && let Some(bytes) = data.get_mut(offset..offset.saturating_add(length))
    {
        // 3-5. For each scalar value of source: if its UTF-8 bytes fit in what is left of
        //      destination, write them, add its UTF-16 length to read and the bytes to
        //      written; otherwise stop.
        for c in source.chars() {
            let size = c.len_utf8();
            let Some(target) = bytes.get_mut(written..written + size) else {
                break;
            };
            c.encode_utf8(target);
            written += size;
            read += c.len_utf16();
        }
    }
    // 6. Return «[ "read" → read, "written" → written ]».
    let result = ObjectInitializer::new(context)
        .property(js_string!("read"), read as f64, PropertyAttribute::all())
        .property(
            js_string!("written"),
            written as f64,
            PropertyAttribute::all(),
        )
        .build();
    Ok(result.into())
}
