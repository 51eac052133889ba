// META: title=window.onmessage and message event listeners
// META: script=resources/messages.js
"use strict";

test(() => {
  assert_equals(window.onmessage, null);
  assert_true("onmessage" in window);
}, "window.onmessage is null by default");

promise_test(async t => {
  t.add_cleanup(() => {
    window.onmessage = null;
  });
  const id = unique_id("handler");
  const received = new Promise(resolve => {
    window.onmessage = e => {
      if (e.data && e.data.id === id) {
        resolve(e);
      }
    };
  });
  postMessage({ id }, "*");
  const event = await received;
  assert_equals(event.data.id, id);
  assert_equals(event.source, window);
}, "the onmessage handler receives the message");

test(t => {
  t.add_cleanup(() => {
    window.onmessage = null;
  });
  const handler = () => {};
  window.onmessage = handler;
  assert_equals(window.onmessage, handler);
  window.onmessage = "not a function";
  assert_equals(window.onmessage, null, "a non-callable value becomes null");
}, "onmessage keeps a function and ignores non-callable values");

promise_test(async t => {
  const log = [];
  const id = unique_id("order");
  const is_mine = e => e.data && e.data.id === id;
  const first = e => { if (is_mine(e)) log.push("first"); };
  const second = e => { if (is_mine(e)) log.push("second"); };
  const third = e => { if (is_mine(e)) log.push("third"); };
  window.addEventListener("message", first);
  window.onmessage = e => { if (is_mine(e)) log.push("handler"); };
  window.addEventListener("message", second);
  window.addEventListener("message", first);  // already registered: ignored
  window.addEventListener("message", third);
  t.add_cleanup(() => {
    window.removeEventListener("message", first);
    window.removeEventListener("message", second);
    window.removeEventListener("message", third);
    window.onmessage = null;
  });
  const received = wait_for_message(id);
  postMessage({ id }, "*");
  await received;
  assert_array_equals(log, ["first", "handler", "second", "third"]);
}, "listeners run in registration order; the handler runs where it was first set");

promise_test(async t => {
  const log = [];
  const id = unique_id("removed");
  const is_mine = e => e.data && e.data.id === id;
  const removed = e => { if (is_mine(e)) log.push("removed"); };
  const kept = e => { if (is_mine(e)) log.push("kept"); };
  window.addEventListener("message", removed);
  window.addEventListener("message", kept);
  window.removeEventListener("message", removed);
  t.add_cleanup(() => window.removeEventListener("message", kept));
  const received = wait_for_message(id);
  postMessage({ id }, "*");
  await received;
  assert_array_equals(log, ["kept"]);
}, "a removed listener is not called");

promise_test(async t => {
  const log = [];
  const id = unique_id("removed-during");
  const is_mine = e => e.data && e.data.id === id;
  const second = e => { if (is_mine(e)) log.push("second"); };
  const first = e => {
    if (is_mine(e)) {
      log.push("first");
      window.removeEventListener("message", second);
    }
  };
  window.addEventListener("message", first);
  window.addEventListener("message", second);
  t.add_cleanup(() => window.removeEventListener("message", first));
  const received = wait_for_message(id);
  postMessage({ id }, "*");
  await received;
  assert_array_equals(log, ["first"]);
}, "a listener removed by an earlier listener of the same event is not called");

promise_test(async t => {
  const id = unique_id("object");
  let this_value = null;
  const listener = {
    handleEvent(e) {
      if (e.data && e.data.id === id) {
        this_value = this;
      }
    },
  };
  window.addEventListener("message", listener);
  t.add_cleanup(() => window.removeEventListener("message", listener));
  const received = wait_for_message(id);
  postMessage({ id }, "*");
  await received;
  assert_equals(this_value, listener);
}, "an object with handleEvent can listen for messages");
