// META: title=MessageEvent's ports: a frozen array of MessagePorts, the same array on every read
"use strict";

test(() => {
  const { port1, port2 } = new MessageChannel();
  const e = new MessageEvent("message", { ports: [port1, port2] });
  assert_true(Array.isArray(e.ports), "an array");
  assert_true(Object.isFrozen(e.ports), "frozen");
  assert_equals(e.ports.length, 2);
  assert_equals(e.ports[0], port1);
  assert_equals(e.ports[1], port2);
  assert_equals(e.ports, e.ports, "the same array on every read");
}, "MessageEventInit's ports become the event's frozen ports array");

test(() => {
  const e = new MessageEvent("message");
  assert_array_equals(e.ports, [], "empty by default");
  assert_true(Object.isFrozen(e.ports));
  assert_equals(e.ports, e.ports, "the same array on every read");
  assert_not_equals(new MessageEvent("message").ports, e.ports, "each event has its own");
}, "without ports, an empty frozen array of the event's own");

test(() => {
  assert_throws_js(TypeError, () => new MessageEvent("message", { ports: [{}] }));
  assert_throws_js(TypeError, () => new MessageEvent("message", { ports: [window] }));
  assert_throws_js(TypeError, () => new MessageEvent("message", { ports: { length: 1, 0: null } }));
}, "ports must be a sequence of MessagePorts");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const carrier = new MessageChannel();
  const received = new Promise(resolve => { carrier.port2.onmessage = resolve; });
  carrier.port1.postMessage(null, [port1]);
  const e = await received;
  assert_equals(e.ports, e.ports, "the same array on every read");
  assert_true(Object.isFrozen(e.ports));
  assert_true(e.ports[0] instanceof MessagePort);
  assert_not_equals(e.ports[0], port1, "a new MessagePort object");
}, "a received message's ports array is the same on every read");
