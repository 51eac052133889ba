// META: title=Blob.prototype.slice: clamping, negative positions and the content type
"use strict";

const blob = new Blob(["0123456789"], { type: "text/plain" });

async function sliced(...args) {
  return blob.slice(...args).text();
}

promise_test(async () => {
  const whole = blob.slice();
  assert_not_equals(whole, blob, "a new Blob");
  assert_equals(whole.size, 10);
  assert_equals(whole.type, "", "no contentType: the empty string, not the original type");
  assert_equals(await whole.text(), "0123456789");
  assert_equals(Blob.prototype.slice.length, 0);
}, "slice() is a copy of the whole Blob with an empty type");

promise_test(async () => {
  assert_equals(await sliced(2), "23456789");
  assert_equals(await sliced(2, 5), "234");
  assert_equals(await sliced(-3), "789", "negative start counts from the end");
  assert_equals(await sliced(-3, -1), "78");
  assert_equals(await sliced(0, -8), "01");
  assert_equals(await sliced(-100, 2), "01", "clamped to 0");
  assert_equals(await sliced(8, 100), "89", "clamped to the size");
  assert_equals(await sliced(5, 2), "", "an empty span");
  assert_equals(await sliced(100), "");
  assert_equals(blob.slice(5, 2).size, 0);
}, "start and end are clamped and negative values count from the end");

promise_test(async () => {
  assert_equals(await sliced(undefined, 3), "012", "undefined start is 0");
  assert_equals(await sliced(1, undefined), "123456789", "undefined end is the size");
  assert_equals(await sliced(0.5, 1.5), "01", "[Clamp] rounds half to even: 0, 2");
  assert_equals(await sliced(2.5, 4.5), "23", "2.5 → 2, 4.5 → 4");
  assert_equals(await sliced(NaN, Infinity), "0123456789");
  assert_equals(await sliced(-Infinity, "4"), "0123");
}, "start and end are [Clamp] long long");

promise_test(async () => {
  assert_equals(blob.slice(0, 1, "Text/X-Y").type, "text/x-y");
  assert_equals(blob.slice(0, 1, "\u00ff").type, "");
  assert_equals(blob.slice(0, 1, undefined).type, "");
  assert_equals(blob.slice(0, 1, null).type, "null");
  const nested = blob.slice(2, 8).slice(1, -1);
  assert_equals(await nested.text(), "3456", "a slice of a slice");
  const file = new File(["abcdef"], "f", { type: "a/b" });
  const from_file = file.slice(1, 3);
  assert_false(from_file instanceof File, "slicing a File gives a Blob");
  assert_equals(await from_file.text(), "bc");
}, "contentType is checked and lowercased; slices of slices and of Files");
