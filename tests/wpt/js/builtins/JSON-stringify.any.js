// META: global=window
// META: title=JSON.stringify: the spec's steps (ECMA-262 JSON.stringify, SerializeJSONProperty, SerializeJSONObject, SerializeJSONArray, QuoteJSONString)
"use strict";

test(() => {
  assert_equals(typeof JSON.stringify, "function");
  assert_equals(JSON.stringify.length, 3);
  assert_equals(JSON.stringify.name, "stringify");
  const desc = Object.getOwnPropertyDescriptor(JSON, "stringify");
  assert_true(desc.writable && !desc.enumerable && desc.configurable);
  assert_throws_js(TypeError, () => new JSON.stringify({}));
}, "JSON.stringify is a built-in function of length 3");

test(() => {
  assert_equals(JSON.stringify(undefined), undefined);
  assert_equals(JSON.stringify(() => {}), undefined);
  assert_equals(JSON.stringify(Symbol("s")), undefined);
  assert_equals(JSON.stringify(null), "null");
  assert_equals(JSON.stringify(true), "true");
  assert_equals(JSON.stringify(false), "false");
  assert_equals(JSON.stringify("s"), '"s"');
}, "primitives at the top level; undefined, functions and symbols give undefined");

test(() => {
  assert_equals(JSON.stringify([0, -0, 1.5, 1e21, 1e-7, 2 ** 53, -1e-300]), "[0,0,1.5,1e+21,1e-7,9007199254740992,-1e-300]");
  assert_equals(JSON.stringify([NaN, Infinity, -Infinity]), "[null,null,null]");
}, "numbers: ToString when finite (-0 is 0), null otherwise");

test(() => {
  assert_equals(JSON.stringify("\"\\\b\f\n\r\t"), '"\\"\\\\\\b\\f\\n\\r\\t"');
  assert_equals(JSON.stringify("\u0000\u0001\u001f\u0020\u007f"), '"\\u0000\\u0001\\u001f \u007f"');
  assert_equals(JSON.stringify("/\u2028\u2029\u00e9"), '"/\u2028\u2029\u00e9"');
}, "QuoteJSONString: the single-character escapes, UnicodeEscape for other controls");

test(() => {
  assert_equals(JSON.stringify("\uD83D\uDE00"), '"\uD83D\uDE00"');
  assert_equals(JSON.stringify("\uD800"), '"\\ud800"');
  assert_equals(JSON.stringify("\uDFFF"), '"\\udfff"');
  assert_equals(JSON.stringify("\uDE00\uD83D"), '"\\ude00\\ud83d"');
  assert_equals(JSON.stringify("a\uD83Db"), '"a\\ud83db"');
  assert_equals(JSON.stringify({ "\uDC00": 1 }), '{"\\udc00":1}');
}, "QuoteJSONString: surrogate pairs stay, lone surrogates are escaped in lowercase hex");

test(() => {
  assert_equals(JSON.stringify([undefined, () => {}, Symbol()]), "[null,null,null]");
  assert_equals(JSON.stringify({ a: undefined, b: () => {}, c: Symbol(), d: 1 }), '{"d":1}');
  assert_equals(JSON.stringify({ [Symbol("k")]: 1, k: 2 }), '{"k":2}');
  assert_equals(JSON.stringify([, 1, ,]), "[null,1,null]");
}, "undefined, functions and symbols: null in arrays, left out of objects; symbol keys left out");

test(() => {
  assert_equals(JSON.stringify({ b: 1, 2: 2, a: 3, 1: 4, "-1": 5 }), '{"1":4,"2":2,"b":1,"a":3,"-1":5}');
  const a = [1];
  a.x = 2;
  assert_equals(JSON.stringify(a), "[1]");
  assert_equals(JSON.stringify(new Uint8Array([1, 2])), '{"0":1,"1":2}');
  assert_equals(JSON.stringify(Object.assign(Object.create(null), { a: 1 })), '{"a":1}');
  assert_equals(JSON.stringify([new Map([[1, 2]]), new Set([1]), /x/g, new Error("e")]), "[{},{},{},{}]");
}, "objects: own enumerable string keys in property order; arrays: indices below length");

test(() => {
  assert_equals(JSON.stringify([new Number(3), new String("s"), new Boolean(false), Object(Symbol())]), '[3,"s",false,{}]');
  const n = new Number(1);
  n.valueOf = () => 7;
  const s = new String("abc");
  s.toString = () => "zz";
  assert_equals(JSON.stringify([n, s]), '[7,"zz"]');
}, "Number, String and Boolean objects are unwrapped (ToNumber and ToString are called)");

