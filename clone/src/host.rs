//! The two capability traits through which the algorithms see a JS engine's values.
//!
//! Methods are called only for what the host itself reported: e.g.
//! [`SerializeHost::read_array_buffer`] only for an object [`SerializeHost::classify_object`]
//! said is an [`ObjectKind::ArrayBuffer`].

use crate::record::CloneString;
use crate::types::{
    BackingStore, ErrorName, PlatformSerialization, PlatformTransferData, SharedMemory, ViewKind,
};

/// What a value is, as far as StructuredSerializeInternal needs to know before it looks
/// inside an object.
#[derive(Clone, Debug, PartialEq)]
pub enum ValueKind<O> {
    /// `undefined`.
    Undefined,
    /// `null`.
    Null,
    /// A Boolean primitive.
    Boolean(bool),
    /// A Number primitive (−0 and NaN are kept as they are).
    Number(f64),
    /// A String primitive, as UTF-16 code units.
    String(CloneString),
    /// A Symbol primitive: never serializable.
    Symbol,
    /// A BigInt primitive, as its decimal digits with an optional leading `-`.
    BigInt(String),
    /// An object, to be classified with [`SerializeHost::classify_object`].
    Object(O),
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

/// Read access to a JS engine's values, for StructuredSerializeInternal and the transfer
/// steps of StructuredSerializeWithTransfer.
///
/// Every method that can run script (getters, `toString`) returns `Result<_, Self::Error>`;
/// an error is an exception thrown by that script and is propagated unchanged.
pub trait SerializeHost {
    /// A JS value.
    type Value;
    /// A JS object (a handle; cloning it does not clone the object).
    type Object: Clone;
    /// An exception thrown by script while the value was read.
    type Error;

    /// Says what `value` is.
    fn classify_value(&mut self, value: &Self::Value) -> ValueKind<Self::Object>;

    /// Says what kind of object `object` is.
    fn classify_object(&mut self, object: &Self::Object) -> ObjectKind;

    /// A number that is equal for two handles exactly when they are the same object (for
    /// the memory map).
    fn object_identity(&self, object: &Self::Object) -> usize;

    /// `! EnumerableOwnProperties(object, key)`: the own enumerable string-keyed property
    /// names, in property order.
    fn enumerable_own_string_keys(
        &mut self,
        object: &Self::Object,
    ) -> Result<Vec<CloneString>, Self::Error>;

    /// `! HasOwnProperty(object, key)`.
    fn has_own_property(
        &mut self,
        object: &Self::Object,
        key: &CloneString,
    ) -> Result<bool, Self::Error>;

    /// `? object.[[Get]](key, object)`: may run a getter, which may throw.
    fn get(&mut self, object: &Self::Object, key: &CloneString)
    -> Result<Self::Value, Self::Error>;

    /// `? object.[[GetOwnProperty]](key)`, reduced to what Error serialization needs: the
    /// property's value if it is an own **data** property, `None` if there is no own
    /// property or it is an accessor. Runs no getter.
    fn own_data_property(
        &mut self,
        object: &Self::Object,
        key: &CloneString,
    ) -> Result<Option<Self::Value>, Self::Error>;

    /// `? ToString(value)`: may run `toString`/`valueOf`/`@@toPrimitive`, which may throw
    /// (and throws a TypeError for a Symbol).
    fn to_string(&mut self, value: &Self::Value) -> Result<CloneString, Self::Error>;

    /// Calls `read` once with the bytes of an ArrayBuffer the host classified as
    /// [`ObjectKind::ArrayBuffer`] and not detached: `[[ArrayBufferData]]` up to
    /// `[[ArrayBufferByteLength]]`. `read` copies them with one `memcpy`; the host may hold
    /// a borrow of its buffer during the call.
    fn read_array_buffer<R>(&mut self, buffer: &Self::Object, read: impl FnOnce(&[u8]) -> R) -> R;

    /// The shared memory of an object the host classified as
    /// [`ObjectKind::SharedArrayBuffer`] (a new handle on the same block, tagged with the
    /// surrounding agent's agent cluster).
    fn shared_array_buffer_memory(&mut self, buffer: &Self::Object) -> SharedMemory;

    /// `[[ViewedArrayBuffer]]` of an object the host classified as
    /// [`ObjectKind::ArrayBufferView`].
    fn view_buffer(&mut self, view: &Self::Object) -> Self::Object;

