//! The `decode_record` fuzz target as a deterministic test: 200,000 inputs (seeded
//! mutations of real encoded records, and random bytes after a valid header) are decoded,
//! and whatever decodes is deserialized into the native model, from the record and consuming
//! it. Nothing may panic, a record that passes validation (without transfers) never
//! deserializes as Malformed, and both ways give the same value or the same error.

mod common;

use common::seeds::sample_records;
use postern_clone::encoding::{MAGIC, VERSION};
use postern_clone::native::{NativeHeap, isomorphic};
use postern_clone::{
    DeserializeError, RecordObject, SerializedRecord, structured_deserialize,
    structured_deserialize_owned,
};

/// Inputs per run.
const RUNS: usize = 200_000;

/// xorshift64*: a small deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One mutation of `input`.
fn mutate(rng: &mut Rng, input: &mut Vec<u8>, seeds: &[Vec<u8>]) {
    const INTERESTING: [u8; 8] = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0x10, 0x0C, 0x0D];
    let len = input.len();
    match rng.below(7) {
        0 if len > 0 => {
            let at = rng.below(len);
            input[at] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            let at = rng.below(len);
            input[at] = INTERESTING[rng.below(INTERESTING.len())];
        }
        2 => {
            let at = rng.below(len + 1);
            input.insert(at, rng.next() as u8);
        }
        3 if len > 5 => {
            let at = 5 + rng.below(len - 5);
            input.remove(at);
        }
        4 if len > 5 => input.truncate(5 + rng.below(len - 5)),
        5 => {
            // Splice a piece of another seed in.
            let other = &seeds[rng.below(seeds.len())];
            let from = rng.below(other.len());
            let to = (from + 1 + rng.below(16)).min(other.len());
            let at = rng.below(len + 1);
            input.splice(at..at, other[from..to].iter().copied());
        }
        _ if len > 5 => {
            // Overwrite a varint-sized run with large values.
            let at = 5 + rng.below(len - 5);
            for slot in input.iter_mut().skip(at).take(1 + rng.below(5)) {
                *slot = 0xFF;
            }
        }
        _ => input.push(rng.next() as u8),
    }
}

/// Decodes `bytes` and deserializes whatever decodes; checks the consistency property.
fn exercise(bytes: &[u8]) -> bool {
    let Ok(record) = SerializedRecord::from_bytes_unvalidated(bytes) else {
        return false;
    };
    let valid = record.validate().is_ok();
    let transfers = record
        .objects
        .iter()
        .any(|o| matches!(o, RecordObject::Transferred(_)));
    let mut borrowed = NativeHeap::new();
    let result = structured_deserialize(&mut borrowed, &record);
    if valid && !transfers {
        assert!(
            !matches!(result, Err(DeserializeError::Malformed(_))),
            "a valid record was Malformed: {result:?} for {record:?}"
        );
    }
    // Consuming the record (values moved out of it) gives the same value, or the same error.
    // (The record is shown, decoded again, only if they differ.)
    let shown = || format!("{:?}", SerializedRecord::from_bytes_unvalidated(bytes));
    let mut owned = NativeHeap::new();
    let owned_result = structured_deserialize_owned(&mut owned, record);
    match (&result, &owned_result) {
        (Ok(a), Ok(b)) => assert!(
            isomorphic((&borrowed, a), (&owned, b)),
            "owned and borrowed differ for {}",
            shown()
        ),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "for {}", shown()),
        _ => panic!(
            "owned {owned_result:?} and borrowed {result:?} differ for {}",
            shown()
        ),
    }
    valid
}

#[test]
fn decoder_and_deserializer_survive_hostile_input() {
    let seeds: Vec<Vec<u8>> = sample_records()
        .into_iter()
        .filter_map(|(_, record)| record.to_bytes().ok())
        .collect();
    assert!(!seeds.is_empty());
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut decoded_valid = 0usize;
    for run in 0..RUNS {
        let input = if run % 4 == 3 {
            // Random bytes after a valid header.
            let mut input = MAGIC.to_vec();
            input.push(VERSION);
            let len = rng.below(64);
            input.extend((0..len).map(|_| rng.next() as u8));
            input
        } else {
            let mut input = seeds[rng.below(seeds.len())].clone();
            for _ in 0..1 + rng.below(4) {
                mutate(&mut rng, &mut input, &seeds);
            }
            input
        };
        if exercise(&input) {
            decoded_valid += 1;
        }
    }
    // The mutations reach past the decoder often enough to exercise deserialization.
    assert!(
        decoded_valid > RUNS / 50,
        "only {decoded_valid} inputs decoded"
    );
}
