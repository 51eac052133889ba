// META: title=window.postMessage: values that cannot be cloned
// META: script=resources/messages.js
"use strict";

for (const [make, label] of [
  [() => function () {}, "a function"],
  [() => () => {}, "an arrow function"],
  [() => Symbol("s"), "a symbol"],
  [() => ({ nested: { handler() {} } }), "an object with a method"],
  [() => [1, Symbol.iterator], "an array containing a symbol"],
  [() => new WeakMap(), "a WeakMap"],
  [() => new WeakSet(), "a WeakSet"],
]) {
  test(() => {
    assert_throws_dom("DataCloneError", () => postMessage(make(), "*"));
  }, `posting ${label} throws DataCloneError`);
}

test(() => {
  try {
    postMessage(() => {}, "*");
  } catch (e) {
    assert_true(e instanceof DOMException, "a DOMException");
    assert_equals(e.name, "DataCloneError");
    assert_equals(e.code, 25);
    return;
  }
  assert_unreached("postMessage did not throw");
}, "the DataCloneError is a DOMException with code 25");

promise_test(async t => {
  const recorder = record_messages(t);
  const failed = unique_id("failed");
  const marker = unique_id("marker");
  assert_throws_dom("DataCloneError", () => postMessage({ id: failed, f() {} }, "*"));
  postMessage({ id: marker }, "*");
  const received = await recorder.until(marker);
  assert_array_equals(received.map(d => d.id), [marker]);
}, "a message that could not be cloned is not delivered");

test(() => {
  const error = new Error("from the getter");
  const message = {
    get broken() {
      throw error;
    },
  };
  assert_throws_exactly(error, () => postMessage(message, "*"));
}, "an exception thrown by a getter propagates unchanged");

promise_test(async t => {
  const recorder = record_messages(t);
  const failed = unique_id("failed");
  const marker = unique_id("marker");
  const message = {
    id: failed,
    get broken() {
      throw new RangeError("getter");
    },
  };
  assert_throws_js(RangeError, () => postMessage(message, "*"));
  postMessage({ id: marker }, "*");
  const received = await recorder.until(marker);
  assert_array_equals(received.map(d => d.id), [marker]);
}, "nothing is delivered when a getter throws");

promise_test(async () => {
  const order = [];
  const id = unique_id("getters");
  const message = {
    id,
    get a() { order.push("a"); return 1; },
    get b() { order.push("b"); return { get c() { order.push("c"); return 2; } }; },
    get d() { order.push("d"); return 3; },
  };
  const received = wait_for_message(id);
  postMessage(message, "*");
  assert_array_equals(order, ["a", "b", "c", "d"]);
  const event = await received;
  assert_array_equals(order, ["a", "b", "c", "d"], "delivery runs no getter");
  assert_equals(event.data.b.c, 2);
}, "getters run once each, depth first, in property order, during postMessage");

test(() => {
  const order = [];
  const message = {
    get first() { order.push("first"); return () => {}; },
    get second() { order.push("second"); return 2; },
  };
  assert_throws_dom("DataCloneError", () => postMessage(message, "*"));
  assert_array_equals(order, ["first"], "serialization stops at the first failure");
}, "serialization stops at the first value that cannot be cloned");
