// META: title=window.postMessage: the data is structured-cloned
// META: script=resources/messages.js
"use strict";

/** Posts `value` (not necessarily an object) and resolves with the data received. */
async function round_trip(test, value) {
  const recorder = record_messages(test);
  const marker = unique_id("marker");
  postMessage(value, "*");
  postMessage({ id: marker }, "*");
  const received = await recorder.until(marker);
  assert_equals(received.length, 2, "two messages arrived");
  return received[0];
}

for (const [value, label] of [
  [0, "0"], [-0, "-0"], [NaN, "NaN"], [Infinity, "Infinity"], [-1.5, "-1.5"],
  [Number.MAX_VALUE, "Number.MAX_VALUE"], [true, "true"], [false, "false"],
  [null, "null"], [undefined, "undefined"], ["", "the empty string"],
  ["text", "a string"], ["\uD800", "a lone lead surrogate"], ["a\uDC00b", "a lone trail surrogate"],
  ["\u0000\uFFFF", "NUL and U+FFFF"], ["\uD83D\uDE00", "a surrogate pair"],
]) {
  promise_test(async t => {
    const data = await round_trip(t, value);
    assert_equals(data, value);
  }, `${label} arrives unchanged`);
}

promise_test(async t => {
  const data = await round_trip(t, { a: 1, nested: { b: [1, 2, { c: "d" }] } });
  assert_object_equals(data, { a: 1, nested: { b: [1, 2, { c: "d" }] } });
}, "nested objects and arrays");

promise_test(async t => {
  const data = await round_trip(t, { z: 1, a: 2, 10: 3, 2: 4, m: 5 });
  assert_array_equals(Object.keys(data), ["2", "10", "z", "a", "m"]);
}, "property order is kept");

promise_test(async t => {
  const sent = [1, , 3];
  sent.length = 5;
  sent.extra = "prop";
  const data = await round_trip(t, sent);
  assert_true(Array.isArray(data));
  assert_equals(data.length, 5);
  assert_false(1 in data, "hole at 1");
  assert_false(4 in data, "hole at 4");
  assert_equals(data[2], 3);
  assert_equals(data.extra, "prop");
}, "arrays keep their length, holes and extra properties");

promise_test(async t => {
  const shared = { name: "shared" };
  const sent = { first: shared, second: shared };
  const data = await round_trip(t, sent);
  assert_equals(data.first, data.second, "both properties refer to one object");
  assert_not_equals(data.first, shared);
}, "shared references stay shared");

promise_test(async t => {
  const sent = { name: "root" };
  sent.self = sent;
  sent.list = [sent];
  const data = await round_trip(t, sent);
  assert_equals(data.self, data);
  assert_equals(data.list[0], data);
}, "cycles are kept");

promise_test(async t => {
  const sent = {};
  Object.defineProperty(sent, "hidden", { value: 1, enumerable: false });
  sent[Symbol("s")] = 2;
  sent.visible = 3;
  const data = await round_trip(t, sent);
  assert_array_equals(Object.getOwnPropertyNames(data), ["visible"]);
  assert_equals(Object.getOwnPropertySymbols(data).length, 0);
}, "only own enumerable string-keyed properties are copied");

promise_test(async t => {
  const sent = { get computed() { return 7; } };
  const data = await round_trip(t, sent);
  const descriptor = Object.getOwnPropertyDescriptor(data, "computed");
  assert_equals(descriptor.value, 7);
  assert_true(descriptor.writable && descriptor.enumerable && descriptor.configurable);
}, "getters become data properties");
