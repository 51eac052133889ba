//! StructuredDeserialize.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserialize>

mod buffer;
mod frame;
mod properties;
mod value;

use std::collections::HashMap;

use crate::error::DeserializeError;
use crate::host::DeserializeHost;
use crate::path::render_path;
use crate::record::{RecordObject, SerializedRecord};

use frame::{Entry, Frame};
pub(crate) use properties::PropertyStore;
use properties::PropertyValue;

/// StructuredDeserialize: builds the value a [`SerializedRecord`] describes, in the host's
/// (target) realm.
///
/// <https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserialize>
///
/// Every object record reachable from the root becomes one new object, however many times
/// it is referred to, so shared references and cycles come back as they were. Records that
/// the root does not reach are not created. The walk uses an explicit work stack, so the
/// depth of the value is limited by memory only. ArrayBuffer contents are copied out of the
/// record (one `memcpy` each), so the record can be deserialized again; see
/// [`structured_deserialize_owned`] to move them instead.
///
/// The record is treated as untrusted: it may come from anywhere.
///
/// # Errors
///
/// - [`DeserializeError::Malformed`]: the record is not well formed: an
///   [`ObjectIndex`](crate::ObjectIndex) out of range, an Object's or Array's
///   [`PropertyRange`](crate::PropertyRange) not within the record's properties, a BigInt
///   whose digits are not `-?[0-9]+`, RegExp flags that are not flags, a view that does not
///   fit in its buffer or whose buffer is not an ArrayBuffer, a resizable ArrayBuffer longer
///   than its maximum, a platform or transfer index out of range; or an ArrayBuffer too
///   large to copy (memory ran out; not when the record is consumed). The message names the
///   place, as in `value.a[2] refers to object 7, but the record has 3 objects` or
///   `value.items has properties 5..+2, but the record has 6`.
/// - [`DeserializeError::Host`]: the host failed to create a value (including the spec's
///   DataCloneErrors of this side, which the host makes: a SharedArrayBuffer of another
///   agent cluster, a platform interface not exposed in the target realm).
pub fn structured_deserialize<H: DeserializeHost>(
    host: &mut H,
    record: &SerializedRecord,
) -> Result<H::Value, DeserializeError<H::Error>> {
    Deserializer::new(host, record, None, &[]).structured_deserialize()
}

/// [`structured_deserialize`] consuming the record: ArrayBuffer contents move into the new
/// ArrayBuffers (as `Vec<u8>` [`BackingStore`](crate::BackingStore)s the host may adopt
/// without copying) instead of being copied, and Objects' and Arrays' property keys and
/// String values are handed to the host as they are
/// ([`DeserializeHost::create_data_properties_moved`], [`DeserializeHost::string_moved`])
/// rather than shared (a record whose runs of properties are out of order or overlap, which
/// only one built by hand can have, keeps its properties; they are then shared).
///
/// # Errors
///
/// As [`structured_deserialize`].
pub fn structured_deserialize_owned<H: DeserializeHost>(
    host: &mut H,
    mut record: SerializedRecord,
) -> Result<H::Value, DeserializeError<H::Error>> {
    let taken = take_buffers(&mut record);
    let properties = PropertyStore::take(&mut record);
    Deserializer::new(host, &record, Some(taken), &[])
        .with_properties(properties)
        .structured_deserialize()
}

/// ArrayBuffer contents moved out of an owned record, by record position: the byte length,
/// and the bytes until a new ArrayBuffer takes them.
pub(crate) type Taken = HashMap<usize, (usize, Option<Vec<u8>>)>;

/// Moves every ArrayBuffer's bytes out of `record`, keyed by the record's position.
pub(crate) fn take_buffers(record: &mut SerializedRecord) -> Taken {
    let mut taken = HashMap::new();
    for (position, object) in record.objects.iter_mut().enumerate() {
        if let RecordObject::ArrayBuffer { data, .. } = object {
            taken.insert(position, (data.len(), Some(std::mem::take(data))));
        }
    }
    taken
}

/// A value StructuredDeserializeWithTransfer received from a transfer data holder, before
/// the serialized value is deserialized.
pub(crate) struct Received<O> {
    /// The new object.
    pub(crate) object: O,
    /// For an ArrayBuffer: its byte length and whether it is resizable (for its views'
    /// checks).
    pub(crate) buffer: Option<crate::check::BufferShape>,
}

/// One run of StructuredDeserialize over a record: the host, the memory and the work stack
/// that replaces recursion.
pub(crate) struct Deserializer<'h, 'r, H: DeserializeHost> {
    /// The engine, in the target realm.
    host: &'h mut H,
    /// The record being deserialized.
    record: &'r SerializedRecord,
    /// The spec's `memory`: record position → the object made of that record.
    memory: Vec<Option<H::Object>>,
    /// One frame per object whose step 24 is under way, innermost last.
    stack: Vec<Frame<H::Object, H::Value>>,
    /// Deserialized property values waiting for their Object or Array to be done; every
    /// frame's are above its parents'.
    staged: Vec<H::Value>,
    /// ArrayBuffer contents moved out of an owned record.
    taken: Option<Taken>,
    /// The values received from transfer data holders, by transfer index.
    received: &'r [Received<H::Object>],
    /// The record's `[[Properties]]`, read in place or moved out of an owned record.
    properties: PropertyStore<'r>,
}