test(() => {
  assert_throws_js(TypeError, () => JSON.stringify(1n));
  assert_throws_js(TypeError, () => JSON.stringify({ a: 1n }));
  assert_throws_js(TypeError, () => JSON.stringify(Object(2n)));
}, "a BigInt without toJSON is a TypeError, a BigInt object too");

test(() => {
  BigInt.prototype.toJSON = function (key) { return `${this}:${typeof this}:${key}`; };
  try {
    assert_equals(JSON.stringify([1n, Object(2n)]), '["1:bigint:0","2:object:1"]');
  } finally {
    delete BigInt.prototype.toJSON;
  }
}, "toJSON on BigInt.prototype is called with the BigInt itself as this (GetV)");

test(() => {
  class A { toJSON(key) { return "A@" + key; } }
  assert_equals(JSON.stringify({ x: new A(), y: [new A()] }), '{"x":"A@x","y":["A@0"]}');
  assert_equals(JSON.stringify(new A()), '"A@"');
  assert_equals(JSON.stringify(new Date(0)), '"1970-01-01T00:00:00.000Z"');
  assert_equals(JSON.stringify({ toJSON: 1, a: 2 }), '{"toJSON":1,"a":2}');
  assert_equals(JSON.stringify({ a: { toJSON() {} }, b: [{ toJSON() {} }] }), '{"b":[null]}');
}, "toJSON, also inherited, is called with the key; a non-callable toJSON is a property");

test(() => {
  const calls = [];
  const result = JSON.stringify({ a: 1, b: [1, 2], c: "x" }, function (key, value) {
    calls.push(`${JSON.stringify(key)}:${Array.isArray(this) ? "array" : typeof this}`);
    return typeof value === "number" ? value * 10 : value;
  });
  assert_equals(result, '{"a":10,"b":[10,20],"c":"x"}');
  assert_array_equals(calls, ['"":object', '"a":object', '"b":object', '"0":array', '"1":array', '"c":object']);
  assert_equals(JSON.stringify(1, (k, v) => (k === "" ? { x: v } : v * 2)), '{"x":2}');
  assert_equals(JSON.stringify(1, () => undefined), undefined);
}, "a replacer function is called with the holder as this, the key and the value, the wrapper first");

test(() => {
  const order = [];
  const value = { get a() { order.push("get"); return { toJSON() { order.push("toJSON"); return 1; } }; } };
  JSON.stringify(value, (k, v) => { order.push("replacer " + k); return v; });
  assert_array_equals(order, ["replacer ", "get", "toJSON", "replacer a"]);
}, "Get, then toJSON, then the replacer (SerializeJSONProperty steps 1-3)");

test(() => {
  const value = { 1: "one", a: "A", b: "B", 2: "two", c: "C" };
  const list = ["b", 1, "a", "b", 1, new String("2"), new Number(1), {}, true, null, Symbol.iterator];
  assert_equals(JSON.stringify(value, list), '{"b":"B","1":"one","a":"A","2":"two"}');
  assert_equals(JSON.stringify({ a: { a: 1, b: 2 }, b: [{ a: 3, b: 4 }] }, ["a"]), '{"a":{"a":1}}');
  assert_equals(JSON.stringify([{ a: 1, b: 2 }], ["b"]), '[{"b":2}]');
  assert_equals(JSON.stringify({ true: 1 }, [new Boolean(true)]), "{}");
  assert_equals(JSON.stringify({ a: 1, b: 2 }, new Proxy(["b"], {})), '{"b":2}');
  const s = new String("a");
  s.toString = () => "b";
  assert_equals(JSON.stringify({ a: 1, b: 2 }, [s]), '{"b":2}');
}, "a replacer array: strings, numbers, String and Number objects (ToString), deduplicated, in its order, for every object");

