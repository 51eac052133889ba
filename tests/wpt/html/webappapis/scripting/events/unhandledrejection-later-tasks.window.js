// META: global=window
// META: title=unhandledrejection: rejections of later tasks are reported, each once
"use strict";

setup({ allow_uncaught_exception: true });

const task = () => new Promise((resolve) => setTimeout(resolve, 0));

promise_test(async () => {
  const seen = [];
  const listener = (e) => seen.push(e.reason);
  addEventListener("unhandledrejection", listener);
  // Tasks in which nothing is rejected, then one that rejects, then more quiet tasks.
  await task();
  await task();
  setTimeout(() => { Promise.reject("first"); Promise.reject("second"); }, 0);
  await task();
  await task();
  await task();
  assert_array_equals(seen, ["first", "second"], "after the rejecting task");
  setTimeout(() => Promise.reject("third"), 0);
  await task();
  await task();
  await task();
  removeEventListener("unhandledrejection", listener);
  assert_array_equals(seen, ["first", "second", "third"], "a later task's rejection too");
}, "rejections made in later tasks are each reported once, quiet tasks in between");

promise_test(async () => {
  const seen = [];
  const listener = (e) => seen.push(e.reason);
  addEventListener("unhandledrejection", listener);
  setTimeout(() => {
    const handled = Promise.reject("handled");
    handled.catch(() => {});
    Promise.reject("unhandled");
  }, 0);
  await task();
  await task();
  await task();
  removeEventListener("unhandledrejection", listener);
  assert_array_equals(seen, ["unhandled"]);
}, "a rejection handled in the same task is not reported, one beside it is");
