//! Benchmarks of structured cloning on the native model, shaped like the peers' workload
//! (`shared/peers/clone.js`).
//!
//! `cargo bench -p postern-clone -- --warm-up-time 1 --measurement-time 3`

// Bench code: a setup that fails should stop the bench, loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

mod workloads;
use postern_clone::native::{NativeHeap, NativeKind, NativeObjectId, NativeValue};
use postern_clone::{
    ViewKind, structured_deserialize, structured_deserialize_owned,
    structured_deserialize_with_transfer, structured_serialize, structured_serialize_with_transfer,
};
use workloads::small_objects;

const MIB: usize = 1 << 20;

/// The object id a value holds.
fn id(value: &NativeValue) -> NativeObjectId {
    match value {
        NativeValue::Object(id) => *id,
        _ => panic!("not an object"),
    }
}

/// structuredClone(value) on the native model: serialize, then deserialize into a new heap.
fn clone_value(heap: &mut NativeHeap, value: &NativeValue) -> (NativeHeap, NativeValue) {
    let record = structured_serialize(heap, value).expect("serializes");
    let mut target = NativeHeap::new();
    let copy = structured_deserialize_owned(&mut target, record).expect("deserializes");
    (target, copy)
}

/// (a) A 64 MiB ArrayBuffer copied by serialize + deserialize, next to plain memcpys of
/// the same size.
fn array_buffer_copy(c: &mut Criterion) {
    let mut group = c.benchmark_group("array_buffer_copy_64MiB");
    group.throughput(Throughput::Bytes((64 * MIB) as u64));
    group.sample_size(20);
    let source = vec![7u8; 64 * MIB];
    let mut destination = vec![0u8; 64 * MIB];
    group.bench_function("memcpy_into_preallocated", |b| {
        b.iter(|| destination.copy_from_slice(black_box(&source)))
    });
    group.bench_function("to_vec_alloc_and_memcpy", |b| {
        b.iter(|| black_box(&source).to_vec())
    });
    let mut heap = NativeHeap::new();
    let buffer = heap.make_array_buffer(source.clone());
    group.bench_function("serialize_deserialize_owned", |b| {
        b.iter(|| clone_value(&mut heap, &buffer))
    });
    group.bench_function("serialize_deserialize_borrowed", |b| {
        b.iter(|| {
            let record = structured_serialize(&mut heap, &buffer).expect("serializes");
            let mut target = NativeHeap::new();
            let copy = structured_deserialize(&mut target, &record).expect("deserializes");
            (target, copy)
        })
    });
    group.finish();
}

/// (b) An ArrayBuffer transferred (serialize with transfer + deserialize with transfer): the
/// time must not depend on the size.
fn array_buffer_transfer(c: &mut Criterion) {
    let mut group = c.benchmark_group("array_buffer_transfer");
    let mut sizes = vec![("1KiB", 1 << 10), ("1MiB", MIB), ("64MiB", 64 * MIB)];
    // 1 GiB needs 1 GiB of memory (the machine has 24 GiB).
    if std::env::var_os("CLONE_BENCH_NO_1GIB").is_none() {
        sizes.push(("1GiB", 1 << 30));
    }
    for (name, size) in sizes {
        let mut data = Some(vec![7u8; size]);
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                let mut done = 0;
                while done < iters {
                    // A fresh pair of heaps every 1024 transfers (untimed), so they stay small.
                    let (mut source, mut target) = (NativeHeap::new(), NativeHeap::new());
                    let mut buffer = source.make_array_buffer(data.take().unwrap_or_default());
                    let batch = (iters - done).min(1024);
                    let start = Instant::now();
                    for _ in 0..batch {
                        let result = structured_serialize_with_transfer(
                            &mut source,
                            &buffer,
                            &[id(&buffer)],
                            false,
                        )
                        .expect("transfers");
                        let (copy, _) = structured_deserialize_with_transfer(&mut target, result)
                            .expect("receives");
                        buffer = copy;
                        std::mem::swap(&mut source, &mut target);
                    }
                    total += start.elapsed();
                    done += batch;
                    data = source
                        .object_mut(id(&buffer))
                        .and_then(|o| match &mut o.kind {
                            NativeKind::ArrayBuffer(b) => b.data.take(),
                            _ => None,
                        });
                    assert_eq!(
                        data.as_ref().map(Vec::len),
                        Some(size),
                        "transfer lost data"
                    );
                }
                total
            })
        });
    }
    group.finish();
}

