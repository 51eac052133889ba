//! [`RecordVec`]: the vector of a record's object records or properties, with a single
//! element kept inline.
//!
//! Most messages are one object with one property (`{seq: i}`), and a record may wait in a
//! task queue long after its serialization (a million messages posted in one task): a
//! `Vec` of one element is a heap block of its own (48 bytes for an object record or a
//! property, two per such message), a `RecordVec` of one element is none. Two or more
//! elements live in a boxed slice, exactly as long as they need (a record is built in
//! `Vec`s, then kept as it is).

use std::fmt;
use std::ops::{Deref, DerefMut};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A vector that keeps a single element inline, and more in a boxed slice of their number: a
/// slice to read and write (through `Deref`), encoded as a sequence exactly as a `Vec` is.
/// It is meant to be built once (from a `Vec`, or by [`extend`](Extend::extend)): each
/// [`push`](RecordVec::push) after the first two reallocates the slice.
///
/// Equality is the elements'.
#[derive(Clone)]
pub struct RecordVec<T>(Repr<T>);

/// Where the elements are.
#[derive(Clone)]
///
/// (A boxed slice, not a `Vec`: 16 bytes fit beside the niche of a property's
/// `(RecordString, RecordValue)`, so that a `RecordVec` is no larger than its element.
/// `smallvec::SmallVec<[T; 1]>` keeps a capacity word beside its inline element, 8 bytes
/// more per vector in every queued message.)
enum Repr<T> {
    /// Exactly one element, inline.
    One(T),
    /// Any number of elements (one only if built so, see [`RecordVec::shrink_to_fit`]).
    Many(Box<[T]>),
}

impl<T> RecordVec<T> {
    /// An empty vector (no allocation).
    pub fn new() -> Self {
        RecordVec(Repr::Many(Box::default()))
    }

    /// The elements.
    pub fn as_slice(&self) -> &[T] {
        match &self.0 {
            Repr::One(element) => std::slice::from_ref(element),
            Repr::Many(elements) => elements,
        }
    }

    /// The elements, to change in place.
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        match &mut self.0 {
            Repr::One(element) => std::slice::from_mut(element),
            Repr::Many(elements) => elements,
        }
    }

    /// Appends `element`: the first stays inline, more go to a new boxed slice.
    pub fn push(&mut self, element: T) {
        self.extend(std::iter::once(element));
    }

    /// The elements in a `Vec` (allocating one for a single element).
    pub fn into_vec(self) -> Vec<T> {
        match self.0 {
            Repr::One(element) => vec![element],
            Repr::Many(elements) => elements.into_vec(),
        }
    }

    /// Each element turned into another by `f`, in order, the single inline element kept
    /// inline (a slice's elements are collected in place when the layouts allow).
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> RecordVec<U> {
        let mut f = f;
        RecordVec(match self.0 {
            Repr::One(element) => Repr::One(f(element)),
            Repr::Many(elements) => Repr::Many(elements.into_iter().map(f).collect()),
        })
    }
}

impl<T> Default for RecordVec<T> {
    fn default() -> Self {
        RecordVec::new()
    }
}

impl<T> From<Vec<T>> for RecordVec<T> {
    /// The elements of `elements`: a single one moved inline (its allocation freed), more
    /// kept in the `Vec`'s allocation, trimmed to their number.
    fn from(mut elements: Vec<T>) -> Self {
        if elements.len() == 1
            && let Some(element) = elements.pop()
        {
            return RecordVec(Repr::One(element));
        }
        RecordVec(Repr::Many(elements.into_boxed_slice()))
    }
}

impl<T> From<RecordVec<T>> for Vec<T> {
    fn from(elements: RecordVec<T>) -> Self {
        elements.into_vec()
    }
}

impl<T> FromIterator<T> for RecordVec<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        RecordVec::from(iter.into_iter().collect::<Vec<T>>())
    }
}

impl<T> Extend<T> for RecordVec<T> {
    /// Appends the elements (the slice reallocated once, if it must grow).
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        let mut iter = iter.into_iter().peekable();
        if iter.peek().is_none() {
            return;
        }
        let mut elements = std::mem::take(self).into_vec();
        elements.extend(iter);
        *self = RecordVec::from(elements);
    }
}

impl<T> Deref for RecordVec<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T> DerefMut for RecordVec<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        self.as_mut_slice()
    }
}

impl<T: PartialEq> PartialEq for RecordVec<T> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Eq> Eq for RecordVec<T> {}

impl<T: PartialEq> PartialEq<Vec<T>> for RecordVec<T> {
    fn eq(&self, other: &Vec<T>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: fmt::Debug> fmt::Debug for RecordVec<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl<'a, T> IntoIterator for &'a RecordVec<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<'a, T> IntoIterator for &'a mut RecordVec<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_mut_slice().iter_mut()
    }
}

impl<T> IntoIterator for RecordVec<T> {
    type Item = T;
    type IntoIter = IntoIter<T>;

