// META: title=Window: the interface object, Window.prototype and the named properties object
// Spec: https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-window-object and
// https://webidl.spec.whatwg.org/#named-properties-object
"use strict";

test(() => {
  assert_equals(typeof Window, "function");
  assert_equals(Window.name, "Window");
  assert_equals(Window.length, 0);
  assert_throws_js(TypeError, () => new Window(), "no constructor");
  assert_throws_js(TypeError, () => Window(), "not callable");
  const d = Object.getOwnPropertyDescriptor(self, "Window");
  assert_true(d.writable);
  assert_false(d.enumerable);
  assert_true(d.configurable);
  assert_equals(Object.getPrototypeOf(Window), EventTarget, "inherits from EventTarget");
}, "the Window interface object");

test(() => {
  assert_true(window instanceof Window);
  assert_true(window instanceof EventTarget);
  assert_equals(Object.getPrototypeOf(window), Window.prototype);
  assert_equals(Window.prototype.constructor, Window);
  assert_array_equals(Object.getOwnPropertyNames(Window.prototype), ["constructor"],
                      "[Global]: the members are on the window itself");
  assert_equals(Window.prototype[Symbol.toStringTag], "Window");
  assert_class_string(window, "Window");
  assert_equals(String(window), "[object Window]");
}, "Window.prototype and the window's class string");

test(() => {
  const named = Object.getPrototypeOf(Window.prototype);
  assert_not_equals(named, EventTarget.prototype);
  assert_equals(Object.getPrototypeOf(named), EventTarget.prototype);
  assert_equals(Object.prototype.toString.call(named), "[object WindowProperties]");
  const tag = Object.getOwnPropertyDescriptor(named, Symbol.toStringTag);
  assert_false(tag.writable);
  assert_false(tag.enumerable);
  assert_true(tag.configurable);
  assert_false("WindowProperties" in self, "it has no interface object");
}, "the named properties object sits between Window.prototype and EventTarget.prototype");

test(() => {
  assert_true(location instanceof Location);
  assert_equals(Object.getPrototypeOf(Location.prototype), Object.prototype);
  assert_equals(Location.prototype[Symbol.toStringTag], "Location");
  assert_class_string(location, "Location");
}, "Location is exposed too");
