// META: title=The shape of the Window's members, Location and the console namespace
// The property descriptors and function lengths Web IDL gives the Window's members
// ([LegacyUnforgeable], [Replaceable], [PutForwards]), the Location interface (every member
// [LegacyUnforgeable]) and the console namespace.
"use strict";

function accessor(object, name) {
  const descriptor = Object.getOwnPropertyDescriptor(object, name);
  assert_not_equals(descriptor, undefined, `${name} is an own property`);
  assert_equals(typeof descriptor.get, "function", `${name} has a getter`);
  assert_equals(descriptor.get.name, `get ${name}`, `${name}'s getter's name`);
  assert_equals(descriptor.get.length, 0, `${name}'s getter's length`);
  assert_true(descriptor.enumerable, `${name} is enumerable`);
  return descriptor;
}

function method(object, name, length) {
  const descriptor = Object.getOwnPropertyDescriptor(object, name);
  assert_not_equals(descriptor, undefined, `${name} is an own property`);
  assert_equals(typeof descriptor.value, "function", `${name} is a data property`);
  assert_equals(descriptor.value.name, name, `${name}'s name`);
  assert_equals(descriptor.value.length, length, `${name}'s length`);
  assert_true(descriptor.enumerable, `${name} is enumerable`);
  return descriptor;
}

test(() => {
  for (const name of ["window", "document", "top"]) {
    const descriptor = accessor(window, name);
    assert_equals(descriptor.set, undefined, `${name} is readonly`);
    assert_false(Reflect.deleteProperty(window, name), `${name} cannot be deleted`);
  }
  assert_equals(window.window, window);
}, "window, document and top are [LegacyUnforgeable] readonly attributes");

test(() => {
  // The WindowProxy's [[GetOwnProperty]] returns the Window's own descriptor as it is.
  for (const name of ["window", "document", "top", "location"]) {
    assert_false(Object.getOwnPropertyDescriptor(window, name).configurable,
                 `${name} is [LegacyUnforgeable]`);
  }
}, "the Window's [LegacyUnforgeable] attributes are reported non-configurable");

test(() => {
  const descriptor = accessor(window, "location");
  assert_false(Reflect.deleteProperty(window, "location"), "[LegacyUnforgeable]");
  assert_equals(typeof descriptor.set, "function", "[PutForwards=href] has a setter");
  assert_equals(descriptor.set.name, "set location");
  assert_equals(descriptor.set.length, 1);
  assert_equals(descriptor.get.call(window), location);
}, "location is [PutForwards=href, LegacyUnforgeable]");

test(() => {
  for (const name of ["self", "frames", "parent", "length", "origin", "performance"]) {
    const descriptor = accessor(window, name);
    assert_true(descriptor.configurable, `${name} is configurable`);
    assert_equals(typeof descriptor.set, "function", `${name} is [Replaceable]`);
    assert_equals(descriptor.set.name, `set ${name}`);
    assert_equals(descriptor.set.length, 1);
  }
}, "self, frames, parent, length, origin and performance are [Replaceable]");

test(t => {
  const original = Object.getOwnPropertyDescriptor(window, "self");
  t.add_cleanup(() => {
    Object.defineProperty(window, "self", original);
  });
  self = 1;
  const descriptor = Object.getOwnPropertyDescriptor(window, "self");
  assert_equals(descriptor.value, 1, "the value replaces the attribute");
  assert_true(descriptor.writable, "writable");
  assert_true(descriptor.enumerable, "enumerable");
  assert_true(descriptor.configurable, "configurable");
  assert_equals(self, 1);
}, "assigning self = 1 defines an own data property");

test(() => {
  for (const name of ["onmessage", "onmessageerror", "onload", "onerror",
                      "onunhandledrejection", "onrejectionhandled"]) {
    const descriptor = accessor(window, name);
    assert_true(descriptor.configurable, `${name} is configurable`);
    assert_equals(typeof descriptor.set, "function", `${name} has a setter`);
  }
}, "the event handler attributes are accessors on the window");

