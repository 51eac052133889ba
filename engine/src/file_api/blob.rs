//! The `Blob` interface: an immutable byte sequence with a MIME type.
//!
//! Spec: <https://w3c.github.io/FileAPI/#blob-section>
//!
//! The bytes live in one shared, immutable buffer ([`SharedBytes`]): `slice` and structured
//! cloning (to a realm of any agent) share it with an offset and a length, and copy nothing.

use boa_engine::JsNativeError;
use boa_engine::object::builtins::{AlignedVec, JsArrayBuffer, JsPromise, JsUint8Array};
use boa_engine::{Context, Finalize, JsData, JsObject, JsResult, JsString, JsValue, Trace};
use postern_clone::{PlatformSerialization, SharedBytes};

use crate::file_api::blob_parts::{
    convert_blob_parts, convert_blob_property_bag, normalize_type, process_blob_parts,
    to_clamped_long_long,
};
use crate::file_api::file::File;
use crate::html::scripting::external_memory;
use crate::webidl::conversions::{arg, to_dom_string};
use crate::webidl::declaration::{Attribute, Constructor, InterfaceDeclaration, Operation};
use crate::webidl::interface::{create_an_object_implementing, new_target};

/// `[Exposed=(Window,Worker), Serializable] interface Blob`.
///
/// Spec: <https://w3c.github.io/FileAPI/#blob-section>
pub(crate) const BLOB: InterfaceDeclaration = InterfaceDeclaration {
    name: "Blob",
    inherits: None,
    constructor: Some(Constructor {
        length: 0,
        steps: construct,
    }),
    constants: &[],
    attributes: &[
        // readonly attribute unsigned long long size;
        Attribute::readonly("size", get_size),
        // readonly attribute DOMString type;
        Attribute::readonly("type", get_type),
    ],
    operations: &[
        // Blob slice(optional [Clamp] long long start, optional [Clamp] long long end,
        //            optional DOMString contentType);
        Operation::new("slice", 0, slice),
        // TODO(spec): [NewObject] ReadableStream stream(); (Postern has no streams.)
        // [NewObject] Promise<USVString> text();
        Operation::new("text", 0, text).returning_promise(),
        // [NewObject] Promise<ArrayBuffer> arrayBuffer();
        Operation::new("arrayBuffer", 0, array_buffer).returning_promise(),
        // [NewObject] Promise<Uint8Array> bytes();
        Operation::new("bytes", 0, bytes).returning_promise(),
    ],
    static_operations: &[],
    mixins: &[],
};

/// A Blob's state: its bytes and its `type`. (Its snapshot state is always that of a Blob
/// made from bytes in memory: nothing can change them.)
#[derive(Clone, Debug, Default, Trace, Finalize, JsData)]
pub(crate) struct Blob {
    /// The byte sequence, shared with the Blobs sliced or cloned from it.
    #[unsafe_ignore_trace]
    pub bytes: SharedBytes,
    /// `type`: a parsable MIME type in ASCII lowercase, or the empty string.
    #[unsafe_ignore_trace]
    pub type_: String,
}

/// The Blob state of `object` if it implements Blob (a Blob or a File).
pub(crate) fn blob_of(object: &JsObject) -> Option<Blob> {
    if let Some(blob) = object.downcast_ref::<Blob>() {
        return Some(blob.clone());
    }
    object.downcast_ref::<File>().map(|file| file.blob.clone())
}

/// A new Blob of the current realm with `blob` as its state.
pub(crate) fn create_blob(context: &mut Context, blob: Blob) -> JsResult<JsObject> {
    create_an_object_implementing(context, "Blob", None, blob)
}

/// The Blob state of `this` (the brand check let only Blobs and Files through).
fn this_blob(this: &JsValue) -> Blob {
    this.as_object()
        .and_then(|object| blob_of(&object))
        .unwrap_or_default()
}

/// `new Blob(blobParts, options)`.
///
/// Spec: <https://w3c.github.io/FileAPI/#constructorBlob>
fn construct(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let new_target = new_target(this, "Blob")?;
    // (The arguments are converted in order: blobParts, then options.)
    let blob_parts = arg(args, 0);
    // 1. If invoked with zero parameters, return a new Blob object consisting of 0 bytes,
    //    with size set to 0, and with type set to the empty string.
    //    (An undefined blobParts is a missing optional argument: the same.)
    let parts = if blob_parts.is_undefined() {
        Vec::new()
    } else {
        convert_blob_parts(&blob_parts, "Blob", context)?
    };
    let options = convert_blob_property_bag(&arg(args, 1), false, context)?;
    // 2. Let bytes be the result of processing blob parts given blobParts and options.
    let bytes = process_blob_parts(parts, options.endings)?;
    // 3. If the type member of the options argument is not the empty string, run the
    //    following sub-steps: (normalize_type)
    let type_ = normalize_type(&options.type_);
    // 4. Return a Blob object referring to bytes as its associated byte sequence, with its
    //    size set to the length of bytes, and its type set to the value of t from the
    //    substeps above.
    let blob = Blob {
        bytes: SharedBytes::new(bytes),
        type_,
    };
    Ok(create_an_object_implementing(context, "Blob", Some(&new_target), blob)?.into())
}

