//! An object of the native model: a kind and its ordered own properties.

use std::cell::OnceCell;
use std::collections::HashMap;

use super::{NativeKind, NativeValue};
use crate::path::array_index;
use crate::record::RecordString;

/// An object of the native model: a kind and ordered own properties.
///
/// Keys are unique; properties are changed through [`set`](NativeObject::set) and
/// [`remove`](NativeObject::remove). Keys are [`RecordString`]s, shared (not copied) with the
/// records the object is serialized to and the objects deserialized from them. Objects with
/// many properties build a key index when they are first searched, so lookups stay fast on
/// big objects and arrays.
#[derive(Clone, Debug)]
pub struct NativeObject {
    /// What kind of object it is.
    pub kind: NativeKind,
    /// Own enumerable string-keyed properties, in order.
    properties: Vec<(RecordString, NativeValue)>,
    /// Key → position in `properties`, built by the first search once there are more than
    /// [`INDEX_FROM`] properties, and kept up to date from then on.
    #[allow(
        clippy::box_collection,
        reason = "most objects have no index: boxed, it costs them 8 bytes rather than 48"
    )]
    index: OnceCell<Box<KeyIndex>>,
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
            index: OnceCell::new(),
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
        if self.properties.len() > INDEX_FROM {
            let index = self
                .index
                .get_or_init(|| Box::new(key_index(&self.properties)));
            return index.get(key).copied();
        }
        // One pass: keys are unique, so a key that shares the units (found without a
        // comparison of contents) is also the only one equal to them.
        self.properties
            .iter()
            .position(|(k, _)| std::ptr::eq(k.as_units(), key) || k.as_units() == key)
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
        if let Some(index) = self.index.get_mut() {
            index.insert(key.clone(), self.properties.len());
        }
        self.properties.push((key, value));
    }

    /// [`set`](Self::set) for each of `properties`, in order: for a new object, they are
    /// appended in one go when their keys are unique (always, for a record's), and the
    /// key index waits for the first search.
    pub fn set_all(&mut self, properties: impl IntoIterator<Item = (RecordString, NativeValue)>) {
        if !self.properties.is_empty() {
            for (key, value) in properties {
                self.set(key, value);
            }
            return;
        }
        self.properties.extend(properties);
        if let NativeKind::Array { length } = &mut self.kind {
            let last = self
                .properties
                .iter()
                .filter_map(|(key, _)| array_index(key.as_units()))
                .max();
            if let Some(last) = last
                && last >= *length
            {
                *length = last + 1;
            }
        }
        if has_duplicate_keys(&self.properties) {
            // Set one by one: a later value replaces an earlier one, in its place.
            let properties = std::mem::take(&mut self.properties);
            self.drop_index();
            for (key, value) in properties {
                self.set(key, value);
            }
        }
    }

    /// Deletes the own property `key`, returning its value.
    pub fn remove<K: AsRef<[u16]> + ?Sized>(&mut self, key: &K) -> Option<NativeValue> {
        let position = self.position(key.as_ref())?;
        let (_, value) = self.properties.remove(position);
        self.drop_index();
        Some(value)
    }

    /// Drops the key index; the next search builds it again if it is needed.
    fn drop_index(&mut self) {
        self.index = OnceCell::new();
    }
}

/// The key index of `properties`.
fn key_index(properties: &[(RecordString, NativeValue)]) -> KeyIndex {
    let mut index = KeyIndex::with_capacity(properties.len());
    for (i, (key, _)) in properties.iter().enumerate() {
        index.entry(key.clone()).or_insert(i);
    }
    index
}

/// Whether two of `properties` have the same key.
fn has_duplicate_keys(properties: &[(RecordString, NativeValue)]) -> bool {
    if properties.len() <= INDEX_FROM {
        return properties
            .iter()
            .enumerate()
            .any(|(i, (key, _))| properties[..i].iter().any(|(earlier, _)| earlier == key));
    }
    // Canonical array indices in increasing order are unique (an array's elements).
    let mut last = None;
    let increasing = properties.iter().all(|(key, _)| {
        let index = array_index(key.as_units());
        let ok = index.is_some() && index > last;
        last = index;
        ok
    });
    if increasing {
        return false;
    }
    let mut seen = std::collections::HashSet::with_capacity(properties.len());
    !properties
        .iter()
        .all(|(key, _)| seen.insert(key.as_units()))
}
