// META: global=window
// META: title=Microtasks run before the next task
"use strict";

async_test(t => {
  const log = [];
  setTimeout(t.step_func_done(() => {
    log.push("timeout");
    assert_array_equals(log, ["sync", "promise", "microtask", "timeout"]);
  }), 0);
  Promise.resolve().then(() => log.push("promise"));
  queueMicrotask(() => log.push("microtask"));
  log.push("sync");
}, "promise reactions and queueMicrotask callbacks run before a zero timeout");

async_test(t => {
  const log = [];
  setTimeout(() => {
    log.push("first timeout");
    Promise.resolve().then(() => log.push("microtask from the first timeout"));
  }, 0);
  setTimeout(t.step_func_done(() => {
    log.push("second timeout");
    assert_array_equals(log, ["first timeout", "microtask from the first timeout", "second timeout"]);
  }), 0);
}, "a microtask queued by a timer runs before the next timer");

async_test(t => {
  const log = [];
  let depth = 0;
  function again() {
    depth++;
    log.push("microtask " + depth);
    if (depth < 100) {
      queueMicrotask(again);
    }
  }
  setTimeout(t.step_func_done(() => {
    assert_equals(log.length, 100, "all the chained microtasks ran before the timer");
    assert_equals(log[99], "microtask 100");
  }), 0);
  queueMicrotask(again);
}, "microtasks queued by microtasks run in the same checkpoint");

async_test(t => {
  const log = [];
  Promise.resolve()
    .then(() => {
      log.push("then 1");
      queueMicrotask(() => log.push("queued by then 1"));
    })
    .then(() => log.push("then 2"));
  queueMicrotask(() => log.push("queued first"));
  setTimeout(t.step_func_done(() => {
    assert_array_equals(log, ["then 1", "queued first", "queued by then 1", "then 2"]);
  }), 0);
}, "microtasks run in first-in first-out order");
