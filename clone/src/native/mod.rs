//! A small native value model: JS-like values and objects in an arena, for Rust callers,
//! tests and benchmarks.
//!
//! [`NativeHeap`] implements both [`SerializeHost`](crate::SerializeHost) and
//! [`DeserializeHost`](crate::DeserializeHost), so a value can be serialized out of one heap
//! and deserialized into the same or another one; [`isomorphic`] then compares the two.
//!
//! The model is deliberately simple: every property is an own, enumerable, string-keyed
//! data property, kept in insertion order (it does not move integer keys first, as JS's
//! `[[OwnPropertyKeys]]` does), and there is no prototype chain (an Error's `name` falls
//! back to its constructor's name). [`NativeValue::Throwing`] stands in for a getter that
//! throws. Wrapper objects, Dates, RegExps, ArrayBuffers (resizable, detached),
//! SharedArrayBuffers, typed arrays and DataViews, Maps, Sets, Errors and platform objects
//! are modelled with the internal state cloning reads ([`NativeKind`]); platform interfaces
//! come from a per-heap registry ([`NativeInterface`]), which starts with `DOMException`
//! (serializable) and `MessagePort` (transferable).
//!
//! ```
//! use postern_clone::native::{NativeHeap, NativeValue, isomorphic};
//! use postern_clone::{structured_deserialize, structured_serialize};
//!
//! let mut heap = NativeHeap::new();
//! let list = heap.make_array_from([1.0.into(), "two".into()]);
//! let value = heap.make_object([("list", list.clone()), ("again", list)]);
//! let record = structured_serialize(&mut heap, &value)?;
//!
//! let mut other = NativeHeap::new();
//! let copy = structured_deserialize(&mut other, &record)?;
//! assert!(isomorphic((&heap, &value), (&other, &copy)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod deserialize_host;
mod isomorphic;
mod kinds;
mod make;
mod object;
mod serialize_host;

pub use isomorphic::isomorphic;
pub use kinds::{
    NativeArrayBuffer, NativeInterface, NativePlatform, NativeRegExp, NativeSharedBuffer,
    NativeView, SharedBlock,
};
pub use object::NativeObject;
pub use serialize_host::NativeError;

use std::collections::{HashMap, HashSet};

use crate::record::{CloneString, RecordString};
use crate::types::ErrorName;

/// Identifies an object of one [`NativeHeap`]; two ids are equal exactly when they name the
/// same object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NativeObjectId(usize);

impl NativeObjectId {
    /// The object's position in its heap (also its identity for the memory map).
    pub fn index(self) -> usize {
        self.0
    }
}

/// A value of the native model.
///
/// The derived `PartialEq` compares numbers with `==` (so `NaN != NaN`, `0 == -0`) and
/// objects by id; use [`isomorphic`] to compare values across heaps.
#[derive(Clone, Debug, PartialEq)]
pub enum NativeValue {
    /// `undefined`.
    Undefined,
    /// `null`.
    Null,
    /// A Boolean.
    Boolean(bool),
    /// A Number (−0 and NaN included).
    Number(f64),
    /// A BigInt, as decimal digits with an optional leading `-`.
    BigInt(String),
    /// A String, as UTF-16 code units (lone surrogates allowed), shared with records.
    String(RecordString),
    /// A Symbol with its description: never cloneable.
    Symbol(String),
    /// An object of the heap.
    Object(NativeObjectId),
    /// Not a value but a stand-in for a getter that throws: reading a property that holds
    /// it fails with [`NativeError::Thrown`] carrying the message. Read in any other way
    /// (e.g. as the root value given to the serializer) it is taken as `undefined`.
    Throwing(String),
}

impl From<bool> for NativeValue {
    fn from(value: bool) -> Self {
        NativeValue::Boolean(value)
    }
}

impl From<f64> for NativeValue {
    fn from(value: f64) -> Self {
        NativeValue::Number(value)
    }
}

impl From<&str> for NativeValue {
    fn from(value: &str) -> Self {
        NativeValue::String(value.into())
    }
}

impl From<CloneString> for NativeValue {
    fn from(value: CloneString) -> Self {
        NativeValue::String(value.into())
    }
}

impl From<RecordString> for NativeValue {
    fn from(value: RecordString) -> Self {
        NativeValue::String(value)
    }
}

impl From<NativeObjectId> for NativeValue {
    fn from(value: NativeObjectId) -> Self {
        NativeValue::Object(value)
    }
}

