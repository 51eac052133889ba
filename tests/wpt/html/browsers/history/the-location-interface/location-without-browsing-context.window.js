// META: title=Location: a Location whose relevant Document is null
// Spec: https://html.spec.whatwg.org/multipage/nav-history-apis.html#relevant-document and
// https://html.spec.whatwg.org/multipage/nav-history-apis.html#concept-location-url
"use strict";

function removedFrameLocation() {
  const iframe = document.body.appendChild(document.createElement("iframe"));
  const win = iframe.contentWindow;
  const location = win.location;
  iframe.remove();
  return { win, location };
}

test(() => {
  const { win, location } = removedFrameLocation();
  assert_equals(win.location, location, "still the Window's Location");
  assert_equals(location.href, "about:blank", "its url is about:blank");
  assert_equals(location.protocol, "about:");
  assert_equals(location.host, "");
  assert_equals(String(location), "about:blank");
}, "the url of a Location without a relevant Document is about:blank");

test(() => {
  const { location } = removedFrameLocation();
  for (const value of ["https://example.com/", "http://test:test/", "x y"]) {
    location.href = value;
    location.assign(value);
    location.replace(value);
  }
  location.protocol = "%";
  location.hash = "x";
  location.reload();
  assert_equals(location.href, "about:blank", "nothing happened");
}, "setters, assign(), replace() and reload() do nothing, not even throw");
