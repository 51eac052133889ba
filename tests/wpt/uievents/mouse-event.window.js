// Spec: https://w3c.github.io/uievents/#interface-mouseevent
"use strict";

test(() => {
  const event = new MouseEvent("click");
  assert_true(event instanceof UIEvent);
  assert_true(event instanceof Event);
  assert_equals(Object.getPrototypeOf(MouseEvent.prototype), UIEvent.prototype);
  assert_equals(event.type, "click");
  assert_false(event.bubbles);
  assert_false(event.cancelable);
  assert_false(event.isTrusted);
  assert_equals(event.view, null);
  assert_equals(event.detail, 0);
  for (const name of ["screenX", "screenY", "clientX", "clientY", "button", "buttons"]) {
    assert_equals(event[name], 0, name);
  }
  for (const name of ["ctrlKey", "shiftKey", "altKey", "metaKey"]) {
    assert_false(event[name], name);
  }
  assert_equals(event.relatedTarget, null);
}, "new MouseEvent(type) has the dictionaries' defaults");

test(() => {
  const event = new MouseEvent("mousedown", {
    bubbles: true, cancelable: true, view: window, detail: 2, screenX: 1, screenY: 2,
    clientX: 3, clientY: 4, ctrlKey: true, shiftKey: true, altKey: true, metaKey: true,
    button: 2, buttons: 3, relatedTarget: document.body,
  });
  assert_true(event.bubbles && event.cancelable);
  assert_equals(event.view, window);
  assert_equals(event.detail, 2);
  assert_array_equals([event.screenX, event.screenY, event.clientX, event.clientY], [1, 2, 3, 4]);
  assert_true(event.ctrlKey && event.shiftKey && event.altKey && event.metaKey);
  assert_equals(event.button, 2);
  assert_equals(event.buttons, 3);
  assert_equals(event.relatedTarget, document.body);
}, "new MouseEvent(type, init) takes every member");

test(() => {
  const event = new UIEvent("x", { view: window, detail: 7 });
  assert_equals(event.view, window);
  assert_equals(event.detail, 7);
  assert_false("clientX" in event);
  assert_throws_js(TypeError, () => new UIEvent("x", { view: 1 }));
  assert_throws_js(TypeError, () => MouseEvent("click"));
}, "UIEvent's members, and the constructors' checks");
