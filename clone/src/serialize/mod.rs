//! StructuredSerialize, StructuredSerializeForStorage and StructuredSerializeInternal.
//!
//! Spec: <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserialize>

mod buffer;
mod frame;
mod value;

use crate::error::{DataCloneError, SerializeError};
use crate::host::SerializeHost;
use crate::memory::Memory;
use crate::path::{Segment, render_path};
use crate::record::{RecordString, RecordValue, SerializedRecord};

use frame::Frame;

/// What the caller of StructuredSerialize knows about the context.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SerializeOptions {
    /// `forStorage`: the record will be stored (e.g. IndexedDB), not handed to another realm
    /// now. SharedArrayBuffers then fail, and platform objects' serialization steps see it.
    pub for_storage: bool,
    /// The current settings object's cross-origin isolated capability: without it a
    /// SharedArrayBuffer fails to serialize.
    pub cross_origin_isolated: bool,
}

/// StructuredSerialize: turns `value` into a [`SerializedRecord`].
///
/// <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserialize>
///
/// Objects met more than once (shared references, cycles) get one record, referred to by
/// the same [`ObjectIndex`](crate::ObjectIndex) everywhere. Properties are read depth-first
/// in the spec's order, so getters run exactly when and as often as they would in a browser.
/// The walk uses an explicit work stack, so the depth of `value` is limited by memory only.
///
/// This is [`structured_serialize_with_options`] with the default options: not for storage,
/// and not cross-origin isolated (SharedArrayBuffers fail).
///
/// # Errors
///
/// - [`SerializeError::Host`]: script run by the walk (a getter, a `toString` of an Error's
///   message, a platform object's serialization steps) threw; the exception is passed on
///   unchanged and no record is produced.
/// - [`SerializeError::DataClone`]: a part of the value cannot be cloned. The message is
///   `{path} is {what} and cannot be cloned`, where `{path}` starts at `value` and follows
///   the property keys to the offending part (`value.items[3]["a key"]`, see below), and
///   `{what}` is `a symbol`, `a function`, `a detached ArrayBuffer`, `a SharedArrayBuffer`,
///   ..., or the host's [`ObjectKind::NotSerializable`](crate::ObjectKind) description
///   verbatim (hosts give it with its article, e.g. `a WeakMap`). For example:
///   `value.items[3].handler is a function and cannot be cloned`.
///
/// Path segments: an array index key (canonical decimal below 2³² − 1) is written `[3]`, an
/// ASCII identifier name `.name`, and any other key as a JSON string, `["some key"]`. A
/// Map's key number `i` is `.keys()[i]`, its value `.get(key)` for a primitive key
/// (`.values()[i]` otherwise), a Set's entry `.values()[i]`, a view's buffer `.buffer`, and a
/// platform object's field `.[[Name]]`.
pub fn structured_serialize<H: SerializeHost>(
    host: &mut H,
    value: &H::Value,
) -> Result<SerializedRecord, SerializeError<H::Error>> {
    // 1. Return ? StructuredSerializeInternal(value, false).
    structured_serialize_with_options(host, value, SerializeOptions::default())
}

/// StructuredSerializeForStorage: [`structured_serialize`] with `forStorage` true.
///
/// <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeforstorage>
///
/// # Errors
///
/// As [`structured_serialize`]; any SharedArrayBuffer fails.
pub fn structured_serialize_for_storage<H: SerializeHost>(
    host: &mut H,
    value: &H::Value,
) -> Result<SerializedRecord, SerializeError<H::Error>> {
    // 1. Return ? StructuredSerializeInternal(value, true).
    let options = SerializeOptions {
        for_storage: true,
        cross_origin_isolated: false,
    };
    structured_serialize_with_options(host, value, options)
}

/// StructuredSerializeInternal(value, forStorage) with a new memory, given the caller's
/// `forStorage` and cross-origin isolated capability.
///
/// <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal>
///
/// # Errors
///
/// As [`structured_serialize`].
pub fn structured_serialize_with_options<H: SerializeHost>(
    host: &mut H,
    value: &H::Value,
    options: SerializeOptions,
) -> Result<SerializedRecord, SerializeError<H::Error>> {
    let memory = Memory::new(host.dense_identity_bound());
    let mut serializer = Serializer::new(host, memory, options);
    let root = serializer.structured_serialize_internal(value)?;
    let (objects, properties, platform) = serializer.memory.into_record_parts();
    Ok(SerializedRecord {
        root,
        objects,
        properties,
        platform,
    })
}