/// What kind of object a [`NativeObject`] is, with the internal slots cloning reads.
#[derive(Clone, Debug, PartialEq)]
pub enum NativeKind {
    /// A plain object.
    Ordinary,
    /// An array, with its `length` (indices below it without a property are holes).
    Array {
        /// The array's `length`.
        length: u32,
    },
    /// A function: never cloneable.
    Function,
    /// Any other object that cannot be cloned, named for error messages (e.g. `"a
    /// WeakMap"`).
    NotSerializable(String),
    /// A Boolean wrapper object (`[[BooleanData]]`).
    BooleanObject(bool),
    /// A Number wrapper object (`[[NumberData]]`).
    NumberObject(f64),
    /// A BigInt wrapper object (`[[BigIntData]]`, decimal digits).
    BigIntObject(String),
    /// A String wrapper object (`[[StringData]]`).
    StringObject(CloneString),
    /// A Date (`[[DateValue]]`, NaN for an invalid date).
    Date(f64),
    /// A RegExp (`[[OriginalSource]]`, `[[OriginalFlags]]`; its `lastIndex` is a property).
    /// (Boxed, as the other rare kinds: an object of a common kind stays small.)
    RegExp(Box<NativeRegExp>),
    /// An ArrayBuffer.
    ArrayBuffer(Box<NativeArrayBuffer>),
    /// A SharedArrayBuffer.
    SharedArrayBuffer(NativeSharedBuffer),
    /// A typed array or DataView.
    View(Box<NativeView>),
    /// A Map (`[[MapData]]`, in insertion order).
    Map(Vec<(NativeValue, NativeValue)>),
    /// A Set (`[[SetData]]`, in insertion order).
    Set(Vec<NativeValue>),
    /// An Error whose prototype is `%name.prototype%`: its `name` is its own `name`
    /// property if it has one, else the prototype's; its `message` is its own property.
    Error(ErrorName),
    /// A platform object of an interface of the heap's registry.
    Platform(Box<NativePlatform>),
}

/// An arena of [`NativeObject`]s, addressed by [`NativeObjectId`], with the registry of the
/// platform interfaces its realm exposes.
#[derive(Clone, Debug)]
pub struct NativeHeap {
    /// The objects; a [`NativeObjectId`] is a position here.
    objects: Vec<NativeObject>,
    /// Platform interfaces by name.
    interfaces: HashMap<String, NativeInterface>,
    /// The property keys the heap's own constructors have used, each kept once (as an
    /// engine interns its property keys), so equal keys share their units.
    keys: HashSet<RecordString>,
    /// The id of the agent cluster the heap's realm is in (for SharedArrayBuffers).
    agent_cluster: u64,
    /// Whether the heap's realm is cross-origin isolated.
    cross_origin_isolated: bool,
    /// Whether serialization may read an object's properties at once
    /// ([`SerializeHost::snapshot_own_properties`](crate::SerializeHost)).
    property_snapshots: bool,
}

impl Default for NativeHeap {
    fn default() -> Self {
        let interfaces = [
            ("DOMException", NativeInterface::SERIALIZABLE),
            ("MessagePort", NativeInterface::TRANSFERABLE),
        ];
        NativeHeap {
            objects: Vec::new(),
            interfaces: interfaces
                .into_iter()
                .map(|(name, interface)| (name.to_owned(), interface))
                .collect(),
            keys: HashSet::new(),
            agent_cluster: 0,
            cross_origin_isolated: false,
            property_snapshots: true,
        }
    }
}

impl NativeHeap {
    /// An empty heap, in agent cluster 0, not cross-origin isolated, exposing
    /// `DOMException` and `MessagePort`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) the platform interface `name` in the heap's registry.
    pub fn define_interface(&mut self, name: impl Into<String>, interface: NativeInterface) {
        self.interfaces.insert(name.into(), interface);
    }

    /// The platform interface `name`, if the registry has it.
    pub fn interface(&self, name: &str) -> Option<NativeInterface> {
        self.interfaces.get(name).copied()
    }

    /// Puts the heap's realm in the agent cluster the host calls `id`.
    pub fn set_agent_cluster(&mut self, id: u64) {
        self.agent_cluster = id;
    }

    /// The id of the agent cluster of the heap's realm.
    pub fn agent_cluster(&self) -> u64 {
        self.agent_cluster
    }

