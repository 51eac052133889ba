// META: title=new URL(url, base), URL.parse(), URL.canParse(), toString() and toJSON()
// Written from the URL Standard: https://url.spec.whatwg.org/#url-class
"use strict";

test(() => {
  const url = new URL("https://user:pass@example.com:8080/a/b?c=d#e");
  assert_equals(url.href, "https://user:pass@example.com:8080/a/b?c=d#e");
  assert_true(url instanceof URL);
  assert_equals(Object.getPrototypeOf(url), URL.prototype);
  assert_equals(String(url), url.href, "stringifier");
  assert_equals(url.toString(), url.href);
  assert_equals(url.toJSON(), url.href);
  assert_equals(JSON.stringify({ u: url }), '{"u":"https://user:pass@example.com:8080/a/b?c=d#e"}');
}, "an absolute URL parses and serializes");

test(() => {
  assert_equals(new URL("HTTP://EXAMPLE.com").href, "http://example.com/", "scheme and host lower-cased, path /");
  assert_equals(new URL("  http://example.com/  ").href, "http://example.com/", "leading and trailing spaces trimmed");
  assert_equals(new URL("http://example.com/a/../b/./c").pathname, "/b/c", "dot segments");
  assert_equals(new URL("http://example.com:80/").port, "", "the default port is null");
  assert_equals(new URL("http://ex\tam\nple.com/").host, "example.com", "tabs and newlines removed");
}, "the basic URL parser normalizes");

test(() => {
  assert_equals(new URL("c/d?x", "http://example.com/a/b").href, "http://example.com/a/c/d?x");
  assert_equals(new URL("/z", "http://example.com/a/b").href, "http://example.com/z");
  assert_equals(new URL("//other.test/p", "https://example.com/").href, "https://other.test/p");
  assert_equals(new URL("#frag", "http://example.com/a?q").href, "http://example.com/a?q#frag");
  assert_equals(new URL("http://abs.test/", "http://example.com/").href, "http://abs.test/", "an absolute URL ignores the base");
  assert_equals(new URL("http://example.com/", undefined).href, "http://example.com/", "an undefined base is not given");
  assert_equals(new URL("x", new URL("http://example.com/dir/")).href, "http://example.com/dir/x", "a URL object as base is stringified");
}, "a relative URL parses against its base");

test(() => {
  assert_throws_js(TypeError, () => new URL("relative"), "no base");
  assert_throws_js(TypeError, () => new URL("http://example.com:99999/"), "port out of range");
  assert_throws_js(TypeError, () => new URL("http://[::1/"), "an unclosed IPv6 address");
  assert_throws_js(TypeError, () => new URL("https://"), "no host");
  assert_throws_js(TypeError, () => new URL("x", "relative-base"), "the base fails to parse");
  assert_throws_js(TypeError, () => new URL("x", null), "null base is the string 'null'");
  assert_throws_js(TypeError, () => new URL("x", "about:blank"), "a base with an opaque path");
}, "a URL that fails to parse throws a TypeError");

test(() => {
  assert_throws_js(TypeError, () => new URL(), "no argument");
  assert_throws_js(TypeError, () => URL("http://example.com/"), "called without new");
  assert_equals(URL.length, 1);
}, "the constructor needs new and one argument");

test(() => {
  assert_equals(new URL("a\uD800b", "http://example.com/").pathname, "/a%EF%BF%BDb", "a lone surrogate becomes U+FFFD");
  assert_equals(new URL("http://example.com/\u00e9").pathname, "/%C3%A9", "non-ASCII is percent-encoded as UTF-8");
}, "USVString conversion of the arguments");

test(() => {
  assert_true(URL.canParse("http://example.com/"));
  assert_true(URL.canParse("a", "http://example.com/"));
  assert_false(URL.canParse("a"));
  assert_false(URL.canParse("a", "b"));
  assert_false(URL.canParse("http://example.com/", "b"), "a failing base fails even with an absolute url");
  assert_true(URL.canParse("http://example.com/", undefined));
  assert_throws_js(TypeError, () => URL.canParse(), "needs an argument");
  assert_equals(URL.canParse.length, 1);
}, "URL.canParse()");

test(() => {
  const url = URL.parse("b", "http://example.com/a/");
  assert_true(url instanceof URL);
  assert_equals(url.href, "http://example.com/a/b");
  assert_equals(URL.parse("b"), null);
  assert_equals(URL.parse("http://example.com/", "nope"), null);
  assert_not_equals(URL.parse("http://example.com/"), URL.parse("http://example.com/"), "a new object each time");
  assert_equals(url.searchParams.size, 0);
  assert_throws_js(TypeError, () => URL.parse(), "needs an argument");
  assert_equals(URL.parse.length, 1);
}, "URL.parse()");

test(() => {
  class MyURL extends URL {}
  const url = new MyURL("http://example.com/");
  assert_true(url instanceof MyURL);
  assert_equals(url.href, "http://example.com/");
}, "URL can be subclassed");

test(() => {
  const get = Object.getOwnPropertyDescriptor(URL.prototype, "href").get;
  assert_throws_js(TypeError, () => get.call({}), "getter on a plain object");
  assert_throws_js(TypeError, () => URL.prototype.toString.call(new URLSearchParams()), "toString on another object");
}, "the members check this");

test(() => {
  assert_equals(self.webkitURL, URL, "[LegacyWindowAlias=webkitURL]");
  const d = Object.getOwnPropertyDescriptor(self, "webkitURL");
  assert_true(d.writable && d.configurable, "writable and configurable");
  assert_false(d.enumerable, "not enumerable");
}, "webkitURL is an alias of URL on the Window");
