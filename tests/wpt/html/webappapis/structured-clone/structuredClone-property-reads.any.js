// META: global=window
// META: title=structuredClone(): how own properties are listed and read (step 26.4)
"use strict";

// StructuredSerializeInternal lists ! EnumerableOwnProperties(value, key) once, when it
// meets the object, then for each listed key checks ! HasOwnProperty and reads
// ? value.[[Get]](key, value). What getters do in between shows exactly that.

test(() => {
  const original = {
    get first() {
      this.added = "late";
      return 1;
    },
    second: 2,
  };
  const clone = structuredClone(original);
  assert_array_equals(Object.keys(clone), ["first", "second"]);
  assert_equals(original.added, "late");
}, "a property added by a getter is not copied (the keys are listed first)");

test(() => {
  const original = {
    get first() {
      Object.defineProperty(this, "second", { enumerable: false });
      return 1;
    },
    second: 2,
  };
  const clone = structuredClone(original);
  assert_array_equals(Object.keys(clone), ["first", "second"]);
  assert_equals(clone.second, 2);
}, "a listed property made non-enumerable by a getter is still copied");

test(() => {
  const calls = [];
  const original = {
    get first() {
      Object.defineProperty(this, "second", {
        get() { calls.push(this); return "from the new getter"; },
      });
      Object.defineProperty(this, "third", { value: "now data", enumerable: true });
      return 1;
    },
    second: 2,
    get third() {
      calls.push("old third");
      return 3;
    },
  };
  const clone = structuredClone(original);
  assert_equals(clone.second, "from the new getter");
  assert_equals(clone.third, "now data");
  assert_equals(calls.length, 1, "only the new getter ran");
  assert_equals(calls[0], original, "with the object as this");
}, "a getter that turns a later property into a getter, and a getter into data");

test(() => {
  const original = {
    get first() {
      delete this.second;
      this.second = "re-added";
      return 1;
    },
    second: 2,
    third: 3,
  };
  assert_array_equals(Object.keys(original).slice(1), ["second", "third"]);
  const clone = structuredClone(original);
  assert_array_equals(Object.keys(clone), ["first", "second", "third"],
    "copied in the order the keys were listed");
  assert_equals(clone.second, "re-added");
}, "a property deleted and added again by a getter is read where it was listed");

test(() => {
  const original = {};
  Object.defineProperty(original, "setterOnly", { set(v) {}, enumerable: true });
  const clone = structuredClone(original);
  assert_true("setterOnly" in clone);
  assert_equals(clone.setterOnly, undefined);
}, "an accessor without a getter is copied as undefined");

test(() => {
  const thrown = new RangeError("third");
  const order = [];
  const original = {
    get first() { order.push("first"); return 1; },
    get second() { order.push("second"); return { get inner() { order.push("inner"); return 2; } }; },
    get third() { order.push("third"); throw thrown; },
    get fourth() { order.push("fourth"); return 4; },
  };
  assert_throws_exactly(thrown, () => structuredClone(original));
  assert_array_equals(order, ["first", "second", "inner", "third"]);
}, "getters run once each, and the first exception propagates unchanged");

test(() => {
  const order = [];
  const original = { b: 1, 2: 2, a: 3, 1: 4, [Symbol("s")]: 5 };
  Object.defineProperty(original, Symbol("getter"), {
    get() { order.push("symbol"); return 6; },
    enumerable: true,
  });
  const clone = structuredClone(original);
  assert_array_equals(Object.keys(clone), ["1", "2", "b", "a"]);
  assert_array_equals(Object.getOwnPropertySymbols(clone), []);
  assert_array_equals(order, [], "a symbol-keyed getter does not run");
}, "integer keys come first, ascending; symbol keys are left out");

test(() => {
  const order = [];
  const array = [0, 1, 2];
  Object.defineProperty(array, 1, {
    get() { order.push(1); array.length = 2; return "one"; },
    enumerable: true,
    configurable: true,
  });
  array.extra = "named";
  const clone = structuredClone(array);
  assert_true(Array.isArray(clone));
  assert_equals(clone.length, 3, "the length read when the array was met");
  assert_equals(clone[0], 0);
  assert_equals(clone[1], "one");
  assert_false(2 in clone, "the element removed by the getter is skipped");
  assert_equals(clone.extra, "named");
  assert_array_equals(order, [1]);
}, "an array element getter runs once, and an element it removes is skipped");

