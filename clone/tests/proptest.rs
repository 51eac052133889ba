//! Random graphs, with sharing and cycles: they round-trip to an isomorphic graph, and the
//! record (or the error) is exactly what a plain recursive reading of the spec produces.

// Test code (helpers outside #[test] fns too): a failed unwrap/expect is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashMap;

use common::round_trip;
use postern_clone::native::{NativeHeap, NativeKind, NativeObject, NativeObjectId, NativeValue};
use postern_clone::{
    ObjectIndex, PropertyRange, RecordObject, RecordString, RecordValue, SerializeError,
    SerializedRecord, structured_serialize,
};
use proptest::prelude::*;

/// A value in a generated graph: a primitive, or a reference to object `n % count`.
#[derive(Clone, Debug)]
enum Gen {
    Value(NativeValue),
    Ref(usize),
    Function,
    WeakMap,
}

#[derive(Clone, Debug)]
struct GenObject {
    array: Option<u32>,
    properties: Vec<(RecordString, Gen)>,
}

fn key() -> impl Strategy<Value = RecordString> {
    prop_oneof![
        3 => prop::sample::select(vec!["0", "1", "2", "5", "a", "b", "$c", "some key", "", "01"])
            .prop_map(RecordString::from),
        1 => Just(RecordString::from(vec![0x61, 0xD800])),
        1 => prop::collection::vec(any::<u16>(), 0..4).prop_map(RecordString::from),
    ]
}

fn primitive() -> impl Strategy<Value = NativeValue> {
    prop_oneof![
        Just(NativeValue::Undefined),
        Just(NativeValue::Null),
        any::<bool>().prop_map(NativeValue::Boolean),
        any::<f64>().prop_map(NativeValue::Number),
        prop::sample::select(vec![0.0, -0.0, f64::NAN, f64::INFINITY, -f64::INFINITY])
            .prop_map(NativeValue::Number),
        "-?(0|[1-9][0-9]{0,25})".prop_map(NativeValue::BigInt),
        prop::collection::vec(any::<u16>(), 0..6)
            .prop_map(|u| NativeValue::String(RecordString::from(u))),
    ]
}

/// Values of a graph that clones (`bad` = 0) or may fail (`bad` > 0).
fn value(bad: u32) -> impl Strategy<Value = Gen> {
    prop_oneof![
        4 => primitive().prop_map(Gen::Value),
        4 => any::<usize>().prop_map(Gen::Ref),
        bad => Just(Gen::Function),
        bad => Just(Gen::WeakMap),
        bad => Just(Gen::Value(NativeValue::Symbol("s".into()))),
        bad => "[a-z]{1,5}".prop_map(|m| Gen::Value(NativeValue::Throwing(m))),
    ]
}

fn graph(bad: u32) -> impl Strategy<Value = (Vec<GenObject>, Gen)> {
    let object = (
        prop::option::of(0u32..8),
        prop::collection::vec((key(), value(bad)), 0..6),
    )
        .prop_map(|(array, properties)| GenObject { array, properties });
    (prop::collection::vec(object, 1..10), value(bad))
}

/// Builds the graph in a heap.
fn build((objects, root): &(Vec<GenObject>, Gen)) -> (NativeHeap, NativeValue) {
    let mut heap = NativeHeap::new();
    let ids: Vec<NativeObjectId> = objects
        .iter()
        .map(|o| {
            let kind = match o.array {
                Some(length) => NativeKind::Array { length },
                None => NativeKind::Ordinary,
            };
            heap.alloc(NativeObject::new(kind))
        })
        .collect();
    let resolve = |heap: &mut NativeHeap, g: &Gen| match g {
        Gen::Value(v) => v.clone(),
        Gen::Ref(n) => NativeValue::Object(ids[n % ids.len()]),
        Gen::Function => heap.make_function(),
        Gen::WeakMap => heap.make_not_serializable("a WeakMap"),
    };
    for (object, id) in objects.iter().zip(&ids) {
        for (key, g) in &object.properties {
            let v = resolve(&mut heap, g);
            heap.set(*id, key.clone(), v);
        }
    }
    let root = resolve(&mut heap, root);
    (heap, root)
}

/// A plain recursive reading of StructuredSerializeInternal over the native heap: the oracle.
struct Reference<'a> {
    heap: &'a NativeHeap,
    memory: HashMap<NativeObjectId, ObjectIndex>,
    objects: Vec<Option<RecordObject>>,
    properties: Vec<(RecordString, RecordValue)>,
    path: Vec<RecordString>,
}

