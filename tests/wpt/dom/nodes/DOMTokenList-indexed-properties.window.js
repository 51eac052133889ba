// META: title=DOMTokenList as a legacy platform object with an indexed property getter
// Spec: https://webidl.spec.whatwg.org/#es-legacy-platform-objects
"use strict";

function list_of(className) {
  const div = document.createElement("div");
  div.setAttribute("class", className);
  return div.classList;
}

test(() => {
  const list = list_of("a b");
  const d = Object.getOwnPropertyDescriptor(list, 0);
  assert_equals(d.value, "a");
  assert_false(d.writable, "no indexed property setter: not writable");
  assert_true(d.enumerable);
  assert_true(d.configurable);
  assert_equals(Object.getOwnPropertyDescriptor(list, 2), undefined, "not a supported index");
  assert_true(list.hasOwnProperty(1));
  assert_false(list.hasOwnProperty(2));
  assert_true(0 in list);
  assert_false(2 in list);
  assert_true("add" in list, "the prototype's members");
}, "supported property indices are own, enumerable, configurable, non-writable properties");

test(() => {
  const list = list_of("a b");
  list.expando = 1;
  list[Symbol.for("s")] = 2;
  assert_array_equals(Object.getOwnPropertyNames(list), ["0", "1", "expando"]);
  assert_array_equals(Reflect.ownKeys(list), ["0", "1", "expando", Symbol.for("s")]);
  assert_array_equals(Object.keys(list), ["0", "1", "expando"]);
  const keys = [];
  for (const key in list) {
    keys.push(key);
  }
  assert_equals(keys.slice(0, 3).join(), "0,1,expando", "for-in: own keys first");
  assert_equals(list.expando, 1);
  list.className = "ignored";
  assert_equals(list.length, 2, "expandos do not touch the set");
}, "[[OwnPropertyKeys]]: the indices, then the own properties; expandos work");

test(() => {
  const list = list_of("a b");
  // (This file is strict code; a Function's body is sloppy.)
  const sloppy_set = Function("list", "key", "list[key] = 'z'; return list[key];");
  assert_equals(sloppy_set(list, 0), "a", "sloppy assignment to a supported index is ignored");
  assert_equals(sloppy_set(list, 5), undefined, "nor can an unsupported index be created");
  assert_throws_js(TypeError, () => { "use strict"; list[0] = "z"; });
  assert_throws_js(TypeError, () => { "use strict"; list[5] = "z"; });
  assert_throws_js(TypeError, () => Object.defineProperty(list, "0", { value: "z" }));
  assert_throws_js(TypeError, () => Object.defineProperty(list, "7", { value: "z" }));
  // (Chromium returns true from the next two; Web IDL's [[DefineOwnProperty]] and [[Set]]
  // return false, as upstream WebIDL/ecmascript-binding/legacy-platform-object tests check.)
  assert_false(Reflect.defineProperty(list, "7", { value: "z", configurable: true }));
  assert_true(Reflect.defineProperty(list, "named", { value: "z", configurable: true }));
  assert_equals(list.named, "z");
  assert_false(Reflect.set(list, 0, "z"));
  assert_equals(list[0], "a");
}, "[[Set]] and [[DefineOwnProperty]] refuse array indices");

test(() => {
  const list = list_of("a b");
  const sloppy_delete = Function("list", "key", "return delete list[key];");
  assert_false(sloppy_delete(list, 0), "a supported index cannot be deleted");
  assert_equals(list[0], "a");
  assert_true(sloppy_delete(list, 9), "an unsupported index is not there");
  assert_throws_js(TypeError, () => { "use strict"; delete list[1]; });
  list.named = 1;
  assert_true(delete list.named);
  assert_false("named" in list);
}, "[[Delete]]");

test(() => {
  const list = list_of("a");
  assert_throws_js(TypeError, () => Object.preventExtensions(list));
  assert_false(Reflect.preventExtensions(list));
  assert_true(Object.isExtensible(list));
  assert_throws_js(TypeError, () => Object.freeze(list));
}, "[[PreventExtensions]] returns false");

test(() => {
  const div = document.createElement("div");
  const list = div.classList;
  assert_equals(list[0], undefined);
  div.className = "p";
  assert_equals(list[0], "p", "a live view of the attribute");
  assert_equals(Object.getOwnPropertyDescriptor(list, 0).value, "p");
  div.className = "";
  assert_false(0 in list);
}, "the indexed properties are live");