test(() => {
  const keys = ["0", "01", "-0", "1.5", "1e3", "5000", "4294967294", "4294967295", "__proto__",
                "", " ", "é", "\u263a", "\ud800", "x".repeat(200)];
  const original = {};
  for (const [i, key] of keys.entries()) {
    Object.defineProperty(original, key, { value: i, enumerable: true, configurable: true });
  }
  const clone = structuredClone(original);
  assert_array_equals(Object.keys(clone), Object.keys(original));
  for (const [i, key] of keys.entries()) {
    assert_true(Object.hasOwn(clone, key), `own ${JSON.stringify(key)}`);
    assert_equals(clone[key], i, `value of ${JSON.stringify(key)}`);
  }
  assert_equals(Object.getPrototypeOf(clone), Object.prototype, "__proto__ is an own property");
}, "keys that are, or look like, array indices, and odd keys, are copied as they are");

test(() => {
  const strings = ["alpha", "alpha", "é", "\u263a", "\ud800x", "", "y".repeat(100)];
  const items = [];
  for (let i = 0; i < 300; i++) {
    items.push({ id: i, name: strings[i % strings.length], ["k" + (i % 7)]: "t" + (i % 5) });
  }
  const clone = structuredClone(items);
  assert_equals(clone.length, items.length);
  for (let i = 0; i < items.length; i++) {
    assert_array_equals(Object.keys(clone[i]), Object.keys(items[i]), `keys of ${i}`);
    for (const key of Object.keys(items[i])) {
      assert_equals(clone[i][key], items[i][key], `${i}.${key}`);
    }
  }
}, "many objects with the same keys and strings");

test(() => {
  const original = {};
  for (let i = 0; i < 20000; i++) {
    original["key" + i] = "value" + i;
  }
  const clone = structuredClone(original);
  const keys = Object.keys(clone);
  assert_equals(keys.length, 20000);
  assert_equals(keys[0], "key0");
  assert_equals(keys[19999], "key19999");
  assert_equals(clone.key12345, "value12345");
  assert_equals(clone.key19999, "value19999");
}, "an object with more distinct keys than the clone remembers");

test(() => {
  const original = Object.create(null);
  original.a = 1;
  const clone = structuredClone(original);
  assert_equals(Object.getPrototypeOf(clone), Object.prototype);
  assert_equals(clone.a, 1);
}, "an object with a null prototype becomes a plain object");

test(() => {
  const outer = {
    first: { get x() { outer.second = "changed"; delete outer.third; return 1; } },
    second: "original",
    third: "deleted",
    fourth: 4,
  };
  const clone = structuredClone(outer);
  assert_equals(clone.first.x, 1);
  assert_equals(clone.second, "changed", "read after the inner getter ran");
  assert_false("third" in clone, "deleted by the inner getter before it was read");
  assert_equals(clone.fourth, 4);
}, "a getter of a nested object changes the later properties of the object holding it");

test(() => {
  const array = [{ get x() { array[2] = "late"; array.named = "set late"; return 0; } }, 1, 2];
  array.named = "early";
  const clone = structuredClone(array);
  assert_equals(clone[2], "late");
  assert_equals(clone.named, "set late");
}, "a getter of an element changes later elements and named properties of its array");

test(() => {
  const outer = {
    middle: { inner: { get x() { outer.after = "changed"; return 1; } }, sibling: "kept" },
    after: "original",
  };
  const clone = structuredClone(outer);
  assert_equals(clone.middle.sibling, "kept");
  assert_equals(clone.after, "changed");
}, "a getter two objects down changes a later property of the outermost object");

test(() => {
  const error = new TypeError("m");
  const outer = { error, later: "original" };
  Object.defineProperty(error, "name", {
    get() { outer.later = "changed by name"; return "RangeError"; },
  });
  const clone = structuredClone(outer);
  assert_equals(clone.error.name, "RangeError");
  assert_equals(clone.later, "changed by name");
}, "an Error's name getter changes a later property of the object holding the error");

test(() => {
  const error = new Error();
  const outer = { error, later: "original" };
  error.message = { toString() { outer.later = "changed by toString"; return "converted"; } };
  const clone = structuredClone(outer);
  assert_equals(clone.error.message, "converted");
  assert_equals(clone.later, "changed by toString");
}, "converting an Error's message to a string changes a later property of the object holding it");
