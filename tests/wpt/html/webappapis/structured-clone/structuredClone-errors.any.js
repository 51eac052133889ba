// META: global=window
// META: title=structuredClone(): values that cannot be cloned
"use strict";

for (const [make, label] of [
  [() => function named() {}, "a function"],
  [() => () => {}, "an arrow function"],
  [() => class {}, "a class"],
  [() => Symbol("description"), "a symbol"],
  [() => Symbol.iterator, "a well-known symbol"],
  [() => ({ method() {} }), "an object with a method"],
  [() => [1, 2, () => {}], "an array containing a function"],
  [() => ({ deep: { deeper: [Symbol()] } }), "a symbol deep inside an object"],
  [() => new WeakMap(), "a WeakMap"],
  [() => new WeakSet(), "a WeakSet"],
  [() => ({ map: new WeakMap() }), "an object holding a WeakMap"],
]) {
  test(() => {
    assert_throws_dom("DataCloneError", () => structuredClone(make()));
  }, `structuredClone(${label}) throws DataCloneError`);
}

test(() => {
  let error = null;
  try {
    structuredClone(() => {});
  } catch (e) {
    error = e;
  }
  assert_true(error instanceof DOMException);
  assert_equals(error.name, "DataCloneError");
  assert_equals(error.code, 25);
  assert_equals(typeof error.message, "string");
}, "the exception is a DOMException named DataCloneError with code 25");

test(() => {
  const error = new TypeError("from a getter");
  assert_throws_exactly(error, () => structuredClone({ get bad() { throw error; } }));
}, "an exception thrown by a getter propagates unchanged");

test(() => {
  const order = [];
  const original = {
    get first() { order.push("first"); return Symbol(); },
    get second() { order.push("second"); return 2; },
  };
  assert_throws_dom("DataCloneError", () => structuredClone(original));
  assert_array_equals(order, ["first"]);
}, "cloning stops at the first value that cannot be cloned");
