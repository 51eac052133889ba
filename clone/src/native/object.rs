//! An object of the native model: a kind and its ordered own properties.

use std::collections::HashMap;

use super::{NativeKind, NativeValue};
use crate::path::array_index;
use crate::record::RecordString;

/// An object of the native model: a kind and ordered own properties.
///
/// Keys are unique; properties are changed through [`set`](NativeObject::set) and
/// [`remove`](NativeObject::remove). Keys are [`RecordString`]s, shared (not copied) with the
/// records the object is serialized to and the objects deserialized from them. Objects with
/// many properties keep a key index, so lookups stay fast on big objects and arrays.
#[derive(Clone, Debug)]
pub struct NativeObject {
    /// What kind of object it is.
    pub kind: NativeKind,
    /// Own enumerable string-keyed properties, in order.
    properties: Vec<(RecordString, NativeValue)>,
    /// Key → position in `properties`, kept once there are more than [`INDEX_FROM`].
    #[allow(
        clippy::box_collection,
        reason = "most objects have no index: boxed, it costs them 8 bytes rather than 32"
    )]
    index: Option<Box<KeyIndex>>,
}

/// The key index of an object with many properties (keyed hashing: keys may come from an
/// untrusted record).
type KeyIndex = HashMap<RecordString, usize>;

/// How many properties an object has before it keeps a key index.
const INDEX_FROM: usize = 16;

impl PartialEq for NativeObject {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind && self.properties == other.properties
    }
}

impl NativeObject {
    /// A new object of `kind` with no properties.
    pub fn new(kind: NativeKind) -> Self {
        NativeObject {
            kind,
            properties: Vec::new(),
            index: None,
        }
    }

    /// Own enumerable string-keyed properties, in order. Arrays keep index properties and
    /// any others here alike.
    pub fn properties(&self) -> &[(RecordString, NativeValue)] {
        &self.properties
    }

    /// Makes room for `additional` more properties.
    pub fn reserve(&mut self, additional: usize) {
        self.properties.reserve_exact(additional);
    }

    /// Where the property `key` is in `properties`.
    fn position(&self, key: &[u16]) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            // The same units (a shared key) first: no comparison of contents.
            None => self
                .properties
                .iter()
                .position(|(k, _)| std::ptr::eq(k.as_units(), key))
                .or_else(|| {
                    self.properties
                        .iter()
                        .position(|(k, _)| k.as_units() == key)
                }),
        }
    }

    /// The value of the own property `key` (a [`RecordString`] or a
    /// [`CloneString`](crate::CloneString)), if there is one.
    pub fn get<K: AsRef<[u16]> + ?Sized>(&self, key: &K) -> Option<&NativeValue> {
        let position = self.position(key.as_ref())?;
        self.properties.get(position).map(|(_, value)| value)
    }

    /// Whether there is an own property `key`.
    pub fn has<K: AsRef<[u16]> + ?Sized>(&self, key: &K) -> bool {
        self.position(key.as_ref()).is_some()
    }

    /// `CreateDataProperty`: replaces the value of an existing property in place, or appends
    /// a new one; on an array, an index at or past `length` makes `length` one more.
    pub fn set(&mut self, key: impl Into<RecordString>, value: NativeValue) {
        let key = key.into();
        if let NativeKind::Array { length } = &mut self.kind
            && let Some(index) = array_index(key.as_units())
            && index >= *length
        {
            *length = index + 1;
        }
        if let Some(position) = self.position(key.as_units()) {
            if let Some((_, slot)) = self.properties.get_mut(position) {
                *slot = value;
            }
            return;
        }
        if let Some(index) = &mut self.index {
            index.insert(key.clone(), self.properties.len());
        }
        self.properties.push((key, value));
        if self.index.is_none() && self.properties.len() > INDEX_FROM {
            self.reindex();
        }
    }

    /// Deletes the own property `key`, returning its value.
    pub fn remove<K: AsRef<[u16]> + ?Sized>(&mut self, key: &K) -> Option<NativeValue> {
        let position = self.position(key.as_ref())?;
        let (_, value) = self.properties.remove(position);
        self.reindex();
        Some(value)
    }

    /// Rebuilds the key index (or drops it, for few properties).
    fn reindex(&mut self) {
        self.index = (self.properties.len() > INDEX_FROM).then(|| {
            let keys = self.properties.iter().enumerate();
            Box::new(keys.map(|(i, (k, _))| (k.clone(), i)).collect())
        });
    }
}
