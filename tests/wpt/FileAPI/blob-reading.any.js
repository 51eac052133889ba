// META: title=Blob: text(), arrayBuffer() and bytes()
"use strict";

promise_test(async () => {
  const blob = new Blob(["héllo"]);
  const promise = blob.text();
  assert_true(promise instanceof Promise);
  assert_equals(await promise, "héllo");
  assert_equals(await new Blob([new Uint8Array([0x61, 0xff, 0x62])]).text(), "a\ufffdb",
    "invalid UTF-8 is replaced");
  assert_equals(await new Blob([new Uint8Array([0xef, 0xbb, 0xbf, 0x61])]).text(), "a",
    "UTF-8 decode strips a BOM");
}, "text() decodes the bytes as UTF-8");

promise_test(async () => {
  const blob = new Blob([new Uint8Array([1, 2, 3])]);
  const first = await blob.arrayBuffer();
  const second = await blob.arrayBuffer();
  assert_true(first instanceof ArrayBuffer);
  assert_array_equals(Array.from(new Uint8Array(first)), [1, 2, 3]);
  assert_not_equals(first, second, "a new ArrayBuffer each time");
  new Uint8Array(first)[0] = 9;
  assert_equals(new Uint8Array(await blob.arrayBuffer())[0], 1, "the Blob does not change");
}, "arrayBuffer() gives a new ArrayBuffer with a copy of the bytes");

promise_test(async () => {
  const blob = new Blob(["ab"]);
  const bytes = await blob.bytes();
  assert_true(bytes instanceof Uint8Array);
  assert_array_equals(Array.from(bytes), [0x61, 0x62]);
  assert_equals(bytes.byteOffset, 0);
  assert_equals(bytes.buffer.byteLength, 2);
  assert_equals((await new Blob().bytes()).length, 0);
}, "bytes() gives a new Uint8Array over the bytes");

promise_test(async (t) => {
  for (const name of ["text", "arrayBuffer", "bytes"]) {
    const promise = Blob.prototype[name].call({});
    assert_true(promise instanceof Promise, `${name} returns a promise`);
    await promise_rejects_js(t, TypeError, promise, `${name}: a promise-returning operation rejects`);
  }
  assert_throws_js(TypeError, () => Blob.prototype.slice.call({}), "slice throws");
  const size = Object.getOwnPropertyDescriptor(Blob.prototype, "size");
  assert_equals(typeof size.get, "function");
  assert_equals(size.set, undefined);
  assert_throws_js(TypeError, () => size.get.call({}));
  assert_throws_js(TypeError, () => File.prototype.__lookupGetter__("name").call(new Blob()),
    "a Blob is not a File");
}, "the members check their this (a promise-returning one rejects)");
