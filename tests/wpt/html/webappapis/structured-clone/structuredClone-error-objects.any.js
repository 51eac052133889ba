// META: global=window
// META: title=structuredClone(): Error objects and DOMException
"use strict";

for (const constructor of [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError]) {
  test(() => {
    const original = new constructor("the message");
    const clone = structuredClone(original);
    assert_not_equals(clone, original);
    assert_equals(Object.getPrototypeOf(clone), constructor.prototype);
    assert_equals(clone.name, constructor.name);
    assert_equals(clone.message, "the message");
    const descriptor = Object.getOwnPropertyDescriptor(clone, "message");
    assert_true(descriptor.writable);
    assert_false(descriptor.enumerable);
    assert_true(descriptor.configurable);
  }, `a ${constructor.name} keeps its type and message`);
}

test(() => {
  const clone = structuredClone(new Error());
  assert_false(Object.prototype.hasOwnProperty.call(clone, "message"));
  assert_equals(clone.message, "");
}, "an Error without a message gets no own message");

test(() => {
  const original = new TypeError("m");
  original.name = "CustomError";
  const clone = structuredClone(original);
  assert_equals(Object.getPrototypeOf(clone), Error.prototype);
  assert_equals(clone.name, "Error");
}, "an unknown name becomes Error");

test(() => {
  const original = new Error("m");
  original.name = "RangeError";
  const clone = structuredClone(original);
  assert_equals(Object.getPrototypeOf(clone), RangeError.prototype);
}, "the name property, not the constructor, picks the prototype");

test(() => {
  class MyError extends Error {}
  const clone = structuredClone(new MyError("sub"));
  assert_equals(Object.getPrototypeOf(clone), Error.prototype);
  assert_equals(clone.message, "sub");
}, "a subclass instance becomes an Error");

test(() => {
  const clone = structuredClone(new AggregateError([], "agg"));
  assert_equals(Object.getPrototypeOf(clone), Error.prototype);
  assert_equals(clone.message, "agg");
}, "an AggregateError becomes an Error");

test(() => {
  const original = new Error("m");
  let calls = 0;
  Object.defineProperty(original, "message", { get() { calls++; return "from getter"; } });
  const clone = structuredClone(original);
  assert_equals(calls, 0, "the getter did not run");
  assert_false(Object.prototype.hasOwnProperty.call(clone, "message"));
}, "an accessor message is not read");

test(() => {
  const original = new Error();
  original.message = { toString() { return "converted"; } };
  assert_equals(structuredClone(original).message, "converted");
}, "a message that is not a string is converted with ToString");

test(() => {
  const original = new Error("m");
  original.extra = 1;
  original.cause = "c";
  const clone = structuredClone(original);
  assert_false("extra" in clone);
}, "other own properties of an Error are not copied");

test(() => {
  const error = new Error("m");
  const clone = structuredClone({ a: error, b: error });
  assert_equals(clone.a, clone.b);
}, "an Error referenced twice is cloned once");

test(() => {
  const original = new DOMException("the message", "NotFoundError");
  const clone = structuredClone(original);
  assert_not_equals(clone, original);
  assert_true(clone instanceof DOMException);
  assert_equals(Object.getPrototypeOf(clone), DOMException.prototype);
  assert_equals(clone.name, "NotFoundError");
  assert_equals(clone.message, "the message");
  assert_equals(clone.code, 8);
}, "a DOMException keeps its name, message and code");

test(() => {
  const clone = structuredClone(new DOMException());
  assert_equals(clone.name, "Error");
  assert_equals(clone.message, "");
  assert_equals(clone.code, 0);
}, "a DOMException with the default name and message");

test(() => {
  let caught;
  try {
    structuredClone(() => {});
  } catch (e) {
    caught = e;
  }
  const clone = structuredClone(caught);
  assert_equals(clone.name, "DataCloneError");
  assert_equals(clone.message, caught.message);
  assert_equals(clone.code, 25);
}, "a DataCloneError thrown by structuredClone can itself be cloned");
