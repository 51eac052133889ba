// META: title=Simple dialogs and print() in a user agent that cannot show them
// Spec: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#simple-dialogs
// Postern is headless: "cannot show simple dialogs" is true (its optional last step), so the
// methods return at once with the values the spec gives for that case, after converting
// their arguments.

test(() => {
  assert_equals(alert(), undefined);
  assert_equals(alert("hi"), undefined);
  assert_equals(confirm("sure?"), false);
  assert_equals(prompt("name?", "x"), null);
  assert_equals(print(), undefined);
}, "alert returns undefined, confirm false, prompt null, print undefined");

test(() => {
  assert_equals(alert.length, 0);
  assert_equals(confirm.length, 0);
  assert_equals(prompt.length, 0);
  assert_equals(print.length, 0);
}, "lengths");

test(() => {
  const order = [];
  const message = { toString() { order.push("message"); return "m"; } };
  const dflt = { toString() { order.push("default"); return "d"; } };
  prompt(message, dflt);
  confirm(message);
  alert(message);
  assert_array_equals(order, ["message", "default", "message", "message"]);
  const thrower = { toString() { throw new RangeError("no"); } };
  assert_throws_js(RangeError, () => alert(thrower));
  assert_throws_js(RangeError, () => confirm(thrower));
  assert_throws_js(RangeError, () => prompt("ok", thrower));
}, "the arguments are converted to DOMString first, exceptions propagating");

test(() => {
  assert_throws_js(TypeError, () => alert.call({}));
  assert_throws_js(TypeError, () => prompt.call(document));
}, "the methods check their this");

test(() => {
  assert_equals(window.status, "");
  window.status = 42;
  assert_equals(window.status, "42");
  window.status = "";
}, "status: the last string it was set to, empty at first");
