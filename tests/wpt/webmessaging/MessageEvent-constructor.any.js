// META: global=window
// META: title=The MessageEvent constructor
"use strict";

test(() => {
  assert_equals(typeof MessageEvent, "function");
  assert_equals(MessageEvent.length, 1);
  assert_equals(Object.getPrototypeOf(MessageEvent.prototype), Event.prototype);
}, "MessageEvent is a constructor inheriting from Event");

test(() => {
  assert_throws_js(TypeError, () => new MessageEvent());
}, "the type argument is required");

test(() => {
  const event = new MessageEvent("message");
  assert_equals(event.type, "message");
  assert_equals(event.origin, "");
  assert_equals(event.lastEventId, "");
  assert_equals(event.source, null);
  assert_true(Array.isArray(event.ports));
  assert_equals(event.ports.length, 0);
  assert_true(Object.isFrozen(event.ports));
  assert_false(event.bubbles);
  assert_false(event.cancelable);
  assert_false(event.isTrusted);
}, "defaults without an init dictionary");

test(() => {
  assert_equals(new MessageEvent("message").data, null);
  assert_equals(new MessageEvent("message", {}).data, null);
}, "data defaults to null");

test(() => {
  const data = { some: "object" };
  const event = new MessageEvent("custom", {
    data,
    origin: "http://example.test",
    lastEventId: "42",
    bubbles: true,
    cancelable: true,
  });
  assert_equals(event.type, "custom");
  assert_equals(event.data, data, "data is the given value, not a copy");
  assert_equals(event.origin, "http://example.test");
  assert_equals(event.lastEventId, "42");
  assert_true(event.bubbles);
  assert_true(event.cancelable);
  assert_false(event.isTrusted);
}, "values from the init dictionary");

test(() => {
  const event = new MessageEvent("message", { data: -0, origin: 5, lastEventId: null });
  assert_equals(event.data, -0, "data is kept as it is");
  assert_equals(event.origin, "5", "origin is converted to a string");
  assert_equals(event.lastEventId, "null", "lastEventId is converted to a string");
}, "dictionary members are converted");

test(() => {
  const event = new MessageEvent("message", { source: window });
  assert_equals(event.source, window);
}, "source can be a window");

test(() => {
  const event = new MessageEvent(5);
  assert_equals(event.type, "5");
}, "the type is converted to a string");

test(t => {
  const event = new MessageEvent("message", { data: "hello", origin: "http://x.test" });
  let seen = null;
  const listener = e => {
    seen = { same: e === event, data: e.data, origin: e.origin, trusted: e.isTrusted,
             target: e.target };
  };
  window.addEventListener("message", listener);
  t.add_cleanup(() => window.removeEventListener("message", listener));
  assert_true(window.dispatchEvent(event));
  assert_not_equals(seen, null, "the listener ran synchronously");
  assert_true(seen.same, "the listener got the dispatched event");
  assert_equals(seen.data, "hello");
  assert_equals(seen.origin, "http://x.test");
  assert_false(seen.trusted);
  assert_equals(seen.target, window);
}, "a constructed MessageEvent can be dispatched on window");
