// META: global=window
// META: title=The timeout argument is converted like a WebIDL long
"use strict";

// Each case sets the timer under test and a reference timer; a conversion to a small
// delay makes the timer under test fire first.
for (const [timeout, label, reference] of [
  [2 ** 32 + 1, "2**32 + 1 (wraps to 1)", 5],
  [2 ** 32, "2**32 (wraps to 0)", 5],
  [2 ** 32 - 1, "2**32 - 1 (wraps to -1, so 0)", 5],
  [2 ** 31, "2**31 (wraps to a negative value, so 0)", 5],
  [-(2 ** 32) + 2, "-(2**32) + 2 (wraps to 2)", 5],
  [Infinity, "Infinity (0)", 5],
  [-Infinity, "-Infinity (0)", 5],
  [NaN, "NaN (0)", 5],
  [1.9, "1.9 (truncated to 1)", 5],
  [-0.5, "-0.5 (0)", 5],
  ["2", "the string \"2\"", 5],
  ["abc", "a non-numeric string (0)", 5],
  [null, "null (0)", 5],
  [undefined, "undefined (0)", 5],
  [{ valueOf() { return 1; } }, "an object with valueOf", 5],
  [[3], "an array [3]", 5],
]) {
  async_test(t => {
    const log = [];
    setTimeout(() => log.push("reference"), reference);
    setTimeout(() => log.push("converted"), timeout);
    setTimeout(t.step_func_done(() => {
      assert_array_equals(log, ["converted", "reference"]);
    }), reference + 5);
  }, `timeout ${label} fires before a ${reference} ms timer`);
}

async_test(t => {
  const log = [];
  setTimeout(() => log.push("converted"), 2 ** 32 + 20);
  setTimeout(() => log.push("reference"), 10);
  setTimeout(t.step_func_done(() => {
    assert_array_equals(log, ["reference", "converted"]);
  }), 40);
}, "2**32 + 20 wraps to 20 ms, after a 10 ms timer");

async_test(t => {
  const order = [];
  setTimeout(() => order.push("valueOf called"), {
    valueOf() {
      order.push("conversion");
      return 0;
    },
  });
  order.push("after setTimeout");
  setTimeout(t.step_func_done(() => {
    assert_array_equals(order, ["conversion", "after setTimeout", "valueOf called"]);
  }), 5);
}, "the timeout is converted during the setTimeout call");
