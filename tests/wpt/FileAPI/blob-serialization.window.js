// META: title=Blob and File are serializable: structuredClone, postMessage, MessageChannel
"use strict";

async function assert_same_blob(copy, original) {
  assert_not_equals(copy, original, "a new object");
  assert_equals(copy.size, original.size, "size");
  assert_equals(copy.type, original.type, "type");
  assert_array_equals(Array.from(await copy.bytes()), Array.from(await original.bytes()),
    "bytes");
}

promise_test(async () => {
  const blob = new Blob(["foo", new Uint8Array([0, 255])], { type: "text/x-bar" });
  const copy = structuredClone(blob);
  assert_equals(Object.getPrototypeOf(copy), Blob.prototype);
  assert_false(copy instanceof File);
  await assert_same_blob(copy, blob);
}, "structuredClone(blob) is a Blob with the same bytes and type");

promise_test(async () => {
  const file = new File(["contents"], "name.txt", { type: "a/b", lastModified: 7 });
  const copy = structuredClone(file);
  assert_equals(Object.getPrototypeOf(copy), File.prototype);
  assert_equals(copy.name, "name.txt");
  assert_equals(copy.lastModified, 7);
  await assert_same_blob(copy, file);
}, "structuredClone(file) keeps name and lastModified");

promise_test(async () => {
  class MyFile extends File {}
  class MyBlob extends Blob {}
  assert_equals(Object.getPrototypeOf(structuredClone(new MyFile([], "x"))), File.prototype);
  assert_equals(Object.getPrototypeOf(structuredClone(new MyBlob([]))), Blob.prototype);
  const slice = new Blob(["0123456789"]).slice(3, 6, "x/y");
  const copy = structuredClone(slice);
  assert_equals(await copy.text(), "345", "a slice's own bytes, not its whole buffer");
  assert_equals(copy.type, "x/y");
}, "subclasses deserialize as their interface; slices keep their range");

promise_test(async () => {
  const blob = new Blob(["shared"]);
  const [a, b] = structuredClone([blob, blob]);
  assert_equals(a, b, "one object for one Blob");
  const nested = structuredClone({ list: [new File(["f"], "n")], blob });
  assert_equals(nested.list[0].name, "n");
  assert_equals(await nested.blob.text(), "shared");
}, "Blobs inside objects and arrays, and shared references");

promise_test(async () => {
  const channel = new MessageChannel();
  const received = new Promise(resolve => { channel.port2.onmessage = e => resolve(e.data); });
  const file = new File(["over a port"], "p.txt", { lastModified: 3 });
  channel.port1.postMessage({ blob: new Blob(["foo", "bar"]), file });
  const data = await received;
  assert_true(data.blob instanceof Blob);
  assert_equals(await data.blob.text(), "foobar");
  assert_true(data.file instanceof File);
  assert_equals(data.file.name, "p.txt");
  assert_equals(await data.file.text(), "over a port");
}, "Blobs and Files sent over a MessageChannel");

promise_test(async () => {
  const received = new Promise(resolve => {
    window.addEventListener("message", e => resolve(e.data), { once: true });
  });
  window.postMessage(new Blob(["to myself"], { type: "t/p" }), "*");
  const data = await received;
  assert_equals(data.type, "t/p");
  assert_equals(await data.text(), "to myself");
}, "window.postMessage(blob)");

test(() => {
  assert_throws_dom("DataCloneError", () => structuredClone(new Blob(), { transfer: [new Blob()] }),
    "a Blob is not transferable");
}, "a Blob is serializable, not transferable");
