//! Workloads shared by the clone bench and the profiling example (the shapes of the peers'
//! `clone.js`).

use postern_clone::native::{NativeHeap, NativeValue};

/// The peers' `smallObjects(n)`: `{ id, name, tags: [3], nested: { x, y, ok, label } }`.
pub fn small_objects(heap: &mut NativeHeap, n: usize) -> NativeValue {
    // String literals are one string each, as in JS; computed strings are not shared.
    let (alpha, beta) = (NativeValue::from("alpha"), NativeValue::from("beta"));
    let items: Vec<NativeValue> = (0..n)
        .map(|i| {
            let f = i as f64;
            let tags = heap.make_array_from([
                alpha.clone(),
                beta.clone(),
                format!("t{}", i % 17).as_str().into(),
            ]);
            let nested = heap.make_object([
                ("x", (f * 0.5).into()),
                ("y", (-f).into()),
                ("ok", (i & 1 == 0).into()),
                ("label", format!("n{}", i % 100).as_str().into()),
            ]);
            heap.make_object([
                ("id", f.into()),
                ("name", format!("item-{i}").as_str().into()),
                ("tags", tags),
                ("nested", nested),
            ])
        })
        .collect();
    heap.make_array_from(items)
}
