//! Steps 12–16 of StructuredDeserialize: ArrayBuffers, SharedArrayBuffers and their views.
//!
//! The deserializing half of buffer handling: `serialize/buffer.rs` is the serializing half,
//! and `types/buffer.rs` holds the buffer contents ([`crate::BackingStore`]) both move.

use super::Deserializer;
use crate::bytes::copy_bytes;
use crate::check::{self, BufferShape};
use crate::error::DeserializeError;
use crate::host::DeserializeHost;
use crate::path::Segment;
use crate::record::{ObjectIndex, RecordObject, RecordValue};
use crate::types::{BackingStore, ViewKind};

impl<H: DeserializeHost> Deserializer<'_, '_, H> {
    /// Steps 12–15 of StructuredDeserialize for the buffer record at `position` (not in
    /// memory yet). `extra` is `.buffer` when it is deserialized for a view (step 16.1).
    ///
    /// <https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserialize>
    pub(super) fn deserialize_array_buffer(
        &mut self,
        position: usize,
        extra: Option<Segment<'_>>,
    ) -> Result<H::Object, DeserializeError<H::Error>> {
        let record = self.record;
        match record.objects.get(position) {
            // 12. Otherwise, if serialized.[[Type]] is "SharedArrayBuffer", then:
            //     1. If targetRealm's corresponding agent cluster is not
            //        serialized.[[AgentCluster]], then throw a "DataCloneError" DOMException.
            //     2. Otherwise, set value to a new SharedArrayBuffer object in targetRealm
            //        whose [[ArrayBufferData]] internal slot value is
            //        serialized.[[ArrayBufferData]] and whose [[ArrayBufferByteLength]]
            //        internal slot value is serialized.[[ArrayBufferByteLength]].
            // 13. Otherwise, if serialized.[[Type]] is "GrowableSharedArrayBuffer", then:
            //     1. (As 12.1.)
            //     2. Otherwise, set value to a new SharedArrayBuffer object in targetRealm
            //        whose [[ArrayBufferData]] internal slot value is
            //        serialized.[[ArrayBufferData]], whose [[ArrayBufferByteLengthData]]
            //        internal slot value is serialized.[[ArrayBufferByteLengthData]], and whose
            //        [[ArrayBufferMaxByteLength]] internal slot value is
            //        serialized.[[ArrayBufferMaxByteLength]].
            //     (The host checks the agent cluster and makes the buffer.)
            Some(RecordObject::SharedArrayBuffer(shared)) => {
                let max = self.length(shared.max_byte_length, extra)?;
                self.host
                    .create_shared_array_buffer(&shared.memory, max)
                    .map_err(DeserializeError::Host)
            }
            // 14. Otherwise, if serialized.[[Type]] is "ArrayBuffer", then set value to a new
            //     ArrayBuffer object in targetRealm whose [[ArrayBufferData]] internal slot
            //     value is serialized.[[ArrayBufferData]], and whose [[ArrayBufferByteLength]]
            //     internal slot value is serialized.[[ArrayBufferByteLength]].
            // 15. Otherwise, if serialized.[[Type]] is "ResizableArrayBuffer", then set value
            //     to a new ArrayBuffer object in targetRealm whose [[ArrayBufferData]]
            //     internal slot value is serialized.[[ArrayBufferData]], whose
            //     [[ArrayBufferByteLength]] internal slot value is
            //     serialized.[[ArrayBufferByteLength]], and whose [[ArrayBufferMaxByteLength]]
            //     internal slot value is serialized.[[ArrayBufferMaxByteLength]].
            Some(RecordObject::ArrayBuffer {
                data,
                max_byte_length,
            }) => {
                let taken = self.taken.as_mut().and_then(|t| t.get_mut(&position));
                let bytes = match taken.and_then(|(_, bytes)| bytes.take()) {
                    // An owned record's bytes move into the new buffer.
                    Some(taken) => taken,
                    // Deviation: a borrowed record is kept, so its bytes are copied (one
                    // memcpy), as if the record were deserialized from a copy of itself.
                    None => match copy_bytes(data) {
                        Some(copy) => copy,
                        // Deviation: running out of memory for the copy is a Malformed
                        // error (the spec's record holds the block itself, so there is no
                        // copy to fail; the algorithm cannot make the host's exceptions, and
                        // the error has no variant for it).
                        None => {
                            return Err(self.malformed(extra, |path| {
                                format!("{path} is an ArrayBuffer too large to copy")
                            }));
                        }
                    },
                };
                let byte_length = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
                self.check(
                    extra,
                    check::array_buffer_lengths(byte_length, *max_byte_length),
                )?;
                let max = self.length(*max_byte_length, extra)?;
                self.host
                    .create_array_buffer(BackingStore::new(bytes), max)
                    .map_err(DeserializeError::Host)
            }
            Some(other) => {
                let what = other.describe();
                Err(self.malformed(extra, |path| {
                    format!("{path} is {what}, not an ArrayBuffer")
                }))
            }
            None => Err(self.malformed(extra, |path| format!("{path} does not exist"))),
        }
    }

