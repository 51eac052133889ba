//! Steps 13 and 14 of StructuredSerializeInternal: ArrayBuffers, SharedArrayBuffers and
//! their views.
//!
//! The serializing half of buffer handling: `deserialize/buffer.rs` is the deserializing half,
//! and `types/buffer.rs` holds the buffer contents ([`crate::BackingStore`]) both move.

use super::Serializer;
use crate::bytes::copy_bytes;
use crate::check::with_article;
use crate::error::SerializeError;
use crate::host::{ObjectKind, SerializeHost};
use crate::path::Segment;
use crate::record::{ObjectIndex, RecordObject, SharedArrayBufferRecord};
use crate::types::ViewKind;

impl<H: SerializeHost> Serializer<'_, H> {
    /// Step 13.2 of StructuredSerializeInternal: an ArrayBuffer that is not shared. `extra`
    /// is `.buffer` when it is serialized for a view (step 14.3).
    ///
    /// <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal>
    pub(super) fn serialize_array_buffer(
        &mut self,
        buffer: &H::Object,
        detached: bool,
        max_byte_length: Option<usize>,
        extra: Option<Segment<'static>>,
    ) -> Result<RecordObject, SerializeError<H::Error>> {
        // 1. If IsDetachedBuffer(value) is true, then throw a "DataCloneError" DOMException.
        if detached {
            return Err(self
                .data_clone_error(extra, "a detached ArrayBuffer")
                .into());
        }
        // 2. Let size be value.[[ArrayBufferByteLength]].
        // 3. Let dataCopy be ? CreateByteDataBlock(size).
        // 4. Perform CopyDataBlockBytes(dataCopy, 0, value.[[ArrayBufferData]], 0, size).
        //    (One allocation and one memcpy; a large block is advised to use huge pages.)
        // Deviation: an allocation failure is a DataCloneError, not a RangeError: the
        // algorithm cannot make the host's exceptions.
        let data = self.host.read_array_buffer(buffer, copy_bytes);
        let Some(data) = data else {
            let what = "an ArrayBuffer too large to copy";
            return Err(self.data_clone_error(extra, what).into());
        };
        // 5. If value has an [[ArrayBufferMaxByteLength]] internal slot, then set serialized
        //    to { [[Type]]: "ResizableArrayBuffer", [[ArrayBufferData]]: dataCopy,
        //    [[ArrayBufferByteLength]]: size, [[ArrayBufferMaxByteLength]]:
        //    value.[[ArrayBufferMaxByteLength]] }.
        // 6. Otherwise, set serialized to { [[Type]]: "ArrayBuffer", [[ArrayBufferData]]:
        //    dataCopy, [[ArrayBufferByteLength]]: size }.
        Ok(RecordObject::ArrayBuffer {
            data,
            max_byte_length: max_byte_length.map(to_u64),
        })
    }

    /// Step 13.1 of StructuredSerializeInternal: a SharedArrayBuffer. `extra` as for
    /// [`serialize_array_buffer`](Self::serialize_array_buffer).
    ///
    /// <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal>
    pub(super) fn serialize_shared_array_buffer(
        &mut self,
        buffer: &H::Object,
        byte_length: usize,
        max_byte_length: Option<usize>,
        extra: Option<Segment<'static>>,
    ) -> Result<RecordObject, SerializeError<H::Error>> {
        // 1. If the current settings object's cross-origin isolated capability is false, then
        //    throw a "DataCloneError" DOMException.
        if !self.options.cross_origin_isolated {
            let what = "a SharedArrayBuffer (not cross-origin isolated)";
            return Err(self.data_clone_error(extra, what).into());
        }
        // 2. If forStorage is true, then throw a "DataCloneError" DOMException.
        if self.options.for_storage {
            let what = "a SharedArrayBuffer (for storage)";
            return Err(self.data_clone_error(extra, what).into());
        }
        // 3. If value has an [[ArrayBufferMaxByteLength]] internal slot, then set serialized
        //    to { [[Type]]: "GrowableSharedArrayBuffer", [[ArrayBufferData]]:
        //    value.[[ArrayBufferData]], [[ArrayBufferByteLengthData]]:
        //    value.[[ArrayBufferByteLengthData]], [[ArrayBufferMaxByteLength]]:
        //    value.[[ArrayBufferMaxByteLength]], [[AgentCluster]]: the surrounding agent's
        //    agent cluster }.
        // 4. Otherwise, set serialized to { [[Type]]: "SharedArrayBuffer", [[ArrayBufferData]]:
        //    value.[[ArrayBufferData]], [[ArrayBufferByteLength]]:
        //    value.[[ArrayBufferByteLength]], [[AgentCluster]]: the surrounding agent's agent
        //    cluster }.
        //    (The host's handle carries the data block and the agent cluster.)
        let memory = self.host.shared_array_buffer_memory(buffer);
        Ok(RecordObject::SharedArrayBuffer(Box::new(
            SharedArrayBufferRecord {
                memory,
                byte_length: to_u64(byte_length),
                max_byte_length: max_byte_length.map(to_u64),
            },
        )))
    }

    /// Step 14 of StructuredSerializeInternal: a typed array or DataView.
    ///
    /// <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal>
    pub(super) fn serialize_view(
        &mut self,
        view: &H::Object,
        kind: ViewKind,
        byte_offset: usize,
        length: Option<usize>,
        out_of_bounds: bool,
    ) -> Result<RecordObject, SerializeError<H::Error>> {
        // 1. If IsArrayBufferViewOutOfBounds(value) is true, then throw a "DataCloneError"
        //    DOMException.
        if out_of_bounds {
            let what = format!(
                "{} out of bounds of its (possibly detached) buffer",
                with_article(kind.constructor_name())
            );
            return Err(self.data_clone_error(None, &what).into());
        }
        // 2. Let buffer be the value of value's [[ViewedArrayBuffer]] internal slot.
        let buffer = self.host.view_buffer(view);
        // 3. Let bufferSerialized be ? StructuredSerializeInternal(buffer, forStorage, memory).
        // 4. Assert: bufferSerialized.[[Type]] is "ArrayBuffer", "ResizableArrayBuffer",
        //    "SharedArrayBuffer", or "GrowableSharedArrayBuffer".
        let buffer = self.serialize_viewed_buffer(&buffer)?;
        // 5. If value has a [[DataView]] internal slot, then set serialized to
        //    { [[Type]]: "ArrayBufferView", [[Constructor]]: "DataView",
        //    [[ArrayBufferSerialized]]: bufferSerialized, [[ByteLength]]: value.[[ByteLength]],
        //    [[ByteOffset]]: value.[[ByteOffset]] }.
        // 6. Otherwise:
        //    1. Assert: value has a [[TypedArrayName]] internal slot.
        //    2. Set serialized to { [[Type]]: "ArrayBufferView", [[Constructor]]:
        //       value.[[TypedArrayName]], [[ArrayBufferSerialized]]: bufferSerialized,
        //       [[ByteLength]]: value.[[ByteLength]], [[ByteOffset]]: value.[[ByteOffset]],
        //       [[ArrayLength]]: value.[[ArrayLength]] }.
        //    (A typed array's [[ByteLength]] is [[ArrayLength]] × the element size, so only
        //    the length is kept; None is "auto", a length-tracking view.)
        Ok(RecordObject::ArrayBufferView {
            kind,
            buffer,
            byte_offset: to_u64(byte_offset),
            length: length.map(to_u64),
        })
    }

    /// Step 14.3: StructuredSerializeInternal(buffer, forStorage, memory) for a view's
    /// buffer, done in place as a buffer never has a step 26. Step 14.4's assertion is
    /// checked: anything but a buffer is a DataCloneError.
    fn serialize_viewed_buffer(
        &mut self,
        buffer: &H::Object,
    ) -> Result<ObjectIndex, SerializeError<H::Error>> {
        let extra = Some(Segment::ViewBuffer);
        // 2. If memory[value] exists, then return memory[value].
        let identity = self.host.object_identity(buffer);
        if let Some(index) = self.memory.get(identity) {
            return match self.memory.record(index) {
                Some(
                    RecordObject::ArrayBuffer { .. }
                    | RecordObject::SharedArrayBuffer(_)
                    | RecordObject::Transferred(_),
                ) => Ok(index),
                _ => Err(self.data_clone_error(extra, "not an ArrayBuffer").into()),
            };
        }
        // 13. (The rest of the steps for a buffer.)
        let record = match self.host.classify_object(buffer) {
            ObjectKind::ArrayBuffer {
                detached,
                max_byte_length,
            } => self.serialize_array_buffer(buffer, detached, max_byte_length, extra)?,
            ObjectKind::SharedArrayBuffer {
                byte_length,
                max_byte_length,
            } => self.serialize_shared_array_buffer(buffer, byte_length, max_byte_length, extra)?,
            _ => return Err(self.data_clone_error(extra, "not an ArrayBuffer").into()),
        };
        // 25. Set memory[value] to serialized.
        Ok(self.memory.insert(identity, record)?)
    }
}

/// A length as a record length (lossless on every platform Rust supports).
fn to_u64(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}
