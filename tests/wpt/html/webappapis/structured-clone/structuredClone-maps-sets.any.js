// META: global=window
// META: title=structuredClone(): Maps and Sets
"use strict";

test(() => {
  const original = new Map([["b", 1], [2, "two"], [{ k: 1 }, [3]], [NaN, null]]);
  const clone = structuredClone(original);
  assert_true(clone instanceof Map);
  assert_not_equals(clone, original);
  assert_equals(clone.size, 4);
  const entries = [...clone];
  assert_equals(entries[0][0], "b");
  assert_equals(entries[0][1], 1);
  assert_equals(entries[1][0], 2);
  assert_equals(entries[1][1], "two");
  assert_equals(entries[2][0].k, 1);
  assert_array_equals(entries[2][1], [3]);
  assert_true(Number.isNaN(entries[3][0]));
}, "a Map keeps its entries in insertion order");

test(() => {
  const original = new Map([[1, 1], [2, 2], [3, 3]]);
  original.delete(2);
  original.set(4, 4);
  original.set(1, "updated");
  assert_array_equals([...structuredClone(original).keys()], [1, 3, 4]);
  assert_equals(structuredClone(original).get(1), "updated");
}, "deleted Map entries are skipped and updated ones keep their place");

test(() => {
  const original = new Set(["x", 1, -0, { o: true }]);
  const clone = structuredClone(original);
  assert_true(clone instanceof Set);
  const values = [...clone];
  assert_equals(values.length, 4);
  assert_equals(values[0], "x");
  assert_equals(values[1], 1);
  assert_true(Object.is(values[2], 0), "Sets hold +0 for -0");
  assert_true(values[3].o);
}, "a Set keeps its values in insertion order");

test(() => {
  const map = new Map();
  map.set("self", map);
  map.set(map, "key is the map");
  const clone = structuredClone(map);
  assert_equals(clone.get("self"), clone);
  assert_equals(clone.get(clone), "key is the map");
}, "a Map that holds itself as key and value");

test(() => {
  const set = new Set();
  const holder = { set };
  set.add(set);
  set.add(holder);
  const clone = structuredClone(set);
  assert_true(clone.has(clone));
  const [, clonedHolder] = [...clone];
  assert_equals(clonedHolder.set, clone);
}, "a Set that holds itself, directly and through an object");

test(() => {
  const shared = { shared: true };
  const clone = structuredClone({ m: new Map([[shared, shared]]), s: new Set([shared]), shared });
  const [key, value] = [...clone.m][0];
  assert_equals(key, value);
  assert_equals(key, clone.shared);
  assert_true(clone.s.has(clone.shared));
}, "an object referenced from a Map, a Set and a property is cloned once");

test(() => {
  const original = new Map();
  original.extra = "dropped";
  assert_false("extra" in structuredClone(original));
}, "a Map's own properties are not copied");

test(() => {
  assert_throws_dom("DataCloneError", () => structuredClone(new Map([[1, () => {}]])));
  assert_throws_dom("DataCloneError", () => structuredClone(new Set([Symbol()])));
}, "a Map or Set holding a value that cannot be cloned throws DataCloneError");