    fn into_iter(self) -> IntoIter<T> {
        IntoIter(match self.0 {
            Repr::One(element) => IterRepr::One(Some(element)),
            Repr::Many(elements) => IterRepr::Many(elements.into_vec().into_iter()),
        })
    }
}

/// The elements of a [`RecordVec`], moved out in order.
pub struct IntoIter<T>(IterRepr<T>);

/// Where the elements left are.
enum IterRepr<T> {
    One(Option<T>),
    Many(std::vec::IntoIter<T>),
}

impl<T> Iterator for IntoIter<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        match &mut self.0 {
            IterRepr::One(element) => element.take(),
            IterRepr::Many(elements) => elements.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.0 {
            IterRepr::One(element) => {
                let left = usize::from(element.is_some());
                (left, Some(left))
            }
            IterRepr::Many(elements) => elements.size_hint(),
        }
    }
}

impl<T> DoubleEndedIterator for IntoIter<T> {
    fn next_back(&mut self) -> Option<T> {
        match &mut self.0 {
            IterRepr::One(element) => element.take(),
            IterRepr::Many(elements) => elements.next_back(),
        }
    }
}

impl<T> ExactSizeIterator for IntoIter<T> {}

impl<T: Serialize> Serialize for RecordVec<T> {
    /// As a sequence, exactly as a `Vec` is.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.as_slice())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for RecordVec<T> {
    /// From a sequence, as a `Vec` is.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(deserializer).map(RecordVec::from)
    }
}

#[cfg(test)]
mod tests {
    use serde::Serialize;

    use super::RecordVec;
    use crate::record::{
        ObjectIndex, PlatformRecord, PropertyRange, RecordObject, RecordString, RecordValue,
        SerializedRecord,
    };

    /// `{seq: 7}`: one object record, one property.
    fn one_object_one_property() -> SerializedRecord {
        SerializedRecord {
            root: RecordValue::Object(ObjectIndex(0)),
            objects: vec![RecordObject::Object {
                properties: PropertyRange { start: 0, len: 1 },
            }]
            .into(),
            properties: vec![("seq".into(), RecordValue::Number(7.0))].into(),
            platform: vec![],
        }
    }

    /// The record as it was before `RecordVec`: the encoding must not have changed.
    #[derive(Serialize)]
    struct WithVecs {
        root: RecordValue,
        objects: Vec<RecordObject>,
        properties: Vec<(RecordString, RecordValue)>,
        platform: Vec<PlatformRecord>,
    }

    #[test]
    fn elements_push_and_read_as_a_slice() {
        let mut elements = RecordVec::new();
        assert!(elements.is_empty());
        elements.push(1);
        assert_eq!(elements.as_slice(), &[1]);
        elements[0] = 2;
        elements.push(3);
        elements.extend([4, 5]);
        assert_eq!(elements, vec![2, 3, 4, 5]);
        assert_eq!(
            elements.clone().into_iter().rev().collect::<Vec<_>>(),
            [5, 4, 3, 2]
        );
        assert_eq!(elements.map(|n| n * 10).into_vec(), [20, 30, 40, 50]);
    }

    #[test]
    fn one_element_is_equal_inline_or_in_a_vec() {
        let inline = RecordVec::from(vec!['a']);
        let mut in_vec = RecordVec::new();
        in_vec.extend(['a', 'b']);
        assert_ne!(inline, in_vec);
        assert_eq!(in_vec.iter().collect::<String>(), "ab");
        let mut taken = in_vec.into_vec();
        taken.pop();
        let mut again = RecordVec::from(Vec::with_capacity(8));
        again.extend(taken);
        assert_eq!(again, inline);
        assert_eq!(format!("{again:?}"), "['a']");
    }

    #[test]
    fn the_encoding_is_a_vec_s() -> Result<(), Box<dyn std::error::Error>> {
        let record = one_object_one_property();
        let with_vecs = WithVecs {
            root: record.root.clone(),
            objects: record.objects.clone().into_vec(),
            properties: record.properties.clone().into_vec(),
            platform: vec![],
        };
        assert_eq!(
            postcard::to_allocvec(&record)?,
            postcard::to_allocvec(&with_vecs)?
        );
        Ok(())
    }

    #[test]
    fn a_one_object_record_round_trips_through_bytes() -> Result<(), Box<dyn std::error::Error>> {
        let record = one_object_one_property();
        let decoded = SerializedRecord::from_bytes(&record.to_bytes()?)?;
        assert_eq!(decoded, record);
        assert_eq!(decoded.objects.len(), 1);
        assert_eq!(
            decoded.properties_of(&decoded.objects[0]),
            Some(&record.properties[..])
        );
        Ok(())
    }

    /// A queued message holds its record inline (a box of its own per message, see the
    /// engine's `PostedMessage`): one object record and one property add no heap block.
    #[test]
    fn a_record_vec_of_one_is_no_larger_than_its_element() {
        use std::mem::size_of;
        assert!(size_of::<RecordVec<RecordObject>>() <= 40);
        assert!(size_of::<RecordVec<(RecordString, RecordValue)>>() <= 40);
        assert!(size_of::<SerializedRecord>() <= 128);
    }
}