    /// The entries of a Map's `[[MapData]]` that are not empty, in order (the spec's
    /// `copiedList`). Runs no script.
    fn map_entries(&mut self, map: &Self::Object) -> Result<MapEntries<Self::Value>, Self::Error>;

    /// The entries of a Set's `[[SetData]]` that are not empty, in order (the spec's
    /// `copiedList`). Runs no script.
    fn set_entries(&mut self, set: &Self::Object) -> Result<Vec<Self::Value>, Self::Error>;

    /// The serialization steps of a serializable platform object's primary interface
    /// `interface`, given `forStorage`: the values they sub-serialize and opaque data. May
    /// throw (e.g. a DataCloneError DOMException made by the host).
    fn serialization_steps(
        &mut self,
        object: &Self::Object,
        interface: &str,
        for_storage: bool,
    ) -> Result<PlatformSerialization<Self::Value>, Self::Error>;

    /// `? DetachArrayBuffer(buffer)`, handing over its `[[ArrayBufferData]]` (byte length
    /// `[[ArrayBufferByteLength]]`) without copying it. Afterwards the buffer is detached:
    /// its byte length and every view's length over it read 0. May throw (e.g. a buffer with
    /// a detach key that is not undefined, such as a WebAssembly.Memory's).
    fn detach_array_buffer(&mut self, buffer: &Self::Object) -> Result<BackingStore, Self::Error>;

    /// The transfer steps of a transferable platform object's primary interface
    /// `interface`: moves the object's data into a data holder. May throw. The algorithm sets
    /// `[[Detached]]` afterwards with [`set_detached`](Self::set_detached).
    fn transfer_steps(
        &mut self,
        object: &Self::Object,
        interface: &str,
    ) -> Result<PlatformTransferData, Self::Error>;

    /// Sets a transferable platform object's `[[Detached]]` internal slot to true.
    fn set_detached(&mut self, object: &Self::Object);
}

/// Write access to a JS engine's target realm, for StructuredDeserialize and
/// StructuredDeserializeWithTransfer.
///
/// Objects are created in the **target** realm, with its prototypes. A method returning
/// `Result` may fail with an exception of the host's; the spec's DataCloneErrors on this side
/// (a SharedArrayBuffer of another agent cluster, an interface not exposed in the target
/// realm) are exceptions the host makes.
pub trait DeserializeHost {
    /// A JS value.
    type Value: Clone;
    /// A JS object handle.
    type Object: Clone;
    /// An exception raised while building the value (e.g. out of memory).
    type Error;

    /// `undefined`.
    fn undefined(&mut self) -> Self::Value;
    /// `null`.
    fn null(&mut self) -> Self::Value;
    /// A Boolean primitive.
    fn boolean(&mut self, value: bool) -> Self::Value;
    /// A Number primitive.
    fn number(&mut self, value: f64) -> Self::Value;
    /// A String primitive from UTF-16 code units.
    fn string(&mut self, value: &CloneString) -> Self::Value;
    /// A BigInt primitive from its decimal digits (optional leading `-`).
    fn bigint(&mut self, digits: &str) -> Result<Self::Value, Self::Error>;
    /// A new ordinary object whose prototype is the target realm's `%Object.prototype%`.
    fn create_object(&mut self) -> Result<Self::Object, Self::Error>;
    /// `! ArrayCreate(length, targetRealm.[[Intrinsics]].[[%Array.prototype%]])`.
    fn create_array(&mut self, length: u32) -> Result<Self::Object, Self::Error>;
    /// The object as a value.
    fn object_value(&mut self, object: &Self::Object) -> Self::Value;
    /// `! CreateDataProperty(object, key, value)`.
    fn create_data_property(
        &mut self,
        object: &Self::Object,
        key: &CloneString,
        value: Self::Value,
    ) -> Result<(), Self::Error>;

