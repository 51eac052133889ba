// META: global=window
// META: title=setTimeout and setInterval with a string handler
"use strict";

async_test(t => {
  window.string_handler_ran = false;
  t.add_cleanup(() => {
    delete window.string_handler_ran;
  });
  setTimeout("window.string_handler_ran = true;", 0);
  setTimeout(t.step_func_done(() => {
    assert_true(window.string_handler_ran);
  }), 10);
}, "a string handler is evaluated as script");

async_test(t => {
  // A var declared by the string becomes a (non-deletable) property of the window.
  setTimeout("var declared_by_timer = 42;", 0);
  setTimeout(t.step_func_done(() => {
    assert_equals(window.declared_by_timer, 42);
  }), 10);
}, "a string handler runs in the global scope");

async_test(t => {
  window.string_handler_args = "unset";
  t.add_cleanup(() => {
    delete window.string_handler_args;
  });
  setTimeout("window.string_handler_args = typeof arguments;", 0, "extra");
  setTimeout(t.step_func_done(() => {
    assert_equals(window.string_handler_args, "undefined", "no arguments object in a classic script");
  }), 10);
}, "extra arguments are ignored for a string handler");

async_test(t => {
  const handler = { toString() { return "window.converted_handler = 'converted';"; } };
  t.add_cleanup(() => {
    delete window.converted_handler;
  });
  setTimeout(handler, 0);
  setTimeout(t.step_func_done(() => {
    assert_equals(window.converted_handler, "converted");
  }), 10);
}, "a non-callable handler is converted to a string");

async_test(t => {
  window.interval_count = 0;
  t.add_cleanup(() => {
    delete window.interval_count;
  });
  const id = setInterval("window.interval_count++;", 5);
  setTimeout(t.step_func_done(() => {
    clearInterval(id);
    assert_greater_than_equal(window.interval_count, 2);
  }), 22);
}, "setInterval evaluates a string handler each time");
