//! [`DeserializeHost`]: write access to an engine's target realm.
//!
//! The trait, at the host-interface layer; `native/deserialize_host.rs` is its implementation
//! for the crate's own value model ([`crate::native::NativeHeap`]).

use crate::record::{CloneString, RecordString};
use crate::types::{
    BackingStore, ErrorName, PlatformTransferData, SharedBytes, SharedMemory, ViewKind,
};

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
        bytes: &SharedBytes,
    ) -> Result<(), Self::Error>;
    /// The transfer-receiving steps of `interface`, given the data its transfer steps moved
    /// into the data holder, setting up `object` (made with `create_platform_object`).
    fn transfer_receiving_steps(
        &mut self,
        object: &Self::Object,
        interface: &str,
        data: PlatformTransferData,
    ) -> Result<(), Self::Error>;

    // Fast paths and hints, with defaults in terms of the methods above.

    /// [`string`](Self::string) from shared code units.
    ///
    /// Default: the units copied into a [`CloneString`], then `string`.
    fn string_shared(&mut self, value: &RecordString) -> Self::Value {
        self.string(&CloneString::from(value))
    }

    /// [`string`](Self::string) from code units moved out of an owned record.
    ///
    /// Default: [`string_shared`](Self::string_shared).
    fn string_moved(&mut self, value: RecordString) -> Self::Value {
        self.string_shared(&value)
    }

    /// [`create_data_property`](Self::create_data_property) with a shared key.
    ///
    /// Default: the key copied into a [`CloneString`], then `create_data_property`.
    fn create_data_property_shared(
        &mut self,
        object: &Self::Object,
        key: &RecordString,
        value: Self::Value,
    ) -> Result<(), Self::Error> {
        self.create_data_property(object, &CloneString::from(key), value)
    }

    /// Steps 24.3.1.2–3 for all of an Object's or Array's `[[Properties]]` at once, once
    /// their values are deserialized: `! CreateDataProperty(object, key, value)` for each
    /// pair, in order. (The walk defers them to the end of the object's step 24: a
    /// deviation. No script runs during deserialization, so only a platform object's
    /// deserialization steps could tell, and only by reaching, through a cycle, an ancestor
    /// still being built.)
    ///
    /// Default: [`create_data_property_shared`](Self::create_data_property_shared) for each.
    fn create_data_properties<'k>(
        &mut self,
        object: &Self::Object,
        properties: impl Iterator<Item = (&'k RecordString, Self::Value)>,
    ) -> Result<(), Self::Error> {
        for (key, value) in properties {
            self.create_data_property_shared(object, key, value)?;
        }
        Ok(())
    }

    /// [`create_data_properties`](Self::create_data_properties) with keys moved out of an
    /// owned record (a host that keeps [`RecordString`] keys takes them as they are).
    ///
    /// Default: [`create_data_property_shared`](Self::create_data_property_shared) for each
    /// (as `create_data_properties`' default; a host overriding one overrides both).
    fn create_data_properties_moved(
        &mut self,
        object: &Self::Object,
        properties: impl Iterator<Item = (RecordString, Self::Value)>,
    ) -> Result<(), Self::Error> {
        for (key, value) in properties {
            self.create_data_property_shared(object, &key, value)?;
        }
        Ok(())
    }

    /// A hint: about `additional` more objects are about to be created.
    ///
    /// Default: nothing.
    fn reserve_objects(&mut self, additional: usize) {
        let _ = additional;
    }

    /// A hint: `object`, just created, is about to be given `additional` properties.
    ///
    /// Default: nothing.
    fn reserve_properties(&mut self, object: &Self::Object, additional: usize) {
        let _ = (object, additional);
    }
}
