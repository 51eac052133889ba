// META: title=window.postMessage: target origins that match this window
// META: script=resources/messages.js
"use strict";

for (const [target_origin, label] of [
  ["*", '"*"'],
  ["/", '"/" (the origin of the caller)'],
  [location.origin, "the window's own origin"],
  [location.origin + "/", "the window's own origin with a trailing slash"],
  [location.origin + "/some/path?query#fragment", "a URL with the window's origin and a path"],
]) {
  promise_test(async () => {
    const id = unique_id("match");
    const received = wait_for_message(id);
    postMessage({ id }, target_origin);
    const event = await received;
    assert_equals(event.data.id, id);
    assert_equals(event.origin, location.origin);
  }, `a message posted with targetOrigin ${label} is delivered`);
}

promise_test(async () => {
  const id = unique_id("explicit");
  const received = wait_for_message(id);
  postMessage({ id }, "http://web-platform.test:8000");
  const event = await received;
  assert_equals(event.origin, "http://web-platform.test:8000");
}, "the literal origin of the test server matches");

promise_test(async () => {
  const id = unique_id("uppercase");
  const received = wait_for_message(id);
  // The URL parser lowercases the scheme and the host.
  postMessage({ id }, "HTTP://WEB-PLATFORM.TEST:8000");
  await received;
}, "the target origin is parsed as a URL (scheme and host are case-insensitive)");
