// META: global=window
// META: title=Harness: add_cleanup
"use strict";

const order = [];

test(t => {
  t.add_cleanup(() => order.push("first"));
  t.add_cleanup(() => order.push("second"));
  order.push("body");
}, "cleanups registered in a test");

test(() => {
  assert_array_equals(order, ["body", "first", "second"]);
}, "cleanups run after the test body, in the order they were added");

const failing_order = [];
test(t => {
  t.add_cleanup(() => failing_order.push("cleanup"));
  try {
    assert_true(false);
  } catch (e) {
    failing_order.push("caught");
  }
}, "a test with a cleanup that caught an assertion");

test(() => {
  assert_array_equals(failing_order, ["caught", "cleanup"]);
}, "cleanups ran for the previous test");

const async_log = [];
promise_test(t => {
  t.add_cleanup(() => {
    async_log.push("cleanup start");
    return new Promise(resolve => step_timeout(() => {
      async_log.push("cleanup end");
      resolve();
    }, 10));
  });
  async_log.push("body");
  return Promise.resolve();
}, "a promise_test with an asynchronous cleanup");

promise_test(async () => {
  assert_array_equals(async_log, ["body", "cleanup start", "cleanup end"]);
}, "the next promise_test waits for the previous test's asynchronous cleanup");

let async_test_cleaned = false;
async_test(t => {
  t.add_cleanup(() => {
    async_test_cleaned = true;
  });
  t.step_timeout(() => t.done(), 0);
}, "async_test with a cleanup");

async_test(t => {
  t.step_timeout(() => {
    t.step_timeout(() => {
      assert_true(async_test_cleaned, "the cleanup of the other async_test ran when it completed");
      t.done();
    }, 5);
  }, 5);
}, "async_test cleanups run at done()");
