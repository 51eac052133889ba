// META: global=window
// META: title=setTimeout: a negative timeout is treated as 0
"use strict";

async_test(t => {
  setTimeout(t.step_func_done(), -100);
}, "a timer with a negative timeout fires");

async_test(t => {
  const log = [];
  setTimeout(() => log.push("10 ms"), 10);
  setTimeout(() => log.push("-1"), -1);
  setTimeout(() => log.push("0"), 0);
  setTimeout(() => log.push("-1000"), -1000);
  setTimeout(t.step_func_done(() => {
    assert_array_equals(log, ["-1", "0", "-1000", "10 ms"]);
  }), 20);
}, "negative timeouts fire in call order with zero timeouts, before longer ones");

async_test(t => {
  let runs = 0;
  const id = setInterval(t.step_func(() => {
    runs++;
    if (runs === 3) {
      clearInterval(id);
      t.done();
    }
  }), -50);
}, "setInterval with a negative timeout repeats");
