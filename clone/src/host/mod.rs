//! The two capability traits through which the algorithms see a JS engine's values.
//!
//! Methods are called only for what the host itself reported: e.g.
//! [`SerializeHost::read_array_buffer`] only for an object [`SerializeHost::classify_object`]
//! said is an [`ObjectKind::ArrayBuffer`].

mod deserialize_host;
mod serialize_host;
mod snapshot;

pub use deserialize_host::DeserializeHost;
pub use serialize_host::SerializeHost;
pub use snapshot::PropertySnapshot;

use crate::record::CloneString;
use crate::types::ViewKind;

/// What a value is, as far as StructuredSerializeInternal needs to know before it looks
/// inside an object. `S` is how a String's code units are given: owned
/// ([`SerializeHost::classify_value`]) or shared
/// ([`SerializeHost::classify_value_shared`]).
#[derive(Clone, Debug, PartialEq)]
pub enum ValueKind<O, S = CloneString> {
    /// `undefined`.
    Undefined,
    /// `null`.
    Null,
    /// A Boolean primitive.
    Boolean(bool),
    /// A Number primitive (−0 and NaN are kept as they are).
    Number(f64),
    /// A String primitive, as UTF-16 code units.
    String(S),
    /// A Symbol primitive: never serializable.
    Symbol,
    /// A BigInt primitive, as its decimal digits with an optional leading `-`.
    BigInt(String),
    /// An object, to be classified with [`SerializeHost::classify_object`].
    Object(O),
}

impl<O, S> ValueKind<O, S> {
    /// The same kind with a String's code units converted by `convert`.
    pub fn map_string<T>(self, convert: impl FnOnce(S) -> T) -> ValueKind<O, T> {
        match self {
            ValueKind::Undefined => ValueKind::Undefined,
            ValueKind::Null => ValueKind::Null,
            ValueKind::Boolean(b) => ValueKind::Boolean(b),
            ValueKind::Number(n) => ValueKind::Number(n),
            ValueKind::String(s) => ValueKind::String(convert(s)),
            ValueKind::Symbol => ValueKind::Symbol,
            ValueKind::BigInt(digits) => ValueKind::BigInt(digits),
            ValueKind::Object(object) => ValueKind::Object(object),
        }
    }
}

/// A Map's entries, as `(key, value)` pairs in order.
pub type MapEntries<V> = Vec<(V, V)>;

/// What kind of object a value is: the internal slots the algorithm cares about, with the
/// values of those it copies.
#[derive(Clone, Debug, PartialEq)]
pub enum ObjectKind {
    /// An ordinary object with no internal slots the algorithm knows (a "plain object").
    Ordinary,
    /// An Array exotic object, with the value of its own `length` property.
    Array {
        /// The array's `length`.
        length: u32,
    },
    /// A callable object (a function): never serializable.
    Callable,
    /// Any other object the algorithm cannot serialize (Proxy, WeakMap, Promise, ...). The
    /// string names it in error messages, e.g. `"a WeakMap"`.
    NotSerializable(String),
    /// A Boolean wrapper object, with its `[[BooleanData]]`.
    BooleanObject(bool),
    /// A Number wrapper object, with its `[[NumberData]]`.
    NumberObject(f64),
    /// A BigInt wrapper object, with its `[[BigIntData]]` as decimal digits (optional `-`).
    BigIntObject(String),
    /// A String wrapper object, with its `[[StringData]]`.
    StringObject(CloneString),
    /// A Date, with its `[[DateValue]]` (NaN for an invalid date).
    Date(f64),
    /// A RegExp, with `[[OriginalSource]]` and `[[OriginalFlags]]`.
    RegExp {
        /// `[[OriginalSource]]`.
        source: CloneString,
        /// `[[OriginalFlags]]`.
        flags: String,
    },
    /// An ArrayBuffer (not shared). Its bytes are read with
    /// [`SerializeHost::read_array_buffer`].
    ArrayBuffer {
        /// `IsDetachedBuffer(value)`.
        detached: bool,
        /// `[[ArrayBufferMaxByteLength]]`, for a resizable buffer.
        max_byte_length: Option<usize>,
    },
    /// A SharedArrayBuffer (growable or not). Its memory is taken with
    /// [`SerializeHost::shared_array_buffer_memory`].
    SharedArrayBuffer {
        /// `[[ArrayBufferByteLength]]` (now, for a growable one).
        byte_length: usize,
        /// `[[ArrayBufferMaxByteLength]]`, for a growable one.
        max_byte_length: Option<usize>,
    },
    /// A typed array or DataView. Its buffer is given by [`SerializeHost::view_buffer`].
    ArrayBufferView {
        /// The typed array kind (`[[TypedArrayName]]`) or DataView.
        kind: ViewKind,
        /// `[[ByteOffset]]`.
        byte_offset: usize,
        /// `[[ArrayLength]]` (elements) of a typed array, `[[ByteLength]]` of a DataView;
        /// `None` for a length-tracking view (`auto`).
        length: Option<usize>,
        /// `IsArrayBufferViewOutOfBounds(value)` (true too when the buffer is detached).
        out_of_bounds: bool,
    },
    /// A Map. Its entries are listed with [`SerializeHost::map_entries`].
    Map,
    /// A Set. Its entries are listed with [`SerializeHost::set_entries`].
    Set,
    /// An object with an `[[ErrorData]]` internal slot that is not a platform object. Its
    /// `name` is read with [`SerializeHost::get`], its `message` with
    /// [`SerializeHost::own_data_property`] and [`SerializeHost::to_string`].
    Error,
    /// A platform object (DOMException, MessagePort, Blob, ...).
    Platform {
        /// The identifier of its primary interface, e.g. `"DOMException"`.
        interface: String,
        /// Whether it is a serializable object (`[Serializable]`).
        serializable: bool,
        /// Whether it is a transferable object (`[Transferable]`).
        transferable: bool,
        /// Its `[[Detached]]` internal slot (false if it has none).
        detached: bool,
    },
}