test(() => {
  assert_equals(JSON.stringify([1, [2, { a: 3 }], {}, []], null, 2), '[\n  1,\n  [\n    2,\n    {\n      "a": 3\n    }\n  ],\n  {},\n  []\n]');
  assert_equals(JSON.stringify([1], null, 20), "[\n          1\n]");
  assert_equals(JSON.stringify([1], null, -5), "[1]");
  assert_equals(JSON.stringify([1], null, 2.9), "[\n  1\n]");
  assert_equals(JSON.stringify([1], null, Infinity), "[\n          1\n]");
  assert_equals(JSON.stringify([1], null, new Number(3)), "[\n   1\n]");
  assert_equals(JSON.stringify([1], null, new String("--")), "[\n--1\n]");
  assert_equals(JSON.stringify({ a: [1] }, null, "abcdefghijklmnop"), '{\nabcdefghij"a": [\nabcdefghijabcdefghij1\nabcdefghij]\n}');
  assert_equals(JSON.stringify([1], null, true), "[1]");
  assert_equals(JSON.stringify({ a: undefined, b: 1, c: undefined }, null, 1), '{\n "b": 1\n}');
  assert_equals(JSON.stringify({ a: undefined }, null, 1), "{}");
}, "space: numbers clamped to 10, strings cut to 10 code units, Number and String objects unwrapped");

test(() => {
  const log = [];
  const n = new Number(2);
  n.valueOf = () => { log.push("valueOf"); return 1; };
  assert_equals(JSON.stringify([1], null, n), "[\n 1\n]");
  assert_array_equals(log, ["valueOf"]);
}, "space: a Number object is converted with ToNumber once");

test(() => {
  const o = { a: 1, get b() { delete this.c; this.d = 4; return 2; }, c: 3 };
  assert_equals(JSON.stringify(o), '{"a":1,"b":2}');
  const a = [1, 2];
  Object.defineProperty(a, 0, { get() { a.push(9); return 1; }, enumerable: true, configurable: true });
  assert_equals(JSON.stringify(a), "[1,2]");
}, "the keys and the length are taken before the members are read (a getter that changes them)");

test(() => {
  const log = [];
  const proxy = new Proxy({ a: 1, b: 2 }, {
    ownKeys(t) { log.push("ownKeys"); return ["b", "a", "z"]; },
    getOwnPropertyDescriptor(t, k) { log.push("gopd " + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
    get(t, k, r) { log.push("get " + String(k)); return Reflect.get(t, k, r); },
  });
  assert_equals(JSON.stringify(proxy), '{"b":2,"a":1}');
  assert_array_equals(log, ["get toJSON", "ownKeys", "gopd b", "gopd a", "gopd z", "get b", "get a"]);
}, "a Proxy: toJSON, then ownKeys and getOwnPropertyDescriptor (EnumerableOwnProperties), then get");

test(() => {
  const log = [];
  const proxy = new Proxy([1, 2], { get(t, k, r) { log.push(String(k)); return Reflect.get(t, k, r); } });
  assert_equals(JSON.stringify(proxy), "[1,2]");
  assert_array_equals(log, ["toJSON", "length", "0", "1"]);
  assert_equals(JSON.stringify({ a: new Proxy([], {}) }), '{"a":[]}');
}, "a Proxy of an array is an array (IsArray)");

test(() => {
  const { proxy, revoke } = Proxy.revocable([], {});
  revoke();
  assert_throws_js(TypeError, () => JSON.stringify(proxy));
  assert_throws_js(TypeError, () => JSON.stringify({ a: proxy }));
  assert_throws_js(TypeError, () => JSON.stringify(1, proxy));
}, "a revoked Proxy is a TypeError (IsArray), as a value or as the replacer");

test(() => {
  const a = [];
  a.push(a);
  assert_throws_js(TypeError, () => JSON.stringify(a));
  const o = {};
  o.o = { p: o };
  assert_throws_js(TypeError, () => JSON.stringify(o));
  const x = {};
  assert_equals(JSON.stringify([x, x, { x }]), '[{},{},{"x":{}}]');
}, "a cycle is a TypeError; the same object twice is not a cycle");

test(() => {
  const error = new RangeError("from a getter");
  assert_throws_exactly(error, () => JSON.stringify({ get a() { throw error; } }));
  assert_throws_exactly(error, () => JSON.stringify([1], () => { throw error; }));
  assert_throws_exactly(error, () => JSON.stringify({ toJSON() { throw error; } }));
}, "exceptions from getters, replacers and toJSON propagate unchanged");

test(() => {
  const inner = [];
  const value = { toJSON() { return JSON.stringify([1, { b: 2 }]); } };
  inner.push(value);
  assert_equals(JSON.stringify(inner), '["[1,{\\"b\\":2}]"]');
}, "JSON.stringify called from a toJSON method");
