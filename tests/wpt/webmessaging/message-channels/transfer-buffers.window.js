// META: title=Transferring resizable ArrayBuffers and their views through a MessageChannel
"use strict";

// Posts `value` through a fresh MessageChannel, transferring `transfer`, and resolves with the
// received data.
function through_channel(value, transfer) {
  const { port1, port2 } = new MessageChannel();
  const received = new Promise(resolve => { port2.onmessage = e => resolve(e.data); });
  port1.postMessage(value, transfer);
  return received.finally(() => { port1.close(); port2.close(); });
}

promise_test(async () => {
  const buffer = new ArrayBuffer(4, { maxByteLength: 16 });
  new Uint8Array(buffer).set([1, 2, 3, 4]);
  const copy = await through_channel(buffer, [buffer]);
  assert_equals(buffer.byteLength, 0, "the source is detached");
  assert_true(copy.resizable, "resizable");
  assert_equals(copy.maxByteLength, 16);
  assert_array_equals(new Uint8Array(copy), [1, 2, 3, 4]);
  copy.resize(8);
  assert_equals(copy.byteLength, 8, "the received buffer resizes");
}, "a resizable ArrayBuffer is transferable through a port");

promise_test(async () => {
  const buffer = new ArrayBuffer(4, { maxByteLength: 16 });
  const view = new Uint8Array(buffer);
  view.set([5, 6, 7, 8]);
  const copy = await through_channel(view, [buffer]);
  assert_equals(view.length, 0, "the source view sees a detached buffer");
  assert_true(copy instanceof Uint8Array);
  assert_array_equals(copy, [5, 6, 7, 8]);
  copy.buffer.resize(6);
  assert_equals(copy.length, 6, "the received view tracks its buffer's length");
}, "a length-tracking TypedArray is transferable through a port");

promise_test(async () => {
  const buffer = new ArrayBuffer(4, { maxByteLength: 16 });
  const view = new DataView(buffer, 1);
  const copy = await through_channel(view, [buffer]);
  assert_true(copy instanceof DataView);
  assert_equals(copy.byteOffset, 1);
  assert_equals(copy.byteLength, 3);
  copy.buffer.resize(10);
  assert_equals(copy.byteLength, 9, "the received view tracks its buffer's length");
}, "a length-tracking DataView is transferable through a port");

test(() => {
  const { port1, port2 } = new MessageChannel();
  const buffer = new ArrayBuffer(8, { maxByteLength: 16 });
  const typed = new Uint8Array(buffer, 4, 4);
  const data = new DataView(buffer, 4, 4);
  buffer.resize(2);
  assert_throws_dom("DataCloneError", () => port1.postMessage(typed, [buffer]), "TypedArray");
  assert_throws_dom("DataCloneError", () => port1.postMessage(data, [buffer]), "DataView");
  assert_equals(buffer.byteLength, 2, "nothing was detached");
  port1.close();
  port2.close();
}, "transferring an out-of-bounds view throws DataCloneError and detaches nothing");
