// META: global=window
// META: title=structuredClone(): primitive values
"use strict";

test(() => {
  assert_equals(typeof structuredClone, "function");
  assert_equals(structuredClone.length, 1);
}, "structuredClone is a function of length 1");

for (const [value, label] of [
  [0, "0"], [-0, "-0"], [NaN, "NaN"], [Infinity, "Infinity"], [-Infinity, "-Infinity"],
  [Number.MIN_VALUE, "Number.MIN_VALUE"], [2 ** 53 + 2, "2**53 + 2"], [-123.456, "-123.456"],
  [true, "true"], [false, "false"], [null, "null"], [undefined, "undefined"],
  ["", "the empty string"], ["plain ASCII", "an ASCII string"], ["caf\u00e9 \u65e5\u672c", "a non-ASCII string"],
  ["\uD800", "a lone lead surrogate"], ["\uDFFF", "a lone trail surrogate"],
  ["x\uDBFFy\uDC00z", "lone surrogates between other characters"], ["\uD83D\uDE00", "a surrogate pair"],
  ["\u0000", "a NUL character"], ["a".repeat(10000), "a long string"],
]) {
  test(() => {
    assert_equals(structuredClone(value), value);
  }, `structuredClone(${label}) returns the same value`);
}

test(() => {
  const clone = structuredClone("\uD800\uD800");
  assert_equals(clone.length, 2);
  assert_equals(clone.charCodeAt(0), 0xD800);
  assert_equals(clone.charCodeAt(1), 0xD800);
}, "lone surrogates are kept code unit for code unit");

test(() => {
  assert_equals(1 / structuredClone(-0), -Infinity, "the sign of -0 survives");
  assert_equals(1 / structuredClone(0), Infinity);
}, "-0 and 0 stay distinct");
