// META: global=window
// META: title=structuredClone() and postMessage: Float16Array
"use strict";

test(() => {
  assert_equals(typeof Float16Array, "function", "Float16Array is a global");
  assert_equals(Float16Array.BYTES_PER_ELEMENT, 2);
  assert_equals(Object.getPrototypeOf(Float16Array), Object.getPrototypeOf(Float32Array),
    "it is a %TypedArray%");
  assert_equals(typeof DataView.prototype.getFloat16, "function");
  assert_equals(typeof DataView.prototype.setFloat16, "function");
  assert_equals(typeof Math.f16round, "function");
}, "Float16Array, DataView's Float16 methods and Math.f16round are there");

// Every value here is exact in binary16.
const special = [1.5, -0, 0, NaN, Infinity, -Infinity, 65504, -65504, 2 ** -24, -(2 ** -14)];

test(() => {
  const original = new Float16Array(special);
  const clone = structuredClone(original);
  assert_true(clone instanceof Float16Array);
  assert_not_equals(clone, original);
  assert_not_equals(clone.buffer, original.buffer);
  assert_equals(clone.length, special.length);
  assert_equals(clone.byteOffset, 0);
  assert_equals(clone.buffer.byteLength, special.length * 2);
  for (let i = 0; i < special.length; i++) {
    assert_true(Object.is(clone[i], special[i]), `element ${i}: ${clone[i]}`);
  }
  clone[0] = 3;
  assert_equals(original[0], 1.5, "the clone has its own bytes");
}, "a Float16Array keeps -0, NaN, the infinities, the largest and the subnormal values");

test(() => {
  const bits = new Uint16Array([0x7e01, 0xfc00, 0x8000, 0x3c00, 0x0001]);
  const half = new Float16Array(bits.buffer);
  const clone = structuredClone(half);
  assert_array_equals(new Uint16Array(clone.buffer), bits, "the same bits, NaN payload included");
}, "a Float16Array's bytes are copied as they are");

test(() => {
  const buffer = new ArrayBuffer(32);
  const original = new Float16Array(buffer, 6, 5);
  original.set([0.5, -2, 1024, -0, NaN]);
  const clone = structuredClone(original);
  assert_equals(clone.byteOffset, 6);
  assert_equals(clone.length, 5);
  assert_equals(clone.byteLength, 10);
  assert_equals(clone.buffer.byteLength, 32, "the whole buffer is cloned");
  assert_array_equals(Array.from(clone.subarray(0, 3)), [0.5, -2, 1024]);
  assert_true(Object.is(clone[3], -0));
  assert_true(Number.isNaN(clone[4]));
}, "a Float16Array's offset and length are kept");

test(() => {
  const buffer = new ArrayBuffer(8, { maxByteLength: 32 });
  const tracking = new Float16Array(buffer, 2);
  const fixed = new Float16Array(buffer, 2, 2);
  tracking.set([1, 2, 3]);
  const clone = structuredClone({ tracking, fixed });
  assert_true(clone.tracking.buffer.resizable);
  assert_equals(clone.tracking.buffer, clone.fixed.buffer);
  assert_equals(clone.tracking.length, 3);
  assert_array_equals(Array.from(clone.tracking), [1, 2, 3]);
  clone.tracking.buffer.resize(22);
  assert_equals(clone.tracking.length, 10, "the clone tracks its buffer's length");
  assert_equals(clone.fixed.length, 2);
  clone.tracking.buffer.resize(4);
  assert_equals(clone.tracking.length, 1);
  assert_equals(tracking.length, 3, "the original is untouched");
}, "a length-tracking Float16Array over a resizable buffer keeps tracking");

test(() => {
  const buffer = new ArrayBuffer(16);
  const half = new Float16Array(buffer);
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  half[1] = -1.5;
  const clone = structuredClone({ bytes, half, view });
  assert_equals(clone.half.buffer, clone.bytes.buffer, "one buffer for all the views");
  assert_equals(clone.view.buffer, clone.bytes.buffer);
  assert_equals(clone.half[1], -1.5);
  assert_equals(clone.view.getFloat16(2, true), -1.5);
  clone.view.setFloat16(0, 2.5, true);
  assert_equals(clone.half[0], 2.5, "a write through the DataView shows in the Float16Array");
  clone.bytes[3] = 0x7c;
  clone.bytes[2] = 0;
  assert_equals(clone.half[1], Infinity, "a write through the bytes shows in the Float16Array");
  assert_equals(half[0], 0, "the original buffer is untouched");
}, "a Float16Array sharing its buffer with other views");

test(() => {
  const buffer = new ArrayBuffer(8, { maxByteLength: 16 });
  const half = new Float16Array(buffer, 4, 2);
  buffer.resize(6);
  assert_throws_dom("DataCloneError", () => structuredClone(half));
  const detached = new Float16Array(4);
  structuredClone(undefined, { transfer: [detached.buffer] });
  assert_throws_dom("DataCloneError", () => structuredClone(detached));
}, "an out-of-bounds or detached Float16Array throws DataCloneError");

test(() => {
  const half = new Float16Array([1, NaN, -0]);
  const buffer = half.buffer;
  const clone = structuredClone(half, { transfer: [buffer] });
  assert_equals(buffer.byteLength, 0, "transferred away");
  assert_equals(half.length, 0);
  assert_equals(clone.length, 3);
  assert_equals(clone[0], 1);
  assert_true(Number.isNaN(clone[1]));
  assert_true(Object.is(clone[2], -0));
}, "a Float16Array whose buffer is transferred");

promise_test(async () => {
  const id = "float16-post";
  const received = new Promise(resolve => {
    window.addEventListener("message", function listener(e) {
      if (e.data && e.data.id === id) {
        window.removeEventListener("message", listener);
        resolve(e.data);
      }
    });
  });
  const buffer = new ArrayBuffer(12, { maxByteLength: 24 });
  const original = new Float16Array(buffer, 2);
  original.set([-0, NaN, Infinity, 0.25, -65504]);
  postMessage({ id, half: original, bytes: new Uint8Array(buffer) }, "*");
  const { half, bytes } = await received;
  assert_true(half instanceof Float16Array);
  assert_equals(half.buffer, bytes.buffer);
  assert_equals(half.byteOffset, 2);
  assert_equals(half.length, 5);
  assert_true(Object.is(half[0], -0));
  assert_true(Number.isNaN(half[1]));
  assert_array_equals(Array.from(half.subarray(2)), [Infinity, 0.25, -65504]);
  half.buffer.resize(24);
  assert_equals(half.length, 11, "still length-tracking");
}, "postMessage delivers a Float16Array");
