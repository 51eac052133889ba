// META: title=Web IDL: operations and attributes check their this value
"use strict";
// Web IDL, "create an operation function" and "attribute getter/setter", steps 1-4: a null
// or undefined this is the function's realm's global object; anything that does not
// implement the interface is a TypeError; a WindowProxy stands for its Window.

function same_origin_frame(t) {
  const iframe = document.createElement("iframe");
  document.body.appendChild(iframe);
  t.add_cleanup(() => iframe.remove());
  return iframe.contentWindow;
}

function getter(object, name) {
  for (let o = object; o !== null; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    if (d) {
      return d.get;
    }
  }
  throw new Error(`no ${name}`);
}

test(() => {
  const get = getter(Node.prototype, "nodeName");
  assert_throws_js(TypeError, () => get.call({}));
  assert_throws_js(TypeError, () => get.call(window));
  assert_throws_js(TypeError, () => get.call(new Event("x")));
  assert_throws_js(TypeError, () => get.call(undefined));
  assert_throws_js(TypeError, () => get.call(5));
  assert_equals(get.call(document.body), "BODY");
}, "a Node getter on a non-Node throws a TypeError");

test(() => {
  const append = Node.prototype.appendChild;
  assert_throws_js(TypeError, () => append.call({}, document.createElement("p")));
  assert_throws_js(TypeError, () => append.call(Object.create(Node.prototype), document.createElement("p")));
}, "a Node operation on a non-Node (even one inheriting from Node.prototype) throws a TypeError");

test(() => {
  const get = getter(Event.prototype, "type");
  assert_throws_js(TypeError, () => get.call(Object.create(Event.prototype)));
  assert_throws_js(TypeError, () => get.call(document));
  assert_equals(get.call(new MessageEvent("m")), "m");
}, "an Event getter checks its this, and takes a subclass instance");

test(() => {
  const add = EventTarget.prototype.addEventListener;
  assert_throws_js(TypeError, () => add.call({}, "x", () => {}));
  assert_throws_js(TypeError, () => add.call(new Event("x"), "x", () => {}));
  assert_throws_js(TypeError, () => EventTarget.prototype.dispatchEvent.call({}, new Event("x")));
}, "EventTarget operations on an object that is no EventTarget throw a TypeError");

test(t => {
  let fired = 0;
  const listener = () => { fired++; };
  EventTarget.prototype.addEventListener.call(undefined, "this-check", listener);
  t.add_cleanup(() => removeEventListener("this-check", listener));
  window.dispatchEvent(new Event("this-check"));
  assert_equals(fired, 1);
}, "an undefined this of an EventTarget operation is the function's global");

test(() => {
  const get = Object.getOwnPropertyDescriptor(window, "origin").get;
  assert_throws_js(TypeError, () => get.call({}));
  assert_throws_js(TypeError, () => get.call(Object.create(window)));
  assert_throws_js(TypeError, () => get.call(document));
  assert_equals(get.call(undefined), location.origin);
  assert_equals(get.call(null), location.origin);
  assert_throws_js(TypeError, () => window.postMessage.call({}, "x", "*"));
  assert_throws_js(TypeError, () => window.queueMicrotask.call(document, () => {}));
}, "Window members throw a TypeError on an object that is no Window, and take null/undefined as the global");

test(t => {
  const child = same_origin_frame(t);
  const get = Object.getOwnPropertyDescriptor(window, "document").get;
  assert_equals(get.call(child), child.document);
  assert_not_equals(get.call(child), document);
  assert_equals(get.call(window), document);
}, "the document getter called on another same-origin window returns that window's document");

test(t => {
  const child = same_origin_frame(t);
  const get = Object.getOwnPropertyDescriptor(window, "length").get;
  assert_equals(get.call(child), 0);
  assert_equals(get.call(window), window.length);
  const parent_of = Object.getOwnPropertyDescriptor(window, "parent").get;
  assert_equals(parent_of.call(child), window);
}, "Window getters act on their this window");

promise_test(async t => {
  const child = same_origin_frame(t);
  const received = new Promise(resolve => child.addEventListener("message", resolve, { once: true }));
  window.postMessage.call(child, "to the child", "*");
  const event = await received;
  assert_equals(event.data, "to the child");
  // The source as the child's realm names this window.
  assert_equals(event.source, child.eval("parent"));
  assert_equals(event.origin, location.origin);
}, "window.postMessage.call(otherWindow) posts to otherWindow");

test(t => {
  const child = same_origin_frame(t);
  const add = child.EventTarget.prototype.addEventListener;
  let fired = 0;
  add.call(window, "this-check-2", () => { fired++; });
  window.dispatchEvent(new Event("this-check-2"));
  assert_equals(fired, 1);
}, "another realm's EventTarget operation takes this window as this");

test(t => {
  const set = Object.getOwnPropertyDescriptor(window, "origin").set;
  assert_throws_js(TypeError, () => set.call({}, "x"));
  assert_throws_js(TypeError, () => set.call(Object.create(window), "x"));
  assert_throws_js(TypeError, () => set.call(document.body, "x"));
  const holder = {};
  assert_false(Object.prototype.hasOwnProperty.call(holder, "origin"));
}, "a [Replaceable] setter checks its this before defining anything");

test(() => {
  const now = Object.getOwnPropertyDescriptor(Performance.prototype, "now")
    ? Performance.prototype.now
    : performance.now;
  assert_throws_js(TypeError, () => now.call({}));
  assert_equals(typeof now.call(performance), "number");
}, "an operation of another interface (Performance) checks its this");

test(() => {
  const name = Object.getOwnPropertyDescriptor(DOMException.prototype, "name").get;
  assert_throws_js(TypeError, () => name.call({}));
  assert_throws_js(TypeError, () => name.call(new Error("x")));
  assert_equals(name.call(new DOMException("m", "SyntaxError")), "SyntaxError");
}, "DOMException getters check their this");
