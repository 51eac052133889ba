// META: title=DOMTokenList operations: add, remove, toggle, replace, supports, value, and the update steps
// Spec: https://dom.spec.whatwg.org/#interface-domtokenlist
"use strict";

function element(className) {
  const div = document.createElement("div");
  if (className !== undefined) {
    div.setAttribute("class", className);
  }
  return div;
}

test(() => {
  const div = element();
  div.classList.add("a", "b", "a");
  assert_equals(div.getAttribute("class"), "a b");
  div.classList.add("c");
  assert_equals(div.className, "a b c");
  assert_equals(div.classList.length, 3);
}, "add appends each token not already there");

test(() => {
  const div = element("  a  a\tb ");
  div.classList.add("a");
  assert_equals(div.getAttribute("class"), "a b", "the update steps serialize the set");
  const other = element(" x ");
  other.classList.remove("absent");
  assert_equals(other.getAttribute("class"), "x", "remove serializes even when nothing changed");
}, "add and remove always run the update steps");

test(() => {
  const div = element();
  div.classList.add();
  // (Chromium adds an empty attribute here; the update steps' step 1 returns.)
  assert_false(div.hasAttribute("class"), "add() with no tokens");
  div.classList.remove("x");
  assert_false(div.hasAttribute("class"), "remove");
  div.classList.toggle("x", false);
  assert_false(div.hasAttribute("class"), "toggle(x, false)");
  div.classList.value = "";
  assert_true(div.hasAttribute("class"), "setting value adds the attribute, empty");
  div.classList.remove("x");
  assert_equals(div.getAttribute("class"), "", "an existing attribute is set to the empty set");
}, "the update steps add no attribute for an empty set when there is none");

test(() => {
  const div = element("a b c");
  div.classList.remove("b", "z", "a");
  assert_equals(div.className, "c");
  div.classList.remove("c");
  assert_true(div.hasAttribute("class"), "the attribute stays, empty");
  assert_equals(div.className, "");
}, "remove takes every given token out");

test(() => {
  const div = element("a");
  assert_throws_dom("SyntaxError", () => div.classList.add(""));
  assert_throws_dom("InvalidCharacterError", () => div.classList.add("b c"));
  assert_throws_dom("InvalidCharacterError", () => div.classList.add("b\tc"));
  assert_throws_dom("SyntaxError", () => div.classList.add("b", ""));
  assert_throws_dom("InvalidCharacterError", () => div.classList.add("b c", ""),
                    "the tokens are checked in order");
  assert_throws_dom("SyntaxError", () => div.classList.remove(""));
  assert_throws_dom("InvalidCharacterError", () => div.classList.remove("a b"));
  assert_throws_dom("SyntaxError", () => div.classList.toggle(""));
  assert_throws_dom("InvalidCharacterError", () => div.classList.toggle("a\nb"));
  assert_throws_dom("SyntaxError", () => div.classList.contains("") || div.classList.add(""));
  assert_equals(div.getAttribute("class"), "a", "nothing changed");
  assert_false(div.classList.contains(""), "contains does not validate");
  assert_false(div.classList.contains("a b"), "contains does not validate");
}, "empty tokens throw a SyntaxError, tokens with ASCII whitespace an InvalidCharacterError");

test(() => {
  const div = element();
  div.classList.add(1, null, undefined, false);
  assert_equals(div.className, "1 null undefined false");
  assert_true(div.classList.contains(null));
  assert_true(div.classList.contains(1));
  assert_throws_js(TypeError, () => div.classList.add(Symbol()));
}, "the tokens are converted to DOMString");

test(() => {
  const div = element(" b  a ");
  assert_true(div.classList.toggle("c"), "added");
  assert_equals(div.className, "b a c");
  assert_false(div.classList.toggle("a"), "removed");
  assert_equals(div.className, "b c");
  assert_true(div.classList.toggle("a", undefined), "undefined force is not given");
  assert_equals(div.className, "b c a");
}, "toggle without force adds or removes");