impl<'h, 'r, H: DeserializeHost> Deserializer<'h, 'r, H> {
    /// A deserializer of `record`; `taken` holds its ArrayBuffers' bytes if they were moved
    /// out, `received` the transferred values.
    pub(crate) fn new(
        host: &'h mut H,
        record: &'r SerializedRecord,
        taken: Option<Taken>,
        received: &'r [Received<H::Object>],
    ) -> Self {
        // 1. If memory was not supplied, let memory be an empty map.
        let memory = std::iter::repeat_with(|| None)
            .take(record.objects.len())
            .collect();
        host.reserve_objects(record.objects.len());
        Deserializer {
            host,
            record,
            memory,
            stack: Vec::new(),
            staged: Vec::new(),
            taken,
            received,
            properties: PropertyStore::borrowed(record),
        }
    }

    /// Takes the properties from `properties` (moved out of the record) rather than from
    /// the record, if they could be moved out.
    pub(crate) fn with_properties(mut self, properties: Option<PropertyStore<'static>>) -> Self {
        if let Some(properties) = properties {
            self.properties = properties;
        }
        self
    }

    /// StructuredDeserialize(serialized, targetRealm, memory) for the record's root.
    ///
    /// <https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserialize>
    ///
    /// Deviation: the spec recurses at steps 16.1, 24.1.1, 24.2.1, 24.3.1.1 and 24.4.1
    /// (sub-deserialization). Here steps 2–23 are
    /// [`deserialize_value`](Self::deserialize_value), and step 24 runs in this function's
    /// loop over a work stack of frames, one per object whose nested values are being
    /// deserialized, innermost last. A nested value that is a new object is added to its
    /// parent when that object's frame is finished, as the recursive call would return then.
    /// (A view's buffer, step 16.1, never has a step 24 and is deserialized in place.)
    ///
    /// Deviation: an Object's or Array's properties (steps 24.3.1.2–3) are created together,
    /// in order, when its last value is deserialized, rather than one by one
    /// ([`DeserializeHost::create_data_properties`]). No script runs during
    /// deserialization, so only a platform object's deserialization steps could tell, and
    /// only by reaching, through a cycle, an ancestor still being built.
    pub(crate) fn structured_deserialize(mut self) -> Result<H::Value, DeserializeError<H::Error>> {
        // 2.–23. for the root record.
        let root = &self.record.root;
        let (value::Step::Done(value) | value::Step::Deep(value)) = self.deserialize_value(root)?;

        // 24. If deep is true, then: (for the root and, in place of recursion, every object
        //     below it; see Frame::next_entry for the steps of each kind of object)
        while let Some(top) = self.stack.len().checked_sub(1) {
            let Some(entry) = self.stack[top].next_entry(self.record) else {
                // The object is done: the recursive call would return here.
                self.finish_frame()?;
                continue;
            };
            // Let deserialized be ? StructuredDeserialize(entry, targetRealm, memory).
            // (Steps 2–23 now; a new object's step 24 is the next frame.)
            let step = match entry {
                Entry::Property(at) => match self.property_value(at)? {
                    PropertyValue::Moved(value) => self.deserialize_moved(value)?,
                    PropertyValue::Borrowed(value) => self.deserialize_value(value)?,
                },
                Entry::Value(value) => self.deserialize_value(value)?,
            };
            match step {
                value::Step::Done(deserialized) => {
                    let frame = &mut self.stack[top];
                    frame
                        .deliver(&mut *self.host, self.record, deserialized, &mut self.staged)
                        .map_err(DeserializeError::Host)?;
                }
                value::Step::Deep(_) => {}
            }
        }

        // 25. Return value.
        Ok(value)
    }

    /// Pops the finished top frame, runs a platform object's deserialization steps (step
    /// 24.4.1, now that its sub-deserializations are done), and adds the object to its
    /// parent where the parent is at.
    fn finish_frame(&mut self) -> Result<(), DeserializeError<H::Error>> {
        let Some(done) = self.stack.pop() else {
            return Ok(());
        };
        let value = done
            .finish(
                &mut *self.host,
                self.record,
                &mut self.properties,
                &mut self.staged,
            )
            .map_err(DeserializeError::Host)?;
        if let Some(parent) = self.stack.last_mut() {
            parent
                .deliver(&mut *self.host, self.record, value, &mut self.staged)
                .map_err(DeserializeError::Host)?;
        }
        Ok(())
    }

    /// A Malformed error about the value under way (followed by `extra`, e.g. `.buffer`),
    /// described by `describe` given its path (the path is built only now).
    fn malformed(
        &self,
        extra: Option<crate::path::Segment<'_>>,
        describe: impl FnOnce(&str) -> String,
    ) -> DeserializeError<H::Error> {
        let segments = self
            .stack
            .iter()
            .filter_map(|frame| frame.segment(self.record, &self.properties))
            .chain(extra);
        DeserializeError::Malformed(describe(&render_path(segments)))
    }
}
