// META: global=window
// META: title=structuredClone(): arrays
"use strict";

test(() => {
  const original = [1, "two", null, undefined, [3, [4]]];
  const clone = structuredClone(original);
  assert_true(Array.isArray(clone));
  assert_not_equals(clone, original);
  assert_equals(clone.length, 5);
  assert_equals(clone[1], "two");
  assert_true(3 in clone, "an element holding undefined is kept");
  assert_array_equals(clone[4][1], [4]);
  assert_not_equals(clone[4], original[4]);
}, "a dense array is copied deeply");

test(() => {
  const clone = structuredClone([]);
  assert_true(Array.isArray(clone));
  assert_equals(clone.length, 0);
  assert_equals(Object.getPrototypeOf(clone), Array.prototype);
}, "an empty array");

test(() => {
  const clone = structuredClone([1, , 3]);
  assert_equals(clone.length, 3);
  assert_false(1 in clone, "the hole is kept");
  assert_equals(clone[2], 3);
}, "holes are kept");

test(() => {
  const original = [];
  original.length = 1000;
  original[500] = "middle";
  const clone = structuredClone(original);
  assert_equals(clone.length, 1000);
  assert_equals(Object.keys(clone).length, 1);
  assert_equals(clone[500], "middle");
}, "a sparse array keeps its length and only its present elements");

test(() => {
  const original = [];
  original.length = 7;
  const clone = structuredClone(original);
  assert_equals(clone.length, 7);
  assert_equals(Object.keys(clone).length, 0);
}, "an array with only a length");

test(() => {
  const original = [1, 2];
  original.label = "extra";
  original["-1"] = "not an index";
  const clone = structuredClone(original);
  assert_equals(clone.length, 2);
  assert_equals(clone.label, "extra");
  assert_equals(clone["-1"], "not an index");
}, "non-index properties of an array are kept");

test(() => {
  const clone = structuredClone({ list: [{ a: 1 }, [true]] });
  assert_true(Array.isArray(clone.list));
  assert_equals(clone.list[0].a, 1);
  assert_true(Array.isArray(clone.list[1]));
}, "arrays inside objects stay arrays");

test(() => {
  const original = [1, "two", { three: 3 }, , 5];
  original.label = "extra";
  const clone = structuredClone(original);
  const length = Object.getOwnPropertyDescriptor(clone, "length");
  assert_equals(length.value, 5);
  assert_true(length.writable, "length is writable");
  assert_false(length.enumerable, "length is not enumerable");
  assert_false(length.configurable, "length is not configurable");
  for (const key of ["0", "1", "2", "4", "label"]) {
    const desc = Object.getOwnPropertyDescriptor(clone, key);
    assert_true(desc.writable && desc.enumerable && desc.configurable, `${key} is a plain data property`);
  }
  assert_array_equals(Reflect.ownKeys(clone), ["0", "1", "2", "4", "length", "label"]);
}, "the clone's elements and length have the attributes ArrayCreate and CreateDataProperty give");

test(() => {
  const clone = structuredClone([1, 2, 3]);
  clone.push(4);
  assert_equals(clone.length, 4);
  assert_equals(clone[3], 4);
  clone[10] = "far";
  assert_equals(clone.length, 11);
  clone.length = 2;
  assert_array_equals(clone, [1, 2]);
  assert_false(3 in clone, "truncating the clone's length removes its elements");
  const empty = structuredClone(new Array(3));
  empty[1] = "b";
  assert_equals(empty.length, 3);
  assert_array_equals(Object.keys(empty), ["1"]);
}, "a cloned array's length follows its elements afterwards");
