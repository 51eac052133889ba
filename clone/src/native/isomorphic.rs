//! Structural comparison of two native values, identity structure included.

use super::{NativeHeap, NativeObjectId, NativeValue};

/// Whether two values (each in its heap) are the same graph: same shape, same kinds and
/// array lengths, same keys in the same order, equal primitives, and the same identity
/// structure: a bijection between the object ids reached from `a` and those reached from
/// `b` that respects every reference (so sharing and cycles must match exactly).
///
/// Numbers are compared as `Object.is` does: `-0` differs from `0`, and `NaN` equals `NaN`.
/// [`NativeValue::Throwing`] values are equal when their messages are. An id that names no
/// object of its heap makes the result false. The walk uses an explicit work list, so any
/// depth is fine.
pub fn isomorphic(a: (&NativeHeap, &NativeValue), b: (&NativeHeap, &NativeValue)) -> bool {
    let (heap_a, heap_b) = (a.0, b.0);
    let mut matching = Matching {
        a_to_b: vec![None; heap_a.len()],
        b_to_a: vec![None; heap_b.len()],
    };
    let mut work: Vec<(NativeObjectId, NativeObjectId)> = Vec::new();
    if !matching.same_value(a.1, b.1, &mut work) {
        return false;
    }
    while let Some((id_a, id_b)) = work.pop() {
        let (Some(object_a), Some(object_b)) = (heap_a.object(id_a), heap_b.object(id_b)) else {
            return false;
        };
        if object_a.kind != object_b.kind
            || object_a.properties().len() != object_b.properties().len()
        {
            return false;
        }
        let pairs = object_a.properties().iter().zip(object_b.properties());
        for ((key_a, value_a), (key_b, value_b)) in pairs {
            if key_a != key_b || !matching.same_value(value_a, value_b, &mut work) {
                return false;
            }
        }
    }
    true
}

/// The bijection between object ids built so far, both ways, indexed by
/// [`NativeObjectId::index`].
struct Matching {
    /// For each object of `a`, its match in `b`.
    a_to_b: Vec<Option<NativeObjectId>>,
    /// For each object of `b`, its match in `a`.
    b_to_a: Vec<Option<NativeObjectId>>,
}

impl Matching {
    /// Compares two values; a newly matched pair of objects is queued on `work`.
    fn same_value(
        &mut self,
        a: &NativeValue,
        b: &NativeValue,
        work: &mut Vec<(NativeObjectId, NativeObjectId)>,
    ) -> bool {
        match (a, b) {
            (NativeValue::Number(x), NativeValue::Number(y)) => same_number(*x, *y),
            (NativeValue::Object(x), NativeValue::Object(y)) => {
                let (Some(slot_a), Some(slot_b)) = (
                    self.a_to_b.get_mut(x.index()),
                    self.b_to_a.get_mut(y.index()),
                ) else {
                    return false;
                };
                match (*slot_a, *slot_b) {
                    (Some(mapped_b), Some(mapped_a)) => mapped_b == *y && mapped_a == *x,
                    (None, None) => {
                        *slot_a = Some(*y);
                        *slot_b = Some(*x);
                        work.push((*x, *y));
                        true
                    }
                    _ => false,
                }
            }
            (NativeValue::Number(_), _) | (NativeValue::Object(_), _) => false,
            _ => a == b,
        }
    }
}

/// `Object.is` on two Numbers.
fn same_number(x: f64, y: f64) -> bool {
    (x.is_nan() && y.is_nan()) || x.to_bits() == y.to_bits()
}
