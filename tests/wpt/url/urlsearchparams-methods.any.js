// META: title=URLSearchParams: size, append, delete, get, getAll, has, set, sort, toString
// Written from the URL Standard: https://url.spec.whatwg.org/#interface-urlsearchparams
"use strict";

test(() => {
  const params = new URLSearchParams("a=1");
  assert_equals(params.size, 1);
  params.append("a", "2");
  params.append("b c", "d&e");
  assert_equals(params.size, 3);
  assert_equals(params.toString(), "a=1&a=2&b+c=d%26e");
  assert_throws_js(TypeError, () => params.append("x"), "two arguments are required");
  assert_equals(params.append.length, 2);
}, "append() and size");

test(() => {
  const params = new URLSearchParams("a=1&b=2&a=3&a=1");
  params.delete("a", "1");
  assert_equals(params.toString(), "b=2&a=3", "with a value: those pairs only");
  params.delete("a");
  assert_equals(params.toString(), "b=2", "without a value: every pair of that name");
  params.append("c", "undefined");
  params.delete("c", undefined);
  assert_equals(params.toString(), "b=2", "an undefined value is not given");
  params.delete("zz");
  assert_equals(params.toString(), "b=2");
  assert_throws_js(TypeError, () => params.delete(), "one argument is required");
  assert_equals(params.delete.length, 1);
}, "delete(name, value)");

test(() => {
  const params = new URLSearchParams("a=1&b=2&a=3");
  assert_equals(params.get("a"), "1", "the first");
  assert_equals(params.get("z"), null);
  assert_array_equals(params.getAll("a"), ["1", "3"]);
  assert_array_equals(params.getAll("z"), []);
  assert_true(Array.isArray(params.getAll("a")));
  assert_throws_js(TypeError, () => params.get(), "get needs an argument");
  assert_throws_js(TypeError, () => params.getAll(), "getAll needs an argument");
}, "get() and getAll()");

test(() => {
  const params = new URLSearchParams("a=1&b=2");
  assert_true(params.has("a"));
  assert_false(params.has("c"));
  assert_true(params.has("a", "1"));
  assert_false(params.has("a", "2"));
  assert_true(params.has("a", undefined), "an undefined value is not given");
  assert_throws_js(TypeError, () => params.has(), "one argument is required");
}, "has(name, value)");

test(() => {
  const params = new URLSearchParams("a=1&b=2&a=3&c=4&a=5");
  params.set("a", "x");
  assert_equals(params.toString(), "a=x&b=2&c=4", "the first pair keeps its place, the others go");
  params.set("d", "y");
  assert_equals(params.toString(), "a=x&b=2&c=4&d=y", "a new name is appended");
  assert_throws_js(TypeError, () => params.set("a"), "two arguments are required");
}, "set(name, value)");

test(() => {
  const params = new URLSearchParams("z=1&a=2&\uFFFD=3&\uD83D\uDE00=4&a=5&b=6");
  params.sort();
  assert_equals([...params.keys()].join(","), "a,a,b,z,\uD83D\uDE00,\uFFFD", "by code units: a surrogate pair sorts before U+FFFD");
  assert_array_equals(params.getAll("a"), ["2", "5"], "stable");
}, "sort(): stable, by UTF-16 code units");

test(() => {
  const params = new URLSearchParams();
  params.append("\u00e9 ~!*'()", "a+b=c/d?e");
  assert_equals(params.toString(), "%C3%A9+%7E%21*%27%28%29=a%2Bb%3Dc%2Fd%3Fe");
  assert_equals(String(params), params.toString(), "the stringifier");
  params.append("\uD800", "");
  assert_equals(params.toString().split("&")[1], "%EF%BF%BD=", "a lone surrogate is U+FFFD");
}, "toString(): the application/x-www-form-urlencoded serializer");

test(() => {
  const params = new URLSearchParams("a=1");
  assert_throws_js(TypeError, () => URLSearchParams.prototype.get.call({}, "a"), "this must be a URLSearchParams");
  assert_throws_js(TypeError, () => Object.getOwnPropertyDescriptor(URLSearchParams.prototype, "size").get.call(new URL("http://a.test/")));
  assert_equals(Object.prototype.toString.call(params), "[object URLSearchParams]");
  for (const [name, length] of [["append", 2], ["delete", 1], ["get", 1], ["getAll", 1], ["has", 1], ["set", 2], ["sort", 0], ["toString", 0], ["entries", 0], ["keys", 0], ["values", 0], ["forEach", 1]]) {
    const d = Object.getOwnPropertyDescriptor(URLSearchParams.prototype, name);
    assert_equals(typeof d.value, "function", name);
    assert_equals(d.value.length, length, `${name}'s length`);
    assert_true(d.enumerable && d.writable && d.configurable, `${name}'s descriptor`);
  }
}, "the members check this, and their shape");
