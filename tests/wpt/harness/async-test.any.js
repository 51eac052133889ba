// META: global=window
// META: title=Harness: async_test, steps and step_timeout
"use strict";

async_test(t => {
  let steps = 0;
  t.step_timeout(() => {
    steps++;
    assert_equals(steps, 1);
    t.step_timeout(t.step_func_done(() => {
      steps++;
      assert_equals(steps, 2);
    }), 5);
  }, 5);
}, "step_timeout runs its callback as a step of the test");

async_test(t => {
  t.step_timeout((a, b) => {
    assert_equals(a, "first");
    assert_equals(b, 2);
    t.done();
  }, 0, "first", 2);
}, "step_timeout passes extra arguments to the callback");

const named_only = async_test("async_test with only a name");
step_timeout(() => {
  named_only.step(() => {
    assert_equals(named_only.name, "async_test with only a name");
  });
  named_only.done();
}, 0);

async_test(t => {
  const object = {};
  const result = t.step(function (a, b) {
    assert_equals(this, object, "this value");
    assert_equals(a, 1);
    assert_equals(b, 2);
    return "returned";
  }, object, 1, 2);
  assert_equals(result, "returned", "step() returns the function's result");
  t.step(function () {
    assert_equals(this, t, "this defaults to the test");
  });
  t.done();
}, "step() passes this and arguments, and returns the result");

async_test(t => {
  const handler = t.step_func(function (value) {
    assert_equals(this, t);
    return value * 2;
  });
  assert_equals(handler(21), 42);
  const done_handler = t.step_func_done();
  step_timeout(done_handler, 0);
}, "step_func and step_func_done without a function");

async_test(t => {
  const never = t.unreached_func("must not be called");
  assert_equals(typeof never, "function");
  t.step_timeout(() => t.done(), 1);
}, "unreached_func returns a function and does nothing unless called");

async_test(t => {
  let ran = false;
  t.step_timeout(() => {
    t.done();
    // Steps of a completed test are not run.
    t.step(() => {
      ran = true;
    });
    step_timeout(() => {
      if (ran) {
        throw new Error("a step ran after done()");
      }
    }, 0);
  }, 0);
}, "steps after done() are ignored");

async_test(t => {
  step_timeout(function (value) {
    t.step(() => {
      assert_equals(value, "arg");
    });
    t.done();
  }, 0, "arg");
}, "the global step_timeout passes arguments");
