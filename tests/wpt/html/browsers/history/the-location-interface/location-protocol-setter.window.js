// META: title=Location: the protocol setter's scheme check
// Spec: https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-location-protocol
"use strict";

test(() => {
  const href = location.href;
  for (const value of ["", ":", "1http", "%41", "h%74tp", "x y", "x!", "-x", "x\n", "\tx",
                       "\u00e9"]) {
    assert_throws_dom("SyntaxError", () => { location.protocol = value; },
                      `${JSON.stringify(value)} is not a scheme`);
  }
  assert_equals(location.href, href, "no navigation");
}, "a value that does not start with a scheme is a SyntaxError");

test(() => {
  const href = location.href;
  for (const value of ["ftp", "x", "a+-.", "data", "javascript", "ftp:ignored"]) {
    location.protocol = value;
  }
  assert_equals(location.href, href, "a scheme other than http(s) navigates nowhere");
}, "a scheme that is not an HTTP(S) scheme ends the steps");