    /// Step 16 of StructuredDeserialize: `serialized.[[Type]]` is "ArrayBufferView".
    ///
    /// <https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserialize>
    pub(super) fn deserialize_view(
        &mut self,
        kind: ViewKind,
        buffer: ObjectIndex,
        byte_offset: u64,
        length: Option<u64>,
    ) -> Result<H::Object, DeserializeError<H::Error>> {
        // 1. Let deserializedArrayBuffer be ? StructuredDeserialize(
        //    serialized.[[ArrayBufferSerialized]], targetRealm, memory).
        let (buffer, shape) = self.deserialize_viewed_buffer(buffer)?;
        // (A record built by hand may describe a view no buffer can hold.)
        self.check(None, check::view_bounds(kind, byte_offset, length, shape))?;
        let offset = self.length(Some(byte_offset), None)?.unwrap_or(0);
        let length = self.length(length, None)?;
        // 2. If serialized.[[Constructor]] is "DataView", then set value to a new DataView
        //    object in targetRealm whose [[ViewedArrayBuffer]] internal slot value is
        //    deserializedArrayBuffer, whose [[ByteLength]] internal slot value is
        //    serialized.[[ByteLength]], and whose [[ByteOffset]] internal slot value is
        //    serialized.[[ByteOffset]].
        // 3. Otherwise, set value to a new typed array object in targetRealm, using the
        //    constructor given by serialized.[[Constructor]], whose [[ViewedArrayBuffer]]
        //    internal slot value is deserializedArrayBuffer, whose [[TypedArrayName]]
        //    internal slot value is serialized.[[Constructor]], whose [[ByteLength]] internal
        //    slot value is serialized.[[ByteLength]], whose [[ByteOffset]] internal slot
        //    value is serialized.[[ByteOffset]], and whose [[ArrayLength]] internal slot
        //    value is serialized.[[ArrayLength]].
        self.host
            .create_array_buffer_view(kind, &buffer, offset, length)
            .map_err(DeserializeError::Host)
    }

    /// Step 16.1: StructuredDeserialize of a view's buffer, done in place as a buffer never
    /// has a step 24. Returns the buffer and its shape, for the view's checks.
    fn deserialize_viewed_buffer(
        &mut self,
        buffer: ObjectIndex,
    ) -> Result<(H::Object, BufferShape), DeserializeError<H::Error>> {
        let extra = Some(Segment::ViewBuffer);
        let position = self.position(buffer, extra)?;
        let shape = match self.record.objects.get(position) {
            Some(RecordObject::ArrayBuffer {
                data,
                max_byte_length,
            }) => {
                // The bytes may have been moved out (an owned record).
                let len = match self.taken.as_ref().and_then(|t| t.get(&position)) {
                    Some((len, _)) => *len,
                    None => data.len(),
                };
                Some(BufferShape {
                    byte_length: u64::try_from(len).unwrap_or(u64::MAX),
                    resizable: max_byte_length.is_some(),
                })
            }
            Some(RecordObject::SharedArrayBuffer(shared)) => Some(BufferShape {
                byte_length: shared.byte_length,
                resizable: shared.max_byte_length.is_some(),
            }),
            Some(RecordObject::Transferred(transfer)) => usize::try_from(transfer.0)
                .ok()
                .and_then(|i| self.received.get(i))
                .and_then(|received| received.buffer),
            _ => None,
        };
        let Some(shape) = shape else {
            let what = self
                .record
                .objects
                .get(position)
                .map_or("nothing", RecordObject::describe);
            return Err(self.malformed(extra, |path| {
                format!("{path} is {what}, not an ArrayBuffer")
            }));
        };
        // 2. If memory[serialized] exists, then return memory[serialized].
        // 12.–15., 23. Otherwise make the buffer and set memory[serialized] to it.
        let object = match self.memory.get(position).and_then(Option::as_ref) {
            Some(object) => object.clone(),
            None => {
                let value = RecordValue::Object(buffer);
                self.deserialize_value(&value)?;
                match self.memory.get(position).and_then(Option::as_ref) {
                    Some(object) => object.clone(),
                    None => {
                        return Err(
                            self.malformed(extra, |path| format!("{path} is not an ArrayBuffer"))
                        );
                    }
                }
            }
        };
        Ok((object, shape))
    }

    /// A record length as a host length, or a Malformed error if this platform cannot hold
    /// it.
    fn length(
        &self,
        length: Option<u64>,
        extra: Option<Segment<'_>>,
    ) -> Result<Option<usize>, DeserializeError<H::Error>> {
        match length.map(usize::try_from) {
            None => Ok(None),
            Some(Ok(length)) => Ok(Some(length)),
            Some(Err(_)) => {
                Err(self.malformed(extra, |path| format!("{path} has a length too large")))
            }
        }
    }
}
