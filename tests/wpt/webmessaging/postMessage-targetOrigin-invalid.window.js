// META: title=window.postMessage: an invalid target origin throws a SyntaxError DOMException
// META: script=resources/messages.js
"use strict";

for (const target_origin of ["foo", "", "/foo", "//", "http://", "http://[", "* ", "**"]) {
  test(() => {
    assert_throws_dom("SyntaxError", () => postMessage("x", target_origin));
  }, `postMessage(message, ${format_value(target_origin)}) throws SyntaxError`);
}

test(() => {
  assert_throws_dom("SyntaxError", () => postMessage("x", { targetOrigin: "foo" }));
}, "the options form with an invalid targetOrigin throws SyntaxError");

test(() => {
  let read = false;
  const message = {
    get property() {
      read = true;
      return 1;
    },
  };
  assert_throws_dom("SyntaxError", () => postMessage(message, "not a url"));
  assert_false(read, "the message was not serialized");
}, "the target origin is checked before the message is serialized");

promise_test(async t => {
  const recorder = record_messages(t);
  const failed = unique_id("failed");
  const marker = unique_id("marker");
  assert_throws_dom("SyntaxError", () => postMessage({ id: failed }, "bad origin"));
  postMessage({ id: marker }, "*");
  const received = await recorder.until(marker);
  assert_array_equals(received.map(d => d.id), [marker]);
}, "nothing is delivered for a call that threw");