/// `size`: the length of the byte sequence.
///
/// Spec: <https://w3c.github.io/FileAPI/#dfn-size>
fn get_size(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    Ok(JsValue::new(this_blob(this).bytes.len() as f64))
}

/// `type`.
///
/// Spec: <https://w3c.github.io/FileAPI/#dfn-type>
fn get_type(this: &JsValue, _: &[JsValue], _: &mut Context) -> JsResult<JsValue> {
    Ok(JsString::from(this_blob(this).type_.as_str()).into())
}

/// `slice(start, end, contentType)`.
///
/// Spec: <https://w3c.github.io/FileAPI/#dfn-slice>
fn slice(this: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let start = optional(&arg(args, 0), context, to_clamped_long_long)?;
    let end = optional(&arg(args, 1), context, to_clamped_long_long)?;
    let content_type = optional(&arg(args, 2), context, to_dom_string)?;
    let blob = this_blob(this);
    // 1. Let sliceBlob be the result of slice blob given this, start, end, and contentType.
    // 2. Return sliceBlob.
    Ok(create_blob(context, slice_blob(&blob, start, end, content_type))?.into())
}

/// A converted optional argument: `None` when it is undefined.
fn optional<T>(
    value: &JsValue,
    context: &mut Context,
    convert: fn(&JsValue, &mut Context) -> JsResult<T>,
) -> JsResult<Option<T>> {
    if value.is_undefined() {
        return Ok(None);
    }
    convert(value, context).map(Some)
}

/// The slice blob algorithm: the bytes of `blob` from `start` to `end` (negative: from the
/// end), typed `content_type`, sharing `blob`'s buffer.
///
/// Spec: <https://w3c.github.io/FileAPI/#slice-blob>
pub(crate) fn slice_blob(
    blob: &Blob,
    start: Option<i64>,
    end: Option<i64>,
    content_type: Option<String>,
) -> Blob {
    // 1. Let originalSize be blob's size.
    let original_size = i64::try_from(blob.bytes.len()).unwrap_or(i64::MAX);
    let relative = |value: i64| {
        if value < 0 {
            // If start is negative, let relativeStart be max((originalSize + start), 0).
            original_size.saturating_add(value).max(0)
        } else {
            // If start is non-negative, let relativeStart be min(start, originalSize).
            value.min(original_size)
        }
    };
    // 2. The start parameter, if non-null, is a value for the start point of a slice blob
    //    call, and must be treated as a byte-order position, with the zeroth position
    //    representing the first byte. If start is null, let relativeStart be 0.
    let relative_start = start.map_or(0, relative);
    // 3. The end parameter, if non-null, ... If end is null, let relativeEnd be
    //    originalSize.
    let relative_end = end.map_or(original_size, relative);
    // 4. The contentType parameter, if non-null, is used to set the ASCII-encoded string
    //    in lower case representing the media type of the Blob. If contentType is null,
    //    let relativeContentType be set to the empty string. Else: if it contains any
    //    characters outside the range of U+0020 to U+007E, then set relativeContentType
    //    to the empty string and return from these substeps; convert every character in
    //    relativeContentType to ASCII lowercase.
    let relative_content_type = content_type.map_or_else(String::new, |t| normalize_type(&t));
    // 5. Let span be max((relativeEnd - relativeStart), 0).
    let span = relative_end.saturating_sub(relative_start).max(0);
    // 6. Return a new Blob object S with the following characteristics: S refers to span
    //    consecutive bytes from blob's associated byte sequence, beginning with the byte at
    //    byte-order position relativeStart; S.size = span; S.type = relativeContentType.
    let start = usize::try_from(relative_start).unwrap_or(0);
    let span = usize::try_from(span).unwrap_or(0);
    Blob {
        bytes: blob.bytes.slice(start, start.saturating_add(span)),
        type_: relative_content_type,
    }
}

/// `text()`: the bytes, UTF-8 decoded, in a promise.
///
/// Spec: <https://w3c.github.io/FileAPI/#dom-blob-text>
fn text(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // 1. Let stream be the result of calling get stream on this.
    // 2. Let reader be the result of getting a reader from stream. If that threw an
    //    exception, return a new promise rejected with that exception.
    // 3. Let promise be the result of reading all bytes from stream with reader.
    // 4. Return the result of transforming promise by a fulfillment handler that returns
    //    the result of running UTF-8 decode on its first argument.
    // Deviation: the bytes are in memory, so the promise is made already fulfilled (its
    // reactions still run as microtasks), not through a stream.
    let value = JsString::from(utf_8_decode(&this_blob(this).bytes).as_str());
    Ok(JsPromise::resolve(value, context)?.into())
}

