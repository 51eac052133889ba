// META: title=File constructor: name, lastModified and the Blob it is
"use strict";

promise_test(async () => {
  const file = new File(["ab", new Uint8Array([0x63])], "name.txt",
    { type: "Text/Plain", lastModified: 42 });
  assert_true(file instanceof File);
  assert_true(file instanceof Blob);
  assert_equals(Object.getPrototypeOf(File.prototype), Blob.prototype);
  assert_equals(file.name, "name.txt");
  assert_equals(file.lastModified, 42);
  assert_equals(file.size, 3);
  assert_equals(file.type, "text/plain");
  assert_equals(await file.text(), "abc");
  assert_equals(File.length, 2);
}, "a File has the bytes, name, type and lastModified it was made with");

test(() => {
  assert_throws_js(TypeError, () => new File(), "no arguments");
  assert_throws_js(TypeError, () => new File([]), "fileName is required");
  assert_throws_js(TypeError, () => new File(undefined, "x"), "fileBits is required");
  assert_throws_js(TypeError, () => File([], "x"));
  assert_equals(new File([], "a\ud800b").name, "a\ufffdb", "fileName is a USVString");
  assert_equals(new File([], null).name, "null");
  assert_equals(new File([], "/path/x").name, "/path/x", "the name is kept as given");
}, "the constructor's arguments are converted as Web IDL says");

test(() => {
  const before = Date.now();
  const file = new File([], "now");
  const after = Date.now();
  assert_true(file.lastModified >= before && file.lastModified <= after,
    "lastModified defaults to now");
  assert_equals(new File([], "x", { lastModified: -5 }).lastModified, -5);
  assert_equals(new File([], "x", { lastModified: 1.9 }).lastModified, 1, "long long truncates");
  assert_equals(new File([], "x", { lastModified: NaN }).lastModified, 0);
  assert_equals(new File([], "x", { lastModified: "12" }).lastModified, 12);
  assert_equals(new File([], "x", { lastModified: new Date(1000) }).lastModified, 1000);
}, "lastModified is a long long that defaults to now");

test(() => {
  const order = [];
  const options = {
    get lastModified() { order.push("lastModified"); return 1; },
    get type() { order.push("type"); return ""; },
    get endings() { order.push("endings"); return "transparent"; },
  };
  new File([], "x", options);
  assert_array_equals(order, ["endings", "type", "lastModified"],
    "BlobPropertyBag's members first, then FilePropertyBag's");
}, "FilePropertyBag's members are read after the inherited ones");

test(() => {
  class MyFile extends File {}
  const file = new MyFile(["x"], "sub");
  assert_equals(Object.getPrototypeOf(file), MyFile.prototype);
  assert_equals(file.name, "sub");
  assert_equals(file.size, 1);
}, "File can be subclassed");
