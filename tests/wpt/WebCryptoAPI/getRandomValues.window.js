// META: title=crypto.getRandomValues() and crypto.randomUUID() outside a secure context
"use strict";

test(() => {
  assert_true(crypto instanceof Crypto);
  assert_equals(crypto, self.crypto, "[SameObject]");
  assert_throws_js(TypeError, () => new Crypto());
  assert_equals(Crypto.prototype.getRandomValues.length, 1);
  let desc;
  for (let o = self; o && !desc; o = Object.getPrototypeOf(o)) {
    desc = Object.getOwnPropertyDescriptor(o, "crypto");
  }
  assert_equals(typeof desc.get, "function", "an accessor");
  assert_equals(desc.set, undefined, "readonly");
}, "crypto is a Crypto object, the same each time");

for (const Type of [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
                    Int32Array, Uint32Array, BigInt64Array, BigUint64Array]) {
  test(() => {
    const array = new Type(64);
    const result = crypto.getRandomValues(array);
    assert_equals(result, array, "returns its argument");
    assert_true(Array.from(array).some(v => v != 0), "filled (64 zero elements: 2^-512)");
  }, `getRandomValues fills a ${Type.name}`);
}

for (const make of [() => new Float32Array(4), () => new Float64Array(4),
                    () => new DataView(new ArrayBuffer(4))]) {
  test(() => {
    assert_throws_dom("TypeMismatchError", () => crypto.getRandomValues(make()));
  }, `getRandomValues of a ${make().constructor.name} is a TypeMismatchError`);
}

test(() => {
  for (const value of [undefined, null, 1, "x", {}, [1, 2], new ArrayBuffer(4)]) {
    assert_throws_js(TypeError, () => crypto.getRandomValues(value), String(value));
  }
  assert_throws_js(TypeError, () => crypto.getRandomValues());
}, "getRandomValues of something that is not an ArrayBufferView is a TypeError");

test(() => {
  crypto.getRandomValues(new Uint8Array(65536));
  assert_throws_dom("QuotaExceededError", () => crypto.getRandomValues(new Uint8Array(65537)));
  assert_throws_dom("QuotaExceededError", () => crypto.getRandomValues(new Uint32Array(16385)));
}, "getRandomValues fills at most 65,536 bytes");

test(() => {
  const buffer = new ArrayBuffer(16);
  const view = new Uint8Array(buffer, 4, 8);
  crypto.getRandomValues(view);
  const all = new Uint8Array(buffer);
  assert_array_equals(Array.from(all.slice(0, 4)), [0, 0, 0, 0], "before the view");
  assert_array_equals(Array.from(all.slice(12)), [0, 0, 0, 0], "after the view");
}, "getRandomValues writes only the view's bytes");

test(() => {
  assert_throws_js(TypeError, () => Crypto.prototype.getRandomValues.call({}, new Uint8Array(1)));
}, "getRandomValues checks this");

test(() => {
  assert_false(isSecureContext, "http://web-platform.test is not potentially trustworthy");
  assert_false("randomUUID" in crypto, "[SecureContext]");
  assert_false("randomUUID" in Crypto.prototype);
}, "randomUUID is not exposed outside a secure context");
