// META: global=window
// META: title=Harness: promise_rejects_js, promise_rejects_dom, promise_rejects_exactly
"use strict";

promise_test(t => {
  return promise_rejects_js(t, TypeError, Promise.reject(new TypeError("x")), "a TypeError");
}, "promise_rejects_js with the expected error");

promise_test(t => {
  return promise_rejects_dom(t, "SyntaxError", Promise.reject(new DOMException("x", "SyntaxError")));
}, "promise_rejects_dom with a name");

promise_test(t => {
  return promise_rejects_dom(t, "DATA_CLONE_ERR", DOMException,
                             Promise.reject(new DOMException("x", "DataCloneError")), "constant name");
}, "promise_rejects_dom with a legacy constant name and a constructor");

promise_test(t => {
  const value = { reason: 1 };
  return promise_rejects_exactly(t, value, Promise.reject(value));
}, "promise_rejects_exactly with the same object");

promise_test(async t => {
  let error = null;
  try {
    await promise_rejects_js(t, TypeError, Promise.reject(new RangeError("x")), "wrong type");
  } catch (e) {
    error = e;
  }
  assert_true(error instanceof AssertionError, "the returned promise rejects with an AssertionError");
  assert_regexp_match(error.message, /^promise_rejects_js: wrong type /);
}, "promise_rejects_js rejects when the error is of the wrong type");

promise_test(async t => {
  let error = null;
  try {
    await promise_rejects_dom(t, "SyntaxError", Promise.reject(new TypeError("x")));
  } catch (e) {
    error = e;
  }
  assert_true(error instanceof AssertionError);
  assert_regexp_match(error.message, /^promise_rejects_dom: /);
}, "promise_rejects_dom rejects for a non-DOMException");
