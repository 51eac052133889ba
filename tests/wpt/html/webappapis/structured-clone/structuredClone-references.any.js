// META: global=window
// META: title=structuredClone(): shared references and cycles
"use strict";

test(() => {
  const shared = { value: 1 };
  const clone = structuredClone({ a: shared, b: shared, list: [shared] });
  assert_equals(clone.a, clone.b);
  assert_equals(clone.list[0], clone.a);
  assert_not_equals(clone.a, shared);
}, "an object referenced twice is copied once");

test(() => {
  const original = { name: "loop" };
  original.self = original;
  const clone = structuredClone(original);
  assert_equals(clone.self, clone);
  assert_not_equals(clone, original);
}, "an object referring to itself");

test(() => {
  const original = [];
  original.push(original);
  original.push({ back: original });
  const clone = structuredClone(original);
  assert_equals(clone[0], clone);
  assert_equals(clone[1].back, clone);
}, "an array containing itself");

test(() => {
  const a = { name: "a" };
  const b = { name: "b", a };
  a.b = b;
  const clone = structuredClone(a);
  assert_equals(clone.b.a, clone);
  assert_equals(clone.b.name, "b");
}, "a cycle through two objects");

test(() => {
  const shared = [1, 2];
  const original = [shared, shared, { inner: shared }];
  const clone = structuredClone(original);
  assert_equals(clone[0], clone[1]);
  assert_equals(clone[2].inner, clone[0]);
  assert_array_equals(clone[0], [1, 2]);
}, "a shared array");

test(() => {
  let deep = { level: 0 };
  const root = deep;
  for (let i = 1; i < 1000; i++) {
    deep.next = { level: i };
    deep = deep.next;
  }
  deep.next = root;
  const clone = structuredClone(root);
  let node = clone;
  for (let i = 0; i < 1000; i++) {
    assert_equals(node.level, i);
    node = node.next;
  }
  assert_equals(node, clone, "the long cycle closes on the clone's root");
}, "a long chain ending in a cycle");
