// META: global=window
// META: title=JSON.stringify and JSON.parse of deeply nested values
"use strict";

// The spec puts no bound on nesting. Browsers stringify and parse values nested millions
// deep when no callback is involved; with a replacer, a gap, toJSON or a reviver, some
// throw RangeError ("Maximum call stack size exceeded") past a few thousand levels, so
// those tests accept either the right result or that RangeError.

function deepArray(depth) {
  let value = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

function deepObject(depth) {
  let value = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function resultOrRangeError(f, expected) {
  let result;
  try {
    result = f();
  } catch (e) {
    assert_true(e instanceof RangeError, `a RangeError, not ${e}`);
    return;
  }
  assert_equals(result, expected);
}

test(() => {
  const depth = 200000;
  assert_equals(JSON.stringify(deepArray(depth)), "[".repeat(depth + 1) + "]".repeat(depth + 1));
}, "JSON.stringify of a 200,000-deep array");

test(() => {
  const depth = 200000;
  assert_equals(JSON.stringify(deepObject(depth)), '{"a":'.repeat(depth) + "{}" + "}".repeat(depth));
}, "JSON.stringify of a 200,000-deep object");

test(() => {
  const depth = 2000;
  const expected = "[".repeat(depth + 1) + "]".repeat(depth + 1);
  resultOrRangeError(() => JSON.stringify(deepArray(depth), (k, v) => v), expected);
  resultOrRangeError(() => JSON.stringify(deepObject(depth), ["a"]), '{"a":'.repeat(depth) + "{}" + "}".repeat(depth));
}, "JSON.stringify of 2,000-deep values with a replacer function or array");

test(() => {
  const value = deepArray(100000);
  let cursor = value;
  for (let i = 0; i < 99999; i++) cursor = cursor[0];
  cursor.push(value);
  let error;
  try {
    JSON.stringify(value);
  } catch (e) {
    error = e;
  }
  assert_true(error instanceof TypeError || error instanceof RangeError, `a TypeError, not ${error}`);
}, "a cycle 100,000 deep is a TypeError (or the RangeError of an implementation's bound)");

test(() => {
  let error;
  try {
    JSON.stringify(deepArray(1000000), null, 1);
  } catch (e) {
    error = e;
  }
  assert_true(error instanceof RangeError, `a RangeError, not ${error}`);
}, "JSON.stringify of a 1,000,000-deep array with a gap (its text would pass any string length) is a RangeError");

test(() => {
  const depth = 200000;
  let value = JSON.parse("[".repeat(depth) + "]".repeat(depth));
  let levels = 0;
  while (value.length) {
    value = value[0];
    levels++;
  }
  assert_equals(levels, depth - 1);
}, "JSON.parse of a 200,000-deep array");

test(() => {
  const depth = 200000;
  let value = JSON.parse('{"a":'.repeat(depth) + "{}" + "}".repeat(depth));
  let levels = 0;
  while (value.a) {
    value = value.a;
    levels++;
  }
  assert_equals(levels, depth);
}, "JSON.parse of a 200,000-deep object");

test(() => {
  const depth = 2000;
  let calls = 0;
  resultOrRangeError(() => {
    JSON.parse("[".repeat(depth) + "]".repeat(depth), (k, v) => (calls++, v));
    return calls;
  }, depth);
}, "JSON.parse of a 2,000-deep array with a reviver");

test(() => {
  assert_throws_js(SyntaxError, () => JSON.parse("[".repeat(100000) + "]".repeat(99999)));
  assert_throws_js(SyntaxError, () => JSON.parse("[".repeat(100000) + "}" + "]".repeat(99999)));
}, "an unbalanced deep text is a SyntaxError");
