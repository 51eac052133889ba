// META: global=window
// META: title=Harness: format_value
"use strict";

test(() => {
  assert_equals(format_value("abc"), '"abc"');
  assert_equals(format_value(""), '""');
  assert_equals(format_value('say "hi"'), '"say \\"hi\\""');
  assert_equals(format_value("a\\b"), '"a\\\\b"');
  assert_equals(format_value("line\nbreak\ttab"), '"line\\nbreak\\ttab"');
}, "strings are quoted and escaped");

test(() => {
  assert_equals(format_value("\uD800"), '"\\uD800"');
  assert_equals(format_value("\uDC00x"), '"\\uDC00x"');
  assert_equals(format_value("\uD83D\uDE00"), '"\uD83D\uDE00"', "a surrogate pair is kept");
  assert_equals(format_value("\u0001"), '"\\u0001"');
}, "lone surrogates and control characters are escaped");

test(() => {
  assert_equals(format_value(3), "3");
  assert_equals(format_value(-0), "-0");
  assert_equals(format_value(0), "0");
  assert_equals(format_value(NaN), "NaN");
  assert_equals(format_value(-Infinity), "-Infinity");
  assert_equals(format_value(1.5), "1.5");
}, "numbers, with -0 shown as -0");

test(() => {
  assert_equals(format_value(true), "true");
  assert_equals(format_value(null), "null");
  assert_equals(format_value(undefined), "undefined");
  assert_equals(format_value(Symbol("s")), "Symbol(s)");
}, "booleans, null, undefined and symbols");

test(() => {
  assert_equals(format_value([1, "a", [null]]), '[1, "a", [null]]');
  assert_equals(format_value([]), "[]");
  const cyclic = [1];
  cyclic.push(cyclic);
  assert_equals(format_value(cyclic), "[1, [...]]");
}, "arrays are formatted element by element, cycles cut");

test(() => {
  assert_equals(format_value({}), 'object "[object Object]"');
  assert_equals(format_value(new TypeError("bad")), 'object "TypeError: bad"');
  assert_equals(format_value({ toString() { return "custom"; } }), 'object "custom"');
  assert_equals(format_value(Object.create(null)), 'object "[object Object]"',
                "an object without toString does not break formatting");
}, "objects are formatted as their type and String()");