test(() => {
  const div = element("  a  a ");
  assert_true(div.classList.toggle("a", true), "present, forced on");
  assert_equals(div.getAttribute("class"), "  a  a ", "no update steps");
  assert_false(div.classList.toggle("z", false), "absent, forced off");
  assert_equals(div.getAttribute("class"), "  a  a ", "no update steps");
  assert_true(div.classList.toggle("z", 1), "force is converted to boolean");
  assert_equals(div.getAttribute("class"), "a z");
  assert_false(div.classList.toggle("z", 0));
  assert_equals(div.getAttribute("class"), "a");
}, "toggle with force");

test(() => {
  const div = element("a b c");
  assert_false(div.classList.replace("x", "y"), "absent token");
  assert_equals(div.getAttribute("class"), "a b c");
  assert_true(div.classList.replace("b", "z"));
  assert_equals(div.className, "a z c");
  assert_true(div.classList.replace("c", "a"), "the replacement is already there");
  assert_equals(div.className, "a z");
  assert_true(div.classList.replace("a", "z"), "the first of either takes the replacement");
  assert_equals(div.className, "z");
  const spaced = element(" q  q ");
  assert_true(spaced.classList.replace("q", "q"));
  assert_equals(spaced.getAttribute("class"), "q", "the update steps ran");
}, "replace");

test(() => {
  const div = element("a");
  assert_throws_dom("SyntaxError", () => div.classList.replace("", "b"));
  assert_throws_dom("SyntaxError", () => div.classList.replace("a", ""));
  assert_throws_dom("SyntaxError", () => div.classList.replace("a b", ""),
                    "both are checked for emptiness first");
  assert_throws_dom("InvalidCharacterError", () => div.classList.replace("a b", "c"));
  assert_throws_dom("InvalidCharacterError", () => div.classList.replace("a", "c d"));
  assert_equals(div.className, "a");
}, "replace's checks");

test(() => {
  const list = element("a").classList;
  assert_throws_js(TypeError, () => list.supports("a"));
}, "supports throws a TypeError when the attribute defines no supported tokens");

test(() => {
  const div = element("a");
  div.classList.value = "  x y  x ";
  assert_equals(div.getAttribute("class"), "  x y  x ", "value sets the attribute as given");
  assert_equals(div.classList.length, 2);
  assert_equals(div.classList.value, "  x y  x ");
}, "value's setter sets the attribute");

test(() => {
  const div = element("a");
  const list = div.classList;
  div.classList = "m  n";
  assert_equals(div.getAttribute("class"), "m  n");
  assert_equals(div.classList, list, "still the same object");
  assert_equals(list.length, 2);
  const setter = Object.getOwnPropertyDescriptor(Element.prototype, "classList").set;
  // (Web IDL's attribute setter step 1; Chromium takes a missing argument as undefined.)
  assert_throws_js(TypeError, () => setter.call(div), "no argument");
  assert_throws_js(TypeError, () => setter.call({}, "x"), "not an Element");
  setter.call(div, "k");
  assert_equals(div.className, "k");
}, "[PutForwards=value]: assigning classList sets its value");

test(() => {
  const div = element("a");
  const list = div.classList;
  assert_throws_js(TypeError, () => DOMTokenList.prototype.add.call({}, "x"));
  assert_throws_js(TypeError, () => DOMTokenList.prototype.add.call(div, "x"));
  assert_throws_js(TypeError, () => Object.getOwnPropertyDescriptor(DOMTokenList.prototype, "length").get.call({}));
  assert_throws_js(TypeError, () => DOMTokenList.prototype.add.call(new Proxy(list, {}), "x"),
                   "a Proxy of a DOMTokenList is not one");
  assert_equals(div.className, "a");
}, "the operations need a DOMTokenList as this");

test(() => {
  const list = document.createElement("div").classList;
  assert_throws_js(TypeError, () => list.item(), "item");
  assert_throws_js(TypeError, () => list.contains(), "contains");
  assert_throws_js(TypeError, () => list.toggle(), "toggle");
  assert_throws_js(TypeError, () => list.replace("a"), "replace");
  assert_throws_js(TypeError, () => document.createElement("iframe").sandbox.supports(), "supports");
  list.add();
  list.remove();
}, "operations called with fewer arguments than they require throw a TypeError");
