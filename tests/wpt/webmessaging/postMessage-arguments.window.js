// META: title=window.postMessage: argument forms
// META: script=resources/messages.js
"use strict";

test(() => {
  assert_throws_js(TypeError, () => postMessage());
}, "postMessage() with no arguments throws a TypeError");

test(() => {
  assert_equals(typeof postMessage, "function");
  assert_equals(window.postMessage, postMessage);
  assert_equals(window.postMessage.length, 1);
}, "postMessage is a function of length 1");

const forms = [
  ["postMessage(message)", id => postMessage({ id })],
  ["postMessage(message, {})", id => postMessage({ id }, {})],
  ['postMessage(message, {targetOrigin: "/"})', id => postMessage({ id }, { targetOrigin: "/" })],
  ['postMessage(message, {targetOrigin: "*"})', id => postMessage({ id }, { targetOrigin: "*" })],
  ["postMessage(message, {targetOrigin: location.origin})",
   id => postMessage({ id }, { targetOrigin: location.origin })],
];

for (const [label, post] of forms) {
  promise_test(async () => {
    const id = unique_id("form");
    const received = wait_for_message(id);
    assert_equals(post(id), undefined, "postMessage returns undefined");
    const event = await received;
    assert_equals(event.data.id, id);
    assert_equals(event.origin, location.origin);
  }, `${label} delivers the message`);
}

promise_test(async t => {
  const recorder = record_messages(t);
  const dropped = unique_id("dropped");
  const marker = unique_id("marker");
  postMessage({ id: dropped }, { targetOrigin: "http://www.web-platform.test:8000" });
  postMessage({ id: marker });
  const received = await recorder.until(marker);
  assert_array_equals(received.map(d => d.id), [marker]);
}, "the one-argument form uses the caller's origin as the target origin");
