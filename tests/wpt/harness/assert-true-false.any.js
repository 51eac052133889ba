// META: global=window
// META: title=Harness: assert_true, assert_false and assert_unreached
"use strict";

test(() => {
  assert_true(true);
  assert_false(false);
}, "assert_true(true) and assert_false(false) pass");

test(() => {
  for (const value of [1, "true", {}, [], "x"]) {
    assert_throws_js(AssertionError, () => assert_true(value), `assert_true(${format_value(value)})`);
  }
  for (const value of [0, "", null, undefined, NaN]) {
    assert_throws_js(AssertionError, () => assert_false(value), `assert_false(${format_value(value)})`);
  }
}, "assert_true and assert_false require the booleans themselves, not truthy or falsy values");

test(() => {
  let message = null;
  try {
    assert_true(1, "one");
  } catch (e) {
    message = e.message;
  }
  assert_equals(message, "assert_true: one expected true got 1");
  try {
    assert_false("", "empty");
  } catch (e) {
    message = e.message;
  }
  assert_equals(message, 'assert_false: empty expected false got ""');
}, "assert_true and assert_false failure messages");

test(() => {
  let message = null;
  try {
    assert_unreached("should not get here");
  } catch (e) {
    message = e.message;
  }
  assert_equals(message, "assert_unreached: should not get here Reached unreachable code");
}, "assert_unreached always fails");
