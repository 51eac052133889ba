// META: global=window
// META: title=structuredClone(): plain objects
"use strict";

test(() => {
  const original = { a: 1, b: "two", c: null, d: undefined, e: true };
  const clone = structuredClone(original);
  assert_not_equals(clone, original, "a new object");
  assert_object_equals(clone, original);
  assert_true("d" in clone, "a property holding undefined is kept");
}, "a flat object is copied");

test(() => {
  const original = { outer: { inner: { deepest: [1, { x: "y" }] } } };
  const clone = structuredClone(original);
  assert_not_equals(clone.outer, original.outer);
  assert_not_equals(clone.outer.inner, original.outer.inner);
  assert_object_equals(clone, original);
}, "nested objects are copied deeply");

test(() => {
  const clone = structuredClone({ b: 1, a: 2, 3: "x", 1: "y", c: 3 });
  assert_array_equals(Object.keys(clone), ["1", "3", "b", "a", "c"]);
}, "property order is kept");

test(() => {
  const clone = structuredClone({});
  assert_equals(Object.getPrototypeOf(clone), Object.prototype);
  assert_equals(Object.keys(clone).length, 0);
}, "an empty object gives an empty plain object");

test(() => {
  class Point {
    constructor() {
      this.x = 1;
      this.y = 2;
    }
    get sum() {
      return this.x + this.y;
    }
  }
  const clone = structuredClone(new Point());
  assert_equals(Object.getPrototypeOf(clone), Object.prototype, "the prototype is not kept");
  assert_object_equals(clone, { x: 1, y: 2 });
  assert_false("sum" in clone, "inherited accessors are not copied");
}, "an instance of a class becomes a plain object with its own properties");

test(() => {
  const original = Object.create({ inherited: 1 });
  original.own = 2;
  const clone = structuredClone(original);
  assert_object_equals(clone, { own: 2 });
  assert_false("inherited" in clone);
}, "inherited properties are not copied");

test(() => {
  const original = { visible: 1 };
  Object.defineProperty(original, "hidden", { value: 2, enumerable: false });
  original[Symbol("key")] = 3;
  const clone = structuredClone(original);
  assert_array_equals(Reflect.ownKeys(clone), ["visible"]);
}, "non-enumerable and symbol-keyed properties are not copied");

test(() => {
  const original = Object.freeze({ a: 1 });
  const clone = structuredClone(original);
  assert_false(Object.isFrozen(clone), "the clone is not frozen");
  clone.a = 2;
  assert_equals(clone.a, 2);
  const descriptor = Object.getOwnPropertyDescriptor(clone, "a");
  assert_true(descriptor.writable && descriptor.enumerable && descriptor.configurable);
}, "copied properties are plain writable, enumerable, configurable data properties");

test(() => {
  let calls = 0;
  const clone = structuredClone({
    get value() {
      calls++;
      return { nested: calls };
    },
  });
  assert_equals(calls, 1, "the getter ran once");
  assert_equals(clone.value.nested, 1);
  assert_equals(Object.getOwnPropertyDescriptor(clone, "value").get, undefined,
                "the clone has a data property");
}, "a getter is called once and its value is copied");

test(() => {
  const order = [];
  const original = {
    get a() { order.push("a"); return 1; },
    get b() { order.push("b"); return { get c() { order.push("c"); return 2; } }; },
    get d() { order.push("d"); return 3; },
  };
  structuredClone(original);
  assert_array_equals(order, ["a", "b", "c", "d"]);
}, "getters run depth first, in property order");

test(() => {
  const original = {
    get first() {
      delete this.second;
      return 1;
    },
    second: 2,
    third: 3,
  };
  const clone = structuredClone(original);
  assert_array_equals(Object.keys(clone), ["first", "third"]);
}, "a property deleted by an earlier getter is skipped");
