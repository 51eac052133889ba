// META: title=window.postMessage: SharedArrayBuffers without cross-origin isolation
// META: script=resources/messages.js
"use strict";

// The document is not cross-origin isolated: serializing a SharedArrayBuffer throws a
// DataCloneError (StructuredSerializeInternal step 13.1.1), postMessage rethrows it, and
// nothing is queued.

for (const [make, path, label] of [
  [sab => sab, "value", "a SharedArrayBuffer"],
  [sab => ({ b: sab }), "value.b", "an object holding one"],
  [sab => ({ list: [new Uint16Array(sab)] }), "value.list[0].buffer", "a typed array over one"],
]) {
  test(() => {
    const sab = new SharedArrayBuffer(8);
    let error = null;
    try {
      postMessage(make(sab), "*");
    } catch (e) {
      error = e;
    }
    assert_true(error instanceof DOMException, "a DOMException");
    assert_equals(error.name, "DataCloneError");
    assert_true(error.message.startsWith(`${path} is a SharedArrayBuffer`), error.message);
  }, `posting ${label} throws DataCloneError`);
}

promise_test(async t => {
  const recorder = record_messages(t);
  const sab = new SharedArrayBuffer(4);
  const failed = unique_id("failed");
  const marker = unique_id("marker");
  assert_throws_dom("DataCloneError", () => postMessage({ id: failed, b: sab }, "*"));
  assert_throws_dom("DataCloneError", () => postMessage({ id: failed, v: new Int8Array(sab) }, "*"));
  postMessage({ id: marker }, "*");
  const received = await recorder.until(marker);
  assert_array_equals(received.map(d => d.id), [marker], "only the marker arrives");
}, "a message holding a SharedArrayBuffer is not delivered");

promise_test(async t => {
  const recorder = record_messages(t);
  const sab = new SharedArrayBuffer(4);
  const buffer = new ArrayBuffer(8);
  const failed = unique_id("failed");
  const marker = unique_id("marker");
  assert_throws_dom("DataCloneError", () => postMessage({ id: failed, sab, buffer }, "*", [buffer]));
  assert_equals(buffer.byteLength, 8, "the transfer list was not detached");
  postMessage({ id: marker }, "*");
  const received = await recorder.until(marker);
  assert_array_equals(received.map(d => d.id), [marker]);
}, "a failed postMessage transfers nothing");

promise_test(async t => {
  const iframe = document.createElement("iframe");
  document.body.appendChild(iframe);
  t.add_cleanup(() => iframe.remove());
  const child = iframe.contentWindow;
  const sab = new SharedArrayBuffer(4);
  let error = null;
  try {
    child.postMessage({ b: sab }, "*");
  } catch (e) {
    error = e;
  }
  // (The DOMException is the child's: its postMessage was called.)
  assert_equals(error && error.name, "DataCloneError");
  assert_true(error.message.startsWith("value.b is a SharedArrayBuffer"), error.message);
}, "posting a SharedArrayBuffer to another window throws DataCloneError");
