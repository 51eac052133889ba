// META: title=The incumbent settings object of code compiled by another window's Function and eval
"use strict";
// HTML, "incumbent settings object": the Realm of the topmost script-having execution
// context. Code compiled by another window's Function constructor or (indirect) eval runs in
// that window's realm, so that window is the incumbent, whoever called it.

function load_child(t) {
  return new Promise(resolve => {
    const iframe = document.createElement("iframe");
    iframe.onload = () => resolve(iframe);
    document.body.appendChild(iframe);
    t.add_cleanup(() => iframe.remove());
  });
}

function next_message(data) {
  return new Promise(resolve => {
    window.addEventListener("message", function listener(e) {
      if (e.data === data) {
        window.removeEventListener("message", listener);
        resolve(e);
      }
    });
  });
}

promise_test(async t => {
  const iframe = document.createElement("iframe");
  document.body.appendChild(iframe);
  t.add_cleanup(() => iframe.remove());
  const child = iframe.contentWindow;
  const received = next_message("function");
  child.Function("parent.postMessage('function', '*')")();
  const event = await received;
  assert_equals(event.source, child);
  assert_equals(event.origin, location.origin);
}, "a function made by another window's Function constructor posts as that window");

promise_test(async t => {
  const iframe = document.createElement("iframe");
  document.body.appendChild(iframe);
  t.add_cleanup(() => iframe.remove());
  const child = iframe.contentWindow;
  const received = next_message("eval");
  child.eval("parent.postMessage('eval', '*')");
  const event = await received;
  assert_equals(event.source, child);
}, "code run by another window's eval posts as that window");

promise_test(async t => {
  const iframe = document.createElement("iframe");
  document.body.appendChild(iframe);
  t.add_cleanup(() => iframe.remove());
  const child = iframe.contentWindow;
  const received = next_message("timer-function");
  child.setTimeout(child.Function("parent.postMessage('timer-function', '*')"), 0);
  const event = await received;
  assert_equals(event.source, child);
}, "another window's Function run by a timer posts as that window");
