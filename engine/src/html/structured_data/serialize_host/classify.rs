//! What kind of object a boa object is, for StructuredSerializeInternal: its internal slots
//! and the values of those the algorithm copies.

use boa_engine::builtins::dataview::DataView;
use boa_engine::builtins::date::Date;
use boa_engine::builtins::error::Error;
use boa_engine::builtins::regexp::RegExp;
use boa_engine::builtins::typed_array::{TypedArray, TypedArrayKind};
use boa_engine::object::builtins::{
    JsArrayBuffer, JsDataView, JsDate, JsMap, JsPromise, JsProxy, JsRegExp, JsSet,
    JsSharedArrayBuffer, JsTypedArray, JsWeakMap, JsWeakSet,
};
use boa_engine::{Context, JsBigInt, JsObject, JsString, JsSymbol, JsValue, js_string};
use postern_clone::{CloneString, ObjectKind, ViewKind};

use crate::agent::realm_data::CloneGetters;
use crate::file_api::blob::blob_of;
use crate::file_api::file::file_of;
use crate::html::structured_data::clone_string;
use crate::html::structured_data::serialize_host::BoaSerializeHost;
use crate::html::web_messaging::message_port;
use crate::webidl::dom_exception;

/// The primary interface of a File API object (`"File"` before `"Blob"`: a File is both).
fn serializable_file_api_interface(object: &JsObject) -> Option<&'static str> {
    if file_of(object).is_some() {
        return Some("File");
    }
    blob_of(object).map(|_| "Blob")
}

/// What a value needing the realm's captured getters is when they are missing (never the
/// case in a window realm: the host checks for them when made).
const NO_GETTERS: &str = "a value of a realm without its captured built-ins";

