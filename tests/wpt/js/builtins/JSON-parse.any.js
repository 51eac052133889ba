// META: global=window
// META: title=JSON.parse: ECMA-404's grammar and ParseJSON's values
"use strict";

test(() => {
  assert_equals(JSON.parse.length, 2);
  assert_equals(JSON.parse.name, "parse");
  const desc = Object.getOwnPropertyDescriptor(JSON, "parse");
  assert_true(desc.writable && !desc.enumerable && desc.configurable);
}, "JSON.parse is a built-in function of length 2");

for (const [text, expected] of [
  ["1", 1], [" 1 ", 1], ["0.5", 0.5], ["1e3", 1000], ["1E+3", 1000], ["1e-3", 0.001], ["-1.5e-7", -1.5e-7],
  ["1e1000", Infinity], ["-1e1000", -Infinity], ["1e-400", 0], ["123456789012345678901234567890", 1.2345678901234568e29],
  ["2.2250738585072014e-308", 2.2250738585072014e-308], ["5e-324", 5e-324], ["4.35", 4.35], ["0.1", 0.1],
  ['""', ""], ['"a"', "a"], ['"\\u0041\\u00e9\\ud83d\\ude00"', "A\u00e9\uD83D\uDE00"], ['"\\ud800"', "\uD800"],
  ['"\\/\\b\\f\\n\\r\\t\\"\\\\"', "/\b\f\n\r\t\"\\"], ['"\u00e9\uD83D\uDE00\u2028"', "\u00e9\uD83D\uDE00\u2028"], ['"\\u00000"', "\u00000"],
  ["true", true], ["false", false], ["null", null],
]) {
  test(() => {
    assert_equals(JSON.parse(text), expected);
  }, `JSON.parse(${JSON.stringify(text)})`);
}

test(() => {
  assert_true(Object.is(JSON.parse("-0"), -0));
  assert_true(Object.is(JSON.parse("-0.0e5"), -0));
}, "-0 stays -0");

test(() => {
  const value = JSON.parse(' \t\n\r{ "a" : [ 1 , { "b" : [ ] } ] , "c" : { } } \t\n\r');
  assert_equals(JSON.stringify(value), '{"a":[1,{"b":[]}],"c":{}}');
  assert_equals(Object.getPrototypeOf(value), Object.prototype);
  assert_equals(Object.getPrototypeOf(value.a), Array.prototype);
  assert_true(Array.isArray(value.a));
  assert_equals(value.a.length, 2);
}, "arrays and objects, with whitespace between every token");

test(() => {
  const value = JSON.parse('{"a":1,"b":2,"a":3}');
  assert_array_equals(Object.keys(value), ["a", "b"]);
  assert_equals(value.a, 3);
  const order = JSON.parse('{"2":1,"1":2,"b":3,"a":4}');
  assert_array_equals(Object.keys(order), ["1", "2", "b", "a"]);
}, "a name given twice keeps its first place and its last value");

test(() => {
  const value = JSON.parse('{"__proto__":{"x":1}}');
  assert_equals(Object.getPrototypeOf(value), Object.prototype);
  assert_true(Object.hasOwn(value, "__proto__"));
  assert_equals(value.__proto__.x, 1);
  assert_array_equals(Object.keys(JSON.parse('{"__proto__":1,"__proto__":2}')), ["__proto__"]);
}, '"__proto__" is an own data property, not the prototype');

test(() => {
  Object.defineProperty(Object.prototype, "trap", { set(v) { throw new Error("setter called"); }, configurable: true });
  Object.defineProperty(Array.prototype, "0", { set(v) { throw new Error("setter called"); }, configurable: true });
  try {
    const value = JSON.parse('{"trap":1,"a":[2]}');
    assert_equals(value.trap, 1);
    assert_equals(value.a[0], 2);
  } finally {
    delete Object.prototype.trap;
    delete Array.prototype[0];
  }
}, "properties are defined, not set: inherited setters are not called");

for (const text of ["", " ", "01", "-", "+1", "1.", ".5", "1e", "1e+", "0x10", "Infinity", "NaN", "-Infinity", "tru", "True", "nul",
  '"abc', '"\\x41"', '"\\u12"', '"\\u12G4"', '"\\U0041"', "'a'", '"\t"', '"\n"', '"\u0000"', '"\u001f"', "[1,]", "[,1]", '{"a":1,}', "{a:1}",
  '{"a" 1}', '{"a":}', '{1:1}', "[1 2]", "1 2", "[", "]", "{", "}", '{"a":1', "[1", '"a"x', "undefined", "\u00a01", "\ufeff1",
  "/*c*/1", "1//c", "[1]]", "{}}", "\u20281", "\u000b1", "\u000c1"]) {
  test(() => {
    assert_throws_js(SyntaxError, () => JSON.parse(text));
  }, `JSON.parse(${JSON.stringify(text)}) is a SyntaxError`);
}

test(() => {
  assert_equals(JSON.stringify(JSON.parse({ toString() { return "[7]"; } })), "[7]");
  assert_equals(JSON.parse(12), 12);
  assert_equals(JSON.parse(null), null);
  assert_equals(JSON.parse(true), true);
  assert_throws_js(SyntaxError, () => JSON.parse());
  assert_throws_js(TypeError, () => JSON.parse(Symbol()));
}, "the text is converted with ToString");

test(() => {
  const text = JSON.stringify(Array.from({ length: 1000 }, (_, i) => ({ id: i, s: "x\n" + i, n: [i / 3, -i, null, true] })));
  assert_equals(JSON.stringify(JSON.parse(text)), text);
}, "JSON.stringify(JSON.parse(text)) gives the text back");
