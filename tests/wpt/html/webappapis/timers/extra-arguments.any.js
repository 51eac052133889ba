// META: global=window
// META: title=setTimeout and setInterval pass extra arguments to the callback
"use strict";

async_test(t => {
  const object = {};
  setTimeout(t.step_func_done((...args) => {
    assert_equals(args.length, 4);
    assert_equals(args[0], 1);
    assert_equals(args[1], "two");
    assert_equals(args[2], object, "objects are passed as they are, not copied");
    assert_equals(args[3], undefined);
  }), 0, 1, "two", object, undefined);
}, "setTimeout passes the extra arguments");

async_test(t => {
  setTimeout(t.step_func_done((...args) => {
    assert_equals(args.length, 0);
  }), 0);
}, "no extra arguments, no arguments");

async_test(t => {
  const seen = [];
  const id = setInterval(t.step_func((a, b) => {
    seen.push([a, b]);
    if (seen.length === 2) {
      clearInterval(id);
      assert_array_equals(seen[0], ["x", -0]);
      assert_array_equals(seen[1], ["x", -0]);
      t.done();
    }
  }), 1, "x", -0);
}, "setInterval passes the extra arguments every time");

async_test(t => {
  let this_value = null;
  setTimeout(function () {
    this_value = this;
  }, 0);
  setTimeout(t.step_func_done(() => {
    assert_equals(this_value, window);
  }), 5);
}, "the callback is called with the window as this");
