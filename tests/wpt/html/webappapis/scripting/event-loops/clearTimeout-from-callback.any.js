// META: global=window
// META: title=clearTimeout from inside a timer callback
"use strict";

async_test(t => {
  let second_ran = false;
  let second = null;
  setTimeout(() => {
    clearTimeout(second);
  }, 0);
  second = setTimeout(() => {
    second_ran = true;
  }, 0);
  setTimeout(t.step_func_done(() => {
    assert_false(second_ran, "the cancelled timer did not run");
  }), 10);
}, "a callback can cancel a timer that is due at the same time");

async_test(t => {
  let later_ran = false;
  const later = setTimeout(() => {
    later_ran = true;
  }, 30);
  setTimeout(() => clearTimeout(later), 10);
  setTimeout(t.step_func_done(() => {
    assert_false(later_ran);
  }), 50);
}, "a callback can cancel a timer that is due later");

async_test(t => {
  let runs = 0;
  const id = setTimeout(t.step_func(() => {
    runs++;
    clearTimeout(id);
  }), 0);
  setTimeout(t.step_func_done(() => {
    assert_equals(runs, 1);
  }), 10);
}, "clearing the running timer from its own callback is harmless");

async_test(t => {
  let ran = false;
  const id = setTimeout(() => {
    ran = true;
  }, 0);
  clearTimeout(id);
  setTimeout(t.step_func_done(() => {
    assert_false(ran);
  }), 10);
}, "a timer cleared before it is due never runs");
