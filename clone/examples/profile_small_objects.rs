//! Loops structuredClone of the peers' 10k-small-objects graph, for profilers:
//! `cargo run --release -p postern-clone --example profile_small_objects -- 200`.

use std::time::Instant;

use postern_clone::native::NativeHeap;

#[path = "../benches/workloads.rs"]
mod workloads;
use postern_clone::{structured_deserialize_owned, structured_serialize};
use workloads::small_objects;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(100);
    let mut heap = NativeHeap::new();
    let value = small_objects(&mut heap, 10_000);
    let mut parts = [0.0f64; 3];
    let start = Instant::now();
    for _ in 0..rounds {
        let t0 = Instant::now();
        let record = structured_serialize(&mut heap, &value)?;
        let t1 = Instant::now();
        let mut target = NativeHeap::new();
        let copy = structured_deserialize_owned(&mut target, record)?;
        let t2 = Instant::now();
        drop(std::hint::black_box((target, copy)));
        let t3 = Instant::now();
        parts[0] += (t1 - t0).as_secs_f64();
        parts[1] += (t2 - t1).as_secs_f64();
        parts[2] += (t3 - t2).as_secs_f64();
    }
    let each = start.elapsed().as_secs_f64() / rounds as f64;
    let ms = |t: f64| t * 1e3 / rounds as f64;
    println!(
        "{:.2} ms/clone, {:.0} k items/s (serialize {:.2} ms, deserialize owned with the \
         record's drop {:.2} ms, drop of the copy {:.2} ms)",
        each * 1e3,
        10.0 / each,
        ms(parts[0]),
        ms(parts[1]),
        ms(parts[2])
    );
    Ok(())
}
