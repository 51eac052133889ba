// META: global=window
// META: title=structuredClone(): SharedArrayBuffers without cross-origin isolation
"use strict";

// Postern's documents are never cross-origin isolated, so StructuredSerializeInternal throws
// a DataCloneError for a SharedArrayBuffer wherever it is (step 13.1.1). The message names
// where it was found.

/** The DataCloneError `f` throws, checked to be one. */
function data_clone_error(f) {
  let error = null;
  try {
    f();
  } catch (e) {
    error = e;
  }
  assert_true(error instanceof DOMException, "a DOMException is thrown");
  assert_equals(error.name, "DataCloneError");
  assert_equals(error.code, 25);
  return error;
}

/** Checks that `message` says a SharedArrayBuffer at `path` cannot be cloned. */
function assert_names(message, path) {
  assert_equals(message,
    `${path} is a SharedArrayBuffer (not cross-origin isolated) and cannot be cloned`);
}

test(() => {
  assert_false(self.crossOriginIsolated === true, "not cross-origin isolated");
  const sab = new SharedArrayBuffer(4);
  const error = data_clone_error(() => structuredClone(sab));
  assert_names(error.message, "value");
}, "structuredClone(a SharedArrayBuffer) throws DataCloneError");

test(() => {
  const sab = new SharedArrayBuffer(4, { maxByteLength: 16 });
  assert_true(sab.growable);
  const error = data_clone_error(() => structuredClone({ grow: sab }));
  assert_names(error.message, "value.grow");
}, "a growable SharedArrayBuffer throws DataCloneError too");

for (const [make, path, label] of [
  [sab => ({ buf: sab }), "value.buf", "in an object"],
  [sab => [0, [1, sab]], "value[1][1]", "in nested arrays"],
  [sab => ({ "a key": { inner: sab } }), 'value["a key"].inner', "under a key that is no name"],
  [sab => new Map([["k", sab]]), 'value.get("k")', "as a Map value"],
  [sab => new Map([[sab, 1]]), "value.keys()[0]", "as a Map key"],
  [sab => new Set([1, sab]), "value.values()[1]", "in a Set"],
  [sab => new Uint8Array(sab), "value.buffer", "under a Uint8Array"],
  [sab => ({ half: new Float16Array(sab, 2, 1) }), "value.half.buffer", "under a Float16Array"],
  [sab => ({ view: new DataView(sab) }), "value.view.buffer", "under a DataView"],
  [sab => [new Int32Array(sab)], "value[0].buffer", "under an Int32Array in an array"],
]) {
  test(() => {
    const sab = new SharedArrayBuffer(8);
    const error = data_clone_error(() => structuredClone(make(sab)));
    assert_names(error.message, path);
  }, `a SharedArrayBuffer ${label} throws DataCloneError naming ${path}`);
}

test(() => {
  const sab = new SharedArrayBuffer(4);
  const order = [];
  const value = {
    get before() { order.push("before"); return 1; },
    get shared() { order.push("shared"); return sab; },
    get after() { order.push("after"); return 2; },
  };
  const error = data_clone_error(() => structuredClone(value));
  assert_names(error.message, "value.shared");
  assert_array_equals(order, ["before", "shared"], "serialization stops at the buffer");
}, "getters after the SharedArrayBuffer do not run");

test(() => {
  const sab = new SharedArrayBuffer(4);
  const bytes = new Uint8Array(sab);
  bytes.set([1, 2, 3, 4]);
  const buffer = new ArrayBuffer(4);
  data_clone_error(() => structuredClone({ sab, buffer }, { transfer: [buffer] }));
  assert_equals(buffer.byteLength, 4, "nothing was transferred");
  assert_equals(sab.byteLength, 4);
  assert_array_equals(bytes, [1, 2, 3, 4], "the shared memory is untouched");
}, "a failed clone leaves the SharedArrayBuffer and the transfer list alone");

test(() => {
  const sab = new SharedArrayBuffer(4);
  data_clone_error(() => structuredClone(undefined, { transfer: [sab] }));
  data_clone_error(() => structuredClone(sab, { transfer: [sab] }));
}, "a SharedArrayBuffer in the transfer list throws DataCloneError");
