// META: title=TextEncoder and TextDecoder: UTF-8 out, the Encoding Standard's encodings in
"use strict";

test(() => {
  const encoder = new TextEncoder();
  assert_equals(encoder.encoding, "utf-8");
  const bytes = encoder.encode("aé€😀");
  assert_true(bytes instanceof Uint8Array);
  assert_array_equals(Array.from(bytes),
    [0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
  assert_equals(encoder.encode().length, 0, "the input defaults to the empty string");
  assert_equals(encoder.encode(undefined).length, 0);
  assert_array_equals(Array.from(encoder.encode(null)), [0x6e, 0x75, 0x6c, 0x6c]);
  assert_array_equals(Array.from(encoder.encode("\ud800")), [0xef, 0xbf, 0xbd],
    "a lone surrogate is U+FFFD (USVString)");
}, "TextEncoder.encode gives UTF-8 in a new Uint8Array");

test(() => {
  const encoder = new TextEncoder();
  const destination = new Uint8Array(5);
  const result = encoder.encodeInto("a€b", destination);
  assert_equals(result.read, 3);
  assert_equals(result.written, 5);
  const small = new Uint8Array(3);
  const partial = encoder.encodeInto("a😀", small);
  assert_equals(partial.read, 1, "a code point that does not fit whole is not written");
  assert_equals(partial.written, 1);
  assert_array_equals(Array.from(small), [0x61, 0, 0]);
  const offset = new Uint8Array(new ArrayBuffer(6), 2, 2);
  assert_equals(encoder.encodeInto("xyz", offset).written, 2, "within the view only");
  assert_throws_js(TypeError, () => encoder.encodeInto("a", new Uint16Array(4)));
  assert_throws_js(TypeError, () => encoder.encodeInto("a"));
}, "TextEncoder.encodeInto writes whole code points and says how much");

test(() => {
  const decoder = new TextDecoder();
  assert_equals(decoder.encoding, "utf-8");
  assert_false(decoder.fatal);
  assert_false(decoder.ignoreBOM);
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9]);
  assert_equals(decoder.decode(bytes), "aé", "the BOM is removed");
  assert_equals(decoder.decode(bytes.buffer), "aé", "an ArrayBuffer");
  assert_equals(decoder.decode(new DataView(bytes.buffer, 3)), "aé", "a DataView");
  assert_equals(decoder.decode(), "");
  assert_equals(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), "\ufeffaé");
  assert_equals(decoder.decode(new Uint8Array([0x61, 0xff, 0x62])), "a\ufffdb", "replacement");
}, "TextDecoder decodes UTF-8, removing its BOM, replacing errors");

test(() => {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  assert_true(decoder.fatal);
  assert_throws_js(TypeError, () => decoder.decode(new Uint8Array([0x61, 0xff])));
  assert_equals(decoder.decode(new Uint8Array([0x62])), "b", "the next call starts afresh");
}, "A fatal TextDecoder throws a TypeError on malformed input");

test(() => {
  const decoder = new TextDecoder();
  const euro = [0xe2, 0x82, 0xac];
  assert_equals(decoder.decode(new Uint8Array(euro.slice(0, 2)), { stream: true }), "");
  assert_equals(decoder.decode(new Uint8Array(euro.slice(2)), { stream: true }), "€");
  assert_equals(decoder.decode(new Uint8Array([0xe2])), "\ufffd", "the end flushes");
}, "TextDecoder streams: a sequence split across calls decodes whole");

test(() => {
  assert_equals(new TextDecoder("latin1").encoding, "windows-1252");
  assert_equals(new TextDecoder(" UTF8 ").encoding, "utf-8", "labels are trimmed and case-insensitive");
  assert_equals(new TextDecoder("utf-16le").decode(new Uint8Array([0x61, 0, 0xac, 0x20])), "a€");
  assert_equals(new TextDecoder("windows-1252").decode(new Uint8Array([0x80, 0xe9])), "€é");
  assert_equals(new TextDecoder("shift_jis").encoding, "shift_jis");
  assert_equals(new TextDecoder("shift_jis").decode(new Uint8Array([0x82, 0xa0])), "あ");
  for (const bad of ["nope", "replacement", "iso-2022-kr", ""]) {
    assert_throws_js(RangeError, () => new TextDecoder(bad), bad);
  }
}, "TextDecoder takes the Encoding Standard's labels; replacement and unknown ones are RangeErrors");

test(() => {
  assert_throws_js(TypeError, () => TextDecoder(), "needs new");
  assert_throws_js(TypeError, () => new TextDecoder().decode("not a buffer"));
  assert_throws_js(TypeError, () => TextDecoder.prototype.decode.call({}, new Uint8Array(1)));
  assert_throws_js(TypeError, () => new TextDecoder("utf-8", 1));
}, "TextDecoder checks its arguments and this");