/// One run of StructuredSerializeInternal over a value: the host, the memory and the work
/// stack that replaces recursion.
pub(crate) struct Serializer<'h, H: SerializeHost> {
    /// The engine.
    host: &'h mut H,
    /// The spec's `memory`.
    pub(crate) memory: Memory,
    /// One frame per object whose step 26 is under way, innermost last.
    stack: Vec<Frame<H::Object, H::Value>>,
    /// The keys of the object being started, as the host lists them.
    listed: Vec<RecordString>,
    /// The object values of the objects whose properties the host gave at once, each with
    /// where its placeholder is; every such frame's are above its parents'.
    pending: Vec<(usize, H::Object)>,
    /// `forStorage` and the cross-origin isolated capability.
    options: SerializeOptions,
}

impl<'h, H: SerializeHost> Serializer<'h, H> {
    /// A serializer with `memory` (empty, or pre-filled by StructuredSerializeWithTransfer).
    pub(crate) fn new(host: &'h mut H, memory: Memory, options: SerializeOptions) -> Self {
        Serializer {
            host,
            memory,
            stack: Vec::new(),
            listed: Vec::new(),
            pending: Vec::new(),
            options,
        }
    }

    /// The host, for the steps of StructuredSerializeWithTransfer after the walk.
    pub(crate) fn host(&mut self) -> &mut H {
        self.host
    }

    /// StructuredSerializeInternal(value, forStorage, memory).
    ///
    /// <https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal>
    ///
    /// Deviation: the spec recurses at steps 14.3, 26.1.3, 26.2.3, 26.3 (sub-serialization)
    /// and 26.4.1.2. Here steps 2–25 are [`serialize_value`](Self::serialize_value), and step
    /// 26 runs in this function's loop over a work stack of frames, one per object whose
    /// nested values are being serialized, innermost last. A nested object's frame is pushed
    /// on top of its parent's, so its values are read before the parent's next one: the
    /// order of every observable operation (getters) is the recursive order. A value that is
    /// a new object is appended to its parent's record when that object's frame is finished,
    /// as the recursive call would return then. (A view's buffer, step 14.3, never has a
    /// step 26 and is serialized in place.)
    pub(crate) fn structured_serialize_internal(
        &mut self,
        value: &H::Value,
    ) -> Result<RecordValue, SerializeError<H::Error>> {
        // 1. If memory was not supplied, let memory be an empty map.
        //    (The caller supplies a new empty one, or one pre-filled with transferables.)
        // 2.–25. for value itself.
        let serialized = match self.serialize_value(value)? {
            Step::Done(serialized) => serialized,
            Step::Deep(index) => RecordValue::Object(index),
        };

        // 26. If deep is true, then: (for value and, in place of recursion, every object
        //     below it; see Frame::next_input for the steps of each kind of object)
        while let Some(top) = self.stack.len().checked_sub(1) {
            let Some(input) = self.stack[top]
                .next_input(&mut *self.host, &self.memory.properties, &self.pending)
                .map_err(SerializeError::Host)?
            else {
                // The object is done: the recursive call would return here.
                self.finish_frame();
                continue;
            };
            // Let output be ? StructuredSerializeInternal(input, forStorage, memory).
            // (Steps 2–25 now; if input is a new object with deep true, its step 26 is the
            // next frame, and its record is appended when that frame is finished.)
            match self.serialize_classified(input)? {
                Step::Done(output) => {
                    self.stack[top].deliver(&mut self.memory, output);
                }
                Step::Deep(_) => {}
            }
        }

        // 27. Return serialized.
        Ok(serialized)
    }

    /// Pops the finished top frame and appends its object to its parent's record, where the
    /// parent is at.
    fn finish_frame(&mut self) {
        let Some(done) = self.stack.pop() else {
            return;
        };
        if let Some(begin) = done.pending_begin() {
            self.pending.truncate(begin);
        }
        if let Some(delivered) = done.delivered() {
            // The run keeps the properties delivered; keys left after them (of properties
            // a getter deleted) are no longer covered.
            self.memory.set_property_count(done.index, delivered);
        }
        if let Some(parent) = self.stack.last_mut() {
            parent.deliver(&mut self.memory, RecordValue::Object(done.index));
        }
    }

    /// The DataCloneError for the value at the top of the walk (followed by `extra`, e.g.
    /// `.buffer`): `{path} is {what} and cannot be cloned`. The path is built only now.
    fn data_clone_error(&self, extra: Option<Segment<'_>>, what: &str) -> DataCloneError {
        let properties = &self.memory.properties;
        let segments = self
            .stack
            .iter()
            .filter_map(|frame| frame.segment(properties))
            .chain(extra);
        DataCloneError {
            message: format!("{} is {what} and cannot be cloned", render_path(segments)),
        }
    }
}

/// What steps 2–25 made of one value.
pub(crate) enum Step {
    /// The value's record is complete (a primitive, an object already in memory, or an
    /// object with deep false).
    Done(RecordValue),
    /// A new object with deep true: a frame was pushed and its nested values come next.
    Deep(crate::record::ObjectIndex),
}
