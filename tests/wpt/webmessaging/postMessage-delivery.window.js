// META: title=window.postMessage: delivery is a later task, in posting order
// META: script=resources/messages.js
"use strict";

promise_test(async () => {
  const id = unique_id("async");
  let delivered = false;
  const received = wait_for_message(id).then(e => {
    delivered = true;
    return e;
  });
  postMessage({ id }, "*");
  assert_false(delivered, "not delivered during the call");
  await Promise.resolve();
  assert_false(delivered, "not delivered at the next microtask");
  await received;
  assert_true(delivered);
}, "the message is delivered asynchronously");

promise_test(async t => {
  const recorder = record_messages(t);
  const ids = [unique_id("a"), unique_id("b"), unique_id("c"), unique_id("d")];
  for (const id of ids) {
    postMessage({ id }, "*");
  }
  const received = await recorder.until(ids[3]);
  assert_array_equals(received.map(d => d.id), ids);
}, "messages arrive in the order they were posted");

promise_test(async () => {
  const log = [];
  const id = unique_id("timer");
  const received = wait_for_message(id).then(() => log.push("message"));
  setTimeout(() => log.push("timeout"), 0);
  postMessage({ id }, "*");
  await received;
  await new Promise(resolve => setTimeout(resolve, 10));
  assert_in_array("message", log);
  assert_in_array("timeout", log);
}, "a message and a zero timeout are both delivered");

promise_test(async t => {
  const id = unique_id("nested");
  const inner = unique_id("inner");
  const log = [];
  const listener = e => {
    if (!e.data || typeof e.data !== "object") {
      return;
    }
    if (e.data.id === id) {
      log.push("outer start");
      postMessage({ id: inner }, "*");
      log.push("outer end");
    } else if (e.data.id === inner) {
      log.push("inner");
    }
  };
  window.addEventListener("message", listener);
  t.add_cleanup(() => window.removeEventListener("message", listener));
  const done = wait_for_message(inner);
  postMessage({ id }, "*");
  await done;
  assert_array_equals(log, ["outer start", "outer end", "inner"]);
}, "a message posted from a message listener is delivered after that listener returns");
