// META: global=window
// META: title=Harness: generate_tests
"use strict";

const seen = [];
generate_tests((a, b, sum) => {
  seen.push(sum);
  assert_equals(a + b, sum);
}, [
  ["1 + 1 = 2", 1, 1, 2],
  ["2 + 3 = 5", 2, 3, 5],
  ["-0 + -0 = -0", -0, -0, -0],
]);

test(() => {
  assert_array_equals(seen, [2, 5, -0]);
}, "generate_tests ran one test per entry, in order");
