// The BarProp interface and the Window's six bar attributes, from the HTML Standard:
// https://html.spec.whatwg.org/multipage/nav-history-apis.html#browser-interface-elements

const bars = ["locationbar", "menubar", "personalbar", "scrollbars", "statusbar", "toolbar"];

test(() => {
  assert_equals(typeof BarProp, "function");
  assert_throws_js(TypeError, () => new BarProp(), "no constructor");
  const visible = Object.getOwnPropertyDescriptor(BarProp.prototype, "visible");
  assert_equals(typeof visible.get, "function", "visible is an accessor");
  assert_equals(visible.set, undefined, "visible is readonly");
  assert_true(visible.enumerable);
  assert_true(visible.configurable);
  assert_throws_js(TypeError, () => visible.get.call({}), "this must be a BarProp");
}, "BarProp is an interface without a constructor, with a readonly visible");

for (const bar of bars) {
  test(() => {
    const descriptor = Object.getOwnPropertyDescriptor(window, bar);
    assert_equals(typeof descriptor.get, "function", "an accessor on the global");
    assert_equals(typeof descriptor.set, "function", "[Replaceable] has a setter");
    assert_true(window[bar] instanceof BarProp);
    assert_equals(window[bar], window[bar], "the same object each time");
    assert_equals(Object.prototype.toString.call(window[bar]), "[object BarProp]");
    assert_true(window[bar].visible, "not a popup: visible");
  }, `window.${bar} is the Window's own BarProp object`);
}

test(() => {
  const objects = new Set(bars.map(bar => window[bar]));
  assert_equals(objects.size, bars.length);
}, "each bar attribute has its own BarProp object");

test(() => {
  const frame = document.createElement("iframe");
  document.body.append(frame);
  const child = frame.contentWindow;
  assert_not_equals(child.toolbar, window.toolbar, "another Window, another object");
  assert_equals(Object.getPrototypeOf(child.toolbar), child.BarProp.prototype,
                "made in the child's realm");
  const bar = child.toolbar;
  frame.remove();
  assert_true(bar.visible, "a Window without a browsing context: visible is true");
}, "BarProp objects belong to their Window");

test(() => {
  window.menubar = 5;
  assert_equals(window.menubar, 5, "[Replaceable]: the assignment shadows the accessor");
}, "the bar attributes are [Replaceable]");
