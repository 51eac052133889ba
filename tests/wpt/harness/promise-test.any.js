// META: global=window
// META: title=Harness: promise_test runs tests one after another
"use strict";

const log = [];

promise_test(async () => {
  log.push("first start");
  await new Promise(resolve => step_timeout(resolve, 20));
  log.push("first end");
}, "first promise_test");

test(() => {
  assert_array_equals(log, [], "a test() defined after a promise_test runs first");
}, "test() between promise_tests runs at once");

promise_test(async () => {
  log.push("second start");
  assert_array_equals(log, ["first start", "first end", "second start"],
                      "the second promise_test starts after the first one finished");
  await Promise.resolve();
  log.push("second end");
}, "second promise_test");

promise_test(() => {
  assert_array_equals(log, ["first start", "first end", "second start", "second end"]);
  return Promise.resolve();
}, "a promise_test returning a resolved promise");

promise_test(t => {
  return new Promise(resolve => {
    t.step_timeout(() => {
      assert_true(true);
      resolve();
    }, 0);
  });
}, "a promise_test using step_timeout");

promise_test(t => {
  const watcher_promise = Promise.reject(new TypeError("expected"));
  return promise_rejects_js(t, TypeError, watcher_promise);
}, "a promise_test can wait for a rejection");