/// (c) 10,000 small objects (30,001 objects).
fn small_objects_10k(c: &mut Criterion) {
    let mut group = c.benchmark_group("small_objects_10k");
    group.throughput(Throughput::Elements(10_000));
    let mut heap = NativeHeap::new();
    let value = small_objects(&mut heap, 10_000);
    group.bench_function("structured_clone", |b| {
        b.iter(|| clone_value(&mut heap, &value))
    });
    group.bench_function("serialize", |b| {
        b.iter(|| structured_serialize(&mut heap, &value).expect("serializes"))
    });
    let record = structured_serialize(&mut heap, &value).expect("serializes");
    group.bench_function("deserialize", |b| {
        b.iter(|| structured_deserialize(&mut NativeHeap::new(), &record).expect("ok"))
    });
    group.bench_function("to_bytes", |b| {
        b.iter(|| record.to_bytes().expect("encodes"))
    });
    let bytes = record.to_bytes().expect("encodes");
    println!("small_objects_10k: encoded record {} bytes", bytes.len());
    group.bench_function("from_bytes", |b| {
        b.iter(|| postern_clone::SerializedRecord::from_bytes(&bytes).expect("decodes"))
    });
    group.finish();
}

/// (d) A 1,000,000-deep chain of nested arrays.
fn deep_chain(c: &mut Criterion) {
    let mut group = c.benchmark_group("deep_array_chain_1M");
    group.sample_size(10);
    let mut heap = NativeHeap::new();
    let mut value = heap.make_array_from([]);
    for _ in 1..1_000_000 {
        value = heap.make_array_from([value]);
    }
    group.bench_function("structured_clone", |b| {
        b.iter(|| clone_value(&mut heap, &value))
    });
    group.finish();
}

/// The peers' `cyclicMap(n)`: nodes `{ id, peers: [prev, earlier], owner: map, self }` as
/// the Map's values under `"k{i}"`.
fn cyclic_map(heap: &mut NativeHeap, n: usize) -> NativeValue {
    let map = heap.make_map([]);
    let nodes: Vec<NativeObjectId> = (0..n)
        .map(|i| {
            let peers = heap.make_array_from([]);
            id(&heap.make_object([
                ("id", (i as f64).into()),
                ("peers", peers),
                ("owner", map.clone()),
            ]))
        })
        .collect();
    let mut entries = Vec::with_capacity(n);
    for (i, &node) in nodes.iter().enumerate() {
        heap.set(node, "self", node.into());
        if i > 0 {
            let peers = heap
                .object(node)
                .and_then(|o| o.get(&postern_clone::RecordString::from("peers")))
                .map(id)
                .expect("peers");
            heap.set(peers, "0", nodes[i - 1].into());
            heap.set(peers, "1", nodes[(i * 7919) % i].into());
        }
        entries.push((NativeValue::from(format!("k{i}").as_str()), node.into()));
    }
    if let Some(object) = heap.object_mut(id(&map)) {
        object.kind = NativeKind::Map(entries);
    }
    map
}

/// (e) A Map of 10,000 entries with self-cycles, cycles to the Map and shared references.
fn map_10k(c: &mut Criterion) {
    let mut group = c.benchmark_group("map_10k_cycles");
    group.throughput(Throughput::Elements(10_000));
    let mut heap = NativeHeap::new();
    let map = cyclic_map(&mut heap, 10_000);
    group.bench_function("structured_clone", |b| {
        b.iter(|| clone_value(&mut heap, &map))
    });
    group.finish();
}

/// (f) A Float64Array of 1,000,000 elements (8 MB).
fn float64_array(c: &mut Criterion) {
    let mut group = c.benchmark_group("float64array_1M");
    group.throughput(Throughput::Bytes(8_000_000));
    let mut heap = NativeHeap::new();
    let bytes: Vec<u8> = (0..1_000_000)
        .flat_map(|i| (f64::from(i) * 0.5).to_le_bytes())
        .collect();
    let buffer = heap.make_array_buffer(bytes);
    let array = heap.make_view(ViewKind::Float64, id(&buffer), 0, Some(1_000_000));
    group.bench_function("structured_clone", |b| {
        b.iter(|| clone_value(&mut heap, &array))
    });
    group.finish();
}

criterion_group!(
    benches,
    array_buffer_copy,
    array_buffer_transfer,
    small_objects_10k,
    deep_chain,
    map_10k,
    float64_array
);
criterion_main!(benches);
