// META: global=window
// META: title=queueMicrotask
"use strict";

test(() => {
  assert_equals(typeof queueMicrotask, "function");
  assert_equals(queueMicrotask.length, 1);
}, "queueMicrotask is a function of length 1");

test(() => {
  assert_throws_js(TypeError, () => queueMicrotask());
  assert_throws_js(TypeError, () => queueMicrotask(undefined));
  assert_throws_js(TypeError, () => queueMicrotask(null));
  assert_throws_js(TypeError, () => queueMicrotask("code"));
  assert_throws_js(TypeError, () => queueMicrotask({}));
}, "a non-callable argument throws a TypeError");

test(() => {
  assert_equals(queueMicrotask(() => {}), undefined);
}, "queueMicrotask returns undefined");

async_test(t => {
  let ran = false;
  queueMicrotask(t.step_func(() => {
    ran = true;
  }));
  assert_false(ran, "not run synchronously");
  Promise.resolve().then(t.step_func_done(() => {
    assert_true(ran, "run before a promise reaction queued later");
  }));
}, "the callback runs asynchronously, in order with promise reactions");

async_test(t => {
  const log = [];
  queueMicrotask(() => log.push("a"));
  Promise.resolve().then(() => log.push("b"));
  queueMicrotask(() => log.push("c"));
  Promise.resolve().then(() => log.push("d"));
  setTimeout(t.step_func_done(() => {
    assert_array_equals(log, ["a", "b", "c", "d"]);
  }), 0);
}, "queueMicrotask and promise reactions share one queue");

async_test(t => {
  queueMicrotask(t.step_func_done(function (...args) {
    assert_equals(args.length, 0, "no arguments");
  }));
}, "the callback is called without arguments");
