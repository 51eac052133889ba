// META: title=URL.searchParams: live-linked with the URL's query, both ways
// Written from the URL Standard: https://url.spec.whatwg.org/#dom-url-searchparams and
// https://url.spec.whatwg.org/#concept-urlsearchparams-update
"use strict";

test(() => {
  const url = new URL("http://example.com/?a=1&b=2");
  assert_true(url.searchParams instanceof URLSearchParams);
  assert_equals(url.searchParams, url.searchParams, "[SameObject]");
  assert_equals(url.searchParams.get("a"), "1");
  assert_equals(url.searchParams.size, 2);
}, "searchParams is the URL's query, parsed, and the same object each time");

test(() => {
  const url = new URL("http://example.com/p?a=1#f");
  const params = url.searchParams;
  params.append("b", "x y");
  assert_equals(url.href, "http://example.com/p?a=1&b=x+y#f", "append");
  params.set("a", "2");
  assert_equals(url.search, "?a=2&b=x+y", "set");
  params.sort();
  params.delete("b");
  assert_equals(url.search, "?a=2", "delete");
  params.delete("a");
  assert_equals(url.href, "http://example.com/p#f", "an empty list removes the query");
  assert_equals(url.search, "");
}, "changes to searchParams update the URL's query");

test(() => {
  const url = new URL("http://example.com/?a=1");
  const params = url.searchParams;
  url.search = "?x=1&y=2";
  assert_equals(params.toString(), "x=1&y=2", "the search setter");
  assert_equals(url.searchParams, params, "still the same object");
  url.search = "";
  assert_equals(params.size, 0, "the empty search");
  url.href = "http://other.test/?z=3";
  assert_equals(params.get("z"), "3", "the href setter");
  url.href = "http://other.test/";
  assert_equals(params.size, 0, "an href without query empties the list");
  url.search = "q=%zz+1";
  assert_equals(params.get("q"), "%zz 1", "the list is parsed from the value given");
}, "changes to the URL's query update searchParams");

test(() => {
  const url = new URL("http://example.com/?a=b%20c");
  assert_equals(url.search, "?a=b%20c");
  url.searchParams.sort();
  assert_equals(url.search, "?a=b+c", "the query is re-serialized by the form serializer");
  const plain = new URL("http://example.com/?q");
  plain.hash = "h";
  plain.pathname = "/p";
  assert_equals(plain.searchParams.get("q"), "", "other setters leave the list alone");
}, "the update steps re-serialize the whole query");

test(() => {
  const standalone = new URLSearchParams("a=1");
  standalone.append("b", "2");
  assert_equals(standalone.toString(), "a=1&b=2", "a URLSearchParams of its own has no URL object");
  const url = new URL("http://example.com/?a=1");
  const copy = new URLSearchParams(url.searchParams);
  copy.append("c", "3");
  assert_equals(url.search, "?a=1", "a copy is not linked");
}, "a URLSearchParams made by its constructor is not linked");
