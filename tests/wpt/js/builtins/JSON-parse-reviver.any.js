// META: global=window
// META: title=JSON.parse with a reviver: InternalizeJSONProperty, with the JSON.parse source text access context
"use strict";

test(() => {
  const log = [];
  JSON.parse('{"a":[1,{"b":2}],"c":3}', function (key, value) {
    log.push(`${JSON.stringify(key)}:${JSON.stringify(value)}:${Array.isArray(this) ? "array" : typeof this}`);
    return value;
  });
  assert_array_equals(log, ['"0":1:array', '"b":2:object', '"1":{"b":2}:array', '"a":[1,{"b":2}]:object', '"c":3:object', '"":{"a":[1,{"b":2}],"c":3}:object']);
}, "the reviver is called children first, with the holder as this, the root last with the empty key");

test(() => {
  assert_equals(JSON.stringify(JSON.parse('{"a":1,"b":2,"c":[1,2,3]}', (k, v) => (v === 2 ? undefined : v))), '{"a":1,"c":[1,null,3]}');
  assert_equals(JSON.stringify(JSON.parse('[1,2,{"x":3}]', (k, v) => (typeof v === "number" ? v * 10 : v))), '[10,20,{"x":30}]');
  assert_equals(JSON.parse("1", () => undefined), undefined);
  assert_equals(JSON.stringify(JSON.parse("[1]", {})), "[1]");
}, "undefined deletes the property; other values replace it; a non-callable reviver is ignored");

test(() => {
  const log = [];
  JSON.parse('{"b":1,"2":2,"a":3,"1":4}', (k, v) => (log.push(k), v));
  assert_array_equals(log, ["1", "2", "b", "a", ""]);
}, "an object's keys in property order");

test(() => {
  const log = [];
  JSON.parse('{"a":1.0,"b":"x\\u0041","c":[true,null,-0,1e1000],"d":{},"e":[]}', (k, v, context) => {
    log.push(`${k}=${JSON.stringify(context)}:${Object.getPrototypeOf(context) === Object.prototype}`);
    return v;
  });
  assert_array_equals(log, [
    'a={"source":"1.0"}:true', 'b={"source":"\\"x\\\\u0041\\""}:true', '0={"source":"true"}:true', '1={"source":"null"}:true',
    '2={"source":"-0"}:true', '3={"source":"1e1000"}:true', 'c={}:true', 'd={}:true', 'e={}:true', '={}:true',
  ]);
}, "the context's source: the source text of a primitive, none for arrays and objects");

test(() => {
  const log = [];
  JSON.parse("[1,2,3]", function (k, v, context) {
    if (k === "0") this[1] = 20;
    log.push(`${k}=${JSON.stringify(context)}`);
    return v;
  });
  assert_array_equals(log, ['0={"source":"1"}', "1={}", '2={"source":"3"}', "={}"]);
}, "no source for a value the reviver changed before it was visited");

test(() => {
  const log = [];
  JSON.parse('{"a":1,"a":2}', (k, v, context) => (log.push(`${k}=${JSON.stringify(context)}`), v));
  assert_array_equals(log, ['a={"source":"2"}', "={}"]);
}, "a name given twice: the source of the last value");

test(() => {
  const log = [];
  JSON.parse('{"a":1,"b":2}', function (k, v) {
    log.push(k);
    if (k === "a") this.c = 3;
    return v;
  });
  assert_array_equals(log, ["a", "b", ""]);
}, "keys are taken before the first member is revived (EnumerableOwnProperties)");

test(() => {
  const result = JSON.parse("[1,2]", function (k, v) {
    if (k === "0") Object.defineProperty(this, "1", { value: "fixed", configurable: false });
    return k === "1" ? "changed" : v;
  });
  assert_equals(JSON.stringify(result), '[1,"fixed"]');
}, "CreateDataProperty failing (a non-configurable property) is not an error");

test(() => {
  const error = new RangeError("from the reviver");
  assert_throws_exactly(error, () => JSON.parse("[1]", () => { throw error; }));
}, "an exception from the reviver propagates unchanged");

test(() => {
  const log = [];
  const result = JSON.parse('{"a":[1]}', function (k, v) {
    if (k === "") return v;
    if (k === "0") {
      Object.defineProperty(this, "1", { get() { log.push("get 1"); return 9; }, enumerable: true, configurable: true });
      this.length = 2;
    }
    return v;
  });
  assert_array_equals(log, []);
  assert_equals(result.a.length, 2);
}, "an array's length is read before its elements are revived");
