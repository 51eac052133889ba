// META: title=window.postMessage to a window whose browsing context is gone
// META: script=resources/messages.js
"use strict";
// The window post message steps do not look at the target's browsing context: once an
// iframe is removed, posting to its window still parses targetOrigin (SyntaxError),
// serializes the message (DataCloneError) and transfers (detaching the buffers); only the
// task has nowhere to go. (Chromium returns before parsing targetOrigin and before
// transferring ports for a detached window; the spec does not.)

// The exception is a DOMException of the realm of the postMessage function reached through
// the WindowProxy; which realm that is does not matter here.
function assert_throws_named(name, f, description) {
  let thrown = null;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  assert_not_equals(thrown, null, `${description || ""}: throws`);
  assert_equals(thrown.constructor.name, "DOMException", description);
  assert_equals(thrown.name, name, description);
}

function removed_window() {
  const iframe = document.createElement("iframe");
  document.body.appendChild(iframe);
  const w = iframe.contentWindow;
  iframe.remove();
  return w;
}

test(() => {
  const w = removed_window();
  assert_throws_named("SyntaxError", () => w.postMessage("x", "not a url"));
  assert_throws_named("SyntaxError", () => w.postMessage("x", { targetOrigin: "not a url" }));
}, "a bad targetOrigin is a SyntaxError");

test(() => {
  const w = removed_window();
  assert_throws_named("DataCloneError", () => w.postMessage(() => {}, "*"));
  assert_throws_named("DataCloneError", () => w.postMessage(Symbol("x"), "*"));
}, "an uncloneable message is a DataCloneError");

test(() => {
  const w = removed_window();
  const buffer = new ArrayBuffer(16);
  w.postMessage(buffer, "*", [buffer]);
  assert_equals(buffer.byteLength, 0, "the buffer is detached");
  const other = new ArrayBuffer(4);
  w.postMessage({ other }, { targetOrigin: "*", transfer: [other] });
  assert_equals(other.byteLength, 0, "the buffer of the options form is detached");
}, "a transferred ArrayBuffer is detached");

test(() => {
  const w = removed_window();
  const port = new MessageChannel().port1;
  w.postMessage("x", "*", [port]);
  assert_throws_dom("DataCloneError", () => postMessage("again", "*", [port]),
                    "the port was transferred (it is detached)");
}, "a transferred MessagePort is detached");

promise_test(async t => {
  const iframe = document.createElement("iframe");
  document.body.appendChild(iframe);
  const w = iframe.contentWindow;
  let got = 0;
  w.addEventListener("message", () => { got++; });
  iframe.remove();
  w.postMessage("nowhere", "*");
  // A message to this window posted after it arrives after anything the removed window
  // could still have got.
  const id = unique_id("after");
  const received = wait_for_message(id);
  postMessage({ id }, "*");
  await received;
  assert_equals(got, 0);
}, "the message goes nowhere");

test(() => {
  const iframe = document.createElement("iframe");
  document.body.appendChild(iframe);
  const post = iframe.contentWindow.postMessage;
  // The exception is made in the current realm: the function's, the child's.
  const ChildDOMException = iframe.contentWindow.DOMException;
  const w = iframe.contentWindow;
  iframe.remove();
  assert_throws_dom("SyntaxError", ChildDOMException, () => post.call(w, "x", "bad"));
  const buffer = new ArrayBuffer(2);
  post.call(w, buffer, "*", [buffer]);
  assert_equals(buffer.byteLength, 0);
}, "the removed window's own postMessage called on its WindowProxy runs the steps too");
