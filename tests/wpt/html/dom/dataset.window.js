// Spec: https://html.spec.whatwg.org/multipage/dom.html#dom-dataset
// https://html.spec.whatwg.org/multipage/dom.html#domstringmap
"use strict";

function element(attributes = {}) {
  const div = document.createElement("div");
  for (const [name, value] of Object.entries(attributes)) {
    div.setAttribute(name, value);
  }
  return div;
}

test(() => {
  const div = element();
  assert_true(div.dataset instanceof DOMStringMap);
  assert_equals(div.dataset, div.dataset, "[SameObject]");
  assert_equals(Object.prototype.toString.call(div.dataset), "[object DOMStringMap]");
  assert_throws_js(TypeError, () => new DOMStringMap());
}, "dataset is the element's one DOMStringMap");

test(() => {
  const div = element({ "data-foo-bar": "1", "data-x": "2", "data-": "3", "data-a--b": "4", "data-c-1": "5", id: "i" });
  assert_equals(div.dataset.fooBar, "1");
  assert_equals(div.dataset.x, "2");
  assert_equals(div.dataset[""], "3");
  assert_equals(div.dataset["a-B"], "4");
  assert_equals(div.dataset["c-1"], "5", "a hyphen before a digit stays");
  assert_equals(div.dataset.id, undefined);
  assert_array_equals(Object.keys(div.dataset), ["fooBar", "x", "", "a-B", "c-1"]);
  assert_true("fooBar" in div.dataset);
  assert_false("foo-bar" in div.dataset);
  const desc = Object.getOwnPropertyDescriptor(div.dataset, "fooBar");
  assert_equals(desc.value, "1");
  assert_true(desc.writable && desc.enumerable && desc.configurable);
}, "the named properties are the data-* attributes, camel-cased, in attribute order");

test(() => {
  const div = element();
  div.dataset.helloWorld = "hi";
  assert_equals(div.getAttribute("data-hello-world"), "hi");
  div.dataset.n = 5;
  assert_equals(div.getAttribute("data-n"), "5", "values are converted to strings");
  Object.defineProperty(div.dataset, "viaDefine", { value: "d" });
  assert_equals(div.getAttribute("data-via-define"), "d");
  assert_throws_js(TypeError, () => Object.defineProperty(div.dataset, "getter", { get() { return 1; } }));
  assert_throws_dom("SyntaxError", () => { div.dataset["foo-bar"] = "x"; });
  assert_throws_dom("InvalidCharacterError", () => { div.dataset["a b"] = "x"; });
  assert_equals(div.getAttribute("data-foo-bar"), null);
}, "setting a named property sets the data-* attribute, or throws for a name it cannot map");

test(() => {
  const div = element({ "data-gone-soon": "1" });
  assert_true(delete div.dataset.goneSoon);
  assert_false(div.hasAttribute("data-gone-soon"));
  assert_true(delete div.dataset.neverThere, "deleting a missing name is fine");
}, "deleting a named property removes the attribute");

test(() => {
  const div = element({ "data-to-string": "shadowing" });
  assert_equals(div.dataset.toString, "shadowing", "[LegacyOverrideBuiltIns]");
  div.removeAttribute("data-to-string");
  assert_equals(div.dataset.toString, Object.prototype.toString);
}, "named properties override the prototype's properties");
