// META: title=relList on a, area and link: a DOMTokenList of rel with the link types' supported tokens
// Spec: https://html.spec.whatwg.org/multipage/links.html#dom-a-rellist,
// https://html.spec.whatwg.org/multipage/semantics.html#dom-link-rellist
"use strict";

for (const name of ["a", "area", "link"]) {
  test(() => {
    const el = document.createElement(name);
    const list = el.relList;
    assert_true(list instanceof DOMTokenList);
    assert_equals(el.relList, list, "[SameObject]");
    assert_equals(list.length, 0);
    el.rel = "noopener  next";
    assert_equals(list.length, 2, "reflects rel");
    assert_equals(list[1], "next");
    list.add("prev");
    assert_equals(el.getAttribute("rel"), "noopener next prev");
    el.relList = "opener";
    assert_equals(el.rel, "opener", "[PutForwards=value]");
    assert_equals(el.relList, list);
    assert_equals(typeof list.supports("opener"), "boolean", "rel defines supported tokens");
  }, `${name}.relList reflects rel`);
}

for (const name of ["a", "area"]) {
  test(() => {
    const list = document.createElement(name).relList;
    for (const token of ["noopener", "noreferrer", "opener", "NoOpener", "NOREFERRER"]) {
      assert_true(list.supports(token), token);
    }
    for (const token of ["stylesheet", "nofollow", "noopener ", "", "alternate"]) {
      assert_false(list.supports(token), JSON.stringify(token));
    }
  }, `${name}.relList supports noopener, noreferrer and opener, ASCII case-insensitively`);
}

test(() => {
  const list = document.createElement("link").relList;
  for (const token of ["noopener", "noreferrer", "opener", "nofollow", "bogus"]) {
    assert_false(list.supports(token), token);
  }
}, "link.relList does not support the link types of a and area, nor unknown ones");
