//! The Encoding Standard's API: `TextEncoder` and `TextDecoder`, on `encoding_rs` (which
//! implements the standard's encodings, labels and decoders).
//!
//! Spec: <https://encoding.spec.whatwg.org/#api>

pub(crate) mod text_decoder;
pub(crate) mod text_encoder;

use boa_engine::object::builtins::{JsArrayBuffer, JsDataView, JsTypedArray};
use boa_engine::{Context, JsObject, JsResult, JsValue};

use crate::webidl::conversions::type_error;
use crate::webidl::interface::install_interface;

/// Installs both interfaces on `global`.
pub(crate) fn install(context: &mut Context, global: &JsObject) -> JsResult<()> {
    install_interface(context, global, &text_encoder::TEXT_ENCODER)?;
    install_interface(context, global, &text_decoder::TEXT_DECODER)?;
    Ok(())
}

/// A copy of the bytes a `BufferSource` (an ArrayBuffer or a view on one) holds, for an
/// operation whose `method` name the TypeError names.
///
/// Spec: <https://webidl.spec.whatwg.org/#dfn-get-buffer-source-copy>
pub(crate) fn get_a_copy_of_the_buffer_source(
    value: &JsValue,
    method: &str,
    context: &mut Context,
) -> JsResult<Vec<u8>> {
    let not_a_buffer_source = || {
        type_error(format!(
            "Failed to execute '{method}': the argument is not a BufferSource."
        ))
    };
    let object = value.as_object().ok_or_else(not_a_buffer_source)?;
    // 1. If bufferSource is an ArrayBuffer: the whole buffer.
    if let Ok(buffer) = JsArrayBuffer::from_object(object.clone()) {
        return Ok(buffer.data().map(|d| d.to_vec()).unwrap_or_default());
    }
    // 2. Otherwise a view: its buffer, from its byte offset, its byte length.
    let (buffer, offset, length) = if let Ok(view) = JsTypedArray::from_object(object.clone()) {
        (
            view.buffer(context)?,
            view.byte_offset(context)?,
            view.byte_length(context)?,
        )
    } else if let Ok(view) = JsDataView::from_object(object.clone()) {
        (
            view.buffer(context)?,
            view.byte_offset(context)? as usize,
            view.byte_length(context)? as usize,
        )
    } else {
        return Err(not_a_buffer_source());
    };
    let buffer = buffer
        .as_object()
        .and_then(|b| JsArrayBuffer::from_object(b).ok())
        .ok_or_else(not_a_buffer_source)?;
    let data = buffer.data();
    Ok(data
        .as_deref()
        .and_then(|d| d.get(offset..offset.saturating_add(length)))
        .map(<[u8]>::to_vec)
        .unwrap_or_default())
}
