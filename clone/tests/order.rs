//! The order of observable operations: getters run depth-first, as in the recursive spec,
//! and a property deleted by an earlier getter is skipped (HasOwnProperty).

use postern_clone::native::{NativeError, NativeHeap, NativeObjectId, NativeValue};
use postern_clone::{
    BackingStore, CloneString, MapEntries, ObjectKind, PlatformSerialization, PlatformTransferData,
    RecordValue, SerializeError, SerializeHost, SharedMemory, ValueKind, structured_deserialize,
    structured_serialize,
};

/// A host over a [`NativeHeap`] that logs every `[[Get]]` and can run "getter" side effects.
struct Spy {
    heap: NativeHeap,
    log: Vec<String>,
    /// Reading (object, key) deletes property `.2` of object `.0`.
    deleter: Option<(NativeObjectId, CloneString, CloneString)>,
}

impl SerializeHost for Spy {
    type Value = NativeValue;
    type Object = NativeObjectId;
    type Error = NativeError;

    fn classify_value(&mut self, value: &NativeValue) -> ValueKind<NativeObjectId> {
        self.heap.classify_value(value)
    }
    fn classify_object(&mut self, object: &NativeObjectId) -> ObjectKind {
        self.heap.classify_object(object)
    }
    fn object_identity(&self, object: &NativeObjectId) -> usize {
        self.heap.object_identity(object)
    }
    fn enumerable_own_string_keys(
        &mut self,
        object: &NativeObjectId,
    ) -> Result<Vec<CloneString>, NativeError> {
        self.log.push(format!("keys #{}", object.index()));
        self.heap.enumerable_own_string_keys(object)
    }
    fn has_own_property(
        &mut self,
        object: &NativeObjectId,
        key: &CloneString,
    ) -> Result<bool, NativeError> {
        self.heap.has_own_property(object, key)
    }
    fn get(
        &mut self,
        object: &NativeObjectId,
        key: &CloneString,
    ) -> Result<NativeValue, NativeError> {
        self.log.push(format!("get #{}.{key}", object.index()));
        if let Some((target, trigger, victim)) = &self.deleter
            && target == object
            && trigger == key
        {
            let victim = victim.clone();
            if let Some(o) = self.heap.object_mut(*object) {
                o.remove(&victim);
            }
        }
        self.heap.get(object, key)
    }
    fn own_data_property(
        &mut self,
        object: &NativeObjectId,
        key: &CloneString,
    ) -> Result<Option<NativeValue>, NativeError> {
        self.log.push(format!("own #{}.{key}", object.index()));
        self.heap.own_data_property(object, key)
    }
    fn to_string(&mut self, value: &NativeValue) -> Result<CloneString, NativeError> {
        self.log.push("toString".into());
        self.heap.to_string(value)
    }
    fn read_array_buffer<R>(
        &mut self,
        buffer: &NativeObjectId,
        read: impl FnOnce(&[u8]) -> R,
    ) -> R {
        self.heap.read_array_buffer(buffer, read)
    }
    fn shared_array_buffer_memory(&mut self, buffer: &NativeObjectId) -> SharedMemory {
        self.heap.shared_array_buffer_memory(buffer)
    }
    fn view_buffer(&mut self, view: &NativeObjectId) -> NativeObjectId {
        self.heap.view_buffer(view)
    }
    fn map_entries(
        &mut self,
        map: &NativeObjectId,
    ) -> Result<MapEntries<NativeValue>, NativeError> {
        self.log.push(format!("entries #{}", map.index()));
        self.heap.map_entries(map)
    }
    fn set_entries(&mut self, set: &NativeObjectId) -> Result<Vec<NativeValue>, NativeError> {
        self.log.push(format!("entries #{}", set.index()));
        self.heap.set_entries(set)
    }
    fn serialization_steps(
        &mut self,
        object: &NativeObjectId,
        interface: &str,
        for_storage: bool,
    ) -> Result<PlatformSerialization<NativeValue>, NativeError> {
        self.log
            .push(format!("serialization steps #{}", object.index()));
        self.heap
            .serialization_steps(object, interface, for_storage)
    }
    fn detach_array_buffer(
        &mut self,
        buffer: &NativeObjectId,
    ) -> Result<BackingStore, NativeError> {
        self.log.push(format!("detach #{}", buffer.index()));
        self.heap.detach_array_buffer(buffer)
    }
    fn transfer_steps(
        &mut self,
        object: &NativeObjectId,
        interface: &str,
    ) -> Result<PlatformTransferData, NativeError> {
        self.log.push(format!("transfer steps #{}", object.index()));
        self.heap.transfer_steps(object, interface)
    }
    fn set_detached(&mut self, object: &NativeObjectId) {
        self.heap.set_detached(object)
    }
}

