// META: title=window.postMessage: a target origin that does not match drops the message
// META: script=resources/messages.js
"use strict";

for (const [target_origin, label] of [
  ["http://www.web-platform.test:8000", "another host"],
  ["https://web-platform.test:8000", "another scheme"],
  ["http://web-platform.test:8001", "another port"],
  ["http://web-platform.test", "the default port instead of 8000"],
  ["http://web-platform.test.:8000", "the host with a trailing dot"],
]) {
  promise_test(async t => {
    const recorder = record_messages(t);
    const dropped = unique_id("dropped");
    const marker = unique_id("marker");
    postMessage({ id: dropped }, target_origin);
    postMessage({ id: marker }, "*");
    const received = await recorder.until(marker);
    assert_array_equals(received.map(d => d.id), [marker],
                        "only the message with the matching target origin arrived");
  }, `a message for ${label} (${target_origin}) is not delivered`);
}

promise_test(async t => {
  const recorder = record_messages(t);
  const dropped = unique_id("dropped");
  const marker = unique_id("marker");
  postMessage({ id: dropped }, { targetOrigin: "http://www.web-platform.test:8000" });
  postMessage({ id: marker }, { targetOrigin: "/" });
  const received = await recorder.until(marker);
  assert_array_equals(received.map(d => d.id), [marker]);
}, "the options form with a non-matching targetOrigin drops the message too");

promise_test(async t => {
  const recorder = record_messages(t);
  const first = unique_id("first");
  const dropped = unique_id("dropped");
  const last = unique_id("last");
  postMessage({ id: first }, "*");
  postMessage({ id: dropped }, "http://www.web-platform.test:8000");
  postMessage({ id: last }, "/");
  const received = await recorder.until(last);
  assert_array_equals(received.map(d => d.id), [first, last]);
}, "dropping one message does not disturb the ones around it");
