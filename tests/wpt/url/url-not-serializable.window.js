// META: title=URL and URLSearchParams are not serializable
// URL and URLSearchParams are platform objects without [Serializable] (URL Standard, Web IDL),
// so StructuredSerialize throws a "DataCloneError" DOMException (HTML Standard,
// https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal).
"use strict";

test(() => {
  assert_throws_dom("DataCloneError", () => structuredClone(new URL("http://a.test/")));
  assert_throws_dom("DataCloneError", () => structuredClone(new URLSearchParams("a=b")));
  assert_throws_dom("DataCloneError", () => structuredClone(new URLSearchParams("a=b").entries()));
  assert_throws_dom("DataCloneError", () => structuredClone({ nested: [new URL("http://a.test/")] }));
}, "structuredClone() of a URL, a URLSearchParams or its iterator throws a DataCloneError");

test(() => {
  assert_throws_dom("DataCloneError", () => postMessage(new URL("http://a.test/"), "*"));
}, "postMessage() of a URL throws a DataCloneError");