#[test]
fn getters_run_depth_first() {
    let mut heap = NativeHeap::new();
    let leaf = heap.make_object([("x", 1.0.into())]); // #0
    let left = heap.make_object([("leaf", leaf.clone()), ("y", 2.0.into())]); // #1
    let right = heap.make_array_from([leaf, 3.0.into()]); // #2
    let root = heap.make_object([("left", left), ("mid", 0.0.into()), ("right", right)]); // #3
    let mut spy = Spy {
        heap,
        log: Vec::new(),
        deleter: None,
    };
    structured_serialize(&mut spy, &root).expect("serializes");
    assert_eq!(
        spy.log,
        [
            "keys #3",
            "get #3.left",
            "keys #1",
            "get #1.leaf",
            "keys #0",
            "get #0.x",
            "get #1.y",
            "get #3.mid",
            "get #3.right",
            "keys #2",
            "get #2.0", // the leaf again: already in memory, so not walked again
            "get #2.1",
        ]
    );
}

#[test]
fn property_deleted_by_an_earlier_getter_is_skipped() {
    let mut heap = NativeHeap::new();
    let root = heap.make_object([("a", 1.0.into()), ("b", 2.0.into()), ("c", 3.0.into())]);
    let NativeValue::Object(root_id) = root else {
        unreachable!()
    };
    let mut spy = Spy {
        heap,
        log: Vec::new(),
        deleter: Some((root_id, "a".into(), "b".into())),
    };
    let record = structured_serialize(&mut spy, &root).expect("serializes");
    assert_eq!(spy.log, ["keys #0", "get #0.a", "get #0.c"]);
    let properties = record.properties_of(&record.objects[0]).expect("in range");
    let keys: Vec<String> = properties.iter().map(|(k, _)| k.to_string()).collect();
    assert_eq!(keys, ["a", "c"]);
    // c's value moved up with its key.
    let values: Vec<&RecordValue> = properties.iter().map(|(_, v)| v).collect();
    assert_eq!(
        values,
        [&RecordValue::Number(1.0), &RecordValue::Number(3.0)]
    );
}

#[test]
fn object_value_of_a_property_after_a_deleted_one_moves_up() {
    let mut heap = NativeHeap::new();
    let inner = heap.make_object([("x", 4.0.into())]);
    let root = heap.make_object([("a", 1.0.into()), ("b", 2.0.into()), ("c", inner)]);
    let NativeValue::Object(root_id) = root else {
        unreachable!()
    };
    let mut spy = Spy {
        heap,
        log: Vec::new(),
        deleter: Some((root_id, "a".into(), "b".into())),
    };
    let record = structured_serialize(&mut spy, &root).expect("serializes");
    assert_eq!(
        spy.log,
        ["keys #1", "get #1.a", "get #1.c", "keys #0", "get #0.x"]
    );
    let properties = record.properties_of(&record.objects[0]).expect("in range");
    let keys: Vec<String> = properties.iter().map(|(k, _)| k.to_string()).collect();
    assert_eq!(keys, ["a", "c"]);
    let Some((_, RecordValue::Object(c))) = properties.get(1) else {
        panic!("c is not an object: {properties:?}")
    };
    let c = record.objects.get(c.0 as usize).expect("c's record");
    let c_properties = record.properties_of(c).expect("in range");
    assert_eq!(c_properties.len(), 1);
    assert_eq!(c_properties[0].0.to_string(), "x");
    assert_eq!(c_properties[0].1, RecordValue::Number(4.0));
    // And the copy has a and c, c the object.
    let mut target = NativeHeap::new();
    let copy = structured_deserialize(&mut target, &record).expect("deserializes");
    let NativeValue::Object(copy) = copy else {
        panic!("not an object")
    };
    let copy = target.object(copy).expect("copy");
    assert_eq!(copy.properties().len(), 2);
    assert_eq!(
        copy.get(&CloneString::from("a")),
        Some(&NativeValue::Number(1.0))
    );
    let Some(NativeValue::Object(copied_c)) = copy.get(&CloneString::from("c")) else {
        panic!("c is not an object in the copy")
    };
    let copied_c = target.object(*copied_c).expect("copied c");
    assert_eq!(copied_c.properties().len(), 1);
    assert_eq!(copied_c.properties()[0].1, NativeValue::Number(4.0));
}

#[test]
fn exception_stops_the_walk_at_once() {
    let mut heap = NativeHeap::new();
    let inner = heap.make_object([
        ("boom", NativeValue::Throwing("no".into())),
        ("never", 1.0.into()),
    ]);
    let root = heap.make_object([("inner", inner), ("later", 2.0.into())]);
    let mut spy = Spy {
        heap,
        log: Vec::new(),
        deleter: None,
    };
    let result = structured_serialize(&mut spy, &root);
    assert!(matches!(result, Err(SerializeError::Host(NativeError::Thrown(m))) if m == "no"));
    assert_eq!(
        spy.log,
        ["keys #1", "get #1.inner", "keys #0", "get #0.boom"]
    );
}
