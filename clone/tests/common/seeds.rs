//! Real records of every kind, to test the byte encoding and to seed the decoder's fuzzing
//! (shared by the tests and the `write_fuzz_seeds` example).

use postern_clone::native::{NativeHeap, NativeKind, NativeValue};
use postern_clone::{ErrorName, SerializedRecord, ViewKind, structured_serialize};

/// The object id a value holds.
fn object_id(value: &NativeValue) -> Option<postern_clone::native::NativeObjectId> {
    match value {
        NativeValue::Object(id) => Some(*id),
        _ => None,
    }
}

/// Named records covering every record kind (no SharedArrayBuffer: it does not encode).
pub fn sample_records() -> Vec<(&'static str, SerializedRecord)> {
    let mut out = Vec::new();
    let mut add = |name: &'static str, build: &dyn Fn(&mut NativeHeap) -> NativeValue| {
        let mut heap = NativeHeap::new();
        let value = build(&mut heap);
        if let Ok(record) = structured_serialize(&mut heap, &value) {
            out.push((name, record));
        }
    };
    add("primitive", &|_| NativeValue::from("hello"));
    add("object", &|heap| {
        let list = heap.make_array(
            5,
            [("0", 1.0.into()), ("3", NativeValue::BigInt("-12".into()))],
        );
        heap.make_object([("a", list.clone()), ("b", list), ("n", NativeValue::Null)])
    });
    add("cycle", &|heap| {
        let a = heap.make_object([("x", true.into())]);
        if let Some(id) = object_id(&a) {
            heap.set(id, "self", a.clone());
        }
        a
    });
    add("wrappers_date_regexp", &|heap| {
        let values = [
            heap.make_boolean_object(true),
            heap.make_number_object(-0.0),
            heap.make_bigint_object("123"),
            heap.make_string_object("s"),
            heap.make_date(1.5e12),
            heap.make_date(f64::NAN),
            heap.make_regexp("a+b", "gi"),
        ];
        heap.make_array_from(values)
    });
    add("buffers_views", &|heap| {
        let buffer = heap.make_array_buffer((0..64).collect());
        let resizable = heap.make_resizable_array_buffer(vec![1; 8], Some(32));
        let (Some(buffer), Some(resizable)) = (object_id(&buffer), object_id(&resizable)) else {
            return NativeValue::Null;
        };
        let mut values: Vec<NativeValue> = ViewKind::ALL
            .into_iter()
            .map(|kind| heap.make_view(kind, buffer, 8, Some(16 / kind.element_size())))
            .collect();
        values.push(heap.make_view(ViewKind::Float32, resizable, 4, None));
        heap.make_array_from(values)
    });
    add("map_set", &|heap| {
        let map = heap.make_map([]);
        let set = heap.make_set([map.clone(), 1.0.into()]);
        if let Some(object) = object_id(&map).and_then(|id| heap.object_mut(id)) {
            object.kind =
                NativeKind::Map(vec![("k".into(), set.clone()), (map.clone(), map.clone())]);
        }
        map
    });
    add("errors", &|heap| {
        let a = heap.make_error(ErrorName::TypeError, Some("bad".into()));
        let b = heap.make_error(ErrorName::Error, None);
        heap.make_array_from([a, b])
    });
    add("platform", &|heap| {
        let exception = heap.make_dom_exception("AbortError", "stop");
        heap.make_object([("e", exception)])
    });
    out
}