    /// Sets whether the heap's realm is cross-origin isolated (informational: callers pass
    /// it to the serialize functions).
    pub fn set_cross_origin_isolated(&mut self, isolated: bool) {
        self.cross_origin_isolated = isolated;
    }

    /// Whether the heap's realm is cross-origin isolated.
    pub fn cross_origin_isolated(&self) -> bool {
        self.cross_origin_isolated
    }

    /// Sets whether serialization may read all of an object's properties at once (the
    /// default; nothing can observe it in this model), or must read them one at a time, as
    /// it does for an engine whose getters run script. Both give the same record; tests use
    /// this to check the second path.
    pub fn set_property_snapshots(&mut self, enabled: bool) {
        self.property_snapshots = enabled;
    }

    /// Whether serialization may read all of an object's properties at once.
    pub fn property_snapshots(&self) -> bool {
        self.property_snapshots
    }

    /// How many objects the heap holds.
    pub fn len(&self) -> usize {
        self.objects.len()
    }

    /// Whether the heap holds no object.
    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
    }

    /// Makes room for `additional` more objects.
    pub fn reserve(&mut self, additional: usize) {
        self.objects.reserve(additional);
    }

    /// Adds `object` to the heap.
    pub fn alloc(&mut self, object: NativeObject) -> NativeObjectId {
        self.objects.push(object);
        NativeObjectId(self.objects.len() - 1)
    }

    /// The object `id` names, if it is one of this heap's.
    pub fn object(&self, id: NativeObjectId) -> Option<&NativeObject> {
        self.objects.get(id.0)
    }

    /// The object `id` names, mutably, if it is one of this heap's.
    pub fn object_mut(&mut self, id: NativeObjectId) -> Option<&mut NativeObject> {
        self.objects.get_mut(id.0)
    }

    /// The heap's copy of `key`: the first equal key it was given, shared.
    pub fn intern(&mut self, key: impl Into<RecordString>) -> RecordString {
        let key = key.into();
        if let Some(known) = self.keys.get(&key) {
            return known.clone();
        }
        self.keys.insert(key.clone());
        key
    }

    /// [`NativeObject::set`] on the object `id`, with the key [interned](Self::intern);
    /// returns false if there is no such object.
    pub fn set(
        &mut self,
        id: NativeObjectId,
        key: impl Into<RecordString>,
        value: NativeValue,
    ) -> bool {
        let key = self.intern(key);
        match self.object_mut(id) {
            Some(object) => {
                object.set(key, value);
                true
            }
            None => false,
        }
    }

    /// A new plain object with `properties`, as a value.
    pub fn make_object<K: Into<RecordString>>(
        &mut self,
        properties: impl IntoIterator<Item = (K, NativeValue)>,
    ) -> NativeValue {
        self.make(NativeKind::Ordinary, properties)
    }

    /// A new array of `length` with `properties` (indices, possibly sparse, and others).
    pub fn make_array<K: Into<RecordString>>(
        &mut self,
        length: u32,
        properties: impl IntoIterator<Item = (K, NativeValue)>,
    ) -> NativeValue {
        self.make(NativeKind::Array { length }, properties)
    }

    /// A new dense array of `elements`.
    pub fn make_array_from(
        &mut self,
        elements: impl IntoIterator<Item = NativeValue>,
    ) -> NativeValue {
        let indexed = elements
            .into_iter()
            .enumerate()
            .map(|(i, element)| (RecordString::from(i.to_string().as_str()), element));
        self.make(NativeKind::Array { length: 0 }, indexed)
    }

    /// A new function object (not cloneable), as a value.
    pub fn make_function(&mut self) -> NativeValue {
        NativeValue::Object(self.alloc(NativeObject::new(NativeKind::Function)))
    }

    /// A new object that cannot be cloned, named `description` in error messages (e.g.
    /// `"a WeakMap"`), as a value.
    pub fn make_not_serializable(&mut self, description: impl Into<String>) -> NativeValue {
        let kind = NativeKind::NotSerializable(description.into());
        NativeValue::Object(self.alloc(NativeObject::new(kind)))
    }

    /// A new object of `kind` with `properties` set in order (keys
    /// [interned](Self::intern)), as a value.
    fn make<K: Into<RecordString>>(
        &mut self,
        kind: NativeKind,
        properties: impl IntoIterator<Item = (K, NativeValue)>,
    ) -> NativeValue {
        let mut object = NativeObject::new(kind);
        for (key, value) in properties {
            object.set(self.intern(key), value);
        }
        NativeValue::Object(self.alloc(object))
    }
}
