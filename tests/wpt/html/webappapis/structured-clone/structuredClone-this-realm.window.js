// META: title=structuredClone() deserializes in this's relevant realm, whatever the function's realm
"use strict";
// HTML, structuredClone(value, options) step 2: StructuredDeserializeWithTransfer(serialized,
// this's relevant realm). With another window's structuredClone called on this window (or
// this window's called on another), the clone belongs to the realm of the `this` window.

function child_window(t) {
  const iframe = document.createElement("iframe");
  document.body.appendChild(iframe);
  t.add_cleanup(() => iframe.remove());
  return iframe.contentWindow;
}

for (const key of ["Object", "Array", "Date", "RegExp", "Map", "ArrayBuffer"]) {
  test(t => {
    const child = child_window(t);
    const original = new child[key]();
    const cloned = child.structuredClone.call(window, original);
    assert_true(cloned instanceof window[key], "in this window's realm");
    assert_false(cloned instanceof child[key], "not in the function's realm");
  }, `another window's structuredClone called on this window: a ${key} of this realm`);
}

test(t => {
  const child = child_window(t);
  const cloned = structuredClone.call(child, { a: [1] });
  assert_true(cloned instanceof child.Object);
  assert_true(cloned.a instanceof child.Array);
  assert_false(cloned instanceof Object);
}, "this window's structuredClone called on another window: the clone is of that window's realm");

test(t => {
  const child = child_window(t);
  // (Which realm the DataCloneError belongs to is not what this checks: Chromium makes it
  // in this's realm.)
  let thrown = null;
  try {
    structuredClone.call(child, () => {});
  } catch (e) {
    thrown = e;
  }
  assert_not_equals(thrown, null, "throws");
  assert_equals(thrown.name, "DataCloneError");
  assert_throws_js(TypeError, () => structuredClone.call({}, 1));
}, "errors: a DataCloneError for an uncloneable value, a TypeError for a this that is no Window");
