// META: title=Blob constructor: blob parts, the type option and line endings (File API)
"use strict";

async function text_of(blob) {
  return blob.text();
}

test(() => {
  const blob = new Blob();
  assert_true(blob instanceof Blob);
  assert_equals(blob.size, 0);
  assert_equals(blob.type, "");
  assert_equals(Object.getPrototypeOf(blob), Blob.prototype);
  assert_equals(Blob.length, 0);
  assert_equals(new Blob(undefined).size, 0, "undefined blobParts is a missing argument");
  assert_equals(Object.prototype.toString.call(blob), "[object Blob]");
  assert_equals(Object.prototype.toString.call(new File([], "f")), "[object File]");
}, "new Blob() is empty with an empty type");

test(() => {
  assert_throws_js(TypeError, () => Blob());
  assert_throws_js(TypeError, () => new Blob(null));
  assert_throws_js(TypeError, () => new Blob("abc"), "a string is not a sequence");
  assert_throws_js(TypeError, () => new Blob(7));
  assert_throws_js(TypeError, () => new Blob({}), "an object without @@iterator");
  assert_throws_js(TypeError, () => new Blob([], 7), "options must be a dictionary");
  assert_throws_js(TypeError, () => new Blob([], { endings: "unix" }), "endings is an enum");
}, "the constructor's arguments are converted as Web IDL says");

promise_test(async () => {
  const blob = new Blob(["a", "é", "😀"]);
  assert_equals(blob.size, 1 + 2 + 4, "strings are UTF-8");
  assert_equals(await text_of(blob), "aé😀");
  const lone = new Blob(["\ud800"]);
  assert_equals(lone.size, 3, "a lone surrogate is U+FFFD (USVString)");
  assert_array_equals(Array.from(await lone.bytes()), [0xef, 0xbf, 0xbd]);
}, "string parts are converted to USVString and UTF-8 encoded");

promise_test(async () => {
  const buffer = new Uint8Array([1, 2, 3, 4, 5, 6]).buffer;
  const view = new Uint8Array(buffer, 2, 3);
  const data_view = new DataView(buffer, 4, 2);
  const u16 = new Uint16Array([0x0201]);
  const blob = new Blob([buffer, view, data_view, u16]);
  assert_equals(blob.size, 6 + 3 + 2 + 2);
  assert_array_equals(Array.from(await blob.bytes()),
    [1, 2, 3, 4, 5, 6, 3, 4, 5, 5, 6, 1, 2]);
  new Uint8Array(buffer)[0] = 99;
  assert_equals((await blob.bytes())[0], 1, "the bytes were copied");
}, "ArrayBuffers and views contribute a copy of the bytes they view");

promise_test(async () => {
  const inner = new Blob(["inner"]);
  const file = new File(["file"], "f.txt");
  const blob = new Blob(["<", inner, file, ">"]);
  assert_equals(blob.size, 1 + 5 + 4 + 1);
  assert_equals(await blob.text(), "<innerfile>");
}, "Blob and File parts contribute their bytes");

promise_test(async () => {
  const to_string = { toString() { return "obj"; } };
  const blob = new Blob([to_string, 12, null, undefined]);
  assert_equals(await blob.text(), "obj12nullundefined");
  const iterable = { *[Symbol.iterator]() { yield "x"; yield "y"; } };
  assert_equals(await new Blob(iterable).text(), "xy", "any iterable is a sequence");
}, "other values are converted to strings; any iterable is a sequence");

test(() => {
  assert_equals(new Blob([], { type: "Text/HTML" }).type, "text/html", "lowercased");
  assert_equals(new Blob([], { type: "a/b; charset=UTF-8" }).type, "a/b; charset=utf-8");
  assert_equals(new Blob([], { type: "text/\u00e9" }).type, "", "not ASCII printable: empty");
  assert_equals(new Blob([], { type: "a\tb" }).type, "", "a tab is outside U+0020..U+007E");
  assert_equals(new Blob([], { type: "anything at all~" }).type, "anything at all~",
    "no MIME parsing, only the character check");
  assert_equals(new Blob([], { type: null }).type, "null", "DOMString conversion");
  assert_equals(new Blob([], {}).type, "");
  assert_equals(new Blob([], null).type, "", "null options is an empty dictionary");
}, "the type option is ASCII-checked and lowercased");

promise_test(async () => {
  const parts = ["a\r\nb\rc\nd\n\re"];
  assert_equals(await new Blob(parts).text(), "a\r\nb\rc\nd\n\re", "transparent by default");
  assert_equals(await new Blob(parts, { endings: "transparent" }).text(), "a\r\nb\rc\nd\n\re");
  assert_equals(await new Blob(parts, { endings: "native" }).text(), "a\nb\nc\nd\n\ne",
    "native: every CR LF, CR and LF is an LF");
  const bytes = new Uint8Array([0x0d, 0x0a]);
  assert_equals((await new Blob([bytes], { endings: "native" }).bytes()).length, 2,
    "buffers are never converted");
}, "endings: native converts line endings of string parts only");

test(() => {
  const order = [];
  const options = {
    get type() { order.push("type"); return "a/b"; },
    get endings() { order.push("endings"); return "native"; },
  };
  const parts = { *[Symbol.iterator]() { order.push("parts"); yield "x"; } };
  new Blob(parts, options);
  assert_array_equals(order, ["parts", "endings", "type"],
    "blobParts first, then the dictionary's members in lexicographic order");
}, "the arguments are converted in order, dictionary members in Web IDL order");
