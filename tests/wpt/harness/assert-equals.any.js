// META: global=window
// META: title=Harness: assert_equals and assert_not_equals use SameValue
"use strict";

test(() => {
  assert_equals(1, 1);
  assert_equals("a", "a");
  assert_equals(null, null);
  assert_equals(undefined, undefined);
  const object = {};
  assert_equals(object, object);
}, "assert_equals accepts identical values");

test(() => {
  assert_equals(NaN, NaN);
  assert_equals(0 / 0, NaN, "0/0 is NaN");
}, "assert_equals treats NaN as equal to NaN");

test(() => {
  assert_equals(-0, -0);
  assert_equals(0, 0);
  assert_not_equals(0, -0);
  assert_not_equals(-0, 0);
}, "assert_equals distinguishes 0 from -0");

test(() => {
  assert_throws_js(AssertionError, () => assert_equals(0, -0));
  assert_throws_js(AssertionError, () => assert_equals({}, {}));
  assert_throws_js(AssertionError, () => assert_equals(1, "1"));
  assert_throws_js(AssertionError, () => assert_equals(null, undefined));
}, "assert_equals rejects different values");

test(() => {
  assert_throws_js(AssertionError, () => assert_not_equals(NaN, NaN));
  assert_throws_js(AssertionError, () => assert_not_equals("x", "x"));
  assert_not_equals({}, {});
  assert_not_equals(1, "1");
}, "assert_not_equals rejects SameValue-equal values");

test(() => {
  let error = null;
  try {
    assert_equals(4, 3, "sum");
  } catch (e) {
    error = e;
  }
  assert_true(error instanceof AssertionError, "an AssertionError was thrown");
  assert_equals(error.message, "assert_equals: sum expected 3 but got 4");
}, "assert_equals failure message has the description, expected and actual values");

test(() => {
  let message = null;
  try {
    assert_equals("3", 3);
  } catch (e) {
    message = e.message;
  }
  assert_equals(message, 'assert_equals: expected (number) 3 but got (string) "3"');
}, "assert_equals failure message shows the types when they differ");

test(() => {
  let message = null;
  try {
    assert_not_equals(-0, -0, "zero");
  } catch (e) {
    message = e.message;
  }
  assert_equals(message, "assert_not_equals: zero got disallowed value -0");
}, "assert_not_equals failure message");
