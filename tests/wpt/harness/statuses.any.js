// META: global=window
// META: title=Harness: status constants and test properties
"use strict";

const results = {};
add_result_callback(test => {
  results[test.name] = { status: test.status, message: test.message };
});

test(t => {
  assert_equals(t.PASS, 0);
  assert_equals(t.FAIL, 1);
  assert_equals(t.TIMEOUT, 2);
  assert_equals(t.NOTRUN, 3);
  assert_equals(t.PRECONDITION_FAILED, 4);
}, "test status constants on a test");

test(() => {
  assert_equals(Test.statuses.PASS, 0);
  assert_equals(Test.statuses.PRECONDITION_FAILED, 4);
  assert_equals(TestsStatus.statuses.OK, 0);
  assert_equals(TestsStatus.statuses.ERROR, 1);
  assert_equals(TestsStatus.statuses.TIMEOUT, 2);
  assert_equals(TestsStatus.statuses.PRECONDITION_FAILED, 3);
}, "status tables on the constructors");

test(t => {
  assert_equals(t.name, "a test knows its name");
  assert_equals(t.properties.custom, 5);
}, "a test knows its name", { custom: 5 });

test(() => {
  assert_equals(results["a test knows its name"].status, 0);
  assert_equals(results["a test knows its name"].message, null);
}, "a passing test has status PASS and a null message");