impl BoaSerializeHost<'_> {
    /// The realm's captured native getters.
    fn clone_getters(&mut self) -> Option<CloneGetters> {
        self.intrinsics()
            .ok()
            .map(|intrinsics| intrinsics.clone_getters.clone())
    }

    /// Calls a captured native getter with `this` set to `object`.
    fn call_getter(&mut self, getter: &JsObject, object: &JsObject) -> Option<JsValue> {
        getter.call(&object.clone().into(), &[], self.context).ok()
    }

    /// An Array with the value of its own `length`.
    fn classify_array(&mut self, object: &JsObject) -> ObjectKind {
        // An Array's own "length" is a data property holding a uint32.
        let length = object
            .get(js_string!("length"), self.context)
            .ok()
            .and_then(|v| v.as_number())
            .map(|n| n as u32)
            .unwrap_or(0);
        ObjectKind::Array { length }
    }

    /// `[[DateValue]]` of a Date (NaN for an invalid date).
    fn date_value(&mut self, object: &JsObject) -> f64 {
        JsDate::from_object(object.clone())
            .and_then(|date| date.get_time(self.context))
            .ok()
            .and_then(|time| time.as_number())
            .unwrap_or(f64::NAN)
    }

    /// `[[OriginalSource]]` and `[[OriginalFlags]]` of a RegExp.
    fn classify_regexp(&mut self, object: &JsObject) -> ObjectKind {
        let Some(getters) = self.clone_getters() else {
            return ObjectKind::NotSerializable(NO_GETTERS.into());
        };
        let source = self
            .call_getter(&getters.regexp_source, object)
            .and_then(|s| s.as_string())
            .map(|s| unescape_regexp_source(&s))
            .unwrap_or_else(|| CloneString::from("(?:)"));
        // Deviation: [[OriginalFlags]] is rebuilt in canonical order ("dgimsuvy") from the
        // flag getters, as boa does not expose it; the order of flags is not observable.
        let mut flags = String::new();
        if let Ok(regexp) = JsRegExp::from_object(object.clone()) {
            let context = &mut *self.context;
            let checks: [(char, FlagGetter); 6] = [
                ('d', JsRegExp::has_indices),
                ('g', JsRegExp::global),
                ('i', JsRegExp::ignore_case),
                ('m', JsRegExp::multiline),
                ('s', JsRegExp::dot_all),
                ('u', JsRegExp::unicode),
            ];
            for (flag, check) in checks {
                if check(&regexp, context).unwrap_or(false) {
                    flags.push(flag);
                }
            }
            if self
                .call_getter(&getters.regexp_unicode_sets, object)
                .is_some_and(|v| v.to_boolean())
            {
                flags.push('v');
            }
            if regexp.sticky(self.context).unwrap_or(false) {
                flags.push('y');
            }
        }
        ObjectKind::RegExp { source, flags }
    }

    /// `IsDetachedBuffer` and `[[ArrayBufferMaxByteLength]]` of an ArrayBuffer.
    fn classify_array_buffer(&mut self, object: &JsObject, buffer: &JsArrayBuffer) -> ObjectKind {
        let detached = buffer.data().is_none();
        let Some(getters) = self.clone_getters() else {
            return ObjectKind::NotSerializable(NO_GETTERS.into());
        };
        let max_byte_length = self.max_byte_length(
            object,
            &getters.array_buffer_resizable,
            &getters.array_buffer_max_byte_length,
        );
        ObjectKind::ArrayBuffer {
            detached,
            max_byte_length,
        }
    }

    /// `[[ArrayBufferByteLength]]` (now) and `[[ArrayBufferMaxByteLength]]` of a
    /// SharedArrayBuffer. Step 13.1 decides what becomes of it: without the cross-origin
    /// isolated capability, a DataCloneError naming where it was found.
    fn classify_shared_array_buffer(
        &mut self,
        object: &JsObject,
        shared: &JsSharedArrayBuffer,
    ) -> ObjectKind {
        let Some(getters) = self.clone_getters() else {
            return ObjectKind::NotSerializable(NO_GETTERS.into());
        };
        let max_byte_length = self.max_byte_length(
            object,
            &getters.shared_array_buffer_growable,
            &getters.shared_array_buffer_max_byte_length,
        );
        ObjectKind::SharedArrayBuffer {
            byte_length: shared.byte_length(),
            max_byte_length,
        }
    }

    /// `[[ArrayBufferMaxByteLength]]` of a buffer whose `resizable` (or `growable`) getter
    /// says it has one, read with the realm's own getters.
    fn max_byte_length(
        &mut self,
        object: &JsObject,
        resizable: &JsObject,
        max: &JsObject,
    ) -> Option<usize> {
        let has_max = self
            .call_getter(resizable, object)
            .is_some_and(|v| v.to_boolean());
        if !has_max {
            return None;
        }
        self.call_getter(max, object)
            .and_then(|v| v.as_number())
            .map(|n| n as usize)
    }

    /// `(byte length, detached)` of a view's buffer, or `None` if it is not a buffer.
    fn buffer_state(buffer: &JsValue) -> Option<(usize, bool)> {
        let buffer = buffer.as_object()?;
        if let Ok(buffer) = JsArrayBuffer::from_object(buffer.clone()) {
            let length = buffer.data().map(|data| data.len());
            return Some((length.unwrap_or(0), length.is_none()));
        }
        JsSharedArrayBuffer::from_object(buffer.clone())
            .ok()
            .map(|shared| (shared.byte_length(), false))
    }

    /// `[[TypedArrayName]]`, `[[ByteOffset]]`, `[[ArrayLength]]` and
    /// `IsTypedArrayOutOfBounds` of a typed array.
    fn classify_typed_array(&mut self, object: &JsObject) -> Option<ObjectKind> {
        let (kind, byte_offset, length) = {
            let typed_array = object.downcast_ref::<TypedArray>()?;
            // boa 0.22 does not expose whether [[ArrayLength]] is auto, but
            // TypedArrayLength(taRecord) is a pure function of the buffer length it is given:
            // constant for a fixed length, growing with the buffer for auto. Two buffer
            // lengths far beyond any real buffer tell them apart without touching the buffer.
            let probe = usize::MAX / 4;
            let at_probe = typed_array.array_length(probe);
            let further = typed_array.array_length(probe + 8);
            let length = (at_probe == further).then_some(at_probe);
            (
                view_kind(typed_array.kind()),
                typed_array.byte_offset(),
                length,
            )
        };
        let byte_offset = usize::try_from(byte_offset).ok()?;
        let length = match length {
            Some(n) => Some(usize::try_from(n).ok()?),
            None => None,
        };
        let buffer = JsTypedArray::from_object(object.clone())
            .and_then(|ta| ta.buffer(self.context))
            .ok()?;
        let (buffer_length, detached) = Self::buffer_state(&buffer)?;
        // IsTypedArrayOutOfBounds: detached, or the start or the end past the buffer's end.
        let end = length.map(|n| byte_offset.saturating_add(n.saturating_mul(kind.element_size())));
        let out_of_bounds =
            detached || byte_offset > buffer_length || end.is_some_and(|end| end > buffer_length);
        Some(ObjectKind::ArrayBufferView {
            kind,
            byte_offset,
            length,
            out_of_bounds,
        })
    }

    /// `[[ByteOffset]]`, `[[ByteLength]]` and `IsViewOutOfBounds` of a DataView.
    fn classify_data_view(&mut self, object: &JsObject) -> Option<ObjectKind> {
        // Deviation: boa 0.22 exposes no accessor telling whether a DataView's [[ByteLength]]
        // is auto; its derived Debug output names the slot, so it is read from there.
        let auto = object
            .downcast_ref::<DataView>()
            .map(|view| format!("{:?}", &*view).contains("byte_length: None"))?;
        let view = JsDataView::from_object(object.clone()).ok()?;
        // The native getters throw exactly when IsViewOutOfBounds (detached included).
        let offset = view.byte_offset(self.context);
        let length = view.byte_length(self.context);
        Some(match (offset, length) {
            (Ok(offset), Ok(length)) => ObjectKind::ArrayBufferView {
                kind: ViewKind::DataView,
                byte_offset: usize::try_from(offset).ok()?,
                length: if auto {
                    None
                } else {
                    Some(usize::try_from(length).ok()?)
                },
                out_of_bounds: false,
            },
            _ => ObjectKind::ArrayBufferView {
                kind: ViewKind::DataView,
                byte_offset: 0,
                length: None,
                out_of_bounds: true,
            },
        })
    }

    /// The internal slots of steps 7–24 of StructuredSerializeInternal, in that order.
    ///
    /// (Ordinary objects and Arrays, the most common, are recognised first: boa gives each
    /// object one kind of internal data, so an object with neither's has none of the slots
    /// of steps 7–17 and is not a platform object, and the answer is the spec order's.)
    pub(super) fn classify_object_slots(&mut self, object: &JsObject) -> ObjectKind {
        // 24. An ordinary object (see above).
        if object.is_ordinary() {
            return ObjectKind::Ordinary;
        }
        // 18. An Array exotic object (see above).
        if object.is_array() {
            return self.classify_array(object);
        }
        if object.is_callable() {
            return ObjectKind::Callable;
        }
        if JsProxy::from_object(object.clone()).is_ok() {
            return ObjectKind::NotSerializable("a Proxy".into());
        }
        // 7. [[BooleanData]]
        if let Some(b) = object.downcast_ref::<bool>().map(|b| *b) {
            return ObjectKind::BooleanObject(b);
        }
        // 8. [[NumberData]]
        if let Some(n) = object.downcast_ref::<f64>().map(|n| *n) {
            return ObjectKind::NumberObject(n);
        }
        // 9. [[BigIntData]]
        if let Some(digits) = object.downcast_ref::<JsBigInt>().map(|b| b.to_string()) {
            return ObjectKind::BigIntObject(digits);
        }
        // 10. [[StringData]]
        if let Some(s) = object.downcast_ref::<JsString>().map(|s| clone_string(&s)) {
            return ObjectKind::StringObject(s);
        }
        // 11. [[DateValue]]
        if object.is::<Date>() {
            return ObjectKind::Date(self.date_value(object));
        }
        // 12. [[RegExpMatcher]]
        if object.is::<RegExp>() {
            return self.classify_regexp(object);
        }
        // 13. [[ArrayBufferData]]
        if let Ok(buffer) = JsArrayBuffer::from_object(object.clone()) {
            return self.classify_array_buffer(object, &buffer);
        }
        if let Ok(shared) = JsSharedArrayBuffer::from_object(object.clone()) {
            return self.classify_shared_array_buffer(object, &shared);
        }
        // 14. [[ViewedArrayBuffer]]
        if object.is::<TypedArray>() {
            if let Some(kind) = self.classify_typed_array(object) {
                return kind;
            }
            return ObjectKind::NotSerializable("a typed array over no buffer".into());
        }
        if object.is::<DataView>() {
            if let Some(kind) = self.classify_data_view(object) {
                return kind;
            }
            return ObjectKind::NotSerializable("a DataView over no buffer".into());
        }
        // 15. [[MapData]]
        if JsMap::from_object(object.clone()).is_ok() {
            return ObjectKind::Map;
        }
        // 16. [[SetData]]
        if JsSet::from_object(object.clone()).is_ok() {
            return ObjectKind::Set;
        }
        // 17. [[ErrorData]], not a platform object.
        if object.is::<Error>() {
            return ObjectKind::Error;
        }
        // 18. An Array exotic object: above.
        // 19-20. Platform objects.
        if let Some(detached) = message_port::is_detached_port(object) {
            return ObjectKind::Platform {
                interface: "MessagePort".into(),
                serializable: false,
                transferable: true,
                detached,
            };
        }
        if let Some(interface) = serializable_file_api_interface(object) {
            return ObjectKind::Platform {
                interface: interface.into(),
                serializable: true,
                transferable: false,
                detached: false,
            };
        }
        if dom_exception::name_and_message(object).is_some() {
            return ObjectKind::Platform {
                interface: "DOMException".into(),
                serializable: true,
                transferable: false,
                detached: false,
            };
        }
        // 24. An ordinary object: above.
        // 20-23. Other platform objects, other internal slots, exotic objects.
        ObjectKind::NotSerializable(describe_unsupported(object).into())
    }
}