test(() => {
  const lengths = {
    postMessage: 1,
    queueMicrotask: 1,
    structuredClone: 1,
    setTimeout: 1,
    setInterval: 1,
    clearTimeout: 0,
    clearInterval: 0,
    open: 0,
    close: 0,
  };
  for (const [name, length] of Object.entries(lengths)) {
    const descriptor = method(window, name, length);
    assert_true(descriptor.writable, `${name} is writable`);
    assert_true(descriptor.configurable, `${name} is configurable`);
  }
}, "the Window's operations are writable, enumerable, configurable, with Web IDL lengths");

test(() => {
  assert_equals(typeof Location, "function");
  assert_throws_js(TypeError, () => new Location(), "no constructor");
  assert_equals(Object.getPrototypeOf(location), Location.prototype);
  assert_class_string(location, "Location");
  assert_array_equals(Object.getOwnPropertyNames(Location.prototype), ["constructor"],
                      "Location.prototype has no members: they are all [LegacyUnforgeable]");
}, "Location is an interface without a constructor or members on its prototype");

test(() => {
  for (const name of ["href", "protocol", "host", "hostname", "port", "pathname", "search",
                      "hash"]) {
    // Location's [[GetOwnProperty]] reports its [[DefaultProperties]] as configurable (step
    // 1.2), and its [[DefineOwnProperty]] refuses to redefine them.
    const descriptor = accessor(location, name);
    assert_true(descriptor.configurable, `${name} is reported configurable`);
    assert_false(Reflect.defineProperty(location, name, { value: 1 }),
                 `${name} is [LegacyUnforgeable]`);
    assert_equals(typeof descriptor.set, "function", `${name} has a setter`);
  }
  const origin = accessor(location, "origin");
  assert_false(Reflect.defineProperty(location, "origin", { value: 1 }),
               "origin is [LegacyUnforgeable]");
  assert_equals(origin.set, undefined, "origin is readonly");
  for (const [name, length] of [["assign", 1], ["replace", 1], ["reload", 0],
                                ["toString", 0]]) {
    const descriptor = method(location, name, length);
    assert_false(descriptor.writable, `${name} is not writable`);
    assert_false(Reflect.defineProperty(location, name, { value: 1 }),
                 `${name} is [LegacyUnforgeable]`);
  }
  assert_equals(String(location), location.href, "the stringifier is href");
  assert_false(Reflect.deleteProperty(location, "href"), "href cannot be deleted");
}, "the Location's members are [LegacyUnforgeable] own properties");

test(() => {
  const getter = Object.getOwnPropertyDescriptor(location, "href").get;
  assert_throws_js(TypeError, () => getter.call({}), "a this that is not a Location");
}, "the Location's members check their this value");

test(() => {
  const descriptor = Object.getOwnPropertyDescriptor(window, "console");
  assert_equals(descriptor.value, console);
  assert_true(descriptor.writable, "writable");
  assert_false(descriptor.enumerable, "not enumerable");
  assert_true(descriptor.configurable, "configurable");
}, "console is a namespace object property of the global");

test(() => {
  for (const name of ["log", "info", "debug", "warn", "error"]) {
    const descriptor = method(console, name, 0);
    assert_true(descriptor.writable, `${name} is writable`);
    assert_true(descriptor.configurable, `${name} is configurable`);
  }
  assert_class_string(console, "console");
}, "console's operations are writable, enumerable, configurable data properties");

test(() => {
  const prototype = Object.getPrototypeOf(console);
  assert_not_equals(prototype, Object.prototype, "not Object.prototype itself");
  assert_equals(Object.getPrototypeOf(prototype), Object.prototype);
  assert_array_equals(Reflect.ownKeys(prototype), [], "an empty object");
}, "the console namespace object's [[Prototype]] is an empty object");

test(() => {
  assert_equals(Object.getPrototypeOf(performance), Performance.prototype);
  assert_class_string(performance, "Performance");
  method(Performance.prototype, "now", 0);
  method(Performance.prototype, "toJSON", 0);
  const timeOrigin = accessor(Performance.prototype, "timeOrigin");
  assert_equals(timeOrigin.set, undefined, "timeOrigin is readonly");
  assert_throws_js(TypeError, () => new Performance(), "no constructor");
}, "performance implements the Performance interface");
