// window.focus() and window.blur(), from the HTML Standard:
// https://html.spec.whatwg.org/multipage/interaction.html#dom-window-focus

test(() => {
  for (const name of ["focus", "blur"]) {
    const descriptor = Object.getOwnPropertyDescriptor(window, name);
    assert_equals(typeof descriptor.value, "function", `${name} is a method of the global`);
    assert_true(descriptor.writable);
    assert_true(descriptor.enumerable);
    assert_true(descriptor.configurable);
    assert_equals(descriptor.value.length, 0);
    assert_equals(descriptor.value.name, name);
  }
}, "focus() and blur() are operations of the Window");

test(() => {
  assert_equals(window.focus(), undefined);
  assert_equals(window.blur(), undefined);
  assert_equals(focus.call(undefined), undefined, "undefined this is the global");
}, "focus() and blur() return undefined");

test(() => {
  assert_throws_js(TypeError, () => window.focus.call({}));
  assert_throws_js(TypeError, () => window.blur.call(document));
}, "focus() and blur() check their this");

test(() => {
  const frame = document.createElement("iframe");
  document.body.append(frame);
  const child = frame.contentWindow;
  assert_equals(window.focus.call(child), undefined, "another same-origin Window");
  assert_equals(child.focus(), undefined);
  assert_equals(child.blur(), undefined);
  frame.remove();
  assert_equals(child.focus(), undefined, "a Window whose navigable is gone: nothing");
  assert_equals(child.blur(), undefined);
}, "focus() and blur() on a child navigable's Window");