impl Reference<'_> {
    fn serialize(&mut self, value: &NativeValue) -> Result<RecordValue, String> {
        let id = match value {
            NativeValue::Undefined | NativeValue::Throwing(_) => return Ok(RecordValue::Undefined),
            NativeValue::Null => return Ok(RecordValue::Null),
            NativeValue::Boolean(b) => return Ok(RecordValue::Boolean(*b)),
            NativeValue::Number(n) => return Ok(RecordValue::Number(*n)),
            NativeValue::BigInt(d) => return Ok(RecordValue::BigInt(d.clone())),
            NativeValue::String(s) => return Ok(RecordValue::String(s.clone())),
            NativeValue::Symbol(_) => return Err(self.fail("a symbol")),
            NativeValue::Object(id) => *id,
        };
        if let Some(index) = self.memory.get(&id) {
            return Ok(RecordValue::Object(*index));
        }
        let object = self.heap.object(id).expect("known");
        let length = match &object.kind {
            NativeKind::Function => return Err(self.fail("a function")),
            NativeKind::NotSerializable(what) => return Err(self.fail(what)),
            NativeKind::Ordinary => None,
            NativeKind::Array { length } => Some(*length),
            other => panic!("the oracle does not model {other:?}"),
        };
        let index = ObjectIndex(self.objects.len() as u32);
        self.memory.insert(id, index);
        self.objects.push(None);
        // The object's run of properties is laid out when it is met, as the record does.
        let start = self.properties.len();
        let keys = object
            .properties()
            .iter()
            .map(|(k, _)| (k.clone(), RecordValue::Undefined));
        self.properties.extend(keys);
        let properties = PropertyRange {
            start: start as u32,
            len: object.properties().len() as u32,
        };
        for (i, (key, v)) in object.properties().iter().enumerate() {
            if let NativeValue::Throwing(m) = v {
                return Err(format!("thrown: {m}"));
            }
            self.path.push(key.clone());
            let output = self.serialize(v)?;
            self.path.pop();
            self.properties[start + i] = (key.clone(), output);
        }
        self.objects[index.0 as usize] = Some(match length {
            Some(length) => RecordObject::Array { length, properties },
            None => RecordObject::Object { properties },
        });
        Ok(RecordValue::Object(index))
    }

    fn fail(&self, what: &str) -> String {
        let mut path = String::from("value");
        for key in &self.path {
            let text = String::from_utf16_lossy(key.as_units());
            let index = text
                .parse::<u32>()
                .ok()
                .filter(|i| *i < u32::MAX && i.to_string() == text);
            let ident = text
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
                && text
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
                && !key.as_units().iter().any(|u| (0xD800..0xE000).contains(u));
            if index.is_some() {
                path.push_str(&format!("[{text}]"));
            } else if ident {
                path.push_str(&format!(".{text}"));
            } else {
                path.push_str(&format!("[{}]", json(key)));
            }
        }
        format!("{path} is {what} and cannot be cloned")
    }
}

fn json(key: &RecordString) -> String {
    let mut out = String::from("\"");
    for c in char::decode_utf16(key.as_units().iter().copied()) {
        match c {
            Ok('"') => out.push_str("\\\""),
            Ok('\\') => out.push_str("\\\\"),
            Ok('\n') => out.push_str("\\n"),
            Ok('\r') => out.push_str("\\r"),
            Ok('\t') => out.push_str("\\t"),
            Ok('\u{8}') => out.push_str("\\b"),
            Ok('\u{c}') => out.push_str("\\f"),
            Ok(c) if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            Ok(c) => out.push(c),
            Err(e) => out.push_str(&format!("\\u{:04x}", e.unpaired_surrogate())),
        }
    }
    out.push('"');
    out
}

/// The outcome, as comparable text (`Debug` keeps NaN and −0 apart from other numbers).
fn outcome(
    result: Result<SerializedRecord, SerializeError<postern_clone::native::NativeError>>,
) -> Result<String, String> {
    match result {
        Ok(record) => Ok(format!("{record:?}")),
        Err(SerializeError::DataClone(e)) => Err(e.message),
        Err(SerializeError::Host(e)) => Err(e.to_string()),
    }
}

fn reference(heap: &NativeHeap, value: &NativeValue) -> Result<String, String> {
    let mut r = Reference {
        heap,
        memory: HashMap::new(),
        objects: Vec::new(),
        properties: Vec::new(),
        path: Vec::new(),
    };
    let root = r.serialize(value)?;
    let objects = r.objects.into_iter().map(|o| o.expect("filled")).collect();
    Ok(format!(
        "{:?}",
        SerializedRecord {
            root,
            objects,
            properties: r.properties.into(),
            platform: vec![]
        }
    ))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn cloneable_graphs_round_trip_to_isomorphic_graphs(g in graph(0)) {
        let (mut heap, value) = build(&g);
        let (record, mut target, copy) = round_trip(&mut heap, &value);
        prop_assert_eq!(outcome(Ok(record.clone())), reference(&heap, &value));
        heap.set_property_snapshots(false);
        prop_assert_eq!(outcome(structured_serialize(&mut heap, &value)), outcome(Ok(record.clone())));
        // Serializing the copy gives the same record: same order, same sharing.
        let again = structured_serialize(&mut target, &copy);
        prop_assert_eq!(outcome(again), outcome(Ok(record)));
    }

    #[test]
    fn any_graph_serializes_as_the_recursive_spec_does(g in graph(1)) {
        let (mut heap, value) = build(&g);
        let expected = reference(&heap, &value);
        prop_assert_eq!(outcome(structured_serialize(&mut heap, &value)), expected.clone());
        // The walk reading each property in turn (as for a host with getters) agrees.
        heap.set_property_snapshots(false);
        prop_assert_eq!(outcome(structured_serialize(&mut heap, &value)), expected);
    }
}
