// META: title=window.postMessage: the MessageEvent the window receives
// META: script=resources/messages.js
"use strict";

function post_and_receive(data = {}) {
  const id = unique_id("props");
  data.id = id;
  const received = wait_for_message(id);
  postMessage(data, "*");
  return received;
}

promise_test(async () => {
  const event = await post_and_receive();
  assert_true(event instanceof MessageEvent, "instanceof MessageEvent");
  assert_true(event instanceof Event, "instanceof Event");
  assert_equals(event.type, "message");
}, "the event is a MessageEvent of type message");

promise_test(async () => {
  const event = await post_and_receive();
  assert_equals(event.origin, location.origin);
  assert_equals(event.origin, "http://web-platform.test:8000");
}, "origin is the serialized origin of the sender");

promise_test(async () => {
  const event = await post_and_receive();
  assert_equals(event.source, window);
}, "source is the sending window");

promise_test(async () => {
  const event = await post_and_receive();
  assert_equals(event.lastEventId, "");
}, "lastEventId is the empty string");

promise_test(async () => {
  const event = await post_and_receive();
  assert_true(Array.isArray(event.ports), "ports is an array");
  assert_equals(event.ports.length, 0);
  assert_true(Object.isFrozen(event.ports), "ports is frozen");
  assert_equals(event.ports, event.ports, "the same array each time");
}, "ports is a frozen empty array");

promise_test(async () => {
  const event = await post_and_receive();
  assert_true(event.isTrusted);
  assert_false(event.bubbles);
  assert_false(event.cancelable);
}, "the event is trusted and neither bubbles nor is cancelable");

promise_test(async () => {
  let during = null;
  const id = unique_id("dispatch");
  const received = new Promise(resolve => {
    window.addEventListener("message", function listener(e) {
      if (e.data && e.data.id === id) {
        window.removeEventListener("message", listener);
        during = { target: e.target, currentTarget: e.currentTarget, eventPhase: e.eventPhase };
        resolve(e);
      }
    });
  });
  postMessage({ id }, "*");
  const event = await received;
  // The promise reaction above runs in the microtask checkpoint after the listener, while
  // the event is still being dispatched; a timeout runs after the dispatch has finished.
  await new Promise(resolve => setTimeout(resolve, 0));
  assert_equals(during.target, window, "target");
  assert_equals(during.currentTarget, window, "currentTarget during dispatch");
  assert_equals(during.eventPhase, 2, "AT_TARGET during dispatch");
  assert_equals(event.currentTarget, null, "currentTarget after dispatch");
  assert_equals(event.eventPhase, 0, "NONE after dispatch");
}, "target, currentTarget and eventPhase");

promise_test(async () => {
  const sent = { list: [1, [2, 3]], text: "x" };
  const event = await post_and_receive(sent);
  assert_not_equals(event.data, sent, "data is not the object that was posted");
  assert_array_equals(event.data.list[1], [2, 3]);
  assert_equals(event.data.text, "x");
  assert_equals(event.data, event.data, "the same clone each time data is read");
}, "data is a copy of the message");

promise_test(async () => {
  const sent = { list: ["before"] };
  const id = unique_id("snapshot");
  sent.id = id;
  const received = wait_for_message(id);
  postMessage(sent, "*");
  sent.list[0] = "after";
  sent.extra = true;
  const event = await received;
  assert_equals(event.data.list[0], "before");
  assert_false("extra" in event.data);
}, "the message is copied when postMessage is called, not when it is delivered");
