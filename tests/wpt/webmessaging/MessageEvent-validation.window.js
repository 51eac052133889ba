// META: title=MessageEvent: MessageEventInit conversions and initMessageEvent()
"use strict";
// HTML's MessageEvent: source is a MessageEventSource? ((WindowProxy or MessagePort or
// ServiceWorker)?), ports a sequence<MessagePort>; dictionary members are read inherited
// first (EventInit), then in lexicographic order; initMessageEvent() is initEvent() with
// the MessageEvent's attributes.

test(() => {
  const event = new MessageEvent("m");
  assert_equals(event.target, null);
  assert_equals(event.currentTarget, null);
  assert_equals(event.data, null);
  assert_equals(event.origin, "");
  assert_equals(event.lastEventId, "");
  assert_equals(event.source, null);
  assert_true(Array.isArray(event.ports));
  assert_equals(event.ports.length, 0);
  assert_true(Object.isFrozen(event.ports));
  assert_equals(event.ports, event.ports, "the same array each time");
}, "the defaults: data null, origin and lastEventId empty, source null, ports empty");

for (const [label, value] of [["a plain object", {}], ["a number", 5], ["a string", "w"],
                              ["an Event", new Event("x")], ["a document", document],
                              ["a function", () => {}]]) {
  test(() => {
    assert_throws_js(TypeError, () => new MessageEvent("m", { source: value }));
  }, `source: ${label} is a TypeError`);
}

test(() => {
  assert_equals(new MessageEvent("m", { source: window }).source, window);
  const { port1 } = new MessageChannel();
  assert_equals(new MessageEvent("m", { source: port1 }).source, port1);
  assert_equals(new MessageEvent("m", { source: null }).source, null);
  assert_equals(new MessageEvent("m", { source: undefined }).source, null);
}, "source: a WindowProxy, a MessagePort, null or undefined");

test(t => {
  const iframe = document.createElement("iframe");
  document.body.appendChild(iframe);
  t.add_cleanup(() => iframe.remove());
  const child = iframe.contentWindow;
  assert_equals(new MessageEvent("m", { source: child }).source, child);
}, "source: another window's WindowProxy");

test(() => {
  const { port1, port2 } = new MessageChannel();
  const event = new MessageEvent("m", { ports: [port1, port2] });
  assert_array_equals(event.ports, [port1, port2]);
  assert_throws_js(TypeError, () => new MessageEvent("m", { ports: [port1, {}] }));
  assert_throws_js(TypeError, () => new MessageEvent("m", { ports: [window] }));
  assert_throws_js(TypeError, () => new MessageEvent("m", { ports: null }));
  assert_throws_js(TypeError, () => new MessageEvent("m", { ports: 5 }));
  assert_throws_js(TypeError, () => new MessageEvent("m", { ports: {} }));
}, "ports: a sequence of MessagePorts, or a TypeError");

test(() => {
  const log = [];
  const init = {};
  for (const name of ["source", "ports", "origin", "lastEventId", "data", "composed", "cancelable", "bubbles"]) {
    Object.defineProperty(init, name, { get() { log.push(name); return undefined; } });
  }
  new MessageEvent("m", init);
  assert_array_equals(log, ["bubbles", "cancelable", "composed", "data", "lastEventId", "origin", "ports", "source"]);
}, "MessageEventInit's members are read inherited first, then in lexicographic order");

test(() => {
  const log = [];
  const init = {
    get ports() { log.push("ports"); return [{}]; },
    get source() { log.push("source"); return null; },
  };
  assert_throws_js(TypeError, () => new MessageEvent("m", init));
  assert_array_equals(log, ["ports"], "source is not read after ports failed");
}, "a bad ports member throws before source is read");

test(() => {
  assert_equals(MessageEvent.prototype.initMessageEvent.length, 1);
  const event = new MessageEvent("m", { data: 1, origin: "o", lastEventId: "i", source: window });
  assert_throws_js(TypeError, () => event.initMessageEvent());
  event.initMessageEvent("t");
  assert_equals(event.type, "t");
  assert_false(event.bubbles);
  assert_false(event.cancelable);
  assert_equals(event.data, null);
  assert_equals(event.origin, "");
  assert_equals(event.lastEventId, "");
  assert_equals(event.source, null);
  assert_equals(event.ports.length, 0);
}, "initMessageEvent(type) sets every attribute to its default");

test(() => {
  const { port1, port2 } = new MessageChannel();
  const event = new MessageEvent("m");
  const data = { a: 1 };
  event.initMessageEvent("u", true, true, data, "origin", "id", port1, [port2]);
  assert_equals(event.type, "u");
  assert_true(event.bubbles);
  assert_true(event.cancelable);
  assert_equals(event.data, data);
  assert_equals(event.origin, "origin");
  assert_equals(event.lastEventId, "id");
  assert_equals(event.source, port1);
  assert_array_equals(event.ports, [port2]);
  assert_true(Object.isFrozen(event.ports));
}, "initMessageEvent() with every argument");

test(() => {
  const event = new MessageEvent("m", { data: 1 });
  assert_throws_js(TypeError, () => event.initMessageEvent("u", true, true, 2, "o", "i", {}, []));
  assert_throws_js(TypeError, () => event.initMessageEvent("u", true, true, 2, "o", "i", null, [{}]));
  assert_equals(event.type, "m", "nothing changed");
  assert_equals(event.data, 1, "nothing changed");
  event.initMessageEvent("u", true, true, 2, "o", "i", null, undefined);
  assert_equals(event.ports.length, 0);
}, "initMessageEvent() converts its arguments first: a bad source or port changes nothing");

test(() => {
  const event = new MessageEvent("m");
  event.preventDefault();
  event.stopPropagation();
  event.initMessageEvent("m2", false, true);
  assert_false(event.defaultPrevented, "the canceled flag is unset");
  assert_false(event.isTrusted);
  assert_equals(event.target, null);
}, "initMessageEvent() initializes the event as initEvent() does");

test(t => {
  let seen = null;
  const listener = e => {
    e.initMessageEvent("changed", true, true, "data");
    seen = [e.type, e.data];
  };
  window.addEventListener("validation-dispatch", listener);
  t.add_cleanup(() => window.removeEventListener("validation-dispatch", listener));
  window.dispatchEvent(new MessageEvent("validation-dispatch", { data: "original" }));
  assert_array_equals(seen, ["validation-dispatch", "original"]);
}, "initMessageEvent() during dispatch does nothing");

test(() => {
  const init = MessageEvent.prototype.initMessageEvent;
  assert_throws_js(TypeError, () => init.call(new Event("x"), "t"));
  assert_throws_js(TypeError, () => init.call({}, "t"));
  const data = Object.getOwnPropertyDescriptor(MessageEvent.prototype, "data").get;
  assert_throws_js(TypeError, () => data.call(new Event("x")));
}, "MessageEvent members on an object that is no MessageEvent throw a TypeError");
