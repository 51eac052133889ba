// META: global=window
// META: title=Harness: the other assertions
"use strict";

function message_of(func) {
  try {
    func();
  } catch (e) {
    return e.message;
  }
  return null;
}

test(() => {
  assert_array_equals([1, "a", null], [1, "a", null]);
  assert_array_equals([NaN, -0], [NaN, -0]);
  assert_throws_js(AssertionError, () => assert_array_equals([0], [-0]));
  assert_throws_js(AssertionError, () => assert_array_equals([1, 2], [1, 2, 3]));
  assert_throws_js(AssertionError, () => assert_array_equals([1, , 3], [1, undefined, 3]),
                   "a hole differs from undefined");
  assert_throws_js(AssertionError, () => assert_array_equals(null, []));
}, "assert_array_equals");

test(() => {
  assert_equals(message_of(() => assert_array_equals([1, 2], [1, 3], "arr")),
                "assert_array_equals: arr expected property 1 to be 3 but got 2 (expected array [1, 3] got [1, 2])");
  assert_equals(message_of(() => assert_array_equals([1], [1, 2])),
                "assert_array_equals: lengths differ, expected array [1, 2] length 2, got [1] length 1");
}, "assert_array_equals failure messages");

test(() => {
  assert_object_equals({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 2] } });
  assert_throws_js(AssertionError, () => assert_object_equals({ a: 1 }, { a: 2 }));
  assert_throws_js(AssertionError, () => assert_object_equals({ a: 1 }, { a: 1, b: 2 }));
  assert_throws_js(AssertionError, () => assert_object_equals({ a: 1, b: 2 }, { a: 1 }));
  const cyclic = { name: "x" };
  cyclic.self = cyclic;
  const other = { name: "x" };
  other.self = other;
  assert_object_equals(cyclic, other);
}, "assert_object_equals compares properties recursively");

test(() => {
  assert_approx_equals(1.05, 1, 0.1);
  assert_approx_equals(Infinity, Infinity, 0);
  assert_throws_js(AssertionError, () => assert_approx_equals(1.2, 1, 0.1));
  assert_throws_js(AssertionError, () => assert_approx_equals("1", 1, 0.1));
  assert_array_approx_equals([1.01, 2], [1, 2.01], 0.02);
  assert_throws_js(AssertionError, () => assert_array_approx_equals([1, 2], [1, 3], 0.5));
  assert_equals(message_of(() => assert_approx_equals(3, 1, 0.5)),
                "assert_approx_equals: expected 1 +/- 0.5 but got 3");
}, "assert_approx_equals and assert_array_approx_equals");

test(() => {
  assert_less_than(1, 2);
  assert_greater_than(2, 1);
  assert_less_than_equal(2, 2);
  assert_greater_than_equal(2, 2);
  assert_throws_js(AssertionError, () => assert_less_than(2, 2));
  assert_throws_js(AssertionError, () => assert_greater_than(2, 2));
  assert_throws_js(AssertionError, () => assert_less_than_equal(3, 2));
  assert_throws_js(AssertionError, () => assert_greater_than_equal(1, 2));
  assert_throws_js(AssertionError, () => assert_less_than("1", 2), "a string is not a number");
  assert_equals(message_of(() => assert_greater_than(1, 5, "count")),
                "assert_greater_than: count expected a number greater than 5 but got 1");
}, "numeric comparisons");

test(() => {
  assert_in_array(2, [1, 2, 3]);
  assert_throws_js(AssertionError, () => assert_in_array(4, [1, 2, 3]));
  assert_regexp_match("abc123", /\d+/);
  assert_throws_js(AssertionError, () => assert_regexp_match("abc", /\d/));
}, "assert_in_array and assert_regexp_match");

test(() => {
  assert_class_string({}, "Object");
  assert_class_string([], "Array");
  assert_class_string(null, "Null");
  assert_class_string(function () {}, "Function");
  assert_throws_js(AssertionError, () => assert_class_string([], "Object"));
}, "assert_class_string uses Object.prototype.toString");

test(() => {
  class Base {
    get inherited() { return 1; }
  }
  const object = new Base();
  object.own = 2;
  assert_own_property(object, "own");
  assert_not_own_property(object, "inherited");
  assert_inherits(object, "inherited");
  assert_idl_attribute(object, "inherited");
  assert_throws_js(AssertionError, () => assert_own_property(object, "inherited"));
  assert_throws_js(AssertionError, () => assert_not_own_property(object, "own"));
  assert_throws_js(AssertionError, () => assert_inherits(object, "own"));
  assert_throws_js(AssertionError, () => assert_inherits(object, "missing"));
}, "own and inherited properties");

test(() => {
  const object = {};
  Object.defineProperty(object, "fixed", { value: 1, writable: false });
  object.open = 1;
  assert_readonly(object, "fixed");
  assert_throws_js(AssertionError, () => assert_readonly(object, "open"));
  assert_equals(object.open, 1, "assert_readonly restores the value");
}, "assert_readonly");

test(() => {
  assert_implements(true, "present");
  assert_throws_js(AssertionError, () => assert_implements(false, "missing"));
  assert_throws_js(OptionalFeatureUnsupportedError, () => assert_implements_optional(false, "optional"));
  assert_implements_optional(true, "optional");
}, "assert_implements and assert_implements_optional");
