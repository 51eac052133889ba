// META: title=Transferring MessagePorts: through postMessage, structuredClone and other ports
"use strict";

function next_event(target, type) {
  return new Promise(resolve => target.addEventListener(type, resolve, { once: true }));
}

function after_queued_tasks() {
  return new Promise(resolve => setTimeout(resolve, 0));
}

test(() => {
  const { port1 } = new MessageChannel();
  assert_throws_dom("DataCloneError", () => port1.postMessage(null, [port1]));
  assert_throws_dom("DataCloneError", () => port1.postMessage(null, { transfer: [port1] }));
}, "a port cannot transfer itself");

test(() => {
  const { port1 } = new MessageChannel();
  const other = new MessageChannel();
  assert_throws_dom("DataCloneError", () => port1.postMessage(other.port1));
  assert_throws_dom("DataCloneError", () => postMessage({ port: other.port1 }, "*"));
  assert_throws_dom("DataCloneError", () => structuredClone(other.port1));
}, "a MessagePort in the message but not in the transfer list is a DataCloneError");

test(() => {
  const { port1 } = new MessageChannel();
  const other = new MessageChannel();
  assert_throws_dom("DataCloneError", () => port1.postMessage(null, [other.port1, other.port1]));
  assert_throws_dom("DataCloneError", () => postMessage(null, "*", [other.port2, other.port2]));
}, "a port listed twice is a DataCloneError");

test(() => {
  const other = new MessageChannel();
  structuredClone(other.port1, { transfer: [other.port1] });
  assert_throws_dom("DataCloneError", () => structuredClone(other.port1, { transfer: [other.port1] }));
  assert_throws_dom("DataCloneError", () => postMessage(null, "*", [other.port1]));
}, "a port that was transferred is detached and cannot be transferred again");

test(() => {
  const other = new MessageChannel();
  const buffer = new ArrayBuffer(8);
  assert_throws_dom("DataCloneError", () => postMessage({ buffer, f() {} }, "*", [buffer, other.port1]));
  assert_equals(buffer.byteLength, 8, "the buffer is not detached");
  structuredClone(other.port1, { transfer: [other.port1] });
}, "a failed serialization transfers nothing");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const moved = structuredClone(port2, { transfer: [port2] });
  assert_true(moved instanceof MessagePort, "a MessagePort");
  assert_not_equals(moved, port2, "a new object");
  const event = next_event(moved, "message");
  moved.start();
  port1.postMessage("through the moved port");
  assert_equals((await event).data, "through the moved port");
}, "structuredClone() with transfer gives a new port, still entangled");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage("first");
  port1.postMessage("second");
  const moved = structuredClone(port2, { transfer: [port2] });
  port1.postMessage("third");
  const received = [];
  moved.onmessage = e => received.push(e.data);
  await after_queued_tasks();
  await after_queued_tasks();
  assert_array_equals(received, ["first", "second", "third"]);
}, "messages posted to a port before it is transferred arrive at its new home, in order");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const event = next_event(window, "message");
  postMessage({ port: port2, note: "here" }, "*", [port2]);
  const e = await event;
  assert_equals(e.ports.length, 1, "one port");
  assert_true(Object.isFrozen(e.ports), "frozen");
  assert_true(e.ports[0] instanceof MessagePort, "a MessagePort");
  assert_equals(e.data.port, e.ports[0], "the same object in data and ports");
  const reply = next_event(port1, "message");
  port1.start();
  e.ports[0].postMessage("reply");
  assert_equals((await reply).data, "reply");
}, "window.postMessage transfers a port: event.ports, the same object as in data");

promise_test(async () => {
  const carrier = new MessageChannel();
  const inner = new MessageChannel();
  const event = next_event(carrier.port2, "message");
  carrier.port2.start();
  carrier.port1.postMessage("ports", [inner.port1, inner.port2]);
  const e = await event;
  assert_equals(e.data, "ports");
  assert_equals(e.ports.length, 2, "two ports, in transfer order");
  const [a, b] = e.ports;
  const got = next_event(b, "message");
  b.start();
  a.postMessage("a to b");
  assert_equals((await got).data, "a to b", "the transferred ports are still entangled");
}, "a port's postMessage transfers other ports");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  let delivered = false;
  port2.onmessage = () => { delivered = true; };
  port1.postMessage("doomed", [port2]);
  await after_queued_tasks();
  await after_queued_tasks();
  assert_false(delivered, "the message is not delivered");
}, "transferring the target port through its own channel loses the message");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const moved = structuredClone(port2, { transfer: [port2] });
  const received = [];
  moved.onmessage = e => received.push(e.data);
  let oldGot = false;
  port2.onmessage = () => { oldGot = true; };
  port2.postMessage("from the old object");   // detached: entangled with nothing
  port2.close();                               // detached: nothing to disentangle
  port2.start();
  port1.postMessage("to the moved port");
  await new Promise(resolve => setTimeout(resolve, 0));
  await new Promise(resolve => setTimeout(resolve, 0));
  assert_array_equals(received, ["to the moved port"], "the moved port still works");
  assert_false(oldGot, "the old object receives nothing");
  const back = next_event(port1, "message");
  port1.start();
  moved.postMessage("reply");
  assert_equals((await back).data, "reply", "and the channel still works the other way");
}, "the object a port was transferred from is detached: posting, start() and close() on it do nothing to the channel");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  let oldListener = 0;
  port2.addEventListener("message", () => oldListener++);
  port2.start();
  const back = structuredClone(port2, { transfer: [port2] });
  const got = next_event(back, "message");
  back.start();
  port1.postMessage("hi");
  assert_equals((await got).data, "hi");
  await new Promise(resolve => setTimeout(resolve, 0));
  assert_equals(oldListener, 0, "the old object's listener is not the new object's");
}, "a port transferred back into the same window is a new object with no listeners");

promise_test(async () => {
  const iframe = document.createElement("iframe");
  const loaded = next_event(iframe, "load");
  document.body.append(iframe);
  await loaded;
  const { port1, port2 } = new MessageChannel();
  const closed = next_event(port1, "close");
  port1.start();
  iframe.contentWindow.postMessage("take this port", "*", [port2]);
  // The message task is still queued when the document is destroyed with its tasks.
  iframe.remove();
  const e = await closed;
  assert_equals(e.target, port1);
}, "a port in a message whose target document is destroyed before delivery is discarded: its peer gets close");
