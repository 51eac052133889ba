//! Structural comparison of two native values, identity structure included.

use super::{NativeHeap, NativeKind, NativeObject, NativeObjectId, NativeValue};
use crate::record::{CloneString, RecordString};
use crate::types::ErrorName;

/// Whether two values (each in its heap) are the same graph as far as cloning keeps it:
/// same shape, same kinds and internal state, same keys in the same order, equal
/// primitives, and the same identity structure: a bijection between the object ids reached
/// from `a` and those reached from `b` that respects every reference (properties, Map and
/// Set entries, views' buffers, platform fields), so sharing and cycles must match exactly.
///
/// Numbers (primitives, Number objects, Dates) are compared as `Object.is` does: `-0`
/// differs from `0`, and `NaN` equals `NaN`. Own properties are compared on ordinary
/// objects, arrays and the uncloneable kinds only: cloning copies no other kind's
/// properties. Errors compare by the name and message cloning keeps (the name normalised,
/// the message of an own data property, as a string); ArrayBuffers by bytes, maximum and
/// detachedness; SharedArrayBuffers by block. [`NativeValue::Throwing`] values are equal
/// when their messages are. An id that names no object of its heap makes the result false.
/// The walk uses an explicit work list, so any depth is fine.
pub fn isomorphic(a: (&NativeHeap, &NativeValue), b: (&NativeHeap, &NativeValue)) -> bool {
    let (heap_a, heap_b) = (a.0, b.0);
    let mut matching = Matching {
        a_to_b: vec![None; heap_a.len()],
        b_to_a: vec![None; heap_b.len()],
        work: Vec::new(),
    };
    if !matching.same_value(a.1, b.1) {
        return false;
    }
    while let Some((id_a, id_b)) = matching.work.pop() {
        let (Some(object_a), Some(object_b)) = (heap_a.object(id_a), heap_b.object(id_b)) else {
            return false;
        };
        if !matching.same_object(object_a, object_b) {
            return false;
        }
    }
    true
}

/// The bijection between object ids built so far, both ways, indexed by
/// [`NativeObjectId::index`], and the matched pairs not compared yet.
struct Matching {
    /// For each object of `a`, its match in `b`.
    a_to_b: Vec<Option<NativeObjectId>>,
    /// For each object of `b`, its match in `a`.
    b_to_a: Vec<Option<NativeObjectId>>,
    /// Newly matched pairs, to compare.
    work: Vec<(NativeObjectId, NativeObjectId)>,
}

impl Matching {
    /// Compares two values; a newly matched pair of objects is queued.
    fn same_value(&mut self, a: &NativeValue, b: &NativeValue) -> bool {
        match (a, b) {
            (NativeValue::Number(x), NativeValue::Number(y)) => same_number(*x, *y),
            (NativeValue::Object(x), NativeValue::Object(y)) => self.same_id(*x, *y),
            (NativeValue::Number(_), _) | (NativeValue::Object(_), _) => false,
            _ => a == b,
        }
    }

    /// Matches two object ids, or checks they were matched with each other.
    fn same_id(&mut self, x: NativeObjectId, y: NativeObjectId) -> bool {
        let (Some(slot_a), Some(slot_b)) = (
            self.a_to_b.get_mut(x.index()),
            self.b_to_a.get_mut(y.index()),
        ) else {
            return false;
        };
        match (*slot_a, *slot_b) {
            (Some(mapped_b), Some(mapped_a)) => mapped_b == y && mapped_a == x,
            (None, None) => {
                *slot_a = Some(y);
                *slot_b = Some(x);
                self.work.push((x, y));
                true
            }
            _ => false,
        }
    }

    /// Compares two matched objects' kinds, state and (where cloning keeps them)
    /// properties.
    fn same_object(&mut self, object_a: &NativeObject, object_b: &NativeObject) -> bool {
        let compare_properties = match (&object_a.kind, &object_b.kind) {
            (NativeKind::NumberObject(x), NativeKind::NumberObject(y))
            | (NativeKind::Date(x), NativeKind::Date(y)) => return same_number(*x, *y),
            (NativeKind::View(x), NativeKind::View(y)) => {
                return x.kind == y.kind
                    && x.byte_offset == y.byte_offset
                    && x.length == y.length
                    && self.same_id(x.buffer, y.buffer);
            }
            (NativeKind::Map(x), NativeKind::Map(y)) => {
                return x.len() == y.len()
                    && x.iter().zip(y).all(|((ka, va), (kb, vb))| {
                        self.same_value(ka, kb) && self.same_value(va, vb)
                    });
            }
            (NativeKind::Set(x), NativeKind::Set(y)) => {
                return x.len() == y.len()
                    && x.iter().zip(y).all(|(va, vb)| self.same_value(va, vb));
            }
            (NativeKind::Error(_), NativeKind::Error(_)) => {
                return error_state(object_a) == error_state(object_b);
            }
            (NativeKind::Platform(x), NativeKind::Platform(y)) => {
                return x.interface == y.interface
                    && x.detached == y.detached
                    && x.bytes == y.bytes
                    && x.fields.len() == y.fields.len()
                    && x.fields
                        .iter()
                        .zip(&y.fields)
                        .all(|((na, va), (nb, vb))| na == nb && self.same_value(va, vb));
            }
            (
                NativeKind::Ordinary
                | NativeKind::Array { .. }
                | NativeKind::Function
                | NativeKind::NotSerializable(_),
                _,
            ) => true,
            (x, y) => return x == y,
        };
        if !compare_properties
            || object_a.kind != object_b.kind
            || object_a.properties().len() != object_b.properties().len()
        {
            return false;
        }
        let pairs = object_a.properties().iter().zip(object_b.properties());
        for ((key_a, value_a), (key_b, value_b)) in pairs {
            if key_a != key_b || !self.same_value(value_a, value_b) {
                return false;
            }
        }
        true
    }
}

/// What cloning keeps of an Error: its normalised name and its message as a string (by
/// the native model's `ToString`; a message that does not convert is compared as absent).
fn error_state(object: &NativeObject) -> (ErrorName, Option<CloneString>) {
    let prototype = match object.kind {
        NativeKind::Error(name) => name,
        _ => ErrorName::Error,
    };
    let name = match object.get(&RecordString::from("name")) {
        Some(NativeValue::String(s)) => ErrorName::normalize(s.as_units()),
        Some(_) => ErrorName::Error,
        None => prototype,
    };
    let message = match object.get(&RecordString::from("message")) {
        Some(NativeValue::Throwing(_)) | None => None,
        Some(other) => super::serialize_host::to_string(other).ok(),
    };
    (name, message)
}

/// `Object.is` on two Numbers.
fn same_number(x: f64, y: f64) -> bool {
    (x.is_nan() && y.is_nan()) || x.to_bits() == y.to_bits()
}
