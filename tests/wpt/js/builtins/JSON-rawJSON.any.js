// META: global=window
// META: title=JSON.rawJSON and JSON.isRawJSON (JSON.parse source text access) and their JSON.stringify
"use strict";

test(() => {
  assert_equals(JSON.rawJSON.length, 1);
  assert_equals(JSON.isRawJSON.length, 1);
  const raw = JSON.rawJSON("1");
  assert_equals(Object.getPrototypeOf(raw), null);
  assert_array_equals(Object.getOwnPropertyNames(raw), ["rawJSON"]);
  assert_equals(raw.rawJSON, "1");
  assert_true(Object.isFrozen(raw));
  assert_true(JSON.isRawJSON(raw));
  assert_false(JSON.isRawJSON({ rawJSON: "1" }));
  assert_false(JSON.isRawJSON(Object.freeze(Object.assign(Object.create(null), { rawJSON: "1" }))));
  assert_false(JSON.isRawJSON(1));
}, "JSON.rawJSON makes a frozen null-prototype object with one property; isRawJSON knows it");

test(() => {
  assert_equals(JSON.stringify([JSON.rawJSON("1e1000"), JSON.rawJSON("99999999999999999999"), JSON.rawJSON('"\\u0041"'), JSON.rawJSON("null"), JSON.rawJSON("-0")]), '[1e1000,99999999999999999999,"\\u0041",null,-0]');
  assert_equals(JSON.stringify({ a: JSON.rawJSON("true") }, null, 1), '{\n "a": true\n}');
  assert_equals(JSON.stringify([1], (k, v) => (k === "0" ? JSON.rawJSON("12345678901234567890") : v)), "[12345678901234567890]");
}, "JSON.stringify writes a raw JSON object's text as it is, also from a replacer");

for (const text of ["", " 1", "1 ", "\t1", "1\n", "{}", "[]", "[1]", '{"a":1}', "a", '"a', "1 2", "01", "\n", "undefined"]) {
  test(() => {
    assert_throws_js(SyntaxError, () => JSON.rawJSON(text));
  }, `JSON.rawJSON(${JSON.stringify(text)}) is a SyntaxError`);
}

test(() => {
  assert_equals(JSON.rawJSON({ toString() { return "7"; } }).rawJSON, "7");
  assert_throws_js(TypeError, () => JSON.rawJSON(Symbol()));
}, "JSON.rawJSON converts its argument with ToString");
