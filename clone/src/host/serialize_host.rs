//! [`SerializeHost`]: read access to an engine's values.
//!
//! The trait, at the host-interface layer; `native/serialize_host.rs` is its implementation
//! for the crate's own value model ([`crate::native::NativeHeap`]).

use super::{MapEntries, ObjectKind, PropertySnapshot, ValueKind};
use crate::record::{CloneString, RecordString};
use crate::types::{BackingStore, PlatformSerialization, PlatformTransferData, SharedMemory};

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

    // Fast paths, with defaults in terms of the methods above: a host whose strings are
    // already reference-counted UTF-16 (or whose objects are numbered densely) overrides
    // them to spare the walk a copy per key and string, or a hash map.

    /// [`classify_value`](Self::classify_value) with a String's code units shared rather
    /// than copied.
    ///
    /// Default: `classify_value`, then the units moved into a [`RecordString`].
    fn classify_value_shared(
        &mut self,
        value: &Self::Value,
    ) -> ValueKind<Self::Object, RecordString> {
        self.classify_value(value).map_string(RecordString::from)
    }

    /// Appends `! EnumerableOwnProperties(object, key)` to `keys` (which holds other
    /// objects' keys already: only append).
    ///
    /// Default: [`enumerable_own_string_keys`](Self::enumerable_own_string_keys), each key
    /// moved into a [`RecordString`].
    fn append_enumerable_own_keys(
        &mut self,
        object: &Self::Object,
        keys: &mut Vec<RecordString>,
    ) -> Result<(), Self::Error> {
        let own = self.enumerable_own_string_keys(object)?;
        keys.extend(own.into_iter().map(RecordString::from));
        Ok(())
    }

    /// `! HasOwnProperty(object, key)` and, if true, `? object.[[Get]](key, object)`:
    /// `None` if there is no such own property. The getter may throw.
    ///
    /// Default: [`has_own_property`](Self::has_own_property) then [`get`](Self::get).
    fn get_own_property(
        &mut self,
        object: &Self::Object,
        key: &RecordString,
    ) -> Result<Option<Self::Value>, Self::Error> {
        let key = CloneString::from(key);
        if self.has_own_property(object, &key)? {
            self.get(object, &key).map(Some)
        } else {
            Ok(None)
        }
    }

    /// [`get_own_property`](Self::get_own_property) of the key at `position` in the list
    /// [`append_enumerable_own_keys`](Self::append_enumerable_own_keys) gave for `object`,
    /// the value [classified](Self::classify_value_shared) at once: a host may look at that
    /// position first (it must still check the key is there: an earlier getter may have
    /// changed the object), and classify the value without a copy of it.
    ///
    /// Default: `get_own_property`, then `classify_value_shared`.
    fn get_listed_property(
        &mut self,
        object: &Self::Object,
        key: &RecordString,
        position: usize,
    ) -> Result<Option<ValueKind<Self::Object, RecordString>>, Self::Error> {
        let _ = position;
        Ok(match self.get_own_property(object, key)? {
            Some(value) => Some(self.classify_value_shared(&value)),
            None => None,
        })
    }

    /// Step 26.4 of StructuredSerializeInternal for `object` in one call: pushes each key of
    /// `! EnumerableOwnProperties(object, key)`, in order, with the value `[[Get]]` gives
    /// (classified), into `snapshot`, and returns true.
    ///
    /// A host may do so only when reading every property now cannot be told apart from
    /// reading each one when the walk reaches it: every such property is a data property
    /// (no getter runs), and nothing the walk does in between can change `object` (no
    /// script runs anywhere in the walk, as in a host without accessors, or the host knows
    /// the value holds none). Otherwise it returns false, and the walk lists the keys and
    /// reads each property in turn; whatever was pushed is then discarded.
    ///
    /// Default: false.
    fn snapshot_own_properties(
        &mut self,
        object: &Self::Object,
        snapshot: &mut PropertySnapshot<'_, Self::Object>,
    ) -> bool {
        let _ = (object, snapshot);
        false
    }

    /// `Some(n)` if [`object_identity`](Self::object_identity) numbers objects densely,
    /// mostly below `n` (e.g. an arena's indices): the memory map is then a vector indexed
    /// by identity below `n` (identities at or above `n` still work, in a hash map).
    ///
    /// Default: `None` (identities are addresses; the memory map is a hash map).
    fn dense_identity_bound(&self) -> Option<usize> {
        None
    }
}
