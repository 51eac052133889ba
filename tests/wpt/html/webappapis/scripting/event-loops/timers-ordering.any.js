// META: global=window
// META: title=Timers with equal timeouts fire in the order they were set
"use strict";

async_test(t => {
  const log = [];
  for (let i = 0; i < 10; i++) {
    setTimeout(() => log.push(i), 0);
  }
  setTimeout(t.step_func_done(() => {
    assert_array_equals(log, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  }), 0);
}, "zero timeouts fire in call order");

async_test(t => {
  const log = [];
  for (const name of ["a", "b", "c", "d"]) {
    setTimeout(() => log.push(name), 50);
  }
  setTimeout(t.step_func_done(() => {
    assert_array_equals(log, ["a", "b", "c", "d"]);
  }), 50);
}, "equal non-zero timeouts fire in call order");

async_test(t => {
  const log = [];
  setTimeout(() => log.push(30), 30);
  setTimeout(() => log.push(10), 10);
  setTimeout(() => log.push(20), 20);
  setTimeout(t.step_func_done(() => {
    assert_array_equals(log, [10, 20, 30]);
  }), 40);
}, "shorter timeouts fire first");

async_test(t => {
  const log = [];
  setTimeout(() => {
    log.push("outer");
    setTimeout(() => log.push("nested"), 0);
  }, 0);
  setTimeout(() => log.push("sibling"), 0);
  setTimeout(t.step_func_done(() => {
    assert_array_equals(log, ["outer", "sibling", "nested"]);
  }), 20);
}, "a timer set from a timer callback fires after timers that were already due");
