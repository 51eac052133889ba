// META: global=window
// META: title=structuredClone(value, { transfer })
"use strict";

test(() => {
  const original = new Uint8Array([1, 2, 3, 4]).buffer;
  const clone = structuredClone(original, { transfer: [original] });
  assert_true(clone instanceof ArrayBuffer);
  assert_not_equals(clone, original);
  assert_array_equals(new Uint8Array(clone), [1, 2, 3, 4]);
  assert_equals(original.byteLength, 0, "the source is detached");
  assert_throws_js(TypeError, () => new Uint8Array(original), "a detached buffer cannot be viewed");
}, "a transferred ArrayBuffer moves its bytes and detaches the source");

test(() => {
  const buffer = new ArrayBuffer(8);
  const view = new Uint16Array(buffer);
  const dataView = new DataView(buffer, 2);
  view[1] = 7;
  const clone = structuredClone({ view, dataView }, { transfer: [buffer] });
  assert_equals(view.length, 0, "the typed array sees the detached buffer");
  assert_equals(view.byteLength, 0);
  assert_throws_js(TypeError, () => dataView.byteLength, "the DataView is out of bounds");
  assert_equals(clone.view.buffer, clone.dataView.buffer, "the views share the received buffer");
  assert_equals(clone.view[1], 7);
  assert_equals(clone.dataView.getUint16(0, true), 7);
}, "views over a transferred buffer see it detached; the clones share the new buffer");

test(() => {
  const buffer = new ArrayBuffer(4, { maxByteLength: 12 });
  const clone = structuredClone(buffer, { transfer: [buffer] });
  assert_true(clone.resizable);
  assert_equals(clone.maxByteLength, 12);
  assert_equals(buffer.byteLength, 0);
}, "a transferred resizable ArrayBuffer stays resizable");

test(() => {
  const buffer = new ArrayBuffer(4);
  const clone = structuredClone({ a: buffer, b: buffer }, { transfer: [buffer] });
  assert_equals(clone.a, clone.b);
}, "every reference to a transferred buffer is the one received buffer");

test(() => {
  const buffer = new ArrayBuffer(4);
  const clone = structuredClone("not the buffer", { transfer: [buffer] });
  assert_equals(clone, "not the buffer");
  assert_equals(buffer.byteLength, 0, "transferred even though the value does not hold it");
}, "a transferred buffer is detached even when the value does not refer to it");

test(() => {
  const buffer = new ArrayBuffer(4);
  assert_throws_dom("DataCloneError", () => structuredClone(buffer, { transfer: [buffer, buffer] }));
  assert_equals(buffer.byteLength, 4, "nothing was detached");
}, "a buffer listed twice throws DataCloneError");

for (const [make, label] of [
  [() => ({}), "a plain object"],
  [() => new Uint8Array(4), "a typed array"],
  [() => new DOMException(), "a DOMException"],
  [() => new SharedArrayBuffer(4), "a SharedArrayBuffer"],
  [() => function () {}, "a function"],
]) {
  test(() => {
    const buffer = new ArrayBuffer(4);
    assert_throws_dom("DataCloneError", () =>
      structuredClone(buffer, { transfer: [buffer, make()] }));
    assert_equals(buffer.byteLength, 4, "nothing was detached");
  }, `transferring ${label} throws DataCloneError`);
}

test(() => {
  const buffer = new ArrayBuffer(4);
  structuredClone(null, { transfer: [buffer] });
  assert_throws_dom("DataCloneError", () => structuredClone(null, { transfer: [buffer] }));
}, "transferring a detached ArrayBuffer throws DataCloneError");

test(() => {
  const buffer = new ArrayBuffer(4);
  assert_throws_dom("DataCloneError", () =>
    structuredClone({ buffer, f() {} }, { transfer: [buffer] }));
  assert_equals(buffer.byteLength, 4, "nothing is detached when serialization fails");
}, "a failed serialization detaches nothing");

test(() => {
  const buffer = new ArrayBuffer(4);
  function* list() {
    yield buffer;
  }
  const clone = structuredClone(buffer, { transfer: list() });
  assert_equals(clone.byteLength, 4);
  assert_equals(buffer.byteLength, 0);
  const other = new ArrayBuffer(2);
  structuredClone(null, { transfer: new Set([other]) });
  assert_equals(other.byteLength, 0);
}, "the transfer list is any iterable");

test(() => {
  assert_throws_js(TypeError, () => structuredClone(1, { transfer: 5 }));
  assert_throws_js(TypeError, () => structuredClone(1, { transfer: { length: 0 } }));
  assert_throws_js(TypeError, () => structuredClone(1, { transfer: [1] }));
  assert_throws_js(TypeError, () => structuredClone(1, 5));
  assert_equals(structuredClone(1, {}), 1);
  assert_equals(structuredClone(1, null), 1);
  assert_equals(structuredClone(1, { transfer: undefined }), 1);
}, "the options argument is converted by WebIDL");
