// META: global=window
// META: title=structuredClone(): ArrayBuffers, typed arrays and DataViews
"use strict";

test(() => {
  const original = new Uint8Array([1, 2, 3, 250]).buffer;
  const clone = structuredClone(original);
  assert_true(clone instanceof ArrayBuffer);
  assert_not_equals(clone, original);
  assert_equals(clone.byteLength, 4);
  assert_array_equals(new Uint8Array(clone), [1, 2, 3, 250]);
  new Uint8Array(clone)[0] = 9;
  assert_equals(new Uint8Array(original)[0], 1, "the bytes were copied");
}, "an ArrayBuffer's bytes are copied");

test(() => {
  const clone = structuredClone(new ArrayBuffer(0));
  assert_equals(clone.byteLength, 0);
  assert_false(clone.resizable);
}, "an empty ArrayBuffer");

test(() => {
  const original = new ArrayBuffer(4, { maxByteLength: 16 });
  new Uint8Array(original).set([5, 6, 7, 8]);
  const clone = structuredClone(original);
  assert_true(clone.resizable);
  assert_equals(clone.maxByteLength, 16);
  assert_equals(clone.byteLength, 4);
  assert_array_equals(new Uint8Array(clone), [5, 6, 7, 8]);
  clone.resize(10);
  assert_equals(clone.byteLength, 10);
  assert_equals(original.byteLength, 4);
}, "a resizable ArrayBuffer stays resizable with the same maxByteLength");

test(() => {
  const original = new ArrayBuffer(8);
  structuredClone(undefined, { transfer: [original] });
  assert_equals(original.byteLength, 0, "detached");
  assert_throws_dom("DataCloneError", () => structuredClone(original));
  assert_throws_dom("DataCloneError", () => structuredClone({ nested: [original] }));
}, "a detached ArrayBuffer throws DataCloneError");

const kinds = [
  [Int8Array, [-1, 2, -128]],
  [Uint8Array, [1, 2, 255]],
  [Uint8ClampedArray, [0, 128, 255]],
  [Int16Array, [-1, 300, -32768]],
  [Uint16Array, [1, 65535, 3]],
  [Int32Array, [-1, 2 ** 31 - 1, 3]],
  [Uint32Array, [1, 2 ** 32 - 1, 3]],
  [Float32Array, [0.5, -0, Infinity]],
  [Float64Array, [Math.PI, NaN, -0]],
  [BigInt64Array, [-1n, 2n ** 63n - 1n, 3n]],
  [BigUint64Array, [1n, 2n ** 64n - 1n, 3n]],
];
for (const [constructor, values] of kinds) {
  test(() => {
    const original = new constructor(values);
    const clone = structuredClone(original);
    assert_true(clone instanceof constructor);
    assert_not_equals(clone.buffer, original.buffer);
    assert_equals(clone.length, values.length);
    for (let i = 0; i < values.length; i++) {
      assert_true(Object.is(clone[i], original[i]), `element ${i}`);
    }
  }, `a ${constructor.name} is cloned with its buffer`);
}

test(() => {
  const buffer = new ArrayBuffer(32);
  const original = new Int16Array(buffer, 4, 5);
  original.set([1, 2, 3, 4, 5]);
  const clone = structuredClone(original);
  assert_equals(clone.byteOffset, 4);
  assert_equals(clone.length, 5);
  assert_equals(clone.buffer.byteLength, 32, "the whole buffer is cloned");
  assert_array_equals(clone, [1, 2, 3, 4, 5]);
}, "a typed array's offset and length are kept");

test(() => {
  const buffer = new ArrayBuffer(16);
  const original = new DataView(buffer, 2, 8);
  original.setUint16(0, 0xbeef);
  const clone = structuredClone(original);
  assert_true(clone instanceof DataView);
  assert_equals(clone.byteOffset, 2);
  assert_equals(clone.byteLength, 8);
  assert_equals(clone.buffer.byteLength, 16);
  assert_equals(clone.getUint16(0), 0xbeef);
}, "a DataView's offset and length are kept");

test(() => {
  const buffer = new ArrayBuffer(16);
  const bytes = new Uint8Array(buffer);
  const words = new Uint32Array(buffer, 8, 2);
  const view = new DataView(buffer, 4);
  const clone = structuredClone({ bytes, words, view, buffer });
  assert_equals(clone.bytes.buffer, clone.buffer);
  assert_equals(clone.words.buffer, clone.buffer);
  assert_equals(clone.view.buffer, clone.buffer);
  clone.words[0] = 0x01020304;
  assert_not_equals(clone.bytes[8] + clone.bytes[11], 0, "the views share the cloned bytes");
  clone.view.setUint8(0, 77);
  assert_equals(clone.bytes[4], 77);
}, "views over one buffer still share one buffer");

test(() => {
  const buffer = new ArrayBuffer(8, { maxByteLength: 32 });
  const tracking = new Uint16Array(buffer, 2);
  const fixed = new Uint16Array(buffer, 2, 2);
  const trackingView = new DataView(buffer, 4);
  const fixedView = new DataView(buffer, 4, 2);
  const clone = structuredClone({ tracking, fixed, trackingView, fixedView });
  assert_equals(clone.tracking.length, 3);
  assert_equals(clone.trackingView.byteLength, 4);
  clone.tracking.buffer.resize(22);
  assert_equals(clone.tracking.length, 10, "the typed array tracks the buffer's length");
  assert_equals(clone.fixed.length, 2);
  assert_equals(clone.trackingView.byteLength, 18, "the DataView tracks the buffer's length");
  assert_equals(clone.fixedView.byteLength, 2);
}, "length-tracking views over a resizable buffer keep tracking");

test(() => {
  const buffer = new ArrayBuffer(8, { maxByteLength: 16 });
  const view = new Uint8Array(buffer, 4, 4);
  buffer.resize(6);
  assert_throws_dom("DataCloneError", () => structuredClone(view));
  const dataView = new DataView(buffer, 2, 4);
  buffer.resize(4);
  assert_throws_dom("DataCloneError", () => structuredClone(dataView));
}, "an out-of-bounds view throws DataCloneError");

test(() => {
  const view = new Uint8Array(4);
  structuredClone(undefined, { transfer: [view.buffer] });
  assert_throws_dom("DataCloneError", () => structuredClone(view));
  const dataView = new DataView(new ArrayBuffer(4));
  structuredClone(undefined, { transfer: [dataView.buffer] });
  assert_throws_dom("DataCloneError", () => structuredClone(dataView));
}, "a view over a detached buffer throws DataCloneError");

test(() => {
  assert_throws_dom("DataCloneError", () => structuredClone(new SharedArrayBuffer(4)));
}, "a SharedArrayBuffer throws DataCloneError (the document is not cross-origin isolated)");
