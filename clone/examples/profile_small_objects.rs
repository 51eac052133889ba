//! Loops structuredClone of the peers' 10k-small-objects graph, for profilers:
//! `cargo run --release -p postern-clone --example profile_small_objects -- 200`.

use std::time::Instant;

use postern_clone::native::{NativeHeap, NativeValue};
use postern_clone::{structured_deserialize_owned, structured_serialize};

/// The peers' `smallObjects(n)`, as in benches/clone.rs.
fn small_objects(heap: &mut NativeHeap, n: usize) -> NativeValue {
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

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(100);
    let mut heap = NativeHeap::new();
    let value = small_objects(&mut heap, 10_000);
    let start = Instant::now();
    for _ in 0..rounds {
        let record = structured_serialize(&mut heap, &value)?;
        let mut target = NativeHeap::new();
        let copy = structured_deserialize_owned(&mut target, record)?;
        std::hint::black_box((target, copy));
    }
    let each = start.elapsed().as_secs_f64() / rounds as f64;
    println!("{:.2} ms/clone, {:.0} k items/s", each * 1e3, 10.0 / each);
    Ok(())
}