    /// A new Boolean object whose `[[BooleanData]]` is `value`.
    fn create_boolean_object(&mut self, value: bool) -> Result<Self::Object, Self::Error>;
    /// A new Number object whose `[[NumberData]]` is `value`.
    fn create_number_object(&mut self, value: f64) -> Result<Self::Object, Self::Error>;
    /// A new BigInt object whose `[[BigIntData]]` is the BigInt of `digits` (`-?[0-9]+`,
    /// checked by the algorithm).
    fn create_bigint_object(&mut self, digits: &str) -> Result<Self::Object, Self::Error>;
    /// A new String object whose `[[StringData]]` is `value`.
    fn create_string_object(&mut self, value: &CloneString) -> Result<Self::Object, Self::Error>;
    /// A new Date whose `[[DateValue]]` is `time` (NaN or an integral time value within
    /// ±8.64e15; the algorithm turns anything else into NaN, as TimeClip would).
    fn create_date(&mut self, time: f64) -> Result<Self::Object, Self::Error>;
    /// A new RegExp with `[[OriginalSource]]` `source` and `[[OriginalFlags]]` `flags`
    /// (letters of `dgimsuvy`, each at most once: checked by the algorithm), its matcher
    /// compiled from them; `lastIndex` is 0. May throw a SyntaxError for a source that does
    /// not compile (a record built by hand).
    fn create_regexp(
        &mut self,
        source: &CloneString,
        flags: &str,
    ) -> Result<Self::Object, Self::Error>;
    /// A new ArrayBuffer whose `[[ArrayBufferData]]` is `data` (adopt it without copying
    /// when it holds the host's own store type, see [`BackingStore::downcast`]), with
    /// `[[ArrayBufferMaxByteLength]]` `max_byte_length` for a resizable one (the algorithm
    /// checks `data.len() <= max_byte_length`).
    fn create_array_buffer(
        &mut self,
        data: BackingStore,
        max_byte_length: Option<usize>,
    ) -> Result<Self::Object, Self::Error>;
    /// A new SharedArrayBuffer over `memory`, growable up to `max_byte_length` if given.
    /// Throws a DataCloneError DOMException if the target realm's agent cluster is not
    /// `memory.agent_cluster()` (or the block is not of the host's type).
    fn create_shared_array_buffer(
        &mut self,
        memory: &SharedMemory,
        max_byte_length: Option<usize>,
    ) -> Result<Self::Object, Self::Error>;
    /// A new typed array of `kind` (or a DataView) over `buffer` (an object this host made
    /// with `create_array_buffer`, `create_shared_array_buffer` or as a transferred value),
    /// at `byte_offset`, with `length` elements (bytes for a DataView), or length-tracking
    /// for `None`. The algorithm checks the offset is a multiple of the element size and
    /// the view lies within the buffer.
    fn create_array_buffer_view(
        &mut self,
        kind: ViewKind,
        buffer: &Self::Object,
        byte_offset: usize,
        length: Option<usize>,
    ) -> Result<Self::Object, Self::Error>;
    /// A new empty Map.
    fn create_map(&mut self) -> Result<Self::Object, Self::Error>;
    /// Appends `{ [[Key]]: key, [[Value]]: value }` to `map.[[MapData]]` (keys of a
    /// well-formed record are distinct; a host may use `Map.prototype.set` semantics).
    fn map_append(
        &mut self,
        map: &Self::Object,
        key: Self::Value,
        value: Self::Value,
    ) -> Result<(), Self::Error>;
    /// A new empty Set.
    fn create_set(&mut self) -> Result<Self::Object, Self::Error>;
    /// Appends `value` to `set.[[SetData]]` (see [`map_append`](Self::map_append)).
    fn set_append(&mut self, set: &Self::Object, value: Self::Value) -> Result<(), Self::Error>;
    /// `OrdinaryObjectCreate(prototype, « [[ErrorData]] »)` where `prototype` is the target
    /// realm's `%name.prototype%`, with an own non-enumerable, writable, configurable
    /// `message` data property when `message` is not `None`.
    fn create_error(
        &mut self,
        name: ErrorName,
        message: Option<&CloneString>,
    ) -> Result<Self::Object, Self::Error>;
    /// A new instance of the platform interface `interface`, created in the target realm,
    /// with none of its internal data set up. Throws a DataCloneError DOMException if the
    /// interface is not exposed in the target realm (or unknown to the host).
    fn create_platform_object(&mut self, interface: &str) -> Result<Self::Object, Self::Error>;
    /// The deserialization steps of `interface`, given the fields the serialization steps
    /// set (each sub-deserialized, in order) and the opaque bytes, setting up `object`.
    fn deserialization_steps(
        &mut self,
        object: &Self::Object,
        interface: &str,
        fields: Vec<(String, Self::Value)>,
        bytes: &[u8],
    ) -> Result<(), Self::Error>;
    /// The transfer-receiving steps of `interface`, given the data its transfer steps moved
    /// into the data holder, setting up `object` (made with `create_platform_object`).
    fn transfer_receiving_steps(
        &mut self,
        object: &Self::Object,
        interface: &str,
        data: PlatformTransferData,
    ) -> Result<(), Self::Error>;
}