/// UTF-8 decode: a leading byte order mark is skipped, invalid sequences become U+FFFD.
///
/// Spec: <https://encoding.spec.whatwg.org/#utf-8-decode>
pub(crate) fn utf_8_decode(bytes: &[u8]) -> String {
    // 1. Let buffer be the result of peeking three bytes from ioQueue.
    // 2. If buffer is 0xEF 0xBB 0xBF, then read three bytes from ioQueue.
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    // 3. Let output be the I/O queue of scalar values. 4. Process a queue with an instance
    //    of UTF-8's decoder, ioQueue, output, and "replacement". 5. Return output.
    String::from_utf8_lossy(bytes).into_owned()
}

/// `arrayBuffer()`: a new ArrayBuffer holding a copy of the bytes, in a promise.
///
/// Spec: <https://w3c.github.io/FileAPI/#dom-blob-arraybuffer>
fn array_buffer(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // 1-3. As text(): read all bytes (Deviation: at once, from memory).
    // 4. Return the result of transforming promise by a fulfillment handler that returns a
    //    new ArrayBuffer whose contents are its first argument.
    let buffer = new_array_buffer(&this_blob(this).bytes, context)?;
    Ok(JsPromise::resolve(buffer, context)?.into())
}

/// `bytes()`: a new Uint8Array over a copy of the bytes, in a promise.
///
/// Spec: <https://w3c.github.io/FileAPI/#dom-blob-bytes>
fn bytes(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    // 1-3. As text(): read all bytes (Deviation: at once, from memory).
    // 4. Return the result of transforming promise by a fulfillment handler that returns a
    //    new Uint8Array wrapping an ArrayBuffer containing its first argument.
    let buffer = new_array_buffer(&this_blob(this).bytes, context)?;
    let array = JsUint8Array::from_array_buffer(buffer, context)?;
    Ok(JsPromise::resolve(array, context)?.into())
}

/// A new ArrayBuffer of the current realm holding a copy of `bytes`.
pub(crate) fn new_array_buffer(bytes: &[u8], context: &mut Context) -> JsResult<JsArrayBuffer> {
    external_memory::will_make_data_block(bytes.len());
    // (boa keeps data blocks 64-byte aligned.)
    let mut block = AlignedVec::<u8>::new(64);
    block
        .try_reserve_exact(bytes.len())
        .map_err(|_| JsNativeError::range().with_message("cannot allocate the ArrayBuffer"))?;
    block.extend_from_slice(bytes);
    JsArrayBuffer::from_byte_block(block, context)
}

/// The serialization steps of Blob: its snapshot state and byte sequence (the buffer is
/// shared with the record, not copied) and, as browsers do, its `type`.
///
/// Spec: <https://w3c.github.io/FileAPI/#blob-section> (serialization steps)
pub(crate) fn blob_serialization_steps(blob: &Blob) -> PlatformSerialization<JsValue> {
    // 1. Set serialized.[[SnapshotState]] to value's snapshot state. (A Blob made from
    //    memory has no other state than its bytes.)
    // 2. Set serialized.[[ByteSequence]] to value's underlying byte sequence.
    // Deviation: the spec forgets the type; browsers keep it, and so does this.
    PlatformSerialization {
        fields: vec![("Type".into(), JsString::from(blob.type_.as_str()).into())],
        bytes: blob.bytes.clone(),
    }
}

/// The deserialization steps of Blob, over a record read as hostile input: a `type` that is
/// not a string fails, one with characters a Blob's type cannot hold becomes empty.
///
/// Spec: <https://w3c.github.io/FileAPI/#blob-section> (deserialization steps)
pub(crate) fn blob_deserialization_steps(
    fields: &[(String, JsValue)],
    bytes: &SharedBytes,
) -> Result<Blob, String> {
    // 1. Set value's snapshot state to serialized.[[SnapshotState]].
    // 2. Set value's underlying byte sequence to serialized.[[ByteSequence]].
    let type_ = string_field(fields, "Type")?;
    Ok(Blob {
        bytes: bytes.clone(),
        type_: normalize_type(&type_),
    })
}

/// The string a platform record's field `name` holds.
pub(crate) fn string_field(fields: &[(String, JsValue)], name: &str) -> Result<String, String> {
    fields
        .iter()
        .find(|(field, _)| field == name)
        .and_then(|(_, value)| value.as_string())
        .map(|s| s.to_std_string_lossy())
        .ok_or_else(|| format!("malformed serialized record: no string {name}"))
}

/// Sets the state of `object`, a Blob made by [`create_blob`] or a File, to `blob`.
pub(crate) fn set_blob_state(object: &JsObject, blob: Blob) -> bool {
    if let Some(mut state) = object.downcast_mut::<Blob>() {
        *state = blob;
        return true;
    }
    false
}
