// META: title=DOMTokenList through Element.classList: the token set, its update steps and the operations
// Spec: https://dom.spec.whatwg.org/#interface-domtokenlist,
// https://dom.spec.whatwg.org/#dom-element-classlist
"use strict";

function element(className) {
  const div = document.createElement("div");
  if (className !== undefined) {
    div.setAttribute("class", className);
  }
  return div;
}

test(() => {
  const div = element("a");
  const list = div.classList;
  assert_true(list instanceof DOMTokenList, "instanceof");
  assert_equals(Object.getPrototypeOf(list), DOMTokenList.prototype, "[[Prototype]]");
  assert_equals(Object.prototype.toString.call(list), "[object DOMTokenList]");
  assert_equals(div.classList, list, "[SameObject]");
  div.setAttribute("class", "b c");
  assert_equals(div.classList, list, "the same object after the attribute changes");
}, "classList is a DOMTokenList, the same object every time");

test(() => {
  assert_throws_js(TypeError, () => new DOMTokenList());
  assert_throws_js(TypeError, () => DOMTokenList());
  const proto = DOMTokenList.prototype;
  for (const [name, length] of [["item", 1], ["contains", 1], ["add", 0], ["remove", 0],
                                ["toggle", 1], ["replace", 2], ["supports", 1],
                                ["toString", 0]]) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    assert_equals(typeof d.value, "function", name);
    assert_equals(d.value.length, length, `${name}.length`);
    assert_true(d.writable && d.enumerable && d.configurable, `${name}'s descriptor`);
  }
  const length = Object.getOwnPropertyDescriptor(proto, "length");
  assert_equals(typeof length.get, "function");
  assert_equals(length.set, undefined, "length is readonly");
  const value = Object.getOwnPropertyDescriptor(proto, "value");
  assert_equals(typeof value.get, "function");
  assert_equals(typeof value.set, "function", "value is read-write");
  const classList = Object.getOwnPropertyDescriptor(Element.prototype, "classList");
  assert_equals(typeof classList.get, "function");
  assert_equals(typeof classList.set, "function", "[PutForwards=value] gives classList a setter");
}, "the DOMTokenList interface object and its members");

test(() => {
  const proto = DOMTokenList.prototype;
  assert_equals(proto[Symbol.iterator], Array.prototype.values, "@@iterator");
  const iterator = Object.getOwnPropertyDescriptor(proto, Symbol.iterator);
  assert_false(iterator.enumerable, "@@iterator is not enumerable");
  for (const name of ["entries", "keys", "values", "forEach"]) {
    assert_equals(proto[name], Array.prototype[name], name);
    assert_true(Object.getOwnPropertyDescriptor(proto, name).enumerable, `${name} is enumerable`);
  }
}, "iterable<DOMString>: the value iterator's methods are Array.prototype's");

test(() => {
  const list = element(" \ta  b\na \u000cc\r b ").classList;
  assert_equals(list.length, 3);
  assert_equals(list.item(0), "a");
  assert_equals(list.item(1), "b");
  assert_equals(list.item(2), "c");
  assert_equals(list.item(3), null, "past the end");
  assert_equals(list.item(-1), null, "-1 is 4294967295");
  assert_equals(list.item(4294967296), "a", "ToUint32 wraps");
  assert_equals(list[0], "a");
  assert_equals(list[2], "c");
  assert_equals(list[3], undefined);
  assert_equals(list.value, " \ta  b\na \u000cc\r b ", "value is the attribute, not the set");
  assert_equals(String(list), list.value, "stringifier");
  assert_equals(list.toString(), list.value);
}, "the token set: the attribute split on ASCII whitespace, without duplicates, in order");

test(() => {
  const list = element("a\u00a0b A").classList;
  assert_equals(list.length, 2, "U+00A0 is not ASCII whitespace");
  assert_equals(list[0], "a\u00a0b");
  assert_true(list.contains("A"));
  assert_false(list.contains("a"), "contains is case-sensitive");
}, "only ASCII whitespace separates tokens; tokens are case-sensitive");

test(() => {
  const div = element();
  const list = div.classList;
  assert_equals(list.length, 0);
  assert_equals(list.value, "");
  div.setAttribute("class", "x y");
  assert_equals(list.length, 2, "setAttribute");
  assert_equals(list[1], "y");
  div.className = "z";
  assert_equals(list.length, 1, "className");
  assert_equals(list[0], "z");
  div.removeAttribute("class");
  assert_equals(list.length, 0, "removeAttribute");
  assert_equals(list[0], undefined);
  div.setAttribute("CLASS", "p q r");
  assert_equals(list.length, 3, "setAttribute with an uppercase name on an HTML element");
}, "the token set follows the attribute whatever changes it");

test(() => {
  const list = element("a b").classList;
  assert_equals(Array.from(list).join(), "a,b", "Array.from");
  assert_equals([...list].join(), "a,b", "spread");
  const seen = [];
  for (const token of list) {
    seen.push(token);
  }
  assert_equals(seen.join(), "a,b", "for-of");
  const calls = [];
  list.forEach(function (value, index, object) {
    calls.push([value, index, object === list, this]);
  }, "thisArg");
  assert_equals(calls.length, 2);
  assert_equals(calls[1][0], "b");
  assert_equals(calls[1][1], 1);
  assert_true(calls[1][2], "the list is forEach's third argument");
  assert_equals(calls[1][3], "thisArg");
  assert_equals([...list.keys()].join(), "0,1");
  assert_equals([...list.values()].join(), "a,b");
  assert_equals(JSON.stringify([...list.entries()]), '[[0,"a"],[1,"b"]]');
}, "iteration: for-of, spread, forEach, keys, values, entries");

test(() => {
  const list = element("a b").classList;
  const live = [];
  for (const token of list) {
    live.push(token);
    if (token === "a") {
      list.add("c");
    }
  }
  assert_equals(live.join(), "a,b,c", "the iterator reads the live list");
}, "iteration is over the live token set");

test(t => {
  const iframe = document.createElement("iframe");
  document.body.appendChild(iframe);
  t.add_cleanup(() => iframe.remove());
  const child = iframe.contentWindow;
  const element = iframe.contentDocument.createElement("div");
  const list = element.classList;
  assert_equals(Object.getPrototypeOf(list), child.DOMTokenList.prototype,
                "made in the element's relevant realm");
  assert_false(list instanceof DOMTokenList, "not this realm's");
  const got = Object.getOwnPropertyDescriptor(Element.prototype, "classList").get.call(element);
  assert_equals(got, list, "this realm's getter returns the same object");
  DOMTokenList.prototype.add.call(list, "x");
  assert_equals(element.className, "x", "this realm's add works on it");
  assert_equals(list[0], "x");
}, "a DOMTokenList lives in its element's realm; other realms' members work on it");
