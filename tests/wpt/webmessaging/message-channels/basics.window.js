// META: title=MessageChannel and MessagePort: entangled ports, the port message queue, start() and close()
"use strict";

/** Resolves after the tasks already queued have run (a task queued after them). */
function after_queued_tasks() {
  return new Promise(resolve => setTimeout(resolve, 0));
}

/** Resolves with the next event of `type` at `target`. */
function next_event(target, type) {
  return new Promise(resolve => target.addEventListener(type, resolve, { once: true }));
}

test(() => {
  const channel = new MessageChannel();
  assert_true(channel.port1 instanceof MessagePort, "port1 is a MessagePort");
  assert_true(channel.port2 instanceof MessagePort, "port2 is a MessagePort");
  assert_true(channel.port1 instanceof EventTarget, "a MessagePort is an EventTarget");
  assert_not_equals(channel.port1, channel.port2);
  assert_equals(channel.port1, channel.port1, "port1 is the same object every time");
  assert_equals(Object.prototype.toString.call(channel), "[object MessageChannel]");
  assert_equals(Object.prototype.toString.call(channel.port1), "[object MessagePort]");
}, "new MessageChannel() has two distinct MessagePorts");

test(() => {
  assert_throws_js(TypeError, () => new MessagePort(), "MessagePort has no constructor");
  assert_throws_js(TypeError, () => MessageChannel(), "called without new");
  assert_equals(MessageChannel.length, 0);
  assert_equals(MessagePort.prototype.postMessage.length, 1);
  assert_equals(MessagePort.prototype.start.length, 0);
  assert_equals(MessagePort.prototype.close.length, 0);
  assert_equals(Object.getPrototypeOf(MessagePort.prototype), EventTarget.prototype);
  for (const name of ["onmessage", "onmessageerror", "onclose"]) {
    const descriptor = Object.getOwnPropertyDescriptor(MessagePort.prototype, name);
    assert_equals(typeof descriptor.set, "function", `${name} has a setter`);
  }
}, "the shape of MessageChannel and MessagePort");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const received = [];
  port2.addEventListener("message", e => received.push(e.data));
  port1.postMessage("one");
  port1.postMessage("two");
  await after_queued_tasks();
  assert_array_equals(received, [], "nothing arrives before the port is started");
  const both = new Promise(resolve => port2.addEventListener("message", () => {
    if (received.length === 2) resolve();
  }));
  port2.start();
  port2.start();
  await both;
  await after_queued_tasks();
  await after_queued_tasks();
  assert_array_equals(received, ["one", "two"], "then every message, once, in order");
}, "messages wait in a port message queue until start(), then arrive in order, once");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const event = next_event(port2, "message");
  port2.onmessage = () => {};
  port1.postMessage({ n: 1, list: [1, 2] });
  const e = await event;
  assert_true(e instanceof MessageEvent, "a MessageEvent");
  assert_object_equals(e.data, { n: 1, list: [1, 2] }, "the data, cloned");
  assert_equals(e.origin, "", "origin");
  assert_equals(e.lastEventId, "", "lastEventId");
  assert_equals(e.source, null, "source");
  assert_true(Array.isArray(e.ports) && e.ports.length === 0, "ports is an empty array");
  assert_true(Object.isFrozen(e.ports), "ports is frozen");
  assert_equals(e.target, port2, "target");
  assert_true(e.isTrusted, "isTrusted");
  assert_false(e.bubbles, "bubbles");
  assert_false(e.cancelable, "cancelable");
}, "setting onmessage starts the port; the MessageEvent's fields");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const sent = { nested: { value: 1 } };
  const event = next_event(port2, "message");
  port2.start();
  port1.postMessage(sent);
  sent.nested.value = 2;
  const e = await event;
  assert_equals(e.data.nested.value, 1, "a structured clone taken when posting");
  assert_not_equals(e.data, sent);
}, "the message is cloned when it is posted");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const order = [];
  port1.onmessage = e => order.push(`port1 got ${e.data}`);
  port2.onmessage = e => {
    order.push(`port2 got ${e.data}`);
    if (e.data === "ping") port2.postMessage("pong");
  };
  port1.postMessage("ping");
  await next_event(port1, "message");
  assert_array_equals(order, ["port2 got ping", "port1 got pong"]);
}, "both ends post and receive");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  port2.start();
  const closed = next_event(port2, "close");
  port1.close();
  const e = await closed;
  assert_equals(e.constructor, Event, "a plain Event");
  assert_equals(e.target, port2, "fired at the other port");
  assert_false(e.bubbles, "does not bubble");
  assert_false(e.cancelable, "not cancelable");
  assert_true(e.isTrusted, "trusted");
}, "close() fires close at the entangled port");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  let closes = 0;
  port2.onclose = () => closes++;
  port2.start();
  port1.close();
  port1.close();
  await after_queued_tasks();
  await after_queued_tasks();
  assert_equals(closes, 1, "one close event");
  port2.close();
  await after_queued_tasks();
  assert_equals(closes, 1, "closing the other end too fires nothing more");
}, "close() is idempotent and the close event fires once");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const received = [];
  port2.onmessage = e => received.push(e.data);
  port1.postMessage("before close");
  port1.close();
  port1.postMessage("after close");
  await after_queued_tasks();
  await after_queued_tasks();
  assert_array_equals(received, ["before close"], "what was posted before close() still arrives");
  const { port1: a, port2: b } = new MessageChannel();
  let got = false;
  a.onmessage = () => { got = true; };
  a.close();
  b.postMessage("to a closed port");
  await after_queued_tasks();
  assert_false(got, "a closed port receives nothing");
}, "after close(), posting does nothing and throws nothing");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = [];
  port2.onclose = () => log.push("close");
  port1.postMessage("m1");
  port1.postMessage("m2");
  port1.close();
  await after_queued_tasks();
  await after_queued_tasks();
  assert_array_equals(log, [], "nothing, not even close, before the port is started");
  const closed = next_event(port2, "close");
  port2.onmessage = e => log.push(e.data);
  await closed;
  assert_array_equals(log, ["m1", "m2", "close"], "the messages, then close");
}, "the close event waits in the port message queue, after the messages posted before it");
