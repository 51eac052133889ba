// META: title=The window's relatives as seen by a top-level page
"use strict";

test(() => {
  assert_equals(window, self);
  assert_equals(window.window, window);
  assert_equals(window.frames, window);
}, "window, self and frames are the window");

test(() => {
  assert_equals(window.parent, window);
  assert_equals(window.top, window);
}, "a top-level window is its own parent and top");

test(() => {
  assert_equals(window.length, 0);
}, "a page without iframes has no child windows");

test(() => {
  assert_equals(location.origin, "http://web-platform.test:8000");
  assert_equals(location.protocol, "http:");
  assert_equals(location.host, "web-platform.test:8000");
  assert_equals(location.hostname, "web-platform.test");
  assert_equals(location.port, "8000");
  assert_equals(location.pathname, "/webmessaging/window-properties.window.html");
}, "location describes the test page");
