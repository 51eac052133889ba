//! Floors under structuredClone of the peers' 10k-small-objects graph on the native model:
//! what copying the same graph costs without the clone engine, for docs/performance.md.
//! `cargo run --release -p postern-clone --example floor_small_objects -- 100`
//!
//! - *derived clone*: `NativeHeap::clone()` and its drop: the heap's own layout copied, with
//!   no record in between.
//! - *hand copy*: a plain copy through a [`SerializedRecord`] (the same layouts as the
//!   engine's) and back into a new heap, written for this graph only: breadth-first, no memory
//!   map beyond a vector, no spec order, no checks, no error paths, nothing generic.
//!
//! These are floors to compare the engine with, not ways to clone: neither is
//! StructuredSerialize/StructuredDeserialize.

use std::time::Instant;

use postern_clone::native::{
    NativeHeap, NativeKind, NativeObject, NativeObjectId, NativeValue, isomorphic,
};
use postern_clone::{ObjectIndex, PropertyRange, RecordObject, RecordValue, SerializedRecord};

#[path = "../benches/workloads.rs"]
mod workloads;
use workloads::small_objects;

/// Objects met but not yet copied, with their record's index.
type Queue = Vec<(NativeObjectId, usize)>;

/// One value of the hand copy: a primitive as it is; an object by its record's index, given
/// a record (and queued) when first met. `memory` maps an object id to its index + 1.
fn hand_value(
    heap: &NativeHeap,
    value: &NativeValue,
    record: &mut SerializedRecord,
    memory: &mut [u32],
    queue: &mut Queue,
) -> RecordValue {
    match value {
        NativeValue::Null => RecordValue::Null,
        NativeValue::Boolean(b) => RecordValue::Boolean(*b),
        NativeValue::Number(n) => RecordValue::Number(*n),
        NativeValue::String(s) => RecordValue::String(s.clone()),
        NativeValue::Object(id) => {
            let Some(slot) = memory.get_mut(id.index()) else {
                return RecordValue::Undefined;
            };
            if *slot == 0 {
                record
                    .objects
                    .push(match heap.object(*id).map(|object| &object.kind) {
                        Some(NativeKind::Array { length }) => RecordObject::Array {
                            length: *length,
                            properties: PropertyRange::default(),
                        },
                        _ => RecordObject::Object {
                            properties: PropertyRange::default(),
                        },
                    });
                *slot = record.objects.len() as u32;
                queue.push((*id, record.objects.len() - 1));
            }
            RecordValue::Object(ObjectIndex(*slot - 1))
        }
        _ => RecordValue::Undefined,
    }
}

/// The hand copy's first half: the graph under `root` into a record, breadth-first.
fn hand_serialize(heap: &NativeHeap, root: &NativeValue) -> SerializedRecord {
    let mut record = SerializedRecord::default();
    // Object id → its record's index + 1 (0: not met yet).
    let mut memory = vec![0u32; heap.len()];
    let mut queue = Queue::new();
    record.root = hand_value(heap, root, &mut record, &mut memory, &mut queue);
    let mut next = 0;
    while let Some(&(id, index)) = queue.get(next) {
        next += 1;
        let Some(object) = heap.object(id) else {
            continue;
        };
        let start = record.properties.len() as u32;
        for (key, v) in object.properties() {
            let v = hand_value(heap, v, &mut record, &mut memory, &mut queue);
            record.properties.push((key.clone(), v));
        }
        let range = PropertyRange {
            start,
            len: object.properties().len() as u32,
        };
        if let Some(RecordObject::Object { properties } | RecordObject::Array { properties, .. }) =
            record.objects.get_mut(index)
        {
            *properties = range;
        }
    }
    record
}

/// The hand copy's second half: every record made an object of `heap`, then each object's
/// properties moved in, in record order.
fn hand_deserialize(heap: &mut NativeHeap, record: SerializedRecord) -> Option<NativeValue> {
    heap.reserve(record.objects.len());
    let ids: Vec<NativeObjectId> = record
        .objects
        .iter()
        .map(|object| {
            let kind = match object {
                RecordObject::Array { length, .. } => NativeKind::Array { length: *length },
                _ => NativeKind::Ordinary,
            };
            heap.alloc(NativeObject::new(kind))
        })
        .collect();
    let mut properties = record.properties.into_iter();
    for (object, id) in record.objects.iter().zip(&ids) {
        let len = object
            .property_range()
            .map_or(0, |range| range.len as usize);
        let moved = properties.by_ref().take(len).map(|(key, value)| {
            let value = match value {
                RecordValue::Null => NativeValue::Null,
                RecordValue::Boolean(b) => NativeValue::Boolean(b),
                RecordValue::Number(n) => NativeValue::Number(n),
                RecordValue::String(s) => NativeValue::String(s),
                RecordValue::Object(ObjectIndex(i)) => ids
                    .get(i as usize)
                    .map_or(NativeValue::Undefined, |id| NativeValue::Object(*id)),
                _ => NativeValue::Undefined,
            };
            (key, value)
        });
        heap.object_mut(*id)?.set_all(moved);
    }
    match record.root {
        RecordValue::Object(ObjectIndex(i)) => ids.get(i as usize).map(|id| (*id).into()),
        _ => None,
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(100);
    let mut heap = NativeHeap::new();
    let value = small_objects(&mut heap, 10_000);
    let ms = |t: f64| t * 1e3 / rounds as f64;

    // The hand copy copies: the same shape and identity structure. (Dropped before the
    // timing, so that nothing else is alive, as in profile_small_objects.)
    {
        let mut target = NativeHeap::new();
        let copy = hand_deserialize(&mut target, hand_serialize(&heap, &value));
        let copy = copy.ok_or("the hand copy lost its root")?;
        if !isomorphic((&heap, &value), (&target, &copy)) {
            return Err("the hand copy is not isomorphic to the graph".into());
        }
    }

    let start = Instant::now();
    for _ in 0..rounds {
        drop(std::hint::black_box(heap.clone()));
    }
    let derived = start.elapsed().as_secs_f64();
    println!(
        "derived clone: {:.2} ms/clone, {:.0} k items/s (NativeHeap::clone and its drop)",
        ms(derived),
        10.0 * rounds as f64 / derived
    );

    let mut parts = [0.0f64; 3];
    for _ in 0..rounds {
        let t0 = Instant::now();
        let record = hand_serialize(&heap, &value);
        let t1 = Instant::now();
        let mut target = NativeHeap::new();
        let copy = hand_deserialize(&mut target, record).ok_or("the hand copy lost its root")?;
        let t2 = Instant::now();
        drop(std::hint::black_box((target, copy)));
        let t3 = Instant::now();
        parts[0] += (t1 - t0).as_secs_f64();
        parts[1] += (t2 - t1).as_secs_f64();
        parts[2] += (t3 - t2).as_secs_f64();
    }
    let total: f64 = parts.iter().sum();
    println!(
        "hand copy: {:.2} ms/clone, {:.0} k items/s (to a record {:.2} ms, into a new heap with \
         the record's drop {:.2} ms, drop of the copy {:.2} ms)",
        ms(total),
        10.0 * rounds as f64 / total,
        ms(parts[0]),
        ms(parts[1]),
        ms(parts[2])
    );
    Ok(())
}
