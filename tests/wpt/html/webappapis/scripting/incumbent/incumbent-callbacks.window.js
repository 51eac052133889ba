// META: title=The incumbent settings object of postMessage: functions, callbacks and jobs of another window
"use strict";
// HTML, "incumbent settings object": the settings object of the topmost script-having
// execution context's realm, or, when no script runs above a callback's caller, the top of
// the backup incumbent settings object stack ("prepare to run a callback" pushes the
// callback's callback context: the incumbent when the callback was made). The window post
// message steps take event.source and event.origin from it.

function load_child(t) {
  return new Promise(resolve => {
    const iframe = document.createElement("iframe");
    iframe.src = "resources/poster.html";
    iframe.onload = () => resolve(iframe);
    document.body.appendChild(iframe);
    t.add_cleanup(() => iframe.remove());
  });
}

let counter = 0;
function next_id(prefix) {
  counter++;
  return `${prefix}-${counter}`;
}

function message_with_id(id) {
  return new Promise(resolve => {
    window.addEventListener("message", function listener(e) {
      if (e.data && e.data.id === id) {
        window.removeEventListener("message", listener);
        resolve(e);
      }
    });
  });
}

// The WindowProxy that this window's realm sees for the child (event.source is made in the
// receiving realm).
function is_child(source, iframe) {
  return source === iframe.contentWindow;
}

promise_test(async t => {
  const iframe = await load_child(t);
  const id = next_id("direct");
  const received = message_with_id(id);
  iframe.contentWindow.post(window, id);
  const event = await received;
  assert_true(is_child(event.source, iframe), "source is the child");
  assert_equals(event.origin, location.origin);
}, "a function of another window, called from this window's script, posts as that window");

promise_test(async t => {
  const iframe = await load_child(t);
  const id = next_id("own");
  const received = message_with_id(id);
  window.postMessage({ id }, "*");
  const event = await received;
  assert_equals(event.source, window);
}, "this window's own script posts as this window");

promise_test(async t => {
  const iframe = await load_child(t);
  const id = next_id("timer");
  const received = message_with_id(id);
  setTimeout(iframe.contentWindow.post, 0, window, id);
  const event = await received;
  assert_true(is_child(event.source, iframe), "source is the child");
}, "a function of another window run by this window's timer posts as that window");

promise_test(async t => {
  const iframe = await load_child(t);
  const id = next_id("then");
  const received = message_with_id(id);
  Promise.resolve().then(() => iframe.contentWindow.post(window, id));
  const event = await received;
  assert_true(is_child(event.source, iframe), "source is the child");
}, "a function of another window called from a promise job posts as that window");

promise_test(async t => {
  const iframe = await load_child(t);
  const id = next_id("bound-job");
  const received = message_with_id(id);
  iframe.contentWindow.post_from_promise_job(window, id);
  const event = await received;
  assert_true(is_child(event.source, iframe), "source is the window that called then()");
}, "a built-in promise callback posts as the window that called then() (HostMakeJobCallback)");
// (Chromium posts this one as the parent: it does not keep the incumbent in the job callback,
// which HTML's HostMakeJobCallback does.)

promise_test(async t => {
  const iframe = await load_child(t);
  const id = next_id("bound-microtask");
  const received = message_with_id(id);
  iframe.contentWindow.post_from_microtask(window, id);
  const event = await received;
  assert_true(is_child(event.source, iframe), "source is the window that queued the microtask");
}, "a built-in queueMicrotask callback posts as the window that queued it");

promise_test(async t => {
  const id = next_id("bound-here");
  const received = message_with_id(id);
  Promise.resolve().then(window.postMessage.bind(window, { id }, "*"));
  const event = await received;
  assert_equals(event.source, window);
}, "a built-in promise callback queued by this window posts as this window");

promise_test(async t => {
  const iframe = await load_child(t);
  const id = next_id("listener");
  const received = message_with_id(id);
  iframe.contentWindow.listen_and_post(window, "incumbent-test", window, id);
  window.dispatchEvent(new Event("incumbent-test"));
  const event = await received;
  assert_true(is_child(event.source, iframe), "source is the child");
}, "an event listener of another window, added to this window, posts as that window");

promise_test(async t => {
  const iframe = await load_child(t);
  const id = next_id("builtin-listener");
  const received = message_with_id(id);
  iframe.contentWindow.listen_with_builtin(window, "incumbent-test-2", window, id);
  window.dispatchEvent(new Event("incumbent-test-2"));
  const event = await received;
  assert_true(is_child(event.source, iframe), "source is the window that added the listener");
}, "a built-in event listener posts as the window that added it (its callback context)");
