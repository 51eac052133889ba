// META: title=new URLSearchParams(init): from a string, a sequence of pairs, a record
// Written from the URL Standard (https://url.spec.whatwg.org/#dom-urlsearchparams-urlsearchparams)
// and Web IDL's union, sequence and record conversions.
"use strict";

function pairs(params) {
  return [...params].map(([k, v]) => `${k}=${v}`).join("|");
}

test(() => {
  assert_equals(new URLSearchParams().toString(), "");
  assert_equals(new URLSearchParams(undefined).toString(), "", "undefined is the default, ''");
  assert_equals(new URLSearchParams("").size, 0);
  assert_equals(URLSearchParams.length, 0);
}, "no init: an empty list");

test(() => {
  assert_equals(pairs(new URLSearchParams("a=1&b=2&a=3")), "a=1|b=2|a=3");
  assert_equals(pairs(new URLSearchParams("?a=1")), "a=1", "one leading ? is removed");
  assert_equals(pairs(new URLSearchParams("??a=1")), "?a=1", "only one");
  assert_equals(pairs(new URLSearchParams("a=b=c")), "a=b=c", "split at the first =");
  assert_equals(pairs(new URLSearchParams("&&a&=x&")), "a=|=x", "empty sequences are skipped; a name without =");
  assert_equals(pairs(new URLSearchParams("a+b=c+d")), "a b=c d", "+ is a space");
  assert_equals(pairs(new URLSearchParams("%41=%e2%82%ac&%zz=%")), "A=\u20ac|%zz=%", "percent-decoding, invalid sequences kept");
  assert_equals(pairs(new URLSearchParams("a=%FF")), "a=\uFFFD", "invalid UTF-8 becomes U+FFFD");
  assert_equals(pairs(new URLSearchParams("a=\uD800")), "a=\uFFFD", "a lone surrogate becomes U+FFFD");
  assert_equals(pairs(new URLSearchParams(null)), "null=", "null is the string 'null'");
  assert_equals(pairs(new URLSearchParams(12)), "12=", "a number is a string");
}, "from a string: the application/x-www-form-urlencoded parser");

test(() => {
  assert_equals(pairs(new URLSearchParams([["a", "1"], ["b", "2"], ["a", "3"]])), "a=1|b=2|a=3");
  assert_equals(pairs(new URLSearchParams([])), "");
  assert_equals(pairs(new URLSearchParams([["?a", "b"]])), "?a=b", "no ? removed from a pair");
  assert_equals(pairs(new URLSearchParams([[1, null]])), "1=null", "items are USVStrings");
  assert_equals(pairs(new URLSearchParams(new Set([new Set(["x", "y"])]))), "x=y", "any iterable");
  assert_equals(pairs(new URLSearchParams(new Map([["k", "v"]]))), "k=v", "a Map is a sequence of pairs");
  const other = new URLSearchParams("a=1&b=2");
  assert_equals(pairs(new URLSearchParams(other)), "a=1|b=2", "another URLSearchParams is iterable");
  function* gen() { yield ["g", "1"]; yield new String("hi"); }
  assert_equals(pairs(new URLSearchParams(gen())), "g=1|h=i", "a generator; a String object is a sequence of its code points");
}, "from a sequence of pairs");

test(() => {
  assert_throws_js(TypeError, () => new URLSearchParams([["a"]]), "one item");
  assert_throws_js(TypeError, () => new URLSearchParams([["a", "b", "c"]]), "three items");
  assert_throws_js(TypeError, () => new URLSearchParams([[]]), "no item");
  assert_throws_js(TypeError, () => new URLSearchParams([1]), "an item that is not an object");
  assert_throws_js(TypeError, () => new URLSearchParams(["ab"]), "a string item is not an object either");
  assert_throws_js(TypeError, () => new URLSearchParams([{}]), "an item that is not iterable");
  assert_throws_js(TypeError, () => new URLSearchParams({ [Symbol.iterator]: 1 }), "@@iterator that is not callable");
}, "a pair must be a sequence of exactly two items (TypeError)");

test(() => {
  const error = new Error("from the iterator");
  const throwing = { [Symbol.iterator]() { return { next() { throw error; } }; } };
  assert_throws_exactly(error, () => new URLSearchParams(throwing));
  const throwingToString = [["a", { toString() { throw error; } }]];
  assert_throws_exactly(error, () => new URLSearchParams(throwingToString));
}, "exceptions from iteration and conversion propagate");

test(() => {
  assert_equals(pairs(new URLSearchParams({ a: "1", b: 2 })), "a=1|b=2");
  assert_equals(pairs(new URLSearchParams({ 2: "x", 1: "y", z: "w" })), "1=y|2=x|z=w", "own property order: indices first");
  const proto = { inherited: "1" };
  const object = Object.create(proto, {
    own: { value: "2", enumerable: true },
    hidden: { value: "3", enumerable: false },
  });
  assert_equals(pairs(new URLSearchParams(object)), "own=2", "own enumerable properties only");
  assert_equals(pairs(new URLSearchParams({ "a\uD800": "1", "a\uDC00": "2" })), "a\uFFFD=2", "keys that convert alike: the last value, at the first place");
  assert_equals(pairs(new URLSearchParams(function f() {})), "", "a function is a record");
  let got = 0;
  const getter = { get a() { got++; return "g"; } };
  assert_equals(pairs(new URLSearchParams(getter)), "a=g");
  assert_equals(got, 1, "the getter ran once");
}, "from a record: own enumerable string keys");

test(() => {
  assert_throws_js(TypeError, () => new URLSearchParams({ [Symbol("s")]: "v" }), "a symbol key cannot become a USVString");
  const notEnumerable = {};
  Object.defineProperty(notEnumerable, Symbol("s"), { value: "v", enumerable: false });
  assert_equals(pairs(new URLSearchParams(notEnumerable)), "", "a non-enumerable symbol key is skipped");
}, "a record with an enumerable symbol key throws a TypeError");

test(() => {
  assert_throws_js(TypeError, () => URLSearchParams("a=b"), "called without new");
  class Mine extends URLSearchParams {}
  const mine = new Mine("a=b");
  assert_true(mine instanceof Mine);
  assert_equals(mine.get("a"), "b");
}, "the constructor needs new, and can be subclassed");
