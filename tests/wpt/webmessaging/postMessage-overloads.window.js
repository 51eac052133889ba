// META: title=window.postMessage: Web IDL overload resolution and the options dictionary
// META: script=resources/messages.js
"use strict";
// postMessage(any message, USVString targetOrigin, optional sequence<object> transfer = [])
// postMessage(any message, optional WindowPostMessageOptions options = {})
// Web IDL's overload resolution picks by the number of arguments first: with three, only the
// first overload has that many, so the second argument is a USVString whatever it is.

for (const [label, second] of [["undefined", undefined], ["null", null],
                               ["{targetOrigin: '*'}", { targetOrigin: "*" }]]) {
  test(() => {
    assert_throws_dom("SyntaxError", () => postMessage("x", second, []));
  }, `postMessage(m, ${label}, []) takes ${label} as the targetOrigin string: a SyntaxError`);
}

test(() => {
  let read = false;
  const second = { toString() { read = true; return "*"; } };
  postMessage("x", second, []);
  assert_true(read, "the second argument was converted to a string");
}, "with three arguments an object's toString gives the targetOrigin");

for (const [label, second] of [["undefined", undefined], ["null", null]]) {
  promise_test(async () => {
    const id = unique_id("two");
    const received = wait_for_message(id);
    postMessage({ id }, second);
    const event = await received;
    assert_equals(event.origin, location.origin);
  }, `postMessage(m, ${label}) takes the options dictionary (targetOrigin "/")`);
}

test(() => {
  const buffer = new ArrayBuffer(8);
  postMessage("x", "*", [buffer]);
  assert_equals(buffer.byteLength, 0, "detached");
}, "the transfer list of the three-argument form is honoured");

test(() => {
  const buffer = new ArrayBuffer(8);
  postMessage("x", { targetOrigin: "*", transfer: [buffer] });
  assert_equals(buffer.byteLength, 0, "detached");
}, "the transfer member of the options dictionary is honoured");

test(() => {
  const log = [];
  const options = {
    get targetOrigin() { log.push("targetOrigin"); return "*"; },
    get transfer() { log.push("transfer"); return []; },
  };
  postMessage("x", options);
  assert_array_equals(log, ["transfer", "targetOrigin"]);
}, "the inherited member (StructuredSerializeOptions' transfer) is read before targetOrigin");

test(() => {
  const log = [];
  const options = {
    get targetOrigin() { log.push("targetOrigin"); return "*"; },
    get transfer() { log.push("transfer"); return 5; },
  };
  assert_throws_js(TypeError, () => postMessage("x", options));
  assert_array_equals(log, ["transfer"]);
}, "a transfer member that is not a sequence throws before targetOrigin is read");

test(() => {
  const log = [];
  const transfer = { [Symbol.iterator]() { log.push("iterate"); return [][Symbol.iterator](); } };
  const second = { toString() { log.push("toString"); return "*"; } };
  postMessage("x", second, transfer);
  assert_array_equals(log, ["toString", "iterate"]);
}, "the three-argument form converts targetOrigin, then transfer");

test(() => {
  assert_throws_js(TypeError, () => postMessage("x", "*", 5));
  assert_throws_js(TypeError, () => postMessage("x", { transfer: null }));
}, "a transfer argument that is not a sequence is a TypeError");
