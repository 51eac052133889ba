// META: title=btoa() and atob(): isomorphic encoding and forgiving-base64
"use strict";

test(() => {
  assert_equals(btoa(""), "");
  assert_equals(btoa("a"), "YQ==");
  assert_equals(btoa("ab"), "YWI=");
  assert_equals(btoa("abc"), "YWJj");
  assert_equals(btoa("\u00ff\u00fe\u0000"), "//4A");
  assert_equals(btoa(null), "bnVsbA==", "null is the string 'null'");
  assert_equals(btoa(12), "MTI=");
}, "btoa encodes code points up to U+00FF as bytes");

test(() => {
  assert_throws_dom("InvalidCharacterError", () => btoa("\u0100"));
  assert_throws_dom("InvalidCharacterError", () => btoa("€"));
  assert_throws_dom("InvalidCharacterError", () => btoa("\ud800"));
  assert_throws_js(TypeError, () => btoa());
}, "btoa of a code point above U+00FF is an InvalidCharacterError");

test(() => {
  assert_equals(atob("YWJj"), "abc");
  assert_equals(atob("YWI="), "ab");
  assert_equals(atob("YWI"), "ab", "padding is optional");
  assert_equals(atob(" Y W\tI\n= \f\r"), "ab", "ASCII whitespace is removed");
  assert_equals(atob("YR"), "a", "leftover bits are discarded");
  assert_equals(atob(""), "");
  assert_equals(atob("//4A"), "\u00ff\u00fe\u0000");
  assert_equals(atob(null), "\u009e\u00e9\u0065", "null is 'null'");
  assert_throws_dom("InvalidCharacterError", () => atob(undefined), "'undefined' has 9 code points");
}, "atob decodes forgiving-base64 into code points up to U+00FF");

test(() => {
  for (const bad of ["Y", "YQ=", "YQ===", "Y-Q=", "YW=I", "YWJj\u00a0", "=", "YQ==YQ=="]) {
    assert_throws_dom("InvalidCharacterError", () => atob(bad), JSON.stringify(bad));
  }
  assert_throws_js(TypeError, () => atob());
}, "atob of what is not forgiving-base64 is an InvalidCharacterError");

test(() => {
  for (const name of ["btoa", "atob"]) {
    assert_equals(self[name].length, 1, name + ".length");
    assert_equals(typeof Object.getOwnPropertyDescriptor(self, name).value, "function");
  }
  assert_equals(typeof isSecureContext, "boolean");
}, "btoa, atob and isSecureContext are Window members");