/// One of boa's native RegExp flag getters.
type FlagGetter = fn(&JsRegExp, &mut Context) -> boa_engine::JsResult<bool>;

/// The [`ViewKind`] of a boa typed array kind.
fn view_kind(kind: TypedArrayKind) -> ViewKind {
    match kind {
        TypedArrayKind::Int8 => ViewKind::Int8,
        TypedArrayKind::Uint8 => ViewKind::Uint8,
        TypedArrayKind::Uint8Clamped => ViewKind::Uint8Clamped,
        TypedArrayKind::Int16 => ViewKind::Int16,
        TypedArrayKind::Uint16 => ViewKind::Uint16,
        TypedArrayKind::Int32 => ViewKind::Int32,
        TypedArrayKind::Uint32 => ViewKind::Uint32,
        TypedArrayKind::BigInt64 => ViewKind::BigInt64,
        TypedArrayKind::BigUint64 => ViewKind::BigUint64,
        TypedArrayKind::Float16 => ViewKind::Float16,
        TypedArrayKind::Float32 => ViewKind::Float32,
        TypedArrayKind::Float64 => ViewKind::Float64,
    }
}

/// `[[OriginalSource]]` from what `get RegExp.prototype.source` returns: boa's
/// EscapeRegExpPattern only ever inserts a `\` before each `/` (and writes line terminators
/// as `\n`-style escapes, which compile to the same matcher), so dropping the `\` right before
/// each `/` gives the original source back.
///
/// Deviation: a source with a line terminator comes back with it escaped (same matcher and
/// same `source`, different [[OriginalSource]]).
fn unescape_regexp_source(escaped: &JsString) -> CloneString {
    const BACKSLASH: u16 = b'\\' as u16;
    const SLASH: u16 = b'/' as u16;
    let units = escaped.to_vec();
    let mut out = Vec::with_capacity(units.len());
    for (i, &unit) in units.iter().enumerate() {
        if unit == BACKSLASH && units.get(i + 1) == Some(&SLASH) {
            continue;
        }
        out.push(unit);
    }
    CloneString(out)
}

/// Names an object kind the algorithm does not clone, for the DataCloneError message.
fn describe_unsupported(object: &JsObject) -> &'static str {
    let o = || object.clone();
    if JsPromise::from_object(o()).is_ok() {
        "a Promise"
    } else if JsWeakMap::from_object(o()).is_ok() {
        "a WeakMap"
    } else if JsWeakSet::from_object(o()).is_ok() {
        "a WeakSet"
    } else if object.is::<JsSymbol>() {
        "a Symbol object"
    } else {
        "a platform or exotic object"
    }
}
