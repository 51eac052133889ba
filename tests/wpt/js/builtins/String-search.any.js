// String.prototype.indexOf, includes, replaceAll and split (ECMA-262), which Postern
// installs over boa's with a StringIndexOf that starts at fromIndex (docs/reliability.md).

test(() => {
  assert_equals("abcabc".indexOf("bc"), 1);
  assert_equals("abcabc".indexOf("bc", 2), 4);
  assert_equals("abcabc".indexOf("bc", -5), 1);
  assert_equals("abcabc".indexOf("bc", Infinity), -1);
  assert_equals("abc".indexOf("", 10), 3, "an empty search clamps to the length");
  assert_equals("abc".indexOf("", 1.9), 1);
  assert_equals("a€b€".indexOf("€", 2), 3);
  assert_equals("abc".indexOf("€"), -1);
  assert_equals("x-undefined".indexOf(), 2, "undefined is searched as a string");
  assert_equals(String.prototype.indexOf.call(12345, 34), 2);
  assert_equals(String.prototype.indexOf.length, 1);
  assert_throws_js(TypeError, () => String.prototype.indexOf.call(null, "a"));
}, "indexOf: conversions and clamping");

test(() => {
  const order = [];
  const thisValue = { toString() { order.push("this"); return "abc"; } };
  const search = { toString() { order.push("search"); return "c"; } };
  const position = { valueOf() { order.push("position"); return 1; } };
  assert_equals(String.prototype.indexOf.call(thisValue, search, position), 2);
  assert_array_equals(order, ["this", "search", "position"]);
}, "indexOf: this, searchString, then position are converted in that order");

test(() => {
  assert_true("abcabc".includes("ca"));
  assert_false("abcabc".includes("ca", 3));
  assert_true("abc".includes(""));
  assert_throws_js(TypeError, () => "abc".includes(/a/));
  const notRegExp = /a/;
  notRegExp[Symbol.match] = false;
  assert_true("/a/".includes(notRegExp), "Symbol.match false makes it a string");
  const looksLikeRegExp = { [Symbol.match]: true, toString() { return "x"; } };
  assert_throws_js(TypeError, () => "x".includes(looksLikeRegExp));
  assert_equals(String.prototype.includes.length, 1);
}, "includes: IsRegExp and positions");

test(() => {
  assert_equals("aXbXc".replaceAll("X", "-"), "a-b-c");
  assert_equals("aaa".replaceAll("a", "ab"), "ababab");
  assert_equals("abc".replaceAll("", "-"), "-a-b-c-", "an empty search matches between units");
  assert_equals("aXbX".replaceAll("X", "[$&|$`|$'|$$|$1|$<n>]"),
                "a[X|a|bX|$|$1|$<n>]b[X|aXb||$|$1|$<n>]");
  assert_equals("xy".replaceAll("y", "$"), "x$");
  assert_equals("a€b€".replaceAll("€", "e"), "aebe");
  assert_equals("aaaa".replaceAll("aa", "b"), "bb", "matches do not overlap");
  assert_equals(String.prototype.replaceAll.length, 2);
}, "replaceAll with a string: every match, GetSubstitution without captures");

test(() => {
  const calls = [];
  const result = "abab".replaceAll("b", function (matched, position, string) {
    "use strict";
    calls.push([this, matched, position, string]);
    return position;
  });
  assert_equals(result, "a1a3");
  assert_equals(calls.length, 2);
  assert_equals(calls[0][0], undefined, "called with this undefined (strict function)");
  assert_array_equals(calls[0].slice(1), ["b", 1, "abab"]);
}, "replaceAll with a function: called for each match with (match, position, string)");

test(() => {
  assert_equals("a.b.c".replaceAll(/\./g, "-"), "a-b-c");
  assert_throws_js(TypeError, () => "a.b".replaceAll(/\./, "-"), "a non-global RegExp");
  const replacer = {
    [Symbol.replace](string, replaceValue) { return `replaced ${string} with ${replaceValue}`; },
  };
  assert_equals("abc".replaceAll(replacer, "z"), "replaced abc with z");
  const flagless = /x/g;
  Object.defineProperty(flagless, "flags", { value: undefined });
  assert_throws_js(TypeError, () => "x".replaceAll(flagless, "y"));
}, "replaceAll with a RegExp or a replacer object goes to Symbol.replace");

test(() => {
  assert_array_equals("a,b,,c".split(","), ["a", "b", "", "c"]);
  assert_array_equals("a,b,c".split(",", 2), ["a", "b"]);
  assert_array_equals("a,b,c".split(",", 0), []);
  assert_array_equals("abc".split(""), ["a", "b", "c"]);
  assert_array_equals("abc".split("", 2), ["a", "b"]);
  assert_array_equals("abc".split(), ["abc"]);
  assert_array_equals("".split(","), [""]);
  assert_array_equals("".split(""), []);
  assert_array_equals("a€b€c".split("€"), ["a", "b", "c"]);
  assert_array_equals("a,b".split(",", -1), ["a", "b"], "ToUint32(-1) is 2^32 - 1");
  assert_array_equals("a1b2c".split(/\d/), ["a", "b", "c"]);
  assert_equals(String.prototype.split.length, 2);
}, "split with a string separator and limits");

test(() => {
  const order = [];
  const limit = { valueOf() { order.push("limit"); return 5; } };
  const separator = { toString() { order.push("separator"); return ","; } };
  assert_array_equals("a,b".split(separator, limit), ["a", "b"]);
  assert_array_equals(order, ["limit", "separator"]);
}, "split converts the limit before the separator");

test(() => {
  const s = "xy".repeat(2 ** 17);
  assert_equals(s.split("x").length, 2 ** 17 + 1);
  assert_equals(s.replaceAll("x", "zz").length, 3 * 2 ** 17);
  let n = 0;
  for (let p = s.indexOf("x"); p >= 0; p = s.indexOf("x", p + 1)) n++;
  assert_equals(n, 2 ** 17);
}, "many matches in a long string (linear: this took seconds with a quadratic search)");
