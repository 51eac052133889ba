//! Constructors for the native model's objects with internal slots.

use std::sync::Arc;

use super::{
    NativeArrayBuffer, NativeHeap, NativeKind, NativeObject, NativeObjectId, NativePlatform,
    NativeRegExp, NativeSharedBuffer, NativeValue, NativeView, SharedBlock,
};
use crate::record::CloneString;
use crate::types::{ErrorName, SharedBytes, ViewKind};

impl NativeHeap {
    /// A new object of `kind` with no properties, as a value.
    pub fn make_kind(&mut self, kind: NativeKind) -> NativeValue {
        NativeValue::Object(self.alloc(NativeObject::new(kind)))
    }

    /// `new Boolean(value)`.
    pub fn make_boolean_object(&mut self, value: bool) -> NativeValue {
        self.make_kind(NativeKind::BooleanObject(value))
    }

    /// `new Number(value)`.
    pub fn make_number_object(&mut self, value: f64) -> NativeValue {
        self.make_kind(NativeKind::NumberObject(value))
    }

    /// `Object(BigInt(digits))`.
    pub fn make_bigint_object(&mut self, digits: &str) -> NativeValue {
        self.make_kind(NativeKind::BigIntObject(digits.to_owned()))
    }

    /// `new String(value)`.
    pub fn make_string_object(&mut self, value: impl Into<CloneString>) -> NativeValue {
        self.make_kind(NativeKind::StringObject(value.into()))
    }

    /// A Date with time value `time` (NaN for an invalid date).
    pub fn make_date(&mut self, time: f64) -> NativeValue {
        self.make_kind(NativeKind::Date(time))
    }

    /// `new RegExp(source, flags)` (nothing is compiled or checked).
    pub fn make_regexp(&mut self, source: impl Into<CloneString>, flags: &str) -> NativeValue {
        self.make_kind(NativeKind::RegExp(Box::new(NativeRegExp {
            source: source.into(),
            flags: flags.to_owned(),
        })))
    }

    /// An ArrayBuffer holding `bytes` (moved in, not copied).
    pub fn make_array_buffer(&mut self, bytes: Vec<u8>) -> NativeValue {
        self.make_resizable_array_buffer(bytes, None)
    }

    /// An ArrayBuffer holding `bytes`, resizable up to `max_byte_length` if given.
    pub fn make_resizable_array_buffer(
        &mut self,
        bytes: Vec<u8>,
        max_byte_length: Option<usize>,
    ) -> NativeValue {
        self.make_kind(NativeKind::ArrayBuffer(Box::new(NativeArrayBuffer {
            data: Some(bytes),
            max_byte_length,
        })))
    }

    /// A SharedArrayBuffer over a new block holding a copy of `bytes`, growable up to
    /// `max_byte_length` if given.
    pub fn make_shared_array_buffer(
        &mut self,
        bytes: &[u8],
        max_byte_length: Option<usize>,
    ) -> NativeValue {
        self.make_kind(NativeKind::SharedArrayBuffer(NativeSharedBuffer {
            block: Arc::new(SharedBlock::new(bytes)),
            max_byte_length,
        }))
    }

    /// A typed array of `kind` (or a DataView) over `buffer`, at `byte_offset`, with
    /// `length` elements (bytes for a DataView), or length-tracking for `None`. Nothing is
    /// checked: views out of bounds can be made, to test that they do not clone.
    pub fn make_view(
        &mut self,
        kind: ViewKind,
        buffer: NativeObjectId,
        byte_offset: usize,
        length: Option<usize>,
    ) -> NativeValue {
        self.make_kind(NativeKind::View(Box::new(NativeView {
            kind,
            buffer,
            byte_offset,
            length,
        })))
    }

    /// A Map with `entries` in order (not deduplicated).
    pub fn make_map(
        &mut self,
        entries: impl IntoIterator<Item = (NativeValue, NativeValue)>,
    ) -> NativeValue {
        self.make_kind(NativeKind::Map(entries.into_iter().collect()))
    }

