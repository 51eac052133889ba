// META: global=window
// META: title=setInterval repeats until clearInterval
"use strict";

async_test(t => {
  let count = 0;
  const id = setInterval(t.step_func(() => {
    count++;
    if (count === 5) {
      clearInterval(id);
      t.step_timeout(() => {
        assert_equals(count, 5, "no run after clearInterval");
        t.done();
      }, 50);
    }
  }), 5);
}, "an interval runs repeatedly and stops at clearInterval");

async_test(t => {
  let count = 0;
  const id = setInterval(() => count++, 10);
  setTimeout(t.step_func(() => {
    clearInterval(id);
    const at_clear = count;
    assert_greater_than_equal(at_clear, 2);
    t.step_timeout(() => {
      assert_equals(count, at_clear);
      t.done();
    }, 50);
  }), 35);
}, "clearInterval from another callback stops the interval");

async_test(t => {
  const log = [];
  const a = setInterval(() => log.push("a"), 10);
  const b = setInterval(() => log.push("b"), 10);
  setTimeout(t.step_func_done(() => {
    clearInterval(a);
    clearInterval(b);
    assert_array_equals(log.slice(0, 4), ["a", "b", "a", "b"]);
  }), 25);
}, "two intervals with the same period alternate");

test(() => {
  const a = setTimeout(() => {}, 0);
  const b = setInterval(() => {}, 1000);
  clearInterval(b);
  clearTimeout(a);
  for (const id of [a, b]) {
    assert_equals(typeof id, "number");
    assert_true(Number.isInteger(id) && id > 0, `${id} is a positive integer`);
  }
  assert_not_equals(a, b);
}, "timer ids are distinct positive integers");

async_test(t => {
  let ran = false;
  const id = setTimeout(() => {
    ran = true;
  }, 0);
  clearInterval(id);
  let interval_runs = 0;
  const interval = setInterval(() => interval_runs++, 1);
  clearTimeout(interval);
  setTimeout(t.step_func_done(() => {
    assert_false(ran, "clearInterval cancelled a timeout");
    assert_equals(interval_runs, 0, "clearTimeout cancelled an interval");
  }), 10);
}, "clearTimeout and clearInterval share one list of timers");

test(() => {
  clearTimeout();
  clearTimeout(undefined);
  clearTimeout(0);
  clearTimeout(-1);
  clearTimeout(123456789);
  clearTimeout("not an id");
  clearInterval(null);
  clearInterval({});
}, "clearing ids that were never returned does nothing");
