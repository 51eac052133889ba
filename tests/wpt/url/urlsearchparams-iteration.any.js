// META: title=URLSearchParams iteration: entries, keys, values, forEach, @@iterator
// Written from Web IDL's iterable declarations (https://webidl.spec.whatwg.org/#es-iterable)
"use strict";

test(() => {
  const params = new URLSearchParams("a=1&b=2");
  assert_equals(params[Symbol.iterator], params.entries, "@@iterator is entries");
  const d = Object.getOwnPropertyDescriptor(URLSearchParams.prototype, Symbol.iterator);
  assert_true(d.writable && d.configurable, "writable and configurable");
  assert_false(d.enumerable, "not enumerable");
  assert_equals(params.entries.name, "entries");
  const entries = [...params];
  assert_equals(entries.length, 2);
  assert_array_equals(entries[0], ["a", "1"]);
  assert_array_equals(entries[1], ["b", "2"]);
  assert_array_equals([...params.keys()], ["a", "b"]);
  assert_array_equals([...params.values()], ["1", "2"]);
}, "entries, keys, values and @@iterator");

test(() => {
  const it = new URLSearchParams("a=1").entries();
  const proto = Object.getPrototypeOf(it);
  assert_equals(Object.prototype.toString.call(it), "[object URLSearchParams Iterator]");
  assert_equals(Object.getPrototypeOf(proto), Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), "the iterator prototype's prototype is %IteratorPrototype%");
  assert_equals(Object.getPrototypeOf(new URLSearchParams().keys()), proto, "one prototype for every kind");
  assert_equals(it[Symbol.iterator](), it, "an iterator is iterable");
  const next = Object.getOwnPropertyDescriptor(proto, "next");
  assert_true(next.writable && next.enumerable && next.configurable);
  assert_equals(next.value.length, 0);
  assert_throws_js(TypeError, () => next.value.call({}), "next on another object");
  const first = it.next();
  assert_array_equals(first.value, ["a", "1"]);
  assert_false(first.done);
  const end = it.next();
  assert_equals(end.value, undefined);
  assert_true(end.done);
  assert_true(it.next().done, "done stays done");
}, "the iterator objects and their prototype");

test(() => {
  const params = new URLSearchParams("a=1&b=2&c=3");
  const seen = [];
  for (const [k] of params) {
    seen.push(k);
    if (k === "a") params.delete("b");
    if (k === "c") params.append("d", "4");
  }
  assert_array_equals(seen, ["a", "c", "d"], "the iterator reads the live list by index");
}, "iteration sees changes to the list");

test(() => {
  const params = new URLSearchParams("a=1&b=2");
  const calls = [];
  const thisArg = {};
  params.forEach(function (value, key, object) {
    calls.push([value, key, object, this]);
  }, thisArg);
  assert_equals(calls.length, 2);
  assert_equals(calls[0][0], "1", "value first");
  assert_equals(calls[0][1], "a", "then key");
  assert_equals(calls[0][2], params, "then the object");
  assert_equals(calls[0][3], thisArg, "thisArg");
  const keys = [];
  params.forEach((v, k) => { keys.push(k); if (k === "a") params.append("c", "3"); });
  assert_array_equals(keys, ["a", "b", "c"], "forEach reads the live list");
  assert_throws_js(TypeError, () => params.forEach(), "a callback is required");
  assert_throws_js(TypeError, () => params.forEach(1), "the callback must be callable");
  const error = new Error("stop");
  assert_throws_exactly(error, () => params.forEach(() => { throw error; }));
}, "forEach(callback, thisArg)");