    /// A Set with `entries` in order (not deduplicated).
    pub fn make_set(&mut self, entries: impl IntoIterator<Item = NativeValue>) -> NativeValue {
        self.make_kind(NativeKind::Set(entries.into_iter().collect()))
    }

    /// `new name(message)`: an Error whose prototype is `%name.prototype%`, with an own
    /// `message` property if `message` is given.
    pub fn make_error(&mut self, name: ErrorName, message: Option<NativeValue>) -> NativeValue {
        let mut object = NativeObject::new(NativeKind::Error(name));
        if let Some(message) = message {
            object.set("message", message);
        }
        NativeValue::Object(self.alloc(object))
    }

    /// A platform object of `interface` with `fields`.
    pub fn make_platform(
        &mut self,
        interface: &str,
        fields: impl IntoIterator<Item = (String, NativeValue)>,
    ) -> NativeValue {
        self.make_kind(NativeKind::Platform(Box::new(NativePlatform {
            interface: interface.to_owned(),
            fields: fields.into_iter().collect(),
            bytes: SharedBytes::default(),
            detached: false,
        })))
    }

    /// `new DOMException(message, name)`: fields `Name` and `Message`, as its serialization
    /// steps set them.
    pub fn make_dom_exception(&mut self, name: &str, message: &str) -> NativeValue {
        let fields = [
            ("Name".to_owned(), NativeValue::from(name)),
            ("Message".to_owned(), NativeValue::from(message)),
        ];
        self.make_platform("DOMException", fields)
    }

    /// A MessagePort whose entangled channel the host calls `port`.
    pub fn make_message_port(&mut self, port: f64) -> NativeValue {
        self.make_platform(
            "MessagePort",
            [("Port".to_owned(), NativeValue::Number(port))],
        )
    }

    /// The ArrayBuffer `id` names, if it is one.
    pub fn array_buffer(&self, id: NativeObjectId) -> Option<&NativeArrayBuffer> {
        match &self.object(id)?.kind {
            NativeKind::ArrayBuffer(buffer) => Some(buffer),
            _ => None,
        }
    }

    /// The byte length of the buffer `id` names (an ArrayBuffer, 0 when detached, or a
    /// SharedArrayBuffer), if it is one.
    pub fn buffer_byte_length(&self, id: NativeObjectId) -> Option<usize> {
        match &self.object(id)?.kind {
            NativeKind::ArrayBuffer(buffer) => Some(buffer.byte_length()),
            NativeKind::SharedArrayBuffer(shared) => Some(shared.block.len()),
            _ => None,
        }
    }

    /// `IsArrayBufferViewOutOfBounds` of the view `id` names (true for a detached buffer),
    /// or `None` if it is not a view over a buffer of this heap.
    pub fn view_out_of_bounds(&self, id: NativeObjectId) -> Option<bool> {
        let NativeKind::View(view) = &self.object(id)?.kind else {
            return None;
        };
        if let Some(buffer) = self.array_buffer(view.buffer)
            && buffer.data.is_none()
        {
            return Some(true);
        }
        let buffer_length = self.buffer_byte_length(view.buffer)?;
        let end = match view.length {
            Some(length) => length
                .checked_mul(view.kind.element_size())
                .and_then(|n| n.checked_add(view.byte_offset)),
            None => Some(view.byte_offset),
        };
        Some(end.is_none_or(|end| end > buffer_length))
    }

    /// The byte length a view `id` sees now: 0 when out of bounds (e.g. its buffer was
    /// detached), what is left of the buffer for a length-tracking one.
    pub fn view_byte_length(&self, id: NativeObjectId) -> Option<usize> {
        let NativeKind::View(view) = &self.object(id)?.kind else {
            return None;
        };
        if self.view_out_of_bounds(id)? {
            return Some(0);
        }
        let buffer_length = self.buffer_byte_length(view.buffer)?;
        Some(match view.length {
            Some(length) => length * view.kind.element_size(),
            None => {
                let size = view.kind.element_size();
                (buffer_length - view.byte_offset) / size * size
            }
        })
    }
}
